"""What rule-like notes list for one party or category and not another (gen_rules). Real spaCy on
made-up notes of no course of the pool: a rowing club's charter and notes on a made-up island's
assembly."""

from __future__ import annotations

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_rules import Member, NotesList, _foreign, _main_sequence, setting
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks

CHARTER = "Charter of the Riverside Rowing Club"
SECTIONS = [
    (("1. Introduction",), "The Riverside Rowing Club is a society of members who row on the river."),
    (("2. Captain", "2.1. Powers"),
     "The Captain may:\n"
     "- Set the training schedule for each season.\n"
     "- Choose the crews for regattas.\n"
     "The Captain should consult the coaches first.\n"
     "3. Lend boats to visiting clubs. (See §4.2.)\n"
     "4. Close the river to training in a flood.\n"
     "5. Appoint a vice-captain from the senior rowers."),
    (("3. Committee", "3.1. Powers"),
     "The Committee may:\n"
     "- Admit new members or expel existing members.\n"
     "- Fix the yearly subscription.\n"
     "- Sell boats the club no longer needs.\n"
     "4. Overrule the Captain (requires a two-thirds majority).\n"
     "5. Approve the accounts of the treasurer.\n"
     "6. Buy new oars when they are worn.\n"
     "7. Choose the secretary of the Committee."),
    (("3. Committee", "3.2. Procedure"),
     "The Captain may also fix the yearly subscription when the Committee cannot meet."),
    (("4. Boatman", "4.1. Powers"),
     "The Boatman may:\n"
     "- Repair damaged hulls in the boathouse.\n"
     "- Order varnish and spare parts.\n"
     "- Keep the keys of the boathouse."),
    (("5. Coach", "5.1. Powers"),
     "The Coach may:\n"
     "- Test the fitness of novices.\n"
     "- Film crews on the water.\n"
     "- Recommend rowers for county trials."),
]


def _chunks(sections) -> list[Chunk]:
    return section_chunks("charter.txt", [((CHARTER, *path), text) for path, text in sections])


def _rule_items(chunks):
    return [i for i in generate_items(chunks, learned_cutoff=False) if "one of the" in i.prompt]


def test_a_party_s_powers_are_asked_with_another_party_s_power_as_the_odd_one_out():
    items = {i.prompt: i for i in _rule_items(_chunks(SECTIONS))}
    captain = items["Under the Charter of the Riverside Rowing Club, which of these is NOT one of the powers of the "
                    "Captain?"]
    committee_powers = {"Admit new members or expel existing members", "Sell boats the club no longer needs",
                        "Overrule the Captain", "Approve the accounts of the treasurer"}
    captain_powers = {"Set the training schedule for each season", "Choose the crews for regattas",
                      "Lend boats to visiting clubs", "Close the river to training in a flood",
                      "Appoint a vice-captain from the senior rowers"}
    assert captain.answer in committee_powers - {"Overrule the Captain"}  # no option names the Captain
    assert set(captain.options) - {captain.answer} <= captain_powers and len(captain.options) == 4
    assert captain.tests == "enumeration" and captain.kind == "multiple_choice"
    # Elsewhere the notes let the Captain fix the subscription: never offered as what the Captain may not do.
    assert all("subscription" not in o for i in items.values() for o in i.options if "Captain?" in i.prompt)
    # The options read alike: no parenthesis, no "(See §4.2.)".
    assert all("(" not in o for i in items.values() for o in i.options)
    # A member that names its own party marks itself as a member: not shown in a question on that party.
    assert all("secretary of the Committee" not in o for i in items.values() for o in i.options
               if "of the Committee?" in i.prompt)
    # An item that points back ("when they are worn") is no option.
    assert all("they" not in o.split() for i in items.values() for o in i.options)


def test_a_party_that_may_override_another_is_not_asked_what_the_other_may_not_do():
    # The Committee may overrule the Captain: any power of the Captain's may be the Committee's too.
    committee = [i for i in _rule_items(_chunks(SECTIONS)) if "NOT one of the powers of the Committee" in i.prompt]
    captain_powers = {"Set the training schedule for each season", "Choose the crews for regattas",
                      "Lend boats to visiting clubs", "Close the river to training in a flood",
                      "Appoint a vice-captain from the senior rowers"}
    assert all(i.answer not in captain_powers for i in committee)


def test_the_other_way_round_a_party_s_power_among_other_parties_powers():
    items = [i for i in _rule_items(_chunks(SECTIONS)) if "is one of the powers" in i.prompt]
    assert items
    for item in items:
        party = item.prompt.rsplit(" of the ", 1)[1].rstrip("?")
        assert len(item.options) == 4 and item.answer in item.options
        assert party in ("Captain", "Committee")


def test_an_option_the_notes_also_give_the_party_is_not_offered():
    chunk = _chunks(SECTIONS)[0]
    captain = NotesList("charter.txt", "may:powers", "the Captain", True,
                        [Member(t, t, chunk) for t in ("Set the training schedule", "Choose the crews for regattas",
                                                       "Lend boats to visiting clubs")],
                        Member("The Captain may:", "The Captain may:", chunk), heading="powers", modal="may",
                        said=["Set the training schedule", "Choose the crews for regattas", "Lend boats to visiting clubs"])
    told = ["The Captain may also fix the yearly subscription when the Committee cannot meet."]
    assert _foreign("Fix the yearly subscription", captain, [], frozenset())
    assert not _foreign("Fix the yearly subscription", captain, told, frozenset())
    assert not _foreign("Lend oars to visiting clubs", captain, [], frozenset())  # most of a listed power
    assert not _foreign("Overrule the Captain", captain, [], frozenset())  # names the party
    assert not _foreign("Buy new oars when they are worn", captain, [], frozenset())  # points back


def test_who_may_do_what_with_the_other_parties_as_options():
    items = {i.prompt: i for i in generate_items(_chunks(SECTIONS), learned_cutoff=False)
             if ", who may " in i.prompt}
    assert items
    for item in items.values():
        assert item.prompt.startswith("Under the Charter of the Riverside Rowing Club, who may ")
        assert item.answer in item.options and 3 <= len(item.options) <= 4
        assert set(item.options) <= {"the Captain", "the Committee", "the Boatman", "the Coach"}
        assert item.tests == "actor"
        # The Committee may overrule the Captain: whatever the Captain may do, it may too.
        if item.answer == "the Captain":
            assert "the Committee" not in item.options
    # No two items ask the same fact: a power shown in a list item is not asked again as a who-item.
    listed = {o for i in _rule_items(_chunks(SECTIONS)) for o in i.options}
    assert not any(p.split(", who may ", 1)[1].rstrip("?").lower() == o.lower() for p in items for o in listed)
    # Nor twice with the same answer and options.
    assert len({(i.answer, frozenset(i.options)) for i in items.values()}) == len(items)


def test_one_party_alone_gives_no_item():
    assert _rule_items(_chunks(SECTIONS[:2])) == []


def test_a_nested_list_is_not_read_as_the_list_s_own_items():
    # "- a", "- b", then "3.", a nested "1.", "2.", then "4.": the nested numbers are skipped; two
    # "- " lines that do not fill the gap to the next number belong to a nested list.
    assert _main_sequence([(1, None), (2, None), (3, 3), (4, 1), (5, 2), (6, 4)]) == [1, 2, 3, 6]
    assert _main_sequence([(1, 1), (2, None), (3, None), (4, None), (5, 3)]) == [1]


ISLAND = "Assembly of Tarrow"
ASSEMBLY = [
    (("Assembly of Tarrow",),
     "The Assembly of Tarrow makes laws for the island. The Tarrow Act 1990 divides the island's affairs "
     "between the Assembly and the Crown. Such \"local matters\" include harbours, fisheries, libraries, "
     "roads and parks."),
    (("Assembly of Tarrow",),
     "Crown matters are subjects that are kept by the Crown. The Assembly cannot legislate on such subjects. "
     "These include defence, currency, immigration, coinage, road tolls and foreign policy."),
]


def _island() -> list[Chunk]:
    return [Chunk(make_chunk_id("tarrow.txt", path, text, i), "tarrow.txt", path, None, i, text)
            for i, (path, text) in enumerate(ASSEMBLY)]


def test_a_category_s_members_are_asked_against_a_comparable_category():
    items = _rule_items(_island())
    local = next(i for i in items if "NOT one of the local matters" in i.prompt)
    assert local.prompt == "According to the notes on the Assembly of Tarrow, which of these is NOT one of the local matters?"
    assert local.answer in {"defence", "currency", "immigration", "coinage", "foreign policy"}
    assert set(local.options) - {local.answer} <= {"harbours", "fisheries", "libraries", "roads", "parks"}
    # "road tolls" shares a word with the local "roads"? No: but with the list's own words it may not be
    # told apart from them; a Crown matter sharing a content word with the local list is never offered.
    assert all(o != "road tolls" for i in items for o in i.options if "local matters" in i.prompt)
    # "Crown matters": the notes write "the Crown" with its capital, so the question does too.
    assert any("NOT one of the Crown matters?" in i.prompt for i in items)


def test_shown_members_are_not_neighbours_in_the_notes_list():
    # The notes group what is alike ("army, navy, air force"); three neighbours shown beside the odd
    # one out would let it stand out by theme.
    notes = [(("Assembly of Tarrow",),
              "Such \"local matters\" include harbours, fisheries, libraries, roads and parks. "
              "Crown matters are subjects that are kept by the Crown. The Assembly cannot legislate on such "
              "subjects. These include currency, army, navy, air force, immigration, coinage and foreign policy.")]
    chunks = [Chunk(make_chunk_id("t.txt", p, t, i), "t.txt", p, None, i, t) for i, (p, t) in enumerate(notes)]
    crown = ["currency", "army", "navy", "air force", "immigration", "coinage", "foreign policy"]
    local = ["harbours", "fisheries", "libraries", "roads", "parks"]
    items = [i for i in _rule_items(chunks) if "NOT one of" in i.prompt]
    assert items
    for item in items:
        listed = crown if "Crown" in item.prompt else local
        at = sorted(listed.index(o) for o in item.options if o != item.answer)
        assert all(b - a > 1 for a, b in zip(at, at[1:])), item.options


def test_a_list_with_no_modifier_to_tell_it_apart_is_not_compared():
    notes = [(("Assembly of Tarrow",),
              "Such matters include harbours, fisheries, libraries and parks. "
              "Crown matters are subjects kept by the Crown. These include defence, currency and immigration.")]
    chunks = [Chunk(make_chunk_id("t.txt", p, t, i), "t.txt", p, None, i, t) for i, (p, t) in enumerate(notes)]
    assert _rule_items(chunks) == []


def test_how_a_question_names_the_notes():
    assert setting("Constitution for the Debian Project (v1.9)") == "Under the Constitution for the Debian Project"
    assert setting("Scottish Parliament") == "According to the notes on the Scottish Parliament"
    assert setting("European Union law") == "According to the notes on European Union law"
    assert setting("") == "According to the notes"


def test_what_a_rule_requires_under_a_condition_is_a_card():
    sections = [
        (("1. Boats",), "If two crews cannot agree on a booking, they must ask the Captain to decide between them.\n"
                        "If the river is in flood, you must keep every boat in the boathouse.\n"
                        "When you borrow a boat, you may use it for one day.\n"
                        "If you break an oar under this section, you must pay for a new one."),
    ]
    cards = {i.prompt: i.answer for i in generate_items(_chunks(sections), learned_cutoff=False) if i.kind == "flashcard"}
    assert cards.get("Under the Charter of the Riverside Rowing Club, if two crews cannot agree on a booking, what "
                     "must they do?") == "Ask the Captain to decide between them"
    assert cards.get("Under the Charter of the Riverside Rowing Club, if the river is in flood, what must you do?") \
        == "Keep every boat in the boathouse"
    # Not of "may" (what a condition allows is seldom all it allows), nor of a condition that points
    # back ("under this section").
    assert not any("borrow" in p or "break an oar" in p for p in cards)


def test_the_keyed_option_is_never_the_only_name_or_the_only_common_noun():
    # A name among common nouns (or one common noun among names) gives itself away (rubric 4).
    notes = [(("Assembly of Tarrow",),
              "Such \"local matters\" include harbours, fisheries, libraries, roads and parks. "
              "Crown matters are subjects that are kept by the Crown. The Assembly cannot legislate on such "
              "subjects. These include Tarrow Castle, Port Selby, Mount Orrin and currency.")]
    chunks = [Chunk(make_chunk_id("t.txt", p, t, i), "t.txt", p, None, i, t) for i, (p, t) in enumerate(notes)]
    names = {"Tarrow Castle", "Port Selby", "Mount Orrin"}
    items = [i for i in _rule_items(chunks) if "NOT one of" in i.prompt]
    local = next(i for i in items if "local matters" in i.prompt)
    assert local.answer == "currency"
    for item in items:
        others = [o for o in item.options if o != item.answer]
        assert any((o in names) == (item.answer in names) for o in others), item.options

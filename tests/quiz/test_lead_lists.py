"""Lists under a lead-in line in any notes (gen_lead_lists), asked by gen_rules. Real spaCy on
made-up notes of no course of the pool: the history of an invented island, Tarrow."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.quiz.gen_lead_lists import lead_lists
from bot.core.quiz.gen_option_shape import BARE, DESCRIBED, NAME, option_shape, stands_out
from bot.core.quiz.gen_rules import Member, NotesList, _comparable
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks

HARBOUR = [
    (("The Harbour Programme (1820–1830)", "Aims"),
     "The Harbour Programme rebuilt the ports of Tarrow after the storms. Key goals included:\n"
     "- Deepening of the northern harbour channels.\n"
     "- Construction of stone quays at every fishing village.\n"
     "- Training of local pilots, chiefly in the western bays.\n"
     "- Purchase of steam dredgers from foreign yards.\n"
     "The programme was paid for by a tax on salt."),
    (("The Harbour Programme (1820–1830)", "Results"),
     "The programme achieved some notable successes:\n"
     "- Trade through the ports doubled within ten years.\n"
     "- Fishing fleets grew; new canneries opened.\n"
     "- Shipwrecks on the northern coast became rare.\n"
     "Inland farmers gained little from it."),
    (("The Wool Reform (1841–1850)", "Measures"),
     "Under the Wool Reform, the assembly turned to the uplands. Key measures included:\n"
     "- Fencing of common sheep pastures.\n"
     "- Licensing of wool merchants by the assembly.\n"
     "- Abolition of the old weaving guilds.\n"
     "Many shepherds left for the towns."),
    (("The Wool Reform (1841–1850)", "Unrest"),
     "Shepherds burned several fences in 1846. This led to:\n"
     "- Harsh fines for damaging enclosures.\n"
     "- Patrols of mounted constables in the hills.\n"
     "- A petition of grievances to the governor."),
]


def _chunks(sections) -> list[Chunk]:
    return section_chunks("tarrow.txt", sections)


def _lists(sections):
    return {lst.label: lst for lst in lead_lists(_chunks(sections), nlp.parse_lines)}


def _list_items(sections):
    return [i for i in generate_items(_chunks(sections), learned_cutoff=False) if "one of the" in i.prompt]


def test_a_lead_in_names_its_category_and_what_it_is_of_from_the_heading_the_prose_names():
    lists = _lists(HARBOUR)
    goals = lists["key goals of the Harbour Programme"]
    assert goals.tense == "was"  # "included": the question asks in the past
    assert [m.text for m in goals.members] == [
        "Deepening of the northern harbour channels", "Construction of stone quays at every fishing village",
        "Training of local pilots, chiefly in the western bays", "Purchase of steam dredgers from foreign yards"]
    # "The programme achieved ...": "the programme" stands for the heading's name.
    assert "notable successes of the Harbour Programme" in lists
    assert "key measures of the Wool Reform" in lists


def test_a_lead_in_that_points_back_gives_no_list():
    assert not any("fines" in m.text for lst in _lists(HARBOUR).values() for m in lst.members)


def test_a_member_is_shown_as_its_first_clause_and_keeps_its_form():
    successes = _lists(HARBOUR)["notable successes of the Harbour Programme"]
    assert "Fishing fleets grew" in [m.text for m in successes.members]
    assert {m.form for m in successes.members} == {"clause"}
    assert {m.form for m in _lists(HARBOUR)["key goals of the Harbour Programme"].members} == {"phrase"}


def test_a_list_s_odd_one_out_is_a_member_of_a_list_in_another_part_of_the_notes():
    items = _list_items(HARBOUR)
    goals = next(i for i in items if i.prompt == "Which of these was NOT one of the key goals of the Harbour Programme?")
    measures = {"Fencing of common sheep pastures", "Licensing of wool merchants by the assembly",
                "Abolition of the old weaving guilds"}
    assert goals.answer in measures
    assert len(set(goals.options) & measures) == 1  # the other three are goals


def test_a_judging_category_takes_no_odd_one_out_of_another_kind():
    # "Trade through the ports doubled" among measures, or a measure among successes, stands out by tone.
    assert not any("notable successes" in i.prompt for i in _list_items(HARBOUR))


def test_lists_of_one_thing_or_under_one_top_heading_are_not_compared():
    def listed(label, subject, section):
        member = Member("x y", "x y", _chunks(HARBOUR)[0])
        return NotesList("t.txt", "lead", label, False, [member], member, subject=subject, section=section)
    reasons = listed("economic reasons of the failure", "the failure", "Reasons for the Failure")
    others = listed("political reasons of the collapse", "the collapse", "Reasons for the Failure")
    assert not _comparable(reasons, others)  # siblings: a reason of one may be a reason of the other
    assert not _comparable(reasons, listed("key aims of the failure", "the failure", "Elsewhere"))
    assert _comparable(reasons, listed("key aims of the reform", "the reform", "The Reform"))


def test_a_person_s_lead_in_and_a_category_without_a_modifier_give_no_list():
    notes = [(("The Wool Reform (1841–1850)", "Opposition"),
              "Governor Marlow opposed the Wool Reform. Marlow faced several challenges:\n"
              "- Debts of the assembly.\n- Riots in the uplands.\n- Storms at sea.\n"
              "Features included:\n- Fences.\n- Licences.\n- Guild halls.")]
    assert _lists(notes) == {}


def _canal(scheme_aims: str, rail_measures: str):
    return [(("The Canal Scheme (1860–1870)", "Aims"),
             "The Canal Scheme joined the rivers of Tarrow. Key aims included:\n" + scheme_aims
             + "\nThe scheme was paid for by the wool tax."),
            (("The Rail Reform (1881–1890)", "Measures"),
             "Under the Rail Reform, the assembly turned to the railways. Key measures included:\n" + rail_measures
             + "\nMany boatmen lost their trade.")]


LONG_AIMS = ("- Widening of the river locks near the capital.\n- Cutting of a new channel through the marshes.\n"
             "- Building of towpaths along every navigable canal.\n- Dredging of silted basins in the port towns.")


def test_an_option_s_shape_and_length_are_read_from_its_words():
    docs = nlp.parse_lines(["Backyard furnaces", "Rapid expansion of heavy industry", "Reducing reliance on exports",
                            "Sino-Soviet Treaty of Friendship", "Foreign affairs"])
    backyard, expansion, reducing, treaty, affairs = [option_shape(d) for d in docs]
    assert (backyard, expansion, reducing, treaty, affairs) == (BARE, DESCRIBED, DESCRIBED, NAME, BARE)

    def option(text, shape):
        return Member(text, text, _chunks(HARBOUR)[0], shape=shape)
    shown = [option("Rapid expansion of heavy industry", DESCRIBED),
             option("Development of transport and communication networks", DESCRIBED),
             option("Reducing reliance on agricultural exports by producing domestic industrial goods", DESCRIBED)]
    assert stands_out(option("Backyard furnaces", BARE), shown)  # two words and bare among five to ten
    assert stands_out(option("Expansion of the communes", BARE), shown)  # the only bare one, though of their length
    assert not stands_out(option("Expansion of communes to oversee farming", DESCRIBED), shown)
    common = [option("education", BARE), option("health", BARE), option("local transport", BARE)]
    assert stands_out(option("the Crown", NAME), common)  # a name among common phrases
    assert not stands_out(option("fisheries", BARE), common)


def test_no_list_item_when_every_odd_one_out_would_stand_out_by_its_form():
    # Bare two-word measures against long described aims: each list's odd one out is of the other form.
    notes = _canal(LONG_AIMS, "- Iron rails.\n- Signal towers.\n- Goods wagons.")
    assert {lst.label for lst in _lists(notes).values()} >= {"key aims of the Canal Scheme",
                                                            "key measures of the Rail Reform"}
    assert _list_items(notes) == []


def test_shown_members_are_chosen_to_match_the_odd_one_out_rather_than_refusing():
    # Three aims shown apart in the notes' list are the three long ones, beside which a bare measure
    # stands out; the two bare aims between them make a set it does not stand out from.
    aims = ("- Widening of the river locks near the capital.\n- Toll bridges.\n"
            "- Cutting of a new channel through the marshes.\n- Stone wharves.\n"
            "- Building of towpaths along every navigable canal.")
    notes = _canal(aims, "- Iron rails.\n- Signal towers.\n- Goods wagons.")
    lists = _lists(notes)
    items = _list_items(notes)
    canal = next(i for i in items if i.prompt == "Which of these was NOT one of the key aims of the Canal Scheme?")
    assert {"Toll bridges", "Stone wharves"} & set(canal.options)
    shapes = {m.text: m for lst in lists.values() for m in lst.members}
    for item in items:  # whichever option is keyed, it looks like the others
        assert not stands_out(shapes[item.answer], [shapes[o] for o in item.options if o != item.answer])

"""Round 21's borderline kinds (held-out set 12), fixed by form: a death asked as "Who died in <month>?",
an office offered without its body ("The Chair": of what?), one office's two names asked twice among the
same options, and a "<Party> may:" list whose party a text dump wrote after a link's target. Real spaCy on
made-up notes of no course of the pool (a canal company, a harbour's offices, a rowing club's charter)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_roles import RolePool, role_of
from bot.core.quiz.gen_bank_shape import _same_who
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks
from tests.quiz.test_actor_choice import CANAL, _actor_items
from tests.quiz.test_rule_lists import CHARTER, SECTIONS


def test_a_death_is_no_deed_to_ask_who_did():
    deaths = ["Margaret Cole died in March 1850.", "Henry Walsh passed away in the winter of 1852."]
    prompts = [q.prompt for q in _actor_items(CANAL + deaths)]
    assert prompts  # the deeds are still asked
    assert not any("died" in p or "passed away" in p for p in prompts)


HARBOUR = [
    "The Harbour Board appoints the pilots of the port.",
    "The Harbour Board sets the dues that ships pay at the quay.",
    "The Chair sets the order of business at each meeting of the wardens.",
    "The Chair of the Harbour Board is elected by the wardens every second year.",
    "The Toll Warden collects the bridge tolls at the start of each season.",
    "The Toll Warden keeps the accounts of the bridge.",
    "The Salt Office weighs every cargo of salt that is landed.",
    "The Salt Office issues the licences of the salt merchants.",
    "The River Council publishes the flood warnings at the town gate.",
]


def _pool(notes):
    docs = nlp.parse_lines(notes)
    roles = [r for r in (role_of(d) for d in docs) if r is not None]
    return roles, RolePool(roles, notes, docs)


def test_an_office_is_shown_by_the_full_name_the_notes_give_it():
    roles, pool = _pool(HARBOUR)
    asked = next(r for r in roles if r.body == "the Chair")
    question = pool.question(asked)
    assert question is not None and question.answer == "The Chair of the Harbour Board"
    assert "The Chair" not in question.options
    for role in roles:
        other = pool.question(role)
        assert other is None or "The Chair" not in other.options


def test_an_office_of_several_bodies_is_neither_asked_nor_offered():
    roles, pool = _pool([*HARBOUR, "The Chair of the River Council opens the spring fair."])
    asked = next(r for r in roles if r.body == "the Chair")
    assert pool.question(asked) is None
    for role in roles:
        other = pool.question(role)
        assert other is None or not any(o.startswith("The Chair") for o in other.options)


def test_one_offices_two_names_among_the_same_options_are_one_item():
    offices = frozenset({"the technical committee", "the chair of the technical committee", "the project leader"})
    one = ("c.txt", "the secretary", offices | {"the secretary"})
    other = ("c.txt", "the project secretary", offices | {"the project secretary"})
    assert _same_who(one, other) and _same_who(other, one)
    assert not _same_who(one, ("c.txt", "the project leader", offices | {"the secretary"}))  # another answer
    assert not _same_who(one, ("other.txt", *other[1:]))  # another document
    # other options: two questions, not one
    assert not _same_who(one, ("c.txt", "the project secretary", offices - {"the project leader"}
                               | {"the project secretary", "the developers"}))


def test_a_party_written_after_a_links_target_is_read():
    linked = [(path, text.replace("The Boatman may:", "The [https://example.org/club/boatman]Boatman may:"))
              for path, text in SECTIONS]
    chunks = section_chunks("charter.txt", [((CHARTER, *path), text) for path, text in linked])
    items = [i for i in generate_items(chunks, learned_cutoff=False) if "the Boatman" in i.prompt
             or i.answer == "the Boatman"]
    assert items
    assert not any("https" in i.prompt or "https" in i.answer or any("https" in o for o in i.options)
                   for i in items)

"""What a body or an office does, asked with the notes' other bodies and offices as options (gen_roles).
Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_roles import ROLE, RolePool, role_of
from bot.core.quiz.gen_text import Sentence
from bot.core.quiz.generator import _Generator


def parse(text: str):
    return nlp.parse_lines([text])[0]


@pytest.mark.parametrize("sentence, body, predicate", [
    ("The Harbour Board appoints the Keeper of the Lights.", "the Harbour Board",
     "appoints the Keeper of the Lights"),
    ("The Guild Court can fine a merchant who sells short measures.", "the Guild Court",
     "can fine a merchant who sells short measures"),
    ("The Toll Warden sets the bridge tolls at the start of each season.", "the Toll Warden",
     "sets the bridge tolls at the start of each season"),
    # a possessive of a noun of the predicate, not of the body asked (round 15-mid: kept)
    ("The Guild Court decides whether carters can pay their tolls in salt.", "the Guild Court",
     "decides whether carters can pay their tolls in salt"),
])
def test_the_role_of_a_body_or_office(sentence, body, predicate):
    role = role_of(parse(sentence))
    assert role is not None and (role.body, role.predicate) == (body, predicate)


@pytest.mark.parametrize("sentence", [
    "The Harbour Board appointed the Keeper of the Lights in 1802.",  # a past deed: gen_deeds'
    "The Keeper of the Lights is appointed by the Harbour Board.",  # passive: the body is not the subject
    "The Guild Court cannot fine a merchant who sells short measures.",  # a negation
    "The Harbour Board is the oldest body of the port.",  # being: a description, not a role
    "The Harbour Board consists of nine wardens and a clerk.",  # what it holds, not what it does
    "The Wardens set the bridge tolls at the start of each season.",  # a group of members, not a body
    "The Harbour Act sets the bridge tolls at the start of each season.",  # a law provides, a body acts
    "The Guild Court also fines merchants who sell short measures.",  # "also": one more of something told before
    "The Toll Warden sets them at the start of each season.",  # "them": what, only the sentence before says
    "For example, the Toll Warden sets the bridge tolls at the start of each season.",  # an example of what?
    "Beyond the Harbour Board, the Toll Warden sets the bridge tolls.",  # in addition to what the Board does
    "The Toll Warden sets his tolls at the start of each season.",  # whose? a person's, told before
    # "its": rules out every option that is one person's office (round 15-mid, dropped)
    "The River Council publishes its flood warnings at the town gate.",
])
def test_no_role_where_the_sentence_does_not_give_one_on_its_own(sentence):
    assert role_of(parse(sentence)) is None


NOTES = [
    "The Harbour Board appoints the Keeper of the Lights.",
    "The Guild Court can fine a merchant who sells short measures.",
    "The Toll Warden sets the bridge tolls at the start of each season.",
    "The River Council maintains the towpaths along the canal.",
    "The Salt Office inspects the cargo of every barge.",
    "The Harbour Board meets in the old customs house.",
    "The Guild Court sits every second Tuesday.",
    "The Toll Warden keeps the ledger of the bridge.",
    "The River Council publishes the flood warnings.",
    "The Salt Office employs twelve clerks.",
]


def _pool(notes=NOTES):
    docs = nlp.parse_lines(notes)
    roles = [r for r in (role_of(d) for d in docs) if r is not None]
    return roles, RolePool(roles, notes, docs)


def test_the_options_are_other_bodies_of_the_notes():
    roles, pool = _pool()
    asked = next(r for r in roles if r.body == "the Toll Warden" and "tolls" in r.predicate)
    question = pool.question(asked)
    assert question is not None and question.tests == ROLE
    assert question.prompt == "Which of these sets the bridge tolls at the start of each season?"
    assert question.answer == "The Toll Warden"
    assert len(question.options) == 4 and "The Toll Warden" in question.options
    assert all(o in {"The Toll Warden", "The Harbour Board", "The Guild Court", "The River Council", "The Salt Office"}
               for o in question.options)


def test_no_body_the_notes_say_does_it_too():
    notes = [*NOTES, "The Salt Office may also set the tolls of the bridge in a hard winter."]
    roles, pool = _pool(notes)
    asked = next(r for r in roles if r.body == "the Toll Warden" and "tolls" in r.predicate)
    question = pool.question(asked)
    assert question is not None and "The Salt Office" not in question.options


def test_no_body_named_in_the_question_or_holding_the_answers_name():
    notes = [*NOTES, "The Keeper of the Lights trims the lamps of the pier.", "The Lights Office pays the lamp oil.",
             "The Harbour Board Treasury pays the harbour pilots."]
    roles, pool = _pool(notes)
    asked = next(r for r in roles if r.body == "the Harbour Board" and "Keeper" in r.predicate)
    question = pool.question(asked)
    assert question is not None
    assert not any("Keeper" in o or "Treasury" in o for o in question.options)


def test_no_question_without_three_other_bodies():
    roles, pool = _pool(NOTES[:2] + NOTES[5:7])
    assert all(pool.question(r) is None for r in roles)


def _generator(lines, title="Dunmere Port"):
    doc = "port.txt"
    return _Generator([Chunk(make_chunk_id(doc, (title,), line, i), doc, (title,), None, i, line)
                       for i, line in enumerate(lines)])


def test_the_generator_asks_a_role_among_bodies_the_notes_write_with_the():
    # every body met twice; "Costa" (a name the parse may read as a body, never written "the Costa")
    # is not offered
    lines = [*NOTES, "Costa sets the price of salt in the market.", "Costa sells salt to the Salt Office."]
    g = _generator(lines)
    text = NOTES[2]
    s = Sentence(text, Chunk(make_chunk_id("port.txt", ("Dunmere Port",), text, 2), "port.txt", ("Dunmere Port",),
                             None, 2, text), 0, False)
    item = g._role_item(s, g.docs[text])
    assert item is not None and item.answer == "The Toll Warden"
    assert "Costa" not in item.options
    assert item.id in g.actor_choices  # exempt from the learned cut-off, as who-did-what items with options


def test_the_course_subject_is_neither_asked_nor_offered():
    g = _generator(NOTES, title="The Harbour Board")
    text = NOTES[0]
    s = Sentence(text, Chunk(make_chunk_id("port.txt", ("The Harbour Board",), text, 0), "port.txt",
                             ("The Harbour Board",), None, 0, text), 0, False)
    assert g._role_item(s, g.docs[text]) is None
    text = NOTES[2]
    s = Sentence(text, Chunk(make_chunk_id("port.txt", ("The Harbour Board",), text, 2), "port.txt",
                             ("The Harbour Board",), None, 2, text), 0, False)
    item = g._role_item(s, g.docs[text])
    assert item is not None and "The Harbour Board" not in item.options


def test_no_party_is_offered_or_asked():
    # round 15-mid: "The SNP" among a parliament's offices, judged of another kind
    lines = [*NOTES, "The Harbour Party (HP) sets the rules of the harbour market.",
             "The HP meets in the tavern by the pier.", "The HP publishes a pamphlet every spring."]
    g = _generator(lines)
    assert not g._offered_body("the HP") and not g._offered_body("the Harbour Party")
    assert g._offered_body("the Salt Office")


def test_the_bodies_told_nearest_the_role_are_offered_first():
    far = ["The Mint Office strikes the copper coins of the port.", "The Mint Office keeps the seal of the town."]
    notes = [*NOTES[:5], "The Lamp Office lights the lamps of the pier.", "The Lamp Office trims the wicks.",
             *NOTES[5:], *far]
    roles, pool = _pool(notes)
    asked = next(r for r in roles if r.body == "the Harbour Board" and "Keeper" in r.predicate)
    question = pool.question(asked)
    assert question is not None and "The Mint Office" not in question.options


def test_no_whole_the_answer_is_named_an_office_of():
    # round 15-mid: "The Debian Project" offered for a role of its Project Secretary (the project as a
    # whole may be said to do what its offices do): dropped
    notes = [*NOTES, "The Port Trust owns the quays of Dunmere.", "The Port Trust meets once a year.",
             "The Trust Clerk keeps the minutes of the Port Trust.", "The Trust Clerk signs the harbour leases."]
    roles, pool = _pool(notes)
    asked = next(r for r in roles if r.body == "the Trust Clerk" and "leases" in r.predicate)
    question = pool.question(asked)
    assert question is not None and "The Port Trust" not in question.options

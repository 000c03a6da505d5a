"""Session 20 (quizhum): a thing named by a participle after its noun ("three small civil wars known as
the Huguenot rebellions", "some MSPs, known as whips"), the way history, law and politics notes give a
name (gen_naming.participle_naming_question, generator._participle_naming_card). Made-up notes of no
course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_naming import naming_question, participle_naming_question
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import chunks_of


def _doc(sentence: str):
    return nlp.parse_lines([sentence])[0]


def test_a_named_object_is_asked_with_the_rest_of_its_sentence():
    question = participle_naming_question(_doc(
        "Guilds appoint some masters, known as wardens, with the duty of checking that every loaf is sold "
        "at a fair weight."))
    assert question is not None
    assert question.prompt == ("What are the masters that guilds appoint with the duty of checking that every "
                               "loaf is sold at a fair weight known as?")
    assert question.answer == "Wardens."


def test_a_named_subject_is_asked_with_its_predicate():
    question = participle_naming_question(_doc(
        "A series of three small civil wars known as the Dune rebellions broke out along the northern coast of the "
        "kingdom."))
    assert question is not None
    assert question.prompt == ("What was the series of three small civil wars that broke out along the northern "
                               "coast of the kingdom known as?")
    assert question.answer == "The Dune rebellions."
    # The name's head in the question gives it away: "civil wars known as the Salt Wars".
    assert participle_naming_question(_doc(
        "A series of three small civil wars known as the Salt Wars broke out along the northern coast.")) is None


def test_an_alias_a_name_in_passing_or_an_also_known_as_is_not_asked():
    # A proper name's other name: an alias, not a term.
    assert participle_naming_question(_doc(
        "The Harbour Rowing Centre, known as the HRC, serves as the town's main boat house.")) is None
    # "also known as": one name of several.
    assert participle_naming_question(_doc(
        "Saltmaking, also known as salt boiling, was the chief trade of the northern coast.")) is None
    # The name of a noun inside another's "of" phrase: the confluence's name or the rivers'?
    assert participle_naming_question(_doc(
        "The fort stood at the confluence of the Arden and Vell rivers, called the Forks of the Arden.")) is None
    # A thing the sentence passes by, in a phrase of place.
    assert participle_naming_question(_doc(
        "The traders landed on a small peninsula called Gull Point after a long crossing.")) is None
    # A second sentence run into this one: no relative clause can be made of it.
    assert participle_naming_question(_doc(
        "A series of three small wars known as the Dune Wars broke out between 1621 and 1629. revolted against "
        "the crown.")) is None


def test_the_main_naming_reader_is_unchanged():
    """The participle form is read apart: naming_question (shared with the technical notes) does not take it."""
    assert naming_question(_doc("Guilds appoint some masters, known as wardens, with the duty of checking "
                                "that every loaf is sold at a fair weight.")) is None


def test_the_generator_asks_a_name_the_notes_give_once():
    notes = [
        "The guilds of Port Venn ran the town's bread trade for three centuries.",
        "Guilds appoint some masters, known as wardens, with the duty of checking that every loaf is sold "
        "at a fair weight.",
        "The guild hall of Port Venn stood beside the harbour and held the town's scales.",
    ]
    items = generate_items(chunks_of(notes, "Guilds of Port Venn"), learned_cutoff=False)
    asked = {i.prompt.split(": ", 1)[-1]: i.answer for i in items}
    assert asked.get("What are the masters that guilds appoint with the duty of checking that every loaf is "
                     "sold at a fair weight known as?") == "Wardens."

"""Session 24 (qvol, issue 8: volume on law notes): what a court held in a case the notes name, asked as
"In <case>, what did <court> hold?" and answered with the holding (gen_holdings, generator._holding_cards);
and a label the notes put in quotation marks, "What were dissenting voices often labelled as?"
(gen_naming.label_question). Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz import generator as generator_module
from bot.core.quiz.gen_holdings import holding_question


def _doc(sentence: str):
    return nlp.parse_lines([sentence])[0]


def test_a_holding_in_a_named_case_is_asked_by_the_case_and_the_court():
    question = holding_question(_doc("In Marlow v Kessel Harbour Board the Tribunal of Appeal held that a harbour board "
                                     "could not charge a toll on boats that only sheltered from a storm."))
    assert question is not None
    assert question.prompt == "In Marlow v Kessel Harbour Board, what did the Tribunal of Appeal hold?"
    assert question.answer == "A harbour board could not charge a toll on boats that only sheltered from a storm."
    # A connective before the case does not stay in the question; accented capitals and joiners are part of a name.
    question = holding_question(_doc("Conversely, in Órla de Vries v Calvary Port Authority the Tribunal of Appeal held "
                                     "that a pilot's licence could be withdrawn without a hearing."))
    assert question is not None
    assert question.prompt == "In Órla de Vries v Calvary Port Authority, what did the Tribunal of Appeal hold?"


def test_no_holding_is_asked_that_points_back_opens_with_a_pronoun_or_names_no_case():
    for sentence in ("In Marlow v Kessel Harbour Board the Tribunal of Appeal held that this rule applied to every port.",
                     "In Marlow v Kessel Harbour Board the Tribunal of Appeal held that it breached the charter.",
                     "The Tribunal of Appeal held that a harbour board could not charge a toll on sheltering boats.",
                     "In a 1921 case, Marlow v Kessel Harbour Board, the Tribunal of Appeal held that a harbour board "
                     "could not charge a toll on sheltering boats."):
        assert holding_question(_doc(sentence)) is None, sentence


def _chunks(paragraphs: list[str]) -> list[Chunk]:
    name = "harbour-law.txt"
    return [Chunk(make_chunk_id(name, ("Harbour law",), text, i), name, ("Harbour law",), None, i, text)
            for i, text in enumerate(paragraphs)]


NOTES = [
    "Harbour law governs the tolls, pilots and berths of the ports of Calvary.",
    "In Marlow v Kessel Harbour Board the Tribunal of Appeal held that a harbour board could not charge a toll on "
    "boats that only sheltered from a storm.",
    "In Hale v Calvary the Tribunal of Appeal held that a pilot's licence could be withdrawn after two groundings.",
    "In Hale v Calvary the Tribunal of Appeal also held that a berth could be let for ten years at most.",
]


def test_the_generator_asks_a_case_named_once_and_not_a_name_of_several_cases():
    chunks = _chunks(NOTES)
    generator = generator_module._Generator(chunks)
    made = {i.prompt: i for c in chunks for entry in generator.chunk_candidates(c) for i in entry.items}
    card = made.get("In Marlow v Kessel Harbour Board, what did the Tribunal of Appeal hold?")
    assert card is not None, list(made)
    assert card.kind == "flashcard" and card.quality >= generator_module.QUALITY_CUTOFF
    # "Hale v Calvary" names two holdings: the question would have two answers.
    assert not any(p.startswith("In Hale v Calvary,") for p in made), list(made)


def test_a_label_the_notes_put_in_quotation_marks_is_asked_as_what_the_thing_was_called():
    from bot.core.quiz.gen_naming import label_question
    question = label_question(_doc("Striking dockers were often labelled as “wreckers” or accused of serving the crown."))
    assert question is not None
    assert question.prompt == "What were striking dockers often labelled as?"
    assert question.answer == "wreckers"  # as the notes write it
    question = label_question(_doc("The guild's leaders were branded “troublemakers”."))
    assert question is not None and question.prompt == "What were the guild's leaders branded?"
    for sentence in ("The guild's leaders were branded “troublemakers” by the crown.",  # a doer the question would drop
                     "They were branded “troublemakers”.",  # no referent
                     "The northern harbour was long nicknamed “the Cauldron”, a name it kept until 1900.",
                     "The guild's leaders were branded troublemakers."):  # no quotation marks: gen_naming's other readers
        assert label_question(_doc(sentence)) is None, sentence


def test_the_generator_asks_a_quoted_label():
    # Named where and by whom: "What were striking dockers often labelled as?" alone says neither (round 27:
    # borderline, "no time or context"; test_set16_judged_kinds).
    chunks = _chunks(NOTES + ["Striking dockers in Kessel were often labelled as “wreckers” or accused of lacking loyalty."])
    generator = generator_module._Generator(chunks)
    made = {i.prompt: i for c in chunks for entry in generator.chunk_candidates(c) for i in entry.items}
    assert "What were striking dockers in Kessel often labelled as?" in made, list(made)

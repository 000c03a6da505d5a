"""A definition card is made only when its description picks its term out among the notes' other
terms (issue 8, round 22: "What is the Celestial Equator?" -> "An imaginary great circle on the
celestial sphere", words the same notes say of the Ecliptic and the Local Meridian; dropped, "the answer
does not identify the term"). Real spaCy on made-up notes of no course of the pool (a water mill)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_genus import descriptions, shared_description
from tests.quiz.parsed_notes import flashcards

MILL = [
    "A flume is a narrow wooden channel that carries water beside the river.",
    "The flume carries the water from the weir to the wheel of the mill.",
    "A leat is a narrow wooden channel that carries water beside the river and takes the water away from the wheel.",
    "The miller opens the sluice each morning before the flume fills.",
    "The leat joins the river again below the mill.",
    "A sluice is a wooden board that can be raised to let water through.",
    "The miller checks the flume and the leat for leaves.",
]


def _shared(sentence: str, notes: list[str]) -> str:
    docs = nlp.parse_lines(notes)
    doc = docs[notes.index(sentence)]
    return shared_description(doc, descriptions(docs))


def test_a_description_said_of_another_term_too_makes_no_card():
    cards = flashcards("The water mill", MILL)
    assert "What is a flume?" not in cards
    # The leat's description has a clause no other has: it still picks its term out.
    assert "What is a leat?" in cards


def test_the_same_sentence_makes_a_card_when_no_other_term_shares_it():
    cards = flashcards("The water mill", [m for m in MILL if not m.startswith("A leat")])
    assert cards.get("What is a flume?") == MILL[0]


def test_what_counts_as_another_terms_description():
    assert _shared(MILL[0], MILL) == "leat"
    assert _shared(MILL[2], MILL) == ""  # its own clause sets it apart
    # The same term again, a pronoun, or a phrase holding the term is no other term.
    notes = ["The flume is a narrow channel of water.", "It is a narrow channel of water beside the river.",
             "The flume is a narrow channel of water beside the river.",
             "The flume and the leat are a narrow channel of water beside the river."]
    assert _shared(notes[0], notes) == ""
    # "own" is a stop word of the tokenizer but says what sets assets apart from what you owe.
    ledger = ["Assets is the group of things that you own.",
              "Liabilities is the group of things on which you owe money."]
    assert _shared(ledger[0], ledger) == ""
    # A value is no class: two periods may both be two weeks long, and each is still asked its length.
    periods = ["The voting period is two weeks.", "The minimum discussion period is two weeks."]
    assert _shared(periods[1], periods) == ""


VALLEY = [
    "The Spring Line is an imaginary line on the valley floor.",
    "The Spring Line is where the wells of the valley are dug.",
    "The Flood Line is an imaginary line on the valley floor along which the river rises each winter.",
    "Farmers build no barns below the Flood Line.",
    "The Frost Line is an imaginary line on the valley floor that marks where the ground freezes in January.",
    "The Frost Line moves down the valley in a cold year.",
    "Surveyors mark the Spring Line, the Flood Line and the Frost Line on the valley map.",
]


def test_a_named_things_what_is_card_is_held_to_the_same_rule():
    # "The Celestial Equator is ..." is asked by gen_questions' "What is X?" of a name, not by the
    # definition card: the rule holds on that path too.
    assert "What is the Spring Line?" not in flashcards("The valley", VALLEY)
    alone = [line for line in VALLEY if not line.startswith(("The Flood Line is", "The Frost Line is"))]
    assert "What is the Spring Line?" in flashcards("The valley", alone)

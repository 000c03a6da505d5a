"""A sentence that names a person by a part of the name the notes give in full ("Bowman was the
director ..." where the notes say "a geographer named Isiah Bowman") is asked with the full name
written in the stem, so it stands alone; one whose short form could be more than one name, or names a
thing after a person, stays refused (issue 8, session 24: 32 such sentences refused on the 13 older
notes)."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_standalone import leans_on_context, written_in_full
from tests.quiz.parsed_notes import flashcards


def test_a_person_named_by_part_of_the_one_full_name_is_written_in_full():
    doc = nlp.parse_line("Peng was denounced as a right opportunist and accused of conspiring with foreign powers.")
    full_names = {"Peng": {"Peng Dehuai"}, "Dehuai": {"Peng Dehuai"}}
    assert leans_on_context(doc, full_names)  # refused as it stands
    text = written_in_full(doc, full_names, doc.text)
    assert text == "Peng Dehuai was denounced as a right opportunist and accused of conspiring with foreign powers."
    assert leans_on_context(nlp.parse_line(text), full_names) == ""


def test_the_full_name_is_written_where_the_sentence_first_names_the_person():
    doc = nlp.parse_line("Watt independently discovered latent heat, which was confirmed by Joseph Black, "
                         "who advised Watt on experimental procedures.")
    text = written_in_full(doc, {"Watt": {"James Watt"}, "James": {"James Watt"}}, doc.text)
    assert text.startswith("James Watt independently") and text.count("James") == 1


@pytest.mark.parametrize("sentence, full_names", [
    # two people of the notes share the word: which one?
    ("Zhu wrote a treatise on algebra in 1303.", {"Zhu": {"Zhu Shijie", "Zhu Yuanzhang"}}),
    # a kind of thing named after a person, not the person
    ("Lewis structures show the bonding between atoms of a molecule.", {"Lewis": {"Gilbert N. Lewis"}}),
    # the person's name begins a name of a thing
    ("The Hudson's Bay Company traded for furs with local tribes.", {"Hudson": {"Henry Hudson"}}),
])
def test_a_short_form_that_may_stand_for_another_name_is_not_written_out(sentence, full_names):
    assert written_in_full(nlp.parse_line(sentence), full_names, sentence) == ""


def test_a_name_given_in_full_in_the_sentence_needs_nothing():
    doc = nlp.parse_line("Peng Dehuai criticised the plan, and Peng was purged.")
    assert written_in_full(doc, {"Peng": {"Peng Dehuai"}}, doc.text) == ""


def test_notes_naming_a_person_in_full_once_get_a_card_with_the_full_name():
    # Not "Who was Isiah Bowman?" of "Bowman was the director of ... in 1914": a sentence naming him by
    # part of his name tells a side fact of someone introduced before (round 28, dropped; test_set16_judged_kinds).
    cards = flashcards("American Empire", [
        "One key figure in the plans for an American Empire was a geographer named Isiah Bowman.",
        "Bowman was appointed to the inquiry of President Wilson in 1917.",
    ])
    assert any("Isiah Bowman" in f"{prompt} {answer}" for prompt, answer in cards.items()), cards
    assert not any("Bowman" in answer and "Isiah" not in answer for answer in cards.values())
    assert not any(prompt.startswith("Who was Bowman") for prompt in cards)


def test_the_explanation_quotes_the_notes_own_words():
    from tests.quiz.parsed_notes import note_chunks
    from bot.core.quiz.generator import generate_items
    items = generate_items(note_chunks("American Empire", [
        "One key figure in the plans for an American Empire was a geographer named Isiah Bowman.",
        "Bowman was appointed to the inquiry of President Wilson in 1917.",
    ]), learned_cutoff=False)
    card = next(i for i in items if i.answer == "Isiah Bowman")
    assert card.source.quote == "Bowman was appointed to the inquiry of President Wilson in 1917."
    assert "“Bowman was appointed" in card.explanation

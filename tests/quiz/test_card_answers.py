"""Cards whose answer is true but not what a student would give, or not the one answer: the kinds of
weakness judges found on card items in rounds 7-8, checked on made-up notes of no pool course (a
river authority, a guild, an observatory, a reef survey)."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_questions import claimed_of_others, identity_question, relation_only
from bot.core.quiz.gen_option_shape import pair_stands_out
from tests.quiz.parsed_notes import flashcards


def _cards(title: str, paragraphs: list[str]) -> dict[str, str]:
    return flashcards(title, paragraphs, "notes.txt")


def test_an_abbreviation_used_again_only_where_it_is_spelt_out_gets_no_card():
    reef = "The Reef Survey Network (RSN) counts coral colonies along the northern shelf every spring."
    once = _cards("Reef Survey Methods", [
        f"{reef} The RSN also logs the water temperature at each site.",
        "Divers record bleaching by eye and photograph each transect.",
        "Reports are checked against the catalogue of 1998 <Marsh, RSN Field Manual, 2004>."])
    assert "What does the abbreviation RSN stand for?" not in once  # the same paragraph, and a reference
    again = _cards("Reef Survey Methods", [
        reef, "Divers record bleaching by eye and photograph each transect.",
        "Every site the RSN counts is photographed from the same marker."])
    assert again["What does the abbreviation RSN stand for?"] == "Reef Survey Network"


@pytest.mark.parametrize("sentence, thin", [
    ("The Tarn Gauge is a modified version of the old Keswick float gauge.", True),
    ("The Tarn Gauge is the essential foundation of the river survey.", True),
    ("The Tarn Gauge is a version of the float gauge which records the level every hour.", False),
    ("The Tarn Gauge is a gauge of the river authority with a float and a drum.", False),
    ("A transect is the shortest possible line of a reef survey.", False),  # the superlative sets it apart
])
def test_a_thing_placed_only_by_what_it_belongs_to_or_came_from_is_no_answer(sentence, thin):
    doc = nlp.parse_line(sentence)
    attribute = next(t for t in doc if t.dep_ == "attr")
    assert relation_only(attribute) is thin


def test_what_is_a_named_thing_described_only_by_its_lineage_is_not_asked():
    assert identity_question(nlp.parse_line("The Tarn Gauge was a modified version of the Keswick float gauge.")) is None
    q = identity_question(nlp.parse_line("The Tarn Gauge was a float gauge that recorded the river level every hour."))
    assert q is not None and q.prompt == "What was the Tarn Gauge?"


def test_a_term_the_notes_define_several_ways_gets_no_what_is_card():
    several = _cards("The Guild System", [
        "Apprenticeship is the training of a young worker by a master of the guild over seven years.",
        "Some historians say apprenticeship is a form of unpaid labour.",
        "For the guild itself, apprenticeship was a way to limit the number of masters.",
        "The guild fined masters who took more than two apprentices."])
    assert "What is apprenticeship?" not in several
    twice = _cards("The Guild System", [
        "Apprenticeship is the training of a young worker by a master of the guild over seven years.",
        "Some historians say apprenticeship is a form of unpaid labour.",
        "The guild fined masters who took more than two apprentices."])
    assert twice["What is apprenticeship?"].startswith("Apprenticeship is the training")


# The observatory's founder is the person these notes are about (the most named).
_FOUNDER = ["Mary Fielding, the founder of the Ashby Observatory, ground its first mirror in 1690.",
            "Mary Fielding measured the transit of Venus in 1705.",
            "The catalogue of 1712 was the last work of Mary Fielding.",
            "Mary Fielding trained six assistants at the observatory.",
            "Mary Fielding left her instruments to the town."]


def test_who_was_a_person_the_notes_give_several_roles_only_for_the_role_in_the_subject():
    paragraphs = [
        "Henry Walker, the keeper of the Greenwich almanac, corrected the tables in 1702.",
        "In 1705 the board made Henry Walker, the director of the Ashby Observatory, responsible for the catalogue.",
        *_FOUNDER]
    cards = _cards("Ashby Observatory", paragraphs)
    assert not any(p == "Who was Henry Walker?" and "almanac" in a for p, a in cards.items())
    assert cards.get("Who was Henry Walker?") == "The director of the Ashby Observatory."


def test_who_was_a_person_with_one_role_is_asked_but_not_the_person_the_notes_are_about():
    cards = _cards("Ashby Observatory", [
        "Henry Walker, the director of the Ashby Observatory, corrected the tables in 1702.",
        "The catalogue of Henry Walker listed three thousand stars by 1720.", *_FOUNDER])
    assert cards.get("Who was Henry Walker?") == "The director of the Ashby Observatory."
    assert "Who was Mary Fielding?" not in cards  # what she was is all of these notes, not one title


def test_a_first_or_only_said_of_two_things_has_two_answers():
    sentences = ["The first commercial telescope was a refractor, built in 1608 by Hans Lipperhey.",
                 "Newton's reflector was the first commercially useful telescope without coloured fringes.",
                 "The largest mirror of the century was cast in 1845."]
    assert claimed_of_others("What was the first commercial telescope?", sentences)
    assert not claimed_of_others("What was the largest mirror of the century?", sentences)
    assert not claimed_of_others("What was the telescope?", sentences)


def test_who_was_the_first_holder_of_a_post_named_once_is_trivia():
    paragraphs = ["The first Astronomer of Ashby was Thomas Weld.",
                  "The observatory's dome was rebuilt in 1790 after a fire.",
                  "The dome of the observatory was painted white to keep it cool."]
    assert "Who was the first Astronomer of Ashby?" not in _cards("Ashby Observatory", paragraphs)
    paragraphs.append("Thomas Weld measured the transit of Venus from the dome in 1769.")
    assert _cards("Ashby Observatory", paragraphs).get("Who was the first Astronomer of Ashby?") == "Thomas Weld"


def test_which_does_not_belong_is_not_asked_when_the_odd_one_pairs_with_one_listed():
    assert pair_stands_out(["schools", "charity", "local markets"], "foreign markets")
    assert not pair_stands_out(["solar power", "tidal power", "nuclear power"], "wind power")
    assert not pair_stands_out(["schools", "charity", "local markets"], "hospitals")

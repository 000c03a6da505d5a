"""Heavily misspelt questions on notes other than the default one (issue 15.4), with the real model:
a word spelt by sound, three edits from the notes' word ("inflashun"), is read as that word; an
unknown name that is a name of the notes with an ending added ("Warsz" / "the Wars of Religion") is
not read as that name."""

from __future__ import annotations

import pytest

from bot.core.answering import NOT_COVERED
from tests.conftest import indexed_course

NOTES = {
    "economics.md": """# Prices and money

Inflation is a general rise in the prices of goods and services over time. Central banks raise
interest rates to slow inflation, because dearer credit cuts spending.

A recession is a fall in economic activity that lasts for months. Unemployment usually rises during
a recession.
""",
    "botany.md": """# How plants feed

Photosynthesis is the process by which green plants turn light, water and carbon dioxide into sugar
and oxygen. It takes place in the chloroplasts of the leaf.

Transpiration is the loss of water vapour through small pores in the leaves called stomata.
""",
    "france.md": """# France in the sixteenth century

The Wars of Religion divided France between Catholics and Huguenots from 1562 to 1598. The Wars of
Religion ended when the Edict of Nantes granted the Huguenots freedom of worship in 1598. Many wars of
the period were fought over faith, and the wars left much of the country poor.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("misspelt"), NOTES, real_embedder)


@pytest.mark.parametrize("question, fact", [
    ("wat is inflashun", "rise in the prices"),  # "shun" for "tion": three edits from "inflation"
    ("how dose fotosinthesis work in plants", "light, water and carbon dioxide"),  # "f" for "ph", "i" for "y"
    ("why do central banks rase intrest rates", "slow inflation"),
])
def test_words_spelt_by_sound_are_read_as_the_notes_words(course, question, fact):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    assert fact in answer.text, answer.sentences


def test_an_unknown_name_is_not_read_as_a_plain_word_of_the_notes(course):
    # "Wars" is a name of the notes ("the Wars of Religion"); "Warsz" is someone else, not a war.
    answer = course.ask("Who was Warsz?")
    assert answer.tier == NOT_COVERED, (answer.reason, answer.sentences)
    assert "Warsz" in answer.reason


def test_a_word_spelt_by_sound_that_is_no_word_of_the_notes_is_still_declined(course):
    assert course.ask("wat is the speed of lihgt in a vacum").tier == NOT_COVERED

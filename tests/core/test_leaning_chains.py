"""A sentence that leans on one that leans in turn, on notes of other subjects than the default
note (an observatory, a ferry), with the real model: "She was a fierce critic of ..." after "She
distrusted ...", after the sentence naming her. Read with the sentence before it alone, it still
lacks the question's names, so it was off topic and the sentence setting the scene answered
(bench/RESULTS.md 6s)."""

from __future__ import annotations

import pytest

from tests.conftest import indexed_course

NOTES = {
    "observatory.md": """# Lindholm Observatory

The astronomer Mira Kovac founded the Lindholm Observatory on the Orkney coast in 1921. She distrusted
the photographic plates of her day and timed every transit by eye. She was a fierce critic of the
Royal Society's survey methods, which she called careless. Her logbooks are kept in Kirkwall.
""",
    "ferry.md": """# The Skerry ferry

The Skerry ferry crossed the sound twice a day from 1890 until 1962. It carried mail, cattle and
passengers. It was replaced by a causeway built with money from the county council.
""",
    "cells.md": """# Cells

The mitochondria release energy from glucose. They are called the powerhouse of the cell.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("chains"), NOTES, real_embedder)


@pytest.mark.parametrize("question, fact", [
    ("Who was Mira Kovac a critic of?", "the Royal Society's survey methods"),
    ("What did Mira Kovac criticise?", "the Royal Society's survey methods"),
    ("What replaced the Skerry ferry?", "a causeway"),
])
def test_a_sentence_two_steps_from_the_names_answers(course, question, fact):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    assert fact in answer.sentences[0], answer.sentences


def test_what_it_leans_on_is_read_not_shown(course):
    # The sentence naming the ferry is not quoted again in front of the two that answer.
    answer = course.ask("What replaced the Skerry ferry?")
    assert answer.sentences[0].startswith("It carried mail"), answer.sentences

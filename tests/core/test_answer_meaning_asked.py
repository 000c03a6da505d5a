""""What does X mean?" (ans28, session 25): the words around the term say what kind of answer is
wanted; the term itself is what the answer must hold. The cue once took the whole question ("What does
windhandel mean"), so no word of it was weighed and no sentence could match ("no sentence matches the
question", declined though the notes say it)."""

from __future__ import annotations

import numpy as np

from bot.core.answering import answer_question
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.question_kind import cue_text
from bot.core.retrieval import Hit, SearchResult


def test_the_term_of_what_does_x_mean_is_no_cue():
    assert "windhandel" not in cue_text("What does windhandel mean?")
    assert "NATO" not in cue_text("What does NATO mean?")
    assert "mean" in cue_text("What does NATO mean?")
    assert cue_text("What does GLF stand for?") == "stand for"


PASSAGES = ["Tulips bloom in spring. A trade in paper promises for bulbs still in the ground was nicknamed the "
            "windhandel, the \"wind trade\". The first mention of it dates from 1633.",
            "The harbour froze every winter, and the merchants moved their stores inland."]


def test_what_does_a_word_of_the_notes_mean_is_answered_by_the_sentence_using_it():
    lexical = LexicalIndex.build(PASSAGES)
    query = np.array([1.0, 0.0], dtype=np.float32)

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([[0.45, (1 - 0.45 ** 2) ** 0.5] for _ in texts], dtype=np.float32)

    hits = [Hit(Chunk(f"c{i}", "notes.md", ("Notes",), None, i, text), i, 0.31 - 0.1 * i, 1.4 - i, 1.0 - 0.1 * i)
            for i, text in enumerate(PASSAGES)]
    answer = answer_question(SearchResult("What does windhandel mean?", [], query, hits), lexical, embed=embed)
    assert not answer.abstained and "wind trade" in answer.text

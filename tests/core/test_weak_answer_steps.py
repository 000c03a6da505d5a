"""The cosine a best sentence needs to answer falls as the share of the question's weight it carries
rises: a general sentence sharing one word with another course's question is declined though it is
fairly close in meaning, and a sentence far in meaning answers only when it holds nearly all of the
question's words (bench/offtopic_choose.py; the cosines are set here, not the model's)."""

from __future__ import annotations

import numpy as np
import pytest

from bot.core.answering import NOT_COVERED, AnswerPolicy, answer_question
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.retrieval import Hit, SearchResult

PASSAGES = ["The treaty was mainly about settling quarrels along the river. Boats carried grain downstream in spring.",
            "Merchants paid tolls at every bridge along the river, and the towns spent them on new walls.",
            "The bishops met each summer to settle the calendar of feasts."]
WITHOUT_STEPS = AnswerPolicy(scant_answer_similarity=0.0, remote_answer_similarity=0.0, thin_answer_similarity=-2.0)


def _ask(question: str, cosine: float, policy: AnswerPolicy = AnswerPolicy()):
    """The question answered from the three passages, every sentence at this cosine with it."""
    lexical = LexicalIndex.build(PASSAGES)
    query = np.array([1.0, 0.0], dtype=np.float32)

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([[cosine, (1 - cosine ** 2) ** 0.5] for _ in texts], dtype=np.float32)

    hits = [Hit(Chunk(f"c{i}", "notes.md", ("Notes",), None, i, text), i, 0.5 - 0.1 * i, 2.0 - 0.5 * i, 1.0 - 0.1 * i)
            for i, text in enumerate(PASSAGES)]
    return answer_question(SearchResult(question, [], query, hits), lexical, policy, embed)


def test_a_general_sentence_sharing_one_word_is_declined_though_fairly_close_in_meaning():
    # "The treaty was primarily focused on resolving issues in Europe." answered six questions of
    # EU law on notes of the French and Indian War, at cosines of 0.51-0.59.
    question = "which two treaties founded the formal institutions of the trading union?"
    answer = _ask(question, 0.57)
    assert answer.tier == NOT_COVERED and "something else" in answer.reason, answer.sentences
    assert not _ask(question, 0.57, WITHOUT_STEPS).abstained  # what declines it is the new step
    assert not _ask(question, 0.62).abstained  # closer in meaning than the step asks: answered


def test_a_sentence_far_in_meaning_answers_only_with_nearly_all_the_question_words():
    # Three of the question's four words, at a cosine of 0.15: another course's question.
    answer = _ask("what did merchants pay at every bridge in winter?", 0.15)
    assert answer.tier == NOT_COVERED and "something else" in answer.reason, answer.sentences
    assert not _ask("what did merchants pay at every bridge in winter?", 0.15, WITHOUT_STEPS).abstained
    # Every word of the question in the sentence: a long sentence of which the question asks a part.
    answer = _ask("what did merchants pay at every bridge along the river?", 0.15)
    assert not answer.abstained and "tolls" in answer.text


@pytest.mark.parametrize("cosine", [0.15, 0.57])
def test_a_sentence_holding_the_question_words_is_answered_at_any_cosine(cosine):
    answer = _ask("what was the treaty mainly about?", cosine)
    assert not answer.abstained and "settling quarrels" in answer.text


def test_little_of_the_question_in_the_sentence_and_the_passages_found_is_declined():
    # "treaty" and "settle" are the notes' words; "merchant league" is in no passage found: a third of
    # the question's weight in the sentence and half of it in the three passages together.
    question = "what did the treaty of the merchant league settle?"
    answer = _ask(question, 0.47)
    assert answer.tier == NOT_COVERED and "something else" in answer.reason, answer.sentences
    assert not _ask(question, 0.47, AnswerPolicy(thin_answer_similarity=-2.0)).abstained  # declined by the step
    assert not _ask(question, 0.52).abstained  # closer in meaning than the step asks: answered

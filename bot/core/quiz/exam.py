"""Exam mode: while a quiz question is open, `/ask` must not hand out its answer.

A question is declined when it asks about the open quiz question in the same words (most of its
content words appear in the quiz prompt and its source sentence), or when the answer the notes
would give quotes the very sentence the quiz question was made from, with its answer in it."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.tokens import fold, tokenize
from bot.core.quiz.items import QuizItem

SHARED_WORDS = 0.5  # share of the question's content words found in the quiz question


def _quiz_words(item: QuizItem) -> set[str]:
    parts = [item.prompt, item.answer, *(item.options or ())]
    if item.source:
        parts.append(item.source.quote)
    return set(tokenize(" ".join(parts)))


def asks_about(question: str, item: QuizItem) -> bool:
    words = set(tokenize(question))
    return len(words) >= 2 and len(words & _quiz_words(item)) / len(words) >= SHARED_WORDS


def reveals(answer_text: str, cited_chunks: Iterable[str], item: QuizItem) -> bool:
    """Would this answer give the quiz away? It quotes the quiz's source passage and its answer."""
    if item.source is None or item.source.chunk_id not in set(cited_chunks):
        return False
    return fold(item.answer) in fold(answer_text)


def conflicting(question: str, items: Iterable[QuizItem]) -> QuizItem | None:
    return next((item for item in items if asks_about(question, item)), None)

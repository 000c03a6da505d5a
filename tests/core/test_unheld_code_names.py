"""A question naming a path or a dotted name ("debian/rules", "typing.Annotated") that no passage
found holds: the sentence its other words pick ("These rules are important because ...") may be
about something else, so the answer is the closest passage, never confident (bench/RESULTS.md 6ao;
the cosines are set here, not the model's)."""

from __future__ import annotations

import numpy as np

from bot.core.answering import CLOSEST, CONFIDENT, answer_question
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.retrieval import Hit, SearchResult

PASSAGES = ["The purpose of the control file is to describe the Debian package. The rules file of a package "
            "builds it from its source with make.",
            "Packages must keep their documentation under /usr/share/doc and the function "
            "`fn.__annotations__` holds the annotations of a function."]


# Everyday English for these questions (the bot's own list is the model's vocabulary).
EVERYDAY = {"control", "rules", "file", "package", "source"}


def _ask(question: str):
    lexical = LexicalIndex.build(PASSAGES)
    query = np.array([1.0, 0.0], dtype=np.float32)

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([[0.7, 0.51 ** 0.5] for _ in texts], dtype=np.float32)

    hits = [Hit(Chunk(f"c{i}", "notes.md", ("Packaging",), None, i, text), i, 0.6 - 0.01 * i,
                3.0 - i, 1.0 - 0.1 * i) for i, text in enumerate(PASSAGES)]
    return answer_question(SearchResult(question, [], query, hits), lexical, embed=embed,
                           common_word=lambda word: word in EVERYDAY)


def test_a_path_no_passage_found_holds_keeps_the_answer_out_of_the_confident_tier():
    # The same words without the path are confident: only the name the notes never write moves it.
    assert _ask("What does the rules file of a package build?").tier == CONFIDENT
    answer = _ask("What does the debian/rules file of a package build?")
    assert answer.tier == CLOSEST and "rules file" in answer.text


def test_a_path_or_dotted_name_the_passages_hold_changes_nothing():
    # As a chat question arrives: Discord markup took the underscores of "fn.__annotations__".
    assert _ask("Which function holds the annotations in fn.annotations?").tier == \
        _ask("Which function holds the annotations?").tier
    assert _ask("Where must packages keep their documentation, under /usr/share/doc?").tier == \
        _ask("Where must packages keep their documentation?").tier


def test_two_everyday_words_joined_by_a_slash_are_no_path():
    # As "June/July" or "input/output": no name of code, whatever the passages hold.
    assert _ask("What does the control/rules file of a package build?").tier == \
        _ask("What does the rules file of a package build?").tier == CONFIDENT

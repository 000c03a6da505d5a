""""What does -C do?": a short option's one letter is its name, case and all. Folded to words, "-C" and
"-c" are the same, and "`-c`, `--checksum`: skip based on checksum ..." was the answer, confident
(ans28, rsync notes); the sentence giving "-C" answers."""

from __future__ import annotations

import numpy as np

from bot.core.answering import CONFIDENT, answer_question
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.retrieval import Hit, SearchResult

PASSAGES = ["- `-u`, `--update`: skip files that are newer on the receiver.\n"
            "- `-c`, `--checksum`: skip based on checksum, not modification time and size.",
            "- `-C`, `--cvs-exclude`: automatically ignore files in the same way CVS does.",
            "The harbour froze every winter, and the merchants moved their stores inland."]


def _ask(question: str):
    lexical = LexicalIndex.build(PASSAGES)
    query = np.array([1.0, 0.0], dtype=np.float32)

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([[0.5, 0.75 ** 0.5] for _ in texts], dtype=np.float32)

    hits = [Hit(Chunk(f"c{i}", "notes.md", ("Options",), None, i, text), i, 0.4 - 0.05 * i, 2.0 - 0.5 * i, 1.0 - 0.1 * i)
            for i, text in enumerate(PASSAGES)]
    return answer_question(SearchResult(question, [], query, hits), lexical, embed=embed)


def test_an_option_of_the_other_case_does_not_answer():
    answer = _ask("What does -C do?")
    assert "--checksum" not in answer.text and "cvs-exclude" in answer.text


def test_an_option_of_the_same_case_still_answers():
    assert "--checksum" in _ask("What does -c do?").text

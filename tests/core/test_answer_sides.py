"""A question asking how two things differ, on notes that set the two side by side in one passage,
a sentence on each ("GDP covers ... located in the United States ..." / "GNP covers ... supplied by
U.S. residents ..."), is answered with those two, in the notes' order, not with a sentence naming
both in general ("Both GDP and GNP are defined ..., but they use different rules for coverage.":
ans32, confident miss) nor with one side only (ans30: "A challenge for cause is made ..." without
"A peremptory challenge lets a lawyer remove a potential juror without stating a reason ...")."""

from __future__ import annotations

import numpy as np

from bot.core.answering import answer_question
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.retrieval import Hit, SearchResult

JURY = ("Jury selection. A challenge for cause is made on the basis that a juror's impartiality may be "
        "compromised. The judge decides whether to grant it, and there is no limit on the number of challenges "
        "for cause. A peremptory challenge lets a lawyer remove a potential juror without stating a reason. "
        "Each side has a fixed number of peremptory challenges.")
OTHER = "Challenges of tentative jurors are made either for cause or as peremptory challenges by the lawyers."


def _ask(question: str, passages: list[str]):
    lexical = LexicalIndex.build(passages)
    query = np.array([1.0, 0.0], dtype=np.float32)

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([[0.8, 0.6] for _ in texts], dtype=np.float32)

    hits = [Hit(Chunk(f"c{i}", "notes.md", ("Juries",), None, i, text), i, 0.5 - 0.05 * i, 3.0 - 0.5 * i,
                1.0 - 0.1 * i) for i, text in enumerate(passages)]
    return answer_question(SearchResult(question, [], query, hits), lexical, embed=embed)


def test_the_two_sides_set_beside_each_other_answer_how_they_differ():
    answer = _ask("What's the difference between a challenge for cause and a peremptory challenge?", [JURY, OTHER])
    assert answer.sentences[0].startswith("A challenge for cause is made")
    assert answer.sentences[1].startswith("A peremptory challenge lets a lawyer remove")


def test_a_question_comparing_nothing_is_answered_as_before():
    answer = _ask("What does a peremptory challenge let a lawyer do?", [JURY, OTHER])
    assert answer.sentences[0].startswith("A peremptory challenge lets a lawyer remove")

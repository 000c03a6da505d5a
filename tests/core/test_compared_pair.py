"""A question asking how two things differ ("What is the difference between wget and curl?", "How does
a grand jury differ from a trial jury?") is answered only by sentences naming both: on notes naming one
of them, the sentences about that one say what it is, not how it differs (ans26, ans27, ans29, ans30
uncovered questions answered "closest": git switch / git checkout, type 1 / type 2 diabetes, wget / curl,
Wget2 / Wget, grand jury / trial jury)."""

from __future__ import annotations

import numpy as np

from bot.core.answering import answer_question
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.question_kind import compared_pair
from bot.core.retrieval import Hit, SearchResult


def test_the_word_telling_each_compared_thing_from_the_other():
    assert compared_pair("What is the difference between wget and curl?") == ("wget", "curl")
    assert compared_pair("What is the difference between type 1 and type 2 diabetes?") == ("1", "2")
    assert compared_pair("How does a grand jury differ from a trial jury?") == ("grand", "trial")
    assert compared_pair("What is Wget2 and how does it differ from Wget?") == ("wget2", "wget")
    assert compared_pair("How did France differ from Britain in managing its colonies?") == ("franc", "britain")
    # Nothing of its own on a side, or no comparison.
    assert compared_pair("What is the difference between = and := for make variables?") is None
    assert compared_pair("What does wget do?") is None


def _ask(question: str, passages: list[str]):
    lexical = LexicalIndex.build(passages)
    query = np.array([1.0, 0.0], dtype=np.float32)

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([[0.6, 0.8] for _ in texts], dtype=np.float32)

    hits = [Hit(Chunk(f"c{i}", "notes.md", ("Diabetes",), None, i, text), i, 0.5 - 0.05 * i, 3.0 - 0.5 * i,
                1.0 - 0.1 * i) for i, text in enumerate(passages)]
    return answer_question(SearchResult(question, [], query, hits), lexical, embed=embed)


ONE = ["Type 1 diabetes is the kind of diabetes that involves loss of the insulin-producing beta cells. "
       "People with type 1 diabetes do not have enough insulin.",
       "The harbour froze for 2 months every winter, and the merchants moved their stores inland."]
BOTH = ["Type 1 diabetes is the kind of diabetes that involves loss of the insulin-producing beta cells, "
        "while in type 2 diabetes the cells stop responding to insulin.",
        "The harbour froze every winter, and the merchants moved their stores inland."]


def test_a_comparison_is_declined_when_no_shown_sentence_names_the_other_thing():
    answer = _ask("What is the difference between type 1 and type 2 diabetes?", ONE)
    assert answer.abstained


def test_a_comparison_naming_both_things_still_answers():
    answer = _ask("What is the difference between type 1 and type 2 diabetes?", BOTH)
    assert not answer.abstained and "type 2" in answer.text

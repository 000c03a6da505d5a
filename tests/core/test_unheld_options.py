"""A long command-line option no passage found names ("What does curl's --compressed option do?" on curl
notes that list other options, ans30; "--bind-dns-address" where wget's notes give "--bind-address", ans29)
is another option than the notes': the question is declined, not answered with the notes' options."""

from __future__ import annotations

import numpy as np

from bot.core.answering import _unheld_options, answer_question
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.retrieval import Hit, SearchResult

PASSAGES = ["With no options, curl fetches the resource and writes it to standard output. "
            "The `-o` option writes the compressed or plain output to a file.",
            "`--bind-address=ADDRESS` binds client connections to ADDRESS. `--limit-rate` caps the speed.",
            "The harbour froze every winter, and the merchants moved their stores inland."]


def _hits():
    return [Hit(Chunk(f"c{i}", "notes.md", ("Options",), None, i, text), i, 0.5 - 0.05 * i, 3.0 - 0.5 * i,
                1.0 - 0.1 * i) for i, text in enumerate(PASSAGES)]


def _ask(question: str):
    lexical = LexicalIndex.build(PASSAGES)
    query = np.array([1.0, 0.0], dtype=np.float32)

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([[0.6, 0.8] for _ in texts], dtype=np.float32)

    return answer_question(SearchResult(question, [], query, _hits()), lexical, embed=embed)


def test_a_long_option_no_passage_names_is_unheld():
    assert _unheld_options("What does curl's --compressed option do?", _hits()) == ["--compressed"]
    assert _unheld_options("What does --bind-dns-address do?", _hits()) == ["--bind-dns-address"]
    # Held as written, with or without its value.
    assert _unheld_options("What does --bind-address=10.0.0.1 do?", _hits()) == []
    assert _unheld_options("What does --limit-rate do?", _hits()) == []
    assert _unheld_options("What does co--op mean?", _hits()) == []


def test_a_question_about_an_option_the_notes_never_name_is_declined():
    answer = _ask("What does curl's --compressed option do?")
    assert answer.abstained and "--compressed" in answer.reason

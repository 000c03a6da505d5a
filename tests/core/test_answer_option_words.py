""""Which option ...?" on a tool guide from a PDF (no code spans): the synopsis code block was the only
typed text and went first, and the option lines tie on the question's other words; the one asked is
the long option named by a small word of the question ("after" / "--after-context") or, when the
question negates, the line that negates ("do NOT match" / "non-matching lines"): ans32, session 30."""

from __future__ import annotations

import numpy as np

from bot.core.answering import _option_fits, answer_question
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.retrieval import Hit, SearchResult
from bot.core.sentences import candidates_from

SYNOPSIS = "The general form of a command is:\n```\ngrep [OPTION...] PATTERNS [FILE...]\n```"
CONTEXT = ("Context options print lines around each match: -B NUM or --before-context=NUM: print NUM lines of "
           "leading context before matching lines. -A NUM or --after-context=NUM: print NUM lines of trailing "
           "context after matching lines.")
MATCHING = ("These options control how they match: -x or --line-regexp: select only matches that match the whole "
            "line. -v or --invert-match: invert the sense of matching, so that non-matching lines are selected.")


def _candidate(text: str):
    return candidates_from([Hit(Chunk("c0", "grep.pdf", ("grep",), None, 0, text), 0, 0.2, 1.0, 0.5)])[0]


def test_the_option_named_by_a_small_word_or_a_negation_of_the_question():
    after = "Which option prints lines after each match?"
    assert _option_fits(_candidate("-A NUM or --after-context=NUM: print NUM lines after matching lines."), after)
    assert not _option_fits(_candidate("-B NUM or --before-context=NUM: print NUM lines before."), after)
    negated = "Which option shows the lines that do NOT match?"
    assert _option_fits(_candidate("-v or --invert-match: so that non-matching lines are selected."), negated)
    assert not _option_fits(_candidate("-x or --line-regexp: select only matches that match the whole line."),
                            negated)
    # Not for a question that neither negates nor names an option by a small word.
    assert not _option_fits(_candidate("-v or --invert-match: so that non-matching lines are selected."),
                            "Which option inverts the matching?")


def test_the_asked_option_line_goes_before_the_synopsis():
    passages = [SYNOPSIS + "\n\n" + CONTEXT, MATCHING]
    lexical = LexicalIndex.build(passages)
    hits = [Hit(Chunk(f"c{i}", "grep.pdf", ("grep",), None, i, t), i, 0.5, 3.0 - i, 0.9) for i, t in
            enumerate(passages)]

    def embed(texts):
        return np.array([[0.8, 0.6] for _ in texts], dtype=np.float32)

    question = "Which option prints lines after each match?"
    answer = answer_question(SearchResult(question, [], np.array([1.0, 0.0], dtype=np.float32), hits), lexical,
                             embed=embed)
    assert "--after-context" in answer.sentences[0] and "```" not in answer.sentences[0]

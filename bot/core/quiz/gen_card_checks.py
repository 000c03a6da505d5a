"""Checks on a flashcard's question and answer as a student reads them: an answer of praise, taste or
a maker and a year says no more than what the thing is called (`_weak_card`), and a subject's word
capitalised only because a linking opener was cut before it is written as the notes write it
(`_cased_as_quoted`).
"""

from __future__ import annotations

import re


# An answer pointing at something it never names: "a bridge connecting both campuses" (which?).
_POINTING = re.compile(r"\b(both|these|those|this|his|her|he|she|former|latter)\b",
                       re.IGNORECASE)


# Words of praise or taste: "a famous artist born in Warsaw", "a key component of the Industrial
# Revolution", "the most interesting examples of ...": an opinion or a role, not what a thing is.
_EVALUATIVE = re.compile(r"\b(famous|notable|well-known|best-known|key|important|significant|prominent|interesting|"
                         r"influential|popular|renowned|celebrated|noted|remarkable)\b", re.IGNORECASE)


# "developed by Apple Inc. in 1985", "created by Digital Equipment Corporation, released in 1975":
# a maker and a year say who made a side thing, not what it is (round 6: every one borderline).
_MAKER = re.compile(r"\b(developed|created|designed|built|made|produced|funded|sponsored|released|launched|"
                    r"introduced|invented) by\b", re.IGNORECASE)


def _weak_card(question: str, answer: str) -> bool:
    """A "What is X?" card whose answer is praise, taste or a maker and a year."""
    if _EVALUATIVE.search(question) or _EVALUATIVE.search(answer) or _POINTING.search(answer):
        return True
    return bool(_MAKER.search(answer) and re.search(r"\b(1\d{3}|20\d{2})\b", answer))


_SUBJECT_OPENING = re.compile(r"^(?:Why|What|Who|How) \w+ ([A-Z][a-z]+)\b")


def _cased_as_quoted(question: str, quote: str) -> str:
    """The word the question's subject opens with, capitalised only because a linking opener was
    dropped before it ("Moreover, member states comes under a duty ..." shown as "Member states ..."),
    written as the notes write it: "Why do Member states come ...?" read as a stray capital (rounds 9a, 9)."""
    match = _SUBJECT_OPENING.match(question)
    if match is None:
        return question
    word = match.group(1)
    if re.search(rf"\b{word}\b", quote) or not re.search(rf"\b{word.lower()}\b", quote):
        return question
    return question[:match.start(1)] + word.lower() + question[match.end(1):]

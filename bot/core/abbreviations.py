"""Abbreviations the notes define themselves: "the Great Leap Forward (GLF)" lets a question say
either and still match a sentence that says the other."""

from __future__ import annotations

import re

from bot.core.lexical import STOPWORDS, fold

_DEFINED = re.compile(r"((?:[A-Z][\w'’\-]*\s+(?:of\s+|and\s+|the\s+)?){1,7})\(([A-Z]{2,8})s?\)")


def mine_abbreviations(texts: list[str]) -> dict[str, str]:
    """{abbreviation (folded): long form (folded words)} for each "Long Name (LN)" in the texts."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _DEFINED.finditer(text):
            long_form = _matching_tail(match.group(1).split(), match.group(2))
            if long_form:
                found.setdefault(fold(match.group(2)), " ".join(fold(w) for w in long_form))
    return found


def _matching_tail(words: list[str], abbreviation: str) -> list[str] | None:
    """The last words of the run whose initials spell the abbreviation ("Lower-stage
    Agricultural Producers' Cooperatives (APCs)" -> the last three words)."""
    for start in range(len(words)):
        tail = words[start:]
        initials = "".join(w[0] for w in tail if fold(w) not in STOPWORDS)
        if initials.upper() == abbreviation.upper():
            return tail
    return None

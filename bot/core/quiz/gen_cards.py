"""Flashcards the notes define themselves: "Long Name (ABBR)" pairs and "Term: definition" lines.

Both are self-rated by the student, so the only risk is a wrong pairing; the patterns below accept a
pair only when the initials spell the abbreviation and a term only when it is short and its
definition is a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.lexical import STOPWORDS, fold
from bot.core.quiz.gen_text import has_finite_verb, word_count

_DEFINED = re.compile(r"((?:[A-Z][\w’'\-]*\s+(?:of\s+|and\s+|for\s+|the\s+)?){1,7})\(([A-Z]{2,8})(s?)\)")
_TERM_LINE = re.compile(r"^([A-Z][A-Za-z’'\- ]{2,40}):\s+([A-Z].*[.!])$")
MAX_TERM_WORDS = 4
MIN_DEFINITION_WORDS = 6


@dataclass(frozen=True)
class Abbreviation:
    short: str  # as written, plural kept: "APCs"
    long: str  # as written in the sentence: "Agricultural Producers’ Cooperatives"


@dataclass(frozen=True)
class Term:
    term: str
    definition: str


def abbreviations_in(sentence: str) -> list[Abbreviation]:
    found = []
    for match in _DEFINED.finditer(sentence):
        words = match.group(1).split()
        tail = _matching_tail(words, match.group(2))
        if tail:
            found.append(Abbreviation(match.group(2) + match.group(3), " ".join(tail)))
    return found


def _matching_tail(words: list[str], abbreviation: str) -> list[str] | None:
    """The last words of the run whose initials spell the abbreviation ("Lower-stage Agricultural
    Producers' Cooperatives (APCs)" -> the last three words). Hyphenated words give one initial."""
    for start in range(len(words)):
        tail = words[start:]
        if fold(tail[0]) in STOPWORDS:
            continue
        initials = "".join(w[0] for w in tail if fold(w) not in STOPWORDS)
        if initials.upper() == abbreviation.upper():
            return tail
    return None


def term_definition(line: str) -> Term | None:
    """A "Term: Definition." line with a short term and a whole-sentence definition."""
    match = _TERM_LINE.match(line.strip())
    if not match:
        return None
    term, definition = match.group(1).strip(), match.group(2).strip()
    if word_count(term) > MAX_TERM_WORDS or word_count(definition) < MIN_DEFINITION_WORDS:
        return None
    if not has_finite_verb(definition):  # "steel, coal, machinery, and power." is a list, not a definition
        return None
    return Term(term, definition)

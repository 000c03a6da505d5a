"""Sentences of a chunk that may become questions, and the hard filters that keep bad ones out.

A question is only as good as the sentence it quotes. Measured failures of a naive generator came
from sentences about the note itself ("This section explores..."), from exam prompts ("Explain
how..."), from list headers ("...resulting in:") and from pronoun-led sentences ("He was...") whose
subject the student cannot see. Those are filtered here, before any template runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.documents import Chunk
from bot.core.lexical import STOPWORDS, fold
from bot.core.text import split_sentences

LIST_MARK = "- "
MIN_WORDS, MAX_WORDS = 8, 35

# Sections of practice questions and model answers repeat the notes as prompts, not as facts.
_PRACTICE_HEADING = re.compile(
    r"\b(practice|exam|review|revision|sample|essay|discussion)\s+questions?\b|\bexercises?\b|\bquiz",
)
_SELF_REFERENCE = re.compile(
    r"\b(this|these|the following|in this|the present)\s+(section|chapter|note|notes|unit|lesson|"
    r"module|page|document|course|topic|guide)\b",
)
# Imperatives that open an instruction or a practice prompt (questions end with "?" and are
# dropped anyway; "When the communes were introduced, ..." is a statement).
_INSTRUCTION_WORDS = frozenset(
    """explain describe discuss analyse analyze evaluate assess compare contrast outline identify
    list define summarise summarize consider examine justify illustrate write answer read note
    remember think complete use try imagine suppose""".split()
)
# A pronoun first, or a pronoun subject after an opening phrase ("By 1953, this evolved...").
_PRONOUN_LEAD = re.compile(
    r"^(?:(he|she|it|they|this|these|those|that|his|her|its|their|such|there|him|them|both|each|"
    r"another|the latter|the former)\b|[^,]{1,40},\s+(he|she|it|they|this|these|those)\s+[a-z]+)",
    re.IGNORECASE,
)
_PERSONAL = re.compile(r"^(?:[^,]{1,40},\s+)?(he|she|his|her|him)\b", re.IGNORECASE)
# Finite verbs a list item needs to stand alone ("Peng was denounced..."); a bare noun phrase
# ("Development of transport networks.") only makes sense after its lead-in.
_FINITE = frozenset(
    """is are was were has have had did does do will would could can became become began grew fell
    rose led took gave made built saw won lost held kept left sent set sought brought fought thought
    stood went came ran met paid spent struck wrote chose drove knew spoke remained""".split()
)
_RELATIVE_CLAUSE = re.compile(r",\s*(which|who|whom|whose|that|where)\b[^,;]*", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a chunk as it could be quoted, with what a student needs to read it."""

    text: str  # exactly as in the chunk, without the list mark
    chunk: Chunk
    position: int  # order within the chunk
    is_list_item: bool
    context: str = ""  # the previous sentence or list lead-in, shown before the question

    @property
    def standalone(self) -> bool:
        return not self.context


def is_practice_section(heading_path: tuple[str, ...]) -> bool:
    return any(_PRACTICE_HEADING.search(fold(part)) for part in heading_path)


def word_count(text: str) -> int:
    return len(text.split())


def chunk_sentences(chunk: Chunk) -> list[tuple[str, bool]]:
    """(sentence, is_list_item) in reading order; list marks removed, quotes kept exact."""
    found: list[tuple[str, bool]] = []
    for line in chunk.text.splitlines():
        is_item = line.startswith(LIST_MARK)
        body = line[len(LIST_MARK):] if is_item else line
        found.extend((s, is_item) for s in split_sentences(body))
    return found


def candidate_sentences(chunk: Chunk) -> list[Sentence]:
    """Sentences that pass the hard filters; a pronoun-led one or a list fragment carries the
    sentence before it (or its list lead-in) as context, or is dropped when there is none."""
    if is_practice_section(chunk.heading_path):
        return []
    raw = chunk_sentences(chunk)
    kept: list[Sentence] = []
    for i, (text, is_item) in enumerate(raw):
        if not passes_filters(text):
            continue
        context = ""
        if is_pronoun_led(text):
            context = _previous_sentence(raw, i)
        elif is_item and not has_finite_verb(text):
            context = _lead_in(raw, i)
        if needs_context(text, is_item) and not context:
            continue
        kept.append(Sentence(text, chunk, i, is_item, context))
    return kept


def passes_filters(text: str) -> bool:
    if not MIN_WORDS <= word_count(text) <= MAX_WORDS:
        return False
    stripped = text.rstrip()
    if stripped.endswith((":", "?", ";")) or not stripped[:1].isupper() and not stripped[:1].isdigit():
        return False
    folded = fold(text)
    if _SELF_REFERENCE.search(folded):
        return False
    first = re.match(r"[a-z]+", folded)
    return not (first and first.group() in _INSTRUCTION_WORDS)


def is_pronoun_led(text: str) -> bool:
    return bool(_PRONOUN_LEAD.match(text))


def needs_context(text: str, is_list_item: bool) -> bool:
    return is_pronoun_led(text) or (is_list_item and not has_finite_verb(text))


def has_finite_verb(text: str) -> bool:
    main = _RELATIVE_CLAUSE.sub("", text)
    for word in re.findall(r"[a-z]+", fold(main)):
        if word in _FINITE or (len(word) > 4 and word.endswith("ed")):
            return True
    return False


def _previous_sentence(raw: list[tuple[str, bool]], index: int) -> str:
    """The sentence just before, when it can be what the pronoun points at: not a list lead-in,
    and for "he"/"she" one that names someone (a capitalised word that is not a function word)."""
    if index == 0:
        return ""
    previous = raw[index - 1][0]
    if previous.rstrip().endswith(":"):
        return ""
    if _PERSONAL.match(raw[index][0]) and not any(
            fold(w) not in STOPWORDS for w in re.findall(r"\b[A-Z][a-z]+", previous)):
        return ""
    return _readable(previous)


def _lead_in(raw: list[tuple[str, bool]], index: int) -> str:
    """The line that leads into a list ("Key targets included:"), found above its items."""
    for back in range(index - 1, -1, -1):
        text, is_item = raw[back]
        if not is_item:
            return _readable(text) if text.rstrip().endswith(":") else ""
    return ""


def _readable(text: str) -> str:
    if is_pronoun_led(text) or _SELF_REFERENCE.search(fold(text)) or word_count(text) > MAX_WORDS:
        return ""
    return text

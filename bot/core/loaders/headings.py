"""Heading detection for text without markup (plain-text notes, PDF pages).

Notes pasted from a web page or a word processor keep their headings only as short lines of their
own: no `#`, no numbering. The rules here are deliberately conservative; a missed heading only
makes a heading path shorter, while a false one cuts a paragraph off from its section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.documents import Block
from bot.core.loaders.structure import HEADING
from bot.core.text import split_sentences

MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 90
# A wrapped line runs close to the page width; a heading is clearly shorter than that.
_WRAPPED_HEADING_SHARE = 0.8

_FUNCTION_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to with that which who than nor".split()
)
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d+(?:\s*(?:/|of)\s*\d+)?$", re.IGNORECASE)

# Back matter is a section of its own, whatever heading came before it.
_BACK_MATTER = frozenset(
    {
        "faq", "faqs", "frequently asked questions", "practice questions", "review questions",
        "exam questions", "exam-style questions", "sample questions", "summary", "glossary",
        "key terms", "key vocabulary", "references", "bibliography", "further reading", "sources",
        "appendix",
    }
)


# Plain-text FAQs and manuals (the Debian FAQ) number their questions as sections: "7.1. What is a Debian
# package?", "3.1.4. If I were to decide to change to another distribution, can I do that?", under a
# "Chapter 7. Basics of the Debian package management system". A question is no heading shape (it ends
# with "?") and a chapter's title may run near the wrapping width, so both were read as paragraphs: the
# FAQ's answers had no section to cite, and its questions none to head (session 14). Only a section
# number of two parts or more: "1. Why did the revolt fail?" may be a numbered exercise.
_NUMBERED_QUESTION = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})+)\.?\s+[A-Z\"'\u201c(].*\?$")
_CHAPTER_TITLE = re.compile(r"^Chapter\s+\d{1,3}\.?\s+(?P<title>.+)$")
# A section's number of two parts or more before its title, "2.2.1 The main archive area", "A.1 What is
# Debian Linux?": as deep as its parts (session 22: a PDF's numbered sections were levelled by how
# headings followed each other, so "2.2 Archive areas" sat above its chapter and "4.1.1" beside "4.1").
SECTION_NUMBER = re.compile(r"^(?P<number>(?:\d{1,3}|[A-Z])(?:\.\d{1,3})+)\.?\s+\S")
MAX_QUESTION_HEADING_WORDS = 45
# Any section number before a heading's title: "2.1 Causes", "4. Anodising", "IV. Reform", "B. Torts",
# "A.1 Scope". At most three digits a part, so a year that opens a title stays ("1929 crash").
_ANY_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|[A-Z]\.(?:\d{1,3}\.?)*|[IVXLC]+\.)\s+")


def without_section_number(heading: str) -> str:
    """A heading's title as it would be read aloud, without its section number."""
    return _ANY_SECTION_NUMBER.sub("", heading or "").strip()


def has_section_number(heading: str) -> bool:
    return bool(_ANY_SECTION_NUMBER.match(heading or ""))


def numbered_heading_level(text: str) -> int:
    """The level a chapter's title (1) or a numbered question (its number's parts: "3.1.4." -> 3) takes
    as a heading of plain text; 0 for any other line."""
    text = text.strip()
    question = _NUMBERED_QUESTION.match(text)
    if question and len(text.split()) <= MAX_QUESTION_HEADING_WORDS:
        return question.group("number").count(".") + 1
    chapter = _CHAPTER_TITLE.match(text)
    if chapter and is_heading_shaped(chapter.group("title")):
        return 1
    return 0


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def is_heading_shaped(text: str) -> bool:
    """Short, capitalised, not a sentence, not a list lead-in, not a fragment of a wrapped line."""
    words = text.split()
    if not 1 <= len(words) <= MAX_HEADING_WORDS or len(text) >= MAX_HEADING_CHARS:
        return False
    first = next((char for char in text if char.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    if text[-1] in ".,;:!?\u2026" or not any(char.isalpha() for char in text) or _ends_a_sentence_inside(text):
        return False
    return not ends_mid_phrase(text) and not is_page_number(text)


def ends_mid_phrase(text: str) -> bool:
    """The line stops on a word that joins it to what follows ("The Aztec Empire: Rise, Society and"):
    the first line of a wrapped title, or of a wrapped sentence, never a whole heading."""
    words = text.split()
    return bool(words) and (words[-1].lower() in _FUNCTION_WORDS or text.rstrip().endswith(","))


def _ends_a_sentence_inside(text: str) -> bool:
    """A line that finishes one sentence and starts the next ("guese. This was their death sentence.
    This document, the Guanabara": a PDF line shortened by the hyphenated word moved back up) is
    prose. A numbered title's stop ("Chapter 3. The War") follows a number, not a word."""
    sentences = split_sentences(text)
    words = sentences[0].rstrip(".!?\u2026").split() if len(sentences) > 1 else []
    return bool(words) and words[-1].isalpha() and words[-1].islower()  # ("... Installed?" is one word)


def starts_lowercase(text: str) -> bool:
    """A line starting in lower case continues the previous one (a wrapped sentence)."""
    first = next((char for char in text if char.isalpha()), "")
    return first.islower()


def looks_like_heading(text: str, next_text: str | None, wrap_width: int | None) -> bool:
    """Whether a line is a heading, given the line after it and the width the text is wrapped at."""
    if next_text is None or not is_heading_shaped(text) or starts_lowercase(next_text):
        return False
    return wrap_width is None or len(text) < _WRAPPED_HEADING_SHARE * wrap_width


# A list of the works the notes were written from: titles, authors and addresses, no statement of
# the course's own. Quoted as an answer it gave a web page's title ("StudyMode essay on Mapp v.
# Ohio") for the case asked about (ansdev24, session 24).
# The whole heading is read, so "Sources of law" or "References to the king" stays a section of the
# course; a section number ("7. Sources") is not part of the name.
_CITATION_LISTS = frozenset(
    {"references", "reference", "bibliography", "further reading", "sources", "source", "works cited",
     "external links", "sources and further reading", "references and further reading", "notes and references"}
)


def is_citation_list(text: str) -> bool:
    """Whether a heading names a list of the works cited ("Sources", "7. References", "Bibliography:")."""
    return without_section_number(text).rstrip(":").strip().casefold() in _CITATION_LISTS


def is_back_matter(text: str) -> bool:
    label = text.strip().rstrip(":").lower()
    return label in _BACK_MATTER or label.startswith("appendix ")


def estimate_wrap_width(lines: Sequence[tuple[str, bool]]) -> int | None:
    """The width hard-wrapped text is wrapped at, or None when lines are whole paragraphs.

    `lines` are (text, blank_line_before) pairs. Wrapped prose is recognised by lines that go on in
    lower case on the next line, which unwrapped notes almost never do.
    """
    if len(lines) < 5:
        return None
    continued = sum(
        1
        for (_, _), (next_text, blank) in zip(lines, lines[1:])
        if not blank and starts_lowercase(next_text)
    )
    if continued < 0.2 * (len(lines) - 1):
        return None
    lengths = sorted(len(text) for text, _ in lines)
    return lengths[int(0.9 * (len(lengths) - 1))]


def assign_levels(blocks: Sequence[Block]) -> list[Block]:
    """Give inferred headings their levels.

    A heading directly followed by another heading is one level above it; a heading followed by
    body text is a leaf. Levels count down from the longest run, so "Title / Part / Chapter" gets
    1/2/3 and a later "Part / Chapter" run 2/3. Back-matter labels are always level 1.
    """
    heights = _heading_heights(blocks)
    deepest = max(heights.values(), default=0)
    result: list[Block] = []
    for index, block in enumerate(blocks):
        if block.kind == HEADING:
            level = 1 if is_back_matter(block.text) else (numbered_heading_level(block.text)
                                                          or _numbered_level(block.text)
                                                          or deepest + 1 - heights[index])
            block = replace(block, level=level)
        result.append(block)
    return _nested_in_numbered_sections(result)


# A section numbered by one number, "2. WELDING COMPARED WITH BRAZING AND SOLDERING", "10. Advantages".
_SECTION_NUMERAL = re.compile(r"^(?P<number>\d{1,3})[.)]\s+\S")


def _nested_in_numbered_sections(blocks: list[Block]) -> list[Block]:
    """Sections numbered 1., 2., 3. ...: each run of such headings is one level, and a heading between two
    of a run's headings (unnumbered, "Key terms", "Fusion welding"; numbered in parts, "5.1"; or numbered
    afresh, "1. Neutral flame" inside "6. GAS WELDING") is a sub-heading of the section it sits in, which
    the run's next heading closes. Session 27: a "Key terms" inside "1. WHAT WELDING IS" was taken for
    back matter (level 1), and every later section nested under it; a numbered section followed by its
    first sub-heading sat one level above its siblings, so "6. Types" nested under "5.4". Headings before
    a run's first heading or after its last (a "Sources" list) keep their levels."""
    result = list(blocks)
    for run in _numbered_runs(blocks):
        level = max(result[index].level for index in run)
        for index in run:
            result[index] = replace(result[index], level=level)
        for start, end in zip(run, run[1:]):
            for index in range(start + 1, end):
                if result[index].kind == HEADING and result[index].level <= level:
                    result[index] = replace(result[index], level=level + 1)
    return result


def _numbered_runs(blocks: Sequence[Block]) -> list[list[int]]:
    """The indices of headings numbered by one number, in runs counting up by one ("1.", "2.", "3."); a
    heading goes on the run last continued whose number comes just before its own, or starts a run
    (a fresh "1." under "Preventing and Controlling Corrosion" after "1." to "8." under "Forms of
    Corrosion" starts its own run, and "9." goes on it). Runs of two headings or more, in reading order."""
    runs: list[list[int]] = []
    numbers: list[int] = []  # each run's last number
    for index, block in enumerate(blocks):
        numeral = _SECTION_NUMERAL.match(block.text) if block.kind == HEADING else None
        if not numeral:
            continue
        number = int(numeral.group("number"))
        going_on = [at for at, last in enumerate(numbers) if last == number - 1]
        if going_on:
            at = max(going_on, key=lambda at: runs[at][-1])
            runs[at].append(index)
            numbers[at] = number
        else:
            runs.append([index])
            numbers.append(number)
    return [run for run in runs if len(run) > 1]


def _numbered_level(text: str) -> int:
    """The level a heading's section number gives it, once it is known to be a heading (its parts);
    0 when it has none."""
    section = SECTION_NUMBER.match(text.strip())
    return section.group("number").count(".") + 1 if section else 0


def _heading_heights(blocks: Sequence[Block]) -> dict[int, int]:
    """For each heading, how many headings follow it directly before any body text."""
    heights: dict[int, int] = {}
    following = -1
    for index in range(len(blocks) - 1, -1, -1):
        if blocks[index].kind == HEADING:
            following += 1
            heights[index] = following
        else:
            following = -1
    return heights

"""Plain text (and PDF page text) -> blocks: headings, paragraphs and list items from bare lines.

The default course note is typical of pasted notes: one paragraph per line, headings as short lines,
and lists as lines after a lead-in ending with ":" with no bullet marks at all. Hard-wrapped text
(and every PDF) instead spreads a paragraph over many lines, which are joined back together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.core.documents import Block
from bot.core.loaders import headings
from bot.core.loaders.code_lines import code_runs, code_text
from bot.core.loaders.structure import (
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    Parsed,
    heading,
    list_item,
    paragraph,
)
from bot.core.text import (
    ends_with_abbreviation,
    fenced,
    is_code_block,
    is_terminated,
    normalize_space,
    split_sentences,
    without_note_marks,
)

_BULLET_MARKS = "-*+\u2022\u25e6\u25aa\u2023\u2013\u2014\u00b7\u25cf\u25cb\u25a0\u27a2\u25ba"
_BULLET = re.compile(rf"^[{re.escape(_BULLET_MARKS)}]\s+(.+)$")
_NUMBERED = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-z]\))\s+(.+)$")
_ITEM_NUMBER = re.compile(r"^\(?(\d{1,3})[.)]\s")
# Words that open a closing remark rather than another item of the list above it.
_CLOSING_OPENERS = re.compile(
    r"^(?:However|Though|Although|This|These|Those|Such|Thus|Therefore|Overall|Hence|Consequently|"
    r"Nevertheless|Nonetheless|Ultimately|Together|In (?:summary|conclusion|short|sum|total)|"
    r"As a result|All of these|Taken together)\b"
)
_FIELD = re.compile(r"^[A-Z][\w-]*(?: [\w-]+){0,2}:\s+\S")  # "Release: unstable", "Distributor ID: Debian"
_FULL_LINE_SHARE = 0.95  # a PDF line this close to the measure ran on: `_in_printed_paragraph`
_ITEM_GROWTH = 1.4  # an "item" much longer than the items before it is a paragraph
_MIN_ITEM_LIMIT = 100


@dataclass(frozen=True)
class Line:
    """A non-empty line, with its page and whether a blank line came before it."""

    text: str
    page: int | None = None
    blank_before: bool = False
    indent: int = 0
    raw: str = ""  # the line as written (tabs expanded), for code: its spaces may matter
    page_start: bool = False  # the first line of a PDF page (a page break is no blank line)
    # A paragraph's spacing above it on a PDF page (`pdf_lines`): a new paragraph starts. Not a blank
    # line for the rest of the reader: an empty line inside printed code leaves such a gap too.
    spaced_before: bool = False
    larger: bool = False  # printed larger than most lines of the PDF (`pdf_lines`): a heading
    smaller: bool = False  # printed smaller than the body of the PDF: a footnote, at a page's foot
    wraps_above: bool = False  # a large line set right under one of its size: a wrapped heading's rest


def split_lines(text: str, page: int | None = None, breaks: Sequence[bool] = (),
                larger: Sequence[bool] = (), smaller: Sequence[bool] = (),
                wraps_above: Sequence[bool] = ()) -> list[Line]:
    """Non-empty lines; `breaks`, `larger`, `smaller` and `wraps_above` (a PDF page's) flag lines with a
    paragraph's spacing above them, lines printed larger or smaller than the body, and large lines
    going on from the line above."""
    lines: list[Line] = []
    blank = False  # a page break is no blank line: a paragraph goes on over it (`page_start` marks it)
    spaced = False
    for index, raw in enumerate(text.split("\n")):
        spaced = spaced or index < len(breaks) and breaks[index]
        if not raw.strip():
            blank = True
            continue
        expanded = raw.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip())
        lines.append(Line(normalize_space(raw), page, blank, indent, expanded.rstrip(),
                          page_start=page is not None and not lines, spaced_before=spaced,
                          larger=index < len(larger) and larger[index],
                          smaller=index < len(smaller) and smaller[index],
                          wraps_above=index < len(wraps_above) and wraps_above[index]))
        blank = spaced = False
    return lines


def parse_plain_text(text: str) -> Parsed:
    return Parsed(parse_lines(split_lines(text)))


def parse_lines(lines: Sequence[Line]) -> list[Block]:
    """Classify lines into blocks, then give the inferred headings their levels."""
    return headings.assign_levels(_LineReader(lines).read())


class _LineReader:
    """One pass over the lines; the only state is the list (if any) being read."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.wrap_width = headings.estimate_wrap_width([(l.text, l.blank_before) for l in lines])
        self.spaced = any(line.spaced_before for line in lines)  # a PDF that sets paragraphs apart
        self.sized = any(line.larger for line in lines)  # a PDF that prints its headings larger
        self.blocks: list[Block] = []
        self.in_implicit_list = False  # after a lead-in ending with ":" and no bullet marks
        self.longest_item = 0
        self.last_item_terminated = True
        self.last_item_after_blank = False
        self.last_item_number: int | None = None  # the number of the last list item read, if it had one
        # Code in the notes (`code_lines`) is one block, fenced as a Markdown note's code is.
        self.code_ends = dict(code_runs(lines, self.wrap_width))

    def read(self) -> list[Block]:
        index = 0
        while index < len(self.lines):
            end = self.code_ends.get(index)
            if end is not None:
                self.in_implicit_list = False
                self.blocks.append(paragraph(fenced(code_text(self.lines[index:end])), self.lines[index].page))
                index = end
                continue
            self._read_line(self.lines[index], self._next_text(index), index)
            index += 1
        return self.blocks

    def _next_text(self, index: int) -> str | None:
        return self.lines[index + 1].text if index + 1 < len(self.lines) else None

    def _read_line(self, line: Line, next_text: str | None, index: int) -> None:
        marked = self._marked_item_text(line, index)
        if line.larger and any(char.isalpha() for char in line.text):
            self.in_implicit_list = False  # a heading by its size, whatever its shape ("What is Python?")
            self.blocks.append(heading(line.text, 0, line.page))
        elif marked is not None:
            self.in_implicit_list = False
            self.blocks.append(list_item(marked, line.page))
            self.last_item_number = _item_number(line.text)
        elif self._continues_last(index):
            self._join_to_last(line.text)
        elif self._numbers_a_section(line, index) and not self._body_sized(line):
            self.in_implicit_list = False  # "1. Radiation" over its bullets, after "The main hazards are:"
            self.blocks.append(heading(line.text, 0, line.page))
        elif (line.blank_before or line.page_start or index == 0) and headings.numbered_heading_level(line.text) \
                and not (next_text is not None and headings.starts_lowercase(next_text)) and not self._body_sized(line):
            self.in_implicit_list = False  # "7.1. What is a Debian package?": a FAQ's numbered question
            self.blocks.append(heading(line.text, 0, line.page))
        elif self.in_implicit_list and self._is_implicit_item(line, next_text):
            self._add_implicit_item(line)
        elif (headings.looks_like_heading(line.text, next_text, self.wrap_width) and not self._in_field_run(index)
              and not self._body_sized(line)):
            self.in_implicit_list = False
            self.blocks.append(heading(line.text, 0, line.page))  # level set by assign_levels
        else:
            self.blocks.append(paragraph(line.text, line.page))
            self._start_list_if_lead_in(line.text)

    def _body_sized(self, line: Line) -> bool:
        """A line printed at the body's size in a PDF whose headings are printed larger: no heading."""
        return self.sized and line.page is not None and not line.larger

    def _in_field_run(self, index: int) -> bool:
        """A line of a run of "Label: value" lines ("Release:    unstable" after "Description: Debian
        GNU/Linux unstable (sid)", a program's output): fields, not headings, each the next one's
        parent (session 14: the Debian FAQ's later questions were cited under "Codename: sid")."""
        def field(at: int) -> bool:
            return 0 <= at < len(self.lines) and bool(_FIELD.match(self.lines[at].text))
        return field(index) and (field(index - 1) and not self.lines[index].blank_before
                                 or field(index + 1) and not self.lines[index + 1].blank_before)

    def _marked_item_text(self, line: Line, index: int) -> str | None:
        """The text of a line with a bullet, or with a number when it sits among list items."""
        bullet = _BULLET.match(line.text)
        if bullet:
            return bullet.group(1)
        numbered = _NUMBERED.match(line.text)
        if not numbered or self._numbers_a_section(line, index):
            return None
        follows_list = bool(self.blocks) and (
            self.blocks[-1].kind == LIST_ITEM or self.blocks[-1].text.endswith(":")
        )
        next_numbered = index + 1 < len(self.lines) and _NUMBERED.match(self.lines[index + 1].text)
        return numbered.group(1) if follows_list or next_numbered else None

    def _numbers_a_section(self, line: Line, index: int) -> bool:
        """A numbered line set apart by a blank line, shaped as a heading, that heads a section rather
        than continuing a list: a list restarting at 1 follows it ("10. Advantages" then, indented,
        "  1. Low direct emissions."; "9. SUMMARY OF CAUSE AND EFFECT" then "1. Vacuum tubes were"), or a
        bulleted list of its own ("2. Carburising (reducing) flame" then "- Excess acetylene; ..."), or it
        stands alone after a list it does not number on ("2. WELDING COMPARED WITH BRAZING AND SOLDERING"
        after "- " items). Session 27: all were read as list items, so their sections' text stayed under
        the section before them."""
        number = _item_number(line.text)
        if number is None or not line.blank_before or not headings.is_heading_shaped(line.text):
            return False
        after = self.lines[index + 1] if index + 1 < len(self.lines) else None
        restarts = after is not None and after.blank_before and _item_number(after.text) == 1 and number > 1
        if restarts and after.indent > line.indent:
            return True
        follows_items = bool(self.blocks) and self.blocks[-1].kind == LIST_ITEM
        if follows_items and self.last_item_number == number - 1:
            return False  # the next item of the numbered list above it
        if restarts or after is not None and not after.blank_before and _BULLET.match(after.text):
            return True
        return follows_items and (after is None or after.blank_before)

    def _continues_last(self, index: int) -> bool:
        """Whether a line is the rest of the previous block, broken by wrapping."""
        line = self.lines[index]
        # A paragraph goes on over a page break as over any line end (the pool's notes as PDFs:
        # about 8 pages a note, most breaks in mid-sentence, each sentence there had been cut in two).
        if not self.blocks or line.blank_before or line.spaced_before or line.larger:
            return False
        last = self.blocks[-1]
        if last.kind == HEADING or last.text.endswith(":") or is_code_block(last.text):
            return False
        if headings.starts_lowercase(line.text):
            return True
        # An upper-case start continues only a wrapped paragraph whose sentence is unfinished and
        # whose last line ran to the wrapping width (a short line there ended on purpose).
        previous_width = len(self.lines[index - 1].text)
        wrapped = self.wrap_width is not None and previous_width >= 0.6 * self.wrap_width
        # On a PDF page (session 17; plain text is read as before, its notes are the quiz lanes'): a
        # note mark after the stop ("France.[citation needed]", "in 1905.[12]") ends nothing more, a
        # line wrapped after an abbreviation goes on, and so does a list item's wrapped sentence.
        printed = line.page is not None
        finished = without_note_marks(last.text) if printed else last.text
        unfinished = not is_terminated(finished) or printed and ends_with_abbreviation(finished)
        kinds = (PARAGRAPH, LIST_ITEM) if printed else (PARAGRAPH,)
        return last.kind in kinds and wrapped and (unfinished or self._in_printed_paragraph(index))

    def _in_printed_paragraph(self, index: int) -> bool:
        """A PDF's text has no blank line between paragraphs, and a justified line's stop at its end
        says nothing: a line after one that ran to the full width goes on with its paragraph, unless
        it is a heading. Of the pool's notes as PDFs, lines at 95% of the width or more ended a
        paragraph 30 times and a sentence inside one 118 times (the .txt form says which); below
        90%, 387 paragraph ends and 24 sentences inside one. Plain text separates its paragraphs
        with blank lines."""
        line = self.lines[index]
        if line.page is None or self.wrap_width is None:
            return False
        # A PDF whose paragraphs are set apart by space (`pdf_lines`) says where each one ends.
        full = self.spaced or len(self.lines[index - 1].text) >= _FULL_LINE_SHARE * self.wrap_width
        return full and not headings.looks_like_heading(line.text, self._next_text(index), self.wrap_width)

    def _join_to_last(self, text: str) -> None:
        last = self.blocks[-1]
        # A word hyphenated at the line end ("self-\nsufficient") keeps its hyphen, loses the gap.
        glue = "" if last.text.endswith("-") and last.text[-2:-1].isalnum() else " "  # "2,000-" + "man"
        if last.text.endswith("/") and text[:1].isalnum():
            glue = ""  # a path or a pair cut after its slash: "placed in /" + "etc)", "install/" + "upgrade"
        joined = replace(last, text=f"{last.text}{glue}{text}")
        self.blocks[-1] = joined
        if joined.kind == PARAGRAPH:
            self._start_list_if_lead_in(joined.text)
        elif self.in_implicit_list:
            self.longest_item = max(self.longest_item, len(joined.text))
            self.last_item_terminated = is_terminated(joined.text)

    def _is_implicit_item(self, line: Line, next_text: str | None) -> bool:
        if line.blank_before and self.longest_item and not self.last_item_after_blank:
            return False  # a blank line closes a run of items that were not spaced out
        if headings.looks_like_heading(line.text, next_text, self.wrap_width):
            # A short unpunctuated line is an item when the list's items look like that too.
            return self.longest_item == 0 or not self.last_item_terminated
        return self._reads_as_item(line.text)

    def _reads_as_item(self, text: str) -> bool:
        if text.endswith(":") or _CLOSING_OPENERS.match(text):
            return False
        if len(split_sentences(text)) > 1:
            return False
        if self.longest_item == 0:
            return True
        return len(text) <= max(_ITEM_GROWTH * self.longest_item, _MIN_ITEM_LIMIT)

    def _add_implicit_item(self, line: Line) -> None:
        self.blocks.append(list_item(line.text, line.page))
        self.longest_item = max(self.longest_item, len(line.text))
        self.last_item_terminated = is_terminated(line.text)
        self.last_item_after_blank = line.blank_before
        self.last_item_number = None

    def _start_list_if_lead_in(self, text: str) -> None:
        self.in_implicit_list = text.endswith(":")
        self.longest_item = 0
        self.last_item_terminated = True


def _item_number(text: str) -> int | None:
    """The number a numbered line starts with ("10. Advantages" -> 10), None for any other line."""
    match = _ITEM_NUMBER.match(text)
    return int(match.group(1)) if match else None

"""Where the lines of a PDF page sit and how large they are printed.

A PDF's text layer has no blank lines. Word processors set paragraphs apart by a space (Word: 8 pt
after each paragraph), so a gap clearly wider than the usual distance between lines is where the
text had a paragraph break, and a line with no such gap above it goes on with its paragraph. A
document set with indents and no spacing shows no such gap and is read from the words alone.
Headings are printed larger than the body: in a document that does so, a line is a heading by its
size, not by its shape ("What is Python?" is one; a short line of body text is not).
"""

from __future__ import annotations

import ctypes
import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# A gap this much wider than the document's usual line pitch is a paragraph's spacing.
PARAGRAPH_GAP = 1.25
LARGER = 1.1  # a line printed this much larger than the body is a heading
BODY_SHARE = 0.2  # a size this share of the text is printed in is a body size (prose, code)
# A large line this share of a full line wide wrapped: its next word did not fit (wrapped titles run
# 0.76-0.84 of the body's full lines in the development PDFs; a heading's short line, 0.2).
WRAPPED_FILL = 0.6

Placed = tuple[float | None, float | None, int]  # a line's height on the page, font size, characters


def page_text_and_places(textpage) -> tuple[str, list[Placed]]:
    """The page's text as PDFium reads it (a pypdfium2 text page) and, for each of its lines, the
    height on the page and the printed size of its first character.

    PDFium puts the spaces a typesetter makes by placing each word at its own position (LaTeX,
    Sphinx: no space characters at all), where pypdf ran such words together. It rejoins a word
    hyphenated at a line end and marks the hyphen (U+0002); the line is split there again, so that
    every line keeps its own height and `rejoin_hyphenated` decides, as for any PDF, whether the
    hyphen is the typesetter's or a compound's ("Isuzu-" / "built")."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    lines: list[str] = []
    places: list[Placed] = []
    chars: list[str] = []
    top: float | None = None
    size: float | None = None
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = pdfium_c.FS_MATRIX()
    after_hyphen = False
    before: tuple[str, float] | None = None  # the line's last character (not a space) and its size
    marks: list[_Mark] = []

    def size_of(index: int) -> float:
        # The size set with Tf is scaled by the text and page matrices: many writers set text in
        # "1 Tf" and make it 11 pt with the matrix.
        pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
        return pdfium_c.FPDFText_GetFontSize(raw, index) * math.hypot(matrix.c, matrix.d)

    def end_line() -> None:
        nonlocal top, size, before
        before = None
        text = "".join(chars)
        lines.append(text)
        places.append((top, size, len(text.strip())))
        chars.clear()
        top, size = None, None

    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if code == 0x0D:  # PDFium ends a line with "\r\n"
            continue
        if code == 0x0A:
            if not (after_hyphen and not chars):  # the break a marked hyphen already made
                end_line()
            after_hyphen = False
            continue
        after_hyphen = False
        if code in _MARKED_HYPHENS:
            chars.append("-")
            end_line()
            after_hyphen = True
            continue
        char = chr(code)
        if not char.isspace():
            char_size = size_of(index)
            glued = before is not None and chars and not chars[-1].isspace()
            if (char.isdigit() and glued and (before[0].isalpha() or before[0] in _STOPS)
                    and char_size <= MARK_SHARE * before[1]):
                # Printed raised and small right after a word or a stop: maybe a footnote's mark
                # ("areas1", "function.6"), kept by `_without_footnote_marks` unless its note is
                # found below. `before` stays the word's, so a mark's later digits extend it.
                if marks and marks[-1].line == len(lines) and marks[-1].end == len(chars):
                    marks[-1].end += 1
                else:
                    marks.append(_Mark(len(lines), len(chars), len(chars) + 1, before[1]))
            else:
                before = (char, char_size)
        if top is None and not char.isspace():
            pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
            top = y.value
            size = char_size
        chars.append(char)
    end_line()
    return _without_footnote_marks(lines, places, marks)


@dataclass
class _Mark:
    """Small digits glued to a word or stop: where on which line, and the size of that word."""

    line: int
    start: int
    end: int  # grows while the mark's digits go on
    word_size: float


def _without_footnote_marks(lines: list[str], places: list[Placed], marks: list[_Mark]) -> tuple[str, list[Placed]]:
    """The page's text without the footnote marks glued to the word or stop before them ("archive
    areas1" / "in order to function.6 Any files": a word no note has, and a stop that ends no
    sentence; session 22, 35 of them in the Policy's packages-and-os PDF). A mark is left out only
    when its note is on the page: a line below it opens with that number, printed smaller than the
    word the mark is glued to. An exponent ("mc2", "10-3") is printed the same way but has no note,
    and stays."""
    notes: dict[str, list[int]] = {}  # a note's number -> the lines that open with it
    for at, (text, (_, size, _)) in enumerate(zip(lines, places)):
        opening = _NOTE_NUMBER.match(text)
        if opening and size is not None:
            notes.setdefault(opening.group(1), []).append(at)
    cut: dict[int, list[_Mark]] = {}
    for mark in marks:
        number = lines[mark.line][mark.start:mark.end]
        if any(at > mark.line and places[at][1] * LARGER < mark.word_size for at in notes.get(number, ())):
            cut.setdefault(mark.line, []).append(mark)
    for at, line_marks in cut.items():
        text = lines[at]
        for mark in reversed(line_marks):
            text = text[:mark.start] + text[mark.end:]
        lines[at] = text
        places[at] = (places[at][0], places[at][1], len(text.strip()))
    return "\n".join(lines), places


# Where a footnote's mark is printed: after a word, or after a stop, a comma, a closing bracket or
# quote. A note at a page's foot opens with its number (DBLaTeX glues it to the text: "1For").
_STOPS = frozenset(".,;:!?)]\u201d\u2019\"'")
_NOTE_NUMBER = re.compile(r"^\s*(\d{1,3})(?!\d)")
# A mark is printed at most this share of the size of the word it follows (LaTeX/Sphinx: 7 pt
# marks after 10 pt text; word processors: 2/3 of the size). Code set smaller than the body is
# never glued to a word.
MARK_SHARE = 0.8


# How PDFium marks a hyphen it took out of a word broken at a line end (its GetUnicode gives 2,
# its text U+FFFE).
_MARKED_HYPHENS = (0x02, 0xFFFE)


def larger_lines(pages: Sequence[list[Placed]]) -> list[list[bool]]:
    """For each line of each page, whether it is printed larger than the body of the document."""
    body = _body_size(pages)
    return [[body is not None and size is not None and size > LARGER * body for _, size, _ in places]
            for places in pages]


def smaller_lines(pages: Sequence[list[Placed]]) -> list[list[bool]]:
    """For each line of each page, whether it is printed smaller than the body (footnotes)."""
    body = _body_size(pages)
    return [[body is not None and size is not None and size * LARGER < body for _, size, _ in places]
            for places in pages]


def _body_size(pages: Sequence[list[Placed]]) -> float | None:
    sizes: Counter[float] = Counter()
    for places in pages:
        for _, size, chars in places:
            if size:
                sizes[round(size, 1)] += chars
    # The largest size a good share of the text is printed in (prose, when code is set smaller);
    # counted in characters, as headings are short lines.
    common = [size for size, count in sizes.items() if count >= BODY_SHARE * sum(sizes.values())]
    return max(common) if common else None


def paragraph_breaks(pages: Sequence[list[Placed]]) -> list[list[bool]]:
    """For each line of each page, whether a paragraph's spacing lies above it (never above a
    page's first line: the top margin says nothing)."""
    pitch = _line_pitch(pages)
    breaks = []
    for places in pages:
        flags, above = [], None
        for top, _, _ in places:
            gap = above - top if above is not None and top is not None else None
            flags.append(pitch is not None and gap is not None and gap > PARAGRAPH_GAP * pitch)
            above = top if top is not None else above
        breaks.append(flags)
    return breaks


def wrapped_large_lines(pages: Sequence[list[Placed]]) -> list[list[bool]]:
    """For each line of each page, whether it is the rest of a large line wrapped at the margin: printed
    at the size of the line above, right under it (as close as body lines sit, at its size), and the
    line above ran most of a full line's width, so the next word did not fit ("The Russian Revolution
    of 1917: Course" / "Notes", both 20 pt). A short heading over another of its size ("Python FAQ" /
    "What is Python?") is two headings."""
    pitch, body, full = _line_pitch(pages), _body_size(pages), _full_line(pages)
    flags = []
    for places in pages:
        page_flags: list[bool] = []
        for (above, above_size, above_chars), (top, size, _) in zip([(None, None, 0), *places], places):
            page_flags.append(
                pitch is not None and body is not None and full is not None
                and None not in (above, top, size, above_size)
                and size > LARGER * body and abs(size - above_size) < 0.05 * size
                and 0 < above - top <= PARAGRAPH_GAP * pitch * size / body
                and above_chars * above_size >= WRAPPED_FILL * full)
        flags.append(page_flags)
    return flags


def _full_line(pages: Sequence[list[Placed]]) -> float | None:
    """A full line's width in characters times their size: the long end of the body's lines."""
    body = _body_size(pages)
    widths = sorted(chars * size for places in pages for _, size, chars in places
                    if body is not None and size is not None and abs(size - body) < 0.05 * body)
    return widths[int(0.9 * (len(widths) - 1))] if len(widths) >= 5 else None


def _line_pitch(pages: Sequence[list[Placed]]) -> float | None:
    """The usual distance between a line and the next: the median of the gaps down each page."""
    gaps = []
    for places in pages:
        placed = [top for top, _, _ in places if top is not None]
        gaps += [a - b for a, b in zip(placed, placed[1:]) if a - b > 0]
    return statistics.median(gaps) if len(gaps) >= 5 else None

"""Where the lines of a PDF page sit: the space above a line tells where a paragraph starts.

A PDF's text layer has no blank lines. Word processors set paragraphs apart by a space (Word: 8 pt
after each paragraph), so a gap clearly wider than the usual distance between lines is where the
text had a paragraph break, and a line with no such gap above it goes on with its paragraph. A
document set with indents and no spacing shows no such gap and is read from the words alone.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

# A gap this much wider than the document's usual line pitch is a paragraph's spacing.
PARAGRAPH_GAP = 1.25


def page_text_and_tops(page) -> tuple[str, list[float | None]]:
    """The page's text (as pypdf gives it) and, for each of its lines, the height on the page of
    its first printed piece; no heights when pypdf's pieces do not add up to its text."""
    pieces: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size) -> None:
        pieces.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(piece for piece, _ in pieces) != text:
        return text, []
    tops: list[float | None] = []
    top: float | None = None
    for piece, y in pieces:
        for i, part in enumerate(piece.split("\n")):
            if i:
                tops.append(top)
                top = None
            if top is None and part.strip():
                top = y
    tops.append(top)
    return text, tops


def paragraph_breaks(pages: Sequence[list[float | None]]) -> list[list[bool]]:
    """For each line of each page, whether a paragraph's spacing lies above it (never above a
    page's first line: the top margin says nothing)."""
    pitch = _line_pitch(pages)
    breaks = []
    for tops in pages:
        flags, above = [], None
        for top in tops:
            gap = above - top if above is not None and top is not None else None
            flags.append(pitch is not None and gap is not None and gap > PARAGRAPH_GAP * pitch)
            above = top if top is not None else above
        breaks.append(flags)
    return breaks


def _line_pitch(pages: Sequence[list[float | None]]) -> float | None:
    """The usual distance between a line and the next: the median of the gaps down each page."""
    gaps = []
    for tops in pages:
        placed = [top for top in tops if top is not None]
        gaps += [a - b for a, b in zip(placed, placed[1:]) if a - b > 0]
    return statistics.median(gaps) if len(gaps) >= 5 else None

"""Where the lines of a PDF page sit and how large they are printed.

A PDF's text layer has no blank lines. Word processors set paragraphs apart by a space (Word: 8 pt
after each paragraph), so a gap clearly wider than the usual distance between lines is where the
text had a paragraph break, and a line with no such gap above it goes on with its paragraph. A
document set with indents and no spacing shows no such gap and is read from the words alone.
Headings are printed larger than the body: in a document that does so, a line is a heading by its
size, not by its shape ("What is Python?" is one; a short line of body text is not).
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence

# A gap this much wider than the document's usual line pitch is a paragraph's spacing.
PARAGRAPH_GAP = 1.25
LARGER = 1.1  # a line printed this much larger than the body is a heading
BODY_SHARE = 0.2  # a size this share of the text is printed in is a body size (prose, code)

Placed = tuple[float | None, float | None, int]  # a line's height on the page, font size, characters


def page_text_and_places(page) -> tuple[str, list[Placed]]:
    """The page's text (as pypdf gives it) and, for each of its lines, the height on the page and
    the font size of its first printed piece; none when pypdf's pieces do not add up to its text."""
    pieces: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size) -> None:
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
        pieces.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5], size * scale))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(piece for piece, _, _ in pieces) != text:
        return text, []
    places: list[Placed] = []
    top, size, chars = None, None, 0
    for piece, y, piece_size in pieces:
        for i, part in enumerate(piece.split("\n")):
            if i:
                places.append((top, size, chars))
                top, size, chars = None, None, 0
            if top is None and part.strip():
                top, size = y, piece_size
            chars += len(part.strip())
    places.append((top, size, chars))
    return text, places


def larger_lines(pages: Sequence[list[Placed]]) -> list[list[bool]]:
    """For each line of each page, whether it is printed larger than the body of the document."""
    sizes: Counter[float] = Counter()
    for places in pages:
        for _, size, chars in places:
            if size:
                sizes[round(size, 1)] += chars
    # The largest size a good share of the text is printed in (prose, when code is set smaller);
    # counted in characters, as headings are short lines.
    common = [size for size, count in sizes.items() if count >= BODY_SHARE * sum(sizes.values())]
    body = max(common) if common else None
    return [[body is not None and size is not None and size > LARGER * body for _, size, _ in places]
            for places in pages]


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


def _line_pitch(pages: Sequence[list[Placed]]) -> float | None:
    """The usual distance between a line and the next: the median of the gaps down each page."""
    gaps = []
    for places in pages:
        placed = [top for top, _, _ in places if top is not None]
        gaps += [a - b for a, b in zip(placed, placed[1:]) if a - b > 0]
    return statistics.median(gaps) if len(gaps) >= 5 else None

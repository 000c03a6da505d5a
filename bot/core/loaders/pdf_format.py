"""PDF -> blocks with pypdf: the text of each page, read like wrapped plain text.

Every block keeps the 1-based number of the page it is printed on, so citations point at the page
a student would turn to. Page numbers and running headers repeated on most pages are dropped: they
would otherwise glue themselves to paragraphs and headings.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import replace

from bot.core.loaders.decoding import clean_text
from bot.core.loaders.headings import is_page_number
from bot.core.loaders.plaintext import Line, parse_lines, split_lines
from bot.core.loaders.structure import Parsed
from bot.core.text import normalize_space
from bot.errors import DocumentError

logger = logging.getLogger(__name__)

_EDGE_LINES = 2  # running headers and footers sit in the first or last lines of a page


def parse_pdf(data: bytes, name: str) -> Parsed:
    reader = _open(data, name)
    texts = _page_texts(reader, name)
    pages = [split_lines(clean_text(text), page=number) for number, text in texts]
    pages = _without_running_lines(pages)
    lines = rejoin_hyphenated([line for page in pages for line in page])
    if not lines:
        raise DocumentError(
            f"{name}: no text found (a scanned PDF needs OCR first)",
            hint="Run it through OCR, or export the notes as text or Word.",
        )
    return Parsed(parse_lines(lines), _metadata_title(reader))


def _open(data: bytes, name: str):  # -> pypdf.PdfReader, imported lazily
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        if encrypted and not reader.decrypt(""):
            raise DocumentError(
                f"{name}: the PDF is password-protected", hint="Save an unlocked copy."
            )
        len(reader.pages)  # the page tree is read lazily; a broken one fails here
    except DocumentError:
        raise
    except Exception as exc:  # pypdf raises many types (PdfReadError, ValueError, KeyError...)
        logger.info("%s: unreadable PDF (%s)", name, exc)
        raise DocumentError(f"{name}: the PDF is damaged or is not really a PDF") from exc
    return reader


def _page_texts(reader, name: str) -> list[tuple[int, str]]:
    """(1-based page number, text) for each page; a page that fails is skipped, not fatal."""
    texts: list[tuple[int, str]] = []
    failures = 0
    for number, page in enumerate(reader.pages, start=1):
        try:
            texts.append((number, page.extract_text() or ""))
        except Exception as exc:  # one damaged page should not lose the whole document
            failures += 1
            logger.warning("%s: could not read page %d (%s)", name, number, exc)
    if failures and not texts:
        raise DocumentError(f"{name}: the PDF is damaged; no page could be read")
    return texts


def _without_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers, and lines repeated at the top or bottom of most pages. A page number
    sits at the top or bottom: a bare number inside the page is text (a program's output "12",
    a table's cell)."""
    repeated = _running_lines(pages) if len(pages) >= 3 else set()
    return [
        [line for i, line in enumerate(page)
         if not (is_page_number(line.text) and _at_edge(i, len(page))) and _key(line) not in repeated]
        for page in pages
    ]


def _at_edge(index: int, count: int) -> bool:
    return index < _EDGE_LINES or index >= count - _EDGE_LINES


def _running_lines(pages: list[list[Line]]) -> set[str]:
    counts: Counter[str] = Counter()
    for page in pages:
        edges = page[:_EDGE_LINES] + page[-_EDGE_LINES:]
        counts.update({_key(line) for line in edges})
    return {key for key, count in counts.items() if count > len(pages) / 2}


def _key(line: Line) -> str:
    """Running lines differ only in their page number ("Notes - page 3"), so digits are ignored."""
    return normalize_space("".join(char for char in line.text if not char.isdigit()))


_HYPHENATED_END = re.compile(r"([A-Za-z]+)-$")
_WORD_START = re.compile(r"^([a-z]+)([^\w\s]*)(\s+|$)")
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def rejoin_hyphenated(lines: list[Line]) -> list[Line]:
    """Words a PDF hyphenated across lines made whole again ("eco-" + "nomic" -> "economic"); a
    compound that keeps its hyphen ("self-" + "sufficient") is told apart by how the document
    writes the word elsewhere, and kept as it is when the document does not say."""
    vocabulary = Counter(w.lower() for line in lines for w in _WORDS.findall(line.text))
    out = list(lines)
    for i in range(len(out) - 1):
        end, start = _HYPHENATED_END.search(out[i].text), _WORD_START.match(out[i + 1].text)
        if not end or not start:
            continue
        head, tail = end.group(1), start.group(1)
        whole, compound = (head + tail).lower(), f"{head}-{tail}".lower()
        if vocabulary[whole] > vocabulary[compound] or (not vocabulary[compound] and vocabulary[tail.lower()] <= 1):
            rest = out[i + 1].text[start.end():]
            out[i] = replace(out[i], text=out[i].text[:-1] + tail + start.group(2))
            out[i + 1] = replace(out[i + 1], text=rest)
    return [line for line in out if line.text.strip()]


def _metadata_title(reader) -> str:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # broken metadata is not worth failing the document for
        return ""
    return normalize_space(str(title)) if title else ""

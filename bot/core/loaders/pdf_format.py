"""PDF -> blocks with PDFium (pypdfium2): the text of each page, read like wrapped plain text.

Every block keeps the 1-based number of the page it is printed on, so citations point at the page
a student would turn to. Page numbers and running headers repeated on most pages are dropped: they
would otherwise glue themselves to paragraphs and headings.

PDFium, not pypdf: pypdf ran together the words of PDFs that set words apart by position only, as
LaTeX and Sphinx do ("TheDebiansystemismaintained..."), and science and engineering notes are often
made so; PDFium (Chrome's PDF engine) spaces them, and reads a page several times faster.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from dataclasses import replace

from bot.core.loaders.decoding import clean_text
from bot.core.loaders.headings import SECTION_NUMBER, ends_mid_phrase, is_page_number
from bot.core.loaders.pdf_lines import (Placed, larger_lines, page_text_and_places, paragraph_breaks,
                                        smaller_lines, wrapped_large_lines)
from bot.core.loaders.plaintext import Line, parse_lines, split_lines
from bot.core.loaders.structure import HEADING, Parsed
from bot.core.text import normalize_space
from bot.errors import DocumentError

logger = logging.getLogger(__name__)

_EDGE_LINES = 2  # running headers and footers sit in the first or last lines of a page


# PDFium is not thread-safe, not even for two documents: a build in the background and one asked
# for may load notes at once, so one PDF is read at a time in this process (reading is fast).
_PDFIUM = threading.Lock()


def parse_pdf(data: bytes, name: str) -> Parsed:
    with _PDFIUM:
        document = _open(data, name)
        try:
            texts = _page_texts(document, name)
            title = _metadata_title(document)
        finally:  # closed here, under the lock, not by the garbage collector in any thread
            document.close()
    places = [placed for _, _, placed in texts]
    pages = [split_lines(_cleaned(text), page=number, breaks=breaks, larger=larger, smaller=smaller, wraps_above=wraps)
             for (number, text, _), breaks, larger, smaller, wraps
             in zip(texts, paragraph_breaks(places), larger_lines(places), smaller_lines(places),
                    wrapped_large_lines(places))]
    pages, openers = _chapter_openers_joined(_without_running_lines(pages))
    lines = rejoin_hyphenated(footnotes_after_their_paragraph(pages))
    lines = join_wrapped_headings(lines, openers)
    if not lines:
        raise DocumentError(
            f"{name}: no text found (a scanned PDF needs OCR first)",
            hint="Run it through OCR, or export the notes as text or Word.",
        )
    blocks = [replace(block, level=1) if block.kind == HEADING and block.text in openers else block
              for block in parse_lines(lines)]
    return Parsed(blocks, title)


def _open(data: bytes, name: str):  # -> pypdfium2.PdfDocument, imported lazily
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    try:
        # No password given: PDFium opens a file locked with an owner password only (it may be
        # read, not changed) as readers do, and refuses one that needs a password to be opened.
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentError(
                f"{name}: the PDF is password-protected", hint="Save an unlocked copy."
            ) from exc
        logger.info("%s: unreadable PDF (%s)", name, exc)
        raise DocumentError(f"{name}: the PDF is damaged or is not really a PDF") from exc
    return document


def _page_texts(document, name: str) -> list[tuple[int, str, list[Placed]]]:
    """(1-based page number, text, height and size of each line) for each page; a page that fails
    is skipped, not fatal."""
    texts: list[tuple[int, str, list[Placed]]] = []
    failures = 0
    for number in range(1, len(document) + 1):
        page = textpage = None
        try:
            page = document[number - 1]
            textpage = page.get_textpage()
            texts.append((number, *page_text_and_places(textpage)))
        except Exception as exc:  # one damaged page should not lose the whole document
            failures += 1
            logger.warning("%s: could not read page %d (%s)", name, number, exc)
        finally:
            for opened in (textpage, page):
                if opened is not None:
                    opened.close()
    if failures and not texts:
        raise DocumentError(f"{name}: the PDF is damaged; no page could be read")
    return texts


def _cleaned(text: str) -> str:
    """`clean_text` line by line, so that the lines stay the ones whose heights were read."""
    return "\n".join(clean_text(line).replace("\n", " ") for line in text.split("\n"))


def _without_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers, and lines repeated at the top or bottom of most pages. A page number
    sits at the top or bottom: a bare number inside the page is text (a program's output "12",
    a table's cell)."""
    repeated = _running_lines(pages) if len(pages) >= 3 else set()
    offsets = _printed_number_offsets(pages)
    return [_page_start_first(_without_page_furniture(page, repeated, offsets)) for page in pages]


def _without_page_furniture(page: list[Line], repeated: set[str], offsets: frozenset[int] = frozenset()) -> list[Line]:
    """A running line is dropped once a page: the same line again at the top of the page is the
    text's own (a note's title under a running header that repeats it)."""
    kept, dropped = [], set()
    for i, line in enumerate(page):
        key = _key(line)
        if is_page_number(line.text) and _at_edge(i, len(page)):
            continue
        number = _edge_number(line.text) if i in (0, len(page) - 1) and not line.larger else None
        if number is not None and line.page is not None and number - line.page in offsets:
            continue  # "14 Chapter 3. Binary packages", "3.3. The maintainer of a package 15"
        if key in repeated and key not in dropped:
            dropped.add(key)
            continue
        kept.append(line)
    return kept


# A footnote's mark: "1 The Debian archive ..." (Sphinx), "1For the older ..." and "⁴Having ..."
# (DBLaTeX), "2" on a line of its own over its text (FOP), "*", "†".
_FOOTNOTE_MARK = re.compile(r"^(?:\d{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]+|[*\u2020\u2021])(?:$|\s?[A-Z\"'\u201c\u201d(])")


def footnotes_after_their_paragraph(pages: list[list[Line]]) -> list[Line]:
    """The pages' lines in reading order, a page's footnotes moved after the paragraph that runs on
    over the page break, each footnote a paragraph of its own. Printed at the page's foot, smaller
    than the body, they were read between the page's text and the next page's, and glued to it (the
    New Maintainers' Guide: footnotes 3 to 5 and "Then just take the -dev version of every package
    as a Build-Depends entry ..." one paragraph; the Policy Manual: footnotes 8 to 10 one, session
    22). A footnote is kept: it is part of the notes, and answers may need it."""
    out: list[Line] = []
    pending: list[Line] = []
    for page in pages:
        start = _footnotes_start(page)
        body, notes = page[:start], page[start:]
        if pending:
            at = next((i for i, line in enumerate(body)
                       if i and (line.spaced_before or line.larger) and not body[i - 1].larger), None)
            if at is not None:
                body, pending = [*body[:at], *pending, *body[at:]], []
        out += body
        pending += _footnote_lines(notes)
    return out + pending


def _footnote_lines(notes: list[Line]) -> list[Line]:
    """Each footnote starts a paragraph; a mark on a line of its own (FOP sets the superscript
    number apart) is put before its text, where it was a paragraph of its own ("8")."""
    out: list[Line] = []
    for line in notes:
        if out and _BARE_MARK.match(out[-1].text) and not _FOOTNOTE_MARK.match(line.text):
            line = replace(line, text=f"{out.pop().text} {line.text}")
        out.append(replace(line, spaced_before=True) if _FOOTNOTE_MARK.match(line.text) else line)
    return out


_BARE_MARK = re.compile(r"^\d{1,3}$")


def _footnotes_start(page: list[Line]) -> int:
    """Where the footnotes at the foot of a page start: the first line with a footnote's mark in
    the run of smaller lines the page ends with, with a gap above it; the page's length when it has
    none."""
    start = len(page)
    while start > 1 and page[start - 1].smaller:
        start -= 1
    first = next((i for i in range(start, len(page)) if _FOOTNOTE_MARK.match(page[i].text)), len(page))
    # Set apart from the text above by a gap: smaller code printed at a page's end ("2" of a
    # program's output over "Profile: ...") runs on at the lines' pitch.
    return first if first < len(page) and page[first].spaced_before else len(page)


# A page's printed number at either end of its first or last line, with the running title beside it
# ("14 Chapter 3. Binary packages" on even pages, "3.3. The maintainer of a package 15" on odd ones).
_NUMBER_FIRST = re.compile(r"^(\d{1,4})(?:\s+\S.*)?$")
_NUMBER_LAST = re.compile(r"^.*\S\s+(\d{1,4})$")
_NUMBERED_SHARE = 0.5  # pages whose edge carries the page's printed number, for the pattern to hold
_NUMBERED_RUN = 3  # pages that share one offset: fewer may be a footnote's number by chance


def _edge_number(text: str) -> int | None:
    match = _NUMBER_FIRST.match(text) or _NUMBER_LAST.match(text)
    return int(match.group(1)) if match else None


def _printed_number_offsets(pages: list[list[Line]]) -> frozenset[int]:
    """How far the printed page numbers run from the PDF's own (the printed 7 on the PDF's first
    page: 6; pages taken from two chapters of a book: two offsets, each held by 3 pages or more),
    when most pages carry theirs at the top or bottom edge. Sphinx and LaTeX print the
    number beside the chapter's or section's name, a line that differs from page to page, so
    "the same line on most pages" missed it and it was read as a paragraph (25 of the Policy
    Manual's 569 blocks, glued into code at a page end). A number advancing with the pages is no
    footnote's or list's: those do not step by one from page to page; nor is a line printed large
    ("Chapter 1" opening printed page 1) (session 22)."""
    offsets: Counter[int] = Counter()
    numbered = 0
    for page in pages:
        if not page or page[0].page is None:
            continue
        numbered += 1
        found = {_edge_number(line.text) for line in (page[0], page[-1]) if not line.larger} - {None}
        offsets.update({number - page[0].page for number in found})
    held = {offset: count for offset, count in offsets.items() if count >= _NUMBERED_RUN}
    return frozenset(held) if sum(held.values()) >= _NUMBERED_SHARE * numbered else frozenset()


def _page_start_first(page: list[Line]) -> list[Line]:
    """The first line left on a page is where the page starts, whatever was dropped above it; the
    space above it is the margin or a header's, no paragraph's."""
    return [replace(page[0], page_start=True, spaced_before=False), *page[1:]] if page else page


def _at_edge(index: int, count: int) -> bool:
    return index < _EDGE_LINES or index >= count - _EDGE_LINES


_SECTION_RUN = 3  # pages a chapter's running header is printed on, at the least


def _running_lines(pages: list[list[Line]]) -> set[str]:
    """Lines at the top or bottom of most pages, and a chapter's running header: the chapter's name
    at the edge of 3 pages or more, printed no larger than the body and never inside a page ("The
    Root Filesystem" over each page of FHS's chapter 3, "CHAPTER 3. CHOOSING A DEBIAN… 3.1. WHICH
    DEBIAN DISTRIBUTION…" in the Debian FAQ). It changes with the chapter, so it is on no more than
    a chapter's share of the pages, and was glued to the paragraph it broke (session 22). A heading
    is printed larger, and a line of the text is found inside pages too."""
    counts: Counter[str] = Counter()
    large: set[str] = set()
    inside: set[str] = set()
    for page in pages:
        edges = page[:_EDGE_LINES] + page[-_EDGE_LINES:]
        counts.update({_key(line) for line in edges})
        large.update(_key(line) for line in edges if line.larger)
        inside.update(_key(line) for line in page[_EDGE_LINES:-_EDGE_LINES])
    return {key for key, count in counts.items()
            if count > len(pages) / 2
            or count >= _SECTION_RUN and len(key.split()) >= 2 and key not in large | inside}


def _key(line: Line) -> str:
    """Running lines differ only in their page number ("Notes - page 3"), so digits are ignored."""
    return normalize_space("".join(char for char in line.text if not char.isdigit()))


# A chapter's label over its title: "Chapter 4", "Kapitel 4", "Appendix A" printed large (DBLaTeX), or a
# label word at the body's size with the number spelled large under it, "CHAPTER" / "THREE" (Sphinx).
_LABEL_AND_NUMBER = re.compile(r"^[^\W\d_]+\s+(?:\d{1,3}|[A-Z]|[IVXLC]{1,6})$")
_ONE_WORD = re.compile(r"^[^\W\d_]{2,12}$")


def _chapter_openers_joined(pages: list[list[Line]]) -> tuple[list[list[Line]], set[str]]:
    """`join_chapter_openers` page by page (an opener is on one page), before footnotes move."""
    joined = [join_chapter_openers(page) for page in pages]
    return [page for page, _ in joined], {text for _, texts in joined for text in texts}


def join_chapter_openers(lines: list[Line]) -> tuple[list[Line], set[str]]:
    """A chapter's opening label made one heading with the title printed large under it, and the
    texts of such headings (each the top level of its chapter): "CHAPTER" / "THREE" / "BINARY
    PACKAGES" (Sphinx) and "Chapter 4" / "A Detailed History" (DBLaTeX) become "CHAPTER THREE. BINARY
    PACKAGES" and "Chapter 4. A Detailed History". Left apart, the number headed every section's path
    ("THREE > 3.1 The package name") and the title was one section among the chapter's own, so
    citations named the chapter by its number only (session 22). A chapter opens a page: only the
    lines a page starts with are read as a label, so a "Figure 3" line within a page is not one."""
    out: list[Line] = []
    openers: set[str] = set()
    index = 0
    while index < len(lines):
        first = lines[index]
        label_lines = _opener_label(lines, index)
        title_at = index + label_lines
        if not label_lines or title_at >= len(lines) or not lines[title_at].larger \
                or lines[title_at].page != first.page:
            out.append(first)
            index += 1
            continue
        label = " ".join(line.text for line in lines[index:title_at])
        text = f"{label}. {lines[title_at].text}"
        out.append(replace(lines[title_at], text=text, blank_before=first.blank_before,
                           page_start=first.page_start, spaced_before=first.spaced_before))
        openers.add(normalize_space(text))
        index = title_at + 1
    return out, openers


def _opener_label(lines: list[Line], index: int) -> int:
    """How many lines of a chapter's label start at `index`: 0 when none does."""
    line = lines[index]
    if not line.page_start:
        return 0
    if line.larger and _LABEL_AND_NUMBER.match(line.text):
        return 1
    after = lines[index + 1] if index + 1 < len(lines) else None
    if (not line.larger and _ONE_WORD.match(line.text) and after is not None and after.larger
            and after.page == line.page and _ONE_WORD.match(after.text)):
        return 2
    return 0


def join_wrapped_headings(lines: list[Line], openers: set[str]) -> list[Line]:
    """A numbered heading printed large over two lines made one: "3.4. /bin : Essential user command
    binaries (for" / "use by all users)" (FOP), "1.5 What is the difference between Debian GNU/Linux
    and other" / "Linux distributions? ..." (DBLaTeX). Left apart, the second line was a heading of its
    own between the section and its subsections. Only under a numbered heading or a chapter's opener:
    a large line with no number after one is the rest of its title, as the document numbers every
    section; two unnumbered large lines may be a title and a subtitle, unless the first stops on a
    word that joins it to the next ("The Aztec Empire: Rise, Society and" / "Conquest (c. 1325-1521)")
    or the second is printed at its size right under it, as the lines of one paragraph are ("The
    Russian Revolution of 1917: Course" / "Notes")."""
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        if (last is not None and last.larger and line.larger and line.page == last.page
                and not line.page_start
                and (SECTION_NUMBER.match(last.text) or last.text in openers or ends_mid_phrase(last.text)
                     or line.wraps_above)
                and not SECTION_NUMBER.match(line.text) and not _LABEL_AND_NUMBER.match(line.text)):
            joined = normalize_space(f"{last.text} {line.text}")
            if last.text in openers:
                openers.add(joined)
            out[-1] = replace(last, text=joined)
            continue
        out.append(line)
    return out


_HYPHENATED_END = re.compile(r"([A-Za-z]+)-$")
_WORD_START = re.compile(r"^([a-z]+)((?:['\u2019][a-z]+)?[^\w\s]*)(\s+|$)")  # "versity's"
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def rejoin_hyphenated(lines: list[Line]) -> list[Line]:
    """Words a PDF hyphenated across lines made whole again ("eco-" + "nomic" -> "economic"); a
    compound that keeps its hyphen ("self-" + "sufficient") is told apart by how the document
    writes the word elsewhere, or, when it does not say, by a half the document uses as a word."""
    vocabulary = _words_not_at_breaks(lines)
    out = list(lines)
    for i in range(len(out) - 1):
        end, start = _HYPHENATED_END.search(out[i].text), _WORD_START.match(out[i + 1].text)
        if not end or not start:
            continue
        head, tail = end.group(1), start.group(1)
        whole, compound = (head + tail).lower(), f"{head}-{tail}".lower()
        if vocabulary[whole] > vocabulary[compound] or not (vocabulary[compound] or _is_word(head, tail, vocabulary)):
            rest = out[i + 1].text[start.end():]
            out[i] = replace(out[i], text=out[i].text[:-1] + tail + start.group(2))
            out[i + 1] = replace(out[i + 1], text=rest)
    return [line for line in out if line.text.strip()]


def _is_word(head: str, tail: str, vocabulary: Counter[str]) -> bool:
    """Whether either half of a broken word is a word the document writes on its own: then the
    hyphen is a compound's ("Isuzu-" / "built", "empire-" / "building"), not the typesetter's."""
    return any(len(half) > 1 and vocabulary[half.lower()] for half in (head, tail))


def _words_not_at_breaks(lines: list[Line]) -> Counter[str]:
    """How often the document writes each word whole: the halves of a word broken at a line end
    are not words of it. Counted with them, a word broken the same way twice ("wri-" / "tings")
    made its own tail look like a word, and kept the hyphen ("wri-tings" in two of the pool's PDFs)."""
    vocabulary: Counter[str] = Counter()
    broken_before = False
    for line in lines:
        words = _WORDS.findall(line.text)
        broken_here = bool(_HYPHENATED_END.search(line.text))
        first, last = (1 if broken_before else 0), len(words) - (1 if broken_here else 0)
        vocabulary.update(word.lower() for word in words[first:max(first, last)])
        broken_before = broken_here
    return vocabulary


def _metadata_title(document) -> str:
    try:
        title = document.get_metadata_value("Title")
    except Exception:  # broken metadata is not worth failing the document for
        return ""
    return normalize_space(str(title)) if title else ""

"""Write a plain-text course note as a PDF and as a Word file the way teachers' files look.

The PDF is laid out as course PDFs are: a serif font (DejaVu Serif, embedded) at 11 pt, lines justified to the measure (the word
spaces stretched with the PDF's word-spacing operator), long words hyphenated across line ends
(a compound breaks at its own hyphen), the note's first line as a title in a larger bold font, a
running header (the course title) and a page number at the foot of every page, several pages. The
.docx gives the title the "Title" style, every other line of the note a "Normal" paragraph, and
the course title and a page-number field in the section's header and footer (which body text does
not hold). Used by format_parity.py; no measuring here.

    .venv/bin/python bench/format_notes.py pdf NOTE.txt OUT.pdf
    .venv/bin/python bench/format_notes.py docx NOTE.txt OUT.docx
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT = 595.27, 841.89  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 72, 72, 780, 72
BODY_FONT, BODY_SIZE, LEADING = "Serif", 11, 13.5
TITLE_FONT, TITLE_SIZE = "Serif-Bold", 18
_FONT_FILES = {"Serif": "DejaVuSerif.ttf", "Serif-Bold": "DejaVuSerif-Bold.ttf", "Serif-Italic": "DejaVuSerif-Italic.ttf"}
_FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
_VOWELS = set("aeiouyAEIOUY")


def note_parts(text: str) -> tuple[str, list[str]]:
    """(title, paragraphs): the pool notes' first line is the article's title, then one paragraph a line.
    Invisible format characters (zero-width spaces) have no glyph: a printed page does not hold them."""
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0], lines[1:]


def hyphenation_points(word: str) -> list[int]:
    """Where a word may break, as a typesetter without a dictionary would: at its own hyphen, or
    between a vowel and a consonant that is followed by a vowel ("eco|nomic"), keeping three
    letters or more on each side. Right or wrong by a dictionary matters little: the reader of
    the PDF has to put the halves back together either way."""
    if "-" in word.strip("-"):
        return [i + 1 for i, char in enumerate(word) if char == "-" and 0 < i < len(word) - 1]
    letters = re.match(r"^[A-Za-z]+", word)
    if not letters or len(letters.group()) < 7:
        return []
    core = letters.group()
    return [i for i in range(3, len(core) - 2)
            if core[i - 1] in _VOWELS and core[i] not in _VOWELS and core[i + 1] in _VOWELS]


def justified_lines(paragraph: str, width: float, measure) -> list[tuple[list[str], bool]]:
    """Break a paragraph into lines no wider than `width`: (words, justify?) per line; the last
    line of a paragraph is set ragged. A word that does not fit is hyphenated at its last break
    point that fits."""
    lines: list[tuple[list[str], bool]] = []
    words = paragraph.split()
    current: list[str] = []
    while words:
        word = words.pop(0)
        trial = " ".join([*current, word])
        if measure(trial) <= width:
            current.append(word)
            continue
        for point in reversed(hyphenation_points(word)):
            head = word[:point] if word[point - 1] == "-" else word[:point] + "-"
            if measure(" ".join([*current, head])) <= width:
                current.append(head)
                words.insert(0, word[point:])
                break
        else:
            words.insert(0, word)
        if not current:  # a single word wider than the line: set it alone
            current.append(words.pop(0))
        lines.append((current, True))
        current = []
    if current:
        lines.append((current, False))
    return lines


def to_pdf(text: str, path: Path) -> int:
    """Write the note as a PDF; returns its number of pages."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _register_fonts()
    title, paragraphs = note_parts(text)
    width = PAGE_WIDTH - LEFT - RIGHT
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    pdf.setTitle("")  # most handouts carry no declared title: the loader must find it in the text
    page = 1

    def start_page() -> float:
        pdf.setFont("Serif-Italic", 9)
        pdf.drawString(LEFT, PAGE_HEIGHT - 40, title)
        return TOP

    def end_page() -> None:
        nonlocal page
        pdf.setFont(BODY_FONT, 9)
        pdf.drawCentredString(PAGE_WIDTH / 2, 40, str(page))
        pdf.showPage()
        page += 1

    y = start_page()
    pdf.setFont(TITLE_FONT, TITLE_SIZE)
    pdf.drawString(LEFT, y - 8, title)
    y -= 8 + 2 * LEADING
    measure = lambda s: stringWidth(s, BODY_FONT, BODY_SIZE)  # noqa: E731
    for paragraph in paragraphs:
        for words, justify in justified_lines(paragraph, width, measure):
            if y < BOTTOM:
                end_page()
                y = start_page()
            line = " ".join(words)
            gaps = len(words) - 1
            spare = width - measure(line)
            text_object = pdf.beginText(LEFT, y)
            text_object.setFont(BODY_FONT, BODY_SIZE)
            text_object.setWordSpace(spare / gaps if justify and gaps else 0)
            text_object.textLine(line)
            pdf.drawText(text_object)
            y -= LEADING
        y -= LEADING / 2  # a little space between paragraphs, no blank line in the text layer
    end_page()
    pdf.save()
    return page - 1


def _register_fonts() -> None:
    """Embedded TrueType fonts, as word processors write them: the standard PDF fonts have no
    glyphs for Polish, Vietnamese or Arabic letters, which real course PDFs print."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in _FONT_FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(_FONT_FOLDER / file)))


def to_docx(text: str, path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    title, paragraphs = note_parts(text)
    document = docx.Document()
    document.add_paragraph(title, style="Title")
    for paragraph in paragraphs:
        document.add_paragraph(paragraph, style="Normal")
    section = document.sections[0]
    section.header.paragraphs[0].text = title
    footer = section.footer.paragraphs[0]
    run = footer.add_run()
    for kind, value in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = value
        run._r.append(element)
    document.save(str(path))


def main(argv: list[str]) -> None:
    kind, source, out = argv
    text = Path(source).read_text(encoding="utf-8")
    if kind == "pdf":
        print(f"{out}: {to_pdf(text, Path(out))} pages")
    else:
        to_docx(text, Path(out))


if __name__ == "__main__":
    main(sys.argv[1:])

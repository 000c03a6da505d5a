"""Make plain-text and PDF notes with code from Markdown notes, as a teacher would hand them out.

The development pool holds no note with code outside Markdown, so the kinds "a .txt note with
indented code and `>>>` sessions" and "a PDF programming handout" are made here from Markdown
chapters of the Python documentation: plain text as a teacher pastes it (headings as lines of their
own, code indented by four spaces under its paragraph as Sphinx's text builder writes it, no
code-span marks, links as their words), and the PDF printed with prose in Helvetica wrapped at the page width and code in Courier
at its indentation (a PDF keeps no spaces: the PDF reader gives the page's lines back with at most one).

    .venv/bin/python bench/make_code_notes.py txt NOTE.md OUT.txt
    .venv/bin/python bench/make_code_notes.py pdf NOTE.md OUT.pdf
"""

from __future__ import annotations

import re
import sys
import textwrap

_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(\w[^*]*?)\*{1,2}(?![\w*])")


def blocks(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) in order: "h1".."h6", "code" (lines as written), "item", "para"."""
    out: list[tuple[str, str]] = []
    lines = markdown.split("\n")
    i, para = 0, []

    def flush():
        if para:
            out.append(("item" if para[0].lstrip().startswith(("* ", "- ")) else "para", " ".join(para)))
            para.clear()

    while i < len(lines):
        line = lines[i]
        if line.strip().startswith("```"):
            flush()
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith("```"):
                j += 1
            out.append(("code", "\n".join(lines[i + 1:j])))
            i = j + 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            out.append((f"h{len(heading.group(1))}", heading.group(2)))
        elif not line.strip():
            flush()
        elif line.lstrip().startswith(("* ", "- ")) and para:
            flush()
            para.append(line.strip())
        else:
            para.append(line.strip())
        i += 1
    flush()
    return out


def plain(text: str) -> str:
    return " ".join(_EMPHASIS.sub(r"\1", _LINK.sub(r"\1", text)).replace("`", "").split())


def to_text(markdown: str, width: int = 72) -> str:
    parts = []
    for kind, text in blocks(markdown):
        if kind == "code":
            parts.append("\n".join("    " + l if l.strip() else "" for l in text.split("\n")))
        elif kind.startswith("h"):
            parts.append(plain(text))
        elif kind == "item":
            body = plain(text.lstrip("*- "))
            parts.append(textwrap.fill(body, width, initial_indent="* ", subsequent_indent="  "))
        else:
            parts.append(textwrap.fill(plain(text), width))
    return "\n\n".join(parts) + "\n"


def to_pdf(markdown: str, path: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(path, pagesize=A4)
    top, bottom, left = 800, 60, 60
    y = top

    def line(text: str, font: str, size: float, x: float = left, gap: float = 13) -> None:
        nonlocal y
        if y < bottom:
            pdf.showPage()
            y = top
        pdf.setFont(font, size)
        pdf.drawString(x, y, text)
        y -= gap

    for kind, text in blocks(markdown):
        if kind == "code":
            for code_line in text.split("\n"):
                stripped = code_line.lstrip(" ")
                line(stripped, "Courier", 9, left + 5.4 * (len(code_line) - len(stripped)) + 12, 11)
        elif kind.startswith("h"):
            y -= 6
            line(plain(text), "Helvetica-Bold", 14 if kind in ("h1", "h2") else 12, gap=18)
        elif kind == "item":
            for i, wrapped in enumerate(textwrap.wrap(plain(text.lstrip("*- ")), 88)):
                line(("\u2022 " if i == 0 else "   ") + wrapped, "Helvetica", 10)
        else:
            for wrapped in textwrap.wrap(plain(text), 95):
                line(wrapped, "Helvetica", 10)
        y -= 6
    pdf.save()


def main(argv: list[str]) -> None:
    kind, source, out = argv
    markdown = open(source, encoding="utf-8").read()
    if kind == "txt":
        with open(out, "w", encoding="utf-8") as f:
            f.write(to_text(markdown))
    else:
        to_pdf(markdown, out)


if __name__ == "__main__":
    main(sys.argv[1:])

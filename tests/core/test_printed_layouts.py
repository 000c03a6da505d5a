"""Notes printed as PDF (justified, hyphenated, with running headers and page numbers) and saved
from Word load as the same text their plain-text form gives (session 17, issue 9)."""

from __future__ import annotations

from pathlib import Path

from bot.core.chunking import chunk_document
from bot.core.loaders import load_document
from bot.core.loaders.code_lines import PROSE, line_kind
from bot.core.loaders.headings import is_heading_shaped
from bot.core.loaders.pdf_format import rejoin_hyphenated
from bot.core.loaders.plaintext import Line, parse_lines, parse_plain_text, split_lines

WIDE = 90  # characters of a full line of the made-up pages


def write_pdf(path: Path, pages: list[list[str]], header: str = "", numbers: bool = True) -> Path:
    """One line of text per entry, top to bottom, as a printed handout sets them; the header and
    the page number are drawn on every page as word processors draw them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        if header:
            pdf.setFont("Helvetica-Oblique", 8)
            pdf.drawString(60, 810, header)
        y = 780
        for line in lines:
            if not line:  # a paragraph's spacing, as word processors set it (no text, no blank line)
                y -= 7
                continue
            big, small = line.startswith("# "), line.startswith("~ ")  # a heading, a footnote
            pdf.setFont("Helvetica-Bold" if big else "Helvetica", 16 if big else 7 if small else 9)
            pdf.drawString(60, y, line[2:] if big or small else line)
            y -= 22 if big else 12
        if numbers:
            pdf.setFont("Helvetica", 8)
            pdf.drawCentredString(297, 30, str(number))
        pdf.showPage()
    pdf.save()
    return path


def filler(topic: str, count: int) -> list[str]:
    """Full-width lines of one paragraph, the last one finishing its sentence."""
    line = f"the {topic} was discussed at length by the members of the assembly in every session"
    lines = [line + " and" for _ in range(count - 1)] + [line + " of that year."]
    return [lines[0].capitalize(), *lines[1:]]


def test_a_sentence_goes_on_over_a_page_break_and_keeps_the_page_it_starts_on(tmp_path: Path) -> None:
    pages = [
        ["# Steam Engines", "Steam engines are external combustion engines, and they were built in large numbers by",
         *filler("engine", 3), "The first railway locomotive was built by Richard Trevithick in the United"],
        ["Kingdom in 1804, and it ran on the Penydarren tramway near Merthyr Tydfil in Wales with",
         "a load of iron. The railways spread quickly after that success and many engineers came to",
         "see the locomotive."],
        ["Later engines worked at higher pressures, which made them lighter and smaller than the",
         "atmospheric engines. These engines powered ships and mills across the world until the early",
         "twentieth century."],
    ]
    doc = load_document(write_pdf(tmp_path / "steam.pdf", pages, header="Steam Engines"), "steam.pdf")
    trevithick = next(b for b in doc.blocks if "Trevithick" in b.text)
    assert "built by Richard Trevithick in the United Kingdom in 1804, and it ran on" in trevithick.text
    assert trevithick.page == 1  # the citation points where the paragraph starts
    later = next(b for b in doc.blocks if b.text.startswith("Later engines"))
    assert later.page == 3 and later.text.endswith("twentieth century.")
    chunks = chunk_document(doc)
    assert all(c.page is not None for c in chunks)


def test_a_running_header_that_repeats_the_title_leaves_the_title_a_heading(tmp_path: Path) -> None:
    title = "Huguenot History"
    pages = [["# " + title, *filler("edict", 4)], filler("exile", 5), filler("church", 5)]
    doc = load_document(write_pdf(tmp_path / "h.pdf", pages, header=title), "h.pdf")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [title]
    body = [b for b in doc.blocks if b.kind != "heading"]
    assert body and all(b.heading_path == (title,) for b in body)
    assert not any(title in b.text or b.text.strip().isdigit() for b in body)  # no header, no page number


def test_a_word_hyphenated_the_same_way_twice_is_made_whole_both_times() -> None:
    lines = [Line("the early wri-"), Line("tings of Plato were read; later wri-"), Line("tings were not")]
    assert [line.text for line in rejoin_hyphenated(lines)] == [
        "the early writings", "of Plato were read; later writings", "were not"]


def test_a_compound_broken_at_its_hyphen_keeps_it_when_a_half_is_a_word_of_the_notes() -> None:
    lines = [Line("Trucks were built in Japan; the Isuzu-"), Line("built Chevrolet LUV was one."),
             Line("Isuzu made others.")]
    assert rejoin_hyphenated(lines) == lines  # the reader glues "Isuzu-" and "built" without a gap


def test_a_number_hyphenated_at_a_line_end_keeps_its_hyphen_without_a_gap() -> None:
    text = ("In the spring of 1753, Paul Marin de la Malgue was given command of a 2,000-\n"
            "man force of Troupes de la Marine and Indians, and marched south to the Ohio.\n") * 3
    blocks = parse_plain_text(text).blocks
    assert "a 2,000-man force" in blocks[0].text


def test_a_line_wrapped_after_an_abbreviation_goes_on_with_its_sentence() -> None:
    wrapped = ("French fur traders and trappers traveled throughout the St.\n"
               "Lawrence and Mississippi watersheds, did business with local tribes, and often\n"
               "married Indian women who lived in the villages along the rivers and the great lakes.\n")
    blocks = parse_lines(split_lines(wrapped * 3, page=1))  # a PDF page's text
    assert blocks[0].text.startswith("French fur traders and trappers traveled throughout the St. Lawrence")
    # plain text is read as before this session (its hard-wrapped notes are the quiz lanes')
    assert parse_plain_text(wrapped * 3).blocks[0].text.endswith("throughout the St.")


def test_a_reference_mark_after_the_stop_ends_the_paragraph() -> None:
    text = ("The rebellions were implacably suppressed by the French Crown in the years that followed\n"
            "the siege, and thousands left the country for the Netherlands and for England.[3]\n"
            "Approximately one million Protestants in modern France represent some two percent of\n"
            "its population, most of them living in Alsace and in the Cevennes region of the south,\n"
            "and in the cities of Paris and Lyon where the churches of the Reformed faith still meet.\n")
    blocks = parse_lines(split_lines(text, page=1))
    assert [b.text[:20] for b in blocks] == ["The rebellions were ", "Approximately one mi"]


def test_a_sentence_with_a_reference_mark_is_no_shell_command() -> None:
    assert line_kind("then-novel steam turbine.[citation needed]") == PROSE
    assert line_kind("then-novel steam turbine") != PROSE  # the shape itself still reads as a command


def test_a_line_that_ends_one_sentence_and_starts_another_is_no_heading() -> None:
    assert not is_heading_shaped("guese. This was their death sentence. This document, the Guanabara")
    assert is_heading_shaped("Chapter 3. The War in the North")
    assert is_heading_shaped("St. Lawrence River Trade")
    assert is_heading_shaped("... Installed Size")  # a first "sentence" of stops only: no words to read


def test_word_text_loses_the_invisible_characters_a_text_file_loses(tmp_path: Path) -> None:
    import docx

    sentence = "It offered a classic curriculum on the English university model\u2014\u200b\u200bmany leaders came."
    document = docx.Document()
    document.add_paragraph("Harvard University", style="Title")
    document.add_paragraph(sentence)
    document.save(str(tmp_path / "h.docx"))
    (tmp_path / "h.txt").write_text(f"Harvard University\n\n{sentence}\n", encoding="utf-8")
    from_word = load_document(tmp_path / "h.docx", "h.docx").blocks[-1].text
    assert from_word == load_document(tmp_path / "h.txt", "h.txt").blocks[-1].text
    assert "\u200b" not in from_word


def test_a_printed_paragraph_goes_on_after_a_full_line_that_ends_a_sentence(tmp_path: Path) -> None:
    pages = [[
        "The atmospheric engine was invented by Thomas Newcomen around 1712 and it was used to",
        "pump water out of the mines of Cornwall, where the water lay deep below the ground ever.",
        "It was an improvement over the steam pump of Thomas Savery, using a piston as proposed",
        "by Papin in France many years before.",
        "Later engines worked at higher pressures, which made them lighter and smaller than the",
        "atmospheric engines of the century before that time.",
        "Steam Turbines",
        "A steam turbine extracts thermal energy from pressurised steam and uses it to do the work",
        "of turning a shaft, and it replaced the reciprocating engine in the power stations.",
    ]]
    doc = load_document(write_pdf(tmp_path / "p.pdf", pages, numbers=False), "p.pdf")
    assert [(b.kind, b.text[:24]) for b in doc.blocks] == [
        ("paragraph", "The atmospheric engine w"),  # "... ground ever." ran to the width: "It was" goes on
        ("paragraph", "Later engines worked at "),  # after a short line: a new paragraph
        ("heading", "Steam Turbines"),
        ("paragraph", "A steam turbine extracts"),
    ]
    assert "below the ground ever. It was an improvement" in doc.blocks[0].text


def test_paragraph_spacing_on_the_page_says_where_paragraphs_start_and_end(tmp_path: Path) -> None:
    pages = [[
        "Steam engines burn fuel in a furnace outside the cylinder, and the heat raises steam in",
        "a boiler that stands beside the engine house, behind the wall of the mill.",  # 85% of the width
        "The steam drives a piston or a turbine and is then condensed and pumped back into the",
        "boiler, where it is heated again, and so on in a closed cycle. See: Rankine cycle",
        "",
        "Land-based engines could exhaust much of their steam, as feed water was usually readily",
        "available, but ships had to condense it and use it again in the boilers at sea.",
        "",
        "In 1781 James Watt patented an engine that produced a continuous rotary motion, and it was",
        "soon used to drive the machines of the mills and factories all over the country.",
    ]]
    doc = load_document(write_pdf(tmp_path / "spaced.pdf", pages, numbers=False), "spaced.pdf")
    assert [b.text[:20] for b in doc.blocks] == ["Steam engines burn f", "Land-based engines c", "In 1781 James Watt p"]
    assert doc.blocks[0].text.endswith("closed cycle. See: Rankine cycle")  # a gap ends it, no stop needed


def test_headings_are_told_by_their_size_in_a_pdf_that_prints_them_larger(tmp_path: Path) -> None:
    body = ["The interpreter reads the file from top to bottom and runs each statement it finds in",
            "the order the statements are written, and it stops at the first error it cannot handle."]
    pages = [[
        "# Python FAQ",
        "# What is Python?",  # a question: no heading by its shape, a heading by its size
        *body,
        "Short Lines Like This",  # heading-shaped, printed as body text: no heading here
        *body,
        "# Why is it slow to start?",
        *body, *body,
    ]]
    doc = load_document(write_pdf(tmp_path / "faq.pdf", pages, numbers=False), "faq.pdf")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [
        "Python FAQ", "What is Python?", "Why is it slow to start?"]
    short = next(b for b in doc.blocks if "Short Lines Like This" in b.text)
    assert short.kind == "paragraph" and short.heading_path == ("Python FAQ", "What is Python?")


def write_spaced_by_position(path: Path, lines: list[str], gap: int = -249) -> Path:
    """A page set as LaTeX and Sphinx set text: no space character at all, each word moved apart
    from the last by the TJ operator (`gap` thousandths of the font size), in a two-byte (Type0,
    Identity-H) font whose text is told by its ToUnicode map. Like the Debian Policy Manual's
    FreeSerif, the font has a glyph at code 0x20 that is no space (">", 564 wide): pypdf 7 took its
    width for the space's and, the gap being under half of it, ran the words together."""
    chars = sorted({char for line in lines for char in line if char != " "})
    code = {char: n if n < 0x20 else n + 1 for n, char in enumerate(chars, start=1)}  # 0x20 is the ">"
    content = "\n".join(["BT", "/F1 11 Tf", "14 TL", "60 780 Td"]
                        + [("T* " if i else "") + "[" + f" {gap} ".join(
                            "".join(f"<{code[c]:04x}>" for c in word) for word in line.split(" ")) + "] TJ"
                           for i, line in enumerate(lines)] + ["ET"]).encode()
    pairs = sorted([(code[c], ord(c)) for c in chars] + [(0x20, ord(">"))])
    to_unicode = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Made-UCS def "
                  "/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange "
                  f"{len(pairs)} beginbfchar " + " ".join(f"<{a:04x}> <{b:04x}>" for a, b in pairs)
                  + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    widths = " ".join("500" for _ in range(max(code.values())))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Serif /Encoding /Identity-H /DescendantFonts [6 0 R]"
        b" /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Serif /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 600 /W [1 [%s] 32 [564]] >>"
        % widths.encode(),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(to_unicode), to_unicode),
        b"<< /Type /FontDescriptor /FontName /Serif /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0"
        b" /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_words_set_apart_by_position_only_are_read_as_words(tmp_path: Path) -> None:
    lines = ["The Debian system is maintained and distributed as a collection of packages.",
             "Since there are so many of them, they are split into sections that follow the",
             "archive areas and are given priorities which say how much a system needs them."]
    doc = load_document(write_spaced_by_position(tmp_path / "latex.pdf", lines), "latex.pdf")
    assert " ".join(b.text for b in doc.blocks) == " ".join(lines)


def test_a_heading_made_large_by_the_text_matrix_is_read_as_larger(tmp_path: Path) -> None:
    """Many PDF writers set every font at 1 pt and scale it with the text matrix: the printed size
    is the product, and a heading printed 16 pt over 9 pt prose is a heading whatever its shape."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "scaled.pdf"
    pdf = canvas.Canvas(str(path))
    lines = [("the engine was discussed", 16), *[(line, 9) for line in filler("engine", 4)]]
    y = 780
    for text_line, size in lines:
        text = pdf.beginText()
        text.setTextTransform(size, 0, 0, size, 60, y)
        text.setFont("Helvetica", 1)
        text.textOut(text_line)
        pdf.drawText(text)
        y -= size + 4
    pdf.save()
    doc = load_document(path, "scaled.pdf")
    assert [(b.kind, b.text[:24]) for b in doc.blocks] == [
        ("heading", "the engine was discussed"), ("paragraph", "The engine was discussed")]


def _paths(doc) -> dict[str, tuple[str, ...]]:
    """Each body block's first words -> the headings it is cited under."""
    return {b.text[:12]: b.heading_path for b in doc.blocks if b.kind != "heading"}


def test_a_chapter_opened_with_a_spelled_number_is_cited_by_its_title(tmp_path: Path) -> None:
    """Sphinx's opener: the label at the body's size, the number spelled large, the title large.
    The number alone headed every path ("THREE > 3.1 ...") and the title was a section beside 3.1."""
    body = filler("package name", 2)
    pages = [
        ["CHAPTER", "# THREE", "# BINARY PACKAGES", "Opening " + body[0], *body[1:],
         "# 3.1 The package name", "Naming " + body[0], *body[1:],
         "# 3.1.1 Offensive names", "Offensive " + body[0], *body[1:],
         "# 3.2 The version", "Versions " + body[0], *body[1:]],
        ["CHAPTER", "# FOUR", "# SOURCE PACKAGES", "Sources " + body[0], *body[1:]],
    ]
    doc = load_document(write_pdf(tmp_path / "sphinx.pdf", pages, numbers=False), "sphinx.pdf")
    three, four = "CHAPTER THREE. BINARY PACKAGES", "CHAPTER FOUR. SOURCE PACKAGES"
    assert _paths(doc) == {
        "Opening The ": (three,), "Naming The p": (three, "3.1 The package name"),
        "Offensive Th": (three, "3.1 The package name", "3.1.1 Offensive names"),
        "Versions The": (three, "3.2 The version"), "Sources The ": (four,)}


def test_a_chapter_label_printed_large_over_its_title_is_one_heading(tmp_path: Path) -> None:
    """DBLaTeX's opener, "Chapter 4" over "A Detailed History", in any language ("Kapitel 4"); a
    section directly under the title is the chapter's, not the title's sibling."""
    body = filler("release", 2)
    pages = [
        ["# Kapitel 4", "# A Detailed History", "# 4.1 The Early Releases", "Early " + body[0], *body[1:],
         "# 4.1.1 The Packaging System", "Packaging " + body[0], *body[1:],
         "# 4.2 The Later Releases", "Later " + body[0], *body[1:]],
        ["# Appendix A", "# The Manifesto", "Manifesto " + body[0], *body[1:],
         "# A.1 What is it?", "Question " + body[0], *body[1:]],
    ]
    doc = load_document(write_pdf(tmp_path / "dblatex.pdf", pages, numbers=False), "dblatex.pdf")
    chapter, appendix = "Kapitel 4. A Detailed History", "Appendix A. The Manifesto"
    assert _paths(doc) == {
        "Early The re": (chapter, "4.1 The Early Releases"),
        "Packaging Th": (chapter, "4.1 The Early Releases", "4.1.1 The Packaging System"),
        "Later The re": (chapter, "4.2 The Later Releases"),
        "Manifesto Th": (appendix,), "Question The": (appendix, "A.1 What is it?")}


def test_a_label_line_inside_a_page_is_no_chapter_opener(tmp_path: Path) -> None:
    """Only a page's first lines open a chapter: "Figure 3" printed large mid-page stays itself."""
    body = filler("figure", 2)
    pages = [["# Results", "Before " + body[0], *body[1:], "# Figure 3", "# Measured Loads",
              "After " + body[0], *body[1:]]]
    doc = load_document(write_pdf(tmp_path / "figure.pdf", pages, numbers=False), "figure.pdf")
    assert "Figure 3" in [b.text for b in doc.blocks if b.kind == "heading"]


def test_a_numbered_heading_wrapped_over_two_lines_is_one_heading(tmp_path: Path) -> None:
    """FOP and DBLaTeX wrap a long section title; its second line was a heading of its own between
    the section and its subsections ("3.4. /bin : ... (for" > "use by all users)" > "3.4.1. Purpose")."""
    body = filler("directory", 6)  # enough body text for the headings' size to stand out
    pages = [["# 3.4. /bin : Essential user command binaries (for", "# use by all users)",
              "# 3.4.1. Purpose", "Purpose " + body[0], *body[1:],
              "# 3.5. /boot : Static files of the boot loader", "Boot " + body[0], *body[1:]]]
    doc = load_document(write_pdf(tmp_path / "wrapped.pdf", pages, numbers=False), "wrapped.pdf")
    bin_ = "3.4. /bin : Essential user command binaries (for use by all users)"
    assert _paths(doc) == {"Purpose The ": (bin_, "3.4.1. Purpose"),
                           "Boot The dir": ("3.5. /boot : Static files of the boot loader",)}


def test_a_title_wrapped_after_a_joining_word_is_one_heading(tmp_path: Path) -> None:
    """A title printed large over two lines, the first stopping on "and" ("The Aztec Empire: Rise,
    Society and" / "Conquest (c. 1325-1521)"), is one title: apart, its first half was every section's
    parent and the second a heading of its own (set 19's PDF, cited "... Rise, Society and")."""
    body = filler("empire", 6)
    pages = [["# The Aztec Empire: Rise, Society and", "# Conquest (c. 1325-1521)", "Course " + body[0], *body[1:],
              "# Origins and migration", "Origins " + body[0], *body[1:]]]
    doc = load_document(write_pdf(tmp_path / "title.pdf", pages, numbers=False), "title.pdf")
    assert "The Aztec Empire: Rise, Society and Conquest (c. 1325-1521)" in {b.text for b in doc.blocks}
    assert not any(b.text == "The Aztec Empire: Rise, Society and" for b in doc.blocks)
    assert not any("The Aztec Empire: Rise, Society and" in b.heading_path for b in doc.blocks)


def test_a_title_wrapped_at_the_margin_is_one_heading(tmp_path: Path) -> None:
    """A title too long for its line at its size ("The Russian Revolution of 1917: Course" / "Notes",
    set 22's PDF) goes on in the line under it: apart, "Notes" was a heading between the title and every
    section, cited in each path. Short headings of one size in a row stay apart (tests above)."""
    body = filler("revolution", 6)
    pages = [["# The Russian Revolution of 1917: Course", "# Notes", "Course " + body[0], *body[1:],
              "# 1. Overview", "Overview " + body[0], *body[1:]]]
    doc = load_document(write_pdf(tmp_path / "title.pdf", pages, numbers=False), "title.pdf")
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings == ["The Russian Revolution of 1917: Course Notes", "1. Overview"]
    assert not any("Notes" in b.heading_path for b in doc.blocks)


def test_a_running_footer_with_the_page_number_and_the_section_name_is_dropped(tmp_path: Path) -> None:
    """Sphinx and LaTeX footers: "14 Chapter 3. Binary packages" on even pages, "3.3. The maintainer
    15" on odd ones, the printed number 7 ahead of the PDF's. They differ from page to page, so the
    "same line on most pages" rule kept them as paragraphs; a footnote at a page's foot stays."""
    footers = ["8 Chapter 3. Binary packages", "3.3. The maintainer of a package 9",
               "10 Chapter 3. Binary packages", "3.4. The description of a package 11"]
    topics = ["maintainer", "version", "description", "synopsis"]
    pages = [[*filler(topic, 4), footer] for topic, footer in zip(topics, footers)]
    pages[1].insert(-1, "1 A sample implementation of this is shipped with the package.")  # a footnote
    doc = load_document(write_pdf(tmp_path / "footers.pdf", pages, numbers=False), "footers.pdf")
    text = "\n".join(b.text for b in doc.blocks)
    assert "Chapter 3" not in text and "of a package" not in text
    assert "1 A sample implementation of this is shipped with the package." in text
    assert all(f"The {topic} was discussed" in text for topic in topics)  # the body is all kept


def test_a_chapters_running_header_is_dropped_and_a_heading_at_page_tops_stays(tmp_path: Path) -> None:
    """FOP and DBLaTeX print the chapter's name over each of its pages: on 3 of 8 pages, too few
    for the "most pages" rule, it was glued to the paragraph it broke. A heading printed larger at
    the top of as many pages is the text's own."""
    topics = iter(["root", "boot", "device", "config", "usr", "share", "lib", "var"])
    pages = [["# Chapter 3. The Root Filesystem", *filler(next(topics), 4)],
             *[["The Root Filesystem", *filler(next(topics), 4)] for _ in range(3)],
             ["# Chapter 4. The usr Hierarchy", *filler(next(topics), 4)],
             *[["The usr Hierarchy", "# Purpose and Scope", *filler(next(topics), 4)] for _ in range(3)]]
    doc = load_document(write_pdf(tmp_path / "headers.pdf", pages, numbers=False), "headers.pdf")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [
        "Chapter 3. The Root Filesystem", "Chapter 4. The usr Hierarchy", *["Purpose and Scope"] * 3]
    assert not [b.text for b in doc.blocks if b.kind != "heading" and ("Root Filesystem" in b.text
                                                                       or "usr Hierarchy" in b.text)]


def test_a_footnote_at_a_page_foot_is_moved_out_of_the_paragraph_it_broke(tmp_path: Path) -> None:
    """A footnote printed small at a page's foot came between the two halves of the paragraph that
    runs on over the page break, and was glued into it (session 22: "... not allowed. 10 Setgid
    directories are allowed. Required targets ..."). It follows the paragraph, as a paragraph of its
    own; code printed small at a page's end, with no gap above it, stays where it is."""
    line = "the maintainer was discussed at length by the members of the assembly in every session and"
    pages = [
        [*filler("archive", 3), "", line.capitalize(), line, line, "",
         "~ 1 A sample implementation is shipped with the package.", "~ 2 See the manual."],
        ["the debate went on until the end of the year.", "", *filler("release", 3),
         "~ [1 - #include <abstractions/nis>]", "~ 2", "~ Profile: /usr/sbin/dhclient", "~ (A)llow / [(D)eny]",
         "~ Abo(r)t / (F)inish"],
        [*filler("kernel", 3), "", *filler("module", 3)],
    ]
    doc = load_document(write_pdf(tmp_path / "notes.pdf", pages, numbers=False), "notes.pdf")
    texts = [b.text for b in doc.blocks]
    broken = next(i for i, text in enumerate(texts) if text.startswith("The maintainer"))
    assert texts[broken].endswith("until the end of the year.") and "sample" not in texts[broken]
    assert texts[broken + 1:broken + 3] == ["1 A sample implementation is shipped with the package.", "2 See the manual."]
    assert "of that year. [1 - #include <abstractions/nis>] 2" in " ".join(texts)  # not moved


def write_marked_pdf(path: Path, lines: list[list[tuple[str, bool]]], notes: list[str]) -> Path:
    """Lines of 9 pt text whose parts may be raised and printed at 6 pt (a footnote's mark or an
    exponent, as LaTeX sets both), then the page's footnotes at 7 pt at its foot."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 780
    for parts in lines:
        text = pdf.beginText(60, y)
        for part, raised in parts:
            text.setFont("Helvetica", 6 if raised else 9)
            text.setRise(4 if raised else 0)
            text.textOut(part)
        pdf.drawText(text)
        y -= 12
    y -= 20
    for note in notes:
        pdf.setFont("Helvetica", 7)
        pdf.drawString(60, y, note)
        y -= 10
    pdf.showPage()
    pdf.save()
    return path


def test_a_footnote_mark_glued_to_a_word_or_stop_is_left_out_and_an_exponent_stays(tmp_path: Path) -> None:
    """A footnote's mark, printed raised and small, was read glued to the word or stop before it
    (session 22: "split into areas1 based on", "in order to function.6 Any files", 35 in the
    Policy's packages-and-os PDF): a word no note has, and a stop that ends no sentence. It is left
    out when its note opens a line below it; an exponent printed the same way has no note, and
    stays ("mc2"), even above a line of the body that opens with its number."""
    lines = [
        [("The archive is split into areas", False), ("1", True), (" based on the licenses of the packages.", False)],
        [("Energy equals mc", False), ("2", True), (" in the theory, which was stated in 1905.", False)],
        [("Some files are needed in order to function.", False), ("3", True), (" Any files may be added later.", False)],
        [("2 The second point of a list is printed at the size of the body.", False)],
    ]
    notes = ["1 The areas are main, contrib and non-free.", "3 See the manual."]
    doc = load_document(write_marked_pdf(tmp_path / "marks.pdf", lines, notes), "marks.pdf")
    text = " ".join(b.text for b in doc.blocks)
    assert "split into areas based on the licenses" in text
    assert "Energy equals mc2 in the theory, which was stated in 1905." in text
    assert "in order to function. Any files may be added later." in text
    assert "The areas are main, contrib and non-free." in text and "See the manual." in text

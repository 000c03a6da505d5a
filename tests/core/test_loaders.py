"""Loading course files of every supported type into blocks with heading paths and pages."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from bot.core.documents import Block, Document
from bot.core.loaders import SUPPORTED_SUFFIXES, iter_corpus_files, load_document
from bot.errors import DocumentError

DEFAULT_NOTE = Path(__file__).resolve().parents[2] / "corpus" / "china-under-mao.txt"

FIRST_PLAN = "The First Five-Year Plan (1953\u20131957)"
COLLECTIVISATION = "Agricultural Collectivisation"
LEAP = "The Great Leap Forward (1958\u20131961)"
FAILURE = "Reasons for the Failure of the Great Leap Forward"
PURGE = "The Purge of Peng Dehuai and Policy Debates"

EXPECTED_DEFAULT_TREE = [
    (1, FIRST_PLAN, ()),
    (2, "Soviet Influence and Ideological Foundations", (FIRST_PLAN,)),
    (2, "Industrial Growth Targets", (FIRST_PLAN,)),
    (2, "Outcomes of the First Five-Year Plan", (FIRST_PLAN,)),
    (1, COLLECTIVISATION, ()),
    (2, "Voluntary Collectivisation (1951\u20131955)", (COLLECTIVISATION,)),
    (2, "Enforced Collectivisation (1955\u20131956)", (COLLECTIVISATION,)),
    (2, "Establishment of People\u2019s Communes (1958 onwards)", (COLLECTIVISATION,)),
    (1, LEAP, ()),
    (2, "Ideological Motivations", (LEAP,)),
    (2, "Restructuring Rural and Industrial Production", (LEAP,)),
    (2, "Mao\u2019s Rejection of Expert Advice", (LEAP,)),
    (1, FAILURE, ()),
    (2, "Over-Reporting and Unrealistic Targets", (FAILURE,)),
    (2, "Administrative Chaos", (FAILURE,)),
    (2, "Resistance and Famine", (FAILURE,)),
    (1, PURGE, ()),
    (2, "Peng Dehuai\u2019s Criticism", (PURGE,)),
    (2, "Mao\u2019s Response and Peng\u2019s Downfall", (PURGE,)),
    (2, "Policy Reassessment", (PURGE,)),
    (1, "FAQ", ()),
    (1, "Practice Questions", ()),
]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def headings(doc: Document) -> list[tuple[int, str, tuple[str, ...]]]:
    return [(b.level, b.text, b.heading_path) for b in doc.blocks if b.kind == "heading"]


def block(doc: Document, starts_with: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(starts_with))


# --- the default note: headings without markup --------------------------------------------------


@pytest.fixture(scope="module")
def default_doc() -> Document:
    return load_document(DEFAULT_NOTE, "china-under-mao.txt")


def test_default_note_heading_tree(default_doc: Document) -> None:
    assert headings(default_doc) == EXPECTED_DEFAULT_TREE


def test_default_note_opening_line_is_a_paragraph_outside_sections(default_doc: Document) -> None:
    first = default_doc.blocks[0]
    assert first.kind == "paragraph" and first.heading_path == ()
    assert first.text.startswith("This section explores")


def test_default_note_lists_follow_their_lead_in(default_doc: Document) -> None:
    lead_in = block(default_doc, "The First Five-Year Plan set ambitious goals")
    item = block(default_doc, "Rapid expansion of heavy industry: steel, coal")
    closing = block(default_doc, "The plan aimed to transform China")
    assert lead_in.kind == "paragraph" and lead_in.text.endswith("Key targets included:")
    assert item.kind == "list_item"
    assert item.heading_path == (FIRST_PLAN, "Industrial Growth Targets")
    assert closing.kind == "paragraph"


@pytest.mark.parametrize(
    ("starts_with", "kind"),
    [
        ("Backyard furnaces: Villages", "list_item"),
        ("Communal kitchens encouraged", "list_item"),
        ("Mao sought to demonstrate", "list_item"),
        ("Foreign aid and grain imports", "list_item"),
        ("However, the emphasis on heavy industry", "paragraph"),
        ("Though collectivisation aimed", "paragraph"),
        ("The commune system drastically", "paragraph"),
        ("These factors, combined", "paragraph"),
        ("These developments illustrate", "paragraph"),
        ("Explain how Soviet influence", "paragraph"),
    ],
)
def test_default_note_block_kinds(default_doc: Document, starts_with: str, kind: str) -> None:
    assert block(default_doc, starts_with).kind == kind


def test_default_note_back_matter_is_top_level(default_doc: Document) -> None:
    assert block(default_doc, "When People\u2019s Communes were first").heading_path == ("FAQ",)
    assert block(default_doc, "Analyse the main reasons").heading_path == ("Practice Questions",)


def test_document_identity(default_doc: Document) -> None:
    assert default_doc.name == "china-under-mao.txt"
    assert default_doc.sha256 == hashlib.sha256(DEFAULT_NOTE.read_bytes()).hexdigest()
    assert default_doc.title == "China Under Mao"
    assert all(b.page is None for b in default_doc.blocks)


# --- other plain-text layouts -------------------------------------------------------------------


def test_plain_text_bullets_and_hard_wrapped_paragraphs(tmp_path: Path) -> None:
    text = (
        "Land Reform\n"
        "The Agrarian Reform Law of 1950 took land from landlords and gave it to\n"
        "peasant households across the countryside, village by village, with\n"
        "public trials of landlords.\n"
        "\n"
        "- Landlords lost their estates\n"
        "- Peasants received small plots\n"
        "1. First numbered\n"
        "2. Second numbered\n"
    )
    doc = load_document(write(tmp_path / "land.txt", text), "land.txt")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Land Reform"),
        ("paragraph", "The Agrarian Reform Law of 1950 took land from landlords and gave it to "
                      "peasant households across the countryside, village by village, with "
                      "public trials of landlords."),
        ("list_item", "Landlords lost their estates"),
        ("list_item", "Peasants received small plots"),
        ("list_item", "First numbered"),
        ("list_item", "Second numbered"),
    ]


WRAPPED_NOTE = """CHINA UNDER MAO

The First Five-Year Plan

After the founding of the PRC in 1949, the Communist leadership, lacking
domestic industrial expertise, turned to the Soviet Union for guidance. The
Sino-Soviet Treaty of Friendship (1950) secured loans and experts for a self-
sufficient industry.

Key targets included:

Rapid expansion of heavy industry.
Development of transport networks.

The plan aimed to transform China into a self-sufficient socialist state,
aligning economic policy closely with Marxist-Leninist ideology.

The Great Leap Forward

Mao believed mass mobilisation and human willpower could achieve rapid
growth without reliance on foreign aid.

Summary

Mao's drive for rapid transformation failed.
"""


def test_hard_wrapped_plain_text_with_blank_lines(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path / "wrapped.txt", WRAPPED_NOTE), "wrapped.txt")
    top, plan = "CHINA UNDER MAO", "The First Five-Year Plan"
    assert headings(doc) == [
        (1, top, ()),
        (2, plan, (top,)),
        (2, "The Great Leap Forward", (top,)),
        (1, "Summary", ()),
    ]
    assert [b.kind for b in doc.blocks if b.heading_path == (top, plan)] == [
        "paragraph", "paragraph", "list_item", "list_item", "paragraph",
    ]
    assert block(doc, "After the founding").text.endswith(
        "turned to the Soviet Union for guidance. The Sino-Soviet Treaty of Friendship (1950) "
        "secured loans and experts for a self-sufficient industry."
    )
    assert block(doc, "The plan aimed").text.endswith("state, aligning economic policy closely "
                                                      "with Marxist-Leninist ideology.")


def test_cp1252_text_with_curly_quotes(tmp_path: Path) -> None:
    text = "Mao\u2019s \u201cGreat Leap\u201d failed \u2013 badly.\n"
    doc = load_document(write(tmp_path / "old.txt", text.encode("cp1252")), "old.txt")
    assert doc.blocks[0].text == text.strip()


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    data = "\ufeffLand Reform\nThe law of 1950 redistributed land.\n".encode("utf-8")
    doc = load_document(write(tmp_path / "bom.txt", data), "bom.txt")
    assert doc.blocks[0] == Block(text="Land Reform", kind="heading", level=1)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_utf16_with_bom(tmp_path: Path) -> None:
    data = "Notes on the \u201cHundred Flowers\u201d.\n".encode("utf-16")
    doc = load_document(write(tmp_path / "u16.txt", data), "u16.txt")
    assert doc.blocks[0].text == "Notes on the \u201cHundred Flowers\u201d."


# --- Markdown -----------------------------------------------------------------------------------

MARKDOWN = """---
title: Mao Notes
tags: [history]
---
# The Great Leap Forward

The GLF began in *1958* and was
meant to **transform** China. See [the notes](http://example.com) and `snake_case_name`.

## Causes of failure

Key causes:

- Over-reporting of _grain_
- Backyard furnaces that
  made useless steel
1. A numbered cause

Setext Section
--------------

> A quoted line.

```python
print("kept as text")
```

Top Setext
==========
Last paragraph \\*not emphasis\\*.
"""


def test_markdown_structure(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path / "notes.md", MARKDOWN), "notes.md")
    assert doc.title == "Mao Notes"
    leap, causes = "The Great Leap Forward", "Causes of failure"
    assert [(b.kind, b.level, b.text, b.heading_path) for b in doc.blocks] == [
        ("heading", 1, leap, ()),
        ("paragraph", 0, "The GLF began in 1958 and was meant to transform China. "
                         "See the notes and `snake_case_name`.", (leap,)),  # inline code keeps its marks
        ("heading", 2, causes, (leap,)),
        ("paragraph", 0, "Key causes:", (leap, causes)),
        ("list_item", 0, "Over-reporting of grain", (leap, causes)),
        ("list_item", 0, "Backyard furnaces that made useless steel", (leap, causes)),
        ("list_item", 0, "A numbered cause", (leap, causes)),
        ("heading", 2, "Setext Section", (leap,)),
        ("paragraph", 0, "A quoted line.", (leap, "Setext Section")),
        ("paragraph", 0, '```\nprint("kept as text")\n```', (leap, "Setext Section")),
        ("heading", 1, "Top Setext", ()),
        ("paragraph", 0, "Last paragraph *not emphasis*.", ("Top Setext",)),
    ]


# --- Word -------------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Notes on the PRC", level=0)  # the "Title" style
    document.add_heading("Land Reform", level=1)
    document.add_paragraph("The Agrarian Reform Law of 1950 redistributed land.")
    document.add_paragraph("Its results were:")
    document.add_paragraph("Landlords lost their estates.", style="List Bullet")
    document.add_paragraph("Peasants gained plots.", style="List Number")
    document.add_heading("Outcomes", level=2)
    document.add_paragraph("Output rose at first.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "1950"
    table.rows[0].cells[1].text = "Agrarian Reform Law"
    document.save(str(path))
    return path


def test_docx_styles_give_headings_and_list_items(tmp_path: Path) -> None:
    doc = load_document(make_docx(tmp_path / "prc.docx"), "prc.docx")
    title, reform = "Notes on the PRC", "Land Reform"
    assert doc.title == title
    assert [(b.kind, b.level, b.text, b.heading_path) for b in doc.blocks] == [
        ("heading", 1, title, ()),
        ("heading", 2, reform, (title,)),
        ("paragraph", 0, "The Agrarian Reform Law of 1950 redistributed land.", (title, reform)),
        ("paragraph", 0, "Its results were:", (title, reform)),
        ("list_item", 0, "Landlords lost their estates.", (title, reform)),
        ("list_item", 0, "Peasants gained plots.", (title, reform)),
        ("heading", 3, "Outcomes", (title, reform)),
        ("paragraph", 0, "Output rose at first.", (title, reform, "Outcomes")),
        ("paragraph", 0, "1950 | Agrarian Reform Law", (title, reform, "Outcomes")),
    ]


# --- PDF --------------------------------------------------------------------------------------


def make_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    body, h1, h2 = styles["BodyText"], styles["Heading1"], styles["Heading2"]

    def footer(canvas, document) -> None:
        canvas.drawString(72, 30, f"Page {document.page}")
        canvas.drawString(72, 810, "History notes - China")

    story = [
        Paragraph("Land Reform", h1),
        Paragraph("The Agrarian Reform Law of 1950 redistributed land from landlords to "
                  "peasants. " * 3, body),
        Paragraph("Key results included:", body),
        Paragraph("Landlords lost their estates.", body),
        PageBreak(),
        Paragraph("The Hundred Flowers Campaign", h1),
        Paragraph("Origins", h2),
        Paragraph("In 1956 Mao invited intellectuals to criticise the party openly. " * 4, body),
        PageBreak(),
        Paragraph("Summary", h1),
        Paragraph("Both campaigns tightened the party's control over China.", body),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)
    return path


@pytest.fixture(scope="module")
def pdf_doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = make_pdf(tmp_path_factory.mktemp("pdf") / "campaigns.pdf")
    return load_document(path, "campaigns.pdf")


def test_pdf_blocks_keep_their_one_based_pages(pdf_doc: Document) -> None:
    flowers = "The Hundred Flowers Campaign"
    assert [(b.page, b.kind, b.text[:30], b.heading_path) for b in pdf_doc.blocks] == [
        (1, "heading", "Land Reform", ()),
        (1, "paragraph", "The Agrarian Reform Law of 195", ("Land Reform",)),
        (1, "paragraph", "Key results included:", ("Land Reform",)),
        (1, "list_item", "Landlords lost their estates.", ("Land Reform",)),
        (2, "heading", flowers, ()),
        (2, "heading", "Origins", (flowers,)),
        (2, "paragraph", "In 1956 Mao invited intellectu", (flowers, "Origins")),
        (3, "heading", "Summary", ()),
        (3, "paragraph", "Both campaigns tightened the p", ("Summary",)),
    ]


def test_pdf_wrapped_lines_join_into_whole_paragraphs(pdf_doc: Document) -> None:
    origins = block(pdf_doc, "In 1956 Mao")
    sentence = "In 1956 Mao invited intellectuals to criticise the party openly."
    assert origins.text == " ".join([sentence] * 4)


def test_pdf_without_text_needs_ocr(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    for _ in range(2):
        pdf.rect(100, 100, 200, 200, fill=1)
        pdf.showPage()
    pdf.save()
    with pytest.raises(DocumentError, match=r"no text found \(a scanned PDF needs OCR first\)"):
        load_document(path, "scan.pdf")


# --- HTML -------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Mao&rsquo;s China</title><style>p { color: red }</style>
<script>var tracking = 1;</script></head>
<body>
<nav><a href="/">Home</a> <a href="/courses">Courses</a></nav>
<h1>Campaigns</h1>
<p>The <b>early</b> campaigns
   were:</p>
<ul><li>Three-Anti</li><li>Five-Anti<ul><li>Against bribery</li></ul></li></ul>
<h3>Later</h3>
<div>Loose text in a div.</div>
<!-- a comment -->
<script>alert("no")</script>
</body></html>
"""


def test_html_structure(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path / "page.html", HTML), "page.html")
    assert doc.title == "Mao\u2019s China"
    assert [(b.kind, b.level, b.text, b.heading_path) for b in doc.blocks] == [
        ("heading", 1, "Campaigns", ()),
        ("paragraph", 0, "The early campaigns were:", ("Campaigns",)),
        ("list_item", 0, "Three-Anti", ("Campaigns",)),
        ("list_item", 0, "Five-Anti", ("Campaigns",)),
        ("list_item", 0, "Against bribery", ("Campaigns",)),
        ("heading", 3, "Later", ("Campaigns",)),
        ("paragraph", 0, "Loose text in a div.", ("Campaigns", "Later")),
    ]


# --- files that cannot be read ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("file_name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n \t\n", "empty"),
        ("corrupt.pdf", os.urandom(2048), "damaged"),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "damaged"),
        ("corrupt.docx", os.urandom(2048), "damaged"),
        ("junk.txt", bytes(range(256)) * 20, "binary"),
        ("random.txt", os.urandom(4096), "binary"),
        ("slides.pptx", b"whatever", "not a supported file type"),
        ("no-suffix", b"text", "not a supported file type"),
        ("empty.html", b"<html><body><script>x()</script></body></html>", "no text found"),
    ],
)
def test_unreadable_files_raise_document_error(
    tmp_path: Path, file_name: str, content: bytes, reason: str
) -> None:
    path = write(tmp_path / file_name, content)
    with pytest.raises(DocumentError, match=reason) as caught:
        load_document(path, file_name)
    assert caught.value.user_message().startswith(file_name)


def test_a_locked_pdf_asks_for_an_unlocked_copy_and_one_locked_only_against_changes_loads(
        tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    def locked(name: str, user_password: str) -> Path:
        path = tmp_path / name
        pdf = canvas.Canvas(str(path), encrypt=StandardEncryption(user_password, ownerPassword="owner"))
        pdf.drawString(72, 720, "The Agrarian Reform Law of 1950 redistributed land.")
        pdf.save()
        return path

    with pytest.raises(DocumentError, match="password-protected"):
        load_document(locked("secret.pdf", "secret"), "secret.pdf")
    doc = load_document(locked("owner.pdf", ""), "owner.pdf")  # opens without a password, as in readers
    assert [b.text for b in doc.blocks] == ["The Agrarian Reform Law of 1950 redistributed land."]


def test_missing_file_raises_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="does not exist"):
        load_document(tmp_path / "gone.txt", "gone.txt")


# --- the corpus folder ------------------------------------------------------------------------


def test_iter_corpus_files(tmp_path: Path) -> None:
    for name in [
        "b.txt", "a.md", "unit 2/Notes.PDF", "unit 2/deep/c.htm", "unit 2/quizzes/kept.md",
        "quizzes/bank.md", ".hidden.txt", ".git/x.md", "unit 2/.cache/y.txt", "~$lock.docx",
        "image.png", "d.docx", "e.markdown", "f.html",
    ]:
        write(tmp_path / name, b"x")
    # image.png is listed: the indexer names it as skipped (not a supported type) instead of
    # leaving it out unseen.
    assert [name for _, name in iter_corpus_files(tmp_path)] == [
        "a.md", "b.txt", "d.docx", "e.markdown", "f.html", "image.png",
        "unit 2/Notes.PDF", "unit 2/deep/c.htm", "unit 2/quizzes/kept.md",
    ]
    assert all(path == tmp_path / name for path, name in iter_corpus_files(tmp_path))


def test_iter_corpus_files_missing_folder(tmp_path: Path) -> None:
    assert iter_corpus_files(tmp_path / "nope") == []


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == {".txt", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm"}


def test_plain_text_faq_numbers_its_questions_as_sections(tmp_path: Path) -> None:
    """A plain-text FAQ (the Debian FAQ's form, made-up beekeeping text): the chapter's title and the
    numbered questions are headings, a question's number giving its level; a question numbered with
    one part may be an exercise and stays a paragraph; a run of "Label: value" lines is no heading."""
    text = (
        "Chapter 4. Keeping bees through the winter and the spring\n"
        "\n"
        "    This chapter covers the colder months of the beekeeping year,\n"
        "    from the last honey harvest to the first inspection.\n"
        "\n"
        "4.1. What is a winter cluster?\n"
        "\n"
        "    A winter cluster is a tight ball of bees that keeps the queen\n"
        "    warm through the cold months (logged in /\n"
        "    var/hives and/\n"
        "    or on paper).\n"
        "\n"
        "4.1.1. Why do bees shiver in the cluster?\n"
        "\n"
        "    Bees shiver their wing muscles to make heat for the colony.\n"
        "    The hive scale shows its two readings.\n"
        "\n"
        "    Hive Weight:   21 kg\n"
        "    Colony Status:   clustered\n"
        "\n"
        "4.2. How are hives fed in the spring?\n"
        "\n"
        "    Hives are fed with a thin syrup of sugar and water in spring.\n"
        "\n"
        "1. Why do drones leave the hive?\n"
        "\n"
        "    Write two sentences on the question above.\n"
    )
    doc = load_document(write(tmp_path / "bees-faq.txt", text), "bees-faq.txt")
    chapter = "Chapter 4. Keeping bees through the winter and the spring"
    assert headings(doc) == [
        (1, chapter, ()),
        (2, "4.1. What is a winter cluster?", (chapter,)),
        (3, "4.1.1. Why do bees shiver in the cluster?", (chapter, "4.1. What is a winter cluster?")),
        (2, "4.2. How are hives fed in the spring?", (chapter,)),
    ]
    answer = next(b for b in doc.blocks if b.text.startswith("A winter cluster"))
    assert answer.kind == "paragraph" and answer.heading_path == (chapter, "4.1. What is a winter cluster?")
    assert answer.text.endswith("(logged in /var/hives and/or on paper).")  # wrapped after a slash: no gap
    exercise = next(b for b in doc.blocks if b.text.startswith("1. Why do drones"))
    assert exercise.kind != "heading"


def test_docx_inline_math_is_read_in_place(tmp_path: Path) -> None:
    """Word writes subscripted names as inline equations (HC₀ = "HC" + math subscript 0 on an empty
    base); python-docx's paragraph text skips them, so "HC0" was never in the notes (ans23). A
    display equation (its own line) stays out: a run of symbols is not a sentence."""
    import docx
    from docx.oxml import parse_xml

    math = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'

    def sub(base: str, index: str) -> str:
        return (f"<m:sSub><m:e><m:r><m:t>{base}</m:t></m:r></m:e>"
                f"<m:sub><m:r><m:t>{index}</m:t></m:r></m:sub></m:sSub>")

    document = docx.Document()
    paragraph = document.add_paragraph("The original variant is HC")
    paragraph._p.append(parse_xml(f"<m:oMath {math}>{sub(chr(0x200B), '0')}</m:oMath>"))
    paragraph.add_run(", with residuals ")
    paragraph._p.append(parse_xml(f"<m:oMath {math}>{sub('u', 't')}</m:oMath>"))
    paragraph.add_run(".")
    display = document.add_paragraph("")
    display._p.append(parse_xml(f"<m:oMathPara {math}><m:oMath>{sub('x', 'i')}</m:oMath></m:oMathPara>"))
    document.add_paragraph("Next paragraph.")
    document.save(str(tmp_path / "math.docx"))

    doc = load_document(tmp_path / "math.docx", "math.docx")
    texts = [b.text for b in doc.blocks]
    assert "The original variant is HC0, with residuals u_t." in texts
    assert not any("x_i" in text for text in texts)

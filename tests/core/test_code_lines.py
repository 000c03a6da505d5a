"""Code in notes without markup: a plain-text or PDF handout's code is one fenced block, as a
Markdown note's is, and prose, verse, tables and lists are never read as code. Made-up notes of
a build tool ("kiln") and a toy language ("Ember"), with the real model for the answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.loaders import load_document
from bot.core.loaders.code_lines import COMMAND, PART, PROMPT, PROSE, STATEMENT, line_kind
from bot.core.text import fenced, is_code_block
from tests.conftest import indexed_course

KILN_TXT = """The kiln build tool

Setting up a workspace

The kiln tool keeps every build of a project in a workspace folder of
its own. To create a workspace, choose a folder name and run the kiln
module with the init command:

    kiln init --in pottery-ws

This will create the pottery-ws folder if it is missing, with a recipe
file and an empty cache inside it.

On Linux, you may open the workspace for building by running

    source pottery-ws/bin/open

and close it again with

    kiln close --keep-cache

Recipes in Ember

A recipe is a small Ember program. Here is one that fires every pot on
the shelf:

    def fire_all(shelf):
        for pot in shelf.pots:
            if pot.dry and not pot.fired:
                pot.fire(temperature=1200)

    fire_all(load_shelf("west"))

The interpreter shows what a recipe does, line by line:

    >>> shelf = load_shelf("west")
    >>> len(shelf.pots)
    12
    >>> shelf.pots[0]
    Pot of the west shelf, not yet fired

Each pot is fired once, whatever order the shelf lists them in.
"""

PROSE_TXT = """Harvest festival

For each of the items in the list: bring it to the hall by noon.
Return the form by Friday.

    the river runs cold
    and the hills are grey
    we walk home slowly

Year        Visitors      Stalls
1998        4,200         31
2004        6,850         44

Things to bring:

- apples
- pears
- a basket

$ 5 million was raised for the roof, and x = 1.2 was the rate the
treasurer reported, with care: the accounts are public.

The rota:

  * morning = Anna and Ben; afternoon = Carla;
    evening = Dev
"""


def blocks_of(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path, name).blocks


@pytest.mark.parametrize("line, kind", [
    (">>> len(shelf.pots)", PROMPT),
    ("$ kiln init pottery-ws", PROMPT),
    ("(pottery-ws) $ kiln fire", PROMPT),
    ("def fire_all(shelf):", STATEMENT),
    ("for pot in shelf.pots:", STATEMENT),
    ("import kiln.recipes as recipes", STATEMENT),
    ("from kiln import shelf", STATEMENT),
    ("total = sum(pot.weight for pot in shelf)", STATEMENT),
    ('print("the pots are fired")', STATEMENT),  # prose in a string is the program's text
    ("kiln close --keep-cache", COMMAND),
    ("sudo kiln install ../*.pkg", COMMAND),
    ("kiln init pottery", PROSE),  # no mark of a command line: as a list's item without a bullet reads
    ("# fire the west shelf first", PART),
    ("x = 1.2", PART),  # a formula's shape too: code only among other code
    ("for each of the items in the list:", PROSE),
    ("return the form by Friday.", PROSE),
    ("if you want to keep the cache:", PROSE),
    ("with round function cannot help:", PROSE),
    ("name=Guy Steele, Jr.:", PROSE),
    ("* morning = Anna and Ben; afternoon = Carla;", PROSE),
    ("last being 1.3.1R6.", PROSE),
    ("non-exclusive licence:", PROSE),
    ("$ 5 million was raised", PROSE),
    ("the river runs cold", PROSE),
    ("For example,", PART),  # ends as an open call does, but opens no code (below)
])
def test_line_kinds(line: str, kind: str) -> None:
    assert line_kind(line) == kind


def test_plain_text_code_is_one_fenced_block(tmp_path: Path) -> None:
    texts = [b.text for b in blocks_of(tmp_path, "kiln.txt", KILN_TXT)]
    assert fenced("kiln init --in pottery-ws") in texts
    assert fenced("source pottery-ws/bin/open") in texts
    assert fenced("kiln close --keep-cache") in texts
    # indentation kept, a blank line inside the code kept, one block
    assert fenced("def fire_all(shelf):\n    for pot in shelf.pots:\n        if pot.dry and not pot.fired:\n"
                  "            pot.fire(temperature=1200)\n\nfire_all(load_shelf(\"west\"))") in texts
    # the session with its output, also output that reads like a sentence
    assert fenced('>>> shelf = load_shelf("west")\n>>> len(shelf.pots)\n12\n>>> shelf.pots[0]\n'
                  "Pot of the west shelf, not yet fired") in texts


def test_prose_around_plain_text_code_stays_prose(tmp_path: Path) -> None:
    texts = [b.text for b in blocks_of(tmp_path, "kiln.txt", KILN_TXT)]
    # the sentence the command interrupts goes on in a paragraph of its own, not joined to the code
    assert "and close it again with" in texts
    assert texts[texts.index("and close it again with") - 1] == fenced("source pottery-ws/bin/open")
    assert "Each pot is fired once, whatever order the shelf lists them in." in texts
    assert sum(is_code_block(t) for t in texts) == 5


def test_prose_verse_tables_and_lists_are_not_code(tmp_path: Path) -> None:
    assert not any(is_code_block(b.text) for b in blocks_of(tmp_path, "fair.txt", PROSE_TXT))


def _pdf(path: Path, lines: list[tuple[str, str]]) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    y = 800
    for font, text in lines:
        indent = len(text) - len(text.lstrip())
        pdf.setFont("Courier" if font == "code" else "Helvetica", 10)
        pdf.drawString(72 + 6 * indent + (12 if font == "code" else 0), y, text.lstrip())
        y -= 14
    pdf.save()
    return path


def test_pdf_code_lines_lose_their_indent_and_are_found(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "ember.pdf", [
        ("text", "Loops in Ember"),
        ("text", "A loop repeats its body while its condition holds. To fire every pot, write:"),
        ("code", "for pot in shelf.pots:"),
        ("code", "    pot.fire()"),
        ("code", "print('done')"),
        ("text", "The body runs once for each pot on the shelf."),
        ("text", "In the interpreter you can check the count:"),
        ("code", ">>> len(shelf.pots)"),
        ("code", "12"),
        ("text", "Shelves and Kilns"),
        ("text", "A shelf holds at most twelve pots, and a kiln fires one shelf at a time."),
    ])
    blocks = load_document(path, "ember.pdf").blocks
    texts = [b.text for b in blocks]
    assert fenced("for pot in shelf.pots:\npot.fire()\nprint('done')") in texts
    assert fenced(">>> len(shelf.pots)\n12") in texts
    assert "The body runs once for each pot on the shelf." in texts
    # the heading after the output is a heading, not more output
    assert [b.kind for b in blocks if b.text == "Shelves and Kilns"] == ["heading"]


def test_pdf_prose_is_not_code(tmp_path: Path) -> None:
    lines = [("text", line) for line in PROSE_TXT.splitlines() if line.strip()]
    blocks = load_document(_pdf(tmp_path / "fair.pdf", lines), "fair.pdf").blocks
    assert not any(is_code_block(b.text) for b in blocks)


@pytest.fixture(scope="module")
def kiln_text_service(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("plaincode"), {"kiln.txt": KILN_TXT}, real_embedder)


def test_how_to_on_plain_text_notes_is_answered_with_the_code(kiln_text_service) -> None:
    answer = kiln_text_service.ask("How do I create a workspace?")
    assert not answer.abstained
    assert fenced("kiln init --in pottery-ws") in answer.sentences[0]

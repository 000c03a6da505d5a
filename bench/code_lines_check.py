"""How well the plain-text and PDF loaders find code in notes without markup (bench/RESULTS.md 6ab).

Markdown notes mark their code, so they give the truth: each is written out as plain text and as a
PDF (`make_code_notes`), loaded back, and every line of the loaded text is compared with the
Markdown's code lines. Printed per note: the code lines of the Markdown, how many of them the
loader fences (found), how many lines of prose it fences (false), and the code blocks whose
lines are all missed. Notes without code (prose .txt notes, also printed as PDFs) must get none.

    PYTHONPATH=$PWD .venv/bin/python bench/code_lines_check.py --markdown A.md B.md ... --prose X.txt ...
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
from pathlib import Path

from bench.make_code_notes import blocks, to_pdf, to_text
from bot.core.loaders.load import load_document
from bot.core.text import code_blocks_split


def _key(line: str) -> str:
    return " ".join(line.split())


def fenced_lines(path: Path) -> tuple[set[str], list[str]]:
    """The lines the loader fenced, and every line of the loaded text outside fences."""
    doc = load_document(path, path.name)
    code: set[str] = set()
    prose: list[str] = []
    for block in doc.blocks:
        for run, is_code in code_blocks_split(block.text):
            lines = [_key(l) for l in run.split("\n") if l.strip() and l.strip() != "```"]
            (code.update(lines) if is_code else prose.extend(lines))
    return code, prose


def check_markdown(path: Path, out: Path, kind: str) -> tuple[int, int, int, int, int]:
    markdown = path.read_text(encoding="utf-8")
    truth_blocks = [[_key(l) for l in text.split("\n") if l.strip()] for k, text in blocks(markdown) if k == "code"]
    truth = {l for b in truth_blocks for l in b}
    target = out / f"{path.stem}.{kind}"
    if kind == "txt":
        target.write_text(to_text(markdown), encoding="utf-8")
    else:
        to_pdf(markdown, str(target))
    code, _ = fenced_lines(target)
    found = len(truth & code)
    # a fenced line that is no line of the Markdown's code (PDF lines may be cut by wrapping)
    false = {l for l in code if l not in truth and not any(l in t or t in l for t in truth)}
    missed = [b for b in truth_blocks if not set(b) & code]
    if SHOW:
        for line in sorted(false):
            print(f"  prose fenced: {line[:120]}")
        for block in missed:
            print(f"  missed: {' / '.join(block)[:160]}")
    false, missed_blocks = len(false), len(missed)
    return len(truth), found, false, len(truth_blocks), missed_blocks


def check_prose(path: Path, out: Path) -> tuple[int, int]:
    """Fenced lines of a note without code, as it is and printed as a PDF."""
    text_code, _ = fenced_lines(path)
    markdown = "\n\n".join(p for p in path.read_text(encoding="utf-8").split("\n\n"))
    pdf = out / f"{path.stem}.pdf"
    to_pdf(markdown, str(pdf))
    pdf_code, _ = fenced_lines(pdf)
    return len(text_code), len(pdf_code)


SHOW = False


def main() -> None:
    global SHOW
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print the prose fenced and the blocks missed")
    parser.add_argument("--markdown", nargs="*", default=[])
    parser.add_argument("--prose", nargs="*", default=[])
    args = parser.parse_args()
    SHOW = args.show
    print(f"machine: {platform.node()} {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} (counts only)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for kind in ("txt", "pdf"):
            totals = [0] * 5
            print(f"\n{kind}: note | code lines | found | prose fenced | code blocks | blocks missed")
            for name in args.markdown:
                row = check_markdown(Path(name), out, kind)
                totals = [a + b for a, b in zip(totals, row)]
                print(f"{Path(name).name} | " + " | ".join(map(str, row)))
            print("all | " + " | ".join(map(str, totals)))
        if args.prose:
            print("\nnotes without code: note | lines fenced as it is | lines fenced as a PDF")
            for name in args.prose:
                print(f"{Path(name).name} | " + " | ".join(map(str, check_prose(Path(name), out))))


if __name__ == "__main__":
    main()

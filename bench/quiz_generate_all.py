"""Generate quiz items for a list of notes and write them for judges to read, one file per course:
`bench/quiz_judgement/<course>.items.json` (id, kind, type, prompt, options, answer, source quote,
section), and print counts per course (items, per kind, sections or paragraph groups covered, words).

    .venv/bin/python bench/quiz_generate_all.py                 # the judged set (COURSES below)
    .venv/bin/python bench/quiz_generate_all.py corpus/china-under-mao.txt ../shared/eval/courses/notes/*.txt
    .venv/bin/python bench/quiz_generate_all.py --out DIR --below DIR2   # DIR2: the items under the cut-off

The items written are what a teacher sees as drafts: those over the learned quality cut-off
(gen_quality). With --below, the items the generator made but the cut-off left out are written to
their own directory in the same format (for the record: not posted, so not judged).

A note without headings is one section; its "paragraph groups" are runs of gen_spread.GROUP_SIZE
chunks, so the spread of items over it can still be seen (bench/quiz_spread.py: why a group has none).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.chunking import chunk_document  # noqa: E402
from bot.core.loaders import load_document  # noqa: E402
from bot.core.quiz.gen_lexicon import CONCEPT_KINDS  # noqa: E402
from bot.core.quiz.gen_spread import paragraph_groups  # noqa: E402
from bot.core.quiz.generator import generate_items  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "quiz_judgement"
POOL = ROOT.parent / "shared" / "eval" / "courses" / "notes"  # the pool beside the checkout (see answer_pool.py)
if not POOL.is_dir():
    POOL = Path("/work/shared/eval/courses/notes")
# What judges read: the default note, six pool notes judged before (science and engineering, law and
# politics, history) and two they had not seen, so the figures are not only on notes studied while
# the generator was written.
COURSES = [ROOT / "corpus" / "china-under-mao.txt",
           *(POOL / f"{name}.txt" for name in ("steam-engine", "packet-switching", "european-union-law",
                                               "scottish-parliament", "french-and-indian-war", "yuan-dynasty",
                                               "1973-oil-crisis", "islamism"))]


def _word_count(path: Path, document) -> int:
    """Words of the notes as a teacher counts them: a text file's own words (the figures of every past round),
    a PDF's or Word file's from the text the loader read (their bytes are not text)."""
    if path.suffix.lower() in {".md", ".markdown", ".txt", ".text", ".rst"}:
        return len(path.read_text(encoding="utf-8").split())
    return sum(len(block.text.split()) for block in document.blocks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes", nargs="*", type=Path, help="notes to read (default: the judged set)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-write", action="store_true", help="print counts only")
    parser.add_argument("--below", type=Path, help="also write the items under the quality cut-off here")
    args = parser.parse_args()
    args.notes = args.notes or COURSES
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.machine()} {platform.processor() or ''}, Python {platform.python_version()}")
    for path in args.notes:
        started = time.perf_counter()
        document = load_document(path, path.name)
        chunks = chunk_document(document, max_chars=900)
        items = generate_items(chunks)
        elapsed = time.perf_counter() - started
        made = generate_items(chunks, learned_cutoff=False) if args.below else items
        kept_ids = {i.id for i in items}
        below = [i for i in made if i.id not in kept_ids]
        course = path.stem
        words = _word_count(path, document)
        group_of = paragraph_groups(chunks)
        groups = set(group_of.values())
        covered = {group_of[i.source.chunk_id] for i in items}
        kinds = Counter(i.tests for i in items)
        concept = sum(n for k, n in kinds.items() if k in CONCEPT_KINDS)
        def rows(chosen):
            return [{"id": i.id, "kind": i.tests, "type": i.kind, "prompt": i.prompt, "options": list(i.options),
                     "answer": i.answer, "explanation": i.explanation, "source_quote": i.source.quote,
                     "section": i.source.section, "group": group_of[i.source.chunk_id], "quality": i.quality}
                    for i in chosen]
        if not args.no_write:
            for folder, chosen in ((args.out, items), (args.below, below)):
                if folder is None:
                    continue
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"{course}.items.json").write_text(
                    json.dumps({"course": course, "note": path.name, "words": words, "items": rows(chosen)},
                               ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        types = Counter(i.kind for i in items)
        print(f"{course}: {words} words, {len(items)} items (1 per {words / max(1, len(items)):.0f} words), "
              f"groups {len(covered)}/{len(groups)} ({len(covered) / len(groups):.0%}), "
              f"concept {concept / max(1, len(items)):.0%}, {elapsed:.1f} s"
              + (f"; {len(below)} more under the quality cut-off" if args.below else ""))
        print(f"   kinds: {dict(kinds.most_common())}  types: {dict(types.most_common())}  "
              f"true/false keyed True: {sum(1 for i in items if i.answer == 'True')}/{types['true_false']}")


if __name__ == "__main__":
    main()

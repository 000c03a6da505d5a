"""The same notes as .txt, PDF and Word must answer the same questions equally well (issue 9).

Every note of the development pool (`../shared/eval/courses/notes`, twelve .txt notes) is written
as a PDF and as a .docx the way teachers' files look (`format_notes.py`: justified lines,
hyphenated words, a running header and page numbers; Word heading styles). Then:

* `diff`: each note loaded in the three forms (`load_document`, then the chunker); how many
  sentences and chunks of the PDF / Word form are not in the .txt form, with examples, the
  sentences' headings, and what pages PDF chunks cite. No model; seconds.
* `answer`: answer_pool.py's `halves` set-up per form (six notes indexed as one course, their
  covered questions and 25 covered questions of each of the other six as off-topic; then the
  halves swap), printing fact in the answer, in the first sentence, covered declined and off-topic
  declined per form side by side, and the questions whose fact the .txt answer holds and the
  other form's answer does not (records in bench/out/format_parity/).
* `quiz`: the quiz generator's items from the .txt and the PDF form of some notes, compared.

    .venv/bin/python bench/format_parity.py diff [--courses a,b]
    .venv/bin/python bench/format_parity.py answer [--sample N] [--forms txt,pdf,docx] [--label L]
    .venv/bin/python bench/format_parity.py quiz --courses steam-engine,warsaw,huguenot
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import answer_pool
import common
import format_notes

OUT = common.OUT / "format_parity"
FORMS = ("txt", "pdf", "docx")


def courses_of(arg: str) -> list[str]:
    return arg.split(",") if arg else sorted(p.stem for p in (answer_pool.POOL / "notes").glob("*.txt"))


def write_forms(courses: list[str], form: str, folder: Path) -> Path:
    """The notes of these courses in one form, in a fresh corpus folder."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for course in courses:
        source = answer_pool.POOL / "notes" / f"{course}.txt"
        target = folder / f"{course}.{form}"
        if form == "txt":
            shutil.copy(source, target)
        elif form == "pdf":
            format_notes.to_pdf(source.read_text(encoding="utf-8"), target)
        else:
            format_notes.to_docx(source.read_text(encoding="utf-8"), target)
    return folder


# --- diff: what the loaders make of each form -----------------------------------------------------


def loaded(path: Path):
    from bot.core.chunking import chunk_document
    from bot.core.loaders import load_document

    document = load_document(path, path.name)
    return document, chunk_document(document)


def sentences_of(document) -> list[tuple[str, tuple[str, ...], int | None]]:
    from bot.core.text import split_sentences

    return [(s, b.heading_path, b.page) for b in document.blocks for s in split_sentences(b.text)]


def diff(courses: list[str], examples: int) -> None:
    folders = {form: write_forms(courses, form, OUT / "diff" / form) for form in FORMS}
    totals: dict[str, Counter] = {form: Counter() for form in FORMS}
    shown: dict[str, list[str]] = {form: [] for form in FORMS}
    for course in courses:
        txt_doc, txt_chunks = loaded(folders["txt"] / f"{course}.txt")
        txt_sentences = {s for s, _, _ in sentences_of(txt_doc)}
        txt_texts = {c.text for c in txt_chunks}
        txt_paths = Counter(path for _, path, _ in sentences_of(txt_doc))
        for form in FORMS[1:]:
            doc, chunks = loaded(folders[form] / f"{course}.{form}")
            sentences = sentences_of(doc)
            t = totals[form]
            t["sentences"] += len(sentences)
            t["txt sentences"] += len(txt_sentences)
            missing = [s for s, _, _ in sentences if s not in txt_sentences]
            t["sentences not in .txt"] += len(missing)
            t["chunks"] += len(chunks)
            t["txt chunks"] += len(txt_chunks)
            t["chunks not in .txt"] += sum(c.text not in txt_texts for c in chunks)
            t["sentences without a heading"] += sum(not path for _, path, _ in sentences)
            t["txt sentences without a heading"] += txt_paths[()]
            t["title as .txt's"] += doc.title == txt_doc.title
            if form == "pdf":
                t["chunks without a page"] += sum(c.page is None for c in chunks)
                t["chunks over two pages"] += sum(len(c.pages) > 1 for c in chunks)
            for s in missing[:examples]:
                shown[form].append(f"{course}: {_where_it_differs(s, txt_sentences)}")
    for form in FORMS[1:]:
        print(f"\n{form}: " + ", ".join(f"{k} {v}" for k, v in totals[form].items()))
        for line in shown[form][: examples * 4]:
            print("   ", line)


def _where_it_differs(sentence: str, txt_sentences: set[str]) -> str:
    """The sentence around its first difference from the .txt sentence that starts most like it."""
    def common_start(other: str) -> int:
        n = 0
        while n < min(len(sentence), len(other)) and sentence[n] == other[n]:
            n += 1
        return n

    nearest = max(txt_sentences, key=common_start)
    n = common_start(nearest)
    return f"{sentence[max(0, n - 60):n + 60]!r}   (.txt: {nearest[max(0, n - 60):n + 60]!r})"


# --- answer: the pool's questions on each form ----------------------------------------------------


def halves_questions(courses: list[str], half: list[str], number: int, sample: int | None):
    from bot.core.evaluation import EvalQuestion

    asked = []
    for course in half:
        asked += [(course, q) for q in answer_pool.load_course_questions(course, sample)
                  if q.category == "covered"]
    for other in courses:
        if other not in half:
            covered = [q for q in answer_pool.load_course_questions(other, None) if q.category == "covered"]
            picked = random.Random(f"off:{number}:{other}").sample(
                covered, min(answer_pool.OFF_TOPIC_PER_COURSE, len(covered)))
            asked += [(f"off-topic for half {number}", EvalQuestion(q.question, answerable=False, kind="off-topic"))
                      for q in picked]
    return asked


def answer_form(form: str, courses: list[str], embedder, sample: int | None, label: str) -> list[dict]:
    from bot.core.evaluation import run_eval

    records: list[dict] = []
    for number, half in enumerate([courses[0::2], courses[1::2]], 1):
        work = OUT / label / form / f"half{number}"
        corpus = write_forms(half, form, work / "corpus")
        service = answer_pool.make_service(corpus, work / "index", embedder)
        started = time.perf_counter()
        answer_pool.fresh_index(service, answer_pool.OUT / "embedding-cache.sqlite")
        chunks = service.info().manifest.chunk_count
        asked = halves_questions(courses, half, number, sample)
        questions = [q for _, q in asked]
        embedder.prepare(service, questions)
        report = run_eval(questions, service.ask)
        for (course, _), record in zip(asked, report.records):
            record["course"], record["form"] = course, form
        records += report.records
        print(f"  {form} half {number}: {chunks} chunks, {len(questions)} questions, "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    return records


def figures(records: list[dict]) -> dict[str, float | None]:
    from bot.core.evaluation import kind_metrics

    by_kind = kind_metrics(records)
    covered, off = by_kind.get("covered", {}), by_kind.get("off-topic", {})
    return {"covered": covered.get("questions"), "fact": covered.get("fact_in_answer"),
            "first": covered.get("fact_in_first_sentence"), "sentences": covered.get("sentences_per_answer"),
            "covered declined": covered.get("declined"), "off-topic": off.get("questions"),
            "off-topic declined": off.get("declined")}


def print_side_by_side(by_form: dict[str, list[dict]]) -> None:
    rows = {form: figures(records) for form, records in by_form.items()}
    keys = list(next(iter(rows.values())))
    print("\n| form | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for form, row in rows.items():
        cells = ["-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v) for v in row.values()]
        print(f"| {form} | " + " | ".join(cells) + " |")
    if "txt" not in by_form:
        return
    base = {(r["course"], r["question"]): r for r in by_form["txt"]}
    for form, records in by_form.items():
        if form == "txt":
            continue
        pairs = [(base[(r["course"], r["question"])], r) for r in records if (r["course"], r["question"]) in base]
        lost = [(a, b) for a, b in pairs if a.get("answer_hit") and not b.get("answer_hit")]
        won = [(a, b) for a, b in pairs if b.get("answer_hit") and not a.get("answer_hit")]
        same = sum(a["answer"] == b["answer"] for a, b in pairs)
        print(f"\n{form} against txt: {same} of {len(pairs)} answers word for word the same; "
              f"fact lost {len(lost)}, fact won {len(won)}")
        for a, b in lost[:6]:
            print(f"  LOST {b['course']}: {b['question']}\n     txt: {a['answer'][:200]!r}\n"
                  f"     {form}: {b['answer'][:200]!r}")


def answer(courses: list[str], forms: list[str], sample: int | None, label: str) -> None:
    from bot.core.embedding_model import SentenceTransformerEmbedder

    common.print_machine()
    OUT.mkdir(parents=True, exist_ok=True)
    answer_pool.OUT.mkdir(parents=True, exist_ok=True)
    print(f"code measured: {sys.path[0]}")
    embedder = answer_pool.BatchedQueries(SentenceTransformerEmbedder(), answer_pool.OUT / "query-vectors.npz")
    by_form = {}
    for form in forms:
        path = OUT / f"{label}-{form}.jsonl"
        by_form[form] = answer_form(form, courses, embedder, sample, label)
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in by_form[form]))
    print_side_by_side(by_form)


def from_records(paths: list[Path]) -> None:
    by_form = {}
    for path in paths:
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        by_form[f"{records[0]['form']} ({path.stem})" if records else path.stem] = records
    renamed = {("txt" if k.startswith("txt ") else k): v for k, v in by_form.items()}
    print_side_by_side(renamed)


# --- quiz: items from the .txt and the PDF form ---------------------------------------------------


def quiz(courses: list[str]) -> None:
    from bot.core.quiz.generator import generate_items

    for course in courses:
        items = {}
        for form in ("txt", "pdf"):
            folder = write_forms([course], form, OUT / "quiz" / form)
            _, chunks = loaded(folder / f"{course}.{form}")
            items[form] = list(generate_items(chunks))
        keyed = {form: {_item_key(i) for i in its} for form, its in items.items()}
        only_txt, only_pdf = keyed["txt"] - keyed["pdf"], keyed["pdf"] - keyed["txt"]
        print(f"\n{course}: {len(items['txt'])} items from .txt, {len(items['pdf'])} from PDF; "
              f"{len(only_txt)} only from .txt, {len(only_pdf)} only from PDF")
        for key in sorted(only_txt):
            print("   only txt:", key[:240])
        for key in sorted(only_pdf):
            print("   only pdf:", key[:240])
        pages = [i.source.page for i in items["pdf"] if i.source is not None]
        print(f"   PDF items citing a page: {sum(p is not None for p in pages)} of {len(pages)}")


def _item_key(item) -> str:
    return f"[{item.kind}] {item.prompt} -> {item.answer}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["diff", "answer", "quiz", "records"])
    parser.add_argument("--courses", default="")
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--sample", type=int, default=None, help="covered questions per course (default: all)")
    parser.add_argument("--label", default="run")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--code", type=Path, default=common.ROOT,
                        help="a folder holding another version of `bot/` to measure (an export of main)")
    parser.add_argument("records", nargs="*", type=Path, default=[])
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    courses = courses_of(args.courses)
    if args.command == "diff":
        diff(courses, args.examples)
    elif args.command == "answer":
        answer(courses, args.forms.split(","), args.sample, args.label)
    elif args.command == "quiz":
        quiz(courses)
    else:
        from_records(args.records)


if __name__ == "__main__":
    main()

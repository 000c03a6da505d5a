"""Indexing cost, measured as a user pays it: whole processes, from spawn to exit.

1. Cold build: `studybot index --corpus C --index I --json` into a fresh index folder (so the
   embedding cache is empty), on a generated corpus of >= 2,000 chunks of real prose.
2. Bare baseline: bench/bare_encode.py, a process that only imports sentence-transformers, loads
   the same model and encodes exactly the strings the indexer embeds (Chunk.embedding_text(),
   read back from the build's chunks.jsonl), batch 32, normalised. Target: build / bare <= 1.15.
3. Unchanged reindex of the same corpus into the same folder. Target: <= 5 % of the cold build.
4. One document changed (one paragraph edited, one section added): how many chunks were embedded
   and how long the whole process took.

    .venv/bin/python bench/index_build.py [--chunks 2000] [--repeat 2] [--seed 0] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

import common

STUDYBOT = [str(common.PYTHON), "-m", "bot.cli"]
QUIET_WAIT = 45.0  # seconds to wait, at most, for the other jobs on the machine to go quiet
TRIES = 3  # runs of a timed process, at most, while other processes disturb it


def undisturbed(measure):
    """Run `measure()` (a timed process) after waiting for an idle machine; run it again, up to
    TRIES times, while other processes took more than 5 % of the CPU meanwhile."""
    for attempt in range(1, TRIES + 1):
        common.wait_for_quiet(QUIET_WAIT)
        run, data = measure()
        share = run.others / (run.wall * (os.cpu_count() or 1))
        if share <= 0.05 or attempt == TRIES:
            return run, data
        print(f"  (disturbed: other processes took {share:.0%} of the CPU during a {run.wall:.0f} s run; again)")


def studybot_index(corpus: Path, index: Path) -> tuple[common.Run, dict]:
    run = common.run_timed([*STUDYBOT, "index", "--corpus", str(corpus), "--index", str(index), "--json"])
    return run, json.loads(run.stdout)


def cold_build(corpus: Path, work: Path) -> tuple[common.Run, dict]:
    """A build into a folder that never held an index: nothing in the embedding cache."""
    index = Path(tempfile.mkdtemp(prefix="index-", dir=work))
    run, report = studybot_index(corpus, index)
    return run, {**report, "index": index}


def bare_encode(texts_file: Path) -> tuple[common.Run, dict]:
    run = common.run_timed([str(common.PYTHON), str(Path(__file__).with_name("bare_encode.py")), str(texts_file)])
    return run, json.loads(run.stdout.strip().splitlines()[-1])


def describe(run: common.Run) -> str:
    return f"{run.wall:.2f} s wall, {run.cpu:.1f} s CPU, others {run.others:.1f} s CPU"


def embedded_texts(index: Path) -> list[str]:
    """The exact strings the indexer embedded: each distinct Chunk.embedding_text(), in order."""
    from bot.core.documents import Chunk
    from bot.core.index_store import current_build

    texts = []
    for line in (current_build(index) / "chunks.jsonl").read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        data["heading_path"], data["pages"] = tuple(data["heading_path"]), tuple(data.get("pages", ()))
        texts.append(Chunk(**data).embedding_text())
    return list(dict.fromkeys(texts))


def change_one_document(corpus: Path) -> str:
    """Edit one paragraph of one document and add a short section to it, as a teacher would."""
    doc = sorted(corpus.glob("*.md"))[len(list(corpus.glob("*.md"))) // 2]
    text = doc.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\n\n## 2. ")
    first, _, tail = rest.partition("\n\n")
    rest = first + "\n\n" + tail.replace(" the ", " this ", 1)  # same length: still one chunk
    doc.write_text(head + sep + rest + "\n## Added section\n\nA new paragraph, written after the first "
                   "build, explains how the notes were revised and what changed in this document.\n",
                   encoding="utf-8")
    return doc.name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=2000, help="chunks in the generated corpus")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each timed process")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="smoke run: 150 chunks, one run each")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--quiet-wait", type=float, default=QUIET_WAIT,
                        help="before each timed run, wait up to this many seconds for an idle machine")
    parser.add_argument("--tries", type=int, default=TRIES, help="runs of a process disturbed by others")
    args = parser.parse_args()
    globals().update(QUIET_WAIT=args.quiet_wait, TRIES=args.tries)
    if args.quick:
        args.chunks, args.repeat = 150, 1

    common.print_machine()
    work = Path(tempfile.mkdtemp(prefix="studybot-bench-"))
    corpus = work / "corpus"
    stats = common.make_corpus(corpus, args.chunks, seed=args.seed)
    print(f"corpus: {stats['documents']} Markdown documents, {stats['chunks']} chunks, chunk text "
          f"p10/p50/p90 = {stats['chars_p10']}/{stats['chars_p50']}/{stats['chars_p90']} chars ({corpus})")

    # Warm the OS file cache (torch, model weights) so that neither side pays for a cold disk.
    common.run_timed([str(common.PYTHON), "-c", "import bot.cli, sentence_transformers, faiss, bm25s"])

    builds, bares, reports, bare_phases = [], [], [], []
    texts_file = work / "texts.json"
    for run in range(args.repeat):
        build, report = undisturbed(lambda: cold_build(corpus, work))
        index = report["index"]
        texts_file.write_text(json.dumps(embedded_texts(index)), encoding="utf-8")
        bare, phases = undisturbed(lambda: bare_encode(texts_file))
        builds.append(build), reports.append(report), bares.append(bare), bare_phases.append(phases)
        print(f"run {run + 1}: cold build {describe(build)} (embedded {report['embedded']} of "
              f"{report['chunks']} chunks; build_index {report['seconds']:.2f} s)")
        print(f"       bare {describe(bare)} (import {phases['import_s']:.2f}, load {phases['load_s']:.2f}, "
              f"encode {phases['encode_s']:.2f} s, {phases['texts']} texts)")

    unchanged = []
    for _ in range(args.repeat):
        same, report = undisturbed(lambda: studybot_index(corpus, index))
        unchanged.append(same)
        print(f"unchanged reindex: {describe(same)} (unchanged={report['unchanged']}, embedded "
              f"{report['embedded']}, build_index {report['seconds']:.2f} s)")
    changed_doc = change_one_document(corpus)

    def reindex_changed() -> tuple[common.Run, dict]:  # on a copy: a second try must see the change too
        copy = Path(tempfile.mkdtemp(prefix="index-changed-", dir=work)) / "index"
        shutil.copytree(index, copy)
        return studybot_index(corpus, copy)

    changed_run, changed = undisturbed(reindex_changed)
    print(f"one document changed ({changed_doc}): {describe(changed_run)}, embedded {changed['embedded']}, "
          f"reused {changed['reused']}, build_index {changed['seconds']:.2f} s")

    chunks = reports[0]["chunks"]
    med = lambda runs, attr="wall": statistics.median(getattr(r, attr) for r in runs)  # noqa: E731
    best = lambda runs: min(r.wall for r in runs)  # noqa: E731
    print("\n| measure | wall median | wall best | CPU median | chunks/s (best) | target | met (best) |")
    print("|---|---|---|---|---|---|---|")
    print(f"| cold build, whole process ({chunks} chunks) | {med(builds):.2f} s | {best(builds):.2f} s | "
          f"{med(builds, 'cpu'):.1f} s | {chunks / best(builds):.1f} | | |")
    print(f"| bare encode, whole process | {med(bares):.2f} s | {best(bares):.2f} s | {med(bares, 'cpu'):.1f} s "
          f"| {chunks / best(bares):.1f} | | |")
    ratio = best(builds) / best(bares)
    print(f"| build / bare | {med(builds) / med(bares):.3f} | {ratio:.3f} | "
          f"{med(builds, 'cpu') / med(bares, 'cpu'):.3f} | | <= 1.15 | {'yes' if ratio <= 1.15 else 'NO'} |")
    share = best(unchanged) / best(builds)
    print(f"| unchanged reindex | {med(unchanged):.2f} s | {best(unchanged):.2f} s = {share:.1%} of cold | "
          f"{med(unchanged, 'cpu'):.1f} s | | <= 5 % | {'yes' if share <= 0.05 else 'NO'} |")
    print(f"| one document changed ({changed['embedded']} chunks embedded) | {changed_run.wall:.2f} s | "
          f"{changed_run.wall / best(builds):.1%} of cold | {changed_run.cpu:.1f} s | | | |")
    outside = statistics.median(b.wall - r["seconds"] for b, r in zip(builds, reports))
    bare_outside = statistics.median(b.wall - p["encode_s"] for b, p in zip(bares, bare_phases))
    print(f"\nbuild process outside build_index (start-up, CLI imports, exit): {outside:.2f} s; "
          f"bare process outside encode (imports, model load, exit): {bare_outside:.2f} s")
    print(f"CPU seconds used by other processes during the timed runs: builds "
          f"{[round(r.others, 1) for r in builds]}, bares {[round(r.others, 1) for r in bares]}")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

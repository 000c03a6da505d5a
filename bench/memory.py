"""Resident memory (RSS, via psutil) of a StudyBot process, step by step, in a fresh process per
index so that nothing freed earlier hides what an index costs:

    start (interpreter + psutil) -> imports (bot.service, sentence-transformers, torch, faiss,
    bm25s) -> model loaded and one question embedded -> index loaded -> every test question asked
    once (sentence cache filled, allocator warmed up); plus the peak RSS of the process.

Indexes: the cached 5,000-chunk real index and the 100,000-chunk synthetic index (HNSW and
flat), built by bench/fixtures.py as for bench/query_latency.py (built here if missing).

    .venv/bin/python bench/memory.py [--real 5000] [--synthetic 100000] [--quick]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
from pathlib import Path

import common


def child(index_dir: Path) -> None:
    """Runs in the measured process: prints one JSON line of RSS figures (MB)."""
    steps = {"start": common.rss_mb()}
    import bm25s  # noqa: F401
    import faiss  # noqa: F401
    import sentence_transformers  # noqa: F401

    from bot.config import Settings
    from bot.service import StudyService

    steps["imports"] = common.rss_mb()
    settings = Settings(_env_file=None, corpus_dir=index_dir / "no-corpus", index_dir=index_dir,
                        database_path=common.OUT / "bench.db")
    service = StudyService(settings)
    service.embedder.encode_query("load the model")
    steps["model"] = common.rss_mb()
    service.load()
    steps["index"] = common.rss_mb()
    for question in common.load_questions():
        service.ask(question)
    steps["asked"] = common.rss_mb()
    steps["peak"] = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, steps["asked"])  # KB on Linux
    print(json.dumps(steps))


def disk_mb(index_dir: Path) -> float:
    from bot.core.index_store import current_build

    return sum(f.stat().st_size for f in current_build(index_dir).rglob("*") if f.is_file()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=int, default=5000)
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="smoke run: 300 / 10,000 chunks")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child))
        return
    if args.quick:
        args.real, args.synthetic = 300, 10_000

    import fixtures

    common.print_machine()
    cases = [(f"{args.real:,} real, flat", fixtures.real_index(args.real)),
             (f"{args.synthetic:,} synthetic, HNSW", fixtures.synthetic_index(args.synthetic, "hnsw")),
             (f"{args.synthetic:,} synthetic, flat", fixtures.synthetic_index(args.synthetic, "flat"))]
    print("\n| index | on disk | start | + imports | + model | + index loaded | after 63 questions | peak |")
    print("|---|---|---|---|---|---|---|---|")
    for label, index_dir in cases:
        run = common.run_timed([sys.executable, __file__, "--child", str(index_dir)])
        m = json.loads(run.stdout.strip().splitlines()[-1])
        print(f"| {label} | {disk_mb(index_dir):.0f} MB | {m['start']:.0f} MB | {m['imports']:.0f} MB | "
              f"{m['model']:.0f} MB | {m['index']:.0f} MB (+{m['index'] - m['model']:.0f}) | "
              f"{m['asked']:.0f} MB | {m['peak']:.0f} MB |")


if __name__ == "__main__":
    main()

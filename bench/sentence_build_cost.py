"""What storing sentence vectors costs a cold build: one `build_index` of the generated benchmark
corpus into a fresh index folder (empty embedding cache), its stages timed from the indexer's own
progress calls: reading, embedding the chunks, embedding the sentences answering compares
(`sentences.comparable_texts`, each on its own), writing. The build without the sentence stage is
what a build cost before; the stage is the added cost. Also the sentence files' size on disk.

    .venv/bin/python bench/sentence_build_cost.py [--chunks 2000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import time

import common


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=2000)
    args = parser.parse_args()
    from bot.core.embedding_model import SentenceTransformerEmbedder
    from bot.core.index_store import current_build
    from bot.core.indexer import build_index

    common.print_machine()
    root = common.OUT / f"sentence-cost-{args.chunks}"
    corpus, index = root / "corpus", root / "index"
    if not (root / "corpus.done").exists():
        shutil.rmtree(root, ignore_errors=True)
        common.make_corpus(corpus, args.chunks, seed=0)
        (root / "corpus.done").write_text("ok\n")
    shutil.rmtree(index, ignore_errors=True)
    embedder = SentenceTransformerEmbedder()
    embedder.encode_query("warm up")  # the model load is not what is measured
    first_seen: dict[str, float] = {}
    last_seen: dict[str, float] = {}
    totals: dict[str, int] = {}

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        first_seen.setdefault(stage, now)
        last_seen[stage] = now
        totals[stage] = total

    started = time.perf_counter()
    report = build_index(corpus, index, embedder, progress=progress)
    whole = time.perf_counter() - started
    chunks_s = last_seen["embedding"] - first_seen["embedding"]
    sentences_s = last_seen["sentences"] - first_seen["sentences"]
    build = current_build(index)
    size = {f.name: f.stat().st_size for f in build.iterdir() if f.name.startswith("sentence-")}
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{report.chunks} chunks, {totals['sentences']} sentence texts ({totals['sentences'] / report.chunks:.2f} a chunk)")
    print(f"whole build {whole:.1f} s: chunks embedded {chunks_s:.1f} s, sentences embedded {sentences_s:.1f} s, "
          f"the rest {whole - chunks_s - sentences_s:.1f} s")
    print(f"build without the sentence stage (as before) {whole - sentences_s:.1f} s; with it "
          f"{whole / (whole - sentences_s):.2f}x; sentence stage / chunk stage {sentences_s / chunks_s:.2f}")
    print("sentence files: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sorted(size.items())) +
          f" ({sum(size.values()) / report.chunks / 1e3:.2f} kB a chunk; 100,000 chunks: "
          f"{sum(size.values()) / report.chunks * 1e5 / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()

"""The first pass over the 63 test questions on the 100,000-chunk int8 HNSW index (bench/fixtures.py)
with the build's memory-mapped sentence vectors out of the page cache, as after a reboot or once
other work evicted them: the file alone is dropped (posix_fadvise DONTNEED: no other file, no other
process is touched) before each load. Three ways to load it, taking turns: the memory map as the bot
opens it (`plain`), the same with madvise(WILLNEED) at load (the kernel reads it ahead), and the
whole file read into memory (`read`). Prints the load time, the first pass's wall and CPU p50 / p95,
major page faults (waits for the disk) and minor ones per question, and resident memory added.
Every cache of answering is cleared before each pass.

    .venv/bin/python bench/page_ins.py [--rounds 2] [--chunks 100000]
"""

from __future__ import annotations

import argparse
import mmap
import os
import random
import time

import numpy as np

import common
import fixtures
import query_latency


def loader(original, mode: str):
    def load(build, chunk_count, dimension):
        stored = original(build, chunk_count, dimension)
        if stored is not None and mode == "willneed":
            stored.vectors._mmap.madvise(mmap.MADV_WILLNEED)
        elif stored is not None and mode == "read":
            stored.vectors = np.array(stored.vectors)
        return stored
    return load


def drop_from_page_cache(path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--chunks", type=int, default=100_000)
    args = parser.parse_args()

    import bot.core.index_store as index_store
    import bot.core.sentence_file as sentence_file
    import bot.core.sentences as sentences
    import bot.core.tokens as tokens

    common.print_machine()
    index = fixtures.synthetic_index(args.chunks, "hnsw", backend="onnx-int8")
    files = list(index.rglob(sentence_file.VECTORS_FILE))
    print(f"{sentence_file.VECTORS_FILE}: {sum(f.stat().st_size for f in files) / 2**20:.0f} MB")
    embedder = query_latency.make_embedder("auto", 1, "onnx-int8")
    questions = common.load_questions()
    original = sentence_file.load_sentence_vectors
    print("| load | load s | first pass wall p50 / p95 (CPU p50 / p95) | major / minor faults a question | RSS added | load average |\n"
          "|---|---|---|---|---|---|")
    for turn in range(args.rounds):
        for mode in ("plain", "willneed", "read"):
            index_store.load_sentence_vectors = loader(original, mode)
            for cached in (sentences._layout, sentences._heading_stems, sentences._stems, tokens._word_stems,
                           sentence_file.text_key):
                cached.cache_clear()
            for path in files:
                drop_from_page_cache(path)
            rss = common.rss_mb()
            service = query_latency.make_service(index, embedder)
            started = time.perf_counter()
            service.load()
            load_s = time.perf_counter() - started
            query_latency.forget_sentences(service)
            embedder.forget_questions()
            order = questions[:]
            random.Random(turn).shuffle(order)
            faults, wall, cpu = query_latency.page_faults(), [], []
            for question in order:
                w, c = time.perf_counter(), time.process_time()
                service.ask(question)
                wall.append(time.perf_counter() - w)
                cpu.append(time.process_time() - c)
            major, minor = (b - a for a, b in zip(faults, query_latency.page_faults()))
            w, c = common.summary_ms(wall), common.summary_ms(cpu)
            print(f"| {mode} | {load_s:.2f} | {w['p50']:.1f} / {w['p95']:.1f} ({c['p50']:.1f} / {c['p95']:.1f}) | "
                  f"{major / len(order):.1f} / {minor / len(order):.0f} | {common.rss_mb() - rss:+.0f} MB | "
                  f"{os.getloadavg()[0]:.1f} |", flush=True)
            del service
    index_store.load_sentence_vectors = original


if __name__ == "__main__":
    main()

"""Many courses in one process (issue 12): 200 courses of 50 chunks and 5 of 5,000, served by one
`Courses` registry (the real model loaded once, indexes loaded on first use, least recently used
ones unloaded past COURSE_MEMORY_MB).

Prints: resident memory (RSS) with the model only, after every course has been asked once with the
budget at its default, and with a small budget; the first question to a course not loaded yet
(cold: load its index, then answer) p50/p95 for the small and the large courses; warm questions
p50/p95; and the memory each loaded course costs (RSS growth per course, beside the size the
registry reckons from the build on disk). Target: a cold 5,000-chunk course answers its first
question in under 1 s.

How the courses are made (say so beside the figures): building 11,000 chunks with the real model
would take an hour on this machine, so
* each 5,000-chunk course is a copy of bench/fixtures.synthetic_index(5000): the default notes with
  real vectors among synthetic prose chunks with random unit vectors (the same files five times:
  what a cold load costs depends on the size, not the text);
* each 50-chunk course is written with the project's own `write_build` from prose sentences with
  random unit vectors.
Questions are the default note's test questions; the answers are not the point here, the time and
memory are (answer selection still embeds candidate sentences with the real model, as in use).
Every timed question is new to the process (the vectors of recent questions are forgotten first),
so repeats of the 63 questions do not flatter the figures; each question's CPU time is printed
beside its wall time. Questions go through the process's question runtime (`--questions auto`, as
QUESTION_RUNTIME=auto: fp32 ONNX over torch's vectors; `torch` as before), the model at `--threads`.

`--without-vocabulary`: each cold load of a large course makes the notes' vocabulary from its
chunks, as every load did before builds stored it (for a before/after in the same conditions).

    .venv/bin/python bench/courses.py [--small 200] [--large 5] [--warm 300] [--small-budget 64] [--quick]
        [--questions auto|torch] [--threads 1] [--without-vocabulary]
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import hashlib
import os
import random
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

import common
import fixtures

OUT = common.OUT / "courses"


def _release_memory() -> None:
    """Collect garbage and give freed heap back to the OS, so RSS reflects what is held."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:  # not glibc
        pass


def small_course(index_dir: Path, n_chunks: int, seed: int, pool: list[str]) -> None:
    from bot.core.documents import Chunk, make_chunk_id
    from bot.core.embedding import DEFAULT_MODEL
    from bot.core.index_store import DocumentEntry, Manifest, write_build
    from bot.core.indexer import CHUNKER_VERSION

    rng, np_rng = random.Random(seed), np.random.default_rng(seed)
    name = f"notes-{seed}.md"
    chunks = []
    for position in range(n_chunks):
        body = " ".join(rng.choice(pool) for _ in range(6))[:900]
        heading = (f"Course {seed}", f"Part {position + 1}")
        chunks.append(Chunk(make_chunk_id(name, heading, body, 0), name, heading, None, position, body))
    vectors = np_rng.standard_normal((n_chunks, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    entry = DocumentEntry(hashlib.sha256(name.encode()).hexdigest(), n_chunks, sum(len(c.text) for c in chunks), now)
    manifest = Manifest(model=DEFAULT_MODEL, dimension=384, index_kind="flat", chunk_count=n_chunks,
                        documents={name: entry}, chunker={"max_chars": 900, "version": CHUNKER_VERSION},
                        built_at=now)
    write_build(index_dir, manifest, chunks, vectors)


def make_courses(root: Path, small: int, large: int, small_chunks: int,
                 stored: bool = True) -> tuple[list[str], list[str]]:
    courses = root / "courses"
    # Remade when the large courses' source build changes (its vocabulary, its stored sentences).
    marker = root / f"made-{small}-{large}-{small_chunks}-vocabulary-{fixtures.SYNTHETIC_VERSION}"
    small_names = [f"small-{i:03d}" for i in range(small)]
    large_names = [f"large-{i}" for i in range(large)]
    if marker.exists():
        return small_names, large_names
    shutil.rmtree(root, ignore_errors=True)
    (root / "corpus").mkdir(parents=True)
    started = time.perf_counter()
    big = fixtures.synthetic_index(5000, "flat")
    for name in large_names:
        (courses / name / "corpus").mkdir(parents=True)
        # Without stored sentence vectors: a build from before they existed (answering embeds them).
        skip = (".lock", "*.sqlite*") if stored else (".lock", "*.sqlite*", "sentence-*")
        shutil.copytree(big, courses / name / "index", ignore=shutil.ignore_patterns(*skip))
    pool = common.sentence_pool()
    for seed, name in enumerate(small_names):
        (courses / name / "corpus").mkdir(parents=True)
        small_course(courses / name / "index", small_chunks, seed, pool)
    marker.write_text("ok\n")
    print(f"made {small} courses of {small_chunks} chunks and {large} of 5,000 in "
          f"{time.perf_counter() - started:.0f} s")
    return small_names, large_names


def registry(root: Path, embedder, budget_mb: float | None):
    from bot.config import Settings
    from bot.services.courses import Courses

    options = {} if budget_mb is None else {"course_memory_mb": budget_mb}
    settings = Settings(_env_file=None, corpus_dir=root / "corpus", index_dir=root / "index",
                        courses_dir=root / "courses", database_path=root / "bench.db", **options)
    return Courses(settings, embedder)


SENTENCE_SECONDS: list[float] = []  # time answer selection spent on sentences not in memory, per call


def _time_sentence_vectors() -> None:
    """Measure what answer selection spends on the candidate passages' sentences it does not hold
    in memory yet (read from the embedding cache, or embedded by the model): the part of a cold
    question that a build carrying its sentence vectors would not pay."""
    from bot.core.sentence_vectors import SentenceVectors

    original = SentenceVectors._from_disk_or_model

    def timed(self, sentences):
        started = time.perf_counter()
        try:
            return original(self, sentences)
        finally:
            SENTENCE_SECONDS.append(time.perf_counter() - started)

    SentenceVectors._from_disk_or_model = timed


def ask_timed(courses, name: str, question: str, into: list[float], loading: list[float] | None = None,
              sentences: list[float] | None = None) -> None:
    """Time one question; with `loading`, also the part spent loading the course's index, with
    `sentences` the part spent on sentences not in memory."""
    courses.embedder.forget_questions()  # a new question, however often the 63 come round
    if WITHOUT_VOCABULARY and loading is not None:
        _forget_vocabulary(courses.get(name).index_dir)
    started, cpu = time.perf_counter(), time.process_time()
    service = courses.get(name)
    if loading is not None:
        service.retriever()
        loading.append(time.perf_counter() - started)
    before = len(SENTENCE_SECONDS)
    service.ask(question)
    into.append(time.perf_counter() - started)
    CPU_SECONDS.setdefault(id(into), []).append(time.process_time() - cpu)
    if sentences is not None:
        sentences.append(sum(SENTENCE_SECONDS[before:]))


WITHOUT_VOCABULARY = False


def _forget_vocabulary(index_dir: Path) -> None:
    """Remove the build's stored vocabulary: its next load makes it, as every load did before."""
    from bot.core.index_store import current_build
    from bot.core.vocabulary_file import VOCABULARY_FILE

    (current_build(index_dir) / VOCABULARY_FILE).unlink(missing_ok=True)


CPU_SECONDS: dict[int, list[float]] = {}  # this process's CPU time per question, by the list of its wall times


def line(label: str, seconds: list[float]) -> str:
    s = common.summary_ms(seconds)
    cpu = CPU_SECONDS.get(id(seconds))
    c = common.summary_ms(cpu) if cpu else None
    return (f"{label:<44} n={s['n']:<4} p50 {s['p50']:7.1f} ms   p95 {s['p95']:7.1f} ms   max {s['max']:7.1f} ms"
            + (f"   (CPU p50 {c['p50']:6.1f} / p95 {c['p95']:6.1f} ms)" if c else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--large", type=int, default=5)
    parser.add_argument("--small-chunks", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3, help="cold reloads of each large course")
    parser.add_argument("--small-budget", type=float, default=64.0, help="MB, for the eviction run")
    parser.add_argument("--warm", type=int, default=300, help="warm questions")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--questions", choices=["auto", "torch"], default="auto",
                        help="what embeds questions (QUESTION_RUNTIME auto: fp32 ONNX over torch's vectors)")
    parser.add_argument("--threads", type=int, default=1, help="model threads (0: one per core)")
    parser.add_argument("--without-stored", action="store_true",
                        help="the large courses' builds without stored sentence vectors (as before they existed)")
    parser.add_argument("--without-vocabulary", action="store_true",
                        help="each cold load of a large course makes the notes' vocabulary from its chunks, "
                        "as before builds stored it (its stored file removed before each load)")
    args = parser.parse_args()
    if args.quick:
        args.small, args.large, args.rounds, args.warm = 20, 2, 1, 40
    global WITHOUT_VOCABULARY
    WITHOUT_VOCABULARY = args.without_vocabulary
    common.print_machine()
    _time_sentence_vectors()
    from bot.config import Settings
    from query_latency import make_embedder

    root = OUT.with_name("courses-without-stored") if args.without_stored else OUT
    print("large courses' builds: " + ("WITHOUT stored sentence vectors" if args.without_stored else
                                       "with stored sentence vectors")
          + ("; their vocabulary made on each load (as before it was stored)" if args.without_vocabulary else
             "; their stored vocabulary read on load"))
    small, large = make_courses(root, args.small, args.large, args.small_chunks, not args.without_stored)
    questions = common.load_questions()
    rng = random.Random(7)
    embedder = make_embedder(args.questions, args.threads)
    _release_memory()
    rss_model = common.rss_mb()
    default_budget = Settings.model_fields["course_memory_mb"].default
    print(f"\nRSS with the model loaded, no course: {rss_model:.0f} MB")

    # --- the default budget: every course asked once (cold), then warm questions -------------------
    courses = registry(root, embedder, None)
    cold_small, cold_large, warm_small, warm_large, load_large, sentences_large = [], [], [], [], [], []
    for name in small:
        ask_timed(courses, name, rng.choice(questions), cold_small)
    _release_memory()
    rss_small = common.rss_mb()
    for name in large:
        ask_timed(courses, name, rng.choice(questions), cold_large, load_large, sentences_large)
    _release_memory()
    rss_all = common.rss_mb()
    for _ in range(args.rounds):  # more cold samples: let each large course go, then ask it again
        for name in large:
            courses.get(name).unload()
            _release_memory()
            ask_timed(courses, name, rng.choice(questions), cold_large, load_large, sentences_large)
    for _ in range(args.warm):
        if rng.random() < 0.5:
            ask_timed(courses, rng.choice(small), rng.choice(questions), warm_small)
        else:
            ask_timed(courses, rng.choice(large), rng.choice(questions), warm_large)
    loaded = courses.loaded()
    print(f"\nCOURSE_MEMORY_MB at its default ({default_budget:g} MB): {len(loaded)} of {len(small) + len(large)} "
          f"courses loaded, reckoned {sum(loaded.values()) / 1e6:.0f} MB, {courses.evictions} unloaded")
    print(f"RSS after asking all {len(small)} small courses: {rss_small:.0f} MB; after the {len(large)} large "
          f"ones too: {rss_all:.0f} MB (model alone {rss_model:.0f} MB)")
    print(line(f"cold first question, {args.small_chunks}-chunk course", cold_small))
    print(line("cold first question, 5,000-chunk course", cold_large))
    print(line("  of which loading its index", load_large))
    print(line("  of which sentences not in memory (cache/model)", sentences_large))
    print(line("  the rest (retrieval, answering)",
               [c - l - s for c, l, s in zip(cold_large, load_large, sentences_large)]))
    print(line(f"warm question, {args.small_chunks}-chunk course", warm_small))
    print(line("warm question, 5,000-chunk course", warm_large))

    # --- memory per loaded course ------------------------------------------------------------------
    for name in small + large:
        courses.get(name).unload()
    _release_memory()
    base = common.rss_mb()
    for name in large:
        courses.get(name).retriever()
    _release_memory()
    per_large = (common.rss_mb() - base) / len(large)
    reckoned_large = courses.get(large[0]).loaded_bytes / 2**20
    for name in large:
        courses.get(name).unload()
    _release_memory()
    base = common.rss_mb()
    for name in small:
        courses.get(name).retriever()
    _release_memory()
    per_small = (common.rss_mb() - base) / len(small)
    reckoned_small = courses.get(small[0]).loaded_bytes / 2**20
    print(f"\nmemory per loaded course (RSS growth / course): 5,000 chunks {per_large:.1f} MB "
          f"(reckoned from disk {reckoned_large:.1f} MB); {args.small_chunks} chunks {per_small * 1024:.0f} kB "
          f"(reckoned {reckoned_small * 1024:.0f} kB)")
    del courses
    _release_memory()

    # --- a small budget: memory stays bounded, cold loads come back --------------------------------
    courses = registry(root, embedder, args.small_budget)
    evicted_cold = []
    for name in small + large + large:
        ask_timed(courses, name, rng.choice(questions), evicted_cold)
    _release_memory()
    loaded = courses.loaded()
    print(f"\nCOURSE_MEMORY_MB={args.small_budget:g}: {len(loaded)} courses loaded, reckoned "
          f"{sum(loaded.values()) / 1e6:.0f} MB, {courses.evictions} unloads; RSS {common.rss_mb():.0f} MB")
    print(line("questions while evicting (all courses, twice large)", evicted_cold))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"questions embedded by {courses.embedder.questions().backend}; torch imported in this process: "
          f"{'torch' in __import__('sys').modules}")


if __name__ == "__main__":
    main()

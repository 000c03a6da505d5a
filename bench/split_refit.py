"""Sentence vectors made in their passage's pass (the layer split, bench/RESULTS.md 7o), answered
with the answer layer refitted to them, course by course held out: does refitting bring the
answers of each text embedded alone back?

Works on the indexes `embedding_backends.py --quality-child onnx-int8 --paired` built (`--work`,
default its output folder: the twelve pool notes as one course, the two halves asked off-topic
questions, the default note). Nothing is built again: each index is loaded, its chunks' sentence
texts (`comparable_texts`) are embedded in their passage's pass at `--split-layer`, and the
index's sentence vectors are swapped in memory between

- `alone`: the vectors the index stores (each text embedded alone, as the bot does today);
- `split`: the texts' vectors from their passage's pass (float16, as a build stores them);
- `mapped`: the split vectors moved by a linear map toward the texts' own (a ridge fit of the
  residual, `--alpha`), fitted on the other eleven courses' texts for each course's texts;

and every question is answered again under each policy of `--grid`: the sentence cosine's weight
in the ranking (`semantic_weight`) and one shift added to every sentence-cosine threshold
(`SIMILARITY_THRESHOLDS`). Per-question results go to `--out`; then, for each course, the grid
point best on the other eleven courses (fact in answer + first sentence + off-topic declined -
covered declined) answers it, and the held-out figures are printed beside `alone` and `split` at
today's policy. The default note is answered with the point chosen on all twelve.

    .venv/bin/python bench/split_refit.py [--split-layer 3] [--grid 1.0:0,0.7:-0.015,...] [--mapped]
    .venv/bin/python bench/split_refit.py --choose-only   (the choice again, from --out)
    .venv/bin/python bench/split_refit.py --cost 1,2,3,4  (what the split costs after each layer)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

import common

sys.path.insert(0, str(common.ROOT))

WORK = common.OUT / "backends" / "quality-onnx-int8"
OUT = common.OUT / "split_refit"
# Every threshold answering compares a sentence's cosine with (bot/core/answering.py AnswerPolicy).
SIMILARITY_THRESHOLDS = ("answer_similarity", "weak_answer_similarity", "scant_answer_similarity",
                         "remote_answer_similarity", "thin_answer_similarity", "phrase_similarity",
                         "confident_similarity", "semantic_on_topic", "implicit_on_topic")
SETS = ("pool", "half1", "half2", "default")


class DictSentences:
    """Stands in for a build's StoredSentences: vectors looked up by text."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors

    def __len__(self) -> int:
        return len(self.vectors)

    def find(self, texts: list[str]) -> dict[str, np.ndarray]:
        return {t: self.vectors[t] for t in texts if t in self.vectors}


def as_stored(v: np.ndarray) -> np.ndarray:
    return np.asarray(v, dtype=np.float16).astype(np.float32)


def questions_for(name: str, courses: list[str]) -> list[tuple[str, object]]:
    """(course, question) as embedding_backends.quality_child asks them."""
    import answer_pool
    from bot.core.evaluation import EvalQuestion, load_questions

    if name == "pool":
        return [(c, q) for c in courses for q in answer_pool.load_course_questions(c, None)]
    if name.startswith("half"):
        number = int(name[-1])
        half = [courses[0::2], courses[1::2]][number - 1]
        asked = []
        for other in courses:
            if other not in half:
                covered = [q for q in answer_pool.load_course_questions(other, None) if q.category == "covered"]
                picked = random.Random(f"off:{number}:{other}").sample(covered, min(25, len(covered)))
                asked += [(other, EvalQuestion(q.question, answerable=False, kind="off-topic")) for q in picked]
        return asked
    files = sorted((common.ROOT / "tests/data").glob("*_questions.jsonl"))
    return [(f.stem, q) for f in files for q in load_questions(f)]


def residual_map(split: np.ndarray, alone: np.ndarray, alpha: float) -> np.ndarray:
    """W with alone ~ split + [split, 1] @ W (ridge on the residual, so no map is the identity)."""
    x = np.hstack([split, np.ones((len(split), 1))])
    return np.linalg.solve(x.T @ x + alpha * np.eye(x.shape[1]), x.T @ (alone - split))


def mapped(vectors: dict[str, np.ndarray], course_of: dict[str, str], pairs: dict[str, tuple], alpha: float):
    out, maps = {}, {}
    for text, v in vectors.items():
        course = course_of[text]
        if course not in maps:
            others = [c for c in pairs if c != course]
            maps[course] = residual_map(np.vstack([pairs[c][0] for c in others]),
                                        np.vstack([pairs[c][1] for c in others]), alpha)
        m = v + np.append(v, 1.0) @ maps[course]
        out[text] = as_stored(m / np.linalg.norm(m))
    return out


def answer(args) -> None:
    import answer_pool
    import bot.core.embedding_onnx as embedding_onnx

    embedding_onnx.SPLIT_LAYER = args.split_layer
    from bot.core.answering import AnswerPolicy
    from bot.core.embedding_backends import make_embedder
    from bot.core.evaluation import run_eval
    from bot.core.sentences import comparable_texts
    from embedding_backends import MODEL_CACHE, POOL

    embedder = make_embedder(backend="onnx-int8", model_cache=MODEL_CACHE, threads=args.threads)
    courses = sorted(p.stem for p in (POOL / "notes").glob("*.txt"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    pairs: dict[str, tuple] = {}  # course -> (split, alone) vectors of its texts (from the pool index)
    with args.out.open("a", encoding="utf-8") as out:
        for name in args.sets:
            service = answer_pool.make_service(args.work / name / "corpus", args.work / name / "index", embedder)
            index = service.retriever().index
            wanted = [comparable_texts(c, AnswerPolicy.semantic_chars) for c in index.chunks]
            texts = sorted({t for w in wanted for t in w})
            alone = index.sentences.find(texts)
            started = time.process_time()
            _, split = embedder.encode_in_passages([c.embedding_text() for c in index.chunks], wanted)
            split = {t: as_stored(v) for t, v in split.items()}
            course_of = {}
            for c, w in zip(index.chunks, wanted):
                for t in w:
                    course_of.setdefault(t, Path(c.document).stem)
            if name == "pool":
                for course in set(course_of.values()):
                    ts = [t for t in split if course_of[t] == course and t in alone]
                    pairs[course] = (np.array([split[t] for t in ts]), np.array([alone[t] for t in ts]))
            cos = [float(split[t] @ alone[t]) for t in split if t in alone]
            variants = {"alone": alone, "split": split}
            if args.mapped and pairs:
                variants["mapped"] = mapped(split, course_of if name != "default" else defaultdict(str), pairs,
                                            args.alpha)
                cos_m = [float(variants["mapped"][t] @ alone[t]) for t in split if t in alone]
                print(f"  {name}: mapped vectors' cosine with the texts' own {np.mean(cos_m):.4f}", file=sys.stderr)
            print(f"{name}: {len(alone)} texts, {len(split)} in their passage's pass "
                  f"({time.process_time() - started:.1f} CPU s); cosine with the texts' own mean {np.mean(cos):.4f}, "
                  f"p10 {np.percentile(cos, 10):.4f}", file=sys.stderr, flush=True)
            asked = questions_for(name, courses)
            today = service.policy
            for point in args.grid:
                vectors = variants.get(point["v"])
                if vectors is None:
                    continue
                index.sentences = DictSentences(vectors)
                service.sentence_vectors._memory.clear()
                shifted = {k: getattr(today, k) + point["d"] for k in SIMILARITY_THRESHOLDS}
                service.policy = replace(today, semantic_weight=point["w"], **shifted)
                started = time.perf_counter()
                report = run_eval([q for _, q in asked], service.ask)
                label = json.dumps(point, sort_keys=True)
                for (course, q), r in zip(asked, report.records):
                    out.write(json.dumps({"point": label, "set": name, "course": course, "kind": r["kind"],
                                          "declined": r["abstained"], "fact": r.get("answer_hit"),
                                          "first": r.get("first_sentence_hit"), "question": q.question}) + "\n")
                out.flush()
                print(f"  {name} {label}: {len(asked)} questions in {time.perf_counter() - started:.0f} s, "
                      f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())}", file=sys.stderr, flush=True)
            service.policy = today


def figures(rows: list[dict]) -> dict[str, float]:
    def share(kind, key):
        got = [r[key] for r in rows if r["kind"] == kind and r[key] is not None]
        return sum(map(bool, got)) / len(got) if got else float("nan")

    return {"fact": share("covered", "fact"), "first": share("covered", "first"),
            "cov_declined": share("covered", "declined"), "adv_declined": share("adversarial", "declined"),
            "off_declined": share("off-topic", "declined")}


def objective(f: dict[str, float]) -> float:
    return f["fact"] + f["first"] + f["off_declined"] - f["cov_declined"]


def choose(path: Path) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    by = defaultdict(list)
    for r in rows:
        by[(r["point"], r["set"] if r["set"] == "default" else "pool")].append(r)
    points = sorted({p for p, s in by if s == "pool"})
    courses = sorted({r["course"] for r in rows if r["set"] == "pool"})
    split_points = [p for p in points if json.loads(p)["v"] != "alone"]
    if not split_points:  # --sets default: that note's figures only
        for p in sorted({p for p, s in by if s == "default"}):
            _default_figures(by[(p, "default")], p)
        return
    print("\nevery grid point on all twelve courses (pool and off-topic halves):")
    print("| point | fact in answer | first sentence | covered declined | adversarial declined | off-topic declined |")
    print("|---|---|---|---|---|---|")
    for p in points:
        f = figures(by[(p, "pool")])
        print(f"| {p} | " + " | ".join(f"{f[k]:.4f}" for k in ("fact", "first", "cov_declined", "adv_declined",
                                                                  "off_declined")) + " |")
    held, chosen = [], {}
    for course in courses:
        best = max(split_points, key=lambda p: objective(figures([r for r in by[(p, "pool")] if r["course"] != course])))
        chosen[course] = best
        held += [r for r in by[(best, "pool")] if r["course"] == course]
    print("\nchosen on the other eleven courses, for each course:")
    for course in courses:
        print(f"  {course}: {chosen[course]}")
    overall = max(split_points, key=lambda p: objective(figures(by[(p, "pool")])))
    print("\n| sentence vectors, policy | fact in answer | first sentence | covered declined | adversarial declined "
          "| off-topic declined |")
    print("|---|---|---|---|---|---|")
    today = [p for p in points if json.loads(p) == {"v": "alone", "w": 1.0, "d": 0.0}]
    split_today = [p for p in points if json.loads(p) == {"v": "split", "w": 1.0, "d": 0.0}]
    lines = [("alone, today's policy", by[(today[0], "pool")]) if today else None,
             ("split, today's policy", by[(split_today[0], "pool")]) if split_today else None,
             ("split, refitted (each course held out)", held)]
    for label, rs in filter(None, lines):
        f = figures(rs)
        print(f"| {label} | " + " | ".join(f"{f[k]:.4f}" for k in ("fact", "first", "cov_declined", "adv_declined",
                                                                     "off_declined")) + " |")
    print(f"\nchosen on all twelve: {overall}")
    for p in sorted({p for p, s in by if s == "default"}):
        _default_figures(by[(p, "default")], p)


def _default_figures(rows: list[dict], point: str) -> None:
    """The default note's sets: covered questions' fact / first sentence counts, uncovered declined."""
    parts = []
    for stem in sorted({r["course"] for r in rows}):
        covered = [r for r in rows if r["course"] == stem and r["kind"] == "covered"]
        other = [r for r in rows if r["course"] == stem and r["kind"] != "covered"]
        parts.append(f"{stem.removesuffix('_questions')} {sum(bool(r['fact']) for r in covered)} / "
                     f"{sum(bool(r['first']) for r in covered)} of {len(covered)}, declined "
                     f"{sum(bool(r['declined']) for r in covered)}, uncovered declined "
                     f"{sum(bool(r['declined']) for r in other)} of {len(other)}")
    print(f"  default note with {point}: " + "; ".join(parts))


def parse_grid(text: str) -> list[dict]:
    """`v:w:d,...`: vectors (alone, split, mapped), the cosine's weight, the thresholds' shift."""
    points = []
    for item in text.split(","):
        v, w, d = item.split(":")
        points.append({"v": v, "w": float(w), "d": float(d)})
    return points


def cost(args) -> None:
    """CPU seconds at one thread, rounds interleaved, on the pool index's chunks: the chunks and
    their sentence texts each embedded alone, against the chunks' pass giving the texts' vectors
    split after each layer of `--cost`."""
    import answer_pool
    from bot.core.answering import AnswerPolicy
    from bot.core.embedding_backends import make_embedder
    from bot.core.sentences import comparable_texts
    from embedding_backends import MODEL_CACHE

    embedder = make_embedder(backend="onnx-int8", model_cache=MODEL_CACHE, threads=1)
    service = answer_pool.make_service(args.work / "pool" / "corpus", args.work / "pool" / "index", embedder)
    chunks = service.retriever().index.chunks
    passages = [c.embedding_text() for c in chunks]
    wanted = [comparable_texts(c, AnswerPolicy.semantic_chars) for c in chunks]
    texts = sorted({t for w in wanted for t in w})
    embedder.encode(passages[:8])
    times = defaultdict(list)
    for round_ in range(args.rounds):
        for k in [0, *args.cost]:
            started = time.process_time()
            if k == 0:
                embedder.encode(passages)
                chunks_s = time.process_time() - started
                embedder.encode(texts)
                times["chunks alone"].append(chunks_s)
                times["texts alone"].append(time.process_time() - started - chunks_s)
            else:
                embedder.split_layer, embedder._split = k, None
                embedder._load_split()
                started = time.process_time()
                embedder.encode_in_passages(passages, wanted)
                times[f"chunks with texts split after layer {k}"].append(time.process_time() - started)
        print(f"  round {round_ + 1}: " + ", ".join(f"{n} {v[-1]:.1f}" for n, v in times.items())
              + f"; load {' '.join(f'{x:.1f}' for x in os.getloadavg())}", file=sys.stderr, flush=True)
    chunk_s, text_s = np.median(times["chunks alone"]), np.median(times["texts alone"])
    print(f"\n{len(chunks)} chunks, {len(texts)} sentence texts, one thread, CPU s (median of {args.rounds} rounds):")
    print("| how | CPU s | texts' part | texts' part / alone |\n|---|---|---|---|")
    print(f"| each text alone | {chunk_s + text_s:.1f} | {text_s:.1f} | 1.00 |")
    for k in args.cost:
        total = np.median(times[f"chunks with texts split after layer {k}"])
        print(f"| split after layer {k} | {total:.1f} | {total - chunk_s:.1f} | {(total - chunk_s) / text_s:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=WORK)
    parser.add_argument("--split-layer", type=int, default=3)
    parser.add_argument("--grid", type=parse_grid,
                        default=parse_grid("alone:1:0,split:1:0,split:1:-0.015,split:0.7:-0.015,split:1.3:-0.015,"
                                           "split:1:-0.03,split:0.7:0,split:1.3:0,split:0.7:-0.03,split:1.3:-0.03"))
    parser.add_argument("--sets", type=lambda s: s.split(","), default=list(SETS))
    parser.add_argument("--mapped", action="store_true", help="also the split vectors moved by the ridge map")
    parser.add_argument("--alpha", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--out", type=Path, default=OUT / "answers.jsonl")
    parser.add_argument("--choose-only", action="store_true")
    parser.add_argument("--cost", type=lambda s: [int(k) for k in s.split(",")], default=None,
                        help="instead: the CPU cost of the split after these layers (e.g. 1,2,3,4)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    common.print_machine()
    if args.cost:
        cost(args)
        return
    if not args.choose_only:
        answer(args)
    choose(args.out)


if __name__ == "__main__":
    main()

"""Fit the sentence ranker (`bot/core/sentence_ranker.py`) on the development pool, and measure it
leave-one-course-out: for each of the twelve courses, fit on the other eleven and rank the held-out
course's sentences. Only held-out figures are printed as results; the weights written to
`bot/core/sentence_ranker.json` are then fitted on all twelve.

All twelve notes are indexed as one course (as `answer_pool.py --mode pool`). For every covered
question, the sentences of the top passages are the candidates, as the answer layer makes them; a
candidate is right when what it would quote holds one of the accepted answers. Figures per course:
the share of questions whose best candidate is right (first sentence) and whose best two distinct
candidates hold it, for the rule score the answer layer used before (with the cosine of its best six
added), for the learned ranker, and for the best any ranking could do (some candidate is right).
These are rankings only: declines and tiers are not applied (answer_pool.py measures whole answers).

    .venv/bin/python bench/sentence_ranker_fit.py [--sample N] [--write] [--loco-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

import common
import answer_pool

sys.path.insert(0, str(common.ROOT))

OUT = common.OUT / "sentence_ranker"
SEMANTIC_CANDIDATES = 6  # as AnswerPolicy.semantic_candidates


def extract(sample: int | None) -> list[dict]:
    """Candidates and features of every covered question of the pool."""
    from bot.core.answering import AnswerPolicy
    from bot.core.evaluation import holds
    from bot.core.embedding_model import SentenceTransformerEmbedder
    from bot.core.query import query_names, query_terms
    from bot.core.question_kind import LONG_KINDS, cue_text, expected_kind
    from bot.core.question_text import clean_question
    from bot.core.sentences import candidate_features, candidates_from, score_candidates, shown_text

    courses = sorted(p.stem for p in (answer_pool.POOL / "notes").glob("*.txt"))
    work = OUT / "pool"
    corpus = answer_pool.course_corpus(work, courses)
    service = answer_pool.make_service(corpus, work / "index", SentenceTransformerEmbedder())
    answer_pool.OUT.mkdir(parents=True, exist_ok=True)
    answer_pool.fresh_index(service, answer_pool.OUT / "embedding-cache.sqlite")
    retriever = service.retriever()
    policy: AnswerPolicy = service.policy
    items = []
    for course in courses:
        for q in answer_pool.load_course_questions(course, sample):
            if q.category != "covered" or not q.answer:
                continue
            result = retriever.search(clean_question(q.question), k=8)
            kind = expected_kind(result.question)
            terms = query_terms(result.question, retriever.lexical, ignore=cue_text(result.question))
            names = query_names(result.question, terms, retriever.lexical)
            scored = score_candidates(candidates_from(result.hits[: policy.passages]), terms, names, kind,
                                      result.question)
            if not scored:
                items.append({"course": course, "question": q.question, "n": 0})
                continue
            rows = candidate_features(scored, terms, kind, result.question)
            shown = [shown_text(c) for c in scored]
            quoted = [shown_text(c, long=kind in LONG_KINDS) for c in scored]
            items.append({
                "course": course, "question": q.question, "n": len(scored), "kind": kind or "",
                "features": rows, "shown": shown, "label": [holds(t, q.answer) for t in quoted],
                "rule": [c.score for c in scored], "query_vector": result.query_vector,
                # to recompute the features when they change, without searching again (--refeature)
                "scored": scored, "terms": terms, "asked": result.question, "kind_raw": kind,
            })
        print(f"  {course}: extracted", flush=True)
    # Cosines of every candidate with its question (the answer layer embeds at most six).
    cut = policy.semantic_chars
    texts = sorted({t[:cut] for it in items if it["n"] for t in it["shown"]})
    vectors = dict(zip(texts, service.sentence_vectors(texts)))
    answer_pool.keep_cache(service)
    for it in items:
        if it["n"]:
            it["cosine"] = [float(vectors[t[:cut]] @ it["query_vector"]) for t in it["shown"]]
            del it["query_vector"]
    return items


# --- fitting: a softmax over each question's candidates (listwise), L2-regularised -----------------


def fit_stage(groups: list[tuple[np.ndarray, np.ndarray]], names: tuple[str, ...], l2: float = 1e-2,
              steps: int = 400):
    """The fixed priors (sentence_ranker.PRIORS) are an offset the learned weights add to."""
    from bot.core.sentence_ranker import PRIORS, LinearStage, _prior

    groups = [(x, y) for x, y in groups if y.any() and len(y) > 1]
    stacked = np.vstack([x for x, _ in groups])
    mean, scale = stacked.mean(0), stacked.std(0)
    scale[scale < 1e-6] = 1.0
    width = max(len(y) for _, y in groups)
    x = np.zeros((len(groups), width, stacked.shape[1]))
    y = np.zeros((len(groups), width))
    offset = np.zeros((len(groups), width))
    mask = np.zeros((len(groups), width), dtype=bool)
    for i, (xi, yi) in enumerate(groups):
        x[i, : len(yi)] = (xi - mean) / scale
        y[i, : len(yi)] = yi
        offset[i, : len(yi)] = _prior(xi, names)
        mask[i, : len(yi)] = True
    w = np.zeros(stacked.shape[1])
    fixed = [names.index(name) for name in PRIORS]
    m, v = np.zeros_like(w), np.zeros_like(w)
    rate, b1, b2 = 0.05, 0.9, 0.999
    for step in range(1, steps + 1):
        s = np.where(mask, x @ w + offset, -np.inf)
        p = np.exp(s - s.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        q = p * y / (p * y).sum(1, keepdims=True)  # the right candidates' share of the chance
        grad = l2 * w + np.einsum("qn,qnf->f", p - q, x) / len(groups)
        grad[fixed] = 0.0  # a prior's feature is not learned: the pool does not show it
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad ** 2
        w -= rate * (m / (1 - b1 ** step)) / (np.sqrt(v / (1 - b2 ** step)) + 1e-8)
    return LinearStage(mean, scale, w)


def top_distinct(order: np.ndarray, shown: list[str], n: int) -> list[int]:
    picked, seen = [], set()
    for i in order:
        if shown[i] not in seen:
            seen.add(shown[i])
            picked.append(int(i))
        if len(picked) == n:
            break
    return picked


def semantic_rows(it: dict, picked: list[int]) -> np.ndarray:
    from bot.core.sentence_ranker import semantic_features

    best = max(it["cosine"][i] for i in picked)
    return np.array([semantic_features(it["features"][i], it["cosine"][i], best) for i in picked])


def rank_learned(it: dict, ranker) -> list[int]:
    x = np.array(it["features"])
    first = np.argsort(-ranker.lexical_score(x), kind="stable")
    picked = top_distinct(first, it["shown"], SEMANTIC_CANDIDATES)
    second = np.argsort(-ranker.semantic_score(semantic_rows(it, picked)), kind="stable")
    return [picked[i] for i in second] + [int(i) for i in first if i not in picked]


FOLLOW_RATIOS = (1.01, 0.7, 0.5, 0.35, 0.25, 0.15, 0.0)


def follow_figures(it: dict, ranker) -> dict[float, tuple[bool, int]]:
    """Fact in the answer and sentences given when a second sentence joins the first if its
    chance is at least this share of the first's (the answer layer's follow_ratio)."""
    x = np.array(it["features"])
    first = np.argsort(-ranker.lexical_score(x), kind="stable")
    picked = top_distinct(first, it["shown"], SEMANTIC_CANDIDATES)
    logits = ranker.semantic_score(semantic_rows(it, picked))
    p = np.exp(logits - logits.max())
    p /= p.sum()
    order = np.argsort(-p, kind="stable")
    out = {}
    for ratio in FOLLOW_RATIOS:
        chosen = [order[0]] + ([order[1]] if len(order) > 1 and p[order[1]] >= ratio * p[order[0]] else [])
        out[ratio] = (any(it["label"][picked[i]] for i in chosen), len(chosen))
    return out


def rank_rule(it: dict) -> list[int]:
    """The answer layer before the ranker: rule score, plus the cosine for the best six."""
    first = np.argsort(-np.array(it["rule"]), kind="stable")
    picked = top_distinct(first, it["shown"], SEMANTIC_CANDIDATES)
    rescored = [it["rule"][i] + it["cosine"][i] for i in picked]
    second = np.argsort(-np.array(rescored), kind="stable")
    return [picked[i] for i in second] + [int(i) for i in first if i not in picked]


def fit(items: list[dict]):
    from bot.core.sentence_ranker import LEXICAL_FEATURES, SEMANTIC_FEATURES, SentenceRanker, _prior

    usable = [it for it in items if it["n"]]
    first = fit_stage([(np.array(it["features"]), np.array(it["label"])) for it in usable], LEXICAL_FEATURES)
    groups = []
    for it in usable:
        x = np.array(it["features"])
        order = np.argsort(-(first.score(x) + _prior(x, LEXICAL_FEATURES)), kind="stable")
        picked = top_distinct(order, it["shown"], SEMANTIC_CANDIDATES)
        groups.append((semantic_rows(it, picked), np.array([it["label"][i] for i in picked])))
    second = fit_stage(groups, SEMANTIC_FEATURES)
    return SentenceRanker(first, second)


def hits(it: dict, order: list[int]) -> tuple[bool, bool]:
    if not it["n"]:
        return False, False
    picked = top_distinct(np.array(order), it["shown"], 2)
    return it["label"][picked[0]], any(it["label"][i] for i in picked)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=None, help="questions per course (default: all)")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the candidates extracted by the last run (when only the fitting changed)")
    parser.add_argument("--refeature", action="store_true",
                        help="with --reuse: recompute the features of the extracted candidates")
    parser.add_argument("--write", action="store_true", help="write the weights fitted on all twelve")
    parser.add_argument("--loco-dir", type=Path, default=OUT / "loco",
                        help="where each held-out course's weights go (for answer_pool.py --ranker-loco)")
    args = parser.parse_args()
    common.print_machine()
    started = time.perf_counter()
    saved = OUT / f"items-{args.sample or 'all'}.pkl"
    if args.reuse and saved.exists():
        items = pickle.loads(saved.read_bytes())
        if args.refeature:
            from bot.core.sentences import candidate_features

            for it in items:
                if it["n"]:
                    it["features"] = candidate_features(it["scored"], it["terms"], it["kind_raw"], it["asked"])
            saved.write_bytes(pickle.dumps(items))
    else:
        items = extract(args.sample)
        saved.write_bytes(pickle.dumps(items))
    print(f"{len(items)} covered questions extracted in {time.perf_counter() - started:.0f} s")
    courses = sorted({it["course"] for it in items})
    args.loco_dir.mkdir(parents=True, exist_ok=True)
    table = defaultdict(lambda: defaultdict(list))
    for course in courses:
        ranker = fit([it for it in items if it["course"] != course])
        (args.loco_dir / f"{course}.json").write_text(json.dumps(ranker.to_dict()))
        for it in items:
            if it["course"] != course:
                continue
            row = table[course]
            for name, order in (("rule", rank_rule(it) if it["n"] else []),
                                ("learned", rank_learned(it, ranker) if it["n"] else [])):
                one, two = hits(it, order)
                row[f"{name}@1"].append(one)
                row[f"{name}@2"].append(two)
            row["ceiling"].append(bool(it["n"]) and any(it["label"]))
            follow = follow_figures(it, ranker) if it["n"] else {r: (False, 0) for r in FOLLOW_RATIOS}
            for ratio, (fact, count) in follow.items():
                row[f"fact r={ratio}"].append(fact)
                row[f"sent r={ratio}"].append(count)
    columns = ["rule@1", "learned@1", "rule@2", "learned@2", "ceiling"]
    print("\nleave-one-course-out (each course ranked by weights fitted on the other eleven)")
    print("| course | n | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 2) + "|")
    everything = defaultdict(list)
    for course in courses:
        row = table[course]
        for c in row:
            everything[c] += row[c]
        print(f"| {course} | {len(row['ceiling'])} | " + " | ".join(f"{np.mean(row[c]):.3f}" for c in columns) + " |")
    print(f"| **all** | {len(everything['ceiling'])} | " + " | ".join(f"{np.mean(everything[c]):.3f}" for c in columns) + " |")
    print("\nlearned ranker, held out: fact in the first one or two sentences and sentences given, "
          "when the second joins at this share of the first's chance")
    for ratio in FOLLOW_RATIOS:
        print(f"  r={ratio}: fact {np.mean(everything[f'fact r={ratio}']):.3f}, "
              f"sentences {np.mean(everything[f'sent r={ratio}']):.2f}")
    final = fit(items)
    if args.write:
        from bot.core.sentence_ranker import WEIGHTS_FILE

        WEIGHTS_FILE.write_text(json.dumps(final.to_dict(), indent=1) + "\n")
        print(f"weights fitted on all {len(items)} questions written to {WEIGHTS_FILE}")
    from bot.core.sentence_ranker import LEXICAL_FEATURES, SEMANTIC_FEATURES

    print("\nweights (standardised features), all twelve courses:")
    for name, w in zip(SEMANTIC_FEATURES, final.semantic.weights):
        lex = final.lexical.weights[LEXICAL_FEATURES.index(name)] if name in LEXICAL_FEATURES else float("nan")
        print(f"  {name:18s} first stage {lex:+.3f}   second stage {w:+.3f}")
    print(f"{time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()

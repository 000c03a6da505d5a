"""Where the "confident" tier should start, fitted on some courses and checked on the others.

Reads the records of a run of `answer_pool.py` (bench/out/answer_pool/<label>-<mode>.jsonl): for
each answered question, how well its first sentence fits the question (`match`: the share of the
question's weight it carries; `similarity`: its cosine with the question; `kind_ok`: it holds the
date, number, person or place asked for) and whether it held the fact. A rule "confident when
kind_ok and similarity >= S and match >= M" is fitted on half of the courses (the (S, M) that makes
the most covered questions confident while confident answers hold the fact >= 95 % of the time and
at most 50 % of adversarial questions are confident, both with a margin) and then measured on the
other half; then the halves swap. Every split of the twelve courses into two sets of six is tried
when --splits is 0, otherwise that many random ones.

    .venv/bin/python bench/calibrate_tiers.py bench/out/answer_pool/new-pool.jsonl [--splits 20]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from collections import defaultdict
from pathlib import Path

SIMILARITIES = [round(0.30 + 0.025 * i, 3) for i in range(17)]  # 0.30 .. 0.70
MATCHES = [round(0.20 + 0.05 * i, 2) for i in range(13)]  # 0.20 .. 0.80
PRECISION_GOAL, ADVERSARIAL_LIMIT = 0.95, 0.50
MARGIN = 0.03  # fitted with a margin: a rule fitted to meet a goal exactly misses it on new courses


def confident(record: dict, s: float, m: float) -> bool:
    if record["abstained"] or not record.get("kind_ok", True):
        return False
    similarity = record.get("similarity")
    return similarity is not None and similarity >= s and record.get("match", 0.0) >= m


def measure(records: list[dict], s: float, m: float) -> dict:
    covered = [r for r in records if r["kind"] == "covered" and "answer_hit" in r]
    adversarial = [r for r in records if r["kind"] == "adversarial"]
    sure = [r for r in covered if confident(r, s, m)]
    return {
        "covered_confident": len(sure) / len(covered) if covered else 0.0,
        "precision": sum(r["answer_hit"] for r in sure) / len(sure) if sure else 1.0,
        "adversarial_confident": (sum(confident(r, s, m) for r in adversarial) / len(adversarial)
                                  if adversarial else 0.0),
        "confident_answers": len(sure),
    }


def fit(records: list[dict]) -> tuple[float, float]:
    best, best_share = (SIMILARITIES[-1], MATCHES[-1]), -1.0
    for s, m in itertools.product(SIMILARITIES, MATCHES):
        f = measure(records, s, m)
        if (f["precision"] >= PRECISION_GOAL + MARGIN and f["adversarial_confident"] <= ADVERSARIAL_LIMIT - MARGIN
                and f["covered_confident"] > best_share):
            best, best_share = (s, m), f["covered_confident"]
    return best


def main() -> None:
    global MARGIN
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--splits", type=int, default=0, help="random splits (0: every split in halves)")
    parser.add_argument("--margin", type=float, default=MARGIN, help="how far past the goals a fit must be")
    args = parser.parse_args()
    MARGIN = args.margin
    records = [json.loads(line) for line in args.records.read_text(encoding="utf-8").splitlines()]
    by_course = defaultdict(list)
    for r in records:
        by_course[r["course"]].append(r)
    courses = sorted(by_course)
    half = len(courses) // 2
    splits = [set(c) for c in itertools.combinations(courses, half) if courses[0] in c]
    if args.splits:
        splits = random.Random(0).sample(splits, min(args.splits, len(splits)))
    rows = []
    for fit_courses in splits:
        check_courses = set(courses) - fit_courses
        fitted = fit([r for c in fit_courses for r in by_course[c]])
        rows.append((fitted, measure([r for c in fit_courses for r in by_course[c]], *fitted),
                     measure([r for c in check_courses for r in by_course[c]], *fitted)))
    print(f"{len(records)} records, {len(courses)} courses, {len(rows)} splits into halves")
    for name, index in (("fit half", 1), ("check half", 2)):
        values = {k: [row[index][k] for row in rows] for k in ("precision", "covered_confident", "adversarial_confident")}
        print(f"{name:>10}: " + "; ".join(
            f"{k} mean {sum(v) / len(v):.3f} min {min(v):.3f} max {max(v):.3f}" for k, v in values.items()))
    missed = sum(row[2]["precision"] < PRECISION_GOAL for row in rows)
    print(f"check halves whose confident precision fell below {PRECISION_GOAL}: {missed} of {len(rows)}")
    fitted = fit(records)
    print(f"fitted on all courses: similarity >= {fitted[0]}, match >= {fitted[1]}: {measure(records, *fitted)}")
    counts = defaultdict(int)
    for row in rows:
        counts[row[0]] += 1
    print("thresholds fitted on the halves (S, M): count", dict(sorted(counts.items(), key=lambda kv: -kv[1])[:8]))


if __name__ == "__main__":
    main()

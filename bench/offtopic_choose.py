"""Decline rules chosen on eleven courses and checked on the twelfth, from an `offtopic_dump.py` run
made with the weak-answer and phrase declines off (`--policy weak_answer_similarity=0 --policy
phrase_similarity=0 --policy scant_answer_similarity=0 --policy remote_answer_similarity=0`): each rule is applied again to what the answer read (its `Fit`), so a grid
of thresholds costs no replay. Covered questions are the pool's (twelve courses as one course),
off-topic ones the halves set-up's, each kept with the course it was written for.

    .venv/bin/python bench/offtopic_choose.py --label off [--limit 0.03] [--rule weak,phrase]
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import defaultdict

import common

OUT = common.OUT / "offtopic_dump"

# The shipped pairs (AnswerPolicy): weak-answer (cosine, share), phrase (cosine, share).
SHIPPED = {"weak": (0.38, 0.6), "phrase": (0.45, 0.6)}
GRIDS = {
    "weak": list(itertools.product([0.34, 0.36, 0.38, 0.40, 0.42, 0.44], [0.5, 0.6, 0.7])),
    "phrase": list(itertools.product([0.40, 0.45, 0.50, 0.55], [0.5, 0.6, 0.7])),
    # The weak-answer pair again, lower: a sentence this far from the question in meaning must
    # carry nearly all its words to answer.
    "low": list(itertools.product([0.0, 0.20, 0.22, 0.25, 0.28, 0.30], [0.7, 0.8, 0.9])),
    # ... and higher: a sentence carrying little of the question's words must be this close in meaning.
    "high": list(itertools.product([0.0, 0.50, 0.55, 0.60, 0.65], [0.2, 0.25, 0.3])),
    "high_s": list(itertools.product([0.0, 0.50, 0.55, 0.60, 0.65], [0.2, 0.25, 0.3])),
    # One line for all: the cosine a sentence needs falls as the share of the question's words it
    # (and its passage) carries rises.
    "line": [(0.0, 0.0)] + list(itertools.product([0.70, 0.73, 0.76, 0.79, 0.82], [0.5, 0.6, 0.7, 0.8])),
    "high3": [(0.0, 0.0, 0.0)] + list(itertools.product([0.55, 0.58, 0.60, 0.62, 0.65], [0.2, 0.25, 0.3],
                                                          [0.3, 0.4, 0.5, 1.01])),
    # A sentence carrying little of the question's weight, from passages that together carry little more.
    "found": [(0.0, 0.0, 0.0)] + list(itertools.product([0.45, 0.50, 0.55], [0.3, 0.35], [0.4, 0.5, 0.6])),
    "scant_fixed": [(0.60, 0.25, 0.40)],  # AnswerPolicy.scant_answer_*, as chosen here
    "remote_fixed": [(0.22, 0.8)],  # AnswerPolicy.remote_answer_*
    "weak_fixed": [SHIPPED["weak"]],
    "phrase_fixed": [SHIPPED["phrase"]],
}


def weak(fit: dict, a: float, b: float) -> bool:
    return fit["similarity"] < a and fit["match"] < b and fit["passage_match"] < b


def phrase(fit: dict, a: float, b: float) -> bool:
    return fit["phrase"] == 0 and fit["similarity"] < a and fit["passage_match"] < b


def high_s(fit: dict, a: float, b: float) -> bool:
    return fit["similarity"] < a and fit["match"] < b


def high3(fit: dict, a: float, b: float, c: float) -> bool:
    return fit["similarity"] < a and fit["match"] < b and fit["passage_match"] < c


def found(fit: dict, a: float, b: float, c: float) -> bool:
    return fit["similarity"] < a and fit["match"] < b and fit["passage_match"] < b and fit["found_match"] < c


def line(fit: dict, c: float, k: float) -> bool:
    return fit["similarity"] + k * max(fit["match"], fit["passage_match"]) < c


RULES = {"weak": weak, "phrase": phrase, "low": weak, "high": weak, "high_s": high_s, "high3": high3, "found": found, "line": line,
         "weak_fixed": weak, "phrase_fixed": phrase,
         "scant_fixed": high3, "remote_fixed": weak}
EXTRA = {}  # name -> (function(row, *params), grid): candidate rules beside the pairs


def declined(row: dict, setting: dict) -> bool:
    if row["abstained"]:
        return True
    fit = row["fit"]
    if fit is None:
        return False
    for name, params in setting.items():
        rule = RULES.get(name) or EXTRA[name][0]
        if rule(fit if name in RULES else row, *params):
            return True
    return False


def rates(rows: list[dict], setting: dict) -> tuple[int, int, int, int]:
    cov = [r for r in rows if r["kind"] == "covered"]
    off = [r for r in rows if r["kind"] == "off-topic"]
    return (sum(declined(r, setting) for r in cov), len(cov), sum(declined(r, setting) for r in off), len(off))


def settings(names: list[str]):
    grids = [GRIDS[n] if n in GRIDS else EXTRA[n][1] for n in names]
    for combo in itertools.product(*grids):
        yield dict(zip(names, combo))


def lost_facts(rows: list[dict], setting: dict) -> int:
    return sum(r.get("answer_hit", False) and declined(r, setting) for r in rows if r["kind"] == "covered")


def choose(rows: list[dict], names: list[str], limit: float, hit_cost: float = 0.0) -> dict:
    """The setting declining the most off-topic questions, less `hit_cost` for each covered answer
    holding the fact that it declines, among those keeping covered declined <= `limit`."""
    best, best_key = None, None
    for setting in settings(names):
        c, nc, o, no = rates(rows, setting)
        if c > limit * nc:
            continue
        key = (o - hit_cost * lost_facts(rows, setting) if hit_cost else o, -c)
        if best_key is None or key > best_key:
            best, best_key = setting, key
    return best


def held_out(rows: list[dict], names: list[str], limit: float, hit_cost: float = 0.0) -> None:
    by_course = defaultdict(list)
    for r in rows:
        by_course[r["course"]].append(r)
    tc = tnc = to = tno = 0
    fact = 0
    for course in sorted(by_course):
        train = [r for c, rs in by_course.items() if c != course for r in rs]
        setting = choose(train, names, limit, hit_cost)
        c, nc, o, no = rates(by_course[course], setting)
        hits = sum(r.get("answer_hit", False) and not declined(r, setting) for r in by_course[course]
                   if r["kind"] == "covered")
        tc, tnc, to, tno, fact = tc + c, tnc + nc, to + o, tno + no, fact + hits
        print(f"  {course}: {setting} covered {c}/{nc} off-topic {o}/{no} fact {hits}")
    print(f"held out: covered declined {tc / tnc:.3f} ({tc}), off-topic declined {to / tno:.3f} ({tno - to} answered), "
          f"fact {fact / tnc:.3f} ({fact})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="off")
    parser.add_argument("--limit", type=float, default=0.03)
    parser.add_argument("--rule", default="weak,phrase")
    parser.add_argument("--hit-cost", type=float, default=0.0,
                        help="off-topic questions a declined covered answer holding the fact costs")
    args = parser.parse_args()
    rows = [json.loads(line) for line in (OUT / f"{args.label}.jsonl").read_text().splitlines()]
    names = args.rule.split(",")
    c, nc, o, no = rates(rows, SHIPPED)
    print(f"shipped: covered declined {c / nc:.3f} ({c}), off-topic declined {o / no:.3f} ({no - o} answered)")
    setting = choose(rows, names, args.limit, args.hit_cost)
    c, nc, o, no = rates(rows, setting)
    print(f"in sample {setting}: covered declined {c / nc:.3f} ({c}), off-topic declined {o / no:.3f} ({no - o} answered)")
    held_out(rows, names, args.limit, args.hit_cost)


if __name__ == "__main__":
    main()

"""Choose the `elsewhere` step's thresholds (bot/core/answering.py, AnswerPolicy.elsewhere_*) course by
course held out: on eleven courses the setting that declines the most off-topic questions, a declined
covered answer holding the fact counting as three, with the pool's covered declined <= 0.03 there;
then applied to the twelfth. Reads an `offtopic_dump.py` dump made with the step off and the
`offtopic_features.py` features of the same code (RESULTS 6ap).

    .venv/bin/python bench/offtopic_dump.py --label base --pool P --halves H --policy elsewhere_answer_similarity=-2
    .venv/bin/python bench/offtopic_features.py --label base --pool P --halves H --policy elsewhere_answer_similarity=-2
    .venv/bin/python bench/offtopic_elsewhere_choose.py --label base
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter

import common

OUT = common.OUT / "offtopic_dump"
GRID = list(itertools.product([0.40, 0.45, 0.50, 0.55], [0.3, 0.4, 0.5, 0.6], [0.5, 0.6, 0.7, 0.8, 1.01]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="now")
    parser.add_argument("--hit-cost", type=float, default=3.0)
    args = parser.parse_args()
    dump = [json.loads(line) for line in (OUT / f"{args.label}.jsonl").open()]
    feats = [json.loads(line) for line in (OUT / f"{args.label}-features.jsonl").open()]
    fits = {(r["kind"], "pool" if r["index"] == "pool" else "six", r["question"], r["course"]): r["fit"] for r in dump}
    for r in feats:
        r["fit"] = fits[(r["kind"], r["where"], r["question"], r["course"])]
        weight = sum(t[1] for t in r["terms"])
        r["known_share"] = sum(t[1] for t in r["terms"] if t[2]) / weight if weight else 1.0
        r["group"] = "off" if r["kind"] == "off-topic" else r["where"] + ("hit" if r["hit"] else "miss")
    declined = Counter(r["course"] for r in dump if r["kind"] == "covered" and r["index"] == "pool" and r["abstained"])
    covered = Counter(r["course"] for r in dump if r["kind"] == "covered" and r["index"] == "pool")
    fired = {g: [r for r in feats if r["similarity"] < g[0] and r["known_share"] < g[1] and r["fit"]["found_match"] < g[2]]
             for g in GRID}
    total = Counter()
    for held in sorted(covered):
        best = None
        for g in GRID:
            c = Counter(r["group"] for r in fired[g] if r["course"] != held)
            rate = (sum(v for k, v in declined.items() if k != held) + c["poolhit"] + c["poolmiss"]) / \
                sum(v for k, v in covered.items() if k != held)
            score = c["off"] - args.hit_cost * c["poolhit"]
            if rate <= 0.03 and (best is None or score > best[0]):
                best = (score, g)
        c = Counter(r["group"] for r in fired[best[1]] if r["course"] == held)
        total.update(c)
        print(held, "chose (cosine, known share, found share) <", best[1], "held out:", dict(c))
    print("held out, all courses (off: off-topic newly declined; poolhit/poolmiss: covered answers declined, "
          "with / without the fact; six*: the same among six courses):", dict(total))


if __name__ == "__main__":
    main()

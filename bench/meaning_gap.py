"""Of the answers that lack the fact though a retrieved sentence holds it, how many would the
question-sentence cosine have put the right sentence above the chosen one, and how many its share
of the question's words: whether ranking more by meaning (the embedding weighted higher, in
general or when the words shared are common ones) could find them.

    .venv/bin/python bench/answer_fact_lost.py --name searches-s25.pkl --records LOST.jsonl
    .venv/bin/python bench/meaning_gap.py LOST.jsonl [...]

Each record is answer_fact_lost.py's: the answer's best candidates (`top`, the first is shown
first) and every candidate holding the fact (`right`), each with its cosine (`sim`) and share of
the question's weight (`match`). The best right candidate by cosine is compared with the first.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter
from pathlib import Path


def gap(records: list[dict]) -> tuple[Counter, list[float]]:
    counts: Counter = Counter()
    margins = []
    for r in records:
        counts["lost"] += 1
        first = r["top"][0] if r.get("top") else None
        embedded = [c for c in r.get("right", []) if c.get("sim") is not None]
        if not r.get("right"):
            counts["no retrieved sentence holds it"] += 1
        elif first is None or first.get("sim") is None or not embedded:
            counts["right sentence not compared in meaning"] += 1
        else:
            right = max(embedded, key=lambda c: c["sim"])
            closer = right["sim"] > first["sim"]
            wordier = right["match"] > first["match"]
            counts["right closer in meaning" if closer else "right further in meaning"] += 1
            counts[("closer" if closer else "further") + " and " + ("more" if wordier else "no more")
                   + " of the question's words"] += 1
            margins.append(right["sim"] - first["sim"])
    return counts, margins


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="+", type=Path)
    args = parser.parse_args()
    records = [json.loads(line) for path in args.records for line in path.read_text().splitlines() if line.strip()]
    counts, margins = gap(records)
    for key, n in counts.most_common():
        print(f"{n:5d}  {key}")
    if margins:
        print(f"right minus first cosine: median {statistics.median(margins):+.3f}, "
              f"quartiles {statistics.quantiles(margins, n=4)[0]:+.3f} / {statistics.quantiles(margins, n=4)[2]:+.3f}")


if __name__ == "__main__":
    main()

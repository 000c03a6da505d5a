"""Fit the quiz items' quality score (bot/core/quiz/gen_quality.py) on the judges' verdicts and
measure it with each course held out in turn.

Every judged item (bench/quiz_judgement/*.judgement.json: round 2; round1/: round 1; and the
previous session's round, read from git history when it is there) is measured against its own
notes; a logistic model (L2, standardised features) learns keep (1) against borderline or drop (0).
Leave-one-course-out: the model and its cut-off are fitted on the other courses' verdicts only, and
the held-out course reports how many of its items pass and what share of those the judges kept.

    .venv/bin/python bench/quiz_quality_fit.py            # held-out figures
    .venv/bin/python bench/quiz_quality_fit.py --write    # also write bot/core/quiz/gen_quality.json
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core import nlp  # noqa: E402
from bot.core.chunking import chunk_document  # noqa: E402
from bot.core.loaders import load_document  # noqa: E402
from bot.core.quiz import gen_quality  # noqa: E402
from bot.core.quiz.gen_text import chunk_sentences, readable_text  # noqa: E402
from bot.core.quiz.items import QuizItem, QuizSource  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
JUDGED = Path(__file__).resolve().parent / "quiz_judgement"
POOL = ROOT.parent / "shared" / "eval" / "courses" / "notes"
if not POOL.is_dir():
    POOL = Path("/work/shared/eval/courses/notes")
# The previous session's round (an older generator) lives only in git history.
OLDEST_ROUND = ("30fa9f0", "bench/quiz_judgement")
L2 = 10.0
TARGET_PRECISION = 0.5  # the cut-off on the courses fitted on: the lowest score whose items passing reach this kept share


def note_path(course: str) -> Path:
    local = ROOT / "corpus" / f"{course}.txt"
    return local if local.exists() else POOL / f"{course}.txt"


def notes_lines(path: Path) -> list[str]:
    """The sentences of the notes as the generator reads them (gen_text)."""
    chunks = chunk_document(load_document(path, path.name), max_chars=900)
    lines = []
    for chunk in chunks:
        for quote, _ in chunk_sentences(chunk):
            text = readable_text(quote)
            if text:
                lines.append(text)
    return lines


def judged_rounds() -> list[tuple[str, str, list[dict]]]:
    """(round, course, judged items) for every judgement file there is."""
    found = []
    for name, folder in (("r2", JUDGED), ("r1", JUDGED / "round1")):
        for path in sorted(folder.glob("*.judgement.json")):
            found.append((name, path.name.split(".")[0], json.loads(path.read_text(encoding="utf-8"))["items"]))
    commit, folder = OLDEST_ROUND
    listing = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", f"{commit}:{folder}"],
                             capture_output=True, text=True)
    for name in listing.stdout.split():
        if name.endswith(".judgement.json"):
            shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{folder}/{name}"],
                                   capture_output=True, text=True)
            if shown.returncode == 0:
                found.append(("r0", name.split(".")[0], json.loads(shown.stdout)["items"]))
    return found


def as_item(row: dict) -> QuizItem:
    return QuizItem(id=row["id"], kind=row["type"], prompt=row["prompt"], answer=row["answer"],
                    options=tuple(row.get("options") or ()), tests=row.get("kind", ""),
                    source=QuizSource(row.get("course", ""), row.get("section", ""), row.get("source_quote", "")))


def measure() -> tuple[list[dict], list[str]]:
    rows = []
    evidence = {}
    for round_name, course, items in judged_rounds():
        if course not in evidence:
            evidence[course] = gen_quality.NotesEvidence(nlp.parse_lines(notes_lines(note_path(course))))
        for row in items:
            features = gen_quality.item_features(as_item(row), evidence[course], nlp.parse_line)
            rows.append({"round": round_name, "course": course, "id": row["id"], "keep": row["verdict"] == "keep",
                         "wrong": bool(row.get("wrong")), "type": row["type"], "tests": row.get("kind", ""),
                         "features": features})
    return rows, list(gen_quality.FEATURES)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """Logistic regression by Newton's method on standardised features (the intercept not penalised)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[1:], float(w[0]), mean, scale


def predict(x: np.ndarray, weights, intercept, mean, scale) -> np.ndarray:
    return 1 / (1 + np.exp(-(intercept + ((x - mean) / scale) @ weights)))


def cutoff_for(scores: np.ndarray, keep: np.ndarray, target: float) -> float:
    """The lowest score at which the items at or above it reach `target` kept share (on the courses
    fitted on); the highest score when none does."""
    order = np.argsort(-scores)
    best = float(scores.max())
    kept = 0
    for n, i in enumerate(order, start=1):
        kept += keep[i]
        if kept / n >= target and n >= 10:
            best = float(scores[i])
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, default=TARGET_PRECISION)
    parser.add_argument("--rounds", default="r0,r1,r2", help="rounds to learn from")
    parser.add_argument("--without", default="", help="measurements left out of the model (comma-separated)")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--write", action="store_true", help="write the model fitted on every course")
    args = parser.parse_args()
    print(f"machine: {platform.machine()} {platform.processor() or ''}, Python {platform.python_version()}")
    started = time.perf_counter()
    rows, names = measure()
    rows = [r for r in rows if r["round"] in args.rounds.split(",")]
    names = [n for n in names if n not in args.without.split(",")]
    print(f"{len(rows)} judged items measured in {time.perf_counter() - started:.0f} s")
    x = np.array([[r["features"][n] for n in names] for r in rows])
    y = np.array([1.0 if r["keep"] else 0.0 for r in rows])
    courses = sorted({r["course"] for r in rows})
    # keep_likely never passes a true/false statement on a name (gen_quality.undecidable)
    allowed = np.array([not (r["type"] == "true_false" and r["tests"] in ("person", "place", "organisation", "group"))
                        for r in rows])
    held = np.zeros(len(rows))
    passing = np.zeros(len(rows), dtype=bool)
    print(f"\nLeave-one-course-out (cut-off: kept share >= {args.target:.0%} on the other courses)")
    print("| course | items | kept before | cut-off | items passing | kept share of those | wrong passing |")
    print("|---|---|---|---|---|---|---|")
    per_round = defaultdict(lambda: [0, 0, 0, 0])
    for course in courses:
        test = np.array([r["course"] == course for r in rows])
        model = fit(x[~test], y[~test], args.l2)
        train = ~test & allowed
        cut = cutoff_for(predict(x[train], *model), y[train], args.target)
        held[test] = predict(x[test], *model)
        passing[test] = (held[test] >= cut) & allowed[test]
        n, k = int(test.sum()), int(y[test].sum())
        p = int(passing[test].sum())
        pk = int(y[test & passing].sum())
        wrong = sum(1 for i, r in enumerate(rows) if test[i] and passing[i] and r["wrong"])
        print(f"| {course} | {n} | {k / n:.0%} | {cut:.2f} | {p} ({p / n:.0%}) | "
              f"{(pk / p if p else float('nan')):.0%} | {wrong} |")
    for i, r in enumerate(rows):
        tally = per_round[r["round"]]
        tally[0] += 1
        tally[1] += y[i]
        tally[2] += passing[i]
        tally[3] += y[i] * passing[i]
    n, p = len(rows), int(passing.sum())
    print(f"| **all** | {n} | {y.mean():.0%} | | {p} ({p / n:.0%}) | {y[passing].mean():.0%} | "
          f"{sum(1 for i, r in enumerate(rows) if passing[i] and r['wrong'])} |")
    for name, (n, k, p, pk) in sorted(per_round.items()):
        print(f"  round {name}: {n} items, kept {k / n:.0%}; passing {int(p)} ({p / n:.0%}), kept share {pk / max(p, 1):.0%}")
    # The whole curve, held out: kept share and survivors at fixed cut-offs.
    pos, neg = held[y == 1], held[y == 0]
    auc = ((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())
    print(f"held-out AUC (keep against the rest): {auc:.3f}")
    for name in sorted({r["round"] for r in rows}):
        m = np.array([r["round"] == name for r in rows])
        pos, neg = held[m & (y == 1)], held[m & (y == 0)]
        print(f"  round {name}: held-out AUC "
              f"{(pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean():.3f}")
    print("\nHeld-out scores, all courses pooled: cut-off -> items passing, kept share among them")
    for cut in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        mask = held >= cut
        if mask.any():
            print(f"  >= {cut:.1f}: {mask.sum()} ({mask.mean():.0%}), kept {y[mask].mean():.0%}")
    print("\nHeld-out scores in fifths (lowest first): items, kept share")
    order = np.argsort(held)
    for part in np.array_split(order, 5):
        print(f"  {held[part].min():.2f}-{held[part].max():.2f}: {len(part)} items, kept {y[part].mean():.0%}, "
              f"wrong {sum(rows[i]['wrong'] for i in part)}")
    model = fit(x, y, args.l2)
    weights, intercept, mean, scale = model
    print("\nWeights on every course (standardised):")
    for n_, w in sorted(zip(names, weights), key=lambda t: -abs(t[1])):
        print(f"  {n_:20s} {w:+.2f}")
    cut = cutoff_for(predict(x[allowed], *model), y[allowed], args.target)
    print(f"cut-off on every course: {cut:.3f}")
    if args.write:
        r = lambda v: round(float(v), 4)  # noqa: E731
        model = {"fitted_by": "bench/quiz_quality_fit.py", "items": len(rows), "courses": courses,
                 "rounds": args.rounds, "l2": args.l2, "target_kept_share": args.target,
                 "weights": {n_: r(w) for n_, w in zip(names, weights)}, "intercept": r(intercept),
                 "means": {n_: r(m) for n_, m in zip(names, mean)}, "scales": {n_: r(s) for n_, s in zip(names, scale)},
                 "cutoff": round(cut, 3)}
        gen_quality.MODEL_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"written: {gen_quality.MODEL_FILE}")


if __name__ == "__main__":
    main()

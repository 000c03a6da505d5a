"""Fit the quiz items' quality score (bot/core/quiz/gen_quality.py) on the judges' verdicts and
measure it with each course held out in turn.

Every judged item (bench/quiz_judgement/roundN/*.judgement.json, and the previous session's round
from git history when it is there) whose notes are at hand (the development notes as the generator
reads them in bench/devsets, corpus/, the pool courses) is measured against its own notes; an
item judged in several rounds counts once, with its latest verdict. A logistic model (L2,
standardised features) learns keep (1) against borderline or drop (0). It learns only from items of
templates the generator still makes (`made_now`): a multiple-choice place or a who-did-what card is
never scored now, so its verdicts would only bend the weights of the templates that are.

Leave-one-course-out: for each course, the model is fitted on the other courses' verdicts only and
scores the course. The cut-off is chosen on those held-out scores of the latest rounds (`--evaluate`,
the current templates): the one with the highest kept share among the items passing, as long as at
least `--min-pass` of the items pass. The cut-off is measured as the generator applies it
(gen_quality.keep_likely): concept items are never cut, so they count as passing and the cut-off is
chosen on the others (`--cut-concepts` cuts them too). The table and the curve print items passing
per course against the kept share among them. Defaults: learn from every round, choose the cut-off
on round 3 on, weigh the measurements the current model file weighs (`--only all`: every one).

    .venv/bin/python bench/quiz_quality_fit.py            # held-out figures
    .venv/bin/python bench/quiz_quality_fit.py --write    # also write bot/core/quiz/gen_quality.json
    .venv/bin/python bench/quiz_quality_fit.py --made     # items the generator makes now, per course,
                                                          # with and without the cut-off
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core import nlp  # noqa: E402
from bot.core.chunking import chunk_document  # noqa: E402
from bot.core.loaders import load_document  # noqa: E402
from bot.core.quiz import gen_quality  # noqa: E402
from bot.core.quiz.gen_lexicon import CONCEPT_KINDS  # noqa: E402
from bot.core.quiz.gen_text import chunk_sentences, readable_text  # noqa: E402
from bot.core.quiz.items import QuizItem, QuizSource  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
JUDGED = Path(__file__).resolve().parent / "quiz_judgement"
POOL = ROOT.parent / "shared" / "eval" / "courses" / "notes"
if not POOL.is_dir():
    POOL = Path("/work/shared/eval/courses/notes")
# The previous session's round (an older generator) lives only in git history.
OLDEST_ROUND = ("30fa9f0", "bench/quiz_judgement")
L2 = 100.0  # strong: the templates change between rounds, so weights learned on one round must not lean hard
MIN_PASS = 0.6  # the cut-off passes at least this share of the held-out items of the latest rounds
_NAMES = ("person", "place", "organisation", "group")


# The notes of every judged course: the files the generator read (Markdown, Word, PDF, text).
DEV = ROOT / "bench" / "devsets"
DEV_SETS = ("notes24", "set16", "set17", "set18", "set19", "set20", "set21", "set22", "set23")


def note_path(course: str) -> Path | None:
    for folder in DEV_SETS:
        for ext in (".md", ".docx", ".pdf", ".txt"):
            found = DEV / folder / f"{course}{ext}"
            if found.exists():
                return found
    for found in (ROOT / "corpus" / f"{course}.txt", POOL / f"{course}.txt"):
        if found.exists():
            return found
    return None


def notes_chunks(path: Path):
    return chunk_document(load_document(path, path.name), max_chars=900)


def notes_lines(path: Path) -> list[str]:
    """The sentences of the notes as the generator reads them (gen_text)."""
    chunks = notes_chunks(path)
    lines = []
    for chunk in chunks:
        for quote, _ in chunk_sentences(chunk):
            text = readable_text(quote)
            if text:
                lines.append(text)
    return lines


def round_order(name: str) -> tuple[int, int, str]:
    """Rounds in the order they were judged: by number, an interim or a base round ("7a", "11-0",
    "15-base") before the round of its number, a mid-session one ("15-mid") before it too, the
    round's own extra sets ("26-dev", "26-new", "27-heldout") after it."""
    match = re.match(r"r(\d+)(.*)", name)
    number, rest = int(match.group(1)), match.group(2)
    rank = 0 if rest in ("a", "-0", "-base") else 1 if rest == "-mid" else 2 if not rest else 3
    return number, rank, rest


def judged_rounds() -> list[tuple[str, str, list[dict]]]:
    """(round, course, judged items) for every judgement file there is whose notes are at hand:
    roundN/ as rN, and the previous session's round (r0) from git history; in the order judged. An
    item judged again in a later round keeps only its later verdict (`latest_verdicts`)."""
    found = []
    commit, folder = OLDEST_ROUND
    listing = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", f"{commit}:{folder}"],
                             capture_output=True, text=True)
    for name in listing.stdout.split():
        if name.endswith(".judgement.json"):
            shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{folder}/{name}"],
                                   capture_output=True, text=True)
            if shown.returncode == 0:
                found.append(("r0", name.split(".")[0], json.loads(shown.stdout)["items"]))
    folders = sorted(JUDGED.glob("round*"), key=lambda f: round_order("r" + f.name.removeprefix("round")))
    for folder in folders:
        name = "r" + folder.name.removeprefix("round")
        for path in sorted(folder.glob("*.judgement.json")):
            found.append((name, path.name.split(".")[0], json.loads(path.read_text(encoding="utf-8"))["items"]))
    return [(r, c, items) for r, c, items in found if note_path(c) is not None]


def latest_verdicts(found: list[tuple[str, str, list[dict]]]) -> list[tuple[str, str, list[dict]]]:
    """The same, each (course, item id) only in the last round that judged it."""
    last = {}
    for r, c, items in found:
        for row in items:
            last[c, row["id"]] = r
    return [(r, c, [row for row in items if last[c, row["id"]] == r]) for r, c, items in found]


def made_now(row: dict) -> bool:
    """Whether the generator still makes items of this template and scores them (main ed5bb52, the
    kinds its items and its items under the cut-off have on the 34 development notes): no cause as
    multiple choice, no "What led to X?" card, no true/false statement on a name (gen_quality.undecidable),
    no who-did-what item (made, but never scored: Generator.keep_likely). A place blanked as multiple
    choice and a definition or term as multiple choice ("In the notes, which term means ...?") are
    made again since session 22."""
    kind, tests = row["type"], row.get("kind", "")
    if kind == "multiple_choice" and tests in ("cause", "region"):
        return False
    if kind == "true_false" and tests in _NAMES:
        return False
    return tests != "actor" and "What led to" not in row.get("prompt", "")


def as_item(row: dict) -> QuizItem:
    return QuizItem(id=row["id"], kind=row["type"], prompt=row["prompt"], answer=row["answer"],
                    options=tuple(row.get("options") or ()), tests=row.get("kind", ""),
                    source=QuizSource(row.get("course", ""), row.get("section", ""), row.get("source_quote", "")))


def measure() -> tuple[list[dict], list[str]]:
    rows = []
    evidence = {}
    measured: dict[tuple[str, str], dict[str, float]] = {}
    for round_name, course, items in latest_verdicts(judged_rounds()):
        if course not in evidence:
            evidence[course] = gen_quality.NotesEvidence(nlp.parse_lines(notes_lines(note_path(course))),
                                                         chunks=notes_chunks(note_path(course)))
        for row in items:
            if (course, row["id"]) not in measured:  # an item judged again in a later round is measured once
                measured[course, row["id"]] = gen_quality.item_features(as_item(row), evidence[course], nlp.parse_line)
            features = measured[course, row["id"]]
            rows.append({"round": round_name, "course": course, "id": row["id"], "keep": row["verdict"] == "keep",
                         "wrong": bool(row.get("wrong")), "type": row["type"], "tests": row.get("kind", ""),
                         "made_now": made_now(row), "features": features,
                         "prompt": row["prompt"], "answer": row["answer"], "judged_tests": row.get("tests", "")})
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


def auc(scores: np.ndarray, keep: np.ndarray) -> float:
    pos, neg = scores[keep == 1], scores[keep == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def within_course_auc(scores: np.ndarray, keep: np.ndarray, courses: np.ndarray) -> float:
    """AUC of kept against the rest inside each course, averaged by items: courses differ in how many
    items the judges keep, and a pooled AUC would credit the score for telling courses apart."""
    found = [(auc(scores[courses == c], keep[courses == c]), int((courses == c).sum())) for c in sorted(set(courses))]
    found = [(a, n) for a, n in found if a == a]
    return float(np.average([a for a, _ in found], weights=[n for _, n in found])) if found else float("nan")


def cutoff_for(scores: np.ndarray, keep: np.ndarray, min_pass: float, exempt: np.ndarray | None = None) -> float:
    """The cut-off with the highest kept share among the items passing it, among those passing at
    least `min_pass` of the items (the lower cut-off on a tie). `exempt` items pass whatever they score
    (concept items: gen_quality.keep_likely never cuts them), and count as passing."""
    exempt = np.zeros(len(scores), dtype=bool) if exempt is None else exempt
    best, best_share = float(scores[~exempt].min()) if (~exempt).any() else 0.0, -1.0
    for cut in np.unique(scores[~exempt]):
        passing = exempt | (scores >= cut)
        if passing.mean() < min_pass:
            break
        share = keep[passing].mean()
        if share > best_share + 1e-9:
            best, best_share = float(cut), share
    return best


def made_per_course(courses: list[str]) -> None:
    """What the generator makes now from each judged course's notes, with the cut-off and without:
    the other side of the trade-off (these items are not judged)."""
    from bot.core.quiz.generator import generate_items
    from bot.core.quiz.items import POSTABLE_KINDS

    print("| notes | words | items made without the cut-off | items made | postable | years | words per item |")
    print("|---|---|---|---|---|---|---|")
    totals = [0, 0, 0]
    for course in courses:
        path = note_path(course)
        chunks = chunk_document(load_document(path, path.name), max_chars=900)
        words = sum(len(c.text.split()) for c in chunks)
        every = generate_items(chunks, learned_cutoff=False)
        made = generate_items(chunks)
        postable = sum(1 for i in made if i.kind in POSTABLE_KINDS)
        years = sum(1 for i in made if i.tests == "date")
        totals = [totals[0] + len(every), totals[1] + len(made), totals[2] + words]
        print(f"| {course} | {words:,} | {len(every)} | {len(made)} | {postable} | {years} | "
              f"{(words / len(made)) if made else float('inf'):.0f} |")
    print(f"| **all** | {totals[2]:,} | {totals[0]} | {totals[1]} ({totals[1] / max(totals[0], 1):.0%}) | | | "
          f"{totals[2] / max(totals[1], 1):.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", default="", help="rounds to learn from (default: every round judged)")
    parser.add_argument("--evaluate", default="", help="rounds whose held-out scores choose the cut-off "
                        "(default: round 3 on, the templates made since round 3's rewrite)")
    parser.add_argument("--min-pass", type=float, default=MIN_PASS)
    parser.add_argument("--without", default="", help="measurements left out of the model (comma-separated)")
    parser.add_argument("--only", default=",".join(gen_quality.default_model().weights),
                        help="the measurements the model weighs (comma-separated; default: those of "
                             "gen_quality.json; 'all' for every one)")
    parser.add_argument("--cut-concepts", action="store_true",
                        help="measure the cut-off on concept items too (the generator never cuts them: "
                             "gen_quality.keep_likely; by default they pass, as there)")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--write", action="store_true", help="write the model fitted on every course")
    parser.add_argument("--made", action="store_true", help="only print what the generator makes now per course")
    parser.add_argument("--measurements", type=Path, help="a JSON file: measurements read from it when it "
                        "exists, written to it when not (to try fits without measuring again)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()} {platform.processor() or ''}, Python {platform.python_version()}, "
          f"load average {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    started = time.perf_counter()
    if args.made:
        made_per_course(sorted({course for _, course, _ in judged_rounds()}))
        print(f"({time.perf_counter() - started:.0f} s)")
        return
    if args.measurements and args.measurements.exists():
        rows, names = json.loads(args.measurements.read_text(encoding="utf-8"))
    else:
        rows, names = measure()
        if args.measurements:
            args.measurements.write_text(json.dumps([rows, names]), encoding="utf-8")
    print(f"{len(rows)} judged verdicts measured in {time.perf_counter() - started:.0f} s")
    rows = [r for r in rows if made_now({"type": r["type"], "kind": r["tests"], "prompt": r.get("prompt", "")})]
    names = [n for n in names if n not in args.without.split(",") and (args.only == "all" or n in args.only.split(","))]
    x = np.array([[r["features"][n] for n in names] for r in rows])
    y = np.array([1.0 if r["keep"] else 0.0 for r in rows])
    course_of = np.array([r["course"] for r in rows])
    round_of = np.array([r["round"] for r in rows])
    args.rounds = args.rounds or ",".join(sorted(set(round_of)))
    args.evaluate = args.evaluate or ",".join(sorted(set(round_of) - {"r0", "r1", "r2"}))
    train = np.isin(round_of, args.rounds.split(","))
    evaluated = np.isin(round_of, args.evaluate.split(","))
    # keep_likely cuts only items outside CONCEPT_KINDS: concept items pass whatever they score, so the
    # cut-off is chosen on the others and the figures count concept items as passing.
    exempt = np.zeros(len(rows), dtype=bool) if args.cut_concepts else \
        np.array([r["tests"] in CONCEPT_KINDS for r in rows])
    wrong = np.array([r["wrong"] for r in rows])
    courses = sorted(set(course_of))
    print(f"{len(rows)} verdicts on templates the generator still makes; learning from {int(train.sum())} "
          f"({args.rounds}), choosing the cut-off on {int(evaluated.sum())} ({args.evaluate})")
    held = np.zeros(len(rows))
    for course in courses:
        test = course_of == course
        model = fit(x[train & ~test], y[train & ~test], args.l2)
        held[test] = predict(x[test], *model)
    print("\nHeld-out AUC, kept against the rest, within each course (0.5: no better than chance), on every "
          "verdict and on the items the cut-off applies to:")
    for name in sorted(set(round_of)):
        m = round_of == name
        print(f"  round {name}: {int(m.sum())} verdicts, {within_course_auc(held[m], y[m], course_of[m]):.3f}; "
              f"{int((m & ~exempt).sum())} cut, "
              f"{within_course_auc(held[m & ~exempt], y[m & ~exempt], course_of[m & ~exempt]):.3f}")
    e = evaluated
    cut = cutoff_for(held[e], y[e], args.min_pass, exempt[e])
    passes = exempt | (held >= cut)
    print(f"\nCut-off chosen on the held-out scores of {args.evaluate}: {cut:.3f}")
    print("| held-out course | items | kept (all) | items passing | kept share of those | kept items lost | wrong passing |")
    print("|---|---|---|---|---|---|---|")
    for course in courses + ["**all**"]:
        m = e & ((course_of == course) if course != "**all**" else True)
        p = m & passes
        n, k = int(m.sum()), int(y[m].sum())
        print(f"| {course} | {n} | {k / n:.0%} | {int(p.sum())} ({p.sum() / n:.0%}) | "
              f"{(y[p].mean() if p.any() else float('nan')):.0%} | {k - int(y[p].sum())} of {k} | {int(wrong[p].sum())} |")
    print("\nPer round (held out by course): items, kept share; passing, kept share among them")
    for name in args.evaluate.split(","):
        m = e & (round_of == name)
        p = m & passes
        if m.any():
            print(f"  {name}: {int(m.sum())}, {y[m].mean():.0%}; {int(p.sum())}, {y[p].mean():.0%} "
                  f"(the cut-off's own: {int((m & ~exempt).sum())}, {y[m & ~exempt].mean():.0%}; "
                  f"{int((p & ~exempt).sum())}, {y[p & ~exempt].mean() if (p & ~exempt).any() else 0:.0%})")
    print(f"\nThe curve, held out ({args.evaluate}): cut-off -> items passing, kept share among them "
          "(items the cut-off applies to, then all items); per course: passing/items kept%")
    cut_on = e & ~exempt
    for q in np.quantile(held[cut_on], [0, .1, .2, .3, .4, .5, .6, .7, .8, .9]):
        p = e & (exempt | (held >= q))
        per = " ".join(f"{int((p & (course_of == c)).sum())}/{int((e & (course_of == c)).sum())} "
                       f"{(y[p & (course_of == c)].mean() if (p & (course_of == c)).any() else 0):.0%}"
                       for c in courses)
        print(f"  >= {q:.3f}: {int((p & cut_on).sum())}/{int(cut_on.sum())}, kept {y[p & cut_on].mean():.0%}; "
              f"all {int(p.sum())} ({p.sum() / e.sum():.0%}), kept {y[p].mean():.0%}  | {per}")
    model = fit(x[train], y[train], args.l2)
    weights, intercept, mean, scale = model
    print("\nWeights on every course (standardised):")
    for n_, w in sorted(zip(names, weights), key=lambda t: -abs(t[1])):
        print(f"  {n_:20s} {w:+.3f}")
    if args.write:
        r = lambda v: round(float(v), 4)  # noqa: E731
        model = {"fitted_by": "bench/quiz_quality_fit.py", "items": int(train.sum()), "courses": courses,
                 "rounds": args.rounds, "l2": args.l2, "cutoff_chosen_on": args.evaluate, "min_pass": args.min_pass,
                 "weights": {n_: r(w) for n_, w in zip(names, weights)}, "intercept": r(intercept),
                 "means": {n_: r(m) for n_, m in zip(names, mean)}, "scales": {n_: r(s) for n_, s in zip(names, scale)},
                 "cutoff": round(cut, 3)}
        gen_quality.MODEL_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"written: {gen_quality.MODEL_FILE}")


if __name__ == "__main__":
    main()

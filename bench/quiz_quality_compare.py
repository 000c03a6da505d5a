"""Held out course by course: the shipped quality model (bot/core/quiz/gen_quality.json) against
refits on every verdict there is (bench/quiz_quality_fit.py's measurements, each item's latest
verdict, templates made now).

For each candidate set of measurements: a logistic model is fitted on all courses but one and scores
that course; one cut-off (chosen on those held-out scores, at least --min-pass of the items passing,
concept items passing uncut as in gen_quality.keep_likely) then gives per course the items passing and
the kept share among them, and the kept items it loses. The shipped model is applied as it is (its
own weights and cut-off: on the 13 pool courses it saw rounds 0-8, so its figures there flatter it).

    .venv/bin/python bench/quiz_quality_compare.py --measurements M.json [--only a,b,c] [--select]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot.core.quiz import gen_quality  # noqa: E402
from bot.core.quiz.gen_lexicon import CONCEPT_KINDS  # noqa: E402
from quiz_quality_fit import L2, MIN_PASS, cutoff_for, fit, made_now, predict, within_course_auc  # noqa: E402


def shipped_courses() -> list[str]:
    return json.loads(gen_quality.MODEL_FILE.read_text(encoding="utf-8"))["courses"]


def held_out(x, y, courses, l2):
    held = np.zeros(len(y))
    for c in sorted(set(courses)):
        test = courses == c
        held[test] = predict(x[test], *fit(x[~test], y[~test], l2))
    return held


def table(title, scores, cut, y, courses, exempt, rows, show_lost=True):
    passes = exempt | (scores >= cut)
    print(f"\n### {title} (cut-off {cut:.3f})\n")
    print("| held-out course | items | kept | passing | kept share passing | kept lost | concept items |")
    print("|---|---|---|---|---|---|---|")
    for c in sorted(set(courses)) + ["**all**"]:
        m = (courses == c) if c != "**all**" else np.ones(len(y), dtype=bool)
        p = m & passes
        n, k = int(m.sum()), int(y[m].sum())
        print(f"| {c} | {n} | {k} ({k / n:.0%}) | {int(p.sum())} ({p.sum() / n:.0%}) | "
              f"{(y[p].mean() if p.any() else float('nan')):.0%} | {k - int(y[p].sum())} | {int((m & exempt).sum())} |")
    return passes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--measurements", type=Path, required=True)
    parser.add_argument("--only", default="")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--min-pass", type=float, default=MIN_PASS)
    parser.add_argument("--from-round", type=int, default=3, help="evaluate on rounds from this number on")
    parser.add_argument("--select", action="store_true", help="greedy forward selection by held-out AUC")
    parser.add_argument("--cut-concepts", action="store_true", help="the cut-off applies to concept items too")
    parser.add_argument("--lost", type=Path, help="write the kept items each model loses here")
    args = parser.parse_args()
    rows, names = json.loads(args.measurements.read_text(encoding="utf-8"))
    rows = [r for r in rows if made_now({"type": r["type"], "kind": r["tests"], "prompt": r["prompt"]})]
    rnum = np.array([int("".join(ch for ch in r["round"][1:] if ch.isdigit()) or 0) if r["round"][1:2].isdigit() else 0
                     for r in rows])
    y = np.array([1.0 if r["keep"] else 0.0 for r in rows])
    courses = np.array([r["course"] for r in rows])
    exempt = np.array([r["tests"] in CONCEPT_KINDS and not args.cut_concepts for r in rows])
    ev = rnum >= args.from_round
    print(f"{len(rows)} latest verdicts on templates made now, {len(set(courses))} courses; "
          f"evaluated: {int(ev.sum())} (round {args.from_round} on), of them {int((ev & ~exempt).sum())} the cut-off applies to")

    def x_of(feats):
        return np.array([[r["features"][n] for n in feats] for r in rows])

    shipped = gen_quality.default_model()
    old = np.array([shipped.score(r["features"]) for r in rows])
    old_exempt = np.array([r["tests"] in CONCEPT_KINDS for r in rows])
    cut_on = ev & ~exempt
    print(f"shipped model, within-course AUC on the cut items: {within_course_auc(old[cut_on], y[cut_on], courses[cut_on]):.3f}")
    table("shipped model (gen_quality.json as on main, concept items uncut)", old[ev], shipped.cutoff, y[ev], courses[ev],
          old_exempt[ev], rows)

    if args.select:
        chosen, best = [], 0.5
        pool = [n for n in names]
        while pool:
            trials = []
            for n in pool:
                h = held_out(x_of(chosen + [n]), y, courses, args.l2)
                trials.append((within_course_auc(h[cut_on], y[cut_on], courses[cut_on]), n))
            a, n = max(trials)
            print(f"  + {n}: within-course AUC (cut items, held out) {a:.3f}")
            if a < best + 0.003:
                break
            chosen.append(n)
            pool.remove(n)
            best = a
        print("selected:", ",".join(chosen))
        return

    feats = args.only.split(",") if args.only else list(shipped.weights)
    h = held_out(x_of(feats), y, courses, args.l2)
    print(f"refit on {','.join(feats)}: within-course AUC on the cut items, held out: "
          f"{within_course_auc(h[cut_on], y[cut_on], courses[cut_on]):.3f}")
    cut = cutoff_for(h[ev], y[ev], args.min_pass, exempt[ev])
    passes = table(f"refit on every verdict, held out per course: {','.join(feats)}", h[ev], cut, y[ev], courses[ev],
                   exempt[ev], rows)
    old_pass = old_exempt | (old >= shipped.cutoff)
    new_pass = exempt | (h >= cut)
    print("\nOn rounds 26 on (the ~40 courses of sessions 24-26):")
    m = rnum >= 26
    for label, p in (("shipped", old_pass), ("refit", new_pass)):
        q = m & p
        print(f"  {label}: {int(m.sum())} items, kept {y[m].mean():.0%}; passing {int(q.sum())} ({q.sum() / m.sum():.0%}), "
              f"kept share {y[q].mean():.0%}; kept lost {int(y[m].sum() - y[q].sum())}")
    unseen = ~np.isin(courses, shipped_courses())
    print(f"\nOn the {len(set(courses[unseen]))} courses the shipped model never learned from (round {args.from_round} on):")
    m = ev & unseen
    for label, p in (("shipped", old_pass), ("refit", new_pass)):
        q = m & p
        print(f"  {label}: {int(m.sum())} items, kept {y[m].mean():.0%}; passing {int(q.sum())} ({q.sum() / m.sum():.0%}), "
              f"kept share {y[q].mean():.0%}; kept lost {int(y[m].sum() - y[q].sum())}")
    print("\nThe refit's curve, held out (round %d on): cut-off -> passing, kept share, kept lost" % args.from_round)
    for q_ in np.quantile(h[ev & ~exempt], [0, .1, .2, .3, .4, .5, .6, .7]):
        p = ev & (exempt | (h >= q_))
        print(f"  >= {q_:.3f}: {int(p.sum())}/{int(ev.sum())} ({p.sum() / ev.sum():.0%}), kept {y[p].mean():.0%}, "
              f"lost {int(y[ev].sum() - y[p].sum())}")
    model = fit(x_of(feats), y, args.l2)
    print("\nWeights on every course (standardised):")
    for n_, w in sorted(zip(feats, model[0]), key=lambda t: -abs(t[1])):
        print(f"  {n_:20s} {w:+.3f}")
    if args.lost:
        with args.lost.open("w", encoding="utf-8") as out:
            for label, p_old, p_new in (("kept items the refit cuts and the shipped model passes", old_pass, new_pass),
                                        ("kept items the shipped model cuts and the refit passes", new_pass, old_pass)):
                out.write(f"## {label}\n\n")
                for i, r in enumerate(rows):
                    if ev[i] and y[i] and p_old[i] and not p_new[i]:
                        out.write(f"- {r['course']} {r['round']} {r['id']} [{r['type']}/{r['tests']}] {r['prompt']} -> {r['answer']}"
                                  f" (shipped {old[i]:.2f}, refit {h[i]:.2f})\n")
                out.write("\n")


if __name__ == "__main__":
    main()

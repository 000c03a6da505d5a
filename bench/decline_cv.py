"""When to decline, and when to be confident, checked on courses a rule was not fitted on.

Replays the searches recorded by `decline_search.py` (the halves set-up: six courses indexed as one
course, their covered and adversarial questions, and covered questions of the other six as
off-topic; then the halves swap) through today's answer layer with its fitted decline switched off,
and records for every question what that decline reads (`answering.Fit`). Then, over every split of
the twelve courses into six to fit on and six to check on (462 splits):

* decline: the linear score of `Fit` (logistic regression, `AnswerPolicy.decline_weights`) with its
  threshold chosen on the fit courses so that at most `--covered-limit` of their covered questions
  are declined; reported on the check courses: covered declined and off-topic declined;
* confident: `calibrate_tiers.py`'s rule fitted on the fit courses' records, reported on the check
  courses: confident precision, covered and adversarial answered confident.

A course's questions are in one side only: its covered and adversarial questions, and its covered
questions asked as off-topic of the other half's index.

    .venv/bin/python bench/decline_cv.py [--covered-limit 0.01] [--curve]
    .venv/bin/python bench/decline_cv.py --records      # refit on the last replay's records
    .venv/bin/python bench/decline_cv.py --records --weak   # the weak-answer decline, course by course held out
    .venv/bin/python bench/decline_cv.py --records --agreed # with the two searches' agreement (agreed_cosine)
    .venv/bin/python bench/decline_cv.py --records --phrase # and the phrase decline (phrase_similarity, phrase_match)
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from collections import defaultdict
from functools import partial

import numpy as np

import common

sys.path.insert(0, str(common.ROOT))

import decline_search as ds  # noqa: E402

OUT = common.OUT / "decline_cv"


def replay_records() -> list[dict]:
    from bot.core.answering import answer_question
    from bot.core.evaluation import answer_hit, first_sentence_hit

    records = []
    for service, pairs in ds.replay():
        retriever = service.retriever()
        # Every question is answered as if the fitted decline never declined: the fit sees all; and
        # as if both searches agreeing on a passage rescued it at any cosine (`agreed_cosine`),
        # with `agreement_rescued` saying whether it needed that.
        policy = dataclasses.replace(service.policy, decline_weights=(), weak_answer_similarity=0.0, weak_answer_match=0.0,
                                     scant_answer_similarity=-2.0, remote_answer_similarity=-2.0, thin_answer_similarity=-2.0,
                                     phrase_similarity=0.0, phrase_match=0.0, agreed_cosine=0.0)
        never = dataclasses.replace(policy, agreed_cosine=float("inf"))
        for asked, result in pairs:
            def answer_with(chosen):
                return answer_question(result, retriever.lexical, chosen, service.sentence_vectors,
                                       service.embedder.knows_word, lambda: retriever.vocabulary,
                                       retriever.passages_with)
            answer = answer_with(policy)
            rescued = not answer.abstained and answer_with(never).abstained
            record = {"course": asked.course, "kind": asked.kind, "question": asked.question,
                      "abstained": answer.abstained, "tier": answer.tier, "reason": answer.reason,
                      "answer": answer.text, "first": answer.sentences[0] if answer.sentences else "",
                      "match": answer.match, "similarity": answer.similarity,
                      "kind_ok": answer.kind_ok, "fit": dataclasses.asdict(answer.fit) if answer.fit else None,
                      "agreement_rescued": rescued, "top_cosine": max(h.dense for h in result.hits) if result.hits else 0.0}
            if asked.kind == "covered" and asked.answer:
                record["answer_hit"] = answer_hit(answer, asked.answer)
                record["first_sentence_hit"] = first_sentence_hit(answer, asked.answer)
            records.append(record)
    return records


def matrix(records: list[dict]) -> np.ndarray:
    from bot.core.answer_fit import Fit

    if any("_x" not in r for r in records):
        for r in records:
            r["_x"] = np.array(Fit(**r["fit"]).vector()) if r["fit"] else None
    return np.array([r["_x"] for r in records])


def fit_decline(records: list[dict], covered_limit: float, c: float = 1.0):
    """Weights (intercept first) of a logistic regression telling off-topic from covered questions
    among those answered, and the threshold that declines at most `covered_limit` of the covered
    ones besides those the rest of the layer declines already."""
    from sklearn.linear_model import LogisticRegression

    scored = [r for r in records if not r["abstained"] and r["kind"] in ("covered", "off-topic")]
    x = matrix(scored)
    y = np.array([r["kind"] == "off-topic" for r in scored])
    if y.all() or not y.any():
        return ()  # one kind only (a half not recorded): nothing to fit
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit((x - mean) / scale, y)
    weights = model.coef_[0] / scale
    intercept = model.intercept_[0] - float(mean @ weights)
    covered = [r for r in records if r["kind"] == "covered"]
    already = sum(r["abstained"] for r in covered)
    answered = [r for r in covered if not r["abstained"]]
    scores = sorted((intercept + matrix(answered) @ weights).tolist(), reverse=True) if answered else []
    allowed = int(covered_limit * len(covered))  # declined beyond those the rest of the layer declines
    threshold = scores[allowed] + 1e-6 if 0 <= allowed < len(scores) else (scores[0] + 1e-6 if scores else 0.0)
    return (float(intercept - threshold), *map(float, weights))


def declined(records: list[dict], weights) -> list[bool]:
    if not weights:
        return [r["abstained"] for r in records]
    w = np.array(weights[1:])
    return [r["abstained"] or (r["fit"] is not None and weights[0] + float(r["_x"] @ w) > 0) for r in records]


def declined_before(records: list[dict]) -> list[bool]:
    """The rule this replaces: cosine < 0.35 and the sentence and its passage carry < 0.8."""
    return [r["abstained"] or (r["fit"] is not None and r["fit"]["similarity"] < 0.35 and r["fit"]["match"] < 0.8
                               and r["fit"]["passage_match"] < 0.8) for r in records]


WEAK_GRID = [(a, b) for a in (0.35, 0.38, 0.40, 0.42, 0.45, 0.48, 0.50) for b in (0.6, 0.7, 0.8, 0.9, 1.01)]


def declined_weak(records: list[dict], cosine: float, share: float) -> list[bool]:
    """The weak-answer decline of `AnswerPolicy` at these thresholds: the best sentence's cosine
    below `cosine`, and it and its passage carrying less than `share` of the question's weight."""
    return [r["abstained"] or (r["fit"] is not None and r["fit"]["similarity"] < cosine and r["fit"]["match"] < share
                               and r["fit"]["passage_match"] < share) for r in records]


def decline_table(by_course: dict[str, list[dict]], grid, declined) -> dict:
    """(declined, asked) of each course's covered and off-topic questions under each setting of
    `grid`, `declined(records, *setting)` saying which are declined."""
    return {(course, setting): {kind: (sum(declined(group, *setting)), len(group))
                                for kind in ("covered", "off-topic")
                                for group in [[r for r in by_course[course] if r["kind"] == kind]]}
            for course in by_course for setting in grid}


def pooled(table: dict, setting, among: list[str]) -> tuple[float, float]:
    """Covered and off-topic shares declined under `setting`, over the courses `among`."""
    return tuple(sum(table[c, setting][k][0] for c in among) / max(1, sum(table[c, setting][k][1] for c in among))
                 for k in ("covered", "off-topic"))


def held_out(rows: list[tuple[str, dict]]) -> tuple[float, float]:
    """Covered and off-topic shares declined over the held-out courses' rows (course, counts)."""
    return tuple(sum(r[k][0] for _, r in rows) / sum(r[k][1] for _, r in rows) for k in ("covered", "off-topic"))


def print_per_course(rows: list[tuple[str, dict]]) -> None:
    for held, r in rows:
        print(f"    {held:24s} covered {r['covered'][0] / max(1, r['covered'][1]):.3f}  "
              f"off-topic {r['off-topic'][0] / max(1, r['off-topic'][1]):.3f}")


AGREED_GRID = [(a, b, c) for a in (0.4, 0.45, 0.5, 0.55, float("inf")) for b in (0.35, 0.38, 0.40, 0.42, 0.45, 0.48, 0.50)
               for c in (0.6, 0.7, 0.8)]


def declined_agreed(records: list[dict], agreed: float, cosine: float, share: float) -> list[bool]:
    """The weak-answer decline at (`cosine`, `share`), with an answer that only the two searches'
    agreement on its passage saved declined when that passage's cosine is below `agreed`."""
    weak = declined_weak(records, cosine, share)
    return [w or (r.get("agreement_rescued", False) and r["top_cosine"] < agreed) for r, w in zip(records, weak)]


def grid_curve(by_course: dict[str, list[dict]], grid, declined, header: str, describe, target: float,
               ties_to_fewer_covered: bool) -> None:
    """A decline's settings on `grid` (`declined(records, *setting)`): the in-sample frontier on
    all twelve courses, then leave-one-course-out: on eleven courses the setting declining most
    off-topic questions with at most `target` of the covered ones declined, checked on the twelfth;
    then the setting chosen on all twelve (its ties to the fewer covered declined if asked)."""
    courses = sorted(by_course)
    table = decline_table(by_course, grid, declined)
    shares_of = partial(pooled, table)
    print(header)
    best = -1.0
    for (cov, off), setting in sorted((shares_of(s, courses), s) for s in grid):
        if off > best:
            best = off
            print(f"  {describe(setting)}: covered declined {cov:.3f}, off-topic declined {off:.3f}")
    rows, chosen = [], []
    for held in courses:
        rest = [c for c in courses if c != held]
        allowed = [s for s in grid if shares_of(s, rest)[0] <= target] or grid
        setting = max(allowed, key=lambda s: (shares_of(s, rest)[1], -shares_of(s, rest)[0]))
        chosen.append(setting)
        rows.append((held, table[held, setting]))
    cov, off = held_out(rows)
    print(f"held out (most off-topic declined at covered <= {target} on the other eleven): covered declined {cov:.3f}, "
          f"off-topic declined {off:.3f}; chosen {sorted(set(chosen))}")
    print_per_course(rows)
    allowed = [s for s in grid if shares_of(s, courses)[0] <= target]
    if allowed:
        if ties_to_fewer_covered:
            setting = max(allowed, key=lambda s: (shares_of(s, courses)[1], -shares_of(s, courses)[0]))
        else:
            setting = max(allowed, key=lambda s: shares_of(s, courses)[1])
        print(f"on all twelve: {setting}: covered declined {shares_of(setting, courses)[0]:.3f}, "
              f"off-topic declined {shares_of(setting, courses)[1]:.3f}")


def agreed_curve(by_course: dict[str, list[dict]], target: float = 0.03) -> None:
    """`agreed_cosine` with the weak-answer pair, as `grid_curve` reports it."""
    grid_curve(by_course, AGREED_GRID, declined_agreed,
               "agreed cosine a, weak-answer cosine b and share c: in-sample frontier on all twelve",
               lambda s: f"a {s[0]:.2f} b {s[1]:.2f} c {s[2]:.1f}", target, ties_to_fewer_covered=False)


PHRASE_GRID = [(a, b, c, d, e) for a in (0.4, 0.45) for b in (0.35, 0.38, 0.40, 0.42) for c in (0.6,)
               for d in (0.0, 0.40, 0.45, 0.50, 0.55) for e in (0.4, 0.5, 0.6, 0.7, 0.8)]


def declined_phrase(records: list[dict], agreed: float, cosine: float, share: float, phrase_cosine: float,
                    phrase_match: float) -> list[bool]:
    """`declined_agreed`, and an answer none of whose question's neighbouring word pairs stand
    together in its passage (`Fit.phrase` 0) declined when its cosine is below `phrase_cosine`
    and its passage carries less than `phrase_match` of the question's weight."""
    before = declined_agreed(records, agreed, cosine, share)
    return [b or (r["fit"] is not None and r["fit"].get("phrase", 1.0) == 0 and r["fit"]["similarity"] < phrase_cosine
                  and r["fit"]["passage_match"] < phrase_match) for r, b in zip(records, before)]


def phrase_curve(by_course: dict[str, list[dict]], target: float = 0.03) -> None:
    """The phrase decline with the agreed cosine and the weak-answer pair, as `grid_curve` reports it."""
    grid_curve(by_course, PHRASE_GRID, declined_phrase,
               "agreed a, weak-answer b c, phrase cosine d and share e: in-sample frontier on all twelve",
               str, target, ties_to_fewer_covered=True)


WEAKER_GRID = [(0.4, b, 0.6, d, e, f, g) for b in (0.35, 0.38, 0.40) for d in (0.40, 0.45, 0.50) for e in (0.4, 0.5, 0.6)
               for f in (0.0, 0.40, 0.42, 0.45, 0.48, 0.50) for g in (0.3, 0.35, 0.4, 0.45)]


def declined_weaker(records: list[dict], agreed: float, cosine: float, share: float, phrase_cosine: float,
                    phrase_match: float, weaker_cosine: float, weaker_match: float) -> list[bool]:
    """`declined_phrase`, and the weak-answer decline's second step: a sentence closer in meaning
    (cosine below `weaker_cosine`) declined when it and its passage carry still less of the
    question's weight (below `weaker_match`)."""
    before = declined_phrase(records, agreed, cosine, share, phrase_cosine, phrase_match)
    return [b or (r["fit"] is not None and r["fit"]["similarity"] < weaker_cosine and r["fit"]["match"] < weaker_match
                  and r["fit"]["passage_match"] < weaker_match) for r, b in zip(records, before)]


def weaker_curve(by_course: dict[str, list[dict]], target: float = 0.03) -> None:
    """The weak-answer decline's second step with the rules before it, as `grid_curve` reports it."""
    grid_curve(by_course, WEAKER_GRID, declined_weaker,
               "agreed a, weak-answer b c, phrase d e, second weak step cosine f and share g: in-sample frontier",
               str, target, ties_to_fewer_covered=True)


def weak_rule_curve(by_course: dict[str, list[dict]]) -> None:
    """The weak-answer decline's thresholds: covered and off-topic declined on all courses for
    each pair (in-sample), then leave-one-course-out: the pair chosen on eleven courses (most
    off-topic declined less `weight` times covered declined, both as shares) checked on the twelfth."""
    courses = sorted(by_course)
    table = decline_table(by_course, WEAK_GRID, declined_weak)
    shares_of = partial(pooled, table)

    print("weak-answer decline, all twelve courses (in-sample): cosine < a, shares < b")
    for (cov, off), pair in sorted((shares_of(p, courses), p) for p in WEAK_GRID):
        print(f"  a {pair[0]:.2f} b {pair[1]:.2f}: covered declined {cov:.3f}, off-topic declined {off:.3f}")
    for weight in (1, 2, 4, 8):
        chosen, rows = [], []
        for held in courses:
            rest = [c for c in courses if c != held]
            pair = max(WEAK_GRID, key=lambda p: (shares_of(p, rest)[1] - weight * shares_of(p, rest)[0], -p[0]))
            chosen.append(pair)
            rows.append((held, table[held, pair]))
        cov, off = held_out(rows)
        print(f"held out, a covered decline weighed as {weight} off-topic ones: covered declined {cov:.3f}, "
              f"off-topic declined {off:.3f}; chosen {sorted(set(chosen))}")
        print_per_course(rows)


def shares(records: list[dict], weights, rule=None) -> dict[str, float]:
    out = {}
    for kind in ("covered", "off-topic", "adversarial"):
        group = [r for r in records if r["kind"] == kind]
        decided = rule(group) if rule else declined(group, weights)
        out[kind] = sum(decided) / len(group) if group else float("nan")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", action="store_true", help="refit on the last replay's records")
    parser.add_argument("--covered-limit", type=float, default=0.01,
                        help="share of the fit courses' covered questions the fitted decline may add to those declined")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation of the regression")
    parser.add_argument("--curve", action="store_true", help="print held-out figures for several limits")
    parser.add_argument("--weak", action="store_true",
                        help="the weak-answer decline's thresholds, in-sample and leave-one-course-out")
    parser.add_argument("--agreed", action="store_true",
                        help="the two searches' agreement (agreed_cosine) with the weak-answer pair, held out")
    parser.add_argument("--phrase", action="store_true",
                        help="the phrase decline with the agreed cosine and the weak-answer pair, held out")
    parser.add_argument("--weaker", action="store_true",
                        help="the weak-answer decline's second step (weaker_answer_*) with the rules before it, held out")
    args = parser.parse_args()
    common.print_machine()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "records.jsonl"
    if not args.records:
        records = replay_records()
        path.write_text("".join(json.dumps(r) + "\n" for r in records))
    records = [json.loads(line) for line in path.read_text().splitlines()]
    matrix([r for r in records if r["fit"]])
    by_course = defaultdict(list)
    for r in records:
        by_course[r["course"]].append(r)
    courses = sorted(by_course)
    splits = [set(s) for s in itertools.combinations(courses, len(courses) // 2) if courses[0] in s]
    if args.weak:
        weak_rule_curve(by_course)
        return
    if args.agreed:
        agreed_curve(by_course)
        return
    if args.phrase:
        phrase_curve(by_course)
        return
    if args.weaker:
        weaker_curve(by_course)
        return
    limits = [0.005, 0.01, 0.02] if args.curve else [args.covered_limit]
    print(f"{len(records)} records, {len(splits)} splits")
    print("without the fitted decline, all: " + ", ".join(f"{k} declined {v:.3f}" for k, v in shares(records, ()).items()))
    print("the rule before (cosine < 0.35, shares < 0.8), all: "
          + ", ".join(f"{k} declined {v:.3f}" for k, v in shares(records, (), declined_before).items()))
    for limit in limits:
        rows = []
        for chosen in splits:
            if len({r["kind"] for c in chosen for r in by_course[c]} & {"covered", "off-topic"}) < 2:
                continue
            fit_records = [r for c in chosen for r in by_course[c]]
            check_records = [r for c in courses if c not in chosen for r in by_course[c]]
            weights = fit_decline(fit_records, limit, args.c)
            rows.append((shares(fit_records, weights), shares(check_records, weights)))
        for name, index in (("fit", 0), ("check", 1)):
            values = {k: [row[index][k] for row in rows] for k in rows[0][index]}
            print(f"limit {limit:.3f} {name:>5}: " + "; ".join(
                f"{k} declined mean {np.mean(v):.3f} (min {min(v):.3f}, max {max(v):.3f})" for k, v in values.items()))
        over = sum(row[1]["covered"] > 0.03 for row in rows)
        under = sum(row[1]["off-topic"] < 0.97 for row in rows)
        print(f"   check halves with covered declined > 0.03: {over} of {len(rows)}; off-topic declined < 0.97: {under}")
    weights = fit_decline(records, args.covered_limit, args.c)
    print(f"fitted on all twelve (limit {args.covered_limit}): {tuple(round(w, 4) for w in weights)}: "
          + ", ".join(f"{k} {v:.3f}" for k, v in shares(records, weights).items()))


if __name__ == "__main__":
    main()

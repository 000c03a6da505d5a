"""Does an answer's tier depend on what else the course holds? (issue 15.5)

Replays the searches `decline_search.py` recorded for the same questions twice: each course indexed
alone (`--alone`), and the same course among the six of its half (the halves set-up). Both are
answered by today's answer layer (`--policy name=value` overrides a threshold of `AnswerPolicy`),
and per course it prints how many covered questions get the same tier and the same first sentence
alone and among six, confident answers alone / among six (with the share holding the fact),
covered questions declined, adversarial questions answered confident, and what the changes of tier
are. `--records DIR` writes both sides' records in the form `calibrate_tiers.py` reads.

`--choose` chooses `confident_match` course by course held out: every answer is replayed with the
share's threshold at 0 (so the tier's other conditions alone decide whether it may be confident),
the threshold is chosen on the other eleven courses' answers among six (the most covered questions
confident, with confident precision >= 0.95 + `--margin` and adversarial questions confident <=
0.5 - `--margin`), and applied to the twelfth course, alone and among six.

    .venv/bin/python bench/decline_search.py --half 0 && .venv/bin/python bench/decline_search.py --alone
    .venv/bin/python bench/tier_alone.py [--policy confident_match=0.7] [--records DIR] [--choose]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import common

sys.path.insert(0, str(common.ROOT))

import decline_search as ds  # noqa: E402


def answers(replayed, overrides: dict, kinds=("covered", "adversarial")) -> dict[tuple[str, str, str], dict]:
    from bot.core.answering import answer_question
    from bot.core.evaluation import answer_hit

    out = {}
    for service, pairs in replayed:
        retriever = service.retriever()
        policy = dataclasses.replace(service.policy, **overrides)
        for asked, result in pairs:
            if asked.kind not in kinds:
                continue
            answer = answer_question(result, retriever.lexical, policy, service.sentence_vectors,
                                     service.embedder.knows_word, lambda: retriever.vocabulary,
                                     retriever.passages_with)
            record = {"course": asked.course, "kind": asked.kind, "question": asked.question,
                      "abstained": answer.abstained, "tier": answer.tier, "reason": answer.reason,
                      "first": answer.sentences[0] if answer.sentences else "", "match": answer.match,
                      "tier_match": getattr(answer, "tier_match", answer.match),
                      "similarity": answer.similarity, "kind_ok": answer.kind_ok}
            if asked.kind == "covered" and asked.answer:
                record["answer_hit"] = answer_hit(answer, asked.answer)
            out[(asked.course, asked.kind, asked.question)] = record
    return out


SHARES = [round(0.4 + 0.025 * i, 3) for i in range(21)]  # 0.40 .. 0.90


def _tier_at(record: dict, share: float) -> str:
    """The tier of an answer replayed with the share's threshold at 0, at threshold `share`."""
    if record["tier"] == "confident" and record["tier_match"] < share:
        return "closest"
    return record["tier"]


def _confident(records: list[dict], share: float) -> tuple[int, int, float]:
    """(covered confident, of them holding the fact, adversarial share confident)."""
    covered = [r for r in records if r["kind"] == "covered"]
    adversarial = [r for r in records if r["kind"] == "adversarial"]
    sure = [r for r in covered if _tier_at(r, share) == "confident"]
    return (len(sure), sum(r.get("answer_hit", False) for r in sure),
            sum(_tier_at(r, share) == "confident" for r in adversarial) / max(len(adversarial), 1))


def _chosen_share(records: list[dict], margin: float) -> float:
    best, most = SHARES[-1], -1
    for share in SHARES:
        sure, held, adversarial = _confident(records, share)
        if sure and held / sure >= 0.95 + margin and adversarial <= 0.5 - margin and sure > most:
            best, most = share, sure
    return best


def choose(alone: dict, mixed: dict, margin: float) -> None:
    courses = sorted({key[0] for key in mixed})
    chosen, totals, same, covered = Counter(), Counter(), 0, 0
    for course in courses:
        share = _chosen_share([r for key, r in mixed.items() if key[0] != course], margin)
        chosen[share] += 1
        for name, side in (("alone", alone), ("mixed", mixed)):
            sure, held, _ = _confident([r for key, r in side.items() if key[0] == course], share)
            totals[name] += sure
            totals[name + " held"] += held
        for key, r in mixed.items():
            if key[0] == course and key[1] == "covered":
                covered += 1
                same += _tier_at(r, share) == _tier_at(alone[key], share)
    print(f"held out (margin {margin}): thresholds chosen {dict(sorted(chosen.items()))}; confident among six "
          f"{totals['mixed']} (precision {totals['mixed held'] / max(totals['mixed'], 1):.3f}), alone {totals['alone']} "
          f"(precision {totals['alone held'] / max(totals['alone'], 1):.3f}); same tier {same / max(covered, 1):.3f}")
    everywhere = _chosen_share(list(mixed.values()), margin)
    print(f"chosen on all twelve: {everywhere}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policy", action="append", default=[], help="name=value of AnswerPolicy")
    parser.add_argument("--courses", default="", help="only these courses (comma-separated)")
    parser.add_argument("--records", type=Path, default=None, help="write alone.jsonl and mixed.jsonl here")
    parser.add_argument("--choose", action="store_true", help="choose confident_match course by course held out")
    parser.add_argument("--margin", type=float, default=0.015)
    args = parser.parse_args()
    overrides = ds.policy_overrides(args.policy)
    if args.choose:
        overrides["confident_match"] = 0.0
    courses = args.courses.split(",") if args.courses else None
    from bot.core.embedding_model import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    alone = answers(ds.replay_alone(embedder, courses), overrides)
    mixed = {key: r for key, r in answers(ds.replay(embedder), overrides).items() if key in alone}
    if args.records:
        args.records.mkdir(parents=True, exist_ok=True)
        for name, records in (("alone", alone), ("mixed", mixed)):
            (args.records / f"{name}.jsonl").write_text("".join(
                json.dumps(r, ensure_ascii=False) + "\n" for r in records.values()))
    by_course = defaultdict(list)
    for key in alone:
        if key in mixed:
            by_course[key[0]].append(key)
    header = ("| course | n cov | same tier | same first sentence | confident alone / among six (precision) | "
              "covered declined alone / among six | adversarial confident alone / among six |")
    print(header)
    print("|---" * 7 + "|")
    changes = Counter()
    totals = defaultdict(float)
    for course in sorted(by_course) + ["all"]:
        keys = [k for c in sorted(by_course) for k in by_course[c]] if course == "all" else by_course[course]
        covered = [k for k in keys if k[1] == "covered"]
        adversarial = [k for k in keys if k[1] == "adversarial"]
        same = sum(alone[k]["tier"] == mixed[k]["tier"] for k in covered)
        first = sum(alone[k]["first"] == mixed[k]["first"] for k in covered)

        def confident(side, ks):
            sure = [k for k in ks if side[k]["tier"] == "confident"]
            hit = sum(side[k].get("answer_hit", False) for k in sure)
            return len(sure), (hit / len(sure) if sure else 1.0)

        ca, pa = confident(alone, covered)
        cm, pm = confident(mixed, covered)
        da = sum(alone[k]["abstained"] for k in covered) / max(len(covered), 1)
        dm = sum(mixed[k]["abstained"] for k in covered) / max(len(covered), 1)
        aa = sum(alone[k]["tier"] == "confident" for k in adversarial) / max(len(adversarial), 1)
        am = sum(mixed[k]["tier"] == "confident" for k in adversarial) / max(len(adversarial), 1)
        if course != "all":
            for k in covered:
                if alone[k]["tier"] != mixed[k]["tier"]:
                    changes[(alone[k]["tier"], mixed[k]["tier"])] += 1
        print(f"| {course} | {len(covered)} | {same / max(len(covered), 1):.3f} | {first / max(len(covered), 1):.3f} | "
              f"{ca} ({pa:.3f}) / {cm} ({pm:.3f}) | {da:.3f} / {dm:.3f} | {aa:.3f} / {am:.3f} |")
    print("covered questions whose tier changes (alone -> among six):",
          ", ".join(f"{a} -> {b}: {n}" for (a, b), n in changes.most_common()))
    if args.choose:
        choose(alone, mixed, args.margin)


if __name__ == "__main__":
    main()

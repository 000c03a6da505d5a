"""When to decline, checked on courses a rule was not fitted on.

Asks the development pool's questions (`answer_pool.py`'s set-ups, without plain hybrid):
* pool: all twelve notes as one course, each course's covered questions;
* halves: six courses as one course, their covered questions, and covered questions of the other
  six as off-topic (kept with the course they come from); then the halves swap.

Then the rule "decline when the best sentence has cosine < S with the question and both it and its
passage carry < M of the question's weight" (`AnswerPolicy.weak_answer_*`) is fitted on six
courses (the (S, M) that best trades off-topic questions declined against covered ones declined,
`--cost`: one covered question declined costs that many off-topic ones) and measured on the other
six, over every split. The records are made with the rule switched off, so the fit sees every
question the rest of the answer layer answers.

    .venv/bin/python bench/decline_cv.py [--sample 40] [--off-topic 40] [--cost 8]
    .venv/bin/python bench/decline_cv.py --from-records   # refit on the last run's records
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import random
import sys
from collections import Counter, defaultdict

import common

sys.path.insert(0, str(common.ROOT))

import answer_pool as ap  # noqa: E402

OUT = common.OUT / "decline_cv"
SIMILARITIES = [0.0, 0.35, 0.40, 0.45, 0.50, 0.55]
MATCHES = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]


def collect(sample: int, off_topic: int) -> None:
    from bot.core.answering import AnswerPolicy
    from bot.core.embedding_model import SentenceTransformerEmbedder
    from bot.core.evaluation import EvalQuestion, run_eval

    embedder = SentenceTransformerEmbedder()
    courses = sorted(p.stem for p in (ap.POOL / "notes").glob("*.txt"))
    OUT.mkdir(parents=True, exist_ok=True)
    for mode, groups in (("pool", [courses]), ("halves", [courses[0::2], courses[1::2]])):
        records = []
        for number, group in enumerate(groups, 1):
            work = OUT / f"{mode}{number}"
            service = ap.make_service(ap.course_corpus(work, group), work / "index", embedder)
            ap.fresh_index(service, ap.OUT / "embedding-cache.sqlite")
            service.policy = dataclasses.replace(service.policy, weak_answer_similarity=0.0, weak_answer_match=0.0)
            sets = [(c, [q for q in ap.load_course_questions(c, sample) if q.category == "covered"]) for c in group]
            if mode == "halves":
                for other in courses:
                    if other not in group:
                        covered = [q for q in ap.load_course_questions(other, None) if q.category == "covered"]
                        picked = random.Random(f"off:{number}:{other}").sample(covered, min(off_topic, len(covered)))
                        sets.append((other, [EvalQuestion(q.question, answerable=False, kind="off-topic")
                                             for q in picked]))
            for course, questions in sets:
                for record in run_eval(questions, service.ask).records:
                    records.append({**record, "course": course})
            ap.keep_cache(service)
            print(f"{mode} {number}: done", flush=True)
        (OUT / f"{mode}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))


def declined(record: dict, s: float, m: float) -> bool:
    if record["abstained"]:
        return True
    similarity = record.get("similarity")
    return (similarity is not None and similarity < s and record["match"] < m
            and record.get("passage_match", 1.0) < m)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=40, help="questions drawn per course")
    parser.add_argument("--off-topic", type=int, default=40, help="off-topic questions from each other course")
    parser.add_argument("--cost", type=float, default=8.0, help="off-topic questions one covered decline is worth")
    parser.add_argument("--from-records", action="store_true", help="refit on the last run's records")
    args = parser.parse_args()
    common.print_machine()
    if not args.from_records:
        collect(args.sample, args.off_topic)
    pool = [json.loads(line) for line in (OUT / "pool.jsonl").read_text().splitlines()]
    halves = [json.loads(line) for line in (OUT / "halves.jsonl").read_text().splitlines()]
    groups: dict[str, dict[str, list]] = {k: defaultdict(list) for k in ("pool", "halves", "off")}
    for r in pool:
        if r["kind"] == "covered":
            groups["pool"][r["course"]].append(r)
    for r in halves:
        if r["kind"] in ("covered", "off-topic"):
            groups["off" if r["kind"] == "off-topic" else "halves"][r["course"]].append(r)
    courses = sorted(groups["pool"])

    def figures(chosen, s, m):
        share = {k: [declined(r, s, m) for c in chosen for r in groups[k][c]] for k in groups}
        return {k: sum(v) / len(v) for k, v in share.items()}

    def fit(chosen):
        def gain(sm):
            f = figures(chosen, *sm)
            return f["off"] - args.cost * (f["pool"] + f["halves"]) / 2
        return max(itertools.product(SIMILARITIES, MATCHES), key=gain)

    splits = [set(c) for c in itertools.combinations(courses, len(courses) // 2) if courses[0] in c]
    rows, fitted = [], Counter()
    for chosen in splits:
        rule = fit(chosen)
        fitted[rule] += 1
        check = set(courses) - chosen
        rows.append((figures(check, 0.0, 0.0), figures(check, *rule)))
    print(f"{len(pool)} pool records, {len(halves)} halves records, {len(splits)} splits; rules fitted: "
          f"{fitted.most_common(4)}")
    for label, index in (("without the rule", 0), ("with the rule fitted on the other six", 1)):
        mean = {k: sum(row[index][k] for row in rows) / len(rows) for k in groups}
        low = min(row[index]["off"] for row in rows)
        print(f"check halves, {label}: covered declined {mean['pool']:.3f} (pool) {mean['halves']:.3f} (halves); "
              f"off-topic declined {mean['off']:.3f} (min {low:.3f})")
    rule = fit(set(courses))
    print(f"fitted on all twelve: similarity < {rule[0]}, match < {rule[1]}: "
          + ", ".join(f"{k} {v:.3f}" for k, v in figures(set(courses), *rule).items()))


if __name__ == "__main__":
    main()

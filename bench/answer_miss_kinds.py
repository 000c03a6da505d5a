"""The development pool's first-sentence misses put into kinds by their form, to tell which kind a
general rule could fix and how many questions it could reach.

Replays the searches `answer_replay.py record` kept (all twelve notes as one course) through this
checkout's answer layer. Every covered question answered without the fact in its first sentence
goes into the first of these kinds that fits:

* `no retrieved passage holds it`: retrieval's (`answer_misses.py` splits it by search rank);
* `another course's passage first`: the first sentence comes from another course's note (in the
  pool each course is one note); mostly questions pointing at what they never name ("this
  colony", "the new king") or asked in words another course shares;
* `kind asked for missing from the first`: a date, number, person or place question whose first
  sentence lacks one while a sentence holding the fact has it;
* `the right sentence leans on the one before`: every sentence holding the fact opens with a
  pronoun or refers back to the sentence before it for its subject (`sentences.refers_back`),
  so alone it lacks the question's names;
* `the right sentence left out`: no sentence holding the fact may answer by its words or meaning
  (`answering._answers`), for another reason;
* `the first names more of the question`: the first sentence carries more of the question's
  weight than the best right one: a sentence restating the question's subject or setting the
  scene, before the one giving the detail asked for;
* `the first wins on meaning or rank alone`: the right sentence carries as much of the question's
  weight, and the cosine, the passage's rank or a bonus put the other first;
* `no sentence holds it whole`: a retrieved passage holds the fact, no candidate's quoted text does
  (it spans two sentences, or its passage is past those the answer layer reads).

The kinds read the checkout's own rules (`refers_back`, the kind check): run on two codes, a
question may change kind because a rule did.

Each line of `--records` is one such question with its kind, the first candidate and the best right
one (score, share of the question's weight, cosine, kind held, place); `--show KIND` prints them.

    .venv/bin/python bench/answer_miss_kinds.py [--courses a,b] [--records out.jsonl] [--show PREFIX]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import answer_replay
import common
from answer_misses import where_in_passages
from sentence_rerank import answer_and_scored

sys.path.insert(0, str(common.ROOT))

KINDS = ("no retrieved passage holds it", "another course's passage first",
         "kind asked for missing from the first", "the right sentence leans on the one before", "the right sentence left out",
         "the first names more of the question", "the first wins on meaning or rank alone",
         "no sentence holds it whole")


def kind_of_miss(course: str, result, scored, every, kind, accepted) -> tuple[str, object, object]:
    """(kind, first candidate, best right candidate or None) of a first-sentence miss."""
    from bot.core.evaluation import holds
    from bot.core.question_kind import CHECKED
    from bot.core.sentences import _PRONOUN_LED, refers_back, shown_text

    first = scored[0]
    if not where_in_passages(result, accepted):
        return KINDS[0], first, None
    right = [c for c in scored if holds(shown_text(c), accepted)]
    right_every = [c for c in every if holds(shown_text(c), accepted)]
    best = (right or right_every or [None])[0]
    if Path(first.hit.chunk.document).stem != course:
        return KINDS[1], first, best
    if best is None:
        return KINDS[7], first, None
    if kind in CHECKED and not first.kind_ok and any(c.kind_ok for c in right_every):
        return KINDS[2], first, best
    if all(_PRONOUN_LED.match(c.text) or refers_back(c.text) for c in right_every):
        return KINDS[3], first, best
    if not right:
        return KINDS[4], first, best
    if first.match > best.match:
        return KINDS[5], first, best
    return KINDS[6], first, best


def described(c) -> dict | None:
    from bot.core.sentences import shown_text

    if c is None:
        return None
    return {"text": shown_text(c)[:400], "score": round(c.score, 3), "match": round(c.match, 3),
            "similarity": None if c.similarity is None else round(c.similarity, 3), "kind_ok": c.kind_ok,
            "passage": c.hit.chunk.document,
            "passage_rank": c.rank, "position": c.position, "on_topic": c.on_topic}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--courses", default="")
    parser.add_argument("--records", type=Path, default=None, help="write one line per miss here")
    parser.add_argument("--show", default="", help="print the misses of the kinds starting with this")
    args = parser.parse_args()
    from bot.core.evaluation import answer_hit, first_sentence_hit

    common.print_machine()
    courses = set(args.courses.split(",")) if args.courses else None
    label, items = answer_replay.load_items(courses)
    service = answer_replay.open_service(label)
    retriever = service.retriever()
    counts, in_answer, per_course = Counter(), Counter(), defaultdict(Counter)
    covered = hits = 0
    lines = []
    for item in items:
        if item["kind"] != "covered" or not item["answer"]:
            continue
        covered += 1
        answer, chosen_from = answer_and_scored(item["result"], retriever, service)
        if answer.abstained or chosen_from is None or first_sentence_hit(answer, item["answer"]):
            hits += not answer.abstained and first_sentence_hit(answer, item["answer"])
            continue
        scored, kind, every = chosen_from
        miss, first, best = kind_of_miss(item["course"], item["result"], scored, every, kind, item["answer"])
        held = answer_hit(answer, item["answer"])
        counts[miss] += 1
        in_answer[miss] += held
        per_course[item["course"]][miss] += 1
        line = {"course": item["course"], "question": item["question"], "accepted": list(item["answer"])[:3],
                "question_kind": kind, "miss": miss, "fact_in_answer": held, "answer": list(answer.sentences),
                "first": described(first), "right": described(best)}
        lines.append(line)
        if args.show and miss.startswith(args.show):
            right = line["right"]["text"][:250] if best is not None else "-"
            print(f"[{item['course']}] {item['question']}\n   accepted: {line['accepted'][:2]}\n"
                  f"   first: {line['first']['text'][:250]}\n   right: {right}\n")
    print(f"{covered} covered questions replayed on {label}; first sentence holds the fact: {hits}; "
          f"answered, first sentence without the fact: {sum(counts.values())}")
    print("\n| kind | misses | of them, the fact later in the answer |\n|---|---|---|")
    for kind in KINDS:
        print(f"| {kind} | {counts[kind]} | {in_answer[kind]} |")
    print("\n| course | " + " | ".join(KINDS) + " |\n|---|" + "---|" * len(KINDS))
    for course in sorted(per_course):
        print(f"| {course} | " + " | ".join(str(per_course[course][k]) for k in KINDS) + " |")
    if args.records:
        args.records.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))


if __name__ == "__main__":
    main()

"""What the answer layer does with the searches `decline_search.py` recorded (the halves set-up),
per course: fact in the answer and in its first sentence, covered questions declined, off-topic
questions declined, confident precision, adversarial questions answered confident. The answers are
today's `answer_question` on the recorded searches, called as `service.ask` calls it
(`--policy name=value` overrides a threshold of `AnswerPolicy`). Every answer's record goes to
bench/out/decline_report/<label>.jsonl, the off-topic questions answered to <label>-off-topic.txt
for reading by kind.

    .venv/bin/python bench/decline_search.py && .venv/bin/python bench/decline_report.py [--label now]
    .venv/bin/python bench/decline_report.py --label looser --policy weak_answer_similarity=0.35
    .venv/bin/python bench/decline_report.py --alone --label alone   # each course indexed alone
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import defaultdict

import common

sys.path.insert(0, str(common.ROOT))

import decline_search as ds  # noqa: E402

OUT = common.OUT / "decline_report"


def records(overrides: dict, alone: bool = False) -> list[dict]:
    from bot.core.answering import answer_question
    from bot.core.evaluation import answer_hit, first_sentence_hit

    out = []
    for service, pairs in (ds.replay_alone() if alone else ds.replay()):
        retriever = service.retriever()
        policy = dataclasses.replace(service.policy, **overrides)
        vectors = service.sentence_vectors.for_build(retriever.index.sentences)
        for asked, result in pairs:
            answer = answer_question(result, retriever.lexical, policy, vectors, service.embedder.knows_word,
                                     lambda: retriever.vocabulary, retriever.passages_with)
            record = {"course": asked.course, "kind": asked.kind, "question": asked.question,
                      "searched": result.question, "abstained": answer.abstained, "tier": answer.tier,
                      "reason": answer.reason, "sentences": list(answer.sentences),
                      "source": answer.citations[0].document if answer.citations else "",
                      "match": answer.match, "tier_match": answer.tier_match, "similarity": answer.similarity,
                      "fit": dataclasses.asdict(answer.fit) if answer.fit else None}
            if answer.citations:
                record.update(_found_shares(result, answer, retriever.lexical, policy))
            if asked.kind == "covered" and asked.answer:
                record["answer_hit"] = answer_hit(answer, asked.answer)
                record["first_sentence_hit"] = first_sentence_hit(answer, asked.answer)
            out.append(record)
    return out


def _found_shares(result, answer, lexical, policy) -> dict:
    """The shares of the question's weight the first sentence and its passage carry, the words
    weighed among the passages found (`found_weights`) as the confident tier weighs them."""
    from bot.core.found_weights import found_weights
    from bot.core.query import match_share, query_terms
    from bot.core.question_kind import cue_text
    from bot.core.tokens import tokenize

    hits = result.hits[: policy.passages]
    terms = query_terms(result.question, lexical, ignore=cue_text(result.question))
    weighed = found_weights(terms, [h.chunk.embedding_text() for h in hits], lexical)
    first = next((h for h in hits if h.chunk.id == answer.citations[0].chunk_id), None)
    if first is None or not weighed:
        return {}
    return {"found_passage_match": match_share(weighed, set(tokenize(first.chunk.embedding_text())), set(), 0.0),
            "found_sentence_match": match_share(weighed, set(tokenize(answer.sentences[0])), set(), 0.0),
            "first_row_rank": [h.row for h in hits].index(first.row)}


def table(rows: list[dict]) -> None:
    by_course = defaultdict(list)
    for r in rows:
        by_course[r["course"]].append(r)
    print("| course | n cov | fact | 1st | covered declined | off-topic declined | confident precision (answers) "
          "| adversarial confident |")
    print("|---" * 8 + "|")
    for course in sorted(by_course) + ["all"]:
        group = rows if course == "all" else by_course[course]
        cov = [r for r in group if r["kind"] == "covered"]
        off = [r for r in group if r["kind"] == "off-topic"]
        adv = [r for r in group if r["kind"] == "adversarial"]
        sure = [r for r in cov if r["tier"] == "confident"]
        share = (lambda xs, f: sum(map(f, xs)) / len(xs) if xs else float("nan"))
        print(f"| {course} | {len(cov)} | {share(cov, lambda r: r.get('answer_hit', False)):.3f} "
              f"| {share(cov, lambda r: r.get('first_sentence_hit', False)):.3f} "
              f"| {share(cov, lambda r: r['abstained']):.3f} ({sum(r['abstained'] for r in cov)}) "
              f"| {share(off, lambda r: r['abstained']):.3f} ({sum(not r['abstained'] for r in off)} answered) "
              f"| {share(sure, lambda r: r.get('answer_hit', False)):.3f} ({len(sure)}) "
              f"| {share(adv, lambda r: r['tier'] == 'confident'):.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="now")
    parser.add_argument("--policy", action="append", default=[], help="name=value of AnswerPolicy")
    parser.add_argument("--alone", action="store_true",
                        help="each course indexed alone (decline_search.py --alone; no off-topic questions)")
    args = parser.parse_args()
    common.print_machine()
    overrides = ds.policy_overrides(args.policy)
    rows = records(overrides, args.alone)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{args.label}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (OUT / f"{args.label}-off-topic.txt").write_text("".join(
        f"{r['course']} -> {r['source']} [{r['tier']}] {r['question']}\n    {r['sentences'][0]}\n"
        for r in rows if r["kind"] == "off-topic" and not r["abstained"]))
    table(rows)


if __name__ == "__main__":
    main()

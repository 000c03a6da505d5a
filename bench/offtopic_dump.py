"""What the answer layer reads when it answers a question about another course, beside what it reads
for covered ones: every answer of two `answer_replay.py` records replayed with this checkout's code,
written one JSON line each to bench/out/offtopic_dump/<label>.jsonl, and the off-topic questions
answered printed with their first sentence for reading by kind.

Covered (and adversarial) questions come from the pool record (twelve courses as one course); the
off-topic ones from a halves record (six courses as one, the other six's covered questions asked),
kept with the course they were written for (`course`), so that a rule can be chosen on eleven
courses and checked on the twelfth.

    .venv/bin/python bench/answer_replay.py record --halves --reuse --off-topic 0 --name searches-halves-all.pkl
    .venv/bin/python bench/offtopic_dump.py [--label now] [--pool searches.pkl] [--halves searches-halves-all.pkl]
        [--policy name=value]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

import answer_replay as ar
import common

sys.path.insert(0, str(common.ROOT))

OUT = common.OUT / "offtopic_dump"


def rows_of(service, items: list[dict], policy) -> list[dict]:
    from bot.core.answering import answer_question
    from bot.core.evaluation import answer_hit, first_sentence_hit

    retriever = service.retriever()
    out = []
    for item in items:
        result = item["result"]
        answer = answer_question(result, retriever.lexical, policy, service.sentence_vectors,
                                 service.embedder.knows_word, lambda: retriever.vocabulary, retriever.passages_with)
        off = item["kind"] == "off-topic"
        first = answer.citations[0] if answer.citations else None
        row = {"course": item.get("asked_from") if off else item["course"], "kind": item["kind"],
               "index": item.get("index", "pool"), "question": item["question"], "searched": result.question,
               "abstained": answer.abstained, "tier": answer.tier, "reason": answer.reason,
               "sentences": list(answer.sentences), "source": first.document if first else "",
               "chunk_id": first.chunk_id if first else "",
               "passage": next((h.chunk.embedding_text() for h in result.hits if first and h.chunk.id == first.chunk_id),
                               ""),
               "fit": dataclasses.asdict(answer.fit) if answer.fit else None}
        if item["kind"] == "covered" and item.get("answer"):
            row["answer_hit"] = answer_hit(answer, item["answer"])
            row["first_sentence_hit"] = first_sentence_hit(answer, item["answer"])
        out.append(row)
    return out


def main() -> None:
    import decline_search as ds

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="now")
    parser.add_argument("--pool", default="searches.pkl", help="the pool record in bench/out/answer_replay")
    parser.add_argument("--halves", default="searches-halves-all.pkl", help="the halves record there")
    parser.add_argument("--policy", action="append", default=[], help="name=value of AnswerPolicy")
    args = parser.parse_args()
    overrides = ds.policy_overrides(args.policy)
    label, items = ar.load_items(None, ar.OUT / args.pool)
    service = ar.open_service(label)
    rows = rows_of(service, items, dataclasses.replace(service.policy, **overrides))
    _, off = ar.load_items(None, ar.OUT / args.halves)
    for index in sorted({i["index"] for i in off}):
        service = ar.open_service(label, Path(index))
        rows += rows_of(service, [i for i in off if i["index"] == index],
                        dataclasses.replace(service.policy, **overrides))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{args.label}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    cov = [r for r in rows if r["kind"] == "covered"]
    offs = [r for r in rows if r["kind"] == "off-topic"]
    sure = [r for r in cov if r["tier"] == "confident"]
    adv = [r for r in rows if r["kind"] == "adversarial"]
    print(f"covered {len(cov)}: fact {sum(r.get('answer_hit', False) for r in cov) / len(cov):.3f}, "
          f"declined {sum(r['abstained'] for r in cov) / len(cov):.3f} ({sum(r['abstained'] for r in cov)}); "
          f"confident precision {sum(r.get('answer_hit', False) for r in sure) / max(1, len(sure)):.3f} ({len(sure)}); "
          f"adversarial confident {sum(r['tier'] == 'confident' for r in adv) / max(1, len(adv)):.3f}; "
          f"off-topic {len(offs)}: declined {sum(r['abstained'] for r in offs) / max(1, len(offs)):.3f} "
          f"({sum(not r['abstained'] for r in offs)} answered)")


if __name__ == "__main__":
    main()

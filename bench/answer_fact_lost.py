"""Covered questions of the development pool answered without the fact while a sentence of the
passages the answer layer reads holds it: each with the answer's sentences and the candidates
holding the fact (score, share of the question's weight, cosine, kind held, on topic, whether it
may answer at all, its place among those that may). For reading by hand.

    .venv/bin/python bench/answer_fact_lost.py [--name searches-s24.pkl] [--records out.jsonl] [--courses a,b]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import answer_replay
import common
from sentence_rerank import answer_and_scored

sys.path.insert(0, str(common.ROOT))


def row(c, place=None):
    from bot.core.sentences import shown_text
    return {"text": shown_text(c)[:500], "score": round(c.score, 3), "match": round(c.match, 3),
            "sim": None if c.similarity is None else round(c.similarity, 3), "kind_ok": c.kind_ok,
            "on_topic": c.on_topic, "doc": Path(c.hit.chunk.document).stem, "rank": c.rank, "pos": c.position,
            "place": place, "lead_in": bool(c.lead_in), "followers": bool(c.followers), "context": c.context[:200]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--name", default="searches-s24.pkl")
    parser.add_argument("--records", type=Path, required=True)
    parser.add_argument("--courses", default="")
    args = parser.parse_args()
    from bot.core.evaluation import answer_hit, holds
    from bot.core.sentences import shown_text
    from bot.core.text import split_sentences

    courses = set(args.courses.split(",")) if args.courses else None
    label, items = answer_replay.load_items(courses, answer_replay.OUT / args.name)
    service = answer_replay.open_service(label)
    retriever = service.retriever()
    out = []
    for item in items:
        if item["kind"] != "covered" or not item["answer"]:
            continue
        answer, chosen_from = answer_and_scored(item["result"], retriever, service)
        if answer.abstained or answer_hit(answer, item["answer"]):
            continue
        accepted = item["answer"]
        in_top5 = any(holds(s, accepted) for h in item["result"].hits[:5] for s in split_sentences(h.chunk.text))
        in_all = any(holds(s, accepted) for h in item["result"].hits for s in split_sentences(h.chunk.text))
        line = {"course": item["course"], "question": item["question"], "accepted": list(accepted)[:4],
                "answer": list(answer.sentences), "tier": answer.tier, "in_top5": in_top5, "in_all": in_all}
        if chosen_from is not None:
            scored, kind, every = chosen_from
            ids = {id(c): i for i, c in enumerate(scored)}
            line["kind"] = kind
            line["top"] = [row(c, i) for i, c in enumerate(scored[:3])]
            line["right"] = [row(c, ids.get(id(c))) for c in every if holds(shown_text(c), accepted)][:4]
            line["right_text"] = [row(c) for c in every if holds(c.text, accepted) and not holds(shown_text(c), accepted)][:2]
        out.append(line)
    args.records.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in out))
    print(len(out), "answered without the fact;", sum(x["in_all"] for x in out), "with a passage sentence holding it;",
          sum(x["in_top5"] for x in out), "in the top five;", sum(bool(x.get("right")) for x in out), "a candidate's shown text holds it")


if __name__ == "__main__":
    main()

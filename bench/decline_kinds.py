"""Words of each question that neither the notes nor everyday English use (coverage.unfamiliar_words),
with their place in the question's parse, beside the bot's answer: which of them a rule reading the
question's key term would take, on covered and on uncovered questions (session 26, lane ansdecl).

    .venv/bin/python bench/decline_kinds.py dev SEARCHES.pkl [...] --out rows.jsonl
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import common

sys.path.insert(0, str(common.ROOT))


def _parse_roles(question: str, found: list[str]) -> list[dict]:
    from bot.core.nlp import pipeline

    doc = pipeline()(question)
    rows = []
    for word in found:
        for tok in doc:
            if tok.text.lower() == word.lower() or word.lower() in tok.text.lower().split("-"):
                rows.append({"word": word, "pos": tok.pos_, "dep": tok.dep_, "head": tok.head.text,
                             "head_pos": tok.head.pos_, "head_dep": tok.head.dep_})
                break
        else:
            rows.append({"word": word})
    return rows


def _row(question, answer, kind, extra, lexical, common_word):
    from bot.core.coverage import unfamiliar_words

    found = unfamiliar_words(question, lexical, common_word)
    return {"question": question, "kind": kind, "abstained": answer.abstained, "tier": answer.tier,
            "reason": answer.reason, "first": answer.sentences[0] if answer.sentences else "",
            "unfamiliar": _parse_roles(question, found) if found else [], **extra}


def dev(args):
    import dev_replay
    from bot.core.evaluation import answer_hit
    from sentence_rerank import answer_and_scored

    rows = []
    for path in args.searches:
        data = pickle.loads(Path(path).read_bytes())
        service = dev_replay._service(Path(data["corpus"]), Path(data["index"]), Path(path).with_suffix(".vectors.npz"))
        retriever = service.retriever()
        vectors = service.sentence_vectors.for_build(retriever.index.sentences)

        class _Service:
            policy = service.policy
            sentence_vectors = vectors
            embedder = service.embedder

        for item in data["items"]:
            answer, _ = answer_and_scored(item["result"], retriever, _Service)
            extra = {"set": item["set"]}
            if item["answerable"] and item["answer"]:
                extra["answer_hit"] = answer_hit(answer, item["answer"])
            rows.append(_row(item["result"].question, answer, item["kind"], extra, retriever.lexical,
                             service.embedder.knows_word))
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["dev"])
    p.add_argument("searches", nargs="*")
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args()
    rows = dev(args)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    withw = [r for r in rows if r["unfamiliar"]]
    print(len(rows), "questions,", len(withw), "with an unfamiliar word")


if __name__ == "__main__":
    main()

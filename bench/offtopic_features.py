"""Word-level features of every answered question of an offtopic_dump record pair, beside what the
answer layer reads: for the question's terms the notes know, the heaviest one (its IDF in these
notes) and whether the answer's passage, the answer's sentences and the passages found use it.
Written to bench/out/offtopic_dump/<label>-features.jsonl, read by offtopic_elsewhere_choose.py
(RESULTS 6ap). Runs the answer layer of this checkout, as offtopic_dump.py does; `terms` holds, heaviest
first, (stem, weight, in the answer's passage, in its sentences, in the first three passages found).

    .venv/bin/python bench/offtopic_features.py --label now --pool searches.pkl --halves searches-halves-all.pkl
        [--policy elsewhere_answer_similarity=-2]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import answer_replay as ar
import common

sys.path.insert(0, str(common.ROOT))

OUT = common.OUT / "offtopic_dump"


def rows_of(service, items, policy, where):
    from bot.core.answering import answer_question
    from bot.core.evaluation import answer_hit
    from bot.core.query import query_terms
    from bot.core.question_kind import cue_text
    from bot.core.tokens import tokenize

    retriever = service.retriever()
    lexical = retriever.lexical
    out = []
    for item in items:
        result = item["result"]
        answer = answer_question(result, lexical, policy, service.sentence_vectors, service.embedder.knows_word,
                                 lambda: retriever.vocabulary, retriever.passages_with)
        if answer.abstained or item["kind"] == "adversarial":
            continue
        first = answer.citations[0]
        passage = next(h.chunk.embedding_text() for h in result.hits if h.chunk.id == first.chunk_id)
        terms = query_terms(result.question, lexical, ignore=cue_text(result.question))
        known = [t for t in terms if any(a in lexical.doc_freq for a in t.alternatives)]
        own, said = set(tokenize(passage)), set(tokenize(" ".join(answer.sentences)))
        found = set()
        for h in result.hits[:3]:
            found |= set(tokenize(h.chunk.embedding_text()))
        ranked = sorted(known, key=lambda t: -t.weight)
        off = item["kind"] == "off-topic"
        out.append({
            "course": item.get("asked_from") if off else item["course"], "kind": item["kind"], "where": where,
            "question": item["question"], "tier": answer.tier, "sentence": answer.sentences[0],
            "hit": bool(answer_hit(answer, item["answer"])) if not off and item.get("answer") else None,
            "similarity": answer.fit.similarity if answer.fit else None,
            "terms": [(t.stem, round(t.weight, 2), t.found_in(own), t.found_in(said), t.found_in(found)) for t in ranked],
        })
    return out


def main() -> None:
    import dataclasses

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="now")
    parser.add_argument("--pool", default="searches.pkl")
    parser.add_argument("--halves", default="searches-halves-all.pkl")
    parser.add_argument("--policy", action="append", default=[], help="name=value of AnswerPolicy")
    args = parser.parse_args()
    import decline_search as ds

    overrides = ds.policy_overrides(args.policy)
    label, items = ar.load_items(None, ar.OUT / args.pool)
    service = ar.open_service(label)
    rows = rows_of(service, items, dataclasses.replace(service.policy, **overrides), "pool")
    _, off = ar.load_items(None, ar.OUT / args.halves)
    for index in sorted({i["index"] for i in off}):
        service = ar.open_service(label, Path(index))
        rows += rows_of(service, [i for i in off if i["index"] == index],
                        dataclasses.replace(service.policy, **overrides), "six")
    (OUT / f"{args.label}-features.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    print(len(rows), "answered rows written")


if __name__ == "__main__":
    main()

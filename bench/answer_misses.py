"""Where the covered answers of the development pool lose the fact, by kind of failure.

Replays the searches `answer_replay.py record` kept (all twelve notes as one course, every covered
question) through this checkout's answer layer and puts every covered question in one group:

* `hit`: the fact is in the answer (and, separately counted, in its first sentence);
* `decline`: the answer is "not covered" (split by whether a retrieved passage holds the fact);
* `retrieval`: answered, but no passage the search returned holds the fact;
* `selection`: a returned passage holds it, the sentences chosen do not (split by where: the
  sentence just after or before the first chosen one, elsewhere in its passage, another passage).

The same split is made for the first sentence. For retrieval misses it also says where the
passage holding the fact stood in each search (dense and word ranks, to the search's depth), to
tell whether more candidate passages or a better fusion would reach it.

    .venv/bin/python bench/answer_misses.py [--courses a,b] [--records out.jsonl] [--show KIND]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import answer_replay
import common

sys.path.insert(0, str(common.ROOT))


def where_in_passages(result, accepted) -> list[tuple[int, int]]:
    """(passage rank, sentence position) of every retrieved sentence holding an accepted answer."""
    from bot.core.evaluation import holds
    from bot.core.text import split_sentences

    return [(rank, position) for rank, hit in enumerate(result.hits)
            for position, sentence in enumerate(split_sentences(hit.chunk.text)) if holds(sentence, accepted)]


def passage_of(result, sentence: str) -> tuple[int, int] | None:
    """(passage rank, sentence position) of a quoted sentence (its last part: a context or lead-in
    may be quoted before it)."""
    from bot.core.text import split_sentences

    for rank, hit in enumerate(result.hits):
        for position, text in enumerate(split_sentences(hit.chunk.text)):
            if text and text in sentence and sentence.endswith(text):
                return rank, position
    for rank, hit in enumerate(result.hits):
        for position, text in enumerate(split_sentences(hit.chunk.text)):
            if text and text in sentence:
                return rank, position
    return None


def classify(answer, result, accepted, first_only: bool) -> str:
    from bot.core.evaluation import answer_hit, first_sentence_hit, holds

    held = first_sentence_hit(answer, accepted) if first_only else answer_hit(answer, accepted)
    if held:
        return "hit"
    places = where_in_passages(result, accepted)
    if answer.abstained:
        return "decline (fact retrieved)" if places else "decline (fact not retrieved)"
    if not places:
        # The fact may still be in the text quoted (a heading, a list's lead-in): then not retrieval.
        return "retrieval"
    if first_only and holds(answer.text, accepted):
        return "selection: in a later sentence of the answer"
    first = passage_of(result, answer.sentences[0])
    if first is None:
        return "selection: elsewhere"
    rank, position = first
    if (rank, position + 1) in places:
        return "selection: next sentence"
    if (rank, position - 1) in places:
        return "selection: previous sentence"
    if any(r == rank for r, _ in places):
        return "selection: same passage"
    return "selection: another passage"


def ranks_of_fact(retriever, question: str, accepted) -> tuple[int | None, int | None] | None:
    """Where the first passage holding the fact stands in the dense and in the word search (1-based,
    None when past the search's depth); None when no passage of the notes holds it as written."""
    from bot.core.evaluation import holds
    from bot.core.spelling import correct_spelling

    index = retriever.index
    rows = {row for row, chunk in enumerate(index.chunks) if holds(chunk.text, accepted)}
    if not rows:
        return None
    asked = correct_spelling(question, lambda: retriever.vocabulary, lambda s: s in retriever.lexical.doc_freq,
                             retriever.embedder.knows_word)
    expanded = retriever._spell_out(asked)
    vector = retriever.embedder.encode_query(expanded)
    dense = list(retriever._dense(vector))
    lexical = [row for row, _ in retriever.lexical.top(retriever._lexical_query(expanded), retriever.depth)]
    def first(ranking):
        return next((i + 1 for i, row in enumerate(ranking) if row in rows), None)
    return first(dense), first(lexical)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--courses", default="")
    parser.add_argument("--records", type=Path, default=None, help="write one line per covered question here")
    parser.add_argument("--show", default="", help="print the questions of this group (a prefix)")
    args = parser.parse_args()
    from bot.core.answering import answer_question

    courses = set(args.courses.split(",")) if args.courses else None
    label, items = answer_replay.load_items(courses)
    service = answer_replay.open_service(label)
    retriever = service.retriever()
    policy = service.policy
    whole, first = Counter(), Counter()
    per_course = defaultdict(Counter)
    depth = Counter()
    lines = []
    for item in items:
        if item["kind"] != "covered" or not item["answer"]:
            continue
        result = item["result"]
        answer = answer_question(result, retriever.lexical, policy, service.sentence_vectors,
                                 service.embedder.knows_word, lambda: retriever.vocabulary, retriever.passages_with)
        kind = classify(answer, result, item["answer"], first_only=False)
        kind1 = classify(answer, result, item["answer"], first_only=True)
        whole[kind] += 1
        first[kind1] += 1
        per_course[item["course"]][kind] += 1
        line = {"course": item["course"], "question": item["question"], "accepted": list(item["answer"]),
                "answer": answer.sentences, "tier": answer.tier, "reason": answer.reason, "miss": kind,
                "first_miss": kind1}
        if kind == "retrieval" or kind == "decline (fact not retrieved)":
            ranks = ranks_of_fact(retriever, result.question, item["answer"])
            if ranks is None:
                where = "no passage holds it as written"
            else:
                line["fact_dense_rank"], line["fact_word_rank"] = ranks
                best = min((r for r in ranks if r is not None), default=None)
                where = ("past both searches' depth" if best is None else "a search's top 10" if best <= 10
                         else "a search's top 20" if best <= 20 else "a search's top 30")
            depth[f"{kind}: {where}"] += 1
        lines.append(line)
        if args.show and (kind.startswith(args.show) or kind1.startswith(args.show)):
            print(f"[{item['course']}] {item['question']}\n   accepted: {item['answer'][:2]}\n   "
                  f"answer ({kind} / {kind1}): {' | '.join(answer.sentences)[:400]}\n")
    n = sum(whole.values())
    print(f"{n} covered questions, replayed on {label}")
    for title, counts in (("fact in the answer", whole), ("fact in the first sentence", first)):
        print(f"\n{title}:")
        for kind, count in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"  {kind:45s} {count:5d}  {count / n:.3f}")
    print("\nretrieval misses and declines without the fact retrieved: best rank of a passage holding it")
    for kind, count in sorted(depth.items()):
        print(f"  {kind:60s} {count:5d}")
    print("\nper course (fact in the answer):")
    kinds = sorted(whole, key=lambda k: -whole[k])
    print("| course | " + " | ".join(kinds) + " |")
    for course in sorted(per_course):
        print(f"| {course} | " + " | ".join(str(per_course[course][k]) for k in kinds) + " |")
    if args.records:
        args.records.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))


if __name__ == "__main__":
    main()

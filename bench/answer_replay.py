"""Re-answer the development pool's questions from recorded searches: the answer layer alone, in
seconds, to try a change of sentence choice on thousands of questions before measuring it whole
with answer_pool.py.

`record` opens the index an `answer_pool.py --mode pool` run built (all twelve notes as one course),
searches every question once (question vectors embedded in one batch) and keeps the results in
bench/out/answer_replay/searches.pkl. `record --halves` builds answer_pool.py's `halves` set-up (six
courses indexed as one course, 25 covered questions of each of the other six asked as off-topic,
then the halves swap) and records those off-topic searches in searches-halves.pkl: what a change
costs in declining questions the notes do not cover. `replay` answers them again with the code of this checkout and
prints, per course, fact in the answer, fact in the first sentence, sentences per answer and covered
declined, beside plain hybrid top-1/2/3 sentences of the same searches (as answer_pool.py counts
them). A change to retrieval needs a new `record`; a change to answering does not.

    .venv/bin/python bench/answer_replay.py record [--label cur0] [--sample 40] [--halves]
    .venv/bin/python bench/answer_replay.py replay [--courses a,b] [--records out.jsonl] [--halves]
    .venv/bin/python bench/answer_replay.py record --halves --reuse --off-topic 0 --name searches-halves-all.pkl
        (every covered question of the other six courses, on the half indexes already built)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import random
import sys
from pathlib import Path

import numpy as np

import answer_pool
import common

sys.path.insert(0, str(common.ROOT))

OUT = common.OUT / "answer_replay"
SEARCHES = OUT / "searches.pkl"
HALVES = OUT / "searches-halves.pkl"


def open_service(label: str, work: Path | None = None):
    """The service of an index answer_pool.py built, loaded as it is (no rebuild)."""
    from bot.core.embedding_model import SentenceTransformerEmbedder

    work = work or answer_pool.OUT / label / "pool"
    if not (work / "index").is_dir():
        raise SystemExit(f"no index at {work / 'index'}: run answer_pool.py --mode pool --label {label} first")
    embedder = answer_pool.BatchedQueries(SentenceTransformerEmbedder(), answer_pool.OUT / "query-vectors.npz")
    return answer_pool.make_service(work / "corpus", work / "index", embedder)


def record_halves(per_course: int | None = None, path: Path = HALVES, reuse: bool = False,
                  covered: bool = False, prefix: str = "half") -> None:
    """answer_pool.py's `halves` off-topic questions (same seeds), searched once per half.
    `per_course`: how many covered questions of each other course (0: all of them; None: answer_pool's
    25). `reuse`: search the half indexes a previous `record --halves` built, as they are. `covered`:
    each half's own covered questions too, asked of its six courses (kept under their course).
    `prefix`: the half indexes' folder names in bench/out/answer_replay (`half1`, `half2` by default;
    another prefix searches copies, e.g. with another build of the same notes)."""
    from bot.core.embedding_model import SentenceTransformerEmbedder
    from bot.core.evaluation import EvalQuestion
    from bot.core.question_text import clean_question

    courses = sorted(p.stem for p in (answer_pool.POOL / "notes").glob("*.txt"))
    embedder = answer_pool.BatchedQueries(SentenceTransformerEmbedder(), answer_pool.OUT / "query-vectors.npz")
    items = []
    for number, half in enumerate([courses[0::2], courses[1::2]], 1):
        work = OUT / f"{prefix}{number}"
        if reuse:
            service = answer_pool.make_service(work / "corpus", work / "index", embedder)
        else:
            service = answer_pool.make_service(answer_pool.course_corpus(work, half), work / "index", embedder)
            answer_pool.fresh_index(service, answer_pool.OUT / "embedding-cache.sqlite")
        off_topic = []
        for other in courses:
            if other not in half:
                covered = [q for q in answer_pool.load_course_questions(other, None) if q.category == "covered"]
                wanted = answer_pool.OFF_TOPIC_PER_COURSE if per_course is None else per_course or len(covered)
                picked = random.Random(f"off:{number}:{other}").sample(covered, min(wanted, len(covered)))
                off_topic += [(other, EvalQuestion(q.question, answerable=False, kind="off-topic")) for q in picked]
        own = [(course, q) for course in half for q in answer_pool.load_course_questions(course, None)
               if q.category == "covered"] if covered else []
        embedder.prepare(service, [q for _, q in off_topic + own])
        retriever = service.retriever()
        items += [{"course": f"off-topic for half {number}", "asked_from": other, "index": str(work),
                   "question": q.question, "kind": q.category, "answer": (),
                   "result": retriever.search(clean_question(q.question), k=8)} for other, q in off_topic]
        items += [{"course": course, "index": str(work), "question": q.question, "kind": q.category,
                   "answer": q.answer, "result": retriever.search(clean_question(q.question), k=8)}
                  for course, q in own]
        print(f"half {number}: {len(off_topic)} off-topic searches", flush=True)
    path.write_bytes(pickle.dumps({"label": "halves", "sample": None, "items": items}))
    print(f"{len(items)} searches recorded in {path}")


def record(label: str, sample: int | None, path: Path = SEARCHES) -> None:
    from bot.core.question_text import clean_question

    service = open_service(label)
    courses = sorted(p.stem for p in (answer_pool.POOL / "notes").glob("*.txt"))
    questions = {c: answer_pool.load_course_questions(c, sample) for c in courses}
    service.embedder.prepare(service, [q for qs in questions.values() for q in qs])
    retriever = service.retriever()
    items = [{"course": c, "question": q.question, "kind": q.category, "answer": q.answer,
              "result": retriever.search(clean_question(q.question), k=8)}
             for c in courses for q in questions[c]]
    OUT.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps({"label": label, "sample": sample, "items": items}))
    print(f"{len(items)} searches recorded in {path}")


def load_items(courses: set[str] | None = None, path: Path = SEARCHES) -> tuple[str, list[dict]]:
    data = pickle.loads(path.read_bytes())
    items = [i for i in data["items"] if courses is None or i["course"] in courses]
    return data["label"], items


def plain_top(result, lexical, vectors, k: int = 3, passages: int = 5) -> list[str]:
    """Plain hybrid: the top sentences of the top passages, by fused cosine and IDF overlap
    (the same as answer_pool.PlainHybrid, on a recorded search)."""
    from bot.core.text import split_sentences
    from bot.core.tokens import tokenize

    sentences = list(dict.fromkeys(s for h in result.hits[:passages] for s in split_sentences(h.chunk.text)))
    if not sentences:
        return []
    asked = set(tokenize(result.question))
    overlap = [sum(lexical.idf(t) for t in asked & set(tokenize(s))) for s in sentences]
    cosine = [float(v @ result.query_vector) for v in vectors(sentences)]
    fused = np.zeros(len(sentences))
    for scores in (overlap, cosine):
        for rank, i in enumerate(np.argsort(-np.array(scores), kind="stable")):
            fused[i] += 1.0 / (60 + rank + 1)
    return [sentences[i] for i in np.argsort(-fused, kind="stable")[:k]]


def replay(service, items: list[dict], policy=None, plain: bool = True) -> list[dict]:
    """One record per question, as answer_pool.py writes them (the fields kind_metrics reads)."""
    from bot.core.answering import answer_question
    from bot.core.evaluation import answer_hit, first_sentence_hit, holds
    from bot.core.question_text import clean_question

    retriever = service.retriever()
    policy = policy or service.policy
    records = []
    for item in items:
        result = item["result"]
        asked = clean_question(item["question"])
        if not getattr(result, "asked", "") and result.question != asked:
            # Records made before SearchResult kept the question as asked (before spelling
            # correction): the item's question, cleaned as it was searched, is that question.
            result = dataclasses.replace(result, asked=asked)
        answer = answer_question(result, retriever.lexical, policy, service.sentence_vectors,
                                 service.embedder.knows_word, lambda: retriever.vocabulary,
                                 retriever.passages_with)
        r = {"course": item["course"], "question": item["question"], "kind": item["kind"],
             "answerable": item["kind"] == "covered", "abstained": answer.abstained, "tier": answer.tier,
             "answer": answer.text, "sentences": len(answer.sentences), "reason": answer.reason,
             "first": answer.sentences[0] if answer.sentences else "", "kind_ok": answer.kind_ok}
        if item["kind"] == "covered" and item["answer"]:
            r["accepted"] = list(item["answer"])
            r["answer_hit"] = answer_hit(answer, item["answer"])
            r["first_sentence_hit"] = first_sentence_hit(answer, item["answer"])
            if plain:
                top = plain_top(item["result"], retriever.lexical, service.sentence_vectors)
                r["plain_top"] = [holds(" ".join(top[:k]), item["answer"]) for k in (1, 2, 3)]
        records.append(r)
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["record", "replay"])
    parser.add_argument("--label", default="cur0", help="the answer_pool.py run whose index is searched")
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--courses", default="")
    parser.add_argument("--records", type=Path, default=None, help="write the replay's records here")
    parser.add_argument("--halves", action="store_true", help="the off-topic searches of the halves set-up")
    parser.add_argument("--off-topic", type=int, default=None,
                        help="with --halves: covered questions of each other course asked (0: all; default 25)")
    parser.add_argument("--name", default="", help="the record's file name in bench/out/answer_replay")
    parser.add_argument("--reuse", action="store_true", help="with record --halves: the half indexes already built")
    parser.add_argument("--half-prefix", default="half",
                        help="with record --halves: the half indexes' folder prefix (half1, half2)")
    parser.add_argument("--covered", action="store_true",
                        help="with record --halves: each half's own covered questions too")
    args = parser.parse_args()
    halves_path = OUT / args.name if args.name else HALVES
    pool_path = OUT / args.name if args.name else SEARCHES
    if args.action == "record":
        if args.halves:
            record_halves(args.off_topic, halves_path, args.reuse, args.covered, args.half_prefix)
        else:
            record(args.label, args.sample, pool_path)
        return
    courses = set(args.courses.split(",")) if args.courses else None
    if args.halves:
        label, items = load_items(None, halves_path)
        records = []
        for index in sorted({i["index"] for i in items}):
            records += replay(open_service(label, Path(index)), [i for i in items if i["index"] == index])
    else:
        label, items = load_items(courses, pool_path)
        records = replay(open_service(label), items)
    if args.records:
        args.records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    answer_pool.print_table(f"replayed {len(records)} recorded searches of {label}", answer_pool.table_of(records))


if __name__ == "__main__":
    main()

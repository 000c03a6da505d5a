"""Record the searches of answer_pool.py's `each` set-up (every course indexed alone: what a class
with one course's notes sees), so that offtopic_dump.py can replay them with any code and policy,
as it replays the halves record (pass this record as its --halves).

Each course's own questions (covered and adversarial) are searched in its own index, and 25 covered
questions of every other course as off-topic (answer_pool.py's seeds), kept with the course they
were written for. Reads the indexes an `answer_pool.py --mode each --label L` run built.

    .venv/bin/python bench/answer_pool.py --mode each --label L
    .venv/bin/python bench/each_record.py --label L --name searches-each-L.pkl
    .venv/bin/python bench/offtopic_dump.py --pool searches.pkl --halves searches-each-L.pkl --label now
"""

from __future__ import annotations

import argparse
import pickle
import random

import answer_pool
import answer_replay as ar


def main() -> None:
    from bot.core.embedding_model import SentenceTransformerEmbedder
    from bot.core.evaluation import EvalQuestion
    from bot.core.question_text import clean_question

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", required=True, help="the answer_pool.py --mode each run")
    parser.add_argument("--name", required=True, help="the record's file name in bench/out/answer_replay")
    args = parser.parse_args()
    courses = sorted(p.stem for p in (answer_pool.POOL / "notes").glob("*.txt"))
    covered_of = {c: [q for q in answer_pool.load_course_questions(c, None) if q.category == "covered"]
                  for c in courses}
    embedder = answer_pool.BatchedQueries(SentenceTransformerEmbedder(), answer_pool.OUT / "query-vectors.npz")
    items = []
    for course in courses:
        work = answer_pool.OUT / args.label / "each" / course
        service = answer_pool.make_service(work / "corpus", work / "index", embedder)
        off_topic = []
        for other in courses:
            if other != course:  # the same questions as answer_pool.run_each
                picked = random.Random(f"off:{course}:{other}").sample(
                    covered_of[other], min(answer_pool.OFF_TOPIC_PER_COURSE, len(covered_of[other])))
                off_topic += [(other, EvalQuestion(q.question, answerable=False, kind="off-topic")) for q in picked]
        own = answer_pool.load_course_questions(course, None)
        embedder.prepare(service, [q for _, q in off_topic] + own)
        retriever = service.retriever()
        items += [{"course": f"off-topic for {course}", "asked_from": other, "index": str(work),
                   "question": q.question, "kind": q.category, "answer": (),
                   "result": retriever.search(clean_question(q.question), k=8)} for other, q in off_topic]
        items += [{"course": course, "index": str(work), "question": q.question, "kind": q.category,
                   "answer": q.answer, "result": retriever.search(clean_question(q.question), k=8)} for q in own]
        print(f"{course}: {len(own)} own, {len(off_topic)} off-topic searches", flush=True)
    path = ar.OUT / args.name
    path.write_bytes(pickle.dumps({"label": "each", "sample": None, "items": items}))
    print(f"{len(items)} searches recorded in {path}")


if __name__ == "__main__":
    main()

"""Re-answer a development set of course notes (ans26, ans27, ansdev24: notes, questions and an index
built by `studybot index`) from recorded searches: the answer layer alone, in seconds, as
answer_replay.py does for the pool. A change to chunking or retrieval needs a new `record` on an
index built by that code; a change to answering does not. The figures are `studybot eval`'s
(the same answer_question call as StudyService.ask).

    .venv/bin/python bench/dev_replay.py record --set ans26 --corpus /tmp/a26/c --index IDX \
        --questions /work/dev/ans26/questions.jsonl --out searches-ans26.pkl
    .venv/bin/python bench/dev_replay.py replay searches-ans26.pkl [...] [--records out.jsonl] [--diag diag.txt]

`--diag` writes, for each covered question answered without the fact, the answer's best candidates
and every candidate whose shown text holds the fact (score, match, cosine, kind, on topic, place).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import answer_pool
import common

sys.path.insert(0, str(common.ROOT))


def _service(corpus: Path, index: Path, vectors: Path):
    """The service `studybot eval` would open (its default embedding backend), question vectors batched."""
    from bot.config import Settings
    from bot.service import StudyService, make_shared_embedder

    settings = Settings(_env_file=None, corpus_dir=corpus, index_dir=index, database_path=index.parent / "bench.db")
    embedder = answer_pool.BatchedQueries(make_shared_embedder(settings), vectors)
    return StudyService(settings, embedder=embedder)


def record(args) -> None:
    from bot.core.evaluation import load_questions
    from bot.core.question_text import clean_question

    questions = load_questions(args.questions)
    service = _service(args.corpus, args.index, args.out.with_suffix(".vectors.npz"))
    service.embedder.prepare(service, questions)
    retriever = service.retriever()
    items = [{"set": args.set, "question": q.question, "kind": q.category, "answerable": q.answerable,
              "answer": q.answer, "evidence": q.evidence, "result": retriever.search(clean_question(q.question), k=8)}
             for q in questions]
    args.out.write_bytes(pickle.dumps({"corpus": str(args.corpus), "index": str(args.index), "items": items}))
    print(f"{len(items)} searches recorded in {args.out}")


def _row(c, place=None) -> str:
    from bot.core.sentences import shown_text

    sim = "-" if c.similarity is None else f"{c.similarity:.3f}"
    return (f"    [{place}] s={c.score:.3f} m={c.match:.3f} sim={sim} kind={int(c.kind_ok)} {c.on_topic} "
            f"rank={c.rank} pos={c.position} def={int(c.defines)} | {shown_text(c)[:300]!r}")


def replay(args) -> None:
    from bot.core.answering import CONFIDENT
    from bot.core.evaluation import answer_hit, first_sentence_hit, holds, kind_metrics
    from bot.core.sentences import shown_text
    from sentence_rerank import answer_and_scored

    records, diag = [], []
    for path in args.searches:
        data = pickle.loads(Path(path).read_bytes())
        service = _service(Path(data["corpus"]), Path(data["index"]), Path(path).with_suffix(".vectors.npz"))
        retriever = service.retriever()
        vectors = service.sentence_vectors.for_build(retriever.index.sentences)

        class _Service:  # answer_and_scored reads these
            policy = service.policy
            sentence_vectors = vectors
            embedder = service.embedder

        for item in data["items"]:
            result = item["result"]
            answer, chosen_from = answer_and_scored(result, retriever, _Service)
            r = {"set": item["set"], "question": item["question"], "kind": item["kind"],
                 "answerable": item["answerable"], "abstained": answer.abstained, "tier": answer.tier,
                 "answer": answer.text, "sentences": len(answer.sentences), "reason": answer.reason}
            if item["answerable"] and item["answer"]:
                r["accepted"] = list(item["answer"])
                r["answer_hit"] = answer_hit(answer, item["answer"])
                r["first_sentence_hit"] = first_sentence_hit(answer, item["answer"])
                if args.diag and not r["answer_hit"]:
                    lines = [f"=== {item['set']} {item['question']!r} want={list(item['answer'])} tier={answer.tier} "
                             f"reason={answer.reason!r}", f"  A: {answer.text[:500]!r}"]
                    if chosen_from is not None:
                        scored, kind, every = chosen_from
                        ids = {id(c): i for i, c in enumerate(scored)}
                        lines.append(f"  kind={kind}")
                        lines += [_row(c, i) for i, c in enumerate(scored[:4])]
                        right = [c for c in every if holds(shown_text(c), item["answer"])]
                        lines.append(f"  right ({len(right)}):")
                        lines += [_row(c, ids.get(id(c))) for c in right[:4]]
                    diag.append("\n".join(lines))
            records.append(r)
    sets = sorted({r["set"] for r in records})
    for name in sets + ["ALL"]:
        group = [r for r in records if name == "ALL" or r["set"] == name]
        kinds = kind_metrics(group)
        cov, adv, unc = kinds.get("covered", {}), kinds.get("adversarial", {}), kinds.get("uncovered", {})
        conf = [r for r in group if r["kind"] == "covered" and r["tier"] == CONFIDENT and "answer_hit" in r]
        print(f"{name:>9}: fact {cov.get('fact_in_answer')} first {cov.get('fact_in_first_sentence')} "
              f"declined {cov.get('declined')} conf-prec {cov.get('confident_precision')} ({len(conf)}) "
              f"sent {cov.get('sentences_per_answer')} | adv declined {adv.get('declined')} conf "
              f"{adv.get('answered_confident')} | uncovered declined {unc.get('declined')}")
    if args.records:
        args.records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    if args.diag:
        args.diag.write_text("\n".join(diag) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("--set", required=True)
    rec.add_argument("--corpus", type=Path, required=True)
    rec.add_argument("--index", type=Path, required=True)
    rec.add_argument("--questions", type=Path, required=True)
    rec.add_argument("--out", type=Path, required=True)
    rep = sub.add_parser("replay")
    rep.add_argument("searches", nargs="+")
    rep.add_argument("--records", type=Path)
    rep.add_argument("--diag", type=Path)
    args = parser.parse_args()
    record(args) if args.action == "record" else replay(args)


if __name__ == "__main__":
    main()

"""Searches of the development pool's halves set-up, recorded once and replayed: so that a rule of
the answer layer (when to decline, which tier) can be measured on thousands of questions in
minutes, and fitted on some courses and checked on others (`decline_cv.py`).

Set-up (as `answer_pool.py --mode halves`): six courses indexed as one course; their covered
questions (all, or `--covered N` per course), adversarial questions (`--adversarial N` per
course), and covered questions of each of the other six courses as off-topic (`--off-topic N`
per course, kept with the course they come from); then the halves swap. What is recorded is the
search (`Retriever.search`: spelling, other names, hybrid ranking), not the answer: a replay runs
today's `answer_question` on it, so it measures the answer layer as it is when replayed.

    .venv/bin/python bench/decline_search.py [--covered 0] [--adversarial 40] [--off-topic 80] [--half 1]

`--alone` records each course indexed alone instead (its covered and adversarial questions, the same
sample as in its half): beside the halves' records, whether an answer's tier depends on what else
the course holds (issue 15.5; `tier_alone.py`).
"""

from __future__ import annotations

import argparse
import io
import json
import pickle
import random
import sys
import time
from dataclasses import dataclass

import common

sys.path.insert(0, str(common.ROOT))

import answer_pool as ap  # noqa: E402

OUT = common.OUT / "decline_search"


def halves(courses: list[str]) -> list[list[str]]:
    return [courses[0::2], courses[1::2]]


def all_courses() -> list[str]:
    return sorted(p.stem for p in (ap.POOL / "notes").glob("*.txt"))


@dataclass
class Asked:
    course: str  # the course the question was written for
    kind: str  # covered, adversarial or off-topic
    question: str
    answer: tuple[str, ...]
    searched: str  # the question as searched (spelling corrected)
    tokens: list[str]
    vector: object
    hits: list[tuple[int, float, float, float]]  # row, dense, lexical, fused


def questions_of(half: list[str], courses: list[str], number: int, covered: int, adversarial: int,
                 off_topic: int) -> list[tuple[str, str, str, tuple[str, ...]]]:
    out = []
    for course in half:
        questions = ap.load_course_questions(course, None)
        for kind, limit in (("covered", covered), ("adversarial", adversarial)):
            chosen = [q for q in questions if q.category == kind]
            if limit and len(chosen) > limit:
                chosen = random.Random(f"{kind}:{course}").sample(chosen, limit)
            out += [(course, kind, q.question, q.answer) for q in chosen]
    for other in courses:
        if other in half:
            continue
        chosen = [q for q in ap.load_course_questions(other, None) if q.category == "covered"]
        if off_topic and len(chosen) > off_topic:
            chosen = random.Random(f"off:{number}:{other}").sample(chosen, off_topic)
        out += [(other, "off-topic", q.question, ()) for q in chosen]
    return out


def without_quiz_items() -> None:
    """Index without generating quiz items: they do not change answers, and on six courses they
    cost most of the build."""
    from bot.core.quiz import bank

    bank.generator.generate_items = lambda chunks, notes=None: []


@dataclass
class _Question:
    question: str  # what BatchedQueries.prepare reads of a question


def service_of(number: int, half: list[str], embedder, fresh: bool):
    work = OUT / f"half{number}"
    if fresh:
        service = ap.make_service(ap.course_corpus(work, half), work / "index", embedder)
        ap.fresh_index(service, ap.OUT / "embedding-cache.sqlite")
    else:
        service = ap.make_service(work / "corpus", work / "index", embedder)
    return service


def collect(covered: int, adversarial: int, off_topic: int, only: int = 0) -> None:
    from bot.core.embedding_model import SentenceTransformerEmbedder

    # Question vectors embedded in one batch and kept between runs (answer_pool.BatchedQueries):
    # one model call per question was most of a half's time on a shared machine.
    embedder = ap.BatchedQueries(SentenceTransformerEmbedder(), ap.OUT / "query-vectors.npz")
    without_quiz_items()
    courses = all_courses()
    OUT.mkdir(parents=True, exist_ok=True)
    ap.OUT.mkdir(parents=True, exist_ok=True)
    for number, half in enumerate(halves(courses), 1):
        if only and number != only:
            continue
        started = time.perf_counter()
        service = service_of(number, half, embedder, fresh=True)
        retriever = service.retriever()
        chosen = questions_of(half, courses, number, covered, adversarial, off_topic)
        embedder.prepare(service, [_Question(question) for _, _, question, _ in chosen])
        asked = _search_all(retriever, chosen)
        ap.keep_cache(service)
        (OUT / f"half{number}.pkl").write_bytes(pickle.dumps({"courses": half, "asked": asked}))
        print(f"half {number}: {len(asked)} questions searched in {time.perf_counter() - started:.0f} s", flush=True)


def _search_all(retriever, chosen) -> list[Asked]:
    """Each chosen (course, kind, question, answer) searched once, with what a replay needs of the search."""
    from bot.core.question_text import clean_question

    asked = []
    for course, kind, question, answer in chosen:
        result = retriever.search(clean_question(question), k=8)
        asked.append(Asked(course, kind, question, answer, result.question, result.query_tokens,
                           result.query_vector, [(h.row, h.dense, h.lexical, h.fused) for h in result.hits]))
    return asked


def policy_overrides(pairs: list[str]) -> dict:
    """AnswerPolicy overrides from --policy name=value options (a value read as JSON when it is JSON)."""
    overrides = {}
    for pair in pairs:
        name, text = pair.split("=", 1)
        try:
            overrides[name] = json.loads(text)
        except json.JSONDecodeError:
            overrides[name] = text
    return overrides


class _Unpickler(pickle.Unpickler):
    """`Asked` pickled by this script run as __main__ is this module's `Asked`."""

    def find_class(self, module, name):
        return Asked if name == "Asked" else super().find_class(module, name)


def replay(embedder=None):
    """(service, [(Asked, SearchResult)]) for each half, from the recorded searches."""
    from bot.core.retrieval import Hit, SearchResult

    if embedder is None:
        from bot.core.embedding_model import SentenceTransformerEmbedder

        embedder = SentenceTransformerEmbedder()
    out = []
    for number, half in enumerate(halves(all_courses()), 1):
        if not (OUT / f"half{number}.pkl").exists():
            continue
        stored = _Unpickler(io.BytesIO((OUT / f"half{number}.pkl").read_bytes())).load()
        service = service_of(number, half, embedder, fresh=False)
        chunks = service.retriever().index.chunks
        pairs = [(a, SearchResult(a.searched, a.tokens, a.vector,
                                  [Hit(chunks[row], row, dense, lexical, fused) for row, dense, lexical, fused in a.hits]))
                 for a in stored["asked"]]
        out.append((service, pairs))
    return out


def collect_alone(covered: int, adversarial: int, courses: list[str] | None = None) -> None:
    """Each course indexed alone, its questions of the halves set-up searched (no off-topic ones)."""
    from bot.core.embedding_model import SentenceTransformerEmbedder

    embedder = ap.BatchedQueries(SentenceTransformerEmbedder(), ap.OUT / "query-vectors.npz")
    without_quiz_items()
    every = all_courses()
    for course in courses or every:
        started = time.perf_counter()
        work = OUT / "alone" / course
        service = ap.make_service(ap.course_corpus(work, [course]), work / "index", embedder)
        ap.fresh_index(service, ap.OUT / "embedding-cache.sqlite")
        retriever = service.retriever()
        chosen = [q for q in questions_of([course], [course], 0, covered, adversarial, 0)]
        embedder.prepare(service, [_Question(question) for _, _, question, _ in chosen])
        asked = _search_all(retriever, chosen)
        ap.keep_cache(service)
        (OUT / "alone" / f"{course}.pkl").write_bytes(pickle.dumps({"courses": [course], "asked": asked}))
        print(f"{course} alone: {len(asked)} questions searched in {time.perf_counter() - started:.0f} s", flush=True)


def replay_alone(embedder=None, courses: list[str] | None = None):
    """(service, [(Asked, SearchResult)]) for each course recorded alone."""
    from bot.core.retrieval import Hit, SearchResult

    if embedder is None:
        from bot.core.embedding_model import SentenceTransformerEmbedder

        embedder = SentenceTransformerEmbedder()
    out = []
    for course in courses or all_courses():
        path = OUT / "alone" / f"{course}.pkl"
        if not path.exists():
            continue
        stored = _Unpickler(io.BytesIO(path.read_bytes())).load()
        work = OUT / "alone" / course
        service = ap.make_service(work / "corpus", work / "index", embedder)
        chunks = service.retriever().index.chunks
        pairs = [(a, SearchResult(a.searched, a.tokens, a.vector,
                                  [Hit(chunks[row], row, dense, lexical, fused) for row, dense, lexical, fused in a.hits]))
                 for a in stored["asked"]]
        out.append((service, pairs))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--covered", type=int, default=0, help="covered questions per course (0: all)")
    parser.add_argument("--adversarial", type=int, default=40, help="adversarial questions per course")
    parser.add_argument("--off-topic", type=int, default=80, help="off-topic questions from each other course")
    parser.add_argument("--half", type=int, default=0, choices=[0, 1, 2], help="only this half (0: both)")
    parser.add_argument("--alone", action="store_true", help="each course indexed alone (its own questions)")
    args = parser.parse_args()
    common.print_machine()
    if args.alone:
        collect_alone(args.covered, args.adversarial)
    else:
        collect(args.covered, args.adversarial, args.off_topic, args.half)


if __name__ == "__main__":
    main()

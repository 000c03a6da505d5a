"""Answer quality on the development pool (`../shared/eval/courses/`: twelve courses of different
subjects), per course, beside plain hybrid search measured in the same run.

Set-ups (`--mode`; `both` is pool and each):
* `pool`: all twelve notes indexed as one course; every course's covered and adversarial questions.
* `each`: each course indexed alone; its own covered and adversarial questions, and covered
  questions of the other courses as `off-topic` (the notes do not cover them: declining is right).
* `halves`: six courses indexed as one course with the other six's covered questions as off-topic,
  then the halves swap (two indexes instead of twelve: cheaper than `each`).

For each course it prints what `studybot eval` reports per kind (fact in the answer, fact in its
first sentence, sentences per answer, covered declined, confident precision, adversarial answered
"confident", off-topic declined), and beside it "plain hybrid": the sentences of the top passages
of the same hybrid search, ranked by reciprocal-rank fusion of the sentence's cosine with the
question and its IDF-weighted word overlap, taking the top 1/2/3 with no abstention at all.

Records of every question go to bench/out/answer_pool/<mode>.jsonl for reading the failures.

    .venv/bin/python bench/answer_pool.py [--mode pool|each|halves|both] [--sample N] [--courses a,b]
    .venv/bin/python bench/answer_pool.py --mode pool --ranking bench/out/sentence_ranker/loco
                                                         # each course ranked by weights fitted without it
    .venv/bin/python bench/answer_pool.py --from-records bench/out/answer_pool/A.jsonl B.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

import numpy as np

import common

POOL = common.ROOT.parent / "shared" / "eval" / "courses"  # ../shared beside the checkout
if not POOL.is_dir():
    POOL = Path("/work/shared/eval/courses")
OUT = common.OUT / "answer_pool"
OFF_TOPIC_PER_COURSE = 25  # `each`: covered questions taken from every other course


def make_service(corpus: Path, index_dir: Path, embedder):
    from bot.config import Settings
    from bot.service import StudyService

    settings = Settings(_env_file=None, corpus_dir=corpus, index_dir=index_dir,
                        database_path=index_dir.parent / "bench.db")
    return StudyService(settings, embedder=embedder)


def fresh_index(service, shared_cache: Path) -> None:
    """Rebuild from scratch (the code under test mines the notes at build time), reusing embeddings."""
    from bot.core.indexer import CACHE_FILE

    index_dir = service.index_dir
    if index_dir.exists():
        shutil.rmtree(index_dir)
    index_dir.mkdir(parents=True)
    if shared_cache.exists():
        shutil.copy(shared_cache, index_dir / CACHE_FILE)
    with _no_quiz_generation():
        service.reindex()
    shutil.copy(index_dir / CACHE_FILE, shared_cache)


@contextmanager
def _no_quiz_generation():
    """Indexing makes the quiz bank too: for 650 chunks that is most of an index build's time, and
    answers never read it. The generator yields nothing while the bench indexes."""
    try:
        from bot.core.quiz import generator
    except ImportError:  # code from before the quiz bank was made at index time
        yield
        return
    real = generator.generate_items
    generator.generate_items = lambda *args, **kwargs: iter(())
    try:
        yield
    finally:
        generator.generate_items = real


def load_course_questions(course: str, sample: int | None, seed: int = 0):
    from bot.core.evaluation import load_questions

    questions = load_questions(POOL / "questions" / f"{course}.jsonl")
    if sample and len(questions) > sample:
        questions = random.Random(f"{seed}:{course}").sample(questions, sample)
    return questions


# --- question vectors: embedded in batches, kept between runs -------------------------------------


class BatchedQueries:
    """The embedder with question vectors embedded in batches and kept on disk between runs.

    A question is embedded alone when the bot answers it; here thousands are asked, and one model
    call per question was most of a run's time. `prepare` runs each question's search once with a
    placeholder vector to learn which texts the code under test embeds (after its own cleaning,
    spelling fixes and spelled-out names, whatever version of the code it is), embeds them all in
    one batch, and the real run then finds them here. Batched vectors differ from one-at-a-time
    ones only by float rounding (the model pads a batch; the attention mask hides the padding)."""

    def __init__(self, embedder, path: Path) -> None:
        self._embedder = embedder
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        self._recording: list[str] | None = None
        if path.exists():
            data = np.load(path, allow_pickle=False)
            self.vectors = dict(zip(data["texts"].tolist(), data["vectors"]))

    def __getattr__(self, name):  # everything else is the real embedder's
        return getattr(self._embedder, name)

    def encode_query(self, text: str) -> np.ndarray:
        if self._recording is not None:
            self._recording.append(text)
            return np.zeros(self._embedder.dimension, dtype=np.float32)
        if text not in self.vectors:
            self.vectors[text] = self._embedder.encode([text])[0]
        return self.vectors[text]

    def prepare(self, service, questions) -> None:
        try:
            from bot.core.question_text import clean_question
        except ImportError:  # code from before questions were cleaned
            clean_question = str.strip
        retriever = service.retriever()
        self._recording = []
        try:
            for q in questions:
                retriever.search(clean_question(q.question), k=8)
            wanted = [t for t in dict.fromkeys(self._recording) if t not in self.vectors]
        finally:
            self._recording = None
        if wanted:
            self.vectors.update(zip(wanted, self._embedder.encode(wanted)))
            self.save()

    def save(self) -> None:
        texts = list(self.vectors)
        np.savez(self.path, texts=np.array(texts), vectors=np.array([self.vectors[t] for t in texts]))


# --- plain hybrid: top sentences of the same search, no abstention ------------------------------


class PlainHybrid:
    def __init__(self, service) -> None:
        self.service = service
        self.vectors = service.sentence_vectors
        self._embed_every_sentence()

    def _embed_every_sentence(self) -> None:
        """Embed every sentence of the notes in one batch, as it would be embedded one question at a
        time anyway (whole, and cut to the answer layer's length): the sentence cache then holds
        them, and a run over thousands of questions costs minutes, not hours. Answers are the same."""
        from bot.core.text import split_sentences

        chunks = self.service.retriever().index.chunks
        sentences = {s for c in chunks for s in split_sentences(c.text)}
        cut = self.service.policy.semantic_chars
        self.vectors(sorted(sentences | {s[:cut] for s in sentences}))

    def top_sentences(self, question: str, k: int = 3, passages: int = 5) -> list[str]:
        from bot.core.text import split_sentences

        try:
            from bot.core.tokens import tokenize
        except ImportError:  # code from before the tokenizer had its own module
            from bot.core.lexical import tokenize

        retriever = self.service.retriever()
        result = retriever.search(question.strip(), k=8)
        sentences = list(dict.fromkeys(s for h in result.hits[:passages] for s in split_sentences(h.chunk.text)))
        if not sentences:
            return []
        lexical = getattr(retriever, "lexical", None) or retriever.index.lexical
        asked = set(tokenize(question))
        overlap = [sum(lexical.idf(t) for t in asked & set(tokenize(s))) for s in sentences]
        cosine = [float(v @ result.query_vector) for v in self.vectors(sentences)]
        fused = np.zeros(len(sentences))
        for scores in (overlap, cosine):
            for rank, i in enumerate(np.argsort(-np.array(scores), kind="stable")):
                fused[i] += 1.0 / (60 + rank + 1)
        return [sentences[i] for i in np.argsort(-fused, kind="stable")[:k]]


# --- one course ---------------------------------------------------------------------------------


def evaluate(service, questions, plain: PlainHybrid, label: str) -> tuple[dict, list[dict]]:
    """What `studybot eval` reports per kind, and plain hybrid's top sentences for the covered
    questions; the records are appended to the run's file as soon as a course is done."""
    from bot.core.evaluation import holds, run_eval

    embedder = service.embedder
    if isinstance(embedder, BatchedQueries):
        embedder.prepare(service, questions)
    report = run_eval(questions, service.ask)
    plain_hits = {1: [], 2: [], 3: []}
    for q, record in zip(questions, report.records):
        record["course"] = label
        if q.category != "covered" or not q.answer:
            continue
        top = plain.top_sentences(q.question)
        record["plain_top"] = [holds(" ".join(top[:k]), q.answer) for k in plain_hits]
        for k in plain_hits:
            plain_hits[k].append(record["plain_top"][k - 1])
    figures = dict(report.by_kind)
    figures["plain"] = {f"top{k}": round(sum(v) / len(v), 4) if v else None for k, v in plain_hits.items()}
    if RECORDS is not None:
        with RECORDS.open("a", encoding="utf-8") as out:
            for record in report.records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return figures, report.records


RECORDS: Path | None = None  # where the current run's records go


COLUMNS = [("covered", "questions", "n cov"), ("covered", "fact_in_answer", "fact"),
           ("covered", "fact_in_first_sentence", "1st"), ("covered", "sentences_per_answer", "sent"),
           ("covered", "declined", "cov decl"), ("covered", "confident_precision", "conf prec"),
           ("covered", "answered_confident", "cov conf"),
           ("adversarial", "answered_confident", "adv conf"), ("adversarial", "declined", "adv decl"),
           ("off-topic", "declined", "off decl"),
           ("plain", "top1", "plain@1"), ("plain", "top2", "plain@2"), ("plain", "top3", "plain@3")]


def print_table(title: str, rows: dict[str, dict]) -> None:
    print(f"\n{title}")
    print("| course | " + " | ".join(c[2] for c in COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    for name, figures in rows.items():
        cells = []
        for kind, key, _ in COLUMNS:
            value = figures.get(kind, {}).get(key)
            cells.append("-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value))
        print(f"| {name} | " + " | ".join(cells) + " |")


def summed(all_records: list[dict], plain_rows: list[dict]) -> dict:
    """Figures over all questions of a run (each course weighted by its number of questions)."""
    from bot.core.evaluation import kind_metrics

    figures = kind_metrics(all_records)
    totals = defaultdict(list)
    for row in plain_rows:
        n = row["covered"]["questions"] if "covered" in row else 0
        for k in ("top1", "top2", "top3"):
            if row["plain"][k] is not None:
                totals[k].append((row["plain"][k], n))
    figures["plain"] = {k: round(sum(v * n for v, n in pairs) / sum(n for _, n in pairs), 4)
                        for k, pairs in totals.items()}
    return figures


def course_corpus(work: Path, courses: list[str]) -> Path:
    """A fresh corpus folder under `work` holding the notes of these pool courses."""
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    for course in courses:
        shutil.copy(POOL / "notes" / f"{course}.txt", corpus)
    return corpus


RANKING = "shipped"  # which sentence ranking the answers use: see --ranking


def use_ranking(service, course: str) -> None:
    """Set the service's sentence ranking for this course's questions (`--ranking`)."""
    from dataclasses import replace

    if RANKING in ("shipped", "rule"):
        return
    if RANKING == "learned":
        service.policy = replace(service.policy, learned_ranking=True)
        return
    from bot.core.sentence_ranker import SentenceRanker

    weights = Path(RANKING) / f"{course}.json"  # fitted without this course (sentence_ranker_fit.py)
    service.policy = replace(service.policy, learned_ranking=True, ranker=SentenceRanker.load(weights))


def run_pool(courses: list[str], embedder, sample: int | None, label: str) -> tuple[dict, list[dict]]:
    work = OUT / label / "pool"
    corpus = course_corpus(work, courses)
    service = make_service(corpus, work / "index", embedder)
    started = time.perf_counter()
    fresh_index(service, OUT / "embedding-cache.sqlite")
    print(f"pool: {len(courses)} notes indexed as one course "
          f"({service.info().manifest.chunk_count} chunks) in {time.perf_counter() - started:.0f} s")
    plain = PlainHybrid(service)
    rows, records = {}, []
    for course in courses:
        use_ranking(service, course)
        figures, recs = evaluate(service, load_course_questions(course, sample), plain, course)
        rows[course] = figures
        records += recs
        print(f"  {course}: done", flush=True)
    keep_cache(service)
    rows["ALL"] = summed(records, [rows[c] for c in courses])
    return rows, records


def keep_cache(service) -> None:
    """Keep the sentence vectors embedded during the run for the next run."""
    from bot.core.indexer import CACHE_FILE

    shutil.copy(service.index_dir / CACHE_FILE, OUT / "embedding-cache.sqlite")


def run_each(courses: list[str], embedder, sample: int | None, label: str) -> tuple[dict, list[dict]]:
    from bot.core.evaluation import EvalQuestion

    rows, records = {}, []
    covered_of = {c: [q for q in load_course_questions(c, None) if q.category == "covered"] for c in courses}
    for course in courses:
        work = OUT / label / "each" / course
        corpus = work / "corpus"
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir(parents=True)
        shutil.copy(POOL / "notes" / f"{course}.txt", corpus)
        service = make_service(corpus, work / "index", embedder)
        fresh_index(service, OUT / "embedding-cache.sqlite")
        off_topic = []
        for other in courses:
            if other != course:
                picked = random.Random(f"off:{course}:{other}").sample(
                    covered_of[other], min(OFF_TOPIC_PER_COURSE, len(covered_of[other])))
                off_topic += [EvalQuestion(q.question, answerable=False, kind="off-topic") for q in picked]
        questions = load_course_questions(course, sample) + off_topic
        figures, recs = evaluate(service, questions, PlainHybrid(service), course)
        keep_cache(service)
        rows[course] = figures
        records += recs
        print(f"  {course}: done", flush=True)
    rows["ALL"] = summed(records, [rows[c] for c in courses])
    return rows, records


def run_halves(courses: list[str], embedder, sample: int | None, label: str) -> tuple[dict, list[dict]]:
    """Six courses indexed as one course, the other six's covered questions as off-topic; then the
    halves swap (what a class sees when students ask about a subject the notes do not cover)."""
    from bot.core.evaluation import EvalQuestion

    halves = [courses[0::2], courses[1::2]]
    rows, records = {}, []
    for number, half in enumerate(halves, 1):
        work = OUT / label / f"half{number}"
        corpus = course_corpus(work, half)
        service = make_service(corpus, work / "index", embedder)
        fresh_index(service, OUT / "embedding-cache.sqlite")
        plain = PlainHybrid(service)
        off_topic = []
        for other in courses:
            if other not in half:
                covered = [q for q in load_course_questions(other, None) if q.category == "covered"]
                picked = random.Random(f"off:{number}:{other}").sample(covered, min(OFF_TOPIC_PER_COURSE, len(covered)))
                off_topic += [EvalQuestion(q.question, answerable=False, kind="off-topic") for q in picked]
        for course in half:
            figures, recs = evaluate(service, load_course_questions(course, sample), plain, course)
            rows[course] = figures
            records += recs
        figures, recs = evaluate(service, off_topic, plain, f"off-topic for half {number}")
        rows[f"off-topic, half {number}"] = figures
        records += recs
        keep_cache(service)
        print(f"  half {number}: done", flush=True)
    rows["ALL"] = summed(records, [rows[c] for c in courses])
    return rows, records


def table_from_records(path: Path, courses: set[str] | None = None) -> dict[str, dict]:
    """Per-course figures of a run's records (the same as the run printed), optionally only for
    some courses: to set two runs side by side on the courses both finished."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if courses is not None:
        records = [r for r in records if r["course"] in courses]
    return table_of(records)


def table_of(records: list[dict]) -> dict[str, dict]:
    """Per-course figures (and "ALL") of answer records, with plain hybrid top-1/2/3 beside them."""
    from bot.core.evaluation import kind_metrics

    rows: dict[str, dict] = {}
    for course in sorted({r["course"] for r in records}) + ["ALL"]:
        group = records if course == "ALL" else [r for r in records if r["course"] == course]
        figures = kind_metrics(group)
        plain = [r["plain_top"] for r in group if "plain_top" in r]
        figures["plain"] = {f"top{k}": round(sum(p[k - 1] for p in plain) / len(plain), 4) if plain else None
                            for k in (1, 2, 3)}
        rows[course] = figures
    return rows


def main() -> None:
    global OFF_TOPIC_PER_COURSE, RECORDS, RANKING
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=["pool", "each", "halves", "both"], default="both")
    parser.add_argument("--off-topic", type=int, default=OFF_TOPIC_PER_COURSE,
                        help="covered questions taken from each course not indexed, as off-topic")
    parser.add_argument("--sample", type=int, default=None, help="questions per course (default: all)")
    parser.add_argument("--courses", default="", help="comma-separated course names (default: all twelve)")
    parser.add_argument("--code", type=Path, default=common.ROOT,
                        help="a folder holding another version of `bot/` to measure (e.g. an older commit "
                             "exported with `git archive`); its bot/core/evaluation.py must report per kind")
    parser.add_argument("--label", default="", help="name of the output files (default: the mode)")
    parser.add_argument("--from-records", type=Path, nargs="+", default=None,
                        help="print the per-course tables of finished runs' records (on the courses all of them hold)")
    parser.add_argument("--ranking", default="shipped",
                        help="`pool` mode: which sentence ranking answers: `shipped` or `rule` (the default "
                             "policy: the hand-written score), `learned` (the package's fitted weights), or a folder "
                             "of weights per held-out course written by sentence_ranker_fit.py (leave-one-course-out)")
    args = parser.parse_args()
    OFF_TOPIC_PER_COURSE = args.off_topic
    RANKING = args.ranking
    if args.from_records:
        sys.path.insert(0, str(common.ROOT))
        finished = [{json.loads(line)["course"] for line in p.read_text().splitlines() if line.strip()}
                    for p in args.from_records]
        common_courses = set.intersection(*finished)
        for path in args.from_records:
            print_table(f"{path.name} ({len(common_courses)} courses)", table_from_records(path, common_courses))
        return

    sys.path.insert(0, str(args.code.resolve()))
    common.print_machine()
    try:
        from bot.core.embedding_model import SentenceTransformerEmbedder as Embedder
    except ImportError:  # code from before the Embedder protocol
        from bot.core.embedding import Embedder

    courses = args.courses.split(",") if args.courses else sorted(p.stem for p in (POOL / "notes").glob("*.txt"))
    OUT.mkdir(parents=True, exist_ok=True)
    # Keyed by the text embedded, so one file serves every version of the code measured.
    embedder = BatchedQueries(Embedder(), OUT / "query-vectors.npz")
    modes = ["pool", "each"] if args.mode == "both" else [args.mode]
    for mode in modes:
        started = time.perf_counter()
        RECORDS = OUT / (f"{args.label}-{mode}.jsonl" if args.label else f"{mode}.jsonl")
        RECORDS.write_text("")
        run = {"pool": run_pool, "each": run_each, "halves": run_halves}[mode]
        rows, records = run(courses, embedder, args.sample, args.label or "current")
        name = f"{args.label}-{mode}" if args.label else mode
        (OUT / f"{name}-figures.json").write_text(json.dumps(rows, indent=1))
        print(f"code measured: {args.code} ({'bot' if args.code == common.ROOT else 'other'})")
        title = {"pool": "all twelve notes as one course",
                 "each": f"each course alone; off-topic = {OFF_TOPIC_PER_COURSE} covered questions of each other course",
                 "halves": f"six courses as one course, then the other six; off-topic = {OFF_TOPIC_PER_COURSE} "
                           "covered questions of each course not indexed"}[mode]
        print_table(f"{title} ({len(records)} questions, {time.perf_counter() - started:.0f} s)", rows)


if __name__ == "__main__":
    main()

"""Corpus in, index build out: read every document, chunk it, embed only the chunks whose text is
new, and write a build that is swapped in atomically. One writer at a time, across processes.

A build is published (made current, so questions are answered from it) as soon as its chunks,
their vectors and search indexes are written. Then, into the published build folder and with the
writer lock still held, come the vectors of its sentences (until they are there, a question embeds
the sentences it compares: bot.core.sentence_vectors) and its quiz bank; each is written aside and
renamed into place. What a stopped process did not finish is made by the next build, or by
`finish_build`, which the service calls when it opens the index or a quiz needs the bank."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from bot.core.chunking import chunk_document
from bot.core.answering import AnswerPolicy
from bot.core.documents import Chunk, Document, text_hash
from bot.core.embedding import Embedder, vector_space
from bot.core.embedding_cache import EmbeddingCache
from bot.core.index_store import (BUILDS, DocumentEntry, Manifest, current_build, load_index, read_chunks,
                                   read_manifest, write_build)
from bot.core.loaders import iter_corpus_files, load_document
from bot.core.quiz import bank as quiz_bank
from bot.core.quiz.bank import (QuestionBank, bank_is_current, build_bank, load_bank, quiz_source, quiz_state,
                                reusable_items, save_bank)
from bot.core.quiz.teacher_bank import load_teacher_banks
from bot.core.sentence_file import VectorsWriter, sentence_vectors_made
from bot.core.sentences import comparable_texts
from bot.errors import DocumentError, ReindexInProgressError, StudyBotError

log = logging.getLogger(__name__)

CHUNKER_VERSION = 12  # 2: Markdown code kept as fenced blocks; 3: inline code keeps its backticks (session 15);
# 4: code found in plain-text and PDF notes, the rest of an interrupted sentence kept with its code (session 16);
# 5: PDF paragraphs go on over page breaks and full lines, hyphenation and headers read anew; Word text cleaned (session 17)
# 6: PDF text read with PDFium: words LaTeX/Sphinx set apart by position are no longer run together (session 21)
# 7: PDF chapter openers one heading, sections nested by their numbers, running footers dropped, footnotes
#    paragraphs of their own after the paragraph a page break cut, footnote marks left out of the text (session 22)
# 8: Word inline equations read in their place (HC₀ read "HC0", not "HC"); Word files with none load as before
# 9: "v." of a case name ("Mapp v. Ohio") ends no sentence, so a long paragraph is no longer cut there (session 24)
# 10: a PDF title printed over two lines, the first stopping on a joining word ("Rise, Society and"), is one heading (session 26)
# 11: a full stop inside a short bracket ("(H.J. Res. 192)") or a short quotation ends no sentence (session 27)
# 12: a PDF heading wrapped at the margin, its rest printed at its size right under it, is one heading (session 29)
CACHE_FILE = "embedding-cache.sqlite"
# Texts embedded per cache write: small enough that an interrupted build loses little (well under
# a minute of work on a 2-core machine), large enough that the writes cost nothing.
CACHE_SLICE = 256

# The stage reported (1 of 1) when the new build is published: from then on questions are
# answered from it, and only the quiz bank is still being made.
ANSWERS_READY = "answers"
# progress(stage, done, total); the stages, with the words the adapters show for them:
STAGE_LABELS = {"reading": "Reading documents", "model": "Loading the embedding model",
                "embedding": "Embedding new chunks",
                "sentences": "Embedding the passages' sentences", "writing": "Writing index",
                ANSWERS_READY: "Answers ready from the new index", "quiz": "Making quiz questions"}
ProgressFn = Callable[[str, int, int], None]


@dataclass(frozen=True)
class IndexOptions:
    chunk_max_chars: int = 900
    index_kind: str = "auto"  # auto | flat | hnsw
    approximate_above: int = 50_000


@dataclass(frozen=True)
class IndexReport:
    documents: int
    chunks: int
    embedded: int
    reused: int
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    unchanged: bool = False
    build: str = ""
    seconds: float = 0.0  # the whole build, its quiz bank included
    quiz_items: int = 0
    answers_seconds: float = 0.0  # until the build was published (answers come from it)

    def to_dict(self) -> dict:
        return {
            "documents": self.documents, "chunks": self.chunks, "embedded": self.embedded,
            "reused": self.reused, "added": self.added, "changed": self.changed,
            "removed": self.removed, "unchanged": self.unchanged, "build": self.build,
            "seconds": round(self.seconds, 3), "answers_ready_seconds": round(self.answers_seconds, 3),
            "quiz_items": self.quiz_items,
            "skipped": [{"file": name, "reason": why} for name, why in self.skipped.items()],
        }


def _noop(stage: str, done: int, total: int) -> None:
    pass


@contextlib.contextmanager
def writer_lock(index_dir: Path) -> Iterator[None]:
    """Refuse a second concurrent build, whether from this process or another one."""
    import fcntl

    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise ReindexInProgressError(
                "A reindex is already running.", hint="Wait for it to finish, then try again."
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_corpus(corpus_dir: Path, max_chars: int, progress: ProgressFn = _noop
                ) -> tuple[list[Document], dict[str, list[Chunk]], dict[str, str]]:
    """Load and chunk every supported document: (documents, their chunks by name, skipped files).
    A file that cannot be read is skipped and named, not fatal. The documents come back without
    their blocks: a document's blocks hold as much text as its chunks, so only one document's are
    in memory at a time, and a big note is not held twice."""
    if corpus_dir.exists() and not corpus_dir.is_dir():
        raise StudyBotError(f"The corpus {corpus_dir} is a file, not a folder.",
                            hint="Name the folder that holds the course notes (--corpus or CORPUS_DIR).")
    if not corpus_dir.is_dir():
        raise StudyBotError(f"The corpus folder {corpus_dir} does not exist.",
                            hint="Create it and put the course notes in it, or set CORPUS_DIR.")
    files = iter_corpus_files(corpus_dir)
    documents, chunks_by_doc, skipped = [], {}, {}
    for done, (path, name) in enumerate(files, 1):
        try:
            document = load_document(path, name)
        except DocumentError as exc:
            skipped[name] = exc.message.removeprefix(f"{name}: ")  # the report names the file
            log.info("Skipped %s: %s", name, skipped[name])  # the report names it to the user
        else:
            chunks_by_doc[name] = chunk_document(document, max_chars=max_chars)
            documents.append(replace(document, blocks=()))
        progress("reading", done, len(files))
    return documents, chunks_by_doc, skipped


def build_index(corpus_dir: Path, index_dir: Path, embedder: Embedder,
                options: IndexOptions = IndexOptions(), progress: ProgressFn = _noop, *,
                cache_path: Path | None = None, published: Callable[[], None] | None = None) -> IndexReport:
    """`cache_path`: the embedding cache to use (default: the index folder's own). Courses share
    one, so a text that two courses hold is embedded once. `published()` is called once the new
    build is current, before its quiz bank is made (the service starts answering from it)."""
    started = time.perf_counter()
    with writer_lock(index_dir):
        documents, chunks_by_doc, skipped = read_corpus(corpus_dir, options.chunk_max_chars, progress)
        chunks = [c for d in documents for c in chunks_by_doc[d.name]]
        old = read_manifest(index_dir)
        chunker = {"max_chars": options.chunk_max_chars, "version": CHUNKER_VERSION}
        kind = _choose_kind(options, len(chunks))
        diff = _diff_documents(old, documents)
        # Teachers' question files: a bad one is reported like an unreadable document; an edited
        # one (its hash is in the manifest) makes the build change.
        teacher = load_teacher_banks(corpus_dir)
        skipped = {**skipped, **teacher[1]}
        quiz = quiz_state(corpus_dir)
        cache_path = cache_path or index_dir / CACHE_FILE
        if _is_unchanged(old, embedder, chunker, kind, diff, index_dir) and _quiz_state_unchanged(old, quiz):
            # Only what comes after publishing can be missing here (its build was stopped first).
            build = current_build(index_dir)
            _finish_sentences(build, chunks, cache_path, embedder, progress)
            bank = _finish_bank(build, chunks, corpus_dir, index_dir, teacher, progress)
            return IndexReport(len(documents), len(chunks), 0, len(chunks), skipped=skipped,
                               unchanged=True, build="", seconds=time.perf_counter() - started,
                               quiz_items=len(bank), answers_seconds=0.0)
        vectors, embedded = _embeddings_for(chunks, cache_path, embedder, progress)
        progress("writing", 0, 1)
        manifest = _make_manifest(embedder, kind, documents, chunks_by_doc, chunker, old, skipped, vectors)
        manifest = replace(manifest, quiz=quiz)
        try:
            build = write_build(index_dir, manifest, chunks, vectors)
        except BaseException:  # Ctrl-C included: no half-written build folder stays behind
            _remove_unfinished_builds(index_dir)
            raise
        del vectors  # the index holds them now
        progress("writing", 1, 1)
        answers = time.perf_counter() - started
        if published is not None:
            published()
        progress(ANSWERS_READY, 1, 1)
        folder = index_dir / BUILDS / build
        _finish_sentences(folder, chunks, cache_path, embedder, progress)
        bank = _finish_bank(folder, chunks, corpus_dir, index_dir, teacher, progress)
    return IndexReport(len(documents), len(chunks), embedded, len(chunks) - embedded,
                       added=diff["added"], changed=diff["changed"], removed=diff["removed"],
                       skipped=skipped, build=build, seconds=time.perf_counter() - started,
                       quiz_items=len(bank), answers_seconds=answers)


def finish_build(corpus_dir: Path, index_dir: Path, embedder: Embedder, progress: ProgressFn = _noop, *,
                 cache_path: Path | None = None) -> bool:
    """Make what the current build lacks of what comes after publishing (its sentence vectors, its
    quiz bank of this generator): its build was stopped before they were finished, or it is older.
    Returns whether anything was made. Raises ReindexInProgressError while another writer holds
    the index (a build running finishes itself)."""
    with writer_lock(index_dir):
        build = current_build(index_dir)
        if build is None or not unfinished(build):
            return False
        chunks = read_chunks(build)
        _finish_sentences(build, chunks, cache_path or index_dir / CACHE_FILE, embedder, progress)
        _finish_bank(build, chunks, corpus_dir, index_dir, load_teacher_banks(corpus_dir), progress)
        return True


def unfinished(build: Path) -> bool:
    """Whether a build folder still lacks its sentence vectors or its quiz bank."""
    return not (sentence_vectors_made(build) and bank_is_current(build))


def _finish_sentences(build: Path, chunks: list[Chunk], cache_path: Path, embedder: Embedder,
                      progress: ProgressFn) -> None:
    if not sentence_vectors_made(build):
        _write_sentence_vectors(build, chunks, cache_path, embedder, progress)


def _finish_bank(build: Path, chunks: list[Chunk], corpus_dir: Path, index_dir: Path,
                 teacher: tuple[list, dict[str, str]], progress: ProgressFn) -> QuestionBank:
    """The published build's quiz bank: the one it holds when this generator made it, else made now
    (reusing the items of unchanged chunks from the newest other build that holds a bank) and
    stored in its folder in one step, so a reader sees either no bank or the whole of it."""
    if bank_is_current(build):
        bank = load_bank(build)
        if bank.stored:
            return bank
    progress("quiz", 0, 1)
    bank = _make_bank(chunks, corpus_dir, _reusable_from_other_builds(index_dir, build), teacher)
    save_bank(bank, build)
    progress("quiz", 1, 1)
    return bank


def _reusable_from_other_builds(index_dir: Path, build: Path) -> dict[str, list]:
    """Generated items by chunk id of the newest other build whose bank this generator made (the
    previous build is kept beside the current one: index_store.prune_builds)."""
    others = sorted((f for f in (index_dir / BUILDS).iterdir() if f.is_dir() and f != build
                     and not f.name.startswith(".") and bank_is_current(f)), reverse=True)
    return reusable_items(others[0]) if others else {}


def _make_bank(chunks: list[Chunk], corpus_dir: Path, reusable: dict[str, list],
               teacher: tuple[list, dict[str, str]]) -> QuestionBank:
    """For notes past the quiz bank's cap (`QUIZ_NOTES_LIMIT` characters), the bank is made in a
    process of its own: the parser and its parses (about 300 MB) would otherwise stay in this
    process beside the embedding model and the loaded index, as the memory a process frees is not
    all given back. Smaller notes get theirs made here, as starting a process costs seconds."""
    if sum(len(c.text) for c in chunks) <= quiz_bank.QUIZ_NOTES_LIMIT:
        return build_bank(chunks, corpus_dir, reusable, teacher=teacher)[0]
    # Only the passages the bank is made from travel to the other process.
    return _bank_in_own_process((quiz_source(chunks), corpus_dir, reusable), teacher)


def _bank_in_own_process(args: tuple, teacher: tuple[list, dict[str, str]]) -> QuestionBank:
    _return_freed_memory()
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            # The function travels by its module and name: the other process imports it.
            return pool.submit(quiz_bank.build_bank, *args, teacher=teacher).result()[0]
    except BrokenProcessPool:  # killed (out of memory?): the bank is still worth making here
        log.warning("The quiz bank's own process stopped; making the bank in this one")
        return quiz_bank.build_bank(*args, teacher=teacher)[0]


def _return_freed_memory() -> None:
    """Give back to the system the heap this process freed (glibc keeps it for reuse otherwise)
    before the bank's process starts beside it: the peak memory of a big build is the two
    together (about 20 MB at the 20 MB note, bench/RESULTS.md 7i). Nothing elsewhere than glibc."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _remove_unfinished_builds(index_dir: Path) -> None:
    for folder in (index_dir / BUILDS).glob(".*.partial"):
        shutil.rmtree(folder, ignore_errors=True)


def _choose_kind(options: IndexOptions, count: int) -> str:
    if options.index_kind != "auto":
        return options.index_kind
    return "hnsw" if count > options.approximate_above else "flat"


def _diff_documents(old: Manifest | None, documents: list[Document]) -> dict[str, list[str]]:
    before = old.documents if old else {}
    now = {d.name: d.sha256 for d in documents}
    return {
        "added": sorted(n for n in now if n not in before),
        "changed": sorted(n for n in now if n in before and before[n].sha256 != now[n]),
        "removed": sorted(n for n in before if n not in now),
    }


def _is_unchanged(old: Manifest | None, embedder: Embedder, chunker: dict, kind: str,
                  diff: dict[str, list[str]], index_dir: Path) -> bool:
    if old is None or any(diff.values()):
        return False
    if (old.model, old.backend, old.vector_space, old.chunker, old.index_kind) != (
            embedder.model_name, embedder.backend, vector_space(embedder), chunker, kind):
        return False
    try:  # only skip the build when the current one really loads
        load_index(index_dir, model=embedder.model_name, backend=embedder.backend, vectors=vector_space(embedder))
    except StudyBotError:
        return False
    return True


def _quiz_state_unchanged(old: Manifest | None, quiz: dict) -> bool:
    """Same generator and same teachers' files as the current build was made with (its bank, if
    missing, is then made into it; otherwise a new build records the new state)."""
    return old is not None and all(old.quiz.get(k) == v for k, v in quiz.items())


def _embeddings_for(chunks: list[Chunk], cache_path: Path, embedder: Embedder,
                    progress: ProgressFn) -> tuple[np.ndarray, int]:
    """Vectors for every chunk, from the cache where the text was embedded before. New vectors
    reach the cache as each slice finishes, so an interrupted build keeps its work and the next
    one embeds only what is still missing. On a big corpus neither the texts nor the vectors are
    held twice: texts are made from their chunks a slice at a time, and the vectors are read back
    from the cache into one array."""
    cache = EmbeddingCache(cache_path, vector_space(embedder))
    hashes = [c.text_hash for c in chunks]
    first: dict[str, int] = {}  # text hash -> the first chunk with that text
    for row, h in enumerate(hashes):
        first.setdefault(h, row)
    distinct, missing = list(first), []
    for start in range(0, len(distinct), CACHE_SLICE):
        part = distinct[start : start + CACHE_SLICE]
        known = cache.get_many(part)
        missing += [h for h in part if h not in known]

    def texts(part: list[str]) -> list[str]:
        return [chunks[first[h]].embedding_text() for h in part]

    # Longest first across the whole build, as the embedder does within a call: batches then pad
    # to similar lengths whatever the slicing.
    todo = sorted(missing, key=lambda h: -len(chunks[first[h]].embedding_text()))
    in_passages = _in_passage_cache(embedder, cache_path)
    if todo and not getattr(embedder, "loaded", True):
        # Loading takes seconds, and on a machine's first build with an ONNX backend its files are
        # made first (about a minute): a stage of its own, rather than "0 of N chunks" standing still.
        progress("model", 0, 1)
        embedder.load()
        progress("model", 1, 1)
    progress("embedding", 0, len(todo))
    for start in range(0, len(todo), CACHE_SLICE):
        part = todo[start : start + CACHE_SLICE]
        report = lambda d, t, s=start: progress("embedding", s + d, len(todo))  # noqa: E731
        if in_passages is None:
            vectors = embedder.encode(texts(part), progress=report)
        else:
            vectors = _with_sentences(embedder, [chunks[first[h]] for h in part], cache, in_passages, report)
        cache.put_many(dict(zip(part, vectors)))
    if not chunks:
        return np.zeros((0, embedder.dimension), dtype=np.float32), 0
    return _read_back(cache, hashes, lambda part: embedder.encode(texts(part)), cache_path), len(todo)


def _in_passage_cache(embedder: Embedder, cache_path: Path) -> EmbeddingCache | None:
    """Where sentence vectors made in their passage's pass are cached, when the embedder makes
    them (`OnnxEmbedder.encode_in_passages`): apart from the texts' own vectors, which they are
    not (cosine 0.94 with them on average, bench/RESULTS.md 7o)."""
    space = getattr(embedder, "in_passage_space", None)
    return EmbeddingCache(cache_path, space) if space else None


def _with_sentences(embedder: Embedder, part: list[Chunk], cache: EmbeddingCache, in_passages: EmbeddingCache,
                    report: Callable[[int, int], None]) -> np.ndarray:
    """The chunks' vectors, and into the cache the vectors of their sentence texts
    (`comparable_texts`) made from the same model passes: about half the model's work for them
    of a pass each in the sentence stage, which then embeds only the texts not quoted from their
    passage (bench/RESULTS.md 7o). The sentences' vectors are written before the chunks': a
    stopped build whose chunk is cached has its sentences' too (or embeds them alone)."""
    wanted = [comparable_texts(c, AnswerPolicy.semantic_chars) for c in part]
    hashes = {t: text_hash(t) for texts in wanted for t in texts}
    known = set(in_passages.get_many(hashes.values())) | set(cache.get_many(hashes.values()))
    wanted = [[t for t in texts if hashes[t] not in known] for texts in wanted]
    vectors, sentences = embedder.encode_in_passages([c.embedding_text() for c in part], wanted, progress=report)
    in_passages.put_many({hashes[t]: v for t, v in sentences.items()})
    return vectors


def _read_back(cache: EmbeddingCache, hashes: list[str], embed: Callable[[list[str]], np.ndarray],
               cache_path: Path) -> np.ndarray:
    """The vectors of `hashes`, in order, as one float32 array read from the cache a slice at a
    time. Texts the cache lost meanwhile (a damaged file is discarded) are embedded again."""
    out: np.ndarray | None = None
    for start in range(0, len(hashes), CACHE_SLICE):
        part = hashes[start : start + CACHE_SLICE]
        found = cache.get_many(part)
        lost = [h for h in dict.fromkeys(part) if h not in found]
        if lost:
            found.update(zip(lost, embed(lost)))
        if out is None:
            out = np.empty((len(hashes), found[part[0]].shape[0]), dtype=np.float32)
        for row, h in enumerate(part, start):
            if found[h].shape[0] != out.shape[1]:  # a cache written by a different build of the "same" model
                raise StudyBotError("The embedding cache holds vectors of different sizes.",
                                    hint=f"Delete {cache_path} and run `studybot index` again.")
            out[row] = found[h]
    assert out is not None  # callers pass at least one hash
    return out


def _write_sentence_vectors(folder: Path, chunks: list[Chunk], cache_path: Path, embedder: Embedder,
                            progress: ProgressFn) -> None:
    """The vectors of the sentences answering compares with a question (`comparable_texts`), so
    that a question makes no model call for them. With the int8 backend most were made with their
    chunk's vectors (`_with_sentences`), inside its model pass; any other text (of a chunk cached
    before, or not quoted from its passage, or with another backend) is embedded on its own, as
    question time embeds it. Those share the embedding cache with question time,
    by text hash: an unchanged chunk's sentences, or a sentence asked about before, are not
    embedded again, and an interrupted build keeps what it embedded. A slice of passages at a
    time: their texts are made, embedded and written, and only their keys kept (VectorsWriter), so
    memory stays small on a big corpus while the loaded index answers beside it. Progress counts
    passages, as the number of texts is known only at the end."""
    cache = EmbeddingCache(cache_path, vector_space(embedder))
    in_passages = _in_passage_cache(embedder, cache_path)
    vectors = VectorsWriter(folder, embedder.dimension)
    progress("sentences", 0, len(chunks))
    for start in range(0, len(chunks), CACHE_SLICE):
        part = chunks[start:start + CACHE_SLICE]
        texts = [comparable_texts(c, AnswerPolicy.semantic_chars) for c in part]
        flat = [t for ts in texts for t in ts]
        hashes = {t: text_hash(t) for t in flat}
        known = in_passages.get_many(hashes.values()) if in_passages is not None else {}
        known.update(cache.get_many([h for h in hashes.values() if h not in known]))
        missing = [t for t in hashes if hashes[t] not in known]
        if missing:
            fresh = dict(zip((hashes[t] for t in missing), embedder.encode(missing)))
            cache.put_many(fresh)
            known.update(fresh)
        vectors.append(texts, np.array([known[hashes[t]] for t in flat], dtype=np.float32).reshape(
            len(flat), embedder.dimension))
        progress("sentences", start + len(part), len(chunks))
    vectors.close()


def _make_manifest(embedder: Embedder, kind: str, documents: list[Document],
                   chunks_by_doc: dict[str, list[Chunk]], chunker: dict, old: Manifest | None,
                   skipped: dict[str, str], vectors: np.ndarray) -> Manifest:
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    before = old.documents if old else {}
    entries = {}
    for d in documents:
        prior = before.get(d.name)
        since = prior.indexed_at if prior and prior.sha256 == d.sha256 else now
        entries[d.name] = DocumentEntry(d.sha256, len(chunks_by_doc[d.name]), d.size_bytes, since)
    dimension = int(vectors.shape[1])
    return Manifest(model=embedder.model_name, backend=embedder.backend, vectors=vector_space(embedder),
                    dimension=dimension, index_kind=kind,
                    chunk_count=int(vectors.shape[0]), documents=entries, chunker=chunker,
                    built_at=now, skipped=skipped)

"""The facade both adapters (command line and Discord) call for one course: its current index and
reindex lock over the model it is given; it takes and returns plain values and knows nothing of
Discord. `StudyService(settings)` is the default course (the top-level notes and index); the
course registry (bot.services.courses) makes one per course over a model and caches they share."""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from bot.core.abbreviations import read_course_names
from bot.core.answering import Answer, AnswerPolicy, answer_question
from bot.core.embedding import Embedder, vector_space
from bot.core.embedding_backends import backend_to_use, make_embedder
from bot.core.embedding_questions import at_question_time, question_embedder
from bot.core.corpus_changes import corpus_changes
from bot.core.corpus_files import check_upload, resolve_document, write_document
from bot.core.courses import DEFAULT_COURSE, Course, CourseFolders
from bot.core.index_store import (BUILDS, DocumentEntry, LoadedIndex, Manifest, current_build, load_index,
                                   read_manifest, recorded_backends)
from bot.core.embedding_cache import EmbeddingCache
from bot.core.indexer import (CACHE_FILE, IndexOptions, IndexReport, ProgressFn, build_index, finish_build,
                              unfinished)
from bot.core.quiz.bank import BANK_FILE, QuestionBank, bank_is_current, load_bank
from bot.core.question_text import clean_question
from bot.core.quiz.items import QuizItem
from bot.core.quiz.teacher_bank import add_teacher_question
from bot.core.retrieval import Retriever
from bot.core.sentence_file import INDEX_FILE as SENTENCE_INDEX
from bot.core.sentence_file import VECTORS_FILE as SENTENCE_VECTORS
from bot.core.sentence_file import DamagedSentenceFile, load_sentence_vectors, sentence_vectors_made
from bot.core.sentence_vectors import SentenceVectors
from bot.errors import (IndexIncompatibleError, IndexMissingError, IndexOutdatedError, QuizBankPendingError,
                        ReindexInProgressError)

log = logging.getLogger(__name__)

MODEL_CACHE = "models"  # in the index folder: the ONNX files made from the model, once

BuildClaim = Callable[..., AbstractContextManager[bool]]


def make_shared_embedder(settings: Settings) -> Embedder:
    """The one model of a process, as the settings describe it (loaded on first use); without
    EMBEDDING_BACKEND it embeds with the backend the installation's indexes were built with.
    Questions go through the cheapest runtime of its vectors (QUESTION_RUNTIME,
    bot.core.embedding_questions)."""
    folders = CourseFolders(settings.corpus_dir, settings.index_dir, settings.courses_dir)
    backend = backend_to_use(settings.embedding_backend,
                             recorded_backends(folders.course(name).index_dir for name in folders.names()))
    model_cache = settings.model_cache_dir or settings.index_dir / MODEL_CACHE
    build = make_embedder(
        settings.embedding_model, backend, model_cache=model_cache,
        allow_download=settings.allow_model_download, batch_size=settings.embed_batch_size,
        threads=settings.torch_threads)
    return question_embedder(build, settings.question_runtime, model_cache=model_cache,
                             threads=settings.torch_threads)


def shared_cache_path(settings: Settings) -> Path:
    """The embedding cache every course uses: the top-level index's own, so an installation from
    before courses keeps every vector it computed, and a text two courses hold is embedded once."""
    return settings.index_dir / CACHE_FILE


@dataclass(frozen=True)
class IndexInfo:
    index_dir: Path
    manifest: Manifest | None
    loaded_build: str | None
    course: str = DEFAULT_COURSE

    def to_dict(self) -> dict:
        m = self.manifest
        if m is None:
            return {"course": self.course, "index_dir": str(self.index_dir), "built": False}
        return {
            "course": self.course, "index_dir": str(self.index_dir), "built": True, "build": self.loaded_build,
            "model": m.model, "backend": m.backend, "dimension": m.dimension, "index_kind": m.index_kind,
            "format_version": m.format_version, "built_at": m.built_at,
            "chunk_count": m.chunk_count, "document_count": m.document_count,
            "documents": {name: {"chunks": d.chunks, "size": d.size, "indexed_at": d.indexed_at,
                                 "sha256": d.sha256} for name, d in m.documents.items()},
            "skipped": m.skipped, "chunker": m.chunker,
        }


@dataclass(frozen=True)
class IndexOpening:
    report: IndexReport | None  # the build made before serving, if one was needed
    changed: tuple[str, ...]  # corpus files added, changed or removed since the index was built


@dataclass(frozen=True)
class DocumentChange:
    name: str
    chunks: int  # chunks the document has (added) or had (removed)
    replaced: bool  # an upload replaced a document of the same name
    report: IndexReport


class StudyService:
    def __init__(self, settings: Settings, embedder: Embedder | None = None, *, course: Course | None = None,
                 sentence_vectors: SentenceVectors | None = None) -> None:
        """One course's service: `course` None is the default course (CORPUS_DIR and INDEX_DIR).
        Services of one process share `embedder` and `sentence_vectors` (see bot.services.courses)."""
        self.settings = settings
        self.course = course or Course(DEFAULT_COURSE, settings.corpus_dir, settings.index_dir)
        self.embedder = embedder or make_shared_embedder(settings)
        self.policy = AnswerPolicy(max_sentences=settings.answer_max_sentences)
        self._retriever: Retriever | None = None
        self._swap_lock = threading.Lock()
        self._load_lock = threading.Lock()  # two first questions at once load the index once
        self._reindex_lock = threading.Lock()
        self.last_reindex: IndexReport | None = None
        self.last_reindex_at: float | None = None
        self.sentence_vectors = sentence_vectors or SentenceVectors(
            at_question_time(self.embedder), EmbeddingCache(shared_cache_path(settings), vector_space(self.embedder)))
        self._quiz_bank: tuple[str, QuestionBank] | None = None  # (build name, its bank)
        self._vocabulary_for: weakref.ref[Retriever] | None = None  # the index whose vocabulary is made
        self.loaded_bytes = 0  # the served build's size on disk: what its memory is reckoned by
        # Called after each use of the index (the registry keeps its memory budget with it).
        self.on_use: Callable[[StudyService], None] | None = None
        # The claim on building this course across processes (bot.store.course_builds), given by
        # whoever holds the database: claim(course, wait=...) yields whether it is held.
        self.build_claim: BuildClaim | None = None

    # --- index ------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.course.name

    @property
    def index_dir(self) -> Path:
        return self.course.index_dir

    @property
    def corpus_dir(self) -> Path:
        return self.course.corpus_dir

    def load(self) -> Retriever:
        """Load the current index from disk (errors say how to recover) and start serving it."""
        try:
            loaded = load_index(self.index_dir, model=self.embedder.model_name, backend=self.embedder.backend,
                                vectors=vector_space(self.embedder))
        except IndexIncompatibleError:
            # When the configured model cannot even be loaded, that is the fault to report: the
            # index's advice (rebuild it) would only fail on the model next.
            self.embedder.dimension  # noqa: B018 - raises ModelLoadError naming EMBEDDING_MODEL
            raise
        retriever = Retriever(loaded, self.embedder, names=read_course_names(self.corpus_dir))
        size = _folder_bytes(self.index_dir / BUILDS / loaded.build_name)
        with self._swap_lock:
            self._retriever = retriever
            self.loaded_bytes = size
        self._used()
        return retriever

    def retriever(self) -> Retriever:
        """The index to answer from. Several processes may share the index folder: when its
        current build is no longer the one loaded (another process reindexed), load that one
        first (a one-line pointer file read per question: no restart, no stale answers)."""
        with self._swap_lock:
            current = self._retriever
        if current is None or self._superseded(current):
            with self._load_lock:  # one thread loads; the others then find it loaded
                with self._swap_lock:
                    current = self._retriever
                if current is None or self._superseded(current):
                    return self.load()
        if current.index.sentences is None:  # made after the build was published: here yet?
            _attach_sentences(current.index)
        self._used()
        return current

    def _superseded(self, retriever: Retriever) -> bool:
        latest = current_build(self.index_dir)
        return latest is not None and latest.name != retriever.index.build_name

    @property
    def loaded(self) -> bool:
        with self._swap_lock:
            return self._retriever is not None

    def unload(self) -> None:
        """Stop holding the index in memory (the memory budget's eviction); the next question
        loads it again. A question already running keeps the retriever it holds."""
        with self._swap_lock:
            self._retriever = None
            self._quiz_bank = None
            self.loaded_bytes = 0

    def _used(self) -> None:
        if self.on_use is not None:
            self.on_use(self)

    def open_index(self, progress: ProgressFn | None = None, *, build: bool = True) -> IndexOpening:
        """Load the index to serve, the one place that decides whether to build it first. With
        `build`, a missing index is built from the corpus and files changed since the build are
        indexed before serving; without, a missing index is an error and changes are only named
        (the caller says how to index them)."""
        try:
            self.load()
        except (IndexMissingError, IndexOutdatedError):
            # An index of an earlier version of the same model's vectors (an upgrade) is built
            # again as a missing one is: the process starts serving instead of stopping at a hint.
            if not build:
                raise
            return IndexOpening(self.reindex(progress, wait=True), ())
        manifest = read_manifest(self.index_dir)
        changed = tuple(corpus_changes(self.corpus_dir, manifest)) if manifest else ()
        if changed and build:
            return IndexOpening(self.reindex(progress, wait=True), changed)
        current = current_build(self.index_dir)
        if build and current is not None and unfinished(current):
            self._finish_aside()  # its build was stopped after publishing it (or it is older)
        return IndexOpening(None, changed)

    @property
    def reindexing(self) -> bool:
        return self._reindex_lock.locked()

    def reindex(self, progress: ProgressFn | None = None, *, wait: bool = False) -> IndexReport:
        """Rebuild from the corpus aside; questions keep being answered from the old index until
        the new one is complete, then it replaces the old one in one step. One build of a course
        at a time (`_building`): a second one is refused, or with `wait` (a process starting)
        waits and then finds little to do."""
        with self._building(wait):
            return self._build(progress)

    @contextmanager
    def _building(self, wait: bool = False) -> Iterator[None]:
        """The right to change this course's notes and build its index: held by one thread of
        this process and, through the database's claim, by one process of all of them."""
        if not self._reindex_lock.acquire(blocking=wait):
            raise ReindexInProgressError("A reindex is already running.",
                                         hint="Wait for it to finish, then try again.")
        try:
            claim = self.build_claim(self.name, wait=wait) if self.build_claim else nullcontext(True)
            with claim as held:
                if not held:
                    raise ReindexInProgressError(
                        "A reindex of these notes is already running in another of the bot's processes.",
                        hint="Wait for it to finish, then try again.")
                yield
        finally:
            self._reindex_lock.release()

    def _build(self, progress: ProgressFn | None) -> IndexReport:
        """Build (the caller holds `_building`) and serve the result."""
        options = IndexOptions(self.settings.chunk_max_chars, self.settings.index_kind,
                               self.settings.approximate_above)
        # Questions are answered from the new build as soon as it is published, while its quiz
        # bank is still being made (`published`).
        report = build_index(self.corpus_dir, self.index_dir, self.embedder, options,
                             progress or (lambda *_: None), cache_path=shared_cache_path(self.settings),
                             published=self.load)
        if not self.loaded:
            self.load()
        with self._swap_lock:
            current = self._retriever
        if current is not None and current.index.sentences is None:
            _attach_sentences(current.index)
        self.last_reindex, self.last_reindex_at = report, time.time()
        return report

    def add_document(self, filename: str, data: bytes, progress: ProgressFn | None = None) -> DocumentChange:
        """Check an upload, put it in the corpus and index it (only its chunks are embedded). A file
        that cannot be read changes nothing."""
        name, document = check_upload(filename, data, int(self.settings.upload_max_mb * 1_000_000))
        if self.reindexing:
            raise ReindexInProgressError("A reindex is running.", hint="Upload again when it has finished.")
        with self._building():  # the file is written only once this process may build
            replaced = (self.corpus_dir / name).exists()
            write_document(self.corpus_dir, name, data)
            report = self._build(progress)
        entry = read_manifest(self.index_dir).documents.get(name)
        return DocumentChange(name, entry.chunks if entry else 0, replaced, report)

    def remove_document(self, name: str, progress: ProgressFn | None = None) -> DocumentChange:
        path = resolve_document(self.corpus_dir, name)
        if self.reindexing:
            raise ReindexInProgressError("A reindex is running.", hint="Try again when it has finished.")
        with self._building():
            manifest = read_manifest(self.index_dir)
            chunks = manifest.documents[name].chunks if manifest and name in manifest.documents else 0
            path.unlink()
            return DocumentChange(name, chunks, True, self._build(progress))

    def documents(self) -> dict[str, DocumentEntry]:
        manifest = read_manifest(self.index_dir)
        return dict(manifest.documents) if manifest else {}

    def info(self) -> IndexInfo:
        with self._swap_lock:
            loaded = self._retriever.index.build_name if self._retriever else None
        return IndexInfo(self.index_dir, read_manifest(self.index_dir), loaded, self.name)

    def quiz_bank(self, *, missing: str = "aside") -> QuestionBank:
        """The question bank of the current build, read once per build (without loading the
        index: a quiz posted in a course nobody asks about costs no memory for its index).

        A build is answered from before its bank is made, so the bank can be missing: being made
        by the build, or never finished (the build was stopped) or made by an older generator.
        `missing` says what then: "aside" (default) raises QuizBankPendingError and, when nothing
        is making it, makes it in a thread of its own; "make" makes it (or waits for this
        process's build) before returning; "keep" returns the bank as stored (`stored` False)."""
        current = current_build(self.index_dir)
        build = current.name if current is not None else self.retriever().index.build_name
        cached = self._quiz_bank
        if cached is not None and cached[0] == build:
            return cached[1]
        bank = load_bank(self.index_dir / BUILDS / build)
        if not bank.stored and missing == "aside":
            self._finish_aside()
            raise QuizBankPendingError(
                "The quiz questions of these notes are being made (the notes were just indexed).",
                hint="Try again in a minute or two.")
        if not bank.stored and missing == "make":
            self._finish()
            bank = load_bank(self.index_dir / BUILDS / build)
        if bank.stored:  # a missing one is looked for again next time
            self._quiz_bank = (build, bank)
        return bank

    @property
    def quiz_bank_ready(self) -> bool:
        """Whether the current build's quiz bank is made (False while it is being made)."""
        current = current_build(self.index_dir)
        return current is not None and bank_is_current(current)

    def _finish(self) -> None:
        """Finish the current build (indexer.finish_build), or wait for this process's build
        that is finishing it."""
        try:
            with self._building(wait=True):
                finish_build(self.corpus_dir, self.index_dir, self.embedder,
                             cache_path=shared_cache_path(self.settings))
        except ReindexInProgressError as exc:  # another process is building: it finishes it
            raise QuizBankPendingError("The quiz questions of these notes are being made by another "
                                       "process.", hint="Try again in a minute or two.") from exc

    def _finish_aside(self) -> None:
        if self.reindexing:  # this process's build finishes it
            return
        threading.Thread(target=self._finish_in_background, name=f"finish-build-{self.name}", daemon=True).start()

    def _finish_in_background(self) -> None:
        try:
            with self._building():
                if finish_build(self.corpus_dir, self.index_dir, self.embedder,
                                cache_path=shared_cache_path(self.settings)):
                    log.info("Finished the index build of %s (sentence vectors, quiz bank)", self.name)
        except ReindexInProgressError:  # a build is running (here or in another process): it finishes it
            pass
        except Exception:  # a background thread has nobody to report to but the log
            log.exception("Finishing the index build of %s failed", self.name)

    def add_quiz_question(self, question: str, answer: str, wrong: list[str], explanation: str,
                          author: str) -> QuizItem:
        """A teacher's own multiple-choice question: checked, saved beside the notes, and in the
        bank at once (the reindex re-embeds nothing)."""
        with self._building():
            item = add_teacher_question(self.corpus_dir, question, answer, wrong, explanation, author)
            self._build(None)
        return item

    # --- questions ----------------------------------------------------------------------------

    def ask(self, question: str) -> Answer:
        retriever = self.retriever()
        result = retriever.search(clean_question(question), k=8)
        answer = answer_question(result, retriever.lexical, self.policy,
                                 self.sentence_vectors.for_build(retriever.index.sentences),
                                 self.embedder.knows_word, lambda: retriever.vocabulary,
                                 retriever.passages_with)
        log.info("Answered (%s, top %.2f): %r", answer.tier, answer.top_score, question[:80])
        self._make_vocabulary(retriever)
        return answer

    def _make_vocabulary(self, retriever: Retriever) -> None:
        """Read the notes' vocabulary (for misspelt words, short forms and words the notes never
        use) in the background once a course has answered its first question, so no question waits
        for it. A build stores it (bot.core.vocabulary_file: milliseconds to read); one made before
        that makes it here, once, from every chunk (about a second at 5,000 chunks, which held a
        question up: the warm p95 of 843 ms in bench/RESULTS.md 10b) and stores it."""
        if "vocabulary" in vars(retriever) or (self._vocabulary_for and self._vocabulary_for() is retriever):
            return
        self._vocabulary_for = weakref.ref(retriever)  # an unloaded index is not kept for this
        threading.Thread(target=_make_vocabulary, args=(retriever,), name=f"vocabulary-{self.name}",
                         daemon=True).start()


def _make_vocabulary(retriever: Retriever) -> None:
    retriever.vocabulary  # noqa: B018 - made on first use, and kept
    retriever.lexical.stems_by_head  # noqa: B018 - the same, for words the notes never use


def _attach_sentences(index: LoadedIndex) -> None:
    """Give a served build the sentence vectors made since it was loaded (a stat a question while
    they are being made; they are then read by key, as when loaded with the build)."""
    if index.folder is None or not sentence_vectors_made(index.folder):
        return
    try:
        index.sentences = load_sentence_vectors(index.folder, index.manifest.chunk_count, index.manifest.dimension)
    except DamagedSentenceFile:
        log.warning("The sentence vectors of %s are unreadable; sentences are embedded at question time",
                    index.folder, exc_info=True)


def _folder_bytes(folder: Path) -> int:
    # The sentence vectors are memory-mapped: a question reads a few rows, and the OS can drop
    # the pages again, so they are not what a loaded course holds. The quiz bank is not loaded
    # with the index (and is written after the build is published and loaded).
    # Both are written after the build is published and loaded (the sentence index is 12 bytes a
    # sentence, a few per cent of what a loaded build holds).
    return sum(f.stat().st_size for f in folder.rglob("*")
               if f.is_file() and f.name not in (SENTENCE_VECTORS, SENTENCE_INDEX, BANK_FILE)
               and not f.name.startswith("."))

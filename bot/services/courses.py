"""Every course one process serves, at a cost that grows with use rather than with courses.

A course's service is made the first time the course is named (cheap: no file is read), and its
index is loaded the first time someone asks it something. Loaded indexes are kept in the order
they were last used; when together they pass the memory budget (COURSE_MEMORY_MB), the least
recently used are let go and load again on their next question. All courses share the one model
and the one embedding cache (vectors keyed by text hash), and each has its own locks: a reindex of
one course never waits for, or holds up, another's questions."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass

from bot.config import Settings
from bot.core.courses import DEFAULT_COURSE, CourseFolders, check_course_name
from bot.core.embedding import Embedder, vector_space
from bot.core.embedding_cache import EmbeddingCache
from bot.core.embedding_questions import at_question_time
from bot.core.index_store import current_build, read_manifest
from bot.core.sentence_vectors import SentenceVectors
from bot.errors import InvalidInputError, NotFoundError
from bot.service import BuildClaim, StudyService, make_shared_embedder, shared_cache_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CourseSummary:
    """What `studybot courses` and `/status` say about a course, read without loading its index."""

    name: str
    documents: int
    chunks: int
    notes_bytes: int  # the documents, as uploaded
    index_bytes: int  # the current build on disk
    built: bool
    loaded: bool


class Courses:
    def __init__(self, settings: Settings, embedder: Embedder | None = None, *,
                 default: StudyService | None = None, build_claim: BuildClaim | None = None) -> None:
        """`default`: an existing service of the default course to adopt (with its model).
        `build_claim`: the database's claim on building a course (bot.store.course_builds), so
        that two processes never build one course at once; without it, only this process's
        own builds are kept apart."""
        self.settings = settings
        self.folders = CourseFolders(settings.corpus_dir, settings.index_dir, settings.courses_dir)
        self.embedder = default.embedder if default else (embedder or make_shared_embedder(settings))
        self.sentence_vectors = default.sentence_vectors if default else SentenceVectors(
            at_question_time(self.embedder), EmbeddingCache(shared_cache_path(settings), vector_space(self.embedder)))
        self.budget_bytes = int(settings.course_memory_mb * 1_000_000)
        self._open: dict[str, StudyService] = {}
        self._loaded: OrderedDict[str, int] = OrderedDict()  # name -> bytes, least recently used first
        self._lock = threading.RLock()
        self.evictions = 0
        self.build_claim = build_claim
        if default is not None:
            self._adopt(default)

    # --- finding courses --------------------------------------------------------------------------

    @property
    def default(self) -> StudyService:
        return self.get(DEFAULT_COURSE)

    def names(self) -> list[str]:
        return self.folders.names()

    def exists(self, name: str) -> bool:
        return self.folders.exists(name)

    def get(self, name: str) -> StudyService:
        """The service of an existing course (its index is loaded on its first question)."""
        name = check_course_name(name)
        with self._lock:
            service = self._open.get(name)
            if service is not None:
                return service
            if not self.folders.exists(name):
                raise NotFoundError(f"There is no course “{name}”.",
                                    hint="`studybot courses` lists the courses; a new course is a folder of "
                                    f"notes, {self.folders.course(name).corpus_dir}.")
            return self._adopt(StudyService(self.settings, self.embedder, course=self.folders.course(name),
                                            sentence_vectors=self.sentence_vectors))

    def create(self, name: str) -> StudyService:
        """A new, empty course (its notes folder made); an existing name is refused."""
        name = check_course_name(name)
        with self._lock:
            if self.folders.exists(name):
                raise InvalidInputError(f"A course named “{name}” exists already.", hint="Choose another name.")
            self.folders.create(name)
            log.info("Created course %s", name)
            return self.get(name)

    def _adopt(self, service: StudyService) -> StudyService:
        service.on_use = self._used
        if self.build_claim is not None:
            service.build_claim = self.build_claim
        self._open[service.name] = service
        return service

    # --- memory -----------------------------------------------------------------------------------

    def _used(self, service: StudyService) -> None:
        """Called after each use of a course's index: keep it last in line, and let the least
        recently used others go while the loaded indexes pass the budget (the course in use stays,
        whatever its size)."""
        with self._lock:
            if not service.loaded:  # let go by another thread meanwhile
                self._loaded.pop(service.name, None)
                return
            self._loaded[service.name] = service.loaded_bytes
            self._loaded.move_to_end(service.name)
            while sum(self._loaded.values()) > self.budget_bytes and len(self._loaded) > 1:
                oldest = next(iter(self._loaded))
                self._loaded.pop(oldest)
                self._open[oldest].unload()
                self.evictions += 1
                log.info("Unloaded course %s (memory budget %d MB)", oldest, self.settings.course_memory_mb)

    def loaded(self) -> dict[str, int]:
        """{course: bytes reckoned} of the indexes in memory, least recently used first."""
        with self._lock:
            return dict(self._loaded)

    # --- what each course holds ---------------------------------------------------------------

    def summary(self, name: str) -> CourseSummary:
        course = self.folders.course(name)
        manifest = read_manifest(course.index_dir)
        build = current_build(course.index_dir)
        index_bytes = sum(f.stat().st_size for f in build.rglob("*") if f.is_file()) if build else 0
        with self._lock:
            loaded = name in self._loaded
        if manifest is None:
            return CourseSummary(name, 0, 0, 0, index_bytes, False, loaded)
        return CourseSummary(name, manifest.document_count, manifest.chunk_count,
                             sum(d.size for d in manifest.documents.values()), index_bytes, True, loaded)

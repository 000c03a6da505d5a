"""The index on disk: each build lives in its own folder, and a one-line pointer file names the
current one. A new build is written aside, completed with its manifest, and only then made current
by replacing the pointer with `os.replace`, which is atomic: a crash at any moment leaves either the
old build or the new one current, never a half-written one."""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.sentence_file import DamagedSentenceFile, StoredSentences, load_sentence_vectors
from bot.core.vocabulary_file import make_vocabulary, write_vocabulary
from bot.errors import IndexDamagedError, IndexIncompatibleError, IndexMissingError, IndexOutdatedError

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
POINTER = "CURRENT"
BUILDS = "builds"
RECOVER_HINT = "Run `studybot index` (or /reindex in Discord) to rebuild it from the corpus."


@dataclass(frozen=True)
class DocumentEntry:
    sha256: str
    chunks: int
    size: int
    indexed_at: str  # when this version of the document was first indexed (UTC ISO)


@dataclass(frozen=True)
class Manifest:
    model: str
    dimension: int
    index_kind: str
    chunk_count: int
    documents: dict[str, DocumentEntry]
    chunker: dict[str, object]
    built_at: str
    format_version: int = FORMAT_VERSION
    skipped: dict[str, str] = field(default_factory=dict)
    # The question bank: generator version, teachers' files {name: sha256}, item count.
    quiz: dict[str, object] = field(default_factory=dict)
    # What computed the vectors (EMBEDDING_BACKEND); builds made before the setting were torch's.
    backend: str = "torch"
    # The name of the vectors' space (`embedding.vector_space`); "" in builds made before it was
    # recorded, whose vectors are `space_name(model, backend, before_notes=True)`'s.
    vectors: str = ""

    @property
    def vector_space(self) -> str:
        from bot.core.embedding import space_name

        return self.vectors or space_name(self.model, self.backend, before_notes=True)

    @property
    def document_count(self) -> int:
        return len(self.documents)

    def to_json(self) -> str:
        data = asdict(self)
        data["document_count"] = self.document_count
        return json.dumps(data, indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        data = json.loads(text)
        data.pop("document_count", None)
        data["documents"] = {k: DocumentEntry(**v) for k, v in data["documents"].items()}
        return cls(**data)


@dataclass
class LoadedIndex:
    """Everything a retriever needs, read from one build folder."""

    manifest: Manifest
    chunks: list[Chunk]
    vectors: object  # a faiss index
    lexical: LexicalIndex
    build_name: str
    sentences: StoredSentences | None = None  # None: a build from before they were stored
    folder: Path | None = None  # the build folder it was read from (its notes' vocabulary is there)


# --- writing --------------------------------------------------------------------------------


def make_faiss_index(vectors: np.ndarray, kind: str):
    import faiss

    dim = vectors.shape[1]
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 128
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def write_build(index_dir: Path, manifest: Manifest, chunks: list[Chunk], vectors: np.ndarray,
                write_extras: Callable[[Path], None] | None = None) -> str:
    """Write a complete build aside, then make it current atomically. Returns the build name.

    `write_extras(folder)` writes the caller's own files into the build folder before it is
    completed, so they are swapped in with it."""
    import faiss

    builds = index_dir / BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    name = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:8]
    staging = builds / f".{name}.partial"
    staging.mkdir()
    previous = current_build(index_dir)
    _write_chunks(staging / "chunks.jsonl", chunks)
    faiss.write_index(make_faiss_index(vectors, manifest.index_kind), str(staging / "vectors.faiss"))
    LexicalIndex.build([c.embedding_text() for c in chunks]).save(staging / "lexical")
    write_vocabulary(staging, make_vocabulary(c.embedding_text() for c in chunks))
    if write_extras is not None:
        write_extras(staging)
    # The manifest goes last: a build folder without one is incomplete by definition.
    _write_durably(staging / "manifest.json", manifest.to_json())
    _fsync_dir(staging)
    os.replace(staging, builds / name)
    _write_durably(index_dir / f".{POINTER}.tmp", name + "\n")
    os.replace(index_dir / f".{POINTER}.tmp", index_dir / POINTER)
    _fsync_dir(index_dir)
    log.info("Index build %s is now current (%d chunks)", name, len(chunks))
    prune_builds(index_dir, keep={name, previous.name if previous else name})
    return name


def prune_builds(index_dir: Path, keep: set[str]) -> None:
    """Remove builds other than `keep` and leftovers of interrupted builds (only one writer runs at
    a time, see `indexer`). The previous build is kept, so a process that is loading it during
    the swap still finds its files."""
    builds = index_dir / BUILDS
    for entry in builds.iterdir() if builds.exists() else []:
        if entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)


def _write_chunks(path: Path, chunks: list[Chunk]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for c in chunks:
            out.write(json.dumps(asdict(c), ensure_ascii=False) + "\n")


def _write_durably(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- reading --------------------------------------------------------------------------------


def current_build(index_dir: Path) -> Path | None:
    pointer = index_dir / POINTER
    if not pointer.exists():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    return index_dir / BUILDS / name if name else None


def read_manifest(index_dir: Path) -> Manifest | None:
    """The current manifest, or None when there is no usable index (no error: callers decide)."""
    build = current_build(index_dir)
    try:
        return Manifest.from_json((build / "manifest.json").read_text(encoding="utf-8")) if build else None
    except (OSError, ValueError, TypeError, KeyError):
        return None


def recorded_backends(index_dirs: Iterable[Path]) -> list[str]:
    """The embedding backends the current builds of these index folders were made with, in order
    (folders without a build are left out)."""
    return [m.backend for m in map(read_manifest, index_dirs) if m is not None]


def load_index(index_dir: Path, *, model: str, backend: str = "torch", vectors: str | None = None) -> LoadedIndex:
    """The current build of `index_dir`, if it was built with `model` and `backend` and, when
    `vectors` is given, holds vectors of that name (`embedding.vector_space`)."""
    build = current_build(index_dir)
    if build is None:
        raise IndexMissingError(f"There is no index in {index_dir} yet.", hint=RECOVER_HINT)
    try:
        manifest = Manifest.from_json((build / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise IndexDamagedError(f"The index in {index_dir} is damaged (its manifest is unreadable).",
                                hint=RECOVER_HINT) from exc
    _check_compatible(manifest, model, backend, index_dir, vectors)
    try:
        chunks = _read_chunks(build / "chunks.jsonl")
        vectors = _read_faiss(build / "vectors.faiss")
        lexical = LexicalIndex.load(build / "lexical")
    except Exception as exc:  # any failure to read a file of the build is damage
        raise IndexDamagedError(f"The index in {index_dir} is damaged ({type(exc).__name__}).",
                                hint=RECOVER_HINT) from exc
    counts = {len(chunks), vectors.ntotal, lexical.doc_count}
    if counts != {manifest.chunk_count} or vectors.d != manifest.dimension:
        raise IndexDamagedError(
            f"The index in {index_dir} is damaged: its files disagree on the number of chunks.",
            hint=RECOVER_HINT)
    try:
        sentences = load_sentence_vectors(build, manifest.chunk_count, manifest.dimension)
    except DamagedSentenceFile as exc:
        raise IndexDamagedError(f"The index in {index_dir} is damaged ({exc}).", hint=RECOVER_HINT) from exc
    return LoadedIndex(manifest, chunks, vectors, lexical, build.name, sentences, build)


def _check_compatible(manifest: Manifest, model: str, backend: str, index_dir: Path,
                      vectors: str | None = None) -> None:
    if manifest.format_version != FORMAT_VERSION:
        raise IndexIncompatibleError(
            f"The index in {index_dir} has format {manifest.format_version}; this StudyBot reads "
            f"format {FORMAT_VERSION}.", hint=RECOVER_HINT)
    if manifest.model != model:
        raise IndexIncompatibleError(
            f"The index in {index_dir} was built with the model {manifest.model!r}, but "
            f"{model!r} is configured.", hint=RECOVER_HINT)
    if manifest.backend != backend:
        raise IndexIncompatibleError(
            f"The index in {index_dir} holds vectors of the {manifest.backend!r} embedding backend, "
            f"but this StudyBot embeds with {backend!r} (EMBEDDING_BACKEND): their vectors differ "
            "slightly, so questions would be compared with the wrong ones.",
            hint=f"Set EMBEDDING_BACKEND={manifest.backend} to keep the index as "
            f"it is, or {RECOVER_HINT[0].lower()}{RECOVER_HINT[1:]}")
    if vectors is not None and manifest.vector_space != vectors:
        # Same model and backend, vectors made another way: the int8 file before its static
        # version (bench/RESULTS.md 7v). Questions are embedded the new way only.
        raise IndexOutdatedError(
            f"The index in {index_dir} holds vectors of an earlier version of the {backend!r} embedding "
            f"model ({manifest.vector_space!r}); this StudyBot makes {vectors!r}: they differ slightly, "
            "so it must be built again once.", hint=RECOVER_HINT)


def read_chunks(build: Path) -> list[Chunk]:
    """The chunks of a build folder, in order."""
    return _read_chunks(build / "chunks.jsonl")


def _read_chunks(path: Path) -> list[Chunk]:
    chunks = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            data["heading_path"] = tuple(data["heading_path"])
            data["pages"] = tuple(data.get("pages", ()))
            chunks.append(Chunk(**data))
    return chunks


def _read_faiss(path: Path):
    import faiss

    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"{path.name} is missing or empty")
    return faiss.read_index(str(path))

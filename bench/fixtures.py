"""Indexes for the query and memory benchmarks, built once and cached under bench/out/.

* real_index(n): a generated corpus of n chunks (bench/common.make_corpus) plus the default notes
  (corpus/), built with the project's own `build_index` and the real model. Rebuilding it only
  checks that nothing changed.
* synthetic_index(n, kind): n chunks written with the project's own `write_build`: the default
  notes' chunks with real embeddings (so the test questions find real answers), mixed with
  synthetic chunks whose texts are real prose sentences recombined at random (so BM25 sees a
  realistic vocabulary) and whose vectors are random unit vectors (np.random.default_rng(seed)).
"""

from __future__ import annotations

import hashlib
import random
import shutil
import time
from dataclasses import replace
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import numpy as np

import common


def real_index(n_chunks: int, seed: int = 1) -> Path:
    from bot.core.embedding_model import SentenceTransformerEmbedder
    from bot.core.indexer import IndexOptions, build_index

    corpus, index = common.OUT / f"corpus-real-{n_chunks}", common.OUT / f"index-real-{n_chunks}"
    marker = common.OUT / f"corpus-real-{n_chunks}.done"
    if not marker.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        common.make_corpus(corpus, n_chunks, seed=seed)
        for path in common.DEFAULT_CORPUS.iterdir():
            if path.is_file() and path.name != "README.md":
                shutil.copy(path, corpus / path.name)
        marker.write_text("ok\n")
    started = time.perf_counter()
    report = build_index(corpus, index, SentenceTransformerEmbedder(), IndexOptions())
    if not report.unchanged:
        print(f"built {index.name}: {report.chunks} chunks, {report.embedded} embedded, "
              f"{time.perf_counter() - started:.0f} s")
    return index


# 2: sentences shown with a heading holding a date or number are stored too (comparable_texts).
# 3: the manifest names its vectors (`Manifest.vectors`), so an onnx-int8 fixture loads (session 29).
SYNTHETIC_VERSION = "3"


def synthetic_index(n_chunks: int, kind: str, seed: int = 2, backend: str = "torch") -> Path:
    """`backend`: what embedded the default notes' chunks and sentences (the manifest says so);
    the synthetic ones are random either way."""
    from bot.core.embedding import vector_space
    from bot.core.index_store import read_manifest, write_build

    suffix = "" if backend == "torch" else f"-{backend}"
    index = common.OUT / f"index-synth-{n_chunks}-{kind}{suffix}"
    manifest = read_manifest(index)
    version = index / "fixture-version"
    if (manifest is not None and manifest.chunk_count == n_chunks and manifest.index_kind == kind
            and version.exists() and version.read_text().strip() == SYNTHETIC_VERSION):
        _store_vocabulary(index, backend)
        return index
    started = time.perf_counter()
    base, chunks, vectors = _synthetic(n_chunks, seed, backend)
    # The vectors' name as a build with that backend records it (`embedding.vector_space`): without it, an
    # onnx-int8 fixture read as the dynamic int8 file's and was refused at load since the static one (7v).
    vectors_name = vector_space(real_embedder(backend))
    write_build(index, replace(base, index_kind=kind, backend=backend, vectors=vectors_name), chunks, vectors,
                lambda folder: _sentence_vectors(folder, chunks, seed, backend))
    version.write_text(SYNTHETIC_VERSION + "\n")
    print(f"built {index.name}: {len(chunks)} chunks, {time.perf_counter() - started:.0f} s")
    return index


def _store_vocabulary(index: Path, backend: str) -> None:
    """A build cached before builds stored the notes' vocabulary is given it (as its first load
    in use would), so that loads time reading it, not making it."""
    from bot.core.embedding import DEFAULT_MODEL
    from bot.core.index_store import load_index
    from bot.core.vocabulary_file import vocabulary_of_build

    loaded = load_index(index, model=DEFAULT_MODEL, backend=backend)
    vocabulary_of_build(loaded.folder, lambda: (c.embedding_text() for c in loaded.chunks))


@lru_cache(maxsize=2)
def real_embedder(backend: str):
    """What embeds the default notes' texts of a fixture built with `backend`."""
    if backend in ("torch", "torch-bf16"):
        from bot.core.embedding_model import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(bf16=backend == "torch-bf16")
    from bot.core.embedding_onnx import OnnxEmbedder

    return OnnxEmbedder(quantized=backend == "onnx-int8", cache_dir=common.OUT / "models")


def _sentence_vectors(folder: Path, chunks, seed: int, backend: str) -> None:
    """The build's sentence vectors, as the indexer writes them: the default notes' sentences
    embedded by the model, the synthetic chunks' random unit vectors (like their chunk vectors),
    written a slice at a time (100,000 chunks hold over a million texts)."""
    from bot.core.answering import AnswerPolicy
    from bot.core.sentence_file import empty_vectors, write_sentence_index
    from bot.core.sentences import comparable_texts

    texts = [comparable_texts(c, AnswerPolicy.semantic_chars) for c in chunks]
    rows = sum(map(len, texts))
    vectors = empty_vectors(folder, rows, 384)
    rng = np.random.default_rng(seed + 1)
    for start in range(0, rows, 100_000):
        part = rng.standard_normal((min(100_000, rows - start), 384), dtype=np.float32)
        vectors[start:start + len(part)] = part / np.linalg.norm(part, axis=1, keepdims=True)
    real = _rows_of_real(chunks, texts)
    if real:
        vectors[[r for r, _ in real]] = real_embedder(backend).encode([t for _, t in real])
    if isinstance(vectors, np.memmap):
        vectors.flush()
    del vectors
    write_sentence_index(folder, texts)


def _rows_of_real(chunks, texts) -> list[tuple[int, str]]:
    rows, row = [], 0
    for chunk, ts in zip(chunks, texts):
        if not chunk.document.startswith("synthetic/"):
            rows += [(row + i, t) for i, t in enumerate(ts)]
        row += len(ts)
    return rows


@lru_cache(maxsize=2)
def _synthetic(n_chunks: int, seed: int, backend: str = "torch"):
    from bot.core.chunking import chunk_document
    from bot.core.documents import Chunk, make_chunk_id
    from bot.core.embedding import DEFAULT_MODEL
    from bot.core.index_store import DocumentEntry, Manifest
    from bot.core.indexer import CHUNKER_VERSION
    from bot.core.loaders import iter_corpus_files, load_document

    real_docs = [load_document(path, name) for path, name in iter_corpus_files(common.DEFAULT_CORPUS)]
    real = {d.name: chunk_document(d) for d in real_docs}
    real_count = sum(map(len, real.values()))
    rng, np_rng = random.Random(seed), np.random.default_rng(seed)
    pool = common.sentence_pool()
    areas = sorted({area for area, _ in common.harvest_prose()})
    docs: dict[str, list[Chunk]] = {}
    remaining, number = n_chunks - real_count, 0
    while remaining > 0:
        number += 1
        name, size = f"synthetic/{rng.choice(areas)}-{number:05d}.md", min(remaining, 50)
        title = f"Notes on {name.split('/')[1][:-9]} (part {number})"
        chunks = []
        for position in range(size):
            text, target = [], rng.randint(650, 900)
            while sum(map(len, text)) + len(text) < target:
                text.append(rng.choice(pool))
            body = " ".join(text)[:900].rsplit(" ", 1)[0]
            heading = (title, f"{position + 1}. " + " ".join(body.split()[:4]))
            chunks.append(Chunk(make_chunk_id(name, heading, body, 0), name, heading, None, position, body))
        docs[name] = chunks
        remaining -= size
    names = list(docs)
    for name, chunks in real.items():  # the real notes sit at a random place among the rest
        names.insert(rng.randrange(len(names) + 1), name)
        docs[name] = chunks
    all_chunks = [c for name in names for c in docs[name]]
    vectors = np_rng.standard_normal((len(all_chunks), 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    real_rows = [i for i, c in enumerate(all_chunks) if c.document in real]
    vectors[real_rows] = real_embedder(backend).encode([all_chunks[i].embedding_text() for i in real_rows])
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    entries = {name: DocumentEntry(hashlib.sha256(name.encode()).hexdigest(), len(docs[name]),
                                   sum(len(c.text) for c in docs[name]), now) for name in names}
    manifest = Manifest(model=DEFAULT_MODEL, dimension=384, index_kind="flat", chunk_count=len(all_chunks),
                        documents=entries, chunker={"max_chars": 900, "version": CHUNKER_VERSION},
                        built_at=now)
    return manifest, all_chunks, vectors

"""The sentence vectors of a build, on disk: made when the index is built, so that comparing a
question with its passages' sentences costs no model call.

Two files in the build folder:
- `sentence-vectors.npy`: one float16 row per sentence text, passage by passage in chunk order;
  memory-mapped when loaded, so a question reads only the rows it needs (100,000 chunks of
  about four sentences each: 300 MB on disk, a few MB resident);
- `sentence-index.npz`: where each chunk's rows start (`offsets`, one more than the chunks), and
  a 64-bit key of every text sorted with its row (`keys`, `rows`), read whole (12 bytes a row).

They are made after the build is published (bot.core.indexer): the vectors are written aside and
renamed into place, then the index file, which is what makes them count. A build without the
index file (its sentence vectors still being made, or made before they existed) still answers:
the texts are then embedded at question time."""

from __future__ import annotations

import hashlib
import io
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

VECTORS_FILE = "sentence-vectors.npy"
INDEX_FILE = "sentence-index.npz"


class DamagedSentenceFile(ValueError):
    """The files are there but cannot be used (index_store reports the index as damaged)."""


def _key(text: str) -> int:
    """A 64-bit key of a text: two texts of one build sharing it is a 1 in 10^10 chance at a
    million sentences, and would only compare a question with the wrong one of two sentences."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


# Answering looks the same texts up twice a question, and again the next; a build's keys are made
# with `_key` itself, so that writing them does not push out the texts questions use.
text_key = lru_cache(maxsize=16384)(_key)


def write_sentence_vectors(folder: Path, texts_by_chunk: list[list[str]], vectors: np.ndarray) -> None:
    """`vectors` holds one row per text of `texts_by_chunk`, in that order."""
    if sum(len(texts) for texts in texts_by_chunk) != len(vectors):
        raise ValueError(f"{sum(len(t) for t in texts_by_chunk)} sentence texts but {len(vectors)} vectors")
    np.save(_aside(folder, VECTORS_FILE), np.asarray(vectors, dtype=np.float16))
    write_sentence_index(folder, texts_by_chunk)


def empty_vectors(folder: Path, rows: int, dimension: int) -> np.ndarray:
    """The vectors file, written aside, to be filled row by row in chunk order (then
    `write_sentence_index` puts it in place)."""
    if not rows:
        np.save(_aside(folder, VECTORS_FILE), np.zeros((0, dimension), dtype=np.float16))
        return np.zeros((0, dimension), dtype=np.float16)
    return np.lib.format.open_memmap(_aside(folder, VECTORS_FILE), mode="w+", dtype=np.float16,
                                     shape=(rows, dimension))


class VectorsWriter:
    """The vectors file written aside a slice of passages at a time, in chunk order, then put in
    place with its index by `close`. Only each text's 64-bit key and each passage's count are kept
    meanwhile, not the texts (a 20 MB note's 286,000 texts: about 60 MB), so the rows are counted as
    they come and the file's header, of a fixed size, is written last. Plain writes rather than a
    memory map: every page written through a map stays in the process's resident memory until it
    is unmapped (220 MB at the 20 MB note), beside the model and the index loaded to answer."""

    def __init__(self, folder: Path, dimension: int) -> None:
        self.folder, self.dimension = folder, dimension
        self.counts: list[int] = []
        self.keys: list[np.ndarray] = []
        self.written = 0
        self._out = _aside(folder, VECTORS_FILE).open("wb")
        self._header = self._out.write(_npy_header(0, dimension))

    def append(self, texts_by_chunk: list[list[str]], vectors: np.ndarray) -> None:
        """The vectors of these passages' texts, one row per text in their order."""
        keys = np.array([_key(t) for texts in texts_by_chunk for t in texts], dtype=np.uint64)
        if len(keys) != len(vectors):
            raise ValueError(f"{len(keys)} sentence texts but {len(vectors)} vectors")
        self._out.write(np.ascontiguousarray(vectors, dtype=np.float16).reshape(-1, self.dimension).tobytes())
        self.counts += [len(texts) for texts in texts_by_chunk]
        self.keys.append(keys)
        self.written += len(keys)

    def close(self) -> None:
        header = _npy_header(self.written, self.dimension)
        if len(header) != self._header:  # numpy pads it to 128 bytes up to rows of 40+ digits
            raise ValueError("the sentence vectors' header changed size")
        self._out.seek(0)
        self._out.write(header)
        self._out.close()
        keys = np.concatenate(self.keys) if self.keys else np.zeros(0, dtype=np.uint64)
        _put_in_place(self.folder, self.counts, keys)


def _npy_header(rows: int, dimension: int) -> bytes:
    out = io.BytesIO()
    np.lib.format.write_array_header_1_0(out, {
        "descr": np.lib.format.dtype_to_descr(np.dtype(np.float16)), "fortran_order": False,
        "shape": (rows, dimension)})
    return out.getvalue()


def write_sentence_index(folder: Path, texts_by_chunk: list[list[str]]) -> None:
    """The offsets and sorted keys of the texts whose vectors `VECTORS_FILE` (written aside) holds
    in this order; both are then put in place."""
    keys = np.array([_key(t) for texts in texts_by_chunk for t in texts], dtype=np.uint64)
    _put_in_place(folder, [len(texts) for texts in texts_by_chunk], keys)


def _put_in_place(folder: Path, counts: list[int], keys: np.ndarray) -> None:
    """The index file of the vectors written aside. The vectors are renamed into place first, the
    index last: a reader of the folder (a build already answering questions) finds both or no index."""
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    order = np.argsort(keys, kind="stable")
    with _aside(folder, INDEX_FILE).open("wb") as out:
        np.savez(out, offsets=offsets, keys=keys[order], rows=order.astype(np.uint32))
    os.replace(_aside(folder, VECTORS_FILE), folder / VECTORS_FILE)
    os.replace(_aside(folder, INDEX_FILE), folder / INDEX_FILE)


def sentence_vectors_made(build: Path) -> bool:
    return (build / INDEX_FILE).exists()


def _aside(folder: Path, name: str) -> Path:
    return folder / f".partial-{name}"  # ends as the name does: np.save adds ".npy" otherwise


class StoredSentences:
    """The sentence vectors of one build, looked up by text."""

    def __init__(self, vectors: np.ndarray, offsets: np.ndarray, keys: np.ndarray, rows: np.ndarray) -> None:
        self.vectors = vectors  # memory-mapped float16
        self.offsets = offsets
        self.keys = keys
        self.rows = rows

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, texts: list[str]) -> dict[str, np.ndarray]:
        """float32 vectors of the texts this build holds (the others are not in the result)."""
        if not texts or not len(self.keys):
            return {}
        wanted = np.array([text_key(t) for t in texts], dtype=np.uint64)
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        found = np.flatnonzero(self.keys[at] == wanted)
        # One read of the rows found, converted at once: a row at a time cost a tenth of answer
        # selection's time in numpy's per-call overhead.
        vectors = np.asarray(self.vectors[self.rows[at[found]]], dtype=np.float32)
        return {texts[i]: vector for i, vector in zip(found.tolist(), vectors)}


def load_sentence_vectors(build: Path, chunk_count: int, dimension: int) -> StoredSentences | None:
    """The build's sentence vectors; None when it has none yet (being made: the index file comes
    last) or made before they existed. Files that cannot be read, or do not agree with each other
    or with the build, raise DamagedSentenceFile."""
    vectors_path, index_path = build / VECTORS_FILE, build / INDEX_FILE
    if not index_path.exists():
        return None
    try:
        vectors = np.load(vectors_path, mmap_mode="r", allow_pickle=False)
        with np.load(index_path, allow_pickle=False) as index:
            offsets, keys, rows = index["offsets"], index["keys"], index["rows"]
    except Exception as exc:  # missing half, truncated, not an array file
        raise DamagedSentenceFile(f"its sentence vectors are unreadable: {type(exc).__name__}") from exc
    n = len(vectors) if vectors.ndim == 2 else -1
    consistent = (vectors.dtype == np.float16 and vectors.ndim == 2 and vectors.shape[1] == dimension
                  and offsets.shape == (chunk_count + 1,) and keys.dtype == np.uint64 and rows.shape == keys.shape
                  and len(keys) == n and (not n or (offsets[0] == 0 and offsets[-1] == n))
                  and bool(np.all(keys[1:] >= keys[:-1])) and (not n or int(rows.max()) < n))
    if not consistent:
        raise DamagedSentenceFile("its sentence vectors do not match its chunks")
    return StoredSentences(vectors, offsets, keys, rows)


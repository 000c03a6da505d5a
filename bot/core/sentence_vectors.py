"""Embeddings of the sentences answer selection compares with a question. A build holds them once
its sentence stage has run (`sentence_file`, made by the indexer just after the build is
published), so a question reads them and calls no model. A text a build does not hold (a heading
holding the date asked for, any text of a build whose sentence vectors are still being made, or of
an older build) is embedded here, and kept in memory and in the embedding cache on disk: after a
restart, a passage asked about before costs no model call."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

from bot.core.documents import text_hash
from bot.core.embedding import Embedder
from bot.core.embedding_cache import EmbeddingCache
from bot.core.sentence_file import StoredSentences

MEMORY_SIZE = 20_000  # about 30 MB of 384-d vectors
# How many of a question's best sentences are embedded at question time while its build has no
# sentence vectors yet (the window, `_Unstored`); the rest are compared only if memory or the
# cache holds them. Four instead of answering's six: a first-time question's p95 falls by about a
# sixth (its sentence texts 233 -> 161 tokens at the p95), and on all 4,610 pool questions asked
# in the window every figure moves by 0.003 or less (bench/RESULTS.md 7m).
WINDOW_CANDIDATES = 4


class SentenceVectors:
    def __init__(self, embedder: Embedder, cache: EmbeddingCache) -> None:
        self.embedder = embedder
        self.cache = cache
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the bot asks from several worker threads

    def for_build(self, stored: StoredSentences | None) -> Callable[[list[str]], np.ndarray]:
        """What answering calls for one build's questions (with `kept`, see below)."""
        return _Unstored(self) if stored is None else _ForBuild(self, stored)

    def kept(self, sentences: list[str], stored: StoredSentences | None = None) -> dict[str, np.ndarray]:
        """The vectors of those texts held without a model call (the build's, memory's, the cache's
        on disk): answering compares every candidate it can at no cost, and embeds only its best."""
        known = stored.find(sentences) if stored is not None else {}
        with self._lock:
            known.update((s, self._memory[s]) for s in sentences if s not in known and s in self._memory)
        missing = [s for s in dict.fromkeys(sentences) if s not in known]
        if missing:
            hashes = {s: text_hash(s) for s in missing}
            on_disk = self.cache.get_many(hashes.values())
            known.update((s, on_disk[h]) for s, h in hashes.items() if h in on_disk)
        return known

    @property
    def in_memory(self) -> int:
        return len(self._memory)

    def __call__(self, sentences: list[str], stored: StoredSentences | None = None) -> np.ndarray:
        """One vector per sentence: from the build's `stored` vectors, else memory, the cache or
        the model (answering calls it through `for_build`)."""
        known = stored.find(sentences) if stored is not None else {}
        with self._lock:
            known.update((s, self._memory[s]) for s in sentences if s not in known and s in self._memory)
        missing = [s for s in dict.fromkeys(sentences) if s not in known]
        if missing:
            fresh = self._from_disk_or_model(missing)
            known.update(fresh)
            with self._lock:
                self._memory.update(fresh)
                while len(self._memory) > MEMORY_SIZE:
                    self._memory.popitem(last=False)
        return np.array([known[s] for s in sentences], dtype=np.float32)

    def _from_disk_or_model(self, sentences: list[str]) -> dict[str, np.ndarray]:
        hashes = {s: text_hash(s) for s in sentences}
        stored = self.cache.get_many(hashes.values())
        found = {s: stored[h] for s, h in hashes.items() if h in stored}
        new = [s for s in sentences if s not in found]
        if new:
            computed = dict(zip(new, self.embedder.encode(new)))
            self.cache.put_many({hashes[s]: v for s, v in computed.items()})
            found.update(computed)
        return found


class _ForBuild:
    """SentenceVectors bound to one build's stored vectors."""

    def __init__(self, vectors: SentenceVectors, stored: StoredSentences) -> None:
        self.vectors = vectors
        self.stored = stored

    def __call__(self, sentences: list[str]) -> np.ndarray:
        return self.vectors(sentences, stored=self.stored)

    def kept(self, sentences: list[str]) -> dict[str, np.ndarray]:
        return self.vectors.kept(sentences, stored=self.stored)


class _Unstored:
    """SentenceVectors for a build that holds none (its sentence vectors are still being made, just
    after it was published, or it was made before they existed). Answering compares what memory
    and the cache on disk already hold, and embeds only its best `WINDOW_CANDIDATES`: embedding
    every candidate of a first-time question cost p95 222 CPU ms under load against 12 with stored
    vectors, for answers that differed on a few questions in a hundred either way (bench/RESULTS.md
    6j, 7g, 7i, 7m). What it embeds is kept in memory and in the cache, where the build's sentence
    stage finds it."""

    def __init__(self, vectors: SentenceVectors) -> None:
        self.vectors = vectors
        self.embeds_at_most = WINDOW_CANDIDATES

    def __call__(self, sentences: list[str]) -> np.ndarray:
        return self.vectors(sentences)

    def kept(self, sentences: list[str]) -> dict[str, np.ndarray]:
        return self.vectors.kept(sentences)

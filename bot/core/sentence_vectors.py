"""Embeddings of the sentences answer selection compares with a question. A class asks about the
same passages again and again, so vectors are kept in memory and in the embedding cache on disk:
after a restart, a passage asked about before costs no model call."""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

from bot.core.documents import text_hash
from bot.core.embedding import Embedder
from bot.core.embedding_cache import EmbeddingCache

MEMORY_SIZE = 20_000  # about 30 MB of 384-d vectors


class SentenceVectors:
    def __init__(self, embedder: Embedder, cache: EmbeddingCache) -> None:
        self.embedder = embedder
        self.cache = cache
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the bot asks from several worker threads

    @property
    def in_memory(self) -> int:
        return len(self._memory)

    def __call__(self, sentences: list[str]) -> np.ndarray:
        with self._lock:
            known = {s: self._memory[s] for s in sentences if s in self._memory}
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

"""A deterministic `Embedder` for unit tests: no torch, no model file, the same vectors in every
process. Each text becomes the normalised sum of hashed features (its lower-case words and their
character trigrams), so texts that share words are near and unrelated texts are far: close enough
to the real model's geometry for tests of plumbing (index, caches, services, quizzes), never for
tests of answer quality. It counts what it embeds, so a test can check what was (not) embedded
again, as simonw/llm's tests do."""

from __future__ import annotations

import hashlib
import re
import threading

import numpy as np

from bot.core.embedding import EncodeProgress

_WORD = re.compile(r"\w+")


class HashedEmbedder:
    def __init__(self, dimension: int = 384, *, model_name: str = "test-hashed-ngrams",
                 batch_size: int = 32) -> None:
        self.model_name = model_name
        self.backend = "hashed"
        self._dimension = dimension
        self.batch_size = batch_size
        self.embedded: list[str] = []  # every text encoded, in order
        self._lock = threading.Lock()

    @property
    def dimension(self) -> int:
        return self._dimension

    def encode(self, texts: list[str], *, progress: EncodeProgress | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            for row in range(start, min(start + self.batch_size, len(texts))):
                out[row] = self._vector(texts[row])
            if progress is not None:
                progress(min(start + self.batch_size, len(texts)), len(texts))
        with self._lock:
            self.embedded.extend(texts)
        return out

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

    def knows_word(self, word: str) -> bool:
        return True  # no vocabulary: the "everyday word" check is off, as for such real models

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self._dimension, dtype=np.float32)
        for feature, weight in _features(text):
            digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
            value = int.from_bytes(digest, "little")
            vector[value % self._dimension] += weight if value >> 63 else -weight
        norm = float(np.linalg.norm(vector))
        if norm == 0.0:  # no word at all: a fixed direction, still unit length
            vector[0], norm = 1.0, 1.0
        return vector / norm


def _features(text: str):
    for word in _WORD.findall(text.lower()):
        yield "w:" + word, 1.0
        padded = f"<{word}>"
        for i in range(len(padded) - 2):
            yield "c:" + padded[i : i + 3], 0.3

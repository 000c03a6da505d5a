"""Choosing the embedder a setting names (EMBEDDING_BACKEND): each backend lives in its own module,
imported only when chosen."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bot.core.embedding import DEFAULT_MODEL, Embedder

BACKENDS = ("torch", "torch-bf16", "onnx", "onnx-int8")
# What a new installation embeds with when EMBEDDING_BACKEND is unset: the backend that builds
# fastest with answers as good as fp32's on the development pool, on every CPU. int8: its build
# embedding costs about half torch's CPU, its process a third of torch's memory, and its answers on
# all 4,610 pool questions are within 0.01 of fp32's on every figure (bench/RESULTS.md 7c). On a CPU
# with native bf16 (AMD EPYC Zen 4, AVX512_BF16 and VNNI), torch-bf16 was measured against it and
# lost (7r: a cold build of the 2,000-chunk corpus, chunks and sentence vectors, at one thread:
# int8 2.81x faster than the bare fp32 encode, bf16 1.47x; a question embedded in 2.0 CPU ms against
# the 4.5 of the fp32 ONNX runtime bf16's index is asked through; a building process's peak 144
# against 754 MB): so int8 everywhere (every CPU with bf16 also has the VNNI int8 uses). An existing
# index keeps the backend it was built with (`backend_to_use`): changing this re-embeds nobody.
DEFAULT_BACKEND = "onnx-int8"


def backend_to_use(configured: str | None, recorded: Iterable[str]) -> str:
    """The backend a process embeds with: EMBEDDING_BACKEND when it is set; else the one the
    installation's indexes were built with (`recorded`, the default course's first), so that an
    upgrade never re-embeds anyone's notes; else, for a new installation, DEFAULT_BACKEND. A
    recorded backend this StudyBot does not know (a test's, another version's) is passed over: its
    index then asks for a reindex when it loads."""
    return configured or next((b for b in recorded if b in BACKENDS), None) or DEFAULT_BACKEND


def make_embedder(model_name: str = DEFAULT_MODEL, backend: str = "torch", *, model_cache: Path,
                  allow_download: bool = False, batch_size: int = 32, threads: int = 0) -> Embedder:
    """The embedder a setting names. `model_cache` is where the ONNX backends keep the files they
    make from the model (once); nothing heavy is imported until the first text is embedded."""
    if backend in ("torch", "torch-bf16"):
        from bot.core.embedding_model import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(model_name, allow_download=allow_download,
                                           batch_size=batch_size, threads=threads,
                                           bf16=backend == "torch-bf16")
    if backend in ("onnx", "onnx-int8"):
        from bot.core.embedding_onnx import OnnxEmbedder

        return OnnxEmbedder(model_name, quantized=backend == "onnx-int8", cache_dir=model_cache,
                            batch_size=batch_size, threads=threads)
    raise ValueError(f"unknown embedding backend {backend!r} (one of {', '.join(BACKENDS)})")

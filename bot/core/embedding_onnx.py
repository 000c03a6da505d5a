"""The embedding model on ONNX Runtime, in fp32 (`onnx`) or with int8 weights (`onnx-int8`).

The ONNX files are made offline from the packaged sentence-transformers model, once, and kept
beside the index (`embedding_export`). At run time only onnxruntime, the model's own tokenizer
(`tokenizers`) and numpy are used: no torch, so a process starts faster and holds less memory.
The model's pooling (mean of the token vectors, as all-MiniLM-L6-v2 and most sentence models do)
and L2 normalisation are done here, exactly as sentence-transformers does them.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import numpy as np

from bot.core.embedding import DEFAULT_MODEL, EncodeProgress
from bot.errors import ModelLoadError

log = logging.getLogger(__name__)


class OnnxEmbedder:
    """An `Embedder` running the model's ONNX export (`quantized`: its int8 version)."""

    def __init__(self, model_name: str = DEFAULT_MODEL, *, quantized: bool, cache_dir: Path,
                 batch_size: int = 32, threads: int = 0) -> None:
        self.model_name = model_name
        self.backend = "onnx-int8" if quantized else "onnx"
        self.quantized = quantized
        self.cache_dir = cache_dir
        self.batch_size = batch_size
        self.threads = threads  # 0: onnxruntime's default (one per core)
        self._session = None
        self._tokenizer = None
        self._max_tokens = 256
        self._dimension = 0
        self._lock = threading.Lock()
        # One batch at a time, as with torch: a question waits at most one batch of a reindex
        # instead of splitting two cores with it.
        self._encode_lock = threading.Lock()
        self._vocabulary: frozenset[str] | None = None

    @property
    def loaded(self) -> bool:
        return self._session is not None

    def _load(self):
        with self._lock:
            if self._session is None:
                self._open()
        return self._session

    def _open(self) -> None:
        from bot.core.embedding_export import onnx_model
        from bot.core.embedding_model import resolve_model_location

        location = Path(resolve_model_location(self.model_name))
        path = onnx_model(location, self.cache_dir, quantized=self.quantized)
        log.info("Loading embedding model %s (%s)", self.model_name, self.backend)
        try:
            import onnxruntime
            from tokenizers import Tokenizer

            options = onnxruntime.SessionOptions()
            # Every batch has its own shape: a memory pattern or arena planned for one shape only
            # grows (1.4 GB after 200 chunks with both on); without them memory stays flat.
            options.enable_mem_pattern = False
            options.enable_cpu_mem_arena = False
            if self.threads:
                options.intra_op_num_threads = self.threads
            session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
            tokenizer = Tokenizer.from_file(str(location / "tokenizer.json"))
        except Exception as exc:
            raise ModelLoadError(
                f"The {self.backend} embedding model could not be loaded ({type(exc).__name__}).",
                hint=f"Delete {self.cache_dir} to have it made again, or set EMBEDDING_BACKEND=torch.",
            ) from exc
        self._max_tokens = _max_tokens(location)
        tokenizer.enable_truncation(self._max_tokens)
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        self._dimension = int(session.get_outputs()[0].shape[-1])
        self._inputs = {i.name for i in session.get_inputs()}
        self._session = session

    @property
    def dimension(self) -> int:
        self._load()
        return self._dimension

    def encode(self, texts: list[str], *, progress: EncodeProgress | None = None) -> np.ndarray:
        """Embed texts in batches of similar token counts, longest first; `progress(done, total)`
        after each batch. Every text is tokenised once, up front, so batches are made by token
        count: ordered by characters instead, a batch padded its texts by a fifth (chunks) to two
        fifths (sentences) more tokens than they hold, and the model computes every padded token
        (bench/RESULTS.md 7c)."""
        session = self._load()
        out = np.empty((len(texts), self._dimension), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(texts) if texts else []
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))
        for start in range(0, len(order), self.batch_size):
            ids = order[start : start + self.batch_size]
            out[ids] = self._encode_batch(session, [encodings[i] for i in ids])
            if progress is not None:
                progress(start + len(ids), len(texts))
        return out

    def _encode_batch(self, session, encodings: list) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        input_ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            input_ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        feed = {"input_ids": input_ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(input_ids)
        with self._encode_lock:
            tokens = session.run(None, feed)[0]
        summed = (tokens * mask[..., None]).sum(axis=1)
        mean = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        norms = np.linalg.norm(mean, axis=1, keepdims=True)
        return (mean / np.maximum(norms, 1e-12)).astype(np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

    def knows_word(self, word: str) -> bool:
        """As `SentenceTransformerEmbedder.knows_word`: one whole token of a WordPiece vocabulary."""
        if self._vocabulary is None:
            self._load()
            vocab = self._tokenizer.get_vocab()
            whole = frozenset(w for w in vocab if w.isalpha() and w.islower())
            self._vocabulary = whole if len(whole) > 5000 else frozenset()
        return not self._vocabulary or word.lower() in self._vocabulary


def _max_tokens(location: Path) -> int:
    """The model's own limit (sentence-transformers' `max_seq_length`), else BERT's 512."""
    try:
        return int(json.loads((location / "sentence_bert_config.json").read_text())["max_seq_length"])
    except (OSError, ValueError, KeyError, TypeError):
        return 512

"""The embedding model on ONNX Runtime, in fp32 (`onnx`) or with int8 weights (`onnx-int8`).

The ONNX files are made offline from the packaged sentence-transformers model, once, and kept
beside the index (`embedding_export`). At run time only onnxruntime, the model's own tokenizer
(`tokenizers`) and numpy are used: no torch, so a process starts faster and holds less memory.
The model's pooling (mean of the token vectors, as all-MiniLM-L6-v2 and most sentence models do)
and L2 normalisation are done here, exactly as sentence-transformers does them.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np

from bot.core.embedding import DEFAULT_MODEL, EncodeProgress
from bot.errors import ModelLoadError

log = logging.getLogger(__name__)


# The most tokens (padded) one model call takes. A batch of 32 passages of 200-256 tokens costs
# a third more CPU per token than batches of about 500 tokens (int8, one thread: its activations
# no longer fit the core's cache, and every one of its large buffers is fresh memory the kernel
# must fault in and zero; bench/RESULTS.md 7e), so long texts go a few at a time, short ones up to
# `batch_size` at a time.
BATCH_TOKENS = 512
# At question time, the padding a text may carry to join a batch of longer texts: about what one
# more model call costs (int8, one thread: 1.1-1.6 ms a call, 110-120 us a token). The few texts a
# question embeds (its best six sentences, in the window before a build's sentence vectors are
# stored) range from 10 to 80 tokens: padded into one batch, they computed 1.8x their tokens
# (bench/RESULTS.md 7k). A build's sorted texts differ by a token or two within a batch, and its
# batches are left as they are (int8's static scales make a text's vector the same in any batch:
# bench/RESULTS.md 7v).
PAD_SLACK = 12
# Sentence vectors made inside their passage's pass (`encode_in_passages`, int8 only): the passage's
# first SPLIT_LAYER layers (of MiniLM's six) are shared, then the last ones run on each sentence's
# own tokens. At 3 a sentence text costs about half of a pass of its own, and its vector keeps a
# cosine of 0.94 on average with the text embedded alone; but answers fall on the pool against the
# same build's texts embedded alone (fact in answer and first sentence -0.0045, off-topic declined
# -0.010, covered declined +0.006; the default note's first sentence -5 of 70: bench/RESULTS.md 7o),
# so it is off (0): every sentence text is embedded alone, as question time embeds it.
SPLIT_LAYER = 0
MEASURED_SPLIT_LAYER = 3  # what bench/RESULTS.md 7o measured, and the tests of the split use
# The hidden states of sentences gathered before the upper layers run over them, sorted by length:
# about 12 MB of float32: sorted in groups of 3,072 tokens they cost 7 % more (worse padding).
SPLIT_GROUP_TOKENS = 8192


class OnnxEmbedder:
    """An `Embedder` running the model's ONNX export (`quantized`: its int8 version)."""

    def __init__(self, model_name: str = DEFAULT_MODEL, *, quantized: bool, cache_dir: Path,
                 batch_size: int = 32, threads: int = 0, pad_slack: int | None = None) -> None:
        self.model_name = model_name
        self.backend = "onnx-int8" if quantized else "onnx"
        self.quantized = quantized
        self.cache_dir = cache_dir
        self.batch_size = batch_size
        self.batch_tokens = BATCH_TOKENS
        self.threads = threads  # 0: onnxruntime's default (one per core)
        self.pad_slack = pad_slack  # PAD_SLACK for question time (embedding_questions); None: budget only
        self._session = None
        self._tokenizer = None
        self._max_tokens = 256
        self._dimension = 0
        self._lock = threading.Lock()
        # One batch at a time, as with torch: a question waits at most one batch of a reindex
        # instead of splitting two cores with it.
        self._encode_lock = threading.Lock()
        self._vocabulary: frozenset[str] | None = None
        self._split = None  # the passage and upper sessions (encode_in_passages), made on first use
        # The name sentence vectors made in their passage are cached under (not the texts' own:
        # they are not what `encode` gives for the text), or None when this backend cannot make them.
        self.split_layer = SPLIT_LAYER if quantized else 0
        self.in_passage_space = (f"{model_name} [{self.backend}, in passage after layer {self.split_layer}]"
                                 if self.split_layer else None)
        # The split files are cut from the dynamically quantised int8 file (`split_models`: its
        # fused attention marks the layers), so with the split on the whole model is that file too
        # (chunks and sentences from the same weights and kernels), and its vectors carry the name
        # dynamic int8 vectors had (`embedding.vector_space`). Off by default: the static file.
        self.dynamic_int8 = bool(self.split_layer)

    @property
    def loaded(self) -> bool:
        return self._session is not None

    def load(self) -> None:
        """Load the model now (the first time with an ONNX backend, its files are made first)."""
        self._load()

    def _load(self):
        with self._lock:
            if self._session is None:
                self._open()
        return self._session

    def _open(self) -> None:
        from bot.core.embedding_export import max_tokens, onnx_model
        from bot.core.embedding_model import resolve_model_location

        location = Path(resolve_model_location(self.model_name))
        path = onnx_model(location, self.cache_dir, quantized=self.quantized, dynamic=self.dynamic_int8)
        log.info("Loading embedding model %s (%s)", self.model_name, self.backend)
        try:
            from tokenizers import Tokenizer

            session = _session(path, self.threads)
            tokenizer = Tokenizer.from_file(str(location / "tokenizer.json"))
        except Exception as exc:
            raise ModelLoadError(
                f"The {self.backend} embedding model could not be loaded ({type(exc).__name__}).",
                hint=f"Delete {self.cache_dir} to have it made again, or set EMBEDDING_BACKEND=torch.",
            ) from exc
        self._max_tokens = max_tokens(location)
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
        done = 0
        for ids in _batches(order, [len(e.ids) for e in encodings], self.batch_size, self.batch_tokens,
                            self.pad_slack):
            out[ids] = self._encode_batch(session, [encodings[i] for i in ids])
            done += len(ids)
            if progress is not None:
                progress(done, len(texts))
        return out

    def _encode_batch(self, session, encodings: list, with_states: bool = False):
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
            outputs = session.run(None, feed)
        vectors = _mean_pooled(outputs[0], mask)
        return (vectors, outputs[1]) if with_states else vectors

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

    def encode_in_passages(self, passages: list[str], wanted: list[list[str]], *,
                           progress: EncodeProgress | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The passages' vectors (as `encode` gives them) and, from the same passes, the vectors
        of the texts `wanted` of each passage that are quoted from it (`passage_spans`): the
        passage's hidden states after SPLIT_LAYER of its tokens in the text, between the
        passage's [CLS] and [SEP] states, through the model's last layers, mean-pooled. A text
        that is not found in its passage is not in the result (embed it with `encode`)."""
        from bot.core.passage_spans import char_spans, token_rows

        session, upper = self._load_split()
        out = np.empty((len(passages), self._dimension), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(passages) if passages else []
        lengths = [len(e.ids) for e in encodings]
        order = sorted(range(len(passages)), key=lambda i: -lengths[i])
        found: dict[str, np.ndarray] = {}
        group: list[tuple[str, np.ndarray]] = []
        pending: set[str] = set()
        done = 0
        for ids in _batches(order, lengths, self.batch_size, self.batch_tokens):
            vectors, states = self._encode_batch(session, [encodings[i] for i in ids], with_states=True)
            out[ids] = vectors
            for row, i in enumerate(ids):
                offsets = encodings[i].offsets
                for text in wanted[i]:
                    if text in found or text in pending:
                        continue
                    spans = char_spans(passages[i], text)
                    rows = token_rows(offsets, spans) if spans else None
                    if rows:
                        group.append((text, states[row, [0, *rows, lengths[i] - 1]]))
                        pending.add(text)
            if sum(len(s) for _, s in group) >= SPLIT_GROUP_TOKENS:
                found.update(self._upper(upper, group))
                group, pending = [], set()
            done += len(ids)
            if progress is not None:
                progress(done, len(passages))
        found.update(self._upper(upper, group))
        return out, found

    def _upper(self, upper, group: list[tuple[str, np.ndarray]]) -> dict[str, np.ndarray]:
        """The last layers over each text's gathered states, in batches of similar lengths."""
        lengths = [len(s) for _, s in group]
        order = sorted(range(len(group)), key=lambda i: -lengths[i])
        found = {}
        for ids in _batches(order, lengths, self.batch_size, self.batch_tokens):
            width = max(lengths[i] for i in ids)
            states = np.zeros((len(ids), width, self._dimension), dtype=np.float32)
            mask = np.zeros((len(ids), width), dtype=np.int64)
            for row, i in enumerate(ids):
                states[row, : lengths[i]] = group[i][1]
                mask[row, : lengths[i]] = 1
            with self._encode_lock:
                tokens = upper.run(None, {"states": states, "attention_mask": mask})[0]
            found.update((group[i][0], v) for i, v in zip(ids, _mean_pooled(tokens, mask)))
        return found

    def _load_split(self):
        self._load()
        with self._lock:
            if self._split is None:
                if not self.split_layer:
                    raise ValueError("sentence vectors in their passage are made by the int8 backend only, "
                                     "with SPLIT_LAYER set")
                from bot.core.embedding_export import split_models
                from bot.core.embedding_model import resolve_model_location

                location = Path(resolve_model_location(self.model_name))
                paths = split_models(location, self.cache_dir, self.split_layer)
                try:
                    self._split = tuple(_session(p, self.threads) for p in paths)
                except Exception as exc:
                    raise ModelLoadError(
                        f"The {self.backend} embedding model could not be loaded ({type(exc).__name__}).",
                        hint=f"Delete {self.cache_dir} to have it made again, or set EMBEDDING_BACKEND=torch.",
                    ) from exc
        return self._split

    def knows_word(self, word: str) -> bool:
        """As `SentenceTransformerEmbedder.knows_word`: one whole token of a WordPiece vocabulary."""
        if self._vocabulary is None:
            self._load()
            vocab = self._tokenizer.get_vocab()
            whole = frozenset(w for w in vocab if w.isalpha() and w.islower())
            self._vocabulary = whole if len(whole) > 5000 else frozenset()
        return not self._vocabulary or word.lower() in self._vocabulary


def _session(path: Path, threads: int):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # Every batch has its own shape: a memory pattern or arena planned for one shape only
    # grows (1.4 GB after 200 chunks with both on); without them memory stays flat.
    options.enable_mem_pattern = False
    options.enable_cpu_mem_arena = False
    if threads:
        options.intra_op_num_threads = threads
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _mean_pooled(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The model's pooling: the mean of the unmasked token vectors, L2-normalised."""
    summed = (tokens * mask[..., None]).sum(axis=1)
    mean = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
    norms = np.linalg.norm(mean, axis=1, keepdims=True)
    return (mean / np.maximum(norms, 1e-12)).astype(np.float32)


def _batches(order: list[int], lengths: list[int], most: int, tokens: int,
             slack: int | None = None) -> list[list[int]]:
    """`order` (longest first) cut into batches of at most `most` texts whose padded size (the
    first, longest text's length times their number) stays within `tokens`; at least one text
    a batch. With `slack`, a text shorter than its batch's first by more than `slack` tokens
    starts a new batch: its padding would cost more than the model call it saves."""
    batches, start = [], 0
    while start < len(order):
        width = max(lengths[order[start]], 1)
        size = max(1, min(most, tokens // width, len(order) - start))
        if slack is not None:
            size = next((n for n in range(1, size) if width - lengths[order[start + n]] > slack), size)
        batches.append(order[start : start + size])
        start += size
    return batches

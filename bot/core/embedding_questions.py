"""How questions are embedded: with the cheapest runtime of the vectors the index holds.

A question embeds one short text. With torch that costs 28 ms on the AMD EPYC of
bench/RESULTS.md 10b (8 ms on the Intel Xeon of section 2), and a process that answers must
import torch (several seconds, about 400 MB) to do it. fp32 ONNX computes the same vectors as torch (cosine >= 0.9999 on
real questions and passages: tests/core/test_question_embedder.py) at a third to a fifth of the CPU
per question (RESULTS 7b). So when builds are made by torch, questions go through fp32 ONNX once its
file has been made from the model: in a process of its own, in the background, the first time a
question needs it (torch answers meanwhile). Builds, and the vectors' name (`vector_space`, which
the index manifest and the embedding cache are keyed by), stay torch's. An index torch-bf16 built
is asked the same way, its builds and vectors' name staying torch-bf16's: bf16's vectors are fp32's
within cosine 0.9999 on questions (bench/RESULTS.md 7r). The ONNX backends
(`onnx`, `onnx-int8`) are already the cheap runtime of their own vectors: their questions go
through a session of the same file of their own, with one thread, so that a question never waits
behind a reindex's batches (int8 vectors are not torch's, and fp32 ONNX is never used for them).

A class asks the same questions again: the vectors of recent questions are kept, keyed by the
question's text (spacing normalised: the tokenizer ignores it) within this embedder's one vector
space."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bot.core.embedding import Embedder, EncodeProgress
from bot.core.embedding_onnx import PAD_SLACK, OnnxEmbedder

log = logging.getLogger(__name__)

RECENT_QUESTIONS = 4096  # vectors of the latest distinct questions kept (1.5 kB each)
RUNTIMES = ("auto", "backend")


class QuestionEmbedder:
    """An `Embedder` that makes builds with `build` and embeds questions (and the few texts
    answering embeds at question time, through `at_question_time`) with the cheaper embedder
    `cheaper()` returns once it is available (None: not yet), else with `build`. Both must give
    the same vectors: this embedder has `build`'s name and backend."""

    def __init__(self, build: Embedder, cheaper: Callable[[], Embedder | None] | None = None,
                 *, remembered: int = RECENT_QUESTIONS) -> None:
        self.build = build
        self.model_name = build.model_name
        self.backend = build.backend
        self._cheaper = cheaper
        self._questions: Embedder | None = None
        self._remembered = remembered
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.at_question_time = _AtQuestionTime(self)

    def questions(self) -> Embedder:
        """What embeds a question now."""
        if self._questions is None and self._cheaper is not None:
            found = self._cheaper()
            if found is not None:
                log.info("Questions are embedded with %s from now on", found.backend)
                self._questions, self._cheaper = found, None
        return self._questions or self.build

    @property
    def dimension(self) -> int:
        return self.questions().dimension

    @property
    def loaded(self) -> bool:
        return getattr(self.build, "loaded", True)

    def load(self) -> None:
        """Load the build's model now: a build shows it as a stage of its own."""
        if not self.loaded:
            self.build.load()

    def encode(self, texts: list[str], *, progress: EncodeProgress | None = None) -> np.ndarray:
        return self.build.encode(texts, progress=progress)

    def encode_query(self, text: str) -> np.ndarray:
        key = " ".join(text.split())
        with self._lock:
            known = self._recent.get(key)
            if known is not None:
                self._recent.move_to_end(key)
                return known.copy()
        vector = self.questions().encode_query(text)
        with self._lock:
            self._recent[key] = vector.copy()
            while len(self._recent) > self._remembered:
                self._recent.popitem(last=False)
        return vector

    def forget_questions(self) -> None:
        """Drop the vectors of recent questions (benchmarks time new questions with this)."""
        with self._lock:
            self._recent.clear()

    def knows_word(self, word: str) -> bool:
        return self.questions().knows_word(word)


class _AtQuestionTime:
    """The `Embedder` for texts answering embeds while a question waits (a heading holding the
    date asked for): `encode` goes through the question's runtime, not the build's."""

    def __init__(self, owner: QuestionEmbedder) -> None:
        self.owner = owner
        self.model_name = owner.model_name
        self.backend = owner.backend

    @property
    def dimension(self) -> int:
        return self.owner.dimension

    def encode(self, texts: list[str], *, progress: EncodeProgress | None = None) -> np.ndarray:
        return self.owner.questions().encode(texts, progress=progress)

    def encode_query(self, text: str) -> np.ndarray:
        return self.owner.encode_query(text)

    def knows_word(self, word: str) -> bool:
        return self.owner.knows_word(word)


def at_question_time(embedder: Embedder) -> Embedder:
    """The embedder for texts embedded while a question waits: the question's runtime."""
    return embedder.at_question_time if isinstance(embedder, QuestionEmbedder) else embedder


def question_embedder(build: Embedder, runtime: str, *, model_cache: Path, threads: int = 0,
                      make_missing: bool = True) -> QuestionEmbedder:
    """The embedder a process answers with, over the embedder `build` its settings name.
    `runtime` "auto": for torch's vectors, fp32 ONNX once its file is in `model_cache` (with
    `make_missing`, made there by a process of its own the first time a question looks for it);
    for ONNX's vectors, a session of `build`'s file for questions alone (`_OwnSession`);
    "backend": `build` itself. Either way recent questions' vectors are kept."""
    if runtime not in RUNTIMES:
        raise ValueError(f"unknown question runtime {runtime!r} (one of {', '.join(RUNTIMES)})")
    if runtime == "backend":
        return QuestionEmbedder(build)
    if isinstance(build, OnnxEmbedder):
        # Its own runtime is the cheapest, in a session of its own: see _OwnSession.
        return QuestionEmbedder(build, _OwnSession(build, threads or 1))
    if build.backend not in ("torch", "torch-bf16"):
        return QuestionEmbedder(build)
    # torch-bf16's vectors are fp32's within cosine 0.9999 on questions (bench/RESULTS.md 7r), as
    # close as fp32 ONNX's are to torch's: its questions go through fp32 ONNX too, so that a process
    # that only answers never imports torch (and never runs bf16 where the CPU would emulate it).
    # One thread unless `threads` (TORCH_THREADS) says otherwise: a question is one short text, and
    # a second thread cost 1.7x the CPU per question on a busy machine (bench/RESULTS.md 2b).
    return QuestionEmbedder(build, _OnnxWhenMade(build, model_cache, threads or 1, make_missing))


class _OwnSession:
    """For an ONNX build (`onnx`, `onnx-int8`): a session of the same file for questions alone,
    opened at the first question. The build's session runs a reindex's batches on every core behind
    its encode lock, which a question waited on; this one has its own lock and one thread (a short
    question gains nothing from a second, and pays their synchronisation: bench/RESULTS.md 2b).
    Same file, same tokenizer, same pooling: the same vectors (tests/core/test_question_embedder.py).
    A process that only answers never opens the build's session at all."""

    def __init__(self, build: OnnxEmbedder, threads: int) -> None:
        self.build = build
        self.threads = threads
        self._ready: OnnxEmbedder | None = None
        self._unusable = False
        self._lock = threading.Lock()

    def __call__(self) -> Embedder | None:
        with self._lock:
            if self._ready is None and not self._unusable:
                session = OnnxEmbedder(self.build.model_name, quantized=self.build.quantized,
                                       cache_dir=self.build.cache_dir, threads=self.threads, pad_slack=PAD_SLACK)
                try:
                    session.dimension  # noqa: B018 - opens it (making the file first if missing)
                except Exception as exc:  # noqa: BLE001 - the build's own session reports it
                    log.warning("Questions go through the build's session: %s", exc)
                    self._unusable = True
                    return None
                self._ready = session
            return self._ready


class _OnnxWhenMade:
    """Returns the fp32 ONNX embedder of the model once its file exists in `model_cache`, None
    until then; starts making the file (once) when it is missing. A model the ONNX backend cannot
    run (it does not pool by the mean, or is not a local folder) stays with torch: its questions
    cost what they did before."""

    def __init__(self, build: Embedder, model_cache: Path, threads: int, make_missing: bool) -> None:
        self.build = build
        self.model_cache = model_cache
        self.threads = threads
        self.make_missing = make_missing
        self._path: Path | None = None
        self._maker: subprocess.Popen | None = None
        self._unusable = False
        self._opening: threading.Thread | None = None
        self._ready: Embedder | None = None
        self._lock = threading.Lock()

    def __call__(self) -> Embedder | None:
        if self._unusable or not self._lock.acquire(blocking=False):
            return None  # another thread is looking: this question goes through torch
        try:
            return self._look()
        finally:
            self._lock.release()

    def _look(self) -> Embedder | None:
        from bot.core.embedding_export import onnx_model_path
        from bot.core.embedding_model import resolve_model_location

        first_look = self._path is None
        if first_look:
            try:
                location = Path(resolve_model_location(self.build.model_name))
                self._path = onnx_model_path(location, self.model_cache, quantized=False)
            except Exception as exc:  # noqa: BLE001 - a model ONNX cannot run stays with torch
                log.info("Questions stay with torch: %s", exc)
                self._unusable = True
                return None
            if not self._path.exists() and self.make_missing:
                self._maker = _make_in_background(location, self.model_cache)
        if self._path.exists():
            if self._opening is None:
                self._opening = threading.Thread(target=self._open, name="question-embedder", daemon=True)
                self._opening.start()
                if first_look or not getattr(self.build, "loaded", False):
                    # The process is starting, or torch is not loaded either: opening ONNX (about a
                    # second) is the cheaper wait. A file made later opens while torch answers.
                    self._opening.join()
            return self._ready
        if self._maker is not None and self._maker.poll() is not None and not self._path.exists():
            log.warning("The ONNX file for questions could not be made; questions stay with torch")
            self._unusable = True
        return None

    def _open(self) -> None:
        try:
            embedder = OnnxEmbedder(self.build.model_name, quantized=False, cache_dir=self.model_cache,
                                    threads=self.threads, pad_slack=PAD_SLACK)
            embedder.encode_query("a first question")  # the session's first run is its slowest
        except Exception as exc:  # noqa: BLE001 - a damaged file: questions stay with torch
            log.warning("Questions stay with torch: the ONNX model could not be opened (%s)", exc)
            self._unusable = True
            return
        self._ready = embedder


def _make_in_background(location: Path, model_cache: Path) -> subprocess.Popen | None:
    """Start making the fp32 ONNX file in a process of its own, at low priority: exporting needs
    torch and takes about a minute, which no question should wait for."""
    log.info("Making the ONNX file questions are embedded with (once, in the background, in %s)", model_cache)
    try:
        return subprocess.Popen([sys.executable, "-m", __name__, str(location), str(model_cache)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
    except OSError as exc:
        log.warning("Could not start making the ONNX file for questions: %s", exc)
        return None


def main(argv: list[str]) -> int:
    """`python -m bot.core.embedding_questions MODEL_FOLDER MODEL_CACHE`: make the fp32 file."""
    from bot.core.embedding_export import onnx_model

    os.nice(10)
    # This is already the process of its own the export wants: no second one is spawned from it.
    onnx_model(Path(argv[0]), Path(argv[1]), quantized=False, own_process=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

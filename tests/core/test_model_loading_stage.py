"""A build whose embedder is not loaded yet says so as a stage of its own (on a machine's first build
with an ONNX backend, loading means making its files: about a minute that used to show as "0 of N
chunks" standing still), and the export's library chatter does not reach the teacher's terminal."""

from __future__ import annotations

import logging
import warnings

from bot.core.embedding_export import _libraries_quiet
from bot.core.indexer import STAGE_LABELS, build_index
from tests.hashed_embedder import HashedEmbedder


class NotYetLoaded(HashedEmbedder):
    """The test embedder with a lazy load, as the real ones have."""

    def __init__(self) -> None:
        super().__init__()
        self.loads = 0

    @property
    def loaded(self) -> bool:
        return self.loads > 0

    def load(self) -> None:
        self.loads += 1


def _stages(corpus, index, embedder) -> list[tuple[str, int, int]]:
    seen: list[tuple[str, int, int]] = []
    build_index(corpus, index, embedder, progress=lambda *event: seen.append(event))
    return seen


def test_loading_the_model_is_a_stage_before_embedding(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cells.md").write_text("# Cells\n\nThe nucleus holds the cell's genetic material.\n", encoding="utf-8")
    embedder = NotYetLoaded()

    seen = _stages(corpus, tmp_path / "index", embedder)
    names = [stage for stage, _, _ in seen]
    assert ("model", 0, 1) in seen and ("model", 1, 1) in seen
    assert names.index("model") < names.index("embedding")
    assert embedder.loads == 1
    assert STAGE_LABELS["model"] == "Loading the embedding model"

    # Loaded now, and nothing new to embed: no model stage again.
    assert "model" not in [stage for stage, _, _ in _stages(corpus, tmp_path / "index", embedder)]


def test_the_export_is_quiet_about_library_advice_and_puts_things_back():
    root = logging.getLogger()
    before = root.level
    heard: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: heard.append(record.getMessage())
    root.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with _libraries_quiet():
                warnings.warn("TracerWarning: converting a tensor to a Python boolean", UserWarning, stacklevel=1)
                logging.warning("Please consider to run pre-processing before quantization.")
                logging.error("an error still speaks")
            warnings.warn("still shown after", UserWarning, stacklevel=1)
            logging.warning("and logging too")
    finally:
        root.removeHandler(handler)
    assert [str(w.message) for w in caught] == ["still shown after"]
    assert heard == ["an error still speaks", "and logging too"]
    assert root.level == before

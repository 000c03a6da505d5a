"""An interrupted build keeps the embeddings it finished: the next build embeds only the rest."""

from __future__ import annotations

import shutil

import pytest

from bot.core import indexer
from bot.core.index_store import load_index, read_manifest
from bot.core.indexer import build_index
from tests.conftest import DEFAULT_CORPUS


def test_an_interrupted_build_keeps_its_finished_embeddings(tmp_path, test_embedder, monkeypatch):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(DEFAULT_CORPUS, corpus, ignore=shutil.ignore_patterns("quizzes"))
    monkeypatch.setattr(indexer, "CACHE_SLICE", 8)

    def stop_in_the_third_slice(stage: str, done: int, total: int) -> None:
        if stage == "embedding" and done > 16:
            raise KeyboardInterrupt  # what Ctrl-C does in the middle of the embedding stage

    with pytest.raises(KeyboardInterrupt):
        build_index(corpus, index, test_embedder, progress=stop_in_the_third_slice)
    assert read_manifest(index) is None  # nothing half-built is served

    test_embedder.embedded.clear()
    report = build_index(corpus, index, test_embedder)
    assert report.chunks > 16
    assert (report.embedded, report.reused) == (report.chunks - 16, 16)
    chunk_texts = {c.embedding_text() for c in load_index(index, model=test_embedder.model_name,
                                                         backend=test_embedder.backend).chunks}
    assert len([t for t in test_embedder.embedded if t in chunk_texts]) == report.chunks - 16

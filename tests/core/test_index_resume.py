"""An interrupted build keeps the embeddings it finished: the next build embeds only the rest.
Built a slice at a time, a build is the same as one built at once."""

from __future__ import annotations

import shutil

import bm25s
import numpy as np
import pytest

from bot.core import indexer
from bot.core.chunking import chunk_document
from bot.core.index_store import current_build, load_index, read_manifest
from bot.core.indexer import build_index, read_corpus
from bot.core.lexical import LexicalIndex, tokenize
from bot.core.loaders import iter_corpus_files, load_document
from bot.core.quiz import bank as quiz_bank
from bot.core.quiz.bank import load_bank
from tests.conftest import DEFAULT_CORPUS


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS, folder, ignore=shutil.ignore_patterns("quizzes"))
    return folder


def test_an_interrupted_build_keeps_its_finished_embeddings(corpus, tmp_path, test_embedder, monkeypatch):
    index = tmp_path / "index"
    monkeypatch.setattr(indexer, "CACHE_SLICE", 8)

    def stop_in_the_third_slice(stage: str, done: int, total: int) -> None:
        if stage == "embedding" and done > 16:
            raise KeyboardInterrupt  # what Ctrl-C does in the middle of the embedding stage

    with pytest.raises(KeyboardInterrupt):
        build_index(corpus, index, test_embedder, progress=stop_in_the_third_slice)
    assert read_manifest(index) is None  # nothing half-built is served

    test_embedder.embedded.clear()
    seen: list[tuple[str, int, int]] = []
    report = build_index(corpus, index, test_embedder, progress=lambda *event: seen.append(event))
    assert report.chunks > 16
    assert (report.embedded, report.reused) == (report.chunks - 16, 16)
    chunk_texts = {c.embedding_text() for c in load_index(index, model=test_embedder.model_name,
                                                         backend=test_embedder.backend).chunks}
    assert len([t for t in test_embedder.embedded if t in chunk_texts]) == report.chunks - 16
    # The progress shown counts only what is left to embed.
    embedding = [(done, total) for stage, done, total in seen if stage == "embedding"]
    assert embedding[0] == (0, report.chunks - 16) and embedding[-1] == (report.chunks - 16,) * 2


def _built(corpus, index, embedder):
    build_index(corpus, index, embedder)
    return load_index(index, model=embedder.model_name, backend=embedder.backend)


def test_a_build_made_slice_by_slice_is_the_build_made_at_once(corpus, tmp_path, test_embedder, monkeypatch):
    monkeypatch.setattr(indexer, "CACHE_SLICE", 10_000)
    whole = _built(corpus, tmp_path / "whole", test_embedder)
    monkeypatch.setattr(indexer, "CACHE_SLICE", 3)
    sliced = _built(corpus, tmp_path / "sliced", test_embedder)

    assert sliced.chunks == whole.chunks and len(whole.chunks) > 3
    rows = whole.vectors.ntotal
    vectors = sliced.vectors.reconstruct_n(0, rows)
    assert np.array_equal(vectors, whole.vectors.reconstruct_n(0, rows))
    # Each row is its own chunk's vector, in chunk order.
    expected = test_embedder.encode([c.embedding_text() for c in whole.chunks])
    assert np.allclose(vectors, expected, atol=1e-6)
    assert sliced.lexical.doc_freq == whole.lexical.doc_freq


def test_reading_keeps_no_blocks_and_chunks_as_before(corpus):
    documents, chunks_by_doc, skipped = read_corpus(corpus, 900)
    loaded = [load_document(path, name) for path, name in iter_corpus_files(corpus)]
    assert [d.name for d in documents] == [d.name for d in loaded] and not skipped
    assert all(d.blocks == () for d in documents)
    assert [(d.sha256, d.size_bytes) for d in documents] == [(d.sha256, d.size_bytes) for d in loaded]
    assert chunks_by_doc == {d.name: chunk_document(d, max_chars=900) for d in loaded}


def test_bm25_built_from_word_ids_scores_as_built_from_words():
    texts = ["The Great Leap Forward began in 1958.", "", "the of and",
             "Peng Dehuai criticised the Great Leap Forward at Lushan.",
             "Famine followed the Great Leap Forward; Peng Dehuai was purged."]
    index = LexicalIndex.build(texts)
    words = bm25s.BM25()
    words.index([tokenize(t) or ["\x00empty"] for t in texts], show_progress=False)
    for query in (["great", "leap"], tokenize("Peng Dehuai purged"), tokenize("famine 1958")):
        assert np.allclose(index._bm25.get_scores(query), words.get_scores(query))
    assert index.doc_freq == {t: f for t, f in LexicalIndex(words, len(texts)).doc_freq.items()}
    assert index.top(tokenize("Peng Dehuai"), 2)[0][0] in (3, 4)
    assert LexicalIndex.build([]).top(["great"], 3) == []


def test_big_notes_get_the_same_quiz_bank_from_a_process_of_its_own(corpus, tmp_path, test_embedder, monkeypatch):
    # Notes past the cap are "big": a low cap makes the default notes big.
    monkeypatch.setattr(quiz_bank, "QUIZ_NOTES_LIMIT", 6_000)
    seen: list[str] = []
    real_return = indexer._return_freed_memory
    monkeypatch.setattr(indexer, "_return_freed_memory", lambda: seen.append("freed") or real_return())
    build_index(corpus, tmp_path / "own", test_embedder, progress=lambda stage, *_: seen.append(stage))
    assert seen.index(indexer.ANSWERS_READY) < seen.index("quiz")  # made once answers come from the build
    assert seen.index("quiz") < seen.index("freed")  # before its process starts beside this one
    monkeypatch.setattr(indexer, "_bank_in_own_process",
                        lambda args, teacher: quiz_bank.build_bank(*args, teacher=teacher)[0])
    build_index(corpus, tmp_path / "here", test_embedder)

    own, here = (load_bank(current_build(tmp_path / name)) for name in ("own", "here"))
    assert own.chunk_ids == here.chunk_ids and 0 < len(own.chunk_ids) < read_manifest(tmp_path / "own").chunk_count
    assert [i.to_dict() for i in own.items] == [i.to_dict() for i in here.items] and len(own) > 0
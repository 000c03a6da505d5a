"""The test embedder is deterministic, torch-free, and close enough to meaning for plumbing tests."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np

from bot.core.embedding import Embedder
from bot.core.embedding_model import SentenceTransformerEmbedder
from tests.conftest import REPO
from tests.hashed_embedder import HashedEmbedder


def test_vectors_are_unit_length_deterministic_and_shaped(test_embedder):
    texts = ["The famine killed millions.", "", "Steel output rose."]
    vectors = test_embedder.encode(texts)
    assert vectors.shape == (3, test_embedder.dimension) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-6)
    assert np.array_equal(vectors, HashedEmbedder().encode(texts))
    assert np.array_equal(test_embedder.encode_query(texts[0]), vectors[0])


def test_texts_sharing_words_are_nearer_than_unrelated_ones(test_embedder):
    famine, died, steel = test_embedder.encode(
        ["The famine killed millions.", "Millions died in the famine.", "Steel output rose."])
    assert famine @ died > famine @ steel + 0.2


def test_it_counts_what_it_embeds_and_reports_progress_per_batch():
    embedder = HashedEmbedder(batch_size=2)
    seen = []
    embedder.encode([f"text {i}" for i in range(5)], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(2, 5), (4, 5), (5, 5)]
    assert embedder.embedded == [f"text {i}" for i in range(5)]


def test_both_embedders_offer_everything_the_protocol_asks_for():
    members = {name for name in dir(Embedder) if not name.startswith("_")} | {"model_name"}
    for embedder in (HashedEmbedder(), SentenceTransformerEmbedder()):  # the model is not loaded
        assert all(hasattr(type(embedder), name) or name in vars(embedder) for name in members)


def test_same_vectors_in_another_process():
    code = ("from tests.hashed_embedder import HashedEmbedder\n"
            "import sys; print(HashedEmbedder().encode(['quiz schedule'])[0][:4].tolist());"
            "print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    first, torch_loaded = out.stdout.strip().splitlines()
    assert np.allclose(json.loads(first), HashedEmbedder().encode(["quiz schedule"])[0][:4])
    assert torch_loaded == "False"

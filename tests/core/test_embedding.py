"""The embedding model: packaged, offline, normalised vectors, and a thread setting."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from tests.conftest import REPO


def test_vectors_are_unit_length_and_similar_texts_are_close(real_embedder):
    vectors = real_embedder.encode(["The famine killed millions.", "Millions died in the famine.", "Steel output rose."])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_progress_is_reported_per_batch(real_embedder):
    seen = []
    from bot.core.embedding_model import SentenceTransformerEmbedder

    small = SentenceTransformerEmbedder(batch_size=2)
    small._model = real_embedder._load()  # the same loaded model, batches of 2
    small.encode([f"text {i}" for i in range(5)], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(2, 5), (4, 5), (5, 5)]


@pytest.mark.real_model  # loads the model in a process of its own
def test_the_thread_setting_reaches_torch_in_its_own_process():
    code = ("from bot.core.embedding_model import SentenceTransformerEmbedder\nimport torch\n"
            "SentenceTransformerEmbedder(threads=1).encode_query('hello')\nprint(torch.get_num_threads())")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip().splitlines()[-1] == "1"

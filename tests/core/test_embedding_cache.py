"""The embedding cache on disk: each thread keeps a connection open, and a file removed, replaced or
damaged meanwhile is never written through a stale one."""

from __future__ import annotations

import threading

import numpy as np

from bot.core.embedding_cache import EmbeddingCache


def _vectors(*keys: str) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(len(keys))
    return {k: rng.standard_normal(4).astype(np.float32) for k in keys}


def test_what_one_thread_writes_another_thread_and_another_process_s_cache_read(tmp_path):
    cache = EmbeddingCache(tmp_path / "cache.sqlite", "model")
    written = _vectors("a", "b")
    worker = threading.Thread(target=cache.put_many, args=(written,))
    worker.start()
    worker.join()
    for reader in (cache, EmbeddingCache(tmp_path / "cache.sqlite", "model")):
        found = reader.get_many(["a", "b", "c"])
        assert set(found) == {"a", "b"} and all(np.array_equal(found[k], written[k]) for k in found)
    assert EmbeddingCache(tmp_path / "cache.sqlite", "another model").get_many(["a"]) == {}


def test_a_file_removed_while_the_cache_is_open_is_made_again_not_written_unseen(tmp_path):
    path = tmp_path / "cache.sqlite"
    cache = EmbeddingCache(path, "model")
    cache.put_many(_vectors("a"))
    assert cache.get_many(["a"])
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"cache.sqlite{suffix}").unlink(missing_ok=True)
    assert cache.get_many(["a"]) == {}
    cache.put_many(_vectors("b"))
    assert path.exists() and set(EmbeddingCache(path, "model").get_many(["a", "b"])) == {"b"}


def test_a_damaged_file_costs_only_its_vectors(tmp_path):
    path = tmp_path / "cache.sqlite"
    cache = EmbeddingCache(path, "model")
    cache.put_many(_vectors("a"))
    cache.close()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"cache.sqlite{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"not a database" * 100)
    assert cache.get_many(["a"]) == {}
    cache.put_many(_vectors("b"))
    assert set(cache.get_many(["a", "b"])) == {"b"}

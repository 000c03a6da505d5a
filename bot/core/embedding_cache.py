"""Embeddings already computed, keyed by (model, text hash): an unchanged chunk is never embedded
twice, across reindexes and even after its document is removed and added back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

import numpy as np

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, text_hash)
) WITHOUT ROWID
"""
_LOOKUP_BATCH = 500  # stays under SQLite's limit on bound parameters


class EmbeddingCache:
    def __init__(self, path: Path, model_id: str) -> None:
        self.path = path
        self.model_id = model_id

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(_SCHEMA)
        return conn

    def get_many(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        wanted = list(dict.fromkeys(hashes))
        found: dict[str, np.ndarray] = {}
        try:
            with closing(self._connect()) as conn:
                for start in range(0, len(wanted), _LOOKUP_BATCH):
                    part = wanted[start : start + _LOOKUP_BATCH]
                    marks = ",".join("?" * len(part))
                    rows = conn.execute(
                        f"SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN ({marks})",
                        (self.model_id, *part),
                    )
                    for text_hash, blob in rows:
                        found[text_hash] = np.frombuffer(blob, dtype=np.float32)
        except sqlite3.DatabaseError:
            # A damaged cache only costs time: everything is embedded again and the file rebuilt.
            self._discard()
            return {}
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        if not items:
            return
        rows = [(self.model_id, h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in items.items()]
        with closing(self._connect()) as conn, conn:
            conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)", rows)

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

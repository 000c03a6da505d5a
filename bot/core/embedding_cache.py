"""Embeddings already computed, keyed by (model, text hash): an unchanged chunk is never embedded
twice, across reindexes and even after its document is removed and added back."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
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
    """Each thread keeps its own connection open. Opening one per call, and closing it (the last
    connection to close checkpoints the write-ahead log and deletes it, with a sync to disk each
    time), cost a question in the window before a build's sentence vectors are stored three of
    them: about 4.5 CPU ms and 40 ms of waiting on a busy machine (bench/RESULTS.md 7m)."""

    def __init__(self, path: Path, model_id: str) -> None:
        self.path = path
        self.model_id = model_id
        self._local = threading.local()

    def _connect(self) -> sqlite3.Connection:
        """This thread's connection; a new one when the file was removed or replaced meanwhile."""
        held = getattr(self._local, "held", None)
        if held is not None:
            if held[1] == _identity(self.path):
                return held[0]
            held[0].close()
            self._local.held = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        # With the log, NORMAL loses no commit when the process dies (only, at worst, the last
        # ones on a power cut, which a cache can afford) and skips a sync to disk per commit.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(_SCHEMA)
        conn.commit()
        self._local.held = (conn, _identity(self.path))
        return conn

    def get_many(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        wanted = list(dict.fromkeys(hashes))
        found: dict[str, np.ndarray] = {}
        try:
            conn = self._connect()
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
        conn = self._connect()
        with conn:
            conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        """Close this thread's connection (others close when their thread's cache is dropped)."""
        held = getattr(self._local, "held", None)
        if held is not None:
            held[0].close()
            self._local.held = None

    def _discard(self) -> None:
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino

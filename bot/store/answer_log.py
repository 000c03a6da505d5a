"""What was asked and how it was answered, the students' votes on answers, and the questions the
notes could not answer (the gaps a teacher should fill)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.core.tokens import fold
from bot.store.database import Database


@dataclass(frozen=True)
class Gap:
    question: str  # the most recent wording
    times_asked: int
    last_asked: str


def question_key(question: str) -> str:
    """Questions that differ only in case, punctuation or spacing count as the same one."""
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", fold(question)).split())


class AnswerLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, *, guild_id: int | None, channel_id: int | None, user_id: int, question: str,
               tier: str, top_score: float, at: datetime) -> int:
        cursor = self.db.execute(
            "INSERT INTO answers (guild_id, channel_id, user_id, question, question_key, tier, top_score, asked_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (guild_id, channel_id, user_id, question, question_key(question), tier, top_score, at.isoformat()),
        )
        return int(cursor.lastrowid)

    def vote(self, answer_id: int, user_id: int, helpful: bool, at: datetime) -> str:
        """Store one vote per user and answer. Returns "new", "changed" or "same"."""
        rows = self.db.query("SELECT helpful FROM feedback WHERE answer_id = ? AND user_id = ?", (answer_id, user_id))
        if rows and bool(rows[0]["helpful"]) == helpful:
            return "same"
        self.db.execute(
            "INSERT INTO feedback (answer_id, user_id, helpful, voted_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (answer_id, user_id) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at",
            (answer_id, user_id, int(helpful), at.isoformat()),
        )
        return "changed" if rows else "new"

    def exists(self, answer_id: int) -> bool:
        return bool(self.db.query("SELECT 1 FROM answers WHERE id = ?", (answer_id,)))

    def votes(self, answer_id: int) -> dict[str, int]:
        rows = self.db.query("SELECT helpful, COUNT(*) AS n FROM feedback WHERE answer_id = ? GROUP BY helpful",
                             (answer_id,))
        counts = {"helpful": 0, "not_helpful": 0}
        for row in rows:
            counts["helpful" if row["helpful"] else "not_helpful"] = int(row["n"])
        return counts

    def gaps(self, guild_id: int | None, since: datetime, limit: int = 15) -> list[Gap]:
        """Questions the notes could not answer since `since`, most asked first."""
        rows = self.db.query(
            "SELECT question_key, COUNT(*) AS n, MAX(asked_at) AS last FROM answers"
            " WHERE guild_id IS ? AND tier = 'not_covered' AND asked_at >= ?"
            " GROUP BY question_key ORDER BY n DESC, last DESC LIMIT ?",
            (guild_id, since.isoformat(), limit),
        )
        gaps = []
        for row in rows:
            latest = self.db.query(
                "SELECT question FROM answers WHERE guild_id IS ? AND question_key = ? ORDER BY id DESC LIMIT 1",
                (guild_id, row["question_key"]))
            gaps.append(Gap(latest[0]["question"], int(row["n"]), row["last"]))
        return gaps

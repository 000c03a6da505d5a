"""Teachers' decisions on generated quiz items (approved, edited, rejected), keyed by the item's
content so that they outlive any build of the index."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from bot.core.quiz.approval import Decision
from bot.core.quiz.items import QuizItem
from bot.store.database import Database


def _decision(row: sqlite3.Row) -> Decision:
    edited = QuizItem.from_dict(json.loads(row["edited_json"])) if row["edited_json"] else None
    return Decision(key=row["content_key"], item_id=row["item_id"], status=row["status"],
                    decided_by=row["decided_by"], decided_at=datetime.fromisoformat(row["decided_at"]),
                    reason=row["reason"], edited=edited)


class QuizDecisions:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> dict[str, Decision]:
        return {d.key: d for d in map(_decision, self.db.query("SELECT * FROM quiz_decisions"))}

    def record(self, decision: Decision) -> None:
        """The latest decision on an item replaces any earlier one."""
        edited = json.dumps(decision.edited.to_dict()) if decision.edited else None
        self.db.execute(
            "INSERT OR REPLACE INTO quiz_decisions (content_key, item_id, status, reason, edited_json, decided_by,"
            " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (decision.key, decision.item_id, decision.status, decision.reason, edited, decision.decided_by,
             decision.decided_at.isoformat()))

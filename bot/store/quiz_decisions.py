"""Teachers' decisions on generated quiz items (approved, edited, rejected), per course, keyed by the
item's content so that they outlive any build of the index."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select

from bot.core.courses import DEFAULT_COURSE
from bot.core.quiz.approval import Decision
from bot.core.quiz.items import QuizItem
from bot.store.database import Database
from bot.store.schema import quiz_decisions


def _decision(row) -> Decision:
    edited = QuizItem.from_dict(json.loads(row["edited_json"])) if row["edited_json"] else None
    return Decision(key=row["content_key"], item_id=row["item_id"], status=row["status"],
                    decided_by=row["decided_by"], decided_at=datetime.fromisoformat(row["decided_at"]),
                    reason=row["reason"], edited=edited)


class QuizDecisions:
    def __init__(self, db: Database, course: str = DEFAULT_COURSE) -> None:
        self.db = db
        self.course = course

    def all(self) -> dict[str, Decision]:
        rows = self.db.query(select(quiz_decisions).where(quiz_decisions.c.course == self.course))
        return {d.key: d for d in map(_decision, rows)}

    def record(self, decision: Decision) -> None:
        """The latest decision on an item replaces any earlier one."""
        edited = json.dumps(decision.edited.to_dict()) if decision.edited else None
        values = dict(course=self.course, content_key=decision.key, item_id=decision.item_id, status=decision.status,
                      reason=decision.reason, edited_json=edited, decided_by=decision.decided_by,
                      decided_at=decision.decided_at.isoformat())
        upsert = self.db.insert(quiz_decisions).values(**values)
        self.db.execute(upsert.on_conflict_do_update(
            index_elements=[quiz_decisions.c.course, quiz_decisions.c.content_key],
            set_={name: upsert.excluded[name] for name in values if name not in ("course", "content_key")}))

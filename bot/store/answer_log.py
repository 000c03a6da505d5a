"""What was asked and how it was answered, the students' votes on answers, and the questions the
notes could not answer (the gaps a teacher should fill)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from bot.core.tokens import fold
from bot.store.database import Database
from bot.store.schema import answers, feedback


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
               tier: str, top_score: float, at: datetime, course: str | None = None) -> int:
        done = self.db.execute(answers.insert().values(
            guild_id=guild_id, channel_id=channel_id, user_id=user_id, question=question,
            question_key=question_key(question), tier=tier, top_score=top_score,
            asked_at=at.isoformat(), course=course).returning(answers.c.id))
        return int(done.rows[0]["id"])

    def vote(self, answer_id: int, user_id: int, helpful: bool, at: datetime) -> str:
        """Store one vote per user and answer. Returns "new", "changed" or "same"."""
        with self.db.atomic(f"vote:{answer_id}:{user_id}"):
            rows = self.db.query(select(feedback.c.helpful).where(feedback.c.answer_id == answer_id,
                                                                  feedback.c.user_id == user_id))
            if rows and bool(rows[0]["helpful"]) == helpful:
                return "same"
            upsert = self.db.insert(feedback).values(answer_id=answer_id, user_id=user_id, helpful=int(helpful),
                                                     voted_at=at.isoformat())
            self.db.execute(upsert.on_conflict_do_update(
                index_elements=[feedback.c.answer_id, feedback.c.user_id],
                set_={"helpful": upsert.excluded.helpful, "voted_at": upsert.excluded.voted_at}))
            return "changed" if rows else "new"

    def exists(self, answer_id: int) -> bool:
        return bool(self.db.query(select(answers.c.id).where(answers.c.id == answer_id)))

    def votes(self, answer_id: int) -> dict[str, int]:
        rows = self.db.query(select(feedback.c.helpful, func.count().label("n"))
                             .where(feedback.c.answer_id == answer_id).group_by(feedback.c.helpful))
        counts = {"helpful": 0, "not_helpful": 0}
        for row in rows:
            counts["helpful" if row["helpful"] else "not_helpful"] = int(row["n"])
        return counts

    def gaps(self, course: str, since: datetime, limit: int = 15) -> list[Gap]:
        """Questions a course's notes could not answer since `since`, most asked first."""
        in_course = answers.c.course == course
        n, last = func.count().label("n"), func.max(answers.c.asked_at).label("last")
        rows = self.db.query(
            select(answers.c.question_key, n, last)
            .where(in_course, answers.c.tier == "not_covered", answers.c.asked_at >= since.isoformat())
            .group_by(answers.c.question_key).order_by(n.desc(), last.desc()).limit(limit))
        gaps = []
        for row in rows:
            latest = self.db.query(select(answers.c.question).where(in_course, answers.c.question_key == row["question_key"])
                                   .order_by(answers.c.id.desc()).limit(1))
            gaps.append(Gap(latest[0]["question"], int(row["n"]), row["last"]))
        return gaps

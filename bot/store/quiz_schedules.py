"""Teachers' quiz schedules, kept across restarts, and the occurrences logged as missed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import select, union, update

from bot.core.quiz.schedule import Schedule, format_time, parse_time
from bot.errors import NotFoundError
from bot.store.database import Database
from bot.store.schema import quiz_missed, quiz_posts, quiz_schedules

_ACTIVE = quiz_schedules.c.removed_at.is_(None)


def _schedule(row) -> Schedule:
    return Schedule(
        id=row["id"], guild_id=row["guild_id"], channel_id=row["channel_id"],
        local_time=parse_time(row["local_time"]), timezone=row["timezone"],
        days=frozenset(int(d) for d in row["days"].split(",") if d), questions=row["questions"],
        open_for=timedelta(seconds=row["open_for_seconds"]), topic=row["topic"], paused=bool(row["paused"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        resumed_at=datetime.fromisoformat(row["resumed_at"]) if row["resumed_at"] else None)


class QuizSchedules:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, schedule: Schedule, created_by: int) -> Schedule:
        done = self.db.execute(quiz_schedules.insert().values(
            guild_id=schedule.guild_id, channel_id=schedule.channel_id,
            local_time=format_time(schedule.local_time), timezone=schedule.timezone,
            days=",".join(str(d) for d in sorted(schedule.days)), questions=schedule.questions,
            open_for_seconds=int(schedule.open_for.total_seconds()), topic=schedule.topic,
            paused=int(schedule.paused), created_by=created_by, created_at=schedule.created_at.isoformat(),
        ).returning(quiz_schedules.c.id))
        return replace(schedule, id=int(done.rows[0]["id"]))

    def active(self) -> list[Schedule]:
        return [_schedule(r) for r in self.db.query(select(quiz_schedules).where(_ACTIVE).order_by(quiz_schedules.c.id))]

    def in_guild(self, guild_id: int) -> list[Schedule]:
        rows = self.db.query(select(quiz_schedules).where(quiz_schedules.c.guild_id == guild_id, _ACTIVE)
                             .order_by(quiz_schedules.c.id))
        return [_schedule(r) for r in rows]

    def get(self, guild_id: int, schedule_id: int) -> Schedule:
        rows = self.db.query(select(quiz_schedules).where(quiz_schedules.c.id == schedule_id,
                                                          quiz_schedules.c.guild_id == guild_id, _ACTIVE))
        if not rows:
            raise NotFoundError(f"There is no quiz schedule #{schedule_id} in this server.",
                                hint="`/quiz list` shows the schedules.")
        return _schedule(rows[0])

    def set_paused(self, guild_id: int, schedule_id: int, paused: bool, at: datetime) -> Schedule:
        self.get(guild_id, schedule_id)
        # Resuming starts afresh: occurrences from the paused time are not caught up.
        values = {"paused": int(paused)} if paused else {"paused": 0, "resumed_at": at.isoformat()}
        self.db.execute(update(quiz_schedules).where(quiz_schedules.c.id == schedule_id).values(**values))
        return self.get(guild_id, schedule_id)

    def remove(self, guild_id: int, schedule_id: int, at: datetime) -> Schedule:
        schedule = self.get(guild_id, schedule_id)
        self.db.execute(update(quiz_schedules).where(quiz_schedules.c.id == schedule_id)
                        .values(removed_at=at.isoformat()))
        return schedule

    def record_missed(self, schedule_id: int, local_date: date, reason: str) -> None:
        self.db.execute(self.db.insert(quiz_missed).values(
            schedule_id=schedule_id, local_date=local_date.isoformat(), reason=reason).on_conflict_do_nothing())

    def recorded_dates(self, schedule_id: int) -> set[date]:
        """Local dates already posted or logged as missed: never acted on twice."""
        rows = self.db.query(union(
            select(quiz_posts.c.local_date).where(quiz_posts.c.schedule_id == schedule_id),
            select(quiz_missed.c.local_date).where(quiz_missed.c.schedule_id == schedule_id)))
        return {date.fromisoformat(r["local_date"]) for r in rows}

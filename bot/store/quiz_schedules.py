"""Teachers' quiz schedules, kept across restarts, and the occurrences logged as missed."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta

from bot.core.quiz.schedule import Schedule, format_time, parse_time
from bot.errors import NotFoundError
from bot.store.database import Database


def _schedule(row: sqlite3.Row) -> Schedule:
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
        cursor = self.db.execute(
            "INSERT INTO quiz_schedules (guild_id, channel_id, local_time, timezone, days, questions,"
            " open_for_seconds, topic, paused, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (schedule.guild_id, schedule.channel_id, format_time(schedule.local_time), schedule.timezone,
             ",".join(str(d) for d in sorted(schedule.days)), schedule.questions,
             int(schedule.open_for.total_seconds()), schedule.topic, int(schedule.paused), created_by,
             schedule.created_at.isoformat()))
        return replace(schedule, id=int(cursor.lastrowid))

    def active(self) -> list[Schedule]:
        return [_schedule(r) for r in self.db.query("SELECT * FROM quiz_schedules WHERE removed_at IS NULL ORDER BY id")]

    def in_guild(self, guild_id: int) -> list[Schedule]:
        rows = self.db.query("SELECT * FROM quiz_schedules WHERE guild_id = ? AND removed_at IS NULL ORDER BY id",
                             (guild_id,))
        return [_schedule(r) for r in rows]

    def get(self, guild_id: int, schedule_id: int) -> Schedule:
        rows = self.db.query("SELECT * FROM quiz_schedules WHERE id = ? AND guild_id = ? AND removed_at IS NULL",
                             (schedule_id, guild_id))
        if not rows:
            raise NotFoundError(f"There is no quiz schedule #{schedule_id} in this server.",
                                hint="`/quiz list` shows the schedules.")
        return _schedule(rows[0])

    def set_paused(self, guild_id: int, schedule_id: int, paused: bool, at: datetime) -> Schedule:
        self.get(guild_id, schedule_id)
        # Resuming starts afresh: occurrences from the paused time are not caught up.
        self.db.execute("UPDATE quiz_schedules SET paused = ?, resumed_at = COALESCE(?, resumed_at) WHERE id = ?",
                        (int(paused), None if paused else at.isoformat(), schedule_id))
        return self.get(guild_id, schedule_id)

    def remove(self, guild_id: int, schedule_id: int, at: datetime) -> Schedule:
        schedule = self.get(guild_id, schedule_id)
        self.db.execute("UPDATE quiz_schedules SET removed_at = ? WHERE id = ?", (at.isoformat(), schedule_id))
        return schedule

    def record_missed(self, schedule_id: int, local_date: date, reason: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO quiz_missed VALUES (?, ?, ?)",
                        (schedule_id, local_date.isoformat(), reason))

    def recorded_dates(self, schedule_id: int) -> set[date]:
        """Local dates already posted or logged as missed: never acted on twice."""
        rows = self.db.query("SELECT local_date FROM quiz_posts WHERE schedule_id = ? UNION "
                             "SELECT local_date FROM quiz_missed WHERE schedule_id = ?", (schedule_id, schedule_id))
        return {date.fromisoformat(r["local_date"]) for r in rows}

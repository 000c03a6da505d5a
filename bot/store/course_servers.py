"""Which course each server uses, which servers own a course (may change its notes and let other
servers use it), and the course each student chose for their direct messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, select

from bot.store.database import Database
from bot.store.schema import course_owners, dm_courses, guild_courses


@dataclass(frozen=True)
class ServerCourse:
    guild_id: int
    course: str
    owner: bool  # the server owns the course it uses (its uploads change it)


class CourseServers:
    def __init__(self, db: Database) -> None:
        self.db = db

    def of_guild(self, guild_id: int) -> ServerCourse | None:
        owned = and_(course_owners.c.course == guild_courses.c.course,
                     course_owners.c.guild_id == guild_courses.c.guild_id)
        rows = self.db.query(
            select(guild_courses.c.guild_id, guild_courses.c.course, course_owners.c.since)
            .select_from(guild_courses.outerjoin(course_owners, owned))
            .where(guild_courses.c.guild_id == guild_id))
        if not rows:
            return None
        return ServerCourse(int(rows[0]["guild_id"]), rows[0]["course"], rows[0]["since"] is not None)

    def assign(self, guild_id: int, course: str, *, by: int | None, at: datetime, owner: bool = False) -> None:
        """Point a server at a course (with `owner`, as one of the course's owners too), in one step."""
        with self.db.atomic(f"guild-course:{guild_id}"):
            values = dict(guild_id=guild_id, course=course, set_by=by, set_at=at.isoformat())
            upsert = self.db.insert(guild_courses).values(**values)
            self.db.execute(upsert.on_conflict_do_update(
                index_elements=[guild_courses.c.guild_id],
                set_={name: upsert.excluded[name] for name in values if name != "guild_id"}))
            if owner:
                self.db.execute(self.db.insert(course_owners).values(course=course, guild_id=guild_id,
                                                                     since=at.isoformat()).on_conflict_do_nothing())

    def guilds_by_course(self) -> dict[str, list[int]]:
        rows = self.db.query(select(guild_courses.c.course, guild_courses.c.guild_id)
                             .order_by(guild_courses.c.course, guild_courses.c.guild_id))
        found: dict[str, list[int]] = {}
        for row in rows:
            found.setdefault(row["course"], []).append(int(row["guild_id"]))
        return found

    def guilds_with_course(self) -> list[int]:
        return [int(r["guild_id"]) for r in self.db.query(select(guild_courses.c.guild_id))]

    def owners_of(self, course: str) -> list[int]:
        rows = self.db.query(select(course_owners.c.guild_id).where(course_owners.c.course == course)
                             .order_by(course_owners.c.guild_id))
        return [int(r["guild_id"]) for r in rows]

    # --- direct messages -------------------------------------------------------------------------

    def dm_choice(self, user_id: int) -> str | None:
        rows = self.db.query(select(dm_courses.c.course).where(dm_courses.c.user_id == user_id))
        return rows[0]["course"] if rows else None

    def choose_for_dm(self, user_id: int, course: str, at: datetime) -> None:
        upsert = self.db.insert(dm_courses).values(user_id=user_id, course=course, chosen_at=at.isoformat())
        self.db.execute(upsert.on_conflict_do_update(
            index_elements=[dm_courses.c.user_id],
            set_={"course": upsert.excluded.course, "chosen_at": upsert.excluded.chosen_at}))

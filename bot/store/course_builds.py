"""One build of a course at a time, across processes. Two processes that both reindex a course
(an upload through each, or two starting with changed notes) would each embed and write a build;
the database says who builds. On PostgreSQL the claim is a session advisory lock (it ends with its
connection, so a process that dies frees it); on SQLite, whose processes share one machine, a row
names the holder's host and process id, and a row whose process is gone is taken over. The row
is kept on both, so "who is building" can be read."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import delete, select

from bot.store.database import Database
from bot.store.schema import course_builds

POLL_SECONDS = 0.5  # how often a waiting SQLite claim looks again


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class CourseBuilds:
    def __init__(self, db: Database, clock: Callable[[], datetime], holder: str | None = None) -> None:
        self.db = db
        self.clock = clock
        self.holder = holder or this_process()

    @contextmanager
    def claim(self, course: str, *, wait: bool = False) -> Iterator[bool]:
        """Hold the right to build `course` for the block; yields False (and holds nothing) when
        another process builds it and `wait` is False, else waits for it."""
        if self.db.kind == "postgresql":
            with self.db.advisory_lock(f"course-build:{course}", wait=wait) as held:
                if held:
                    self._write(course)
                try:
                    yield held
                finally:
                    if held:
                        self._release(course)
            return
        while not (held := self._claim_row(course)) and wait:
            time.sleep(POLL_SECONDS)
        try:
            yield held
        finally:
            if held:
                self._release(course)

    def holder_of(self, course: str) -> str | None:
        rows = self.db.query(select(course_builds.c.holder).where(course_builds.c.course == course))
        return rows[0]["holder"] if rows else None

    def _claim_row(self, course: str) -> bool:
        with self.db.atomic(f"course-build:{course}"):
            holder = self.holder_of(course)
            if holder is not None and not _gone(holder):
                return False
            self._write(course)
            return True

    def _write(self, course: str) -> None:
        upsert = self.db.insert(course_builds).values(course=course, holder=self.holder,
                                                      started_at=self.clock().isoformat())
        self.db.execute(upsert.on_conflict_do_update(
            index_elements=[course_builds.c.course],
            set_={"holder": upsert.excluded.holder, "started_at": upsert.excluded.started_at}))

    def _release(self, course: str) -> None:
        self.db.execute(delete(course_builds).where(course_builds.c.course == course,
                                                    course_builds.c.holder == self.holder))


def _gone(holder: str) -> bool:
    """Whether the process a SQLite claim names has ended (only a process on this machine can be
    checked; SQLite's processes all are)."""
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False

"""Which course a server or a direct message is served from: the default course or nothing for a
server without notes, a course of its own from its first upload, another server's course when a
teacher who manages that server shares it, and for a direct message the one course of the student's
servers or the one they chose. And the upgrade: servers that used the bot before courses own the
default course, and their decisions on quiz items stay theirs."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from bot.services.courses import Courses
from bot.services.courses_servers import NoCourseError, ServerCourses
from bot.core.quiz.approval import APPROVED, REJECTED, Decision
from bot.store.course_servers import CourseServers, ServerCourse
from bot.store.database import Database
from bot.store.quiz_decisions import QuizDecisions
from tests.conftest import DATA, make_settings

STATE_V4 = DATA / "state-v4.sql"

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
A, B, C = 1001, 1002, 1003
NOTE = b"# Cells\n\nMitochondria release energy by respiration. Ribosomes make proteins.\n"


def make_servers(tmp_path: Path, embedder, **extra) -> ServerCourses:
    (tmp_path / "corpus").mkdir(parents=True, exist_ok=True)
    settings = make_settings(tmp_path / "corpus", tmp_path / "index", courses_dir=tmp_path / "courses", **extra)
    db = Database(tmp_path / "state.db")
    return ServerCourses(Courses(settings, embedder), CourseServers(db), without_notes=settings.servers_without_notes,
                         clock=lambda: NOW)


def test_a_server_without_notes_serves_the_default_course_or_nothing(tmp_path, test_embedder):
    assert make_servers(tmp_path / "a", test_embedder).of_guild(A).name == "default"
    nothing = make_servers(tmp_path / "b", test_embedder, servers_without_notes="none")
    with pytest.raises(NoCourseError, match="no course notes yet"):
        nothing.of_guild(A)


def test_the_first_upload_makes_the_servers_own_course_and_a_bad_file_makes_nothing(tmp_path, test_embedder):
    servers = make_servers(tmp_path, test_embedder)
    with pytest.raises(InvalidInputError, match="could not be read"):
        servers.upload(A, "Biology 101", 7, "empty.md", b"  \n")
    assert servers.courses.names() == ["default"] and servers.of_guild(A).name == "default"
    change = servers.upload(A, "Biology 101", 7, "cells.md", NOTE)
    assert change.name == "cells.md" and change.chunks >= 1
    assert servers.of_guild(A).name == "biology-101" and servers.owned(A).name == "biology-101"
    assert (tmp_path / "courses" / "biology-101" / "corpus" / "cells.md").read_bytes() == NOTE
    assert not (tmp_path / "corpus" / "cells.md").exists()
    servers.upload(A, "Biology 101", 7, "more.md", NOTE.replace(b"Cells", b"More"))  # the same course again
    assert set(servers.of_guild(A).documents()) == {"cells.md", "more.md"}
    servers.upload(B, "Biology 101", 8, "cells.md", NOTE)  # another server of the same name
    assert servers.of_guild(B).name == "biology-101-2"


def test_a_course_is_shared_only_by_a_teacher_who_manages_a_server_that_owns_it(tmp_path, test_embedder):
    servers = make_servers(tmp_path, test_embedder)
    servers.upload(A, "Chemistry", 7, "cells.md", NOTE)
    with pytest.raises(PermissionDeniedError, match="Manage Server in the server that owns"):
        servers.point(B, "chemistry", 9, managed_guilds=[B, C])
    assert servers.of_guild(B).name == "default"
    servers.point(B, "chemistry", 9, managed_guilds=[A])
    assert servers.of_guild(B).name == "chemistry"
    with pytest.raises(PermissionDeniedError, match="of another server"):
        servers.owned(B)  # a server lent a course does not change its notes
    with pytest.raises(PermissionDeniedError):
        servers.upload(B, "Section B", 9, "other.md", NOTE)
    with pytest.raises(NotFoundError):
        servers.point(C, "physics", 9, managed_guilds=[A, B, C])
    servers.point(A, "default", 7, managed_guilds=[])  # the default course is everyone's
    servers.point(A, "chemistry", 7, managed_guilds=[])  # and a server may go back to its own
    assert servers.owned(A).name == "chemistry"


def test_a_direct_message_goes_to_the_one_course_or_the_chosen_one(tmp_path, test_embedder):
    servers = make_servers(tmp_path, test_embedder, servers_without_notes="none")
    servers.upload(A, "History", 7, "cells.md", NOTE)
    servers.upload(B, "Biology", 8, "cells.md", NOTE)
    assert servers.for_dm(5, [A, C]).course == "history"  # C has no notes
    several = servers.for_dm(5, [A, B])
    assert several.course is None and several.choices == ("biology", "history")
    with pytest.raises(NotFoundError):
        servers.choose_for_dm(5, "physics", [A, B])
    servers.choose_for_dm(5, "biology", [A, B])
    assert servers.for_dm(5, [A, B]).course == "biology"
    assert servers.for_dm(5, [A]).course == "history"  # left B's server: the choice no longer applies
    servers.choose_for_dm(5, "history", [A, B])  # changed
    assert servers.for_dm(5, [A, B]).course == "history"
    with pytest.raises(NoCourseError):
        servers.for_dm(6, [C])


def test_servers_from_before_courses_own_the_default_course_with_their_decisions(tmp_path):
    """tests/data/state-v4.sql: the state of an installation from before courses."""
    path = tmp_path / "state.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(STATE_V4.read_text())
    [(used,)] = sqlite3.connect(path).execute("SELECT DISTINCT guild_id FROM quiz_schedules").fetchall()
    db = Database(path)  # migrates
    servers = CourseServers(db)
    assert servers.of_guild(used) == ServerCourse(used, "default", True)
    assert servers.of_guild(C) is None
    assert [d.status for d in QuizDecisions(db).all().values()] == ["approved"]  # the default course's
    assert QuizDecisions(db, "biology").all() == {}


def test_each_course_keeps_its_own_decisions_and_servers(database_target):
    db = Database(database_target)
    servers = CourseServers(db)
    servers.assign(A, "biology", by=7, at=NOW, owner=True)
    servers.assign(B, "biology", by=8, at=NOW)
    servers.assign(C, "history", by=9, at=NOW, owner=True)
    assert servers.of_guild(B) == ServerCourse(B, "biology", False)
    servers.assign(A, "history", by=7, at=NOW)  # A goes elsewhere and keeps owning biology
    assert servers.of_guild(A) == ServerCourse(A, "history", False)
    assert servers.owners_of("biology") == [A] and servers.guilds_by_course() == {"biology": [B], "history": [A, C]}
    servers.choose_for_dm(5, "biology", NOW)
    servers.choose_for_dm(5, "history", NOW)
    assert servers.dm_choice(5) == "history" and servers.dm_choice(6) is None
    approved = Decision("same-key", "item1", APPROVED, "teacher", NOW)
    QuizDecisions(db, "biology").record(approved)
    QuizDecisions(db, "history").record(replace(approved, status=REJECTED, reason="wrong"))
    assert QuizDecisions(db, "biology").all()["same-key"].status == APPROVED
    assert QuizDecisions(db, "history").all()["same-key"].status == REJECTED
    db.close()

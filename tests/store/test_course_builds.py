"""Two processes never build one course at once (issue 13): the database claims the build, on
PostgreSQL and on SQLite alike. Each "process" here is its own service of the same course folders
with its own database connections, as two bot processes sharing the folder and database are."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime, timezone

import pytest

from bot.errors import ReindexInProgressError
from bot.service import StudyService
from bot.store.course_builds import CourseBuilds
from bot.store.database import Database
from bot.store.schema import course_builds
from tests.conftest import make_settings

AT = datetime(2026, 3, 2, 12, tzinfo=timezone.utc)


def _process(root, embedder, target) -> tuple[StudyService, Database]:
    db = Database(target)
    service = StudyService(make_settings(root / "corpus", root / "index"), embedder)
    service.build_claim = CourseBuilds(db, lambda: AT).claim
    return service, db


@pytest.fixture
def two_processes(tmp_path, test_embedder, database_target):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "cells.md").write_text("# Cells\n\nThe mitochondrion makes ATP for the cell.\n")
    first, db1 = _process(tmp_path, test_embedder, database_target)
    second, db2 = _process(tmp_path, test_embedder, database_target)
    yield first, second
    db1.close()
    db2.close()


def _build_held_open(service: StudyService):
    """Start a reindex of `service` in a thread that stops mid-build until released."""
    building, release = threading.Event(), threading.Event()

    def progress(stage, done, total) -> None:
        building.set()
        release.wait(30)

    thread = threading.Thread(target=service.reindex, args=(progress,))
    thread.start()
    assert building.wait(30)
    return thread, release


def test_a_second_process_is_refused_while_the_first_builds_the_course(two_processes):
    first, second = two_processes
    thread, release = _build_held_open(first)
    try:
        with pytest.raises(ReindexInProgressError, match="another of the bot's processes"):
            second.reindex()
        with pytest.raises(ReindexInProgressError):
            second.add_document("more.md", b"# More\n\nRibosomes make proteins.\n")
        assert not (first.corpus_dir / "more.md").exists()  # refused before the file was written
    finally:
        release.set()
        thread.join(30)
    assert second.reindex().unchanged  # the claim was let go: the second builds now (nothing to do)


def test_a_starting_process_waits_for_the_build_then_serves_it(two_processes):
    first, second = two_processes
    thread, release = _build_held_open(first)
    opened = []
    waiter = threading.Thread(target=lambda: opened.append(second.open_index()))
    waiter.start()
    waiter.join(1.0)
    assert waiter.is_alive()  # waiting for the first process's build, not building its own
    release.set()
    thread.join(30)
    waiter.join(30)
    assert not waiter.is_alive()
    assert opened[0].report.unchanged and opened[0].report.embedded == 0  # it found the build made
    assert second.ask("What makes ATP?").citations


def test_a_claim_of_a_process_that_died_is_taken_over(tmp_path, database_target):
    """PostgreSQL's lock ends with the dead process's connection; SQLite's row names a process
    that no longer exists."""
    db = Database(database_target)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = f"{CourseBuilds(db, lambda: AT).holder.rpartition(':')[0]}:{dead.stdout.strip()}"
    db.execute(course_builds.insert().values(course="biology", holder=gone, started_at=AT.isoformat()))
    builds = CourseBuilds(db, lambda: AT)
    with builds.claim("biology") as held:
        assert held and builds.holder_of("biology") == builds.holder
    assert builds.holder_of("biology") is None
    db.close()


def test_claims_are_per_course(database_target):
    one, other = Database(database_target), Database(database_target)
    a, b = CourseBuilds(one, lambda: AT, holder="host-a:1"), CourseBuilds(other, lambda: AT, holder="host-b:2")
    with a.claim("biology") as held:
        assert held
        with b.claim("history") as also:
            assert also
        with b.claim("biology") as refused:
            assert not refused
    one.close()
    other.close()

"""One set of migrations for SQLite and PostgreSQL: what they build is what the queries expect,
they run once when several processes start together, and an installation of yesterday keeps its
data."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.store import schema
from bot.store.answer_log import AnswerLog
from bot.store.database import Database
from bot.store.migrations import MIGRATIONS
from bot.store.quiz_decisions import QuizDecisions
from bot.store.quiz_results import QuizResults
from bot.store.quiz_schedules import QuizSchedules
from bot.store.review_cards import ReviewCards

LATEST = MIGRATIONS[-1][0]
STATE_V4 = Path(__file__).resolve().parent.parent / "data" / "state-v4.sql"
UTC = timezone.utc


def _differences(db: Database) -> list:
    def ours(obj, name, type_, reflected, compare_to) -> bool:
        return not (type_ == "table" and name == "schema_version")

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": ours})
        return compare_metadata(context, schema.metadata)


def test_the_migrations_build_the_tables_the_queries_use(database_target):
    db = Database(database_target)
    assert db.version == LATEST
    assert _differences(db) == []
    db.close()


def test_a_second_start_applies_nothing(database_target):
    Database(database_target).close()
    again = Database(database_target)
    assert again.version == LATEST and _differences(again) == []
    again.close()


def test_processes_starting_together_migrate_once(database_target):
    """Four starts at the same moment (each its own connections, as processes have): the lock
    makes one apply the steps and the others find nothing to do; none fails."""
    start = threading.Barrier(4)
    errors, versions = [], []

    def open_one() -> None:
        start.wait()
        try:
            db = Database(database_target)
            versions.append(db.version)
            db.close()
        except Exception as exc:  # noqa: BLE001 - the assertion below names it
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == [] and versions == [LATEST] * 4


def test_a_state_file_of_user_version_4_keeps_its_data_and_goes_on(tmp_path):
    """tests/data/state-v4.sql is a file the store wrote before PostgreSQL came in (sqlite3's
    dump of it): every row is read back through today's store, and new rows follow the old ones."""
    path = tmp_path / "state.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(STATE_V4.read_text())
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 4

    db = Database(path)
    assert db.version == LATEST
    guild, me, you = 1234567890123456789, 42, 43
    log = AnswerLog(db)
    asked = db.query("SELECT id FROM answers WHERE user_id = :u", {"u": me})[0]["id"]
    assert log.votes(asked) == {"helpful": 1, "not_helpful": 0}
    # Older questions are the course of their server: the default one here (migrations 6 and 7).
    [gap] = log.gaps("default", datetime(2026, 3, 1, tzinfo=UTC))
    assert (gap.question, gap.times_asked) == ("What is the Krebs cycle?", 1)
    [schedule] = QuizSchedules(db).active()
    assert (schedule.guild_id, schedule.local_time.hour) == (guild, 9)
    [answer] = QuizResults(db).answers(guild)
    assert (answer.user_id, answer.correct, answer.item.answer) == (you, True, "Lin Biao")
    cards = ReviewCards(db)
    assert cards.count(guild, you) == 1 and cards.next_due(guild, you) is not None
    assert [d.status for d in QuizDecisions(db).all().values()] == ["approved"]

    newer = log.record(guild_id=guild, channel_id=1, user_id=you, question="Again?", tier="closest",
                       top_score=0.5, at=datetime(2026, 3, 3, tzinfo=UTC))
    assert newer > asked
    db.close()
    assert Database(path).version == LATEST  # and it opens again as it is


def test_atomic_blocks_with_one_key_take_turns_across_connections(postgres_url):
    """Two Database objects over one PostgreSQL (as two processes have): while one holds the
    student's key, the other's block with the same key waits; another key does not."""
    first, second = Database(postgres_url), Database(postgres_url)
    inside, release = threading.Event(), threading.Event()
    order: list[str] = []

    def hold() -> None:
        with first.atomic("student:1"):
            order.append("first in")
            inside.set()
            release.wait(30)
            order.append("first out")

    holder = threading.Thread(target=hold)
    holder.start()
    assert inside.wait(30)
    with second.atomic("student:2"):  # another key: no wait
        order.append("other key")
    def wait_turn() -> None:
        with second.atomic("student:1"):
            order.append("second in")

    waiter = threading.Thread(target=wait_turn)
    waiter.start()
    waiter.join(0.5)  # give it every chance to get in (it must not)
    release.set()
    holder.join(30)
    waiter.join(30)
    assert order == ["first in", "other key", "first out", "second in"]
    first.close()
    second.close()


def test_a_bad_database_url_is_a_clear_error():
    from bot.errors import ConfigError

    with pytest.raises(ConfigError, match="SQLite or PostgreSQL"):
        Database("mysql://u@h/db")


def test_postgres_urls_use_psycopg():
    from bot.store.database import database_url

    assert database_url("postgresql://u:p@h:5432/db") == "postgresql+psycopg://u:p@h:5432/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url(Path("data/x.db")) == "sqlite:///data/x.db"

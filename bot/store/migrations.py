"""Schema changes, in order, for SQLite and PostgreSQL alike. Never edit a released migration: add
the next number (and change bot.store.schema to match; tests/store/test_migrations.py compares).

Each step is a function of Alembic's operations (`op.create_table`, `op.add_column`, and on SQLite
`op.batch_alter_table` for what its ALTER TABLE cannot do), which write each database's own DDL:
no second copy of the SQL per database. bot.store.database runs the pending steps once, in one
transaction, under a lock that other processes wait on.

Migrations 1-4 were written as SQLite scripts before PostgreSQL came in; these are the same tables
(a SQLite file made by them is at `PRAGMA user_version` 4 and goes on from there).
"""

from __future__ import annotations

from collections.abc import Callable

from alembic.operations import Operations
from sqlalchemy import BigInteger, Column, Float, ForeignKey, Integer, PrimaryKeyConstraint, Text, UniqueConstraint

Str = Text().with_variant(Text(collation="C"), "postgresql")
RowId = BigInteger().with_variant(Integer(), "sqlite")
DiscordId = BigInteger


def _id() -> Column:
    return Column("id", RowId, primary_key=True, autoincrement=True)


AUTOINCREMENT = {"sqlite_autoincrement": True}


def _1_answers_and_feedback(op: Operations) -> None:
    op.create_table(
        "answers", _id(),
        Column("guild_id", DiscordId), Column("channel_id", DiscordId),
        Column("user_id", DiscordId, nullable=False), Column("question", Str, nullable=False),
        Column("question_key", Str, nullable=False), Column("tier", Str, nullable=False),
        Column("top_score", Float, nullable=False), Column("asked_at", Str, nullable=False), **AUTOINCREMENT)
    op.create_index("answers_gaps", "answers", ["guild_id", "tier", "asked_at"])
    op.create_table(
        "feedback",
        Column("answer_id", RowId, ForeignKey("answers.id", ondelete="CASCADE"), nullable=False),
        Column("user_id", DiscordId, nullable=False), Column("helpful", Integer, nullable=False),
        Column("voted_at", Str, nullable=False),
        PrimaryKeyConstraint("answer_id", "user_id"))


def _2_quizzes(op: Operations) -> None:
    op.create_table(
        "quiz_schedules", _id(),
        Column("guild_id", DiscordId, nullable=False), Column("channel_id", DiscordId, nullable=False),
        Column("local_time", Str, nullable=False), Column("timezone", Str, nullable=False),
        Column("days", Str, nullable=False), Column("questions", Integer, nullable=False),
        Column("open_for_seconds", Integer, nullable=False),
        Column("topic", Str, nullable=False, server_default=""),
        Column("paused", Integer, nullable=False, server_default="0"),
        Column("created_by", DiscordId), Column("created_at", Str, nullable=False),
        Column("resumed_at", Str), Column("removed_at", Str), **AUTOINCREMENT)
    op.create_table(
        "quiz_missed",
        Column("schedule_id", RowId, ForeignKey("quiz_schedules.id"), nullable=False),
        Column("local_date", Str, nullable=False), Column("reason", Str, nullable=False),
        PrimaryKeyConstraint("schedule_id", "local_date"))
    op.create_index("quiz_schedules_guild", "quiz_schedules", ["guild_id"])
    op.create_table(
        "quiz_posts", _id(),
        Column("schedule_id", RowId, ForeignKey("quiz_schedules.id")),
        Column("guild_id", DiscordId, nullable=False), Column("channel_id", DiscordId, nullable=False),
        Column("local_date", Str, nullable=False), Column("slot", Integer, nullable=False),
        Column("item_id", Str, nullable=False), Column("item_json", Str, nullable=False),
        Column("message_id", DiscordId), Column("opens_at", Str, nullable=False),
        Column("closes_at", Str, nullable=False), Column("status", Str, nullable=False),
        Column("revealed_at", Str),
        UniqueConstraint("schedule_id", "local_date", "slot"), **AUTOINCREMENT)
    op.create_index("quiz_posts_status", "quiz_posts", ["status", "closes_at"])
    op.create_index("quiz_posts_guild_item", "quiz_posts", ["guild_id", "item_id"])
    op.create_table(
        "quiz_answers",
        Column("post_id", RowId, ForeignKey("quiz_posts.id", ondelete="CASCADE"), nullable=False),
        Column("user_id", DiscordId, nullable=False), Column("user_name", Str, nullable=False),
        Column("choice", Integer, nullable=False), Column("correct", Integer, nullable=False),
        Column("answered_at", Str, nullable=False),
        Column("changes", Integer, nullable=False, server_default="0"),
        PrimaryKeyConstraint("post_id", "user_id"))
    op.create_table(
        "quiz_reports",
        Column("post_id", RowId, ForeignKey("quiz_posts.id", ondelete="CASCADE"), nullable=False),
        Column("user_id", DiscordId, nullable=False), Column("item_id", Str, nullable=False),
        Column("reported_at", Str, nullable=False),
        PrimaryKeyConstraint("post_id", "user_id"))
    op.create_table(
        "quiz_retired",
        Column("guild_id", DiscordId, nullable=False), Column("item_id", Str, nullable=False),
        Column("retired_by", DiscordId), Column("retired_at", Str, nullable=False),
        PrimaryKeyConstraint("guild_id", "item_id"))


def _3_spaced_review(op: Operations) -> None:
    # One FSRS card per (guild, student, question); `due` is UTC ISO 8601 with microseconds (fixed
    # width, so text order is time order) and indexed for "what is due now". review_log keeps
    # every review and names its student, so /quiz forget-me can erase it.
    op.create_table(
        "review_cards", _id(),
        Column("guild_id", DiscordId, nullable=False), Column("user_id", DiscordId, nullable=False),
        Column("item_id", Str, nullable=False), Column("item_json", Str, nullable=False),
        Column("card_json", Str, nullable=False), Column("due", Str, nullable=False),
        Column("reps", Integer, nullable=False, server_default="0"),
        Column("lapses", Integer, nullable=False, server_default="0"),
        Column("created_at", Str, nullable=False), Column("updated_at", Str, nullable=False),
        UniqueConstraint("guild_id", "user_id", "item_id"), **AUTOINCREMENT)
    op.create_index("review_cards_due", "review_cards", ["guild_id", "user_id", "due"])
    op.create_table(
        "review_log", _id(),
        Column("card_id", RowId, ForeignKey("review_cards.id", ondelete="CASCADE"), nullable=False),
        Column("guild_id", DiscordId, nullable=False), Column("user_id", DiscordId, nullable=False),
        Column("post_id", RowId), Column("rating", Integer, nullable=False),
        Column("source", Str, nullable=False), Column("reviewed_at", Str, nullable=False),
        Column("due_after", Str, nullable=False), **AUTOINCREMENT)
    op.create_index("review_log_card", "review_log", ["card_id", "post_id"])
    op.create_index("review_log_user", "review_log", ["guild_id", "user_id"])


def _4_quiz_decisions(op: Operations) -> None:
    # Teachers' decisions on generated quiz items, keyed by the item's content (kind, prompt,
    # options, answer and source sentence), so that they outlive every build of the index.
    op.create_table(
        "quiz_decisions",
        Column("content_key", Str, primary_key=True), Column("item_id", Str, nullable=False),
        Column("status", Str, nullable=False), Column("reason", Str, nullable=False, server_default=""),
        Column("edited_json", Str), Column("decided_by", Str, nullable=False),
        Column("decided_at", Str, nullable=False))


def _5_claims_on_quiz_posts(op: Operations) -> None:
    # Several processes may own a server at once (a restart, a shard moving): the process that
    # sends or reveals a post claims it until `claimed_until` (UTC ISO text, fixed width), so no
    # other process sends or reveals it too, and one that died is taken over when its claim ends.
    op.add_column("quiz_posts", Column("claimed_until", Str))


def _6_courses(op: Operations) -> None:
    # One bot, many courses. Which course each server uses; which servers own a course (the server
    # whose first upload made it and whose moderators change its notes; others may be pointed at
    # it); the course each student chose for their direct messages. Servers that used the bot
    # before courses existed use and own the default course, so their notes, schedules and results
    # carry on as they were. Teachers' decisions on quiz items become per course (the existing ones
    # are the default course's): a new table with the course in its key, the rows copied over.
    op.create_table(
        "guild_courses",
        Column("guild_id", DiscordId, primary_key=True, autoincrement=False),
        Column("course", Str, nullable=False), Column("set_by", DiscordId), Column("set_at", Str, nullable=False))
    op.create_index("guild_courses_course", "guild_courses", ["course"])
    op.create_table(
        "course_owners",
        Column("course", Str, nullable=False), Column("guild_id", DiscordId, nullable=False),
        Column("since", Str, nullable=False),
        PrimaryKeyConstraint("course", "guild_id"))
    op.execute("INSERT INTO guild_courses (guild_id, course, set_at)"
               " SELECT guild_id, 'default', '1970-01-01T00:00:00+00:00' FROM ("
               "SELECT guild_id FROM quiz_schedules UNION SELECT guild_id FROM quiz_posts"
               " UNION SELECT guild_id FROM answers WHERE guild_id IS NOT NULL) AS used")
    op.execute("INSERT INTO course_owners (course, guild_id, since) SELECT course, guild_id, set_at FROM guild_courses")
    op.create_table(
        "dm_courses",
        Column("user_id", DiscordId, primary_key=True, autoincrement=False),
        Column("course", Str, nullable=False), Column("chosen_at", Str, nullable=False))
    op.create_table(
        "course_quiz_decisions",
        Column("course", Str, nullable=False), Column("content_key", Str, nullable=False),
        Column("item_id", Str, nullable=False), Column("status", Str, nullable=False),
        Column("reason", Str, nullable=False, server_default=""), Column("edited_json", Str),
        Column("decided_by", Str, nullable=False), Column("decided_at", Str, nullable=False),
        PrimaryKeyConstraint("course", "content_key"))
    op.execute("INSERT INTO course_quiz_decisions (course, content_key, item_id, status, reason, edited_json,"
               " decided_by, decided_at) SELECT 'default', content_key, item_id, status, reason, edited_json,"
               " decided_by, decided_at FROM quiz_decisions")
    op.drop_table("quiz_decisions")
    op.rename_table("course_quiz_decisions", "quiz_decisions")


def _7_processes_and_courses(op: Operations) -> None:
    # The servers the bot is in, as the processes owning their shards last saw them: a process
    # hears only its own shards' servers, yet a direct message (always on shard 0) must know every
    # server a student shares with the bot. A course's build, claimed by one process at a time
    # (the row is SQLite's lock; PostgreSQL's is an advisory lock, the row there says who holds
    # it). The course each question was answered from, so /corpus gaps reads the course's own
    # gaps whichever of its servers (or a direct message) asked; older questions take their
    # server's course (a direct message's is not known).
    op.create_table(
        "bot_guilds",
        Column("guild_id", DiscordId, primary_key=True, autoincrement=False), Column("seen_at", Str, nullable=False))
    op.create_table(
        "course_builds",
        Column("course", Str, primary_key=True), Column("holder", Str, nullable=False),
        Column("started_at", Str, nullable=False))
    op.add_column("answers", Column("course", Str))
    op.execute("UPDATE answers SET course = COALESCE((SELECT gc.course FROM guild_courses gc"
               " WHERE gc.guild_id = answers.guild_id), 'default') WHERE guild_id IS NOT NULL")
    op.create_index("answers_course_gaps", "answers", ["course", "tier", "asked_at"])


Migration = Callable[[Operations], None]

MIGRATIONS: list[tuple[int, Migration]] = [
    (1, _1_answers_and_feedback),
    (2, _2_quizzes),
    (3, _3_spaced_review),
    (4, _4_quiz_decisions),
    (5, _5_claims_on_quiz_posts),
    (6, _6_courses),
    (7, _7_processes_and_courses),
]

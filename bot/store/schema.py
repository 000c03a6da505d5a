"""The tables as they are after the last migration, for the store's queries (SQLAlchemy Core).

bot.store.migrations builds them, step by step, on SQLite and PostgreSQL alike; a test compares a
migrated database of each kind with these definitions, so the two can never drift apart. A change
of schema is a new migration AND the matching change here.

Types, chosen to mean the same on both databases:
* Discord ids are 64-bit (BigInteger); row ids are INTEGER PRIMARY KEY on SQLite (AUTOINCREMENT:
  an id is never reused, so a button of a deleted answer cannot point at a newer one) and BIGINT
  identity on PostgreSQL.
* Times are ISO 8601 text, as before. On PostgreSQL text columns use the "C" collation, so text
  order is byte order as on SQLite (the store compares times as text: `due <= ?`).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Float, ForeignKey, Index, Integer, MetaData, Table, Text, UniqueConstraint

# Byte-order text on PostgreSQL (SQLite's default), whatever locale the database was created with.
Str = Text().with_variant(Text(collation="C"), "postgresql")
RowId = BigInteger().with_variant(Integer(), "sqlite")
DiscordId = BigInteger


def row_id() -> Column:
    return Column("id", RowId, primary_key=True, autoincrement=True)


metadata = MetaData()

answers = Table(
    "answers", metadata,
    row_id(),
    Column("guild_id", DiscordId),
    Column("channel_id", DiscordId),
    Column("user_id", DiscordId, nullable=False),
    Column("question", Str, nullable=False),
    Column("question_key", Str, nullable=False),
    Column("tier", Str, nullable=False),
    Column("top_score", Float, nullable=False),
    Column("asked_at", Str, nullable=False),
    Column("course", Str),  # the course that answered (None: a direct message from before migration 7)
    Index("answers_gaps", "guild_id", "tier", "asked_at"),
    Index("answers_course_gaps", "course", "tier", "asked_at"),
    sqlite_autoincrement=True,
)

feedback = Table(
    "feedback", metadata,
    Column("answer_id", RowId, ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", DiscordId, primary_key=True),
    Column("helpful", Integer, nullable=False),
    Column("voted_at", Str, nullable=False),
)

quiz_schedules = Table(
    "quiz_schedules", metadata,
    row_id(),
    Column("guild_id", DiscordId, nullable=False),
    Column("channel_id", DiscordId, nullable=False),
    Column("local_time", Str, nullable=False),
    Column("timezone", Str, nullable=False),
    Column("days", Str, nullable=False),
    Column("questions", Integer, nullable=False),
    Column("open_for_seconds", Integer, nullable=False),
    Column("topic", Str, nullable=False, server_default=""),
    Column("paused", Integer, nullable=False, server_default="0"),
    Column("created_by", DiscordId),
    Column("created_at", Str, nullable=False),
    Column("resumed_at", Str),
    Column("removed_at", Str),
    Index("quiz_schedules_guild", "guild_id"),
    sqlite_autoincrement=True,
)

quiz_missed = Table(
    "quiz_missed", metadata,
    Column("schedule_id", RowId, ForeignKey("quiz_schedules.id"), primary_key=True),
    Column("local_date", Str, primary_key=True),
    Column("reason", Str, nullable=False),
)

quiz_posts = Table(
    "quiz_posts", metadata,
    row_id(),
    Column("schedule_id", RowId, ForeignKey("quiz_schedules.id")),
    Column("guild_id", DiscordId, nullable=False),
    Column("channel_id", DiscordId, nullable=False),
    Column("local_date", Str, nullable=False),
    Column("slot", Integer, nullable=False),
    Column("item_id", Str, nullable=False),
    Column("item_json", Str, nullable=False),
    Column("message_id", DiscordId),
    Column("opens_at", Str, nullable=False),
    Column("closes_at", Str, nullable=False),
    Column("status", Str, nullable=False),
    Column("revealed_at", Str),
    Column("claimed_until", Str),  # a process sends or reveals the post until then (migration 5)
    UniqueConstraint("schedule_id", "local_date", "slot"),
    Index("quiz_posts_status", "status", "closes_at"),
    Index("quiz_posts_guild_item", "guild_id", "item_id"),
    sqlite_autoincrement=True,
)

quiz_answers = Table(
    "quiz_answers", metadata,
    Column("post_id", RowId, ForeignKey("quiz_posts.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", DiscordId, primary_key=True),
    Column("user_name", Str, nullable=False),
    Column("choice", Integer, nullable=False),
    Column("correct", Integer, nullable=False),
    Column("answered_at", Str, nullable=False),
    Column("changes", Integer, nullable=False, server_default="0"),
)

quiz_reports = Table(
    "quiz_reports", metadata,
    Column("post_id", RowId, ForeignKey("quiz_posts.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", DiscordId, primary_key=True),
    Column("item_id", Str, nullable=False),
    Column("reported_at", Str, nullable=False),
)

quiz_retired = Table(
    "quiz_retired", metadata,
    Column("guild_id", DiscordId, primary_key=True),
    Column("item_id", Str, primary_key=True),
    Column("retired_by", DiscordId),
    Column("retired_at", Str, nullable=False),
)

review_cards = Table(
    "review_cards", metadata,
    row_id(),
    Column("guild_id", DiscordId, nullable=False),
    Column("user_id", DiscordId, nullable=False),
    Column("item_id", Str, nullable=False),
    Column("item_json", Str, nullable=False),
    Column("card_json", Str, nullable=False),
    Column("due", Str, nullable=False),
    Column("reps", Integer, nullable=False, server_default="0"),
    Column("lapses", Integer, nullable=False, server_default="0"),
    Column("created_at", Str, nullable=False),
    Column("updated_at", Str, nullable=False),
    UniqueConstraint("guild_id", "user_id", "item_id"),
    Index("review_cards_due", "guild_id", "user_id", "due"),
    sqlite_autoincrement=True,
)

review_log = Table(
    "review_log", metadata,
    row_id(),
    Column("card_id", RowId, ForeignKey("review_cards.id", ondelete="CASCADE"), nullable=False),
    Column("guild_id", DiscordId, nullable=False),
    Column("user_id", DiscordId, nullable=False),
    Column("post_id", RowId),
    Column("rating", Integer, nullable=False),
    Column("source", Str, nullable=False),
    Column("reviewed_at", Str, nullable=False),
    Column("due_after", Str, nullable=False),
    Index("review_log_card", "card_id", "post_id"),
    Index("review_log_user", "guild_id", "user_id"),
    sqlite_autoincrement=True,
)

quiz_decisions = Table(
    "quiz_decisions", metadata,
    Column("course", Str, primary_key=True),
    Column("content_key", Str, primary_key=True),
    Column("item_id", Str, nullable=False),
    Column("status", Str, nullable=False),
    Column("reason", Str, nullable=False, server_default=""),
    Column("edited_json", Str),
    Column("decided_by", Str, nullable=False),
    Column("decided_at", Str, nullable=False),
)

guild_courses = Table(
    "guild_courses", metadata,
    Column("guild_id", DiscordId, primary_key=True, autoincrement=False),
    Column("course", Str, nullable=False),
    Column("set_by", DiscordId),
    Column("set_at", Str, nullable=False),
    Index("guild_courses_course", "course"),
)

course_owners = Table(
    "course_owners", metadata,
    Column("course", Str, primary_key=True),
    Column("guild_id", DiscordId, primary_key=True, autoincrement=False),
    Column("since", Str, nullable=False),
)

dm_courses = Table(
    "dm_courses", metadata,
    Column("user_id", DiscordId, primary_key=True, autoincrement=False),
    Column("course", Str, nullable=False),
    Column("chosen_at", Str, nullable=False),
)

bot_guilds = Table(
    "bot_guilds", metadata,
    Column("guild_id", DiscordId, primary_key=True, autoincrement=False),
    Column("seen_at", Str, nullable=False),
)

course_builds = Table(
    "course_builds", metadata,
    Column("course", Str, primary_key=True),
    Column("holder", Str, nullable=False),
    Column("started_at", Str, nullable=False),
)

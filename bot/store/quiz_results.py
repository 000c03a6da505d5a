"""Read-only views of the quiz tables for results: leaderboard, /quiz me, /quiz stats, export.

Every result command reads through this one module, so they all count the same rows and cannot
disagree. By default only *revealed* posts count: an open question's tally would leak who chose
what (and therefore the right answer) before the reveal, and its answers can still change.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from bot.core.aware_time import require_aware
from bot.core.quiz.items import QuizItem
from bot.core.quiz.records import OPEN, REVEALED, AnswerRow, Post
from sqlalchemy import select

from bot.store.database import Database
from bot.store.quiz_posts import _post as post_from_row
from bot.store.schema import quiz_answers, quiz_posts

__all__ = ["QuizResults", "post_from_row"]


def _statuses(revealed_only: bool) -> tuple[str, ...]:
    # Posts still being sent ("posting") or never sent ("failed") were never seen by anyone.
    return (REVEALED,) if revealed_only else (OPEN, REVEALED)


def _since_ok(opens_at: datetime, since: datetime | None) -> bool:
    # Compared as datetimes, not as text: stored offsets need not all be spelled "+00:00".
    return since is None or opens_at >= since


# Each answer with the post it answers.
_ANSWERS = (select(quiz_answers.c.post_id, quiz_answers.c.user_id, quiz_answers.c.user_name, quiz_answers.c.choice,
                   quiz_answers.c.correct, quiz_answers.c.answered_at, quiz_posts.c.schedule_id,
                   quiz_posts.c.guild_id, quiz_posts.c.item_json, quiz_posts.c.local_date, quiz_posts.c.opens_at,
                   quiz_posts.c.closes_at, quiz_posts.c.slot)
            .join(quiz_posts, quiz_posts.c.id == quiz_answers.c.post_id))


class QuizResults:
    def __init__(self, db: Database) -> None:
        self.db = db

    def posts(self, guild_id: int, *, since: datetime | None = None, schedule_id: int | None = None,
              revealed_only: bool = True) -> list[Post]:
        """The guild's posts, oldest first (opening time, then slot). `since` filters on opens_at."""
        if since is not None:
            require_aware(since, "since")
        query = select(quiz_posts).where(quiz_posts.c.guild_id == guild_id,
                                         quiz_posts.c.status.in_(_statuses(revealed_only)))
        if schedule_id is not None:
            query = query.where(quiz_posts.c.schedule_id == schedule_id)
        posts = [post_from_row(r) for r in self.db.query(query)]
        posts = [p for p in posts if _since_ok(p.opens_at, since)]
        return sorted(posts, key=lambda p: (p.opens_at, p.slot, p.id))

    def answers(self, guild_id: int, *, since: datetime | None = None, schedule_id: int | None = None,
                user_id: int | None = None, revealed_only: bool = True) -> list[AnswerRow]:
        """Answers to the guild's posts, in post order then answer time. `since` filters on the
        post's opens_at, so a question belongs to the period it was asked in."""
        if since is not None:
            require_aware(since, "since")
        query = _ANSWERS.where(quiz_posts.c.guild_id == guild_id, quiz_posts.c.status.in_(_statuses(revealed_only)))
        if schedule_id is not None:
            query = query.where(quiz_posts.c.schedule_id == schedule_id)
        if user_id is not None:
            query = query.where(quiz_answers.c.user_id == user_id)
        rows = [_answer(r) for r in self.db.query(query)]
        rows = [r for r in rows if _since_ok(r.opens_at, since)]
        return sorted(rows, key=lambda r: (r.opens_at, r.slot, r.post_id, r.answered_at, r.user_id))

    def post_answers(self, post_id: int) -> list[AnswerRow]:
        """Every answer to one post, whatever its status: what the reveal feeds to ReviewCards."""
        rows = self.db.query(_ANSWERS.where(quiz_answers.c.post_id == post_id)
                             .order_by(quiz_answers.c.answered_at, quiz_answers.c.user_id))
        return [_answer(r) for r in rows]


def _answer(row) -> AnswerRow:
    return AnswerRow(
        post_id=row["post_id"], schedule_id=row["schedule_id"], guild_id=row["guild_id"],
        user_id=row["user_id"], user_name=row["user_name"],
        item=QuizItem.from_dict(json.loads(row["item_json"])), choice=row["choice"],
        correct=bool(row["correct"]), answered_at=_aware(row["answered_at"]),
        local_date=date.fromisoformat(row["local_date"]), opens_at=_aware(row["opens_at"]),
        closes_at=_aware(row["closes_at"]), slot=row["slot"])


def _aware(text: str) -> datetime:
    # Every writer stores aware times; a naive one (hand-edited row) is read as UTC, not refused.
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)

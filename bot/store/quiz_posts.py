"""Posted quiz questions, the students' answers, reports and retired items.

A post is reserved under the unique key (schedule, local date, slot) before anything is sent to
Discord, so two ticks (or a restart, or two processes) can never post the same occurrence twice;
every answer is written the moment it is clicked. The process that sends or reveals a post claims
it first (`claimed_until`), so another process that owns the same server does not do it too."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import func, or_, select, update

from bot.core.aware_time import to_utc
from bot.core.quiz.items import QuizItem
from bot.core.quiz.records import FAILED, OPEN, POSTING, REVEALED, Post, Tally
from bot.store.database import Database, IntegrityError
from bot.store.schema import quiz_answers, quiz_posts, quiz_reports, quiz_retired


def _post(row) -> Post:
    return Post(
        id=row["id"], schedule_id=row["schedule_id"], guild_id=row["guild_id"], channel_id=row["channel_id"],
        local_date=date.fromisoformat(row["local_date"]), slot=row["slot"],
        item=QuizItem.from_dict(json.loads(row["item_json"])), message_id=row["message_id"],
        opens_at=datetime.fromisoformat(row["opens_at"]), closes_at=datetime.fromisoformat(row["closes_at"]),
        status=row["status"],
        revealed_at=datetime.fromisoformat(row["revealed_at"]) if row["revealed_at"] else None)


def _set_status(post_id: int, status: str, **values):
    # A post that moved on is nobody's claim any more.
    return update(quiz_posts).where(quiz_posts.c.id == post_id).values(status=status, claimed_until=None, **values)


def _moment(at: datetime) -> str:
    """Fixed width UTC (always microseconds): text order is time order, on both databases."""
    return to_utc(at, "moment").isoformat(timespec="microseconds")


def _unclaimed(now: datetime):
    return or_(quiz_posts.c.claimed_until.is_(None), quiz_posts.c.claimed_until <= _moment(now))


class QuizPosts:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- posts ---------------------------------------------------------------------------------

    def reserve(self, *, schedule_id: int | None, guild_id: int, channel_id: int, local_date: date,
                items: list[QuizItem], opens_at: datetime, closes_at: datetime,
                claimed_until: datetime | None = None) -> list[Post]:
        """Claim an occurrence before posting it. Returns [] when it was claimed already (by this
        process or another: the unique key is the database's, so it holds across processes).
        `claimed_until`: no other process takes over the sending before then."""
        claim = _moment(claimed_until) if claimed_until else None
        rows = [dict(schedule_id=schedule_id, guild_id=guild_id, channel_id=channel_id,
                     local_date=local_date.isoformat(), slot=slot, item_id=item.id,
                     item_json=json.dumps(item.to_dict()), opens_at=opens_at.isoformat(),
                     closes_at=closes_at.isoformat(), status=POSTING, claimed_until=claim)
                for slot, item in enumerate(items, 1)]
        try:
            with self.db.atomic():
                made = [self.db.execute(quiz_posts.insert().values(**row).returning(*quiz_posts.c)).rows[0]
                        for row in rows]
        except IntegrityError:
            return []
        return sorted((_post(r) for r in made), key=lambda p: p.slot)

    def posted_dates(self, schedule_id: int) -> set[date]:
        rows = self.db.query(select(quiz_posts.c.local_date).distinct().where(quiz_posts.c.schedule_id == schedule_id))
        return {date.fromisoformat(r["local_date"]) for r in rows}

    def claim(self, post_id: int, status: str, now: datetime, until: datetime) -> bool:
        """Take the post's next step (send, reveal) until `until`, if it still has `status` and no
        other claim holds at `now`. One UPDATE: of two processes asking at once, one gets True."""
        done = self.db.execute(update(quiz_posts)
                               .where(quiz_posts.c.id == post_id, quiz_posts.c.status == status, _unclaimed(now))
                               .values(claimed_until=_moment(until)))
        return done.rowcount == 1

    def release(self, post_id: int) -> None:
        """Give a claim up (the step failed and is to be tried again)."""
        self.db.execute(update(quiz_posts).where(quiz_posts.c.id == post_id).values(claimed_until=None))

    def unclaimed_with_status(self, status: str, now: datetime) -> list[Post]:
        rows = self.db.query(select(quiz_posts).where(quiz_posts.c.status == status, _unclaimed(now))
                             .order_by(quiz_posts.c.id))
        return [_post(r) for r in rows]

    def mark_open(self, post_id: int, message_id: int) -> None:
        self.db.execute(_set_status(post_id, OPEN, message_id=message_id))

    def mark_failed(self, post_id: int) -> None:
        self.db.execute(_set_status(post_id, FAILED))

    def mark_revealed(self, post_id: int, at: datetime) -> None:
        self.db.execute(_set_status(post_id, REVEALED, revealed_at=at.isoformat()))

    def get(self, post_id: int) -> Post | None:
        rows = self.db.query(select(quiz_posts).where(quiz_posts.c.id == post_id))
        return _post(rows[0]) if rows else None

    def with_status(self, status: str) -> list[Post]:
        rows = self.db.query(select(quiz_posts).where(quiz_posts.c.status == status).order_by(quiz_posts.c.id))
        return [_post(r) for r in rows]

    def open_in_guild(self, guild_id: int, now: datetime) -> list[Post]:
        rows = self.db.query(select(quiz_posts).where(quiz_posts.c.guild_id == guild_id, quiz_posts.c.status == OPEN,
                                                      quiz_posts.c.closes_at > now.isoformat()))
        return [_post(r) for r in rows]

    def item_use(self, guild_id: int) -> dict[str, str]:
        """{item id: when it was last posted in the guild}, to avoid repeats until the bank is used up."""
        rows = self.db.query(select(quiz_posts.c.item_id, func.max(quiz_posts.c.opens_at).label("last"))
                             .where(quiz_posts.c.guild_id == guild_id, quiz_posts.c.status != FAILED)
                             .group_by(quiz_posts.c.item_id))
        return {r["item_id"]: r["last"] for r in rows}

    # --- answers ------------------------------------------------------------------------------

    def record_answer(self, post_id: int, user_id: int, user_name: str, choice: int, correct: bool,
                      at: datetime) -> str:
        """Store a student's choice at once. Returns "new", "changed" or "same"."""
        with self.db.atomic(f"quiz-answer:{post_id}:{user_id}"):
            rows = self.db.query(select(quiz_answers.c.choice).where(quiz_answers.c.post_id == post_id,
                                                                     quiz_answers.c.user_id == user_id))
            if rows and rows[0]["choice"] == choice:
                return "same"
            upsert = self.db.insert(quiz_answers).values(post_id=post_id, user_id=user_id, user_name=user_name,
                                                         choice=choice, correct=int(correct),
                                                         answered_at=at.isoformat())
            self.db.execute(upsert.on_conflict_do_update(
                index_elements=[quiz_answers.c.post_id, quiz_answers.c.user_id],
                set_={"choice": upsert.excluded.choice, "correct": upsert.excluded.correct,
                      "answered_at": upsert.excluded.answered_at, "user_name": upsert.excluded.user_name,
                      "changes": quiz_answers.c.changes + 1}))
            return "changed" if rows else "new"

    def answers_of(self, post_id: int) -> list[tuple[int, int, bool]]:
        """(user id, choice, correct) of every answer to a post."""
        rows = self.db.query(select(quiz_answers.c.user_id, quiz_answers.c.choice, quiz_answers.c.correct)
                             .where(quiz_answers.c.post_id == post_id))
        return [(int(r["user_id"]), int(r["choice"]), bool(r["correct"])) for r in rows]

    def open_everywhere(self, now: datetime) -> list[Post]:
        rows = self.db.query(select(quiz_posts).where(quiz_posts.c.status == OPEN,
                                                      quiz_posts.c.closes_at > now.isoformat()))
        return [_post(r) for r in rows]

    def tally(self, post_id: int) -> Tally:
        rows = self.db.query(select(quiz_answers.c.choice, quiz_answers.c.correct, func.count().label("n"))
                             .where(quiz_answers.c.post_id == post_id)
                             .group_by(quiz_answers.c.choice, quiz_answers.c.correct))
        by_choice = {r["choice"]: int(r["n"]) for r in rows}
        return Tally(by_choice, sum(by_choice.values()), sum(int(r["n"]) for r in rows if r["correct"]))

    # --- reports and retirement ----------------------------------------------------------------

    def report(self, post: Post, user_id: int, at: datetime) -> bool:
        done = self.db.execute(self.db.insert(quiz_reports).values(
            post_id=post.id, user_id=user_id, item_id=post.item.id, reported_at=at.isoformat()
        ).on_conflict_do_nothing())
        return done.rowcount == 1

    def reported(self, guild_id: int) -> list[tuple[QuizItem, int]]:
        """Reported items of a guild that are not retired yet, most reported first."""
        n = func.count().label("n")
        rows = self.db.query(
            select(quiz_reports.c.item_id, n, func.max(quiz_posts.c.item_json).label("item_json"))
            .join(quiz_posts, quiz_posts.c.id == quiz_reports.c.post_id)
            .where(quiz_posts.c.guild_id == guild_id,
                   quiz_reports.c.item_id.not_in(select(quiz_retired.c.item_id)
                                                 .where(quiz_retired.c.guild_id == guild_id)))
            .group_by(quiz_reports.c.item_id).order_by(n.desc()))
        return [(QuizItem.from_dict(json.loads(r["item_json"])), int(r["n"])) for r in rows]

    def retire(self, guild_id: int, item_id: str, by: int, at: datetime) -> None:
        upsert = self.db.insert(quiz_retired).values(guild_id=guild_id, item_id=item_id, retired_by=by,
                                                     retired_at=at.isoformat())
        self.db.execute(upsert.on_conflict_do_update(
            index_elements=[quiz_retired.c.guild_id, quiz_retired.c.item_id],
            set_={"retired_by": upsert.excluded.retired_by, "retired_at": upsert.excluded.retired_at}))

    def retired(self, guild_id: int) -> set[str]:
        rows = self.db.query(select(quiz_retired.c.item_id).where(quiz_retired.c.guild_id == guild_id))
        return {r["item_id"] for r in rows}

"""Each student's spaced-review cards: one card per (guild, student, question), and the log of
every review.

The store keeps what it is given: the card's FSRS memory as fsrs's own JSON (computed by
bot.core.quiz.review, called from bot.services.reviews), the question as the snapshot that was
posted, and `due` as fixed-width UTC text so that the index answers "what is due now" in text
order. A change runs in one transaction around the caller's decision, so a double click cannot
review a card twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select, update

from bot.core.aware_time import to_utc
from bot.core.quiz.items import QuizItem
from bot.core.quiz.records import ReviewCard
from bot.core.quiz.review import Reviewed
from bot.store.database import Database
from bot.store.schema import quiz_retired, review_cards, review_log

QUIZ, REVIEW = "quiz", "review"  # review_log.source

# Given the card as it is now (None: the student has none for this question yet), the outcome to
# write, or None to leave it as it is.
Decide = Callable[[ReviewCard | None], Reviewed | None]


def _text(moment: datetime) -> str:
    """Fixed width (always microseconds, always +00:00): text order is then time order."""
    return to_utc(moment, "moment").isoformat(timespec="microseconds")


def _card(row) -> ReviewCard:
    return ReviewCard(
        id=row["id"], guild_id=row["guild_id"], user_id=row["user_id"],
        item=QuizItem.from_dict(json.loads(row["item_json"])), due=datetime.fromisoformat(row["due"]),
        reps=row["reps"], lapses=row["lapses"], memory=row["card_json"])


def _by_item(guild_id: int, user_id: int, item_id: str):
    return select(review_cards).where(review_cards.c.guild_id == guild_id, review_cards.c.user_id == user_id,
                                      review_cards.c.item_id == item_id)


def _due_filter(query, guild_id: int, user_id: int):
    """The student's cards in the guild, less retired questions."""
    c = review_cards.c
    return query.where(c.guild_id == guild_id, c.user_id == user_id,
                       c.item_id.not_in(select(quiz_retired.c.item_id).where(quiz_retired.c.guild_id == c.guild_id)))


class ReviewCards:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- writing ------------------------------------------------------------------------------

    def change_for_item(self, guild_id: int, user_id: int, item: QuizItem, decide: Decide, *,
                        source: str = QUIZ, post_id: int | None = None) -> ReviewCard:
        """Create or review the student's card for `item` with what `decide` says, in one
        transaction; the card keeps the latest snapshot of the question."""
        item_json = json.dumps(item.to_dict())
        with self.db.atomic(f"student:{user_id}"):
            rows = self.db.query(_by_item(guild_id, user_id, item.id))
            current = _card(rows[0]) if rows else None
            outcome = decide(current)
            if outcome is None:
                assert current is not None, "a new card needs an outcome"
                return current
            if current is None:
                done = self.db.execute(review_cards.insert().values(
                    guild_id=guild_id, user_id=user_id, item_id=item.id, item_json=item_json,
                    card_json=outcome.memory, due=_text(outcome.due), reps=1, lapses=int(not outcome.correct),
                    created_at=_text(outcome.at), updated_at=_text(outcome.at)).returning(review_cards.c.id))
                card_id = int(done.rows[0]["id"])
                self._log((card_id, guild_id, user_id), outcome, source, post_id)
            else:
                card_id = current.id
                self._write(current, outcome, source, post_id, item_json)
            return self._get(card_id)

    def change(self, card_id: int, user_id: int, decide: Decide, *, source: str = REVIEW) -> ReviewCard | None:
        """Review one of the student's cards with what `decide` says; None when the student has
        no card of that id (another student's, or forgotten)."""
        with self.db.atomic(f"student:{user_id}"):
            rows = self.db.query(select(review_cards).where(review_cards.c.id == card_id,
                                                            review_cards.c.user_id == user_id))
            if not rows:
                return None
            current = _card(rows[0])
            outcome = decide(current)
            if outcome is None:
                return current
            self._write(current, outcome, source, None, None)
            return self._get(card_id)

    def _write(self, card: ReviewCard, outcome: Reviewed, source: str, post_id: int | None,
               item_json: str | None) -> None:
        c, card_id = review_cards.c, card.id
        values = dict(card_json=outcome.memory, due=_text(outcome.due), reps=c.reps + 1,
                      lapses=c.lapses + int(not outcome.correct), updated_at=_text(outcome.at))
        if item_json is not None:
            values["item_json"] = item_json
        self.db.execute(update(review_cards).where(c.id == card_id).values(**values))
        self._log((card_id, card.guild_id, card.user_id), outcome, source, post_id)

    def _log(self, card: tuple[int, int, int], outcome: Reviewed, source: str, post_id: int | None) -> None:
        card_id, guild_id, user_id = card
        self.db.execute(review_log.insert().values(
            card_id=card_id, guild_id=guild_id, user_id=user_id, post_id=post_id, rating=outcome.rating,
            source=source, reviewed_at=_text(outcome.at), due_after=_text(outcome.due)))

    def _get(self, card_id: int) -> ReviewCard:
        got = self.get(card_id)
        assert got is not None  # inside the transaction: nobody deleted it in between
        return got

    # --- reading ------------------------------------------------------------------------------

    def reviewed_in_post(self, card_id: int, post_id: int) -> bool:
        """Whether the outcome of quiz post `post_id` is already on the card (a retried reveal)."""
        return bool(self.db.query(select(review_log.c.id).where(review_log.c.card_id == card_id,
                                                                review_log.c.post_id == post_id)))

    def get(self, card_id: int) -> ReviewCard | None:
        rows = self.db.query(select(review_cards).where(review_cards.c.id == card_id))
        return _card(rows[0]) if rows else None

    def due(self, guild_id: int, user_id: int, now: datetime, limit: int = 1) -> list[ReviewCard]:
        """Cards due at `now`, the longest overdue first. Retired questions never come back."""
        c = review_cards.c
        rows = self.db.query(_due_filter(select(review_cards), guild_id, user_id)
                             .where(c.due <= _text(now)).order_by(c.due, c.id).limit(limit))
        return [_card(r) for r in rows]

    def count_due(self, guild_id: int, user_id: int, now: datetime) -> int:
        query = _due_filter(select(func.count()).select_from(review_cards), guild_id, user_id)
        return int(self.db.scalar(query.where(review_cards.c.due <= _text(now))))

    def next_due(self, guild_id: int, user_id: int) -> datetime | None:
        """When the student's earliest card is due (possibly already past); None without cards."""
        due = self.db.scalar(_due_filter(select(func.min(review_cards.c.due)), guild_id, user_id))
        return datetime.fromisoformat(due) if due else None

    def count(self, guild_id: int, user_id: int) -> int:
        """All of the student's cards (due or not), for /quiz forget-me's preview and /quiz me."""
        return int(self.db.scalar(select(func.count()).select_from(review_cards).where(
            review_cards.c.guild_id == guild_id, review_cards.c.user_id == user_id)))

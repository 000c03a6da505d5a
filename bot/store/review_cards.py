"""Each student's spaced-review cards: one FSRS card per (guild, student, question).

A quiz outcome creates or reviews the card (`record_outcome`, called at the reveal); /review
serves due cards and grades them (`grade`). The card's FSRS state is kept as fsrs's own JSON, the
question as the snapshot that was posted, and `due` as fixed-width UTC text so that the index
answers "what is due now" in text order. Every read-modify-write holds the database lock, so a
double click cannot review a card twice.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from fsrs import Card

from bot.core.quiz import review as fsrs_review
from bot.core.quiz.items import QuizItem
from bot.errors import NotFoundError
from bot.store.database import Database

UTC = timezone.utc
QUIZ, REVIEW = "quiz", "review"  # review_log.source


def _text(moment: datetime) -> str:
    """Fixed width (always microseconds, always +00:00): text order is then time order."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"expected a timezone-aware datetime, got naive {moment.isoformat()}")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class ReviewCard:
    id: int
    guild_id: int
    user_id: int
    item: QuizItem
    due: datetime  # UTC
    reps: int  # outcomes so far (quiz answers and /review grades)
    lapses: int  # of which wrong
    state: str = "learning"  # "learning" (never reviewed), "review" or "relearning"
    last_review: datetime | None = None


def _card(row: sqlite3.Row) -> ReviewCard:
    fsrs_card = fsrs_review.card_from_json(row["card_json"])
    return ReviewCard(
        id=row["id"], guild_id=row["guild_id"], user_id=row["user_id"],
        item=QuizItem.from_dict(json.loads(row["item_json"])), due=datetime.fromisoformat(row["due"]),
        reps=row["reps"], lapses=row["lapses"], state=fsrs_review.state_name(fsrs_card),
        last_review=fsrs_card.last_review)


_LOG_SQL = ("INSERT INTO review_log (card_id, guild_id, user_id, post_id, rating, source, reviewed_at, due_after)"
            " SELECT id, guild_id, user_id, ?, ?, ?, ?, ? FROM review_cards")
_DUE_FILTER = (" FROM review_cards c WHERE c.guild_id = ? AND c.user_id = ? AND c.item_id NOT IN"
               " (SELECT item_id FROM quiz_retired r WHERE r.guild_id = c.guild_id)")


class ReviewCards:
    def __init__(self, db: Database, *, fuzz: bool = True) -> None:
        self.db = db
        self.scheduler = fsrs_review.make_scheduler(fuzz=fuzz)
        # Database's re-entrant lock (its query/transaction take it again inside), held around each
        # read-review-write so that two threads cannot review the same card from the same state.
        self._lock = db._lock

    # --- writing ------------------------------------------------------------------------------

    def record_outcome(self, guild_id: int, user_id: int, item: QuizItem, correct: bool, at: datetime, *,
                       post_id: int | None = None) -> ReviewCard:
        """A quiz answer became known (at the reveal): create the card or review it again.

        Idempotent: with `post_id`, a second call for the same post changes nothing (a reveal
        retried after a restart); without it, a call not later than the card's last review does
        nothing either (fsrs cannot review into the past).
        """
        at_text, item_json = _text(at), json.dumps(item.to_dict())
        key = (guild_id, user_id, item.id)
        with self._lock:
            rows = self.db.query("SELECT * FROM review_cards WHERE guild_id = ? AND user_id = ? AND item_id = ?", key)
            if rows:
                card_id, card = rows[0]["id"], fsrs_review.card_from_json(rows[0]["card_json"])
                if post_id is not None and self.db.query(
                        "SELECT 1 FROM review_log WHERE card_id = ? AND post_id = ?", (card_id, post_id)):
                    return _card(rows[0])
                if card.last_review is not None and at <= card.last_review:
                    return _card(rows[0])
                return self._review(card_id, card, correct, at, source=QUIZ, post_id=post_id, item_json=item_json)
            # A new card is created already reviewed, in one transaction: never a card without history.
            card = fsrs_review.new_card(at, card_id=int(at.timestamp() * 1000))
            reviewed = fsrs_review.review(self.scheduler, card, correct, at)
            due = _text(fsrs_review.due_utc(reviewed))
            self.db.transaction([
                ("INSERT INTO review_cards (guild_id, user_id, item_id, item_json, card_json, due, reps, lapses,"
                 " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                 (*key, item_json, fsrs_review.card_to_json(reviewed), due, int(not correct), at_text, at_text)),
                (_LOG_SQL + " WHERE guild_id = ? AND user_id = ? AND item_id = ?",
                 (post_id, int(fsrs_review.rating_for(correct)), QUIZ, at_text, due, *key)),
            ])
            rows = self.db.query("SELECT * FROM review_cards WHERE guild_id = ? AND user_id = ? AND item_id = ?", key)
            return _card(rows[0])

    def grade(self, card_id: int, user_id: int, correct: bool, at: datetime) -> ReviewCard:
        """A /review answer. Another student's card (or a forgotten one) is NotFoundError; a card
        that is not due (a second click, a stale button) is returned unchanged."""
        _text(at)
        with self._lock:
            rows = self.db.query("SELECT * FROM review_cards WHERE id = ? AND user_id = ?", (card_id, user_id))
            if not rows:
                raise NotFoundError("That review card is no longer there.",
                                    hint="Use `/review` to get your next card.")
            current = _card(rows[0])
            if current.due > at:
                return current
            card = fsrs_review.card_from_json(rows[0]["card_json"])
            return self._review(card_id, card, correct, at, source=REVIEW, post_id=None)

    def _review(self, card_id: int, card: Card, correct: bool, at: datetime, *, source: str,
                post_id: int | None, item_json: str | None = None) -> ReviewCard:
        reviewed = fsrs_review.review(self.scheduler, card, correct, at)
        due = _text(fsrs_review.due_utc(reviewed))
        self.db.transaction([
            ("UPDATE review_cards SET card_json = ?, due = ?, reps = reps + 1, lapses = lapses + ?,"
             " item_json = COALESCE(?, item_json), updated_at = ? WHERE id = ?",
             (fsrs_review.card_to_json(reviewed), due, int(not correct), item_json, _text(at), card_id)),
            (_LOG_SQL + " WHERE id = ?",
             (post_id, int(fsrs_review.rating_for(correct)), source, _text(at), due, card_id)),
        ])
        got = self.get(card_id)
        assert got is not None  # we hold the lock: nobody deleted it in between
        return got

    # --- reading ------------------------------------------------------------------------------

    def get(self, card_id: int) -> ReviewCard | None:
        rows = self.db.query("SELECT * FROM review_cards WHERE id = ?", (card_id,))
        return _card(rows[0]) if rows else None

    def due(self, guild_id: int, user_id: int, now: datetime, limit: int = 1) -> list[ReviewCard]:
        """Cards due at `now`, the longest overdue first. Retired questions never come back."""
        rows = self.db.query(f"SELECT c.*{_DUE_FILTER} AND c.due <= ? ORDER BY c.due, c.id LIMIT ?",
                             (guild_id, user_id, _text(now), limit))
        return [_card(r) for r in rows]

    def count_due(self, guild_id: int, user_id: int, now: datetime) -> int:
        rows = self.db.query(f"SELECT COUNT(*) AS n{_DUE_FILTER} AND c.due <= ?", (guild_id, user_id, _text(now)))
        return int(rows[0]["n"])

    def next_due(self, guild_id: int, user_id: int) -> datetime | None:
        """When the student's earliest card is due (possibly already past); None without cards."""
        rows = self.db.query(f"SELECT MIN(c.due) AS due{_DUE_FILTER}", (guild_id, user_id))
        return datetime.fromisoformat(rows[0]["due"]) if rows and rows[0]["due"] else None

    def count(self, guild_id: int, user_id: int) -> int:
        """All of the student's cards (due or not), for /quiz forget-me's preview and /quiz me."""
        rows = self.db.query("SELECT COUNT(*) AS n FROM review_cards WHERE guild_id = ? AND user_id = ?",
                             (guild_id, user_id))
        return int(rows[0]["n"])

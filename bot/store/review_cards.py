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
import sqlite3
from collections.abc import Callable
from datetime import datetime

from bot.core.aware_time import to_utc
from bot.core.quiz.items import QuizItem
from bot.core.quiz.records import ReviewCard
from bot.core.quiz.review import Reviewed
from bot.store.database import Database

QUIZ, REVIEW = "quiz", "review"  # review_log.source

# Given the card as it is now (None: the student has none for this question yet), the outcome to
# write, or None to leave it as it is.
Decide = Callable[[ReviewCard | None], Reviewed | None]


def _text(moment: datetime) -> str:
    """Fixed width (always microseconds, always +00:00): text order is then time order."""
    return to_utc(moment, "moment").isoformat(timespec="microseconds")


def _card(row: sqlite3.Row) -> ReviewCard:
    return ReviewCard(
        id=row["id"], guild_id=row["guild_id"], user_id=row["user_id"],
        item=QuizItem.from_dict(json.loads(row["item_json"])), due=datetime.fromisoformat(row["due"]),
        reps=row["reps"], lapses=row["lapses"], memory=row["card_json"])


_LOG_SQL = ("INSERT INTO review_log (card_id, guild_id, user_id, post_id, rating, source, reviewed_at, due_after)"
            " SELECT id, guild_id, user_id, ?, ?, ?, ?, ? FROM review_cards")
_DUE_FILTER = (" FROM review_cards c WHERE c.guild_id = ? AND c.user_id = ? AND c.item_id NOT IN"
               " (SELECT item_id FROM quiz_retired r WHERE r.guild_id = c.guild_id)")
_BY_ITEM = "SELECT * FROM review_cards WHERE guild_id = ? AND user_id = ? AND item_id = ?"


class ReviewCards:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- writing ------------------------------------------------------------------------------

    def change_for_item(self, guild_id: int, user_id: int, item: QuizItem, decide: Decide, *,
                        source: str = QUIZ, post_id: int | None = None) -> ReviewCard:
        """Create or review the student's card for `item` with what `decide` says, in one
        transaction; the card keeps the latest snapshot of the question."""
        key = (guild_id, user_id, item.id)
        item_json = json.dumps(item.to_dict())
        with self.db.atomic():
            rows = self.db.query(_BY_ITEM, key)
            current = _card(rows[0]) if rows else None
            outcome = decide(current)
            if outcome is None:
                assert current is not None, "a new card needs an outcome"
                return current
            if current is None:
                self.db.execute(
                    "INSERT INTO review_cards (guild_id, user_id, item_id, item_json, card_json, due, reps, lapses,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                    (*key, item_json, outcome.memory, _text(outcome.due), int(not outcome.correct),
                     _text(outcome.at), _text(outcome.at)))
                card_id = int(self.db.query(_BY_ITEM, key)[0]["id"])
                self._log(card_id, outcome, source, post_id)
            else:
                card_id = current.id
                self._write(card_id, outcome, source, post_id, item_json)
            return self._get(card_id)

    def change(self, card_id: int, user_id: int, decide: Decide, *, source: str = REVIEW) -> ReviewCard | None:
        """Review one of the student's cards with what `decide` says; None when the student has
        no card of that id (another student's, or forgotten)."""
        with self.db.atomic():
            rows = self.db.query("SELECT * FROM review_cards WHERE id = ? AND user_id = ?", (card_id, user_id))
            if not rows:
                return None
            current = _card(rows[0])
            outcome = decide(current)
            if outcome is None:
                return current
            self._write(card_id, outcome, source, None, None)
            return self._get(card_id)

    def _write(self, card_id: int, outcome: Reviewed, source: str, post_id: int | None,
               item_json: str | None) -> None:
        self.db.execute(
            "UPDATE review_cards SET card_json = ?, due = ?, reps = reps + 1, lapses = lapses + ?,"
            " item_json = COALESCE(?, item_json), updated_at = ? WHERE id = ?",
            (outcome.memory, _text(outcome.due), int(not outcome.correct), item_json, _text(outcome.at), card_id))
        self._log(card_id, outcome, source, post_id)

    def _log(self, card_id: int, outcome: Reviewed, source: str, post_id: int | None) -> None:
        self.db.execute(_LOG_SQL + " WHERE id = ?",
                        (post_id, outcome.rating, source, _text(outcome.at), _text(outcome.due), card_id))

    def _get(self, card_id: int) -> ReviewCard:
        got = self.get(card_id)
        assert got is not None  # inside the transaction: nobody deleted it in between
        return got

    # --- reading ------------------------------------------------------------------------------

    def reviewed_in_post(self, card_id: int, post_id: int) -> bool:
        """Whether the outcome of quiz post `post_id` is already on the card (a retried reveal)."""
        return bool(self.db.query("SELECT 1 FROM review_log WHERE card_id = ? AND post_id = ?", (card_id, post_id)))

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

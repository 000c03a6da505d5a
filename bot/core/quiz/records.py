"""What the quiz keeps about posts, answers and review cards, as plain values.

The store reads and writes these; the core computes results from them; the services hand them to
the adapters. They live in the core so that the core never needs the store to know their shape."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.core.quiz import review as fsrs_review
from bot.core.quiz.items import QuizItem

# A post's life: reserved ("posting") before it is sent, "open" once it is in the channel, then
# "revealed"; "failed" when it could not be sent.
POSTING, OPEN, REVEALED, FAILED = "posting", "open", "revealed", "failed"


@dataclass(frozen=True)
class Post:
    id: int
    schedule_id: int | None
    guild_id: int
    channel_id: int
    local_date: date
    slot: int
    item: QuizItem
    message_id: int | None
    opens_at: datetime
    closes_at: datetime
    status: str
    revealed_at: datetime | None = None


@dataclass(frozen=True)
class Tally:
    """How the class answered one post."""

    by_choice: dict[int, int]
    answered: int
    right: int

    @property
    def share_right(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class AnswerRow:
    """One student's (final) answer to one post, with the facts about the post it belongs to."""

    post_id: int
    schedule_id: int | None  # None: posted with /quiz now
    guild_id: int
    user_id: int
    user_name: str  # the display name when the student last answered this post
    item: QuizItem  # the snapshot that was posted
    choice: int
    correct: bool
    answered_at: datetime  # aware
    local_date: date  # the post's posting day in its schedule's zone (not the answer's)
    opens_at: datetime
    closes_at: datetime
    slot: int

    @property
    def chosen_text(self) -> str:
        options = self.item.options
        return options[self.choice] if 0 <= self.choice < len(options) else ""


@dataclass(frozen=True)
class ReviewCard:
    """One student's spaced-review card for one question. `memory` is the FSRS card as fsrs's own
    JSON: the store keeps it as it is, bot.core.quiz.review reads and advances it."""

    id: int
    guild_id: int
    user_id: int
    item: QuizItem
    due: datetime  # UTC
    reps: int  # outcomes so far (quiz answers and /review grades)
    lapses: int  # of which wrong
    memory: str = ""

    @property
    def state(self) -> str:
        """"learning" (never reviewed), "review" or "relearning"."""
        return fsrs_review.state_name(fsrs_review.card_from_json(self.memory)) if self.memory else "learning"

    @property
    def last_review(self) -> datetime | None:
        return fsrs_review.card_from_json(self.memory).last_review if self.memory else None

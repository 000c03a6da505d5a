"""Spaced review with FSRS (the `fsrs` package, 6.x): which question comes back to a student, when.

Settings, and why:

* `learning_steps=()` and `relearning_steps=()`. FSRS's defaults (1 and 10 minutes) suit an app a
  student drills in one sitting; a quiz bot's students come back once a day, and a card due again
  in ten minutes would just sit in /review looking overdue. Without steps every review goes
  straight to a day-scale interval. Measured with fsrs 6.3.2, default parameters, no fuzzing:
    - first outcome wrong (Again) → due 1 day later; first outcome right (Good) → 2 days later;
    - after a right first outcome: right again → 11 days, wrong → 1 day;
    - after a wrong first outcome: right → 2 days, wrong again → 1 day.
  (tests/quiz/test_review.py pins these numbers.)
* Default desired retention (0.9) and the default FSRS parameters: there is no per-class review
  history to fit them to, and 0.9 is the value the FSRS authors recommend.
* Fuzzing on in production (a class that got the same question wrong on the same day does not all
  get it back in the same minute), off in tests so that intervals are exact.

Mapping: a wrong answer is Again, a right one Good. Hard/Easy are not used: a button answer says
only right or wrong, and guessing how hard it felt would be noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from bot.core.aware_time import to_utc

STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


def make_scheduler(*, fuzz: bool = True) -> Scheduler:
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=fuzz)


def rating_for(correct: bool) -> Rating:
    return Rating.Good if correct else Rating.Again


def new_card(at: datetime, card_id: int) -> Card:
    """A fresh card due at `at`. The id is given: without one, fsrs sleeps 1 ms to make one."""
    return Card(card_id=card_id, due=to_utc(at, "at"))


def review(scheduler: Scheduler, card: Card, correct: bool, at: datetime) -> Card:
    """The card after one outcome at `at` (the log fsrs returns is rebuilt by the store)."""
    reviewed, _log = scheduler.review_card(card, rating_for(correct), to_utc(at, "at"))
    return reviewed


@dataclass(frozen=True)
class Reviewed:
    """One outcome applied to a card: what the store writes (the card's new memory and due time,
    and a line of its review log)."""

    memory: str  # the FSRS card, as fsrs's JSON
    due: datetime  # UTC
    correct: bool
    rating: int
    at: datetime


def first_outcome(scheduler: Scheduler, correct: bool, at: datetime) -> Reviewed:
    """A brand-new card, already reviewed once: a card never exists without history. Its fsrs id
    is given (without one, fsrs sleeps 1 ms to make one); the store's row id is what counts."""
    card = new_card(at, card_id=int(at.timestamp() * 1000))
    return _reviewed(review(scheduler, card, correct, at), correct, at)


def next_outcome(scheduler: Scheduler, memory: str, correct: bool, at: datetime) -> Reviewed | None:
    """The card after one more outcome, or None when `at` is not later than its last review (fsrs
    cannot review into the past: a retried reveal or a replayed click changes nothing)."""
    card = card_from_json(memory)
    if card.last_review is not None and to_utc(at, "at") <= card.last_review:
        return None
    return _reviewed(review(scheduler, card, correct, at), correct, at)


def _reviewed(card: Card, correct: bool, at: datetime) -> Reviewed:
    return Reviewed(card_to_json(card), due_utc(card), correct, int(rating_for(correct)), to_utc(at, "at"))


def card_to_json(card: Card) -> str:
    return card.to_json()


def card_from_json(text: str) -> Card:
    return Card.from_json(text)


def due_utc(card: Card) -> datetime:
    return to_utc(card.due, "card.due")


def state_name(card: Card) -> str:
    return STATE_NAMES.get(card.state, str(card.state))


def interval_after(correct: bool, *, at: datetime, fuzz: bool = False) -> timedelta:
    """How long until a brand-new card comes back after its first outcome (for help texts)."""
    scheduler = make_scheduler(fuzz=fuzz)
    return due_utc(review(scheduler, new_card(at, 1), correct, at)) - to_utc(at, "at")

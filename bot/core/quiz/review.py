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

from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler, State

UTC = timezone.utc

STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


def make_scheduler(*, fuzz: bool = True) -> Scheduler:
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=fuzz)


def rating_for(correct: bool) -> Rating:
    return Rating.Good if correct else Rating.Again


def _aware_utc(moment: datetime, name: str) -> datetime:
    """fsrs raises on naive datetimes deep inside; fail early with the name of the argument."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime (got naive {moment.isoformat()})")
    return moment.astimezone(UTC)


def new_card(at: datetime, card_id: int) -> Card:
    """A fresh card due at `at`. The id is given: without one, fsrs sleeps 1 ms to make one."""
    return Card(card_id=card_id, due=_aware_utc(at, "at"))


def review(scheduler: Scheduler, card: Card, correct: bool, at: datetime) -> Card:
    """The card after one outcome at `at` (the log fsrs returns is rebuilt by the store)."""
    reviewed, _log = scheduler.review_card(card, rating_for(correct), _aware_utc(at, "at"))
    return reviewed


def card_to_json(card: Card) -> str:
    return card.to_json()


def card_from_json(text: str) -> Card:
    return Card.from_json(text)


def due_utc(card: Card) -> datetime:
    return _aware_utc(card.due, "card.due")


def state_name(card: Card) -> str:
    return STATE_NAMES.get(card.state, str(card.state))


def interval_after(correct: bool, *, at: datetime, fuzz: bool = False) -> timedelta:
    """How long until a brand-new card comes back after its first outcome (for help texts)."""
    scheduler = make_scheduler(fuzz=fuzz)
    return due_utc(review(scheduler, new_card(at, 1), correct, at)) - _aware_utc(at, "at")

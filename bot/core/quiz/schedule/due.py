"""What the scheduler loop must do at an instant: which occurrences to post, which to log as
missed, and which posted questions to close and reveal. A pure function of the schedule, the clock
and what the store has already recorded, so a restart neither misses nor doubles a post."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.core.aware_time import to_utc
from bot.core.quiz.schedule.calendar import Occurrence, occurrences_between
from bot.core.quiz.schedule.model import Schedule

POST = "post"
MISSED = "missed"
# How far back `due_posts` looks for occurrences to report as missed (after a long outage only the
# last week is logged, not every day since).
DEFAULT_LOOKBACK = timedelta(days=7)


@dataclass(frozen=True)
class Decision:
    """What to do about one occurrence: POST it now, or log it as MISSED (and never post it)."""

    action: str  # POST or MISSED
    occurrence: Occurrence
    reason: str

    @property
    def key(self) -> tuple[int, date]:
        """The unique key to record the post (or the miss) under."""
        return (self.occurrence.schedule_id, self.occurrence.local_date)


def due_posts(schedule: Schedule, now: datetime, recorded_dates: Collection[date],
              lookback: timedelta = DEFAULT_LOOKBACK) -> list[Decision]:
    """What the scheduler loop must do for `schedule` at `now`, oldest first.

    `recorded_dates` are the local dates the store already holds under (schedule id, local date),
    posted or logged as missed: the caller records every Decision it acts on, POST and MISSED
    alike, so the same call repeated after a restart returns nothing new.

    * At most one POST: the occurrence open now (opens_at <= now < closes_at), not yet recorded.
    * MISSED for each unrecorded occurrence whose window ended within `lookback` without a post.
    * Nothing for occurrences that opened before the schedule was created or resumed, and nothing
      at all while the schedule is paused.
    """
    now = to_utc(now, "now")
    if schedule.paused:
        return []
    active_since = to_utc(schedule.active_since, "active_since")
    earliest = max(active_since, now - lookback - schedule.open_for)
    window = occurrences_between(schedule, earliest, now + timedelta(microseconds=1))
    candidates = [item for item in window
                  if item.local_date not in recorded_dates and item.opens_at >= active_since
                  and item.closes_at > now - lookback]
    open_now = [item for item in candidates if item.closes_at > now]
    to_post = open_now[-1] if open_now else None
    decisions = [Decision(MISSED, item, _missed_reason(item)) for item in candidates
                 if item is not to_post]
    if to_post is not None:
        decisions.append(Decision(POST, to_post, f"open until {to_post.closes_at.isoformat()}"))
    return decisions


def _missed_reason(item: Occurrence) -> str:
    return (f"not posted while it was open ({item.opens_at.isoformat()} to "
            f"{item.closes_at.isoformat()}); skipped rather than posted late")


@dataclass(frozen=True)
class OpenPost:
    """A posted question as the store knows it, for deciding when to reveal the answer."""

    post_id: int
    closes_at: datetime  # aware
    revealed: bool = False


def due_reveals(open_posts: Iterable[OpenPost], now: datetime) -> list[OpenPost]:
    """Posts whose question has closed and whose answer is not revealed yet, oldest first.

    After an outage the overdue ones are all returned at once: a late reveal is still useful.
    """
    now = to_utc(now, "now")
    due = [post for post in open_posts
           if not post.revealed and to_utc(post.closes_at, "closes_at") <= now]
    return sorted(due, key=lambda post: post.closes_at)

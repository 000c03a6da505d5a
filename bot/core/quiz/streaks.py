"""Streaks: how many scheduled questions in a row a student has answered.

A streak counts scheduled occurrences, not calendar days: a Mon–Fri schedule answered Friday and
Monday is a streak of two, the weekend in between does not break it. Dates are local dates in the
schedule's time zone, so an answer at 23:30 in Los Angeles belongs to that day even though it is
already the next day in UTC, and a 23-hour daylight-saving day is still one day.

What the caller passes (the store, written elsewhere, knows these):

* `scheduled_dates`: the local dates of the occurrences actually posted for the schedule (the
  store's unique key (schedule id, local date)). Occurrences skipped as missed because the bot was
  down are not passed, so an outage never breaks a student's streak.
* `answered_dates`: for each post the student answered, that post's local date. Prefer the post's
  key over the answer's timestamp: a question open past midnight answered at 00:30 belongs to the
  day it was posted. When only timestamps are at hand, `local_date_of(answered_at, zone)` gives the
  right date for questions that close the day they open.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime

from bot.core.quiz.schedule import local_date_of

__all__ = ["answered_local_dates", "local_date_of", "longest_streak", "streak"]


def answered_local_dates(answered_at: Iterable[datetime], tz: str) -> set[date]:
    """The local dates, in the schedule's zone `tz`, of aware answer timestamps (e.g. stored in UTC)."""
    return {local_date_of(moment, tz) for moment in answered_at}


def streak(answered_dates: Iterable[date], scheduled_dates: Sequence[date], today: date, *,
           open_dates: Collection[date] | None = None) -> int:
    """Consecutive scheduled occurrences answered, counting back from the most recent one.

    An unanswered occurrence that is still open does not break the streak: the student can still
    answer it. `open_dates` are the local dates whose question is open now; left out, it is just
    `today` (the day is not over). Occurrences after `today` are ignored.
    """
    answered = set(answered_dates)
    pending = {today} if open_dates is None else set(open_dates)
    count = 0
    for day in sorted(set(scheduled_dates), reverse=True):
        if day > today:
            continue
        if day in answered:
            count += 1
        elif day in pending:
            continue
        else:
            break
    return count


def longest_streak(answered_dates: Iterable[date], scheduled_dates: Sequence[date]) -> int:
    """The best run ever of consecutive scheduled occurrences answered."""
    answered = set(answered_dates)
    best = run = 0
    for day in sorted(set(scheduled_dates)):
        run = run + 1 if day in answered else 0
        best = max(best, run)
    return best

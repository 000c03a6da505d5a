"""Scheduled quiz prompts: reading a teacher's options, and deciding from a clock what is due.

One module per job: `parsing` reads what a teacher types, `model` holds the validated `Schedule`,
`calendar` turns it into the instants each day's question opens and closes, and `due` decides what
to do now. This package re-exports their public names, so callers import from
`bot.core.quiz.schedule`.

Everything here is pure: no Discord, no database, no sleeping. The scheduler loop (in the Discord
adapter) wakes every `BotContext.quiz_tick_seconds`, asks `due_posts` and `due_reveals`
what to do at that instant, does it and records it. Because the decision depends only on the
schedule, the clock and what the store has already recorded under the unique key (schedule id,
local date), a restart can neither miss an occurrence that is still open nor post one twice, and a
new, edited or resumed schedule is seen at the next tick.

Rules (each chosen so that a teacher can predict what the bot does):

* Time zones. A schedule keeps its wall-clock time in its own IANA zone; every instant this package
  returns is an aware datetime in UTC, and every instant it is given must be aware (a naive
  datetime raises ValueError: it is a programming error, never a teacher's).
* Daylight saving. A wall time that does not exist on a spring-forward day (02:30 on 2026-03-08 in
  America/New_York) is moved forward by the gap (03:30 EDT). A wall time that happens twice on a
  fall-back day (01:30 on 2026-11-01 in New York) is the first one (EDT, fold=0): one post, never
  two. This is exactly what `datetime(..., fold=0)` means in Python (PEP 495).
* `open_for` is an absolute duration: a question opened at 01:00 EDT for 2 hours on a fall-back
  night closes at 02:00 EST (two real hours later), not at 03:00 on the wall. A question also
  closes at the latest when the next occurrence of its schedule opens, so one schedule never has
  two questions open at once.
* Missed runs. If the bot was down at post time and comes back while the question would still be
  open, it posts once (and the question closes at its original time). If it comes back after the
  window, the occurrence is reported as missed, so the caller logs it; it is never posted late.
* Created after / paused. A schedule does not post an occurrence that opened before it was created
  (or resumed): creating a 09:00 schedule at 09:30 starts tomorrow. A paused schedule posts nothing
  and reports nothing.
"""

from bot.core.quiz.schedule.calendar import (Occurrence, local_date_of, next_posting_date, occurrence,
                                             occurrence_at, occurrence_dates, occurrences_between,
                                             resolve_wall_time)
from bot.core.quiz.schedule.due import (DEFAULT_LOOKBACK, MISSED, POST, Decision, OpenPost, due_posts,
                                        due_reveals)
from bot.core.quiz.schedule.model import (DEFAULT_DAYS, DEFAULT_OPEN_FOR, DEFAULT_QUESTIONS, DST_MARGIN,
                                          MAX_QUESTIONS, MAX_TOPIC_LENGTH, MIN_QUESTIONS, Schedule,
                                          make_schedule, max_open_for, min_gap_days)
from bot.core.quiz.schedule.parsing import (DAILY, MAX_OPEN_FOR, MIN_OPEN_FOR, WEEKDAYS, WEEKENDS,
                                            format_days, format_duration, format_time, parse_days,
                                            parse_duration, parse_time, parse_timezone)

__all__ = [
    "DAILY", "DEFAULT_DAYS", "DEFAULT_LOOKBACK", "DEFAULT_OPEN_FOR", "DEFAULT_QUESTIONS", "DST_MARGIN",
    "MAX_OPEN_FOR", "MAX_QUESTIONS", "MAX_TOPIC_LENGTH", "MIN_OPEN_FOR", "MIN_QUESTIONS", "MISSED",
    "POST", "WEEKDAYS", "WEEKENDS", "Decision", "Occurrence", "OpenPost", "Schedule", "due_posts",
    "due_reveals", "format_days", "format_duration", "format_time", "local_date_of", "make_schedule",
    "max_open_for", "min_gap_days", "next_posting_date", "occurrence", "occurrence_at",
    "occurrence_dates", "occurrences_between", "parse_days", "parse_duration", "parse_time",
    "parse_timezone", "resolve_wall_time",
]

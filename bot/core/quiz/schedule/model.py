"""The `Schedule` as stored, and `make_schedule`, which checks a teacher's options before one
exists: every limit a schedule has is stated and enforced here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.aware_time import require_aware
from bot.core.quiz.schedule.parsing import (DAILY, MAX_OPEN_FOR, MIN_OPEN_FOR, WEEKDAYS, DAYS_FORMS,
                                            DURATION_FORMS, format_days, format_duration,
                                            format_time, parse_days, parse_duration, parse_time,
                                            parse_timezone)
from bot.errors import InvalidInputError

MIN_QUESTIONS, MAX_QUESTIONS = 1, 5
# A question must close this long before the next posting day's wall time, so that a day shortened
# by a daylight-saving change (23 hours) still leaves it closed before the next one opens.
DST_MARGIN = timedelta(hours=1)
MAX_TOPIC_LENGTH = 200
# What `days:` means when a teacher leaves it out: school days.
DEFAULT_DAYS = WEEKDAYS
DEFAULT_QUESTIONS = 1
DEFAULT_OPEN_FOR = timedelta(hours=2)


@dataclass(frozen=True)
class Schedule:
    """One `/quiz schedule`, as stored. Build new ones with `make_schedule`, which validates.

    `resumed_at` is set when a paused schedule is resumed: occurrences that opened before it (while
    paused) are neither posted nor reported as missed, exactly like those before `created_at`.
    """

    id: int
    guild_id: int
    channel_id: int
    local_time: time  # wall clock in `timezone`, no tzinfo
    timezone: str  # canonical IANA key, e.g. "America/New_York"
    days: frozenset[int]  # 0 = Monday
    questions: int
    open_for: timedelta  # absolute duration
    topic: str = ""
    paused: bool = False
    created_at: datetime = field(kw_only=True)  # aware; required, by keyword
    resumed_at: datetime | None = field(default=None, kw_only=True)  # aware

    def __post_init__(self) -> None:
        require_aware(self.created_at, "Schedule.created_at")
        if self.resumed_at is not None:
            require_aware(self.resumed_at, "Schedule.resumed_at")
        if self.local_time.tzinfo is not None:
            raise ValueError("Schedule.local_time is a wall-clock time and must not carry a tzinfo")
        if not isinstance(self.days, frozenset):
            object.__setattr__(self, "days", frozenset(self.days))
        if not self.days or not self.days <= DAILY:
            raise ValueError("Schedule.days must be a non-empty subset of 0..6, "
                             f"got {sorted(self.days)}")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def active_since(self) -> datetime:
        """Occurrences that opened before this instant belong to no one: not posted, not missed."""
        if self.resumed_at is None:
            return self.created_at
        return max(self.created_at, self.resumed_at)

    def describe(self) -> str:
        """One line for the teacher's confirmation and for `/quiz schedules`."""
        count = f"{self.questions} question{'s' if self.questions != 1 else ''}"
        topic = f" on {self.topic}" if self.topic else ""
        paused = " (paused)" if self.paused else ""
        return (f"{count}{topic}, {format_days(self.days)} at {format_time(self.local_time)} "
                f"{self.timezone}, open for {format_duration(self.open_for)}{paused}")


def min_gap_days(days: Iterable[int]) -> int:
    """The fewest days between two consecutive posting days (7 for a weekly schedule)."""
    ordered = sorted(set(days))
    if len(ordered) <= 1:
        return 7
    return min((after - before) % 7 for before, after in zip(ordered, ordered[1:] + ordered[:1]))


def max_open_for(days: Iterable[int]) -> timedelta:
    """The longest a question may stay open: it must close before the next posting day's question
    opens, with an hour to spare for a day shortened by daylight saving."""
    return min(MAX_OPEN_FOR, timedelta(days=min_gap_days(days)) - DST_MARGIN)


def make_schedule(*, id: int = 0, guild_id: int, channel_id: int, local_time: time | str,
                  timezone: str, days: Iterable[int] | str | None = None,
                  questions: int = DEFAULT_QUESTIONS,
                  open_for: timedelta | str | None = None, topic: str = "",
                  paused: bool = False, created_at: datetime) -> Schedule:
    """Validate a teacher's options and build a Schedule (InvalidInputError says what to fix).

    Strings are parsed with the parse_* functions, so the command can pass its options as typed.
    `id` is 0 until the store assigns one (then `dataclasses.replace(schedule, id=rowid)`).
    """
    require_aware(created_at, "created_at")
    wall = parse_time(local_time) if isinstance(local_time, str) else local_time
    if wall.tzinfo is not None:
        raise ValueError("local_time is a wall-clock time and must not carry a tzinfo")
    zone = parse_timezone(timezone)
    if days is None:
        chosen = DEFAULT_DAYS
    elif isinstance(days, str):
        chosen = parse_days(days)
    else:
        chosen = frozenset(days)
    if not chosen or not chosen <= DAILY:
        raise InvalidInputError("Please choose at least one day to post on.", hint=DAYS_FORMS)
    if isinstance(questions, bool) or not isinstance(questions, int) or not (
            MIN_QUESTIONS <= questions <= MAX_QUESTIONS):
        raise InvalidInputError(f"questions must be a whole number from {MIN_QUESTIONS} to "
                                f"{MAX_QUESTIONS} (got {questions}).")
    duration = _checked_open_for(open_for, chosen)
    topic = (topic or "").strip()
    if len(topic) > MAX_TOPIC_LENGTH:
        raise InvalidInputError(f"The topic is too long ({len(topic)} characters; at most "
                                f"{MAX_TOPIC_LENGTH}).", hint="Give a document or section name.")
    return Schedule(id=id, guild_id=guild_id, channel_id=channel_id, local_time=wall,
                    timezone=zone.key, days=chosen, questions=questions, open_for=duration,
                    topic=topic, paused=paused, created_at=created_at)


def _checked_open_for(open_for: timedelta | str | None, days: frozenset[int]) -> timedelta:
    if open_for is None:
        duration = min(DEFAULT_OPEN_FOR, max_open_for(days))
    elif isinstance(open_for, str):
        duration = parse_duration(open_for)
    else:
        duration = open_for
    if not MIN_OPEN_FOR <= duration <= MAX_OPEN_FOR:
        raise InvalidInputError(f"open_for is {format_duration(duration)}; a question stays open "
                                "between 5 minutes and 7 days.", hint=DURATION_FORMS)
    limit = max_open_for(days)
    if duration > limit:
        raise InvalidInputError(
            f"A question posted {format_days(days)} can stay open at most {format_duration(limit)}, "
            "so that it closes before the next one is posted "
            f"(open_for was {format_duration(duration)}).",
            hint="Choose a shorter open_for, or fewer days.")
    return duration


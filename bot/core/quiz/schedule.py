"""Scheduled quiz prompts: reading a teacher's options, and deciding from a clock what is due.

Everything here is pure: no Discord, no database, no sleeping. The scheduler loop (in the Discord
adapter) wakes up, asks `due_posts` and `due_reveals` what to do for the current instant, does it,
records it, and sleeps until `next_wakeup`. Because the decision depends only on the schedule, the
clock and what the store has already recorded under the unique key (schedule id, local date), a
restart can neither miss an occurrence that is still open nor post one twice.

Rules (each chosen so that a teacher can predict what the bot does):

* Time zones. A schedule keeps its wall-clock time in its own IANA zone; every instant this module
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

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.errors import InvalidInputError

UTC = timezone.utc

MIN_QUESTIONS, MAX_QUESTIONS = 1, 5
MIN_OPEN_FOR = timedelta(minutes=5)
MAX_OPEN_FOR = timedelta(days=7)
# A question must close this long before the next posting day's wall time, so that a day shortened
# by a daylight-saving change (23 hours) still leaves it closed before the next one opens.
DST_MARGIN = timedelta(hours=1)
MAX_TOPIC_LENGTH = 200

WEEKDAYS: frozenset[int] = frozenset(range(5))
WEEKENDS: frozenset[int] = frozenset({5, 6})
DAILY: frozenset[int] = frozenset(range(7))
# What `days:` means when a teacher leaves it out: school days.
DEFAULT_DAYS = WEEKDAYS
DEFAULT_QUESTIONS = 1
DEFAULT_OPEN_FOR = timedelta(hours=2)
# How far back `due_posts` looks for occurrences to report as missed (after a long outage only the
# last week is logged, not every day since).
DEFAULT_LOOKBACK = timedelta(days=7)

POST = "post"
MISSED = "missed"


# --------------------------------------------------------------------------------------------
# Aware datetimes only
# --------------------------------------------------------------------------------------------

def _require_aware(moment: datetime, name: str) -> datetime:
    """Naive datetimes are refused: guessing their zone is how schedules drift by hours."""
    if not isinstance(moment, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(moment).__name__}")
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        raise ValueError(f"{name} must be a timezone-aware datetime (got naive {moment.isoformat()})")
    return moment


def _utc(moment: datetime, name: str) -> datetime:
    return _require_aware(moment, name).astimezone(UTC)


# --------------------------------------------------------------------------------------------
# Parsing a teacher's options
# --------------------------------------------------------------------------------------------

_TIME_FORMS = "Use 24-hour HH:MM (for example 07:30 or 18:45), or 7:30am / 6pm."
_TIME_24 = re.compile(r"^(\d{1,2})[:.h](\d{2})$")
_TIME_24_COMPACT = re.compile(r"^(\d{2})(\d{2})$")
_TIME_12 = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m?\.?$")


def parse_time(text: str) -> time:
    """Read the wall-clock time of a schedule: "07:30", "7:30", "0730", "7pm", "7:30 am", "noon"."""
    raw = (text or "").strip()
    value = raw.lower()
    if value == "noon":
        return time(12, 0)
    if value == "midnight":
        return time(0, 0)
    match = _TIME_24.match(value) or _TIME_24_COMPACT.match(value)
    if match:
        hour, minute = int(match[1]), int(match[2])
        if hour <= 23 and minute <= 59:
            return time(hour, minute)
        raise InvalidInputError(f'"{raw}" is not a time of day: hours go 0-23, minutes 0-59.',
                                hint=_TIME_FORMS)
    match = _TIME_12.match(value)
    if match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if 1 <= hour <= 12 and minute <= 59:
            return time(hour % 12 + (12 if match[3] == "p" else 0), minute)
        raise InvalidInputError(f'"{raw}" is not a time of day: with am/pm, hours go 1-12.',
                                hint=_TIME_FORMS)
    if value.isdigit():
        raise InvalidInputError(f'"{raw}" needs minutes or am/pm (07:00, or 7am).', hint=_TIME_FORMS)
    raise InvalidInputError(f'Could not read "{raw}" as a time.', hint=_TIME_FORMS)


def format_time(value: time) -> str:
    """The canonical form shown back to a teacher: 24-hour HH:MM."""
    return f"{value.hour:02d}:{value.minute:02d}"


_ZONE_FORMS = "Use an IANA time zone name such as Europe/London, America/New_York or Asia/Kolkata."
# Names that are in the database but are not a place (their meaning depends on the machine).
_NOT_PLACES = {"localtime", "factory", "posixrules"}
# Abbreviations people type. Some are missing from the database, and EST/MST/HST are fixed offsets
# that never follow daylight saving, which is almost never what a teacher meant.
_ABBREVIATIONS = {
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
    "mst": "America/Denver or America/Phoenix", "mdt": "America/Denver", "mt": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "hst": "Pacific/Honolulu", "akst": "America/Anchorage", "akdt": "America/Anchorage",
    "bst": "Europe/London", "ist": "Asia/Kolkata (India) or Europe/Dublin (Ireland)",
    "cest": "Europe/Paris or Europe/Berlin", "eest": "Europe/Athens or Europe/Helsinki",
    "jst": "Asia/Tokyo", "kst": "Asia/Seoul", "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney", "acst": "Australia/Adelaide", "awst": "Australia/Perth",
    "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland", "sgt": "Asia/Singapore",
}
_OFFSET = re.compile(r"^(utc|gmt)\s*[+-]\s*\d")


@lru_cache(maxsize=1)
def _zones_by_lower_name() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()
            if name.lower() not in _NOT_PLACES}


def parse_timezone(text: str) -> ZoneInfo:
    """Read an IANA zone name, case-insensitively ("europe/london" → Europe/London).

    The returned ZoneInfo's `.key` is the canonical spelling to store. Unknown names raise an error
    that suggests the closest names, so a typo costs one retry rather than a search.
    """
    raw = (text or "").strip()
    value = re.sub(r"\s+", "_", raw).lower()
    if not value:
        raise InvalidInputError("Please give a time zone.", hint=_ZONE_FORMS)
    if value in _ABBREVIATIONS:
        raise InvalidInputError(
            f'"{raw}" is an abbreviation, which does not say whether daylight saving applies. '
            f"Use {_ABBREVIATIONS[value]} instead.", hint=_ZONE_FORMS)
    if _OFFSET.match(value):
        raise InvalidInputError(
            f'"{raw}" is a fixed offset, which would not follow daylight saving. '
            "Use the name of a city in your time zone instead.", hint=_ZONE_FORMS)
    zones = _zones_by_lower_name()
    name = zones.get(value)
    if name is not None:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):  # pragma: no cover - a broken tz database
            pass
    raise InvalidInputError(f'Unknown time zone "{raw}".{_zone_suggestions(value, zones)}',
                            hint=_ZONE_FORMS)


def _zone_suggestions(value: str, zones: dict[str, str]) -> str:
    """Close names: first zones whose city matches ("london"), then spelling neighbours."""
    city = value.rsplit("/", 1)[-1]
    same_city = sorted(name for lower, name in zones.items() if lower.rsplit("/", 1)[-1] == city)
    close = difflib.get_close_matches(value, list(zones), n=3, cutoff=0.6)
    close_by_city = difflib.get_close_matches(
        city, sorted({lower.rsplit("/", 1)[-1] for lower in zones}), n=2, cutoff=0.75)
    found = same_city + [zones[lower] for lower in close]
    found += sorted(name for lower, name in zones.items()
                    if lower.rsplit("/", 1)[-1] in close_by_city)
    unique = list(dict.fromkeys(found))[:3]
    if not unique:
        return ""
    listed = unique[0] if len(unique) == 1 else f"{', '.join(unique[:-1])} or {unique[-1]}"
    return f" Did you mean {listed}?"


_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_WORDS = {
    0: ("mo", "mon", "monday", "mondays"),
    1: ("tu", "tue", "tues", "tuesday", "tuesdays"),
    2: ("we", "wed", "weds", "wednesday", "wednesdays"),
    3: ("th", "thu", "thur", "thurs", "thursday", "thursdays"),
    4: ("fr", "fri", "friday", "fridays"),
    5: ("sa", "sat", "saturday", "saturdays"),
    6: ("su", "sun", "sunday", "sundays"),
}
_DAY_LOOKUP = {word: day for day, words in _DAY_WORDS.items() for word in words}
_DAY_KEYWORDS = {
    "daily": DAILY, "everyday": DAILY, "all": DAILY,
    "weekdays": WEEKDAYS, "weekday": WEEKDAYS, "schooldays": WEEKDAYS,
    "weekends": WEEKENDS, "weekend": WEEKENDS,
}
_DAYS_FORMS = ("Use daily, weekdays, weekends, a range such as mon-fri, "
               "or a list such as mon,wed,fri.")


def parse_days(text: str) -> frozenset[int]:
    """Read the posting days (0 = Monday): "mon-fri", "daily", "weekends", "mon,wed,fri", "sat".

    A range may wrap around the weekend ("fri-mon" is Fri, Sat, Sun, Mon).
    """
    raw = (text or "").strip()
    value = raw.lower()
    value = re.sub(r"\bevery\s*day\b", "daily", value)
    value = re.sub(r"\bschool\s*days\b", "schooldays", value)
    value = re.sub(r"\s*(?:[-–—]|\bto\b|\bthrough\b|\bthru\b)\s*", "-", value)
    tokens = [token for token in re.split(r"(?:[,;/+&\s]|\band\b)+", value) if token]
    if not tokens:
        raise InvalidInputError("Please give the days to post on.", hint=_DAYS_FORMS)
    days: set[int] = set()
    for token in tokens:
        days |= _parse_day_token(token, raw)
    return frozenset(days)


def _parse_day_token(token: str, raw: str) -> frozenset[int]:
    if token in _DAY_KEYWORDS:
        return _DAY_KEYWORDS[token]
    if token in _DAY_LOOKUP:
        return frozenset({_DAY_LOOKUP[token]})
    start, dash, end = token.partition("-")
    if dash and start in _DAY_LOOKUP and end in _DAY_LOOKUP:
        first, last = _DAY_LOOKUP[start], _DAY_LOOKUP[end]
        return frozenset((first + step) % 7 for step in range((last - first) % 7 + 1))
    where = "" if token == raw.lower() else f' in "{raw}"'
    raise InvalidInputError(f'Could not read "{token}"{where} as days of the week.',
                            hint=_DAYS_FORMS)


def format_days(days: Iterable[int]) -> str:
    """The inverse of parse_days, for people: "daily", "Mon–Fri", "Mon, Wed, Fri", "Fri–Mon".

    Runs of three or more days become a range; the output parses back to the same set.
    """
    chosen = frozenset(days)
    if not chosen:
        return "never"
    if chosen == DAILY:
        return "daily"
    parts = []
    for start in sorted(day for day in chosen if (day - 1) % 7 not in chosen):
        length = 1
        while (start + length) % 7 in chosen:
            length += 1
        run = [(start + step) % 7 for step in range(length)]
        if length >= 3:
            parts.append(f"{_DAY_NAMES[run[0]]}–{_DAY_NAMES[run[-1]]}")
        else:
            parts.extend(_DAY_NAMES[day] for day in run)
    return ", ".join(parts)


_DURATION_FORMS = "Use a duration such as 45m, 90m, 2h, 1h30m or 1d (between 5 minutes and 7 days)."
_DURATION_UNITS = {
    "d": "days", "day": "days", "days": "days",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes",
    "minutes": "minutes",
}
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")
_DURATION_CLOCK = re.compile(r"^(\d{1,3}):(\d{2})$")


def parse_duration(text: str) -> timedelta:
    """Read how long a question stays open: "2h", "90m", "1h30m", "45 min", "1d", "1:30"."""
    raw = (text or "").strip()
    value = raw.lower()
    clock = _DURATION_CLOCK.match(value)
    if clock:
        result = timedelta(hours=int(clock[1]), minutes=int(clock[2]))
    else:
        result = _sum_duration_parts(value, raw)
    if result < MIN_OPEN_FOR:
        raise InvalidInputError(f'"{raw}" is too short: a question stays open at least 5 minutes.',
                                hint=_DURATION_FORMS)
    if result > MAX_OPEN_FOR:
        raise InvalidInputError(f'"{raw}" is too long: a question stays open at most 7 days.',
                                hint=_DURATION_FORMS)
    return result


def _sum_duration_parts(value: str, raw: str) -> timedelta:
    if re.fullmatch(r"\d+(?:[.,]\d+)?", value):
        raise InvalidInputError(f'"{raw}" needs a unit: m for minutes, h for hours, d for days.',
                                hint=_DURATION_FORMS)
    parts = _DURATION_PART.findall(value)
    leftover = re.sub(r"\band\b|[,\s]", "", _DURATION_PART.sub("", value))
    if not parts or leftover or any(unit not in _DURATION_UNITS for _, unit in parts):
        raise InvalidInputError(f'Could not read "{raw}" as a duration.', hint=_DURATION_FORMS)
    total = timedelta()
    for number, unit in parts:
        total += timedelta(**{_DURATION_UNITS[unit]: float(number.replace(",", "."))})
    return timedelta(seconds=round(total.total_seconds()))


def format_duration(value: timedelta) -> str:
    """Compact and parseable: "2h", "1h 30m", "1d 2h", "45m"."""
    minutes = round(value.total_seconds() / 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{n}{unit}" for n, unit in ((days, "d"), (hours, "h"), (minutes, "m")) if n]
    return " ".join(parts) or "0m"


# --------------------------------------------------------------------------------------------
# The schedule
# --------------------------------------------------------------------------------------------

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
        _require_aware(self.created_at, "Schedule.created_at")
        if self.resumed_at is not None:
            _require_aware(self.resumed_at, "Schedule.resumed_at")
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
    _require_aware(created_at, "created_at")
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
        raise InvalidInputError("Please choose at least one day to post on.", hint=_DAYS_FORMS)
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
                                "between 5 minutes and 7 days.", hint=_DURATION_FORMS)
    limit = max_open_for(days)
    if duration > limit:
        raise InvalidInputError(
            f"A question posted {format_days(days)} can stay open at most {format_duration(limit)}, "
            "so that it closes before the next one is posted "
            f"(open_for was {format_duration(duration)}).",
            hint="Choose a shorter open_for, or fewer days.")
    return duration


# --------------------------------------------------------------------------------------------
# Occurrences: when each day's question opens and closes
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Occurrence:
    """One day's question of a schedule. (schedule_id, local_date) is the store's unique key."""

    schedule_id: int
    local_date: date  # the posting day in the schedule's zone
    opens_at: datetime  # UTC
    closes_at: datetime  # UTC

    def is_open(self, now: datetime) -> bool:
        return self.opens_at <= _utc(now, "now") < self.closes_at


def resolve_wall_time(local_date: date, wall: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of a wall-clock time on a date in a zone.

    fold=0 gives both daylight-saving rules at once (PEP 495): in a spring-forward gap the offset
    from before the change applies, which moves the time forward by the gap (02:30 → 03:30 EDT);
    in a fall-back overlap it picks the first of the two instants (01:30 EDT, not 01:30 EST).
    """
    return datetime.combine(local_date, wall.replace(tzinfo=None), tzinfo=zone).replace(
        fold=0).astimezone(UTC)


def occurrence_at(schedule: Schedule, local_date: date) -> datetime:
    """When the schedule's wall time falls on `local_date` (any date, posting day or not), in UTC."""
    return resolve_wall_time(local_date, schedule.local_time, schedule.zone)


def next_posting_date(schedule: Schedule, local_date: date) -> date:
    """The first posting day strictly after `local_date`."""
    for step in range(1, 8):
        candidate = local_date + timedelta(days=step)
        if candidate.weekday() in schedule.days:
            return candidate
    raise AssertionError("a schedule always has at least one posting day")  # pragma: no cover


def occurrence(schedule: Schedule, local_date: date) -> Occurrence:
    """The occurrence of a posting day. It closes after `open_for` (absolute time), and at the
    latest when the next posting day's question opens."""
    if local_date.weekday() not in schedule.days:
        raise ValueError(f"{local_date} ({_DAY_NAMES[local_date.weekday()]}) is not a posting day "
                         f"of schedule {schedule.id} ({format_days(schedule.days)})")
    opens_at = occurrence_at(schedule, local_date)
    next_opens = occurrence_at(schedule, next_posting_date(schedule, local_date))
    closes_at = min(opens_at + schedule.open_for, next_opens)
    return Occurrence(schedule.id, local_date, opens_at, closes_at)


def local_date_of(moment: datetime, tz: str | ZoneInfo) -> date:
    """The calendar date of an instant in a zone: 23:30 in Los Angeles is that day there, even
    though it is already the next day in UTC."""
    zone = tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)
    return _require_aware(moment, "moment").astimezone(zone).date()


def occurrences_between(schedule: Schedule, start: datetime, end: datetime) -> list[Occurrence]:
    """Occurrences that open in [start, end), oldest first (pure calendar: ignores paused/created)."""
    start, end = _utc(start, "start"), _utc(end, "end")
    found = []
    day = local_date_of(start, schedule.zone) - timedelta(days=1)
    last = local_date_of(end, schedule.zone) + timedelta(days=1)
    while day <= last:
        if day.weekday() in schedule.days:
            item = occurrence(schedule, day)
            if start <= item.opens_at < end:
                found.append(item)
        day += timedelta(days=1)
    return found


def occurrence_dates(schedule: Schedule, first: date, last: date) -> list[date]:
    """The posting days in [first, last], for listing. Streaks should use the dates actually
    posted, so that a day missed during an outage does not count against students."""
    count = (last - first).days + 1
    return [first + timedelta(days=step) for step in range(max(count, 0))
            if (first + timedelta(days=step)).weekday() in schedule.days]


def next_occurrence(schedule: Schedule, after: datetime) -> Occurrence:
    """The first occurrence that opens strictly after `after` (pure calendar: ignores `paused`)."""
    after = _utc(after, "after")
    day = local_date_of(after, schedule.zone) - timedelta(days=1)
    while True:
        if day.weekday() in schedule.days:
            item = occurrence(schedule, day)
            if item.opens_at > after:
                return item
        day += timedelta(days=1)


# --------------------------------------------------------------------------------------------
# What the loop does now
# --------------------------------------------------------------------------------------------

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
    now = _utc(now, "now")
    if schedule.paused:
        return []
    active_since = _utc(schedule.active_since, "active_since")
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
    now = _utc(now, "now")
    due = [post for post in open_posts
           if not post.revealed and _utc(post.closes_at, "closes_at") <= now]
    return sorted(due, key=lambda post: post.closes_at)


def next_wakeup(schedules: Iterable[Schedule], posts: Iterable[OpenPost],
                now: datetime) -> datetime | None:
    """The next instant something may be due (a question opens or closes), or None if nothing is
    scheduled. Call it after handling what is due now; the loop still wakes at least once a minute
    so that new, edited and resumed schedules are seen."""
    now = _utc(now, "now")
    candidates = [next_occurrence(schedule, now).opens_at
                  for schedule in schedules if not schedule.paused]
    candidates += [max(_utc(post.closes_at, "closes_at"), now)
                   for post in posts if not post.revealed]
    return min(candidates, default=None)

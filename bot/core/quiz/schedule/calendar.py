"""Calendar arithmetic of a schedule: on which local dates it posts, and the UTC instants when
each day's question opens and closes, through time zones and daylight-saving changes. Pure
calendar: whether a schedule is paused, or was created later, is for `due` to decide."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.aware_time import UTC, require_aware, to_utc
from bot.core.quiz.schedule.model import Schedule
from bot.core.quiz.schedule.parsing import DAY_NAMES, format_days


@dataclass(frozen=True)
class Occurrence:
    """One day's question of a schedule. (schedule_id, local_date) is the store's unique key."""

    schedule_id: int
    local_date: date  # the posting day in the schedule's zone
    opens_at: datetime  # UTC
    closes_at: datetime  # UTC

    def is_open(self, now: datetime) -> bool:
        return self.opens_at <= to_utc(now, "now") < self.closes_at


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
        raise ValueError(f"{local_date} ({DAY_NAMES[local_date.weekday()]}) is not a posting day "
                         f"of schedule {schedule.id} ({format_days(schedule.days)})")
    opens_at = occurrence_at(schedule, local_date)
    next_opens = occurrence_at(schedule, next_posting_date(schedule, local_date))
    closes_at = min(opens_at + schedule.open_for, next_opens)
    return Occurrence(schedule.id, local_date, opens_at, closes_at)


def local_date_of(moment: datetime, tz: str | ZoneInfo) -> date:
    """The calendar date of an instant in a zone: 23:30 in Los Angeles is that day there, even
    though it is already the next day in UTC."""
    zone = tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)
    return require_aware(moment, "moment").astimezone(zone).date()


def occurrences_between(schedule: Schedule, start: datetime, end: datetime) -> list[Occurrence]:
    """Occurrences that open in [start, end), oldest first (pure calendar: ignores paused/created)."""
    start, end = to_utc(start, "start"), to_utc(end, "end")
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

"""Reading what a teacher types for a quiz schedule (time, time zone, days, how long a question
stays open), and writing it back in a form that reads back the same. Errors say what was wrong
and which forms are accepted, so a typo costs one retry."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.errors import InvalidInputError

WEEKDAYS: frozenset[int] = frozenset(range(5))  # 0 = Monday
WEEKENDS: frozenset[int] = frozenset({5, 6})
DAILY: frozenset[int] = frozenset(range(7))
MIN_OPEN_FOR = timedelta(minutes=5)
MAX_OPEN_FOR = timedelta(days=7)

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


DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
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
DAYS_FORMS = ("Use daily, weekdays, weekends, a range such as mon-fri, "
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
        raise InvalidInputError("Please give the days to post on.", hint=DAYS_FORMS)
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
                            hint=DAYS_FORMS)


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
            parts.append(f"{DAY_NAMES[run[0]]}–{DAY_NAMES[run[-1]]}")
        else:
            parts.extend(DAY_NAMES[day] for day in run)
    return ", ".join(parts)


DURATION_FORMS = "Use a duration such as 45m, 90m, 2h, 1h30m or 1d (between 5 minutes and 7 days)."
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
                                hint=DURATION_FORMS)
    if result > MAX_OPEN_FOR:
        raise InvalidInputError(f'"{raw}" is too long: a question stays open at most 7 days.',
                                hint=DURATION_FORMS)
    return result


def _sum_duration_parts(value: str, raw: str) -> timedelta:
    if re.fullmatch(r"\d+(?:[.,]\d+)?", value):
        raise InvalidInputError(f'"{raw}" needs a unit: m for minutes, h for hours, d for days.',
                                hint=DURATION_FORMS)
    parts = _DURATION_PART.findall(value)
    leftover = re.sub(r"\band\b|[,\s]", "", _DURATION_PART.sub("", value))
    if not parts or leftover or any(unit not in _DURATION_UNITS for _, unit in parts):
        raise InvalidInputError(f'Could not read "{raw}" as a duration.', hint=DURATION_FORMS)
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


"""Time is always timezone-aware in StudyBot. Naive datetimes are refused where they come in:
guessing their zone is how schedules drift by hours and how fsrs fails deep inside. A naive
datetime is a programming error, never a user's, so it raises ValueError."""

from __future__ import annotations

from datetime import datetime, timezone

UTC = timezone.utc


def require_aware(moment: datetime, name: str) -> datetime:
    """`moment` itself, after checking that it is an aware datetime (`name` is what the error
    calls it)."""
    if not isinstance(moment, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(moment).__name__}")
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        raise ValueError(f"{name} must be a timezone-aware datetime (got naive {moment.isoformat()})")
    return moment


def to_utc(moment: datetime, name: str) -> datetime:
    """The same instant in UTC; naive datetimes are refused as in `require_aware`."""
    return require_aware(moment, name).astimezone(UTC)

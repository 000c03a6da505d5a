"""Streaks: consecutive scheduled questions answered, by local date in the schedule's zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.core.quiz.schedule import make_schedule, occurrence, occurrence_dates
from bot.core.quiz.streaks import answered_local_dates, local_date_of, longest_streak, streak

UTC = timezone.utc


def utc(year, month, day, hour=0, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_consecutive_answers_count_and_a_skipped_question_breaks_the_streak():
    scheduled = days(date(2026, 3, 1), date(2026, 3, 6))
    answered = [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)]
    assert streak(answered, scheduled, today=date(2026, 3, 6)) == 3
    assert streak([], scheduled, today=date(2026, 3, 6)) == 0
    assert longest_streak(answered, scheduled) == 3


def test_days_without_a_scheduled_question_do_not_break_the_streak():
    sched = make_schedule(guild_id=1, channel_id=2, local_time="09:00", timezone="America/New_York",
                          days="mon-fri", created_at=utc(2026, 1, 1))
    scheduled = occurrence_dates(sched, date(2026, 3, 2), date(2026, 3, 9))  # Mon .. next Mon
    answered = [date(2026, 3, 5), date(2026, 3, 6), date(2026, 3, 9)]  # Thu, Fri, Mon
    assert streak(answered, scheduled, today=date(2026, 3, 9)) == 3


def test_todays_question_not_yet_answered_does_not_break_the_streak():
    scheduled = days(date(2026, 3, 1), date(2026, 3, 6))
    answered = days(date(2026, 3, 1), date(2026, 3, 5))
    assert streak(answered, scheduled, today=date(2026, 3, 6)) == 5
    # Tomorrow it has: the question of the 6th was never answered.
    assert streak(answered, scheduled + [date(2026, 3, 7)], today=date(2026, 3, 7)) == 0


def test_a_question_open_past_midnight_does_not_break_the_streak_while_open():
    scheduled = days(date(2026, 3, 1), date(2026, 3, 6))  # posted 20:00, open until 08:00
    answered = days(date(2026, 3, 1), date(2026, 3, 5))
    today = date(2026, 3, 7)  # 07:00 on the 7th: the question of the 6th is still open
    assert streak(answered, scheduled, today, open_dates={date(2026, 3, 6)}) == 5
    assert streak(answered, scheduled, today, open_dates=set()) == 0  # closed: broken


def test_scheduled_dates_after_today_and_answers_without_a_schedule_are_ignored():
    scheduled = days(date(2026, 3, 1), date(2026, 3, 10))
    answered = days(date(2026, 3, 1), date(2026, 3, 4)) + [date(2026, 2, 1)]
    assert streak(answered, scheduled, today=date(2026, 3, 4)) == 4


def test_an_outage_that_skipped_a_day_does_not_break_the_streak():
    # The 3rd was missed (bot down), so the store only passes the dates actually posted.
    posted = [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 4)]
    assert streak(posted, posted, today=date(2026, 3, 4)) == 3


def test_an_answer_late_in_the_evening_in_los_angeles_is_that_local_day():
    zone = "America/Los_Angeles"
    # 23:30 PDT each evening is 06:30 UTC the next day.
    answers = [utc(2026, 3, day + 1, 6, 30) for day in (9, 10, 11)]
    assert local_date_of(answers[0], zone) == date(2026, 3, 9)
    assert answers[0].date() == date(2026, 3, 10)  # UTC says otherwise
    answered = answered_local_dates(answers, zone)
    assert answered == {date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11)}
    scheduled = days(date(2026, 3, 9), date(2026, 3, 12))
    # At 08:00 local on the 12th (15:00 UTC): three in a row, today's still to come.
    today = local_date_of(utc(2026, 3, 12, 15), zone)
    assert streak(answered, scheduled, today) == 3
    # By UTC dates the student would seem to have answered today's question already.
    assert date(2026, 3, 12) in {a.date() for a in answers}
    assert date(2026, 3, 12) not in answered


def test_a_tokyo_schedule_with_answers_stored_in_utc():
    zone = "Asia/Tokyo"
    sched = make_schedule(guild_id=1, channel_id=2, local_time="08:00", timezone=zone,
                          days="mon-fri", created_at=utc(2026, 1, 1))
    scheduled = occurrence_dates(sched, date(2026, 3, 9), date(2026, 3, 13))
    # Each answer ten minutes after 08:00 JST, stored in UTC: 23:10 the evening before.
    answers = [occurrence(sched, day).opens_at + timedelta(minutes=10) for day in scheduled]
    assert answers[0] == utc(2026, 3, 8, 23, 10)
    answered = answered_local_dates(answers, zone)
    assert answered == set(scheduled)
    assert streak(answered, scheduled, today=date(2026, 3, 13)) == 5


def test_streak_across_spring_forward():
    zone = "America/New_York"
    sched = make_schedule(guild_id=1, channel_id=2, local_time="09:00", timezone=zone,
                          days="daily", created_at=utc(2026, 1, 1))
    scheduled = occurrence_dates(sched, date(2026, 3, 6), date(2026, 3, 10))
    answers = [occurrence(sched, day).opens_at + timedelta(minutes=5) for day in scheduled]
    assert answers[1] == utc(2026, 3, 7, 14, 5) and answers[2] == utc(2026, 3, 8, 13, 5)
    assert streak(answered_local_dates(answers, zone), scheduled, today=date(2026, 3, 10)) == 5


def test_streak_across_fall_back_with_late_evening_answers():
    zone = "America/New_York"
    # 23:30 local on Oct 31 (EDT, 03:30 UTC), Nov 1 and Nov 2 (EST, 04:30 UTC): the 25-hour
    # day is still one day.
    answers = [utc(2026, 11, 1, 3, 30), utc(2026, 11, 2, 4, 30), utc(2026, 11, 3, 4, 30)]
    answered = answered_local_dates(answers, zone)
    assert answered == {date(2026, 10, 31), date(2026, 11, 1), date(2026, 11, 2)}
    scheduled = days(date(2026, 10, 31), date(2026, 11, 3))
    assert streak(answered, scheduled, today=date(2026, 11, 3)) == 3


def test_local_date_of_refuses_naive_datetimes():
    with pytest.raises(ValueError, match="timezone-aware"):
        local_date_of(datetime(2026, 3, 9, 23, 30), "America/Los_Angeles")

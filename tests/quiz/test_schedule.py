"""Quiz schedules against a fixed clock: parsing, weekdays, time zones, daylight saving, restarts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from itertools import combinations
from zoneinfo import ZoneInfo

import pytest

from bot.core.quiz.schedule import (
    DAILY,
    MISSED,
    POST,
    WEEKDAYS,
    OpenPost,
    Schedule,
    due_posts,
    due_reveals,
    format_days,
    format_duration,
    format_time,
    local_date_of,
    make_schedule,
    max_open_for,
    next_posting_date,
    occurrence,
    occurrence_at,
    occurrence_dates,
    occurrences_between,
    parse_days,
    parse_duration,
    parse_time,
    parse_timezone,
)
from bot.errors import InvalidInputError

UTC = timezone.utc
NY = "America/New_York"
CREATED = datetime(2026, 1, 1, tzinfo=UTC)
MONDAY = datetime(2026, 3, 9, tzinfo=UTC)  # 2026-03-08 20:00 in New York: before Monday's 09:00


def utc(year, month, day, hour=0, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def schedule(**options) -> Schedule:
    values = dict(id=7, guild_id=1, channel_id=2, local_time="09:00", timezone=NY, days="daily",
                  open_for="2h", created_at=CREATED)
    values.update(options)
    return make_schedule(**values)


def run_loop(sched: Schedule, start: datetime, end: datetime, *, down=(), recorded=None,
             step=timedelta(minutes=1)):
    """The scheduler loop, simulated: wake every `step`, act on due_posts, record under the unique
    key. `down` lists (from, to) intervals when the bot is not running. Returns (posts, missed) as
    lists of (now, occurrence)."""
    recorded = {} if recorded is None else recorded
    posts, missed = [], []
    now = start
    while now < end:
        if not any(a <= now < b for a, b in down):
            for decision in due_posts(sched, now, recorded.keys()):
                assert decision.occurrence.local_date not in recorded, "would double-record"
                recorded[decision.occurrence.local_date] = decision.action
                (posts if decision.action == POST else missed).append((now, decision.occurrence))
        now += step
    return posts, missed


# ------------------------------------------------------------------------------------------
# Parsing
# ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("07:30", time(7, 30)), ("7:30", time(7, 30)), ("0730", time(7, 30)), ("18:45", time(18, 45)),
    ("00:00", time(0, 0)), ("23:59", time(23, 59)), (" 9:05 ", time(9, 5)),
    ("7pm", time(19, 0)), ("7 PM", time(19, 0)), ("7:30 am", time(7, 30)), ("7:30a.m.", time(7, 30)),
    ("12am", time(0, 0)), ("12pm", time(12, 0)), ("12:15 am", time(0, 15)), ("noon", time(12, 0)),
])
def test_parse_time_accepts_24_hour_and_am_pm(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "24:00", "7:60", "13pm", "0am", "7", "seven", "", "7:3"])
def test_parse_time_rejects_with_the_accepted_forms(text):
    with pytest.raises(InvalidInputError) as caught:
        parse_time(text)
    assert "HH:MM" in caught.value.user_message()


def test_parse_time_explains_what_is_wrong():
    with pytest.raises(InvalidInputError, match="hours go 0-23"):
        parse_time("25:00")
    with pytest.raises(InvalidInputError, match="needs minutes or am/pm"):
        parse_time("7")


def test_format_time_is_24_hour():
    assert format_time(time(7, 5)) == "07:05"


@pytest.mark.parametrize("text, key", [
    ("Europe/London", "Europe/London"), ("europe/london", "Europe/London"),
    ("AMERICA/NEW_YORK", NY), ("America/New York", NY), ("UTC", "UTC"), ("utc", "UTC"),
    ("Asia/Kolkata", "Asia/Kolkata"), (" pacific/auckland ", "Pacific/Auckland"),
])
def test_parse_timezone_is_case_insensitive_and_canonical(text, key):
    zone = parse_timezone(text)
    assert isinstance(zone, ZoneInfo) and zone.key == key


@pytest.mark.parametrize("text, suggestion", [
    ("Europe/Londn", "Europe/London"), ("London", "Europe/London"), ("New York", NY),
    ("Kolkata", "Asia/Kolkata"), ("Pacific/Aukland", "Pacific/Auckland"),
])
def test_parse_timezone_suggests_close_names(text, suggestion):
    with pytest.raises(InvalidInputError) as caught:
        parse_timezone(text)
    message = caught.value.user_message()
    assert "Unknown time zone" in message and suggestion in message


@pytest.mark.parametrize("text, suggestion", [
    ("EST", NY), ("pst", "America/Los_Angeles"), ("BST", "Europe/London"), ("IST", "Asia/Kolkata"),
])
def test_parse_timezone_refuses_abbreviations_and_says_which_name_to_use(text, suggestion):
    with pytest.raises(InvalidInputError, match="daylight saving") as caught:
        parse_timezone(text)
    assert suggestion in caught.value.user_message()


@pytest.mark.parametrize("text", ["UTC+2", "gmt-5", "", "localtime", "Mars/Olympus_Mons"])
def test_parse_timezone_rejects_offsets_and_non_places(text):
    with pytest.raises(InvalidInputError) as caught:
        parse_timezone(text)
    assert "Europe/London" in caught.value.user_message()  # the hint shows the accepted form


@pytest.mark.parametrize("text, expected", [
    ("mon-fri", {0, 1, 2, 3, 4}), ("weekdays", {0, 1, 2, 3, 4}), ("daily", set(range(7))),
    ("every day", set(range(7))), ("weekends", {5, 6}), ("mon,wed,fri", {0, 2, 4}),
    ("Mon, Wed, Fri", {0, 2, 4}), ("mon wed fri", {0, 2, 4}), ("tue-thu", {1, 2, 3}),
    ("tue - thu", {1, 2, 3}), ("Mon–Fri", {0, 1, 2, 3, 4}), ("sat", {5}), ("Sunday", {6}),
    ("fri-mon", {4, 5, 6, 0}), ("sun-tue", {6, 0, 1}), ("mon to wed, fri", {0, 1, 2, 4}),
    ("tuesdays and thursdays", {1, 3}), ("mon-mon", {0}),
])
def test_parse_days(text, expected):
    assert parse_days(text) == frozenset(expected)


@pytest.mark.parametrize("text", ["funday", "", "mon-xyz", "1-5", "weekly"])
def test_parse_days_rejects_with_the_accepted_forms(text):
    with pytest.raises(InvalidInputError) as caught:
        parse_days(text)
    assert "mon-fri" in caught.value.user_message()


@pytest.mark.parametrize("days, text", [
    (range(7), "daily"), (range(5), "Mon–Fri"), ({0, 2, 4}, "Mon, Wed, Fri"), ({5, 6}, "Sat, Sun"),
    ({4, 5, 6, 0}, "Fri–Mon"), ({0, 1, 2, 4}, "Mon–Wed, Fri"), ({3}, "Thu"),
])
def test_format_days(days, text):
    assert format_days(days) == text


def test_format_days_parses_back_for_every_set_of_days():
    for size in range(1, 8):
        for days in combinations(range(7), size):
            assert parse_days(format_days(days)) == frozenset(days)


@pytest.mark.parametrize("text, expected", [
    ("2h", timedelta(hours=2)), ("90m", timedelta(minutes=90)), ("1h30m", timedelta(minutes=90)),
    ("1h 30m", timedelta(minutes=90)), ("45 min", timedelta(minutes=45)), ("1d", timedelta(days=1)),
    ("2 hours", timedelta(hours=2)), ("2 hours and 15 minutes", timedelta(minutes=135)),
    ("1.5h", timedelta(minutes=90)), ("1:30", timedelta(minutes=90)), ("5m", timedelta(minutes=5)),
    ("7d", timedelta(days=7)), ("1D 2H", timedelta(hours=26)),
])
def test_parse_duration(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text, reason", [
    ("3m", "too short"), ("4 min", "too short"), ("8d", "too long"), ("7d 1m", "too long"),
    ("90", "needs a unit"), ("abc", "Could not read"), ("", "Could not read"),
    ("2 weeks", "Could not read"), ("2h banana", "Could not read"),
])
def test_parse_duration_rejects_with_a_reason_and_the_accepted_forms(text, reason):
    with pytest.raises(InvalidInputError) as caught:
        parse_duration(text)
    message = caught.value.user_message()
    assert reason in message and "1h30m" in message


@pytest.mark.parametrize("value, text", [
    (timedelta(hours=2), "2h"), (timedelta(minutes=90), "1h 30m"), (timedelta(minutes=45), "45m"),
    (timedelta(hours=26), "1d 2h"),
])
def test_format_duration_parses_back(value, text):
    assert format_duration(value) == text
    assert parse_duration(text) == value


# ------------------------------------------------------------------------------------------
# Building a schedule
# ------------------------------------------------------------------------------------------

def test_make_schedule_parses_options_and_stores_the_canonical_zone():
    sched = make_schedule(guild_id=1, channel_id=2, local_time="7:30 am", timezone="europe/london",
                          days="mon,wed,fri", questions=3, open_for="90m", topic="  Cells ",
                          created_at=CREATED)
    assert sched.local_time == time(7, 30) and sched.timezone == "Europe/London"
    assert sched.days == frozenset({0, 2, 4}) and sched.questions == 3
    assert sched.open_for == timedelta(minutes=90) and sched.topic == "Cells"
    assert sched.id == 0 and not sched.paused
    assert sched.describe() == "3 questions on Cells, Mon, Wed, Fri at 07:30 Europe/London, open for 1h 30m"


def test_make_schedule_defaults_to_school_days_one_question_two_hours():
    sched = make_schedule(guild_id=1, channel_id=2, local_time=time(9), timezone="UTC",
                          created_at=CREATED)
    assert sched.days == WEEKDAYS and sched.questions == 1 and sched.open_for == timedelta(hours=2)


@pytest.mark.parametrize("questions", [0, 6, -1, True])
def test_make_schedule_questions_between_1_and_5(questions):
    with pytest.raises(InvalidInputError, match="from 1 to 5"):
        schedule(questions=questions)


def test_open_for_must_close_before_the_next_question_with_an_hour_for_daylight_saving():
    assert max_open_for(DAILY) == timedelta(hours=23)
    assert max_open_for({0, 2, 4}) == timedelta(hours=47)  # Mon→Wed is the shortest gap
    assert max_open_for({2}) == timedelta(days=6, hours=23)
    assert schedule(open_for="23h").open_for == timedelta(hours=23)
    with pytest.raises(InvalidInputError, match="at most 23h") as caught:
        schedule(open_for="1d")
    assert "shorter open_for" in caught.value.user_message()
    assert schedule(days="mon,wed,fri", open_for="1d").open_for == timedelta(days=1)
    with pytest.raises(InvalidInputError, match="at most 6d 23h"):
        schedule(days="wed", open_for="7d")


def test_make_schedule_rejects_a_long_topic_and_bad_options():
    with pytest.raises(InvalidInputError, match="too long"):
        schedule(topic="x" * 201)
    with pytest.raises(InvalidInputError):
        schedule(timezone="Nowhere/Land")
    with pytest.raises(InvalidInputError):
        schedule(days=set())


def test_naive_datetimes_raise_a_clear_value_error():
    with pytest.raises(ValueError, match="timezone-aware"):
        schedule(created_at=datetime(2026, 1, 1))
    sched = schedule()
    with pytest.raises(ValueError, match="timezone-aware"):
        replace(sched, created_at=datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="timezone-aware"):
        due_posts(sched, datetime(2026, 3, 9, 13), set())
    with pytest.raises(ValueError, match="timezone-aware"):
        occurrences_between(sched, datetime(2026, 3, 9, 13), utc(2026, 3, 10))
    with pytest.raises(ValueError, match="timezone-aware"):
        local_date_of(datetime(2026, 3, 9, 13), NY)


# ------------------------------------------------------------------------------------------
# Occurrences: weekdays, time zones, daylight saving
# ------------------------------------------------------------------------------------------

def test_new_york_nine_am_around_spring_forward():
    sched = schedule()
    assert occurrence_at(sched, date(2026, 3, 7)) == utc(2026, 3, 7, 14)  # EST, UTC-5
    assert occurrence_at(sched, date(2026, 3, 8)) == utc(2026, 3, 8, 13)  # EDT from 02:00 that day
    assert occurrence_at(sched, date(2026, 3, 9)) == utc(2026, 3, 9, 13)


def test_new_york_nine_am_around_fall_back():
    sched = schedule()
    assert occurrence_at(sched, date(2026, 10, 31)) == utc(2026, 10, 31, 13)  # EDT
    assert occurrence_at(sched, date(2026, 11, 1)) == utc(2026, 11, 1, 14)  # EST from 02:00
    assert occurrence_at(sched, date(2026, 11, 2)) == utc(2026, 11, 2, 14)


def test_a_wall_time_in_the_spring_gap_moves_forward_by_the_gap():
    sched = schedule(local_time="02:30")
    opens = occurrence_at(sched, date(2026, 3, 8))
    assert opens == utc(2026, 3, 8, 7, 30)
    local = opens.astimezone(ZoneInfo(NY))
    assert (local.hour, local.minute, local.utcoffset()) == (3, 30, timedelta(hours=-4))
    # The days around it are ordinary.
    assert occurrence_at(sched, date(2026, 3, 7)) == utc(2026, 3, 7, 7, 30)  # 02:30 EST
    assert occurrence_at(sched, date(2026, 3, 9)) == utc(2026, 3, 9, 6, 30)  # 02:30 EDT


def test_spring_forward_gap_posts_once_at_three_thirty_edt():
    sched = schedule(local_time="02:30", created_at=utc(2026, 3, 8, 4))
    posts, missed = run_loop(sched, utc(2026, 3, 8, 4), utc(2026, 3, 8, 12))
    assert [(now, item.local_date) for now, item in posts] == [(utc(2026, 3, 8, 7, 30), date(2026, 3, 8))]
    assert missed == []


def test_an_ambiguous_wall_time_uses_the_first_one_and_posts_once():
    sched = schedule(local_time="01:30", created_at=utc(2026, 11, 1, 4))
    assert occurrence_at(sched, date(2026, 11, 1)) == utc(2026, 11, 1, 5, 30)  # 01:30 EDT, not EST
    day = occurrences_between(sched, utc(2026, 11, 1, 4), utc(2026, 11, 2, 4))
    assert [item.opens_at for item in day] == [utc(2026, 11, 1, 5, 30)]
    # The loop runs through both 01:30s (05:30 and 06:30 UTC): one post, at the first.
    posts, missed = run_loop(sched, utc(2026, 11, 1, 4), utc(2026, 11, 1, 12))
    assert [now for now, _ in posts] == [utc(2026, 11, 1, 5, 30)] and missed == []


def test_a_question_open_through_a_daylight_saving_change_stays_open_the_absolute_duration():
    fall = occurrence(schedule(local_time="01:00", open_for="2h"), date(2026, 11, 1))
    assert fall.opens_at == utc(2026, 11, 1, 5)  # 01:00 EDT
    assert fall.closes_at == utc(2026, 11, 1, 7)  # two real hours: 02:00 EST on the wall
    assert fall.closes_at.astimezone(ZoneInfo(NY)).hour == 2
    spring = occurrence(schedule(local_time="01:30", open_for="2h"), date(2026, 3, 8))
    assert spring.opens_at == utc(2026, 3, 8, 6, 30)  # 01:30 EST
    assert spring.closes_at == utc(2026, 3, 8, 8, 30)  # 04:30 EDT on the wall
    assert spring.closes_at.astimezone(ZoneInfo(NY)).hour == 4


def test_a_daily_question_on_a_23_hour_day_still_closes_before_the_next_one_opens():
    sched = schedule(local_time="02:30", open_for="23h")
    first = occurrence(sched, date(2026, 3, 8))  # 03:30 EDT = 07:30 UTC
    second = occurrence(sched, date(2026, 3, 9))  # 02:30 EDT = 06:30 UTC
    assert first.closes_at <= second.opens_at


def test_a_question_closes_at_the_latest_when_the_next_one_opens():
    # Antarctica/Troll jumps two hours (+00 → +02) on 2026-03-29: a day of 22 hours.
    sched = schedule(timezone="Antarctica/Troll", local_time="12:00", open_for="23h")
    saturday = occurrence(sched, date(2026, 3, 28))
    sunday = occurrence(sched, date(2026, 3, 29))
    assert saturday.opens_at == utc(2026, 3, 28, 12) and sunday.opens_at == utc(2026, 3, 29, 10)
    assert saturday.closes_at == sunday.opens_at


@pytest.mark.parametrize("zone, day, utc_opens", [
    ("Europe/London", date(2026, 3, 28), utc(2026, 3, 28, 9)),  # GMT
    ("Europe/London", date(2026, 3, 29), utc(2026, 3, 29, 8)),  # BST from 01:00 that day
    ("Europe/London", date(2026, 10, 25), utc(2026, 10, 25, 9)),  # back to GMT
    ("Asia/Kolkata", date(2026, 3, 8), utc(2026, 3, 8, 3, 30)),  # +05:30, no daylight saving
    ("Asia/Kolkata", date(2026, 7, 1), utc(2026, 7, 1, 3, 30)),
    ("Pacific/Auckland", date(2026, 1, 15), utc(2026, 1, 14, 20)),  # NZDT +13: the day before in UTC
    ("Pacific/Auckland", date(2026, 4, 5), utc(2026, 4, 4, 21)),  # NZST +12 from 03:00 that day
    ("Pacific/Auckland", date(2026, 9, 27), utc(2026, 9, 26, 20)),  # NZDT again
    ("UTC", date(2026, 3, 8), utc(2026, 3, 8, 9)),
])
def test_nine_am_in_several_zones(zone, day, utc_opens):
    sched = schedule(timezone=zone)
    assert occurrence_at(sched, day) == utc_opens
    assert local_date_of(utc_opens, zone) == day


def test_weekdays_only_a_friday_post_is_followed_by_monday():
    sched = schedule(days="mon-fri")
    friday = occurrence(sched, date(2026, 3, 6))
    assert friday.opens_at == utc(2026, 3, 6, 14)
    following = occurrence(sched, next_posting_date(sched, friday.local_date))
    # Monday 2026-03-09, after the weekend's daylight-saving change: 09:00 EDT.
    assert following.local_date == date(2026, 3, 9) and following.opens_at == utc(2026, 3, 9, 13)
    assert following.closes_at == utc(2026, 3, 9, 15)
    with pytest.raises(ValueError, match="not a posting day"):
        occurrence(sched, date(2026, 3, 7))


def test_daily_a_saturday_post_is_followed_by_sunday():
    sched = schedule(days="daily")
    following = occurrence(sched, next_posting_date(sched, date(2026, 3, 7)))
    assert following.local_date == date(2026, 3, 8) and following.opens_at == utc(2026, 3, 8, 13)


def test_occurrences_between_is_half_open():
    sched = schedule()
    opened = [item.opens_at for item in occurrences_between(sched, utc(2026, 3, 9, 13), utc(2026, 3, 10, 13))]
    assert opened == [utc(2026, 3, 9, 13)]


def test_occurrences_use_the_schedules_local_date_not_utcs():
    # 08:00 in Tokyo is 23:00 UTC the day before.
    sched = schedule(timezone="Asia/Tokyo", local_time="08:00", days="mon")
    # From Sunday noon UTC (Sunday 21:00 JST) to Tuesday: Monday's 08:00 JST, Sunday 23:00 UTC.
    [item] = occurrences_between(sched, utc(2026, 3, 8, 12), utc(2026, 3, 10))
    assert item.local_date == date(2026, 3, 9) and item.opens_at == utc(2026, 3, 8, 23)


def test_occurrence_dates_lists_posting_days():
    sched = schedule(days="mon,wed,fri")
    assert occurrence_dates(sched, date(2026, 3, 2), date(2026, 3, 9)) == [
        date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 6), date(2026, 3, 9)]


# ------------------------------------------------------------------------------------------
# What is due: restarts, missed runs, created after, paused
# ------------------------------------------------------------------------------------------

def test_nothing_is_due_before_the_time():
    assert due_posts(schedule(created_at=MONDAY), utc(2026, 3, 9, 12, 59), set()) == []


def test_on_time_one_post_then_nothing_once_recorded():
    sched = schedule(created_at=MONDAY)
    decisions = due_posts(sched, utc(2026, 3, 9, 13), set())
    assert [(d.action, d.key) for d in decisions] == [(POST, (7, date(2026, 3, 9)))]
    # The loop asks again a minute later, or a restarted bot asks again: no double post.
    assert due_posts(sched, utc(2026, 3, 9, 13, 1), {date(2026, 3, 9)}) == []
    assert due_posts(sched, utc(2026, 3, 9, 13, 1), {date(2026, 3, 9)}) == []


def test_down_over_post_time_but_back_while_open_posts_once():
    sched = schedule(created_at=MONDAY)  # 09:00 EDT = 13:00 UTC, open two hours
    decisions = due_posts(sched, utc(2026, 3, 9, 14, 10), set())
    assert [d.action for d in decisions] == [POST]
    # It closes when it would have: the answer is revealed on time.
    assert decisions[0].occurrence.closes_at == utc(2026, 3, 9, 15)
    posts, missed = run_loop(sched, utc(2026, 3, 9, 12), utc(2026, 3, 9, 18),
                             down=[(utc(2026, 3, 9, 12, 30), utc(2026, 3, 9, 14, 10))])
    assert [now for now, _ in posts] == [utc(2026, 3, 9, 14, 10)] and missed == []


def test_down_over_the_whole_window_is_missed_and_never_posted():
    sched = schedule(created_at=MONDAY)
    decisions = due_posts(sched, utc(2026, 3, 9, 15, 30), set())
    assert [(d.action, d.occurrence.local_date) for d in decisions] == [(MISSED, date(2026, 3, 9))]
    assert "skipped" in decisions[0].reason
    # Once the miss is recorded it is not reported again.
    assert due_posts(sched, utc(2026, 3, 9, 15, 31), {date(2026, 3, 9)}) == []
    posts, missed = run_loop(sched, utc(2026, 3, 9, 12), utc(2026, 3, 9, 18),
                             down=[(utc(2026, 3, 9, 12, 30), utc(2026, 3, 9, 15, 30))])
    assert posts == [] and [item.local_date for _, item in missed] == [date(2026, 3, 9)]


def test_the_window_is_half_open_at_closing_time_it_is_missed():
    sched = schedule(created_at=MONDAY)
    assert [d.action for d in due_posts(sched, utc(2026, 3, 9, 14, 59), set())] == [POST]
    assert [d.action for d in due_posts(sched, utc(2026, 3, 9, 15), set())] == [MISSED]


def test_back_after_a_long_weekend_misses_are_logged_and_only_todays_is_posted():
    sched = schedule(days="mon-fri", created_at=utc(2026, 3, 5))
    recorded = {date(2026, 3, 5)}  # Thursday posted; down from Friday morning to Tuesday 09:30
    decisions = due_posts(sched, utc(2026, 3, 10, 13, 30), recorded)
    assert [(d.action, d.occurrence.local_date) for d in decisions] == [
        (MISSED, date(2026, 3, 6)), (MISSED, date(2026, 3, 9)), (POST, date(2026, 3, 10))]
    recorded |= {d.occurrence.local_date for d in decisions}
    assert due_posts(sched, utc(2026, 3, 10, 13, 31), recorded) == []


def test_a_long_outage_reports_only_the_lookback():
    sched = schedule()
    decisions = due_posts(sched, utc(2026, 4, 30, 20), set())
    assert all(d.action == MISSED for d in decisions)
    assert [d.occurrence.local_date for d in decisions] == [
        date(2026, 4, day) for day in range(24, 31)]
    short = due_posts(sched, utc(2026, 4, 30, 20), set(), lookback=timedelta(hours=6))
    assert [d.occurrence.local_date for d in short] == [date(2026, 4, 30)]


def test_a_simulated_week_with_a_restart_posts_every_open_day_exactly_once():
    sched = schedule(days="mon-fri", created_at=utc(2026, 3, 9))
    # Down Wednesday 08:00–09:30 local (back while open) and Thursday 08:00–12:00 (window passed).
    down = [(utc(2026, 3, 11, 12), utc(2026, 3, 11, 13, 30)), (utc(2026, 3, 12, 12), utc(2026, 3, 12, 16))]
    posts, missed = run_loop(sched, utc(2026, 3, 9), utc(2026, 3, 16), down=down,
                             step=timedelta(minutes=5))
    assert [item.local_date for _, item in posts] == [
        date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 13)]
    assert [now for now, _ in posts][2] == utc(2026, 3, 11, 13, 30)
    assert [item.local_date for _, item in missed] == [date(2026, 3, 12)]


def test_a_schedule_created_after_the_time_starts_with_the_next_occurrence():
    created = utc(2026, 3, 9, 13, 30)  # 09:30 EDT, the 09:00 question would be open until 11:00
    sched = schedule(created_at=created)
    assert due_posts(sched, utc(2026, 3, 9, 13, 31), set()) == []  # neither posted nor missed
    assert due_posts(sched, utc(2026, 3, 9, 16), set()) == []
    assert due_posts(sched, utc(2026, 3, 10, 12, 59), set()) == []
    assert [d.action for d in due_posts(sched, utc(2026, 3, 10, 13), set())] == [POST]


def test_a_schedule_created_at_or_before_the_time_posts_it():
    for created in (utc(2026, 3, 9, 12, 59), utc(2026, 3, 9, 13)):
        sched = schedule(created_at=created)
        assert [d.action for d in due_posts(sched, utc(2026, 3, 9, 13), set())] == [POST]


def test_paused_posts_nothing_and_resuming_does_not_report_the_pause_as_missed():
    sched = replace(schedule(), paused=True)
    assert due_posts(sched, utc(2026, 3, 9, 13, 5), set()) == []
    resumed = replace(sched, paused=False, resumed_at=utc(2026, 3, 11, 13, 30))
    assert due_posts(resumed, utc(2026, 3, 11, 13, 31), set()) == []  # today's opened while paused
    assert [d.action for d in due_posts(resumed, utc(2026, 3, 12, 13), set())] == [POST]
    with pytest.raises(ValueError, match="timezone-aware"):
        replace(sched, resumed_at=datetime(2026, 3, 11))


# ------------------------------------------------------------------------------------------
# Reveals
# ------------------------------------------------------------------------------------------

def test_due_reveals_returns_closed_unrevealed_posts_oldest_first():
    posts = [OpenPost(1, utc(2026, 3, 9, 15)), OpenPost(2, utc(2026, 3, 9, 14)),
             OpenPost(3, utc(2026, 3, 9, 13), revealed=True), OpenPost(4, utc(2026, 3, 9, 16))]
    assert [p.post_id for p in due_reveals(posts, utc(2026, 3, 9, 15))] == [2, 1]
    assert due_reveals(posts, utc(2026, 3, 9, 13)) == []
    with pytest.raises(ValueError, match="timezone-aware"):
        due_reveals([OpenPost(5, datetime(2026, 3, 9, 15))], utc(2026, 3, 9, 16))

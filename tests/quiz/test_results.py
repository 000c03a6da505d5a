"""Leaderboard, /quiz me and /quiz stats facts, from answers stored through the real stores."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.core.quiz.items import MULTIPLE_CHOICE, QuizItem, QuizSource
from bot.core.quiz.results import (
    leaderboard, period_start, question_stats, rank_of, section_of, section_stats, student_record)
from bot.core.quiz.schedule import Schedule, make_schedule, occurrence
from bot.errors import InvalidInputError
from bot.store.database import Database
from bot.core.quiz.records import Post
from bot.store.quiz_posts import QuizPosts
from bot.store.quiz_results import QuizResults
from bot.store.quiz_schedules import QuizSchedules

UTC = timezone.utc
G, CH = 500, 600


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def item(n: int, section: str | None = "Land Reform") -> QuizItem:
    options = (f"right {n}", f"wrong a{n}", f"wrong b{n}", f"wrong c{n}")
    source = QuizSource("notes.md", section, "A quote.") if section else None
    return QuizItem(id=f"q{n:03d}", kind=MULTIPLE_CHOICE, prompt=f"Question {n} about {section}?",
                    answer=options[0], options=options, source=source, origin="generated" if source else "teacher")


class Classroom:
    """A guild's quiz history written through QuizSchedules and QuizPosts, as the bot writes it."""

    def __init__(self, path) -> None:
        self.db = Database(path)
        self.posts = QuizPosts(self.db)
        self.schedules = QuizSchedules(self.db)
        self.results = QuizResults(self.db)
        self._n = 0

    def schedule(self, tz: str, at: str, days: str = "weekdays", open_for: str = "2h") -> Schedule:
        return self.schedules.add(make_schedule(guild_id=G, channel_id=CH, local_time=at, timezone=tz, days=days,
                                                open_for=open_for, created_at=utc(2026, 1, 1)), created_by=1)

    def post(self, schedule: Schedule, day: date, sections: list[str | None] | None = None) -> list[Post]:
        occ = occurrence(schedule, day)
        items = []
        for section in sections or ["Land Reform"]:
            self._n += 1
            items.append(item(self._n, section))
        posts = self.posts.reserve(schedule_id=schedule.id, guild_id=G, channel_id=CH, local_date=day,
                                   items=items, opens_at=occ.opens_at, closes_at=occ.closes_at)
        for post in posts:
            self.posts.mark_open(post.id, 10_000 + post.id)
        return [self.posts.get(p.id) for p in posts]

    def post_now(self, at: datetime, section: str = "Land Reform") -> Post:
        self._n += 1
        [post] = self.posts.reserve(schedule_id=None, guild_id=G, channel_id=CH, local_date=at.date(),
                                    items=[item(self._n, section)], opens_at=at, closes_at=at + timedelta(hours=1))
        self.posts.mark_open(post.id, 10_000 + post.id)
        return self.posts.get(post.id)

    def answer(self, post: Post, user: int, choice: int, *, name: str | None = None,
               at: datetime | None = None) -> None:
        when = at or post.opens_at + timedelta(minutes=10)
        self.posts.record_answer(post.id, user, name or f"Student {user:02d}", choice,
                                 choice == post.item.answer_index, when)

    def reveal(self, post: Post) -> None:
        self.posts.mark_revealed(post.id, post.closes_at)


@pytest.fixture
def room(tmp_path) -> Classroom:
    return Classroom(tmp_path / "s.db")


def _week(room: Classroom, schedule: Schedule, first: date, count: int = 5) -> list[Post]:
    posts = []
    for n in range(count):
        posts += room.post(schedule, first + timedelta(days=n))
    return posts


# --- leaderboard ----------------------------------------------------------------------------

RIGHT = {1: 5, 2: 4, 3: 4, 4: 3, 5: 2, 6: 2, 7: 2, 8: 1, 9: 1, 10: 1, 11: 0, 12: 0}


@pytest.fixture
def ranked_class(room):
    schedule = room.schedule("Europe/London", "09:00")
    posts = _week(room, schedule, date(2026, 3, 2))
    for user, right in RIGHT.items():
        for n, post in enumerate(posts):
            room.answer(post, user, 0 if n < right else 1, name="Alice" if user == 3 else None)
    for post in posts:
        room.reveal(post)
    # Still open: answers to it must count nowhere yet (they would leak the answer).
    [open_post] = room.post(schedule, date(2026, 3, 9))
    room.answer(open_post, 12, 0)
    return room


def test_leaderboard_ranks_by_right_answers_with_shared_ranks(ranked_class):
    answers = ranked_class.results.answers(G)
    board = leaderboard(answers)
    assert len(board) == 10
    assert [(r.rank, r.user_id, r.right, r.answered) for r in board[:4]] == [
        (1, 1, 5, 5), (2, 3, 4, 5), (2, 2, 4, 5), (4, 4, 3, 5)]  # the tie is listed by name: Alice first
    assert board[1].user_name == "Alice"
    assert [r.rank for r in board] == [1, 2, 2, 4, 5, 5, 5, 8, 8, 8]


def test_rank_of_someone_outside_the_top_ten(ranked_class):
    answers = ranked_class.results.answers(G)
    mine = rank_of(answers, 12)
    assert (mine.rank, mine.right, mine.answered) == (11, 0, 5)  # the open question is not counted
    assert rank_of(answers, 999) is None


def test_leaderboard_uses_the_latest_name(room):
    schedule = room.schedule("UTC", "09:00")
    posts = _week(room, schedule, date(2026, 3, 2), 2)
    room.answer(posts[0], 7, 0, name="Old name")
    room.answer(posts[1], 7, 0, name="New name")
    for post in posts:
        room.reveal(post)
    assert leaderboard(room.results.answers(G))[0].user_name == "New name"


def test_period_start_is_local_midnight_and_rejects_unknown_periods():
    now = utc(2026, 3, 12, 7, 0)  # Thursday 00:00 PDT (daylight saving began on 03-08)
    assert period_start("all", now) is None
    assert period_start("week", now) == utc(2026, 3, 6)
    assert period_start("Month", now) == utc(2026, 2, 11)
    # Los Angeles: today is 2026-03-12 there; 6 days before is 03-06, still PST (UTC-8).
    assert period_start("week", now, "America/Los_Angeles") == utc(2026, 3, 6, 8)
    with pytest.raises(InvalidInputError, match="week, month or all"):
        period_start("year", now)


def test_period_start_across_a_daylight_saving_change():
    # 2026-11-03 in New York is EST (UTC-5); a week back, 2026-10-28, was still EDT (UTC-4).
    assert period_start("week", utc(2026, 11, 3, 17), "America/New_York") == utc(2026, 10, 28, 4)


def test_since_filters_on_when_the_question_was_posted(room):
    schedule = room.schedule("America/Los_Angeles", "22:00")
    posts = _week(room, schedule, date(2026, 3, 2))  # Mon..Fri
    for post in posts:
        room.answer(post, 1, 0)
        room.reveal(post)
    since = period_start("week", utc(2026, 3, 12, 20), "America/Los_Angeles")  # from Fri 03-06 00:00 PST
    assert [r.local_date for r in room.results.answers(G, since=since)] == [date(2026, 3, 6)]


# --- /quiz me -------------------------------------------------------------------------------

def test_student_record_counts_and_weakest_sections(room):
    schedule = room.schedule("UTC", "09:00", days="daily")
    sections = ["Land Reform", "Great Leap", "Cultural Revolution", None, "Famine"]
    posts = []
    for n in range(4):
        posts += room.post(schedule, date(2026, 3, 2) + timedelta(days=n), sections)
    # Student 1: Land Reform 4/4, Great Leap 1/4, Cultural Revolution 2/4, teacher 0/2, Famine 3/4.
    plan = {"Land Reform": 4, "Great Leap": 1, "Cultural Revolution": 2, None: 0, "Famine": 3}
    seen: dict = {}
    for post in posts:
        key = post.item.source.section if post.item.source else None
        seen[key] = seen.get(key, 0) + 1
        if key is None and seen[key] > 2:
            continue  # two teacher questions unanswered
        room.answer(post, 1, 0 if seen[key] <= plan[key] else 2)
        room.answer(post, 2, 0)
        room.reveal(post)
    record = student_record(room.results.answers(G), room.results.posts(G), 1, {schedule.id: "UTC"},
                            utc(2026, 3, 5, 12))
    assert (record.answered, record.right) == (18, 10)
    assert [(s.section, s.right, s.answered) for s in record.weakest] == [
        ("Teacher questions", 0, 2), ("Great Leap", 1, 4), ("Cultural Revolution", 2, 4)]
    assert record.weakest[1].share == 0.25
    # Student 2 got everything right: no section is weak.
    assert student_record(room.results.answers(G), room.results.posts(G), 2, {schedule.id: "UTC"},
                          utc(2026, 3, 5, 12)).weakest == []
    assert section_of(posts[3].item) == "Teacher questions"


def test_streak_in_los_angeles_counts_an_answer_at_2330_on_its_own_day(room):
    schedule = room.schedule("America/Los_Angeles", "22:00")  # open until midnight local
    zones = {schedule.id: "America/Los_Angeles"}
    posts = _week(room, schedule, date(2026, 3, 2))  # Mon..Fri, PST
    for post in posts:
        late = datetime.combine(post.local_date, datetime.min.time().replace(hour=23, minute=30),
                                tzinfo=ZoneInfo("America/Los_Angeles"))
        room.answer(post, 1, 0, at=late)
        if post.local_date != date(2026, 3, 3):
            room.answer(post, 2, 0, at=late)
        room.reveal(post)
    answers = room.results.answers(G)
    first = next(r for r in answers if r.user_id == 1)
    assert first.answered_at.astimezone(UTC).date() == date(2026, 3, 3)  # already Tuesday in UTC
    assert first.local_date == date(2026, 3, 2)  # but Monday's question, answered Monday evening
    friday_night = utc(2026, 3, 7, 7, 45)  # Fri 23:45 PST
    one = student_record(answers, room.results.posts(G), 1, zones, friday_night)
    two = student_record(answers, room.results.posts(G), 2, zones, friday_night)
    assert (one.streak, one.best_streak) == (5, 5)
    assert (two.streak, two.best_streak) == (3, 3)  # skipped Tuesday
    # The weekend does not break it: on Monday morning (before Monday's post) it is still 5.
    assert student_record(answers, room.results.posts(G), 1, zones, utc(2026, 3, 9, 17)).streak == 5
    # Answers to /quiz now questions never count for streaks.
    extra = room.post_now(utc(2026, 3, 7, 12))
    room.answer(extra, 2, 0)
    room.reveal(extra)
    assert student_record(room.results.answers(G), room.results.posts(G), 2, zones, friday_night).streak == 3


def test_open_unanswered_question_does_not_break_the_streak_but_a_revealed_one_does(room):
    schedule = room.schedule("Asia/Tokyo", "09:00")
    zones = {schedule.id: "Asia/Tokyo"}
    posts = _week(room, schedule, date(2026, 3, 2))
    for post in posts[:4]:
        room.answer(post, 1, 0)
        room.reveal(post)
    now = utc(2026, 3, 6, 1)  # Fri 10:00 in Tokyo, Friday's question is open
    everything = room.results.posts(G, revealed_only=False)
    assert student_record(room.results.answers(G), everything, 1, zones, now).streak == 4
    room.reveal(posts[4])
    later = utc(2026, 3, 6, 4)
    assert student_record(room.results.answers(G), room.results.posts(G), 1, zones, later).streak == 0
    assert student_record(room.results.answers(G), room.results.posts(G), 1, zones, later).best_streak == 4
    # A schedule not in `zones` (removed) still counts for the best streak, not the current one.
    assert student_record(room.results.answers(G), room.results.posts(G), 1, {}, now).streak == 0


def test_streak_across_the_new_york_fall_back_night(room):
    # 01:30 daily: on 2026-11-01 that wall time happens twice; the question opens at the first one (EDT).
    schedule = room.schedule("America/New_York", "01:30", days="daily", open_for="2h")
    zones = {schedule.id: "America/New_York"}
    posts = _week(room, schedule, date(2026, 10, 29), 6)  # Thu 10-29 .. Tue 11-03
    for post in posts:
        room.answer(post, 1, 0, at=post.opens_at + timedelta(minutes=75))
        room.reveal(post)
    sunday = next(p for p in posts if p.local_date == date(2026, 11, 1))
    assert sunday.opens_at == utc(2026, 11, 1, 5, 30)  # 01:30 EDT
    answer = next(r for r in room.results.answers(G) if r.post_id == sunday.id)
    local = answer.answered_at.astimezone(ZoneInfo("America/New_York"))
    assert (local.hour, local.minute, local.utcoffset()) == (1, 45, timedelta(hours=-5))  # the second 01:45
    assert local.date() == answer.local_date == date(2026, 11, 1)
    record = student_record(room.results.answers(G), room.results.posts(G), 1, zones, utc(2026, 11, 3, 12))
    assert (record.streak, record.best_streak) == (6, 6)


# --- /quiz stats ----------------------------------------------------------------------------

def test_question_stats_most_chosen_wrong_and_unanswered_posts(room):
    schedule = room.schedule("UTC", "09:00", days="daily")
    first, second, third = (room.post(schedule, date(2026, 3, 2) + timedelta(days=n), [s])[0]
                            for n, s in enumerate(["Land Reform", "Land Reform", "Famine"]))
    for user, choice in {1: 0, 2: 1, 3: 1, 4: 1, 5: 2}.items():
        room.answer(first, user, choice)
    for user, choice in {1: 3, 2: 2, 3: 3, 4: 2}.items():
        room.answer(second, user, choice)
    for post in (first, second, third):
        room.reveal(post)
    stats = question_stats(room.results.posts(G), room.results.answers(G))
    assert [s.post_id for s in stats] == [first.id, second.id, third.id]
    assert (stats[0].answered, stats[0].right, stats[0].share_right) == (5, 1, 0.2)
    assert stats[0].most_chosen_wrong == (first.item.options[1], 3)
    assert stats[1].most_chosen_wrong == (second.item.options[2], 2)  # a tie: the option listed first
    assert (stats[2].answered, stats[2].share_right, stats[2].most_chosen_wrong) == (0, 0.0, None)
    assert [(s.section, s.right, s.answered) for s in section_stats(stats)] == [
        ("Land Reform", 1, 9), ("Famine", 0, 0)]

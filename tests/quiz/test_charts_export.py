"""The /quiz stats chart, the /quiz export CSV, and every result view agreeing on the same facts."""

from __future__ import annotations

import csv
import io
import threading
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.core.quiz.charts import share_right_chart
from bot.core.quiz.export import HEADER, export_csv, safe_cell
from bot.core.quiz.items import MULTIPLE_CHOICE, TRUE_FALSE, QuizItem, QuizSource
from bot.core.quiz.results import leaderboard, question_stats, rank_of, student_record
from bot.core.quiz.schedule import make_schedule, occurrence
from bot.store.database import Database
from bot.store.quiz_posts import QuizPosts
from bot.core.quiz.records import AnswerRow
from bot.store.quiz_results import QuizResults
from bot.store.quiz_schedules import QuizSchedules
from bot.services.reviews import Reviews
from bot.store.review_cards import ReviewCards

UTC = timezone.utc
G, CH = 500, 600
SECTIONS = ["Land Reform", "Great Leap", "Famine"]


def item(n: int, prompt: str | None = None) -> QuizItem:
    options = (f"right {n}", f"wrong a{n}", f"wrong b{n}")
    return QuizItem(id=f"q{n}", kind=MULTIPLE_CHOICE, prompt=prompt or f"What happened in step {n} of the reform?",
                    answer=options[0], options=options,
                    source=QuizSource("notes.md", SECTIONS[n % 3], "A quote."))


@pytest.fixture
def history(tmp_path):
    """Two schedules and a /quiz now post, four students, answers through the real stores."""
    db = Database(tmp_path / "s.db")
    posts, schedules = QuizPosts(db), QuizSchedules(db)
    morning = schedules.add(make_schedule(guild_id=G, channel_id=CH, local_time="09:00", timezone="Europe/Paris",
                                          days="weekdays", created_at=datetime(2026, 1, 1, tzinfo=UTC)), 1)
    evening = schedules.add(make_schedule(guild_id=G, channel_id=CH, local_time="22:00",
                                          timezone="America/Los_Angeles", days="daily",
                                          created_at=datetime(2026, 1, 1, tzinfo=UTC)), 1)
    made, n = [], 0
    for day in (date(2026, 3, 2) + timedelta(days=k) for k in range(4)):
        for schedule in (morning, evening):
            occ = occurrence(schedule, day)
            n += 1
            made += posts.reserve(schedule_id=schedule.id, guild_id=G, channel_id=CH, local_date=day,
                                  items=[item(n)], opens_at=occ.opens_at, closes_at=occ.closes_at)
    now_at = datetime(2026, 3, 6, 15, tzinfo=UTC)
    made += posts.reserve(schedule_id=None, guild_id=G, channel_id=CH, local_date=now_at.date(),
                          items=[item(99, "=HYPERLINK(\"http://x\")")], opens_at=now_at,
                          closes_at=now_at + timedelta(hours=1))
    names = {1: "Ana", 2: "Bo", 3: "@Chloé, \"the\" best", 4: "Dan"}
    reviews = Reviews(ReviewCards(db), fuzz=False)
    results = QuizResults(db)
    for k, post in enumerate(made):
        posts.mark_open(post.id, 10_000 + post.id)
        for user in names:
            if (k + user) % 5 == 0:
                continue  # everyone skips some questions
            choice = 0 if (k * user) % 3 != 1 else 1 + (k % 2)
            posts.record_answer(post.id, user, names[user], choice, choice == 0, post.opens_at + timedelta(minutes=5))
        # What the reveal does: spaced-review cards from every answer, then mark it revealed.
        for row in results.post_answers(post.id):
            reviews.record_outcome(G, row.user_id, row.item, row.correct, post.closes_at, post_id=post.id)
        posts.mark_revealed(post.id, post.closes_at)
    return db, {morning.id: "Europe/Paris", evening.id: "America/Los_Angeles"}, {morning.id: "Mornings"}


def test_every_view_shows_the_same_facts(history):
    db, zones, names = history
    results, cards = QuizResults(db), ReviewCards(db)
    answers, posts = results.answers(G), results.posts(G)
    rows = list(csv.DictReader(io.StringIO(export_csv(answers, names).decode("utf-8-sig"))))
    stats = question_stats(posts, answers)
    now = datetime(2026, 3, 7, tzinfo=UTC)
    assert len(rows) == len(answers) == sum(s.answered for s in stats)
    assert sum(r["correct"] == "right" for r in rows) == sum(s.right for s in stats) == sum(a.correct for a in answers)
    board = leaderboard(answers)
    for user in (1, 2, 3, 4):
        record = student_record(answers, posts, user, zones, now)
        row = rank_of(answers, user)
        assert row in board
        mine = [r for r in rows if r["student_id"] == str(user)]
        assert (row.answered, row.right) == (record.answered, record.right)
        assert (record.answered, record.right) == (len(mine), sum(r["correct"] == "right" for r in mine))
        # /review: one card per question answered, a lapse per wrong answer, due the day after.
        assert cards.count(G, user) == record.answered
        wrong = record.answered - record.right
        assert sum(c.lapses for c in cards.due(G, user, now + timedelta(days=30), limit=100)) == wrong
    wrong_choices = Counter((a.post_id, a.chosen_text) for a in answers if not a.correct)
    for stat in stats:
        if stat.most_chosen_wrong:
            assert wrong_choices[(stat.post_id, stat.most_chosen_wrong[0])] == stat.most_chosen_wrong[1]


def test_csv_parses_back_and_matches_the_answers(history):
    db, _zones, names = history
    answers = QuizResults(db).answers(G)
    data = export_csv(answers, names)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == HEADER
    for row, answer in zip(rows, answers, strict=True):
        assert row["student_id"] == str(answer.user_id)
        assert row["student_name"] == safe_cell(answer.user_name)
        assert row["question"] == safe_cell(answer.item.prompt)
        assert row["chosen_answer"] == answer.chosen_text
        assert row["correct"] == ("right" if answer.correct else "wrong")
        assert datetime.fromisoformat(row["answered_at"]) == answer.answered_at.replace(microsecond=0)
        assert row["answered_at"].endswith("+00:00")
        assert row["post_id"] == str(answer.post_id) and row["local_date"] == answer.local_date.isoformat()
    evening = next(a.schedule_id for a in answers if a.schedule_id not in (None, *names))
    assert {r["schedule"] for r in rows} == {"Mornings", f"#{evening}", "now"}  # named, unnamed, /quiz now
    assert any(r["student_name"] == "'@Chloé, \"the\" best" for r in rows)  # quoted, and guarded


def test_formula_injection_guard():
    assert safe_cell("=SUM(A1)") == "'=SUM(A1)"
    assert [safe_cell(t) for t in ("+1", "-1", "@x", "\tx", "fine = ok", "")] == ["'+1", "'-1", "'@x", "'\tx",
                                                                                   "fine = ok", ""]
    prompt = "=HYPERLINK(\"http://evil\", \"click\")"
    answer = AnswerRow(post_id=1, schedule_id=None, guild_id=G, user_id=5, user_name="-Eve", item=item(1, prompt),
                       choice=0, correct=True, answered_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
                       local_date=date(2026, 3, 2), opens_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
                       closes_at=datetime(2026, 3, 2, 10, tzinfo=UTC), slot=1)
    [parsed] = csv.DictReader(io.StringIO(export_csv([answer], {}).decode("utf-8-sig")))
    assert parsed["question"] == "'" + prompt and parsed["student_name"] == "'-Eve" and parsed["schedule"] == "now"


def test_chart_is_a_deterministic_png(history):
    db, _zones, _names = history
    results = QuizResults(db)
    stats = question_stats(results.posts(G), results.answers(G))
    few = share_right_chart(stats[:5], "Share right, week of 2 March")
    assert few.startswith(b"\x89PNG") and few == share_right_chart(stats[:5], "Share right, week of 2 March")
    assert b"Software" not in few and b"Creation" not in few
    many = share_right_chart(stats, "All questions")  # 9 questions: still one bar each
    assert many.startswith(b"\x89PNG")
    assert share_right_chart([], "Nothing yet").startswith(b"\x89PNG")


def test_chart_switches_to_sections_and_sizes_for_discord(history):
    db, _zones, _names = history
    results = QuizResults(db)
    stats = question_stats(results.posts(G), results.answers(G))
    width, height = _png_size(share_right_chart(stats * 2, "Per section"))  # 18 questions → 3 sections
    assert (width, height) == (1000, 120 + 40 * 3)
    assert _png_size(share_right_chart(stats[:4], "Per question")) == (1000, 120 + 40 * 4)


def test_chart_renders_in_worker_threads(history):
    db, _zones, _names = history
    results = QuizResults(db)
    stats = question_stats(results.posts(G), results.answers(G))
    expected = share_right_chart(stats, "Threads")
    outputs: list[bytes] = []
    threads = [threading.Thread(target=lambda: outputs.append(share_right_chart(stats, "Threads")))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outputs == [expected] * 4


def _png_size(data: bytes) -> tuple[int, int]:
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_true_false_item_chosen_text():
    tf = QuizItem(id="tf", kind=TRUE_FALSE, prompt="Mao died in 1976.", answer="True", options=("True", "False"))
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    row = AnswerRow(1, None, G, 1, "A", tf, 1, False, at, date(2026, 3, 2), at, at, 1)
    assert row.chosen_text == "False"
    assert AnswerRow(1, None, G, 1, "A", tf, 7, False, at, date(2026, 3, 2), at, at, 1).chosen_text == ""

"""The results view over the quiz tables, migration 3, and /quiz forget-me leaving no row behind."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect

from bot.core.quiz.items import MULTIPLE_CHOICE, QuizItem
from bot.core.quiz.schedule import make_schedule, occurrence
from bot.store.answer_log import AnswerLog
from bot.store.course_servers import CourseServers
from bot.store.database import Database
from bot.store.forget import forget_user, preview
from bot.store.quiz_posts import QuizPosts
from bot.store.quiz_results import QuizResults
from bot.store.quiz_schedules import QuizSchedules
from bot.services.reviews import Reviews
from bot.store.review_cards import ReviewCards

UTC = timezone.utc
G, OTHER_G, CH = 500, 501, 600
AT = datetime(2026, 3, 2, 12, tzinfo=UTC)
ME, YOU = 42, 43


def item(n: int) -> QuizItem:
    return QuizItem(id=f"q{n}", kind=MULTIPLE_CHOICE, prompt=f"Q{n}?", answer="a", options=("a", "b"))


@pytest.fixture
def db(database_target):
    """The same tests on a SQLite file and on PostgreSQL."""
    database = Database(database_target)
    yield database
    database.close()


def _tables(db) -> list[str]:
    return inspect(db.engine).get_table_names()


def _post(db, guild: int, day: date, n: int, *, schedule_id: int | None = None, reveal: bool = True):
    posts = QuizPosts(db)
    opens = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9)
    [post] = posts.reserve(schedule_id=schedule_id, guild_id=guild, channel_id=CH, local_date=day, items=[item(n)],
                           opens_at=opens, closes_at=opens + timedelta(hours=2))
    posts.mark_open(post.id, 1000 + post.id)
    if reveal:
        posts.mark_revealed(post.id, opens + timedelta(hours=2))
    return posts.get(post.id)


def test_migration_3_is_applied(db):
    assert db.version >= 3
    tables = set(_tables(db))
    assert {"review_cards", "review_log"} <= tables


def test_results_filters(db):
    schedule = QuizSchedules(db).add(make_schedule(guild_id=G, channel_id=CH, local_time="09:00", timezone="UTC",
                                                   days="daily", created_at=AT - timedelta(days=30)), 1)
    posts = QuizPosts(db)
    made = []
    for k in range(3):
        day = date(2026, 3, 2) + timedelta(days=k)
        occ = occurrence(schedule, day)
        made += posts.reserve(schedule_id=schedule.id, guild_id=G, channel_id=CH, local_date=day, items=[item(k)],
                              opens_at=occ.opens_at, closes_at=occ.closes_at)
    other_guild = _post(db, OTHER_G, date(2026, 3, 2), 9)
    unscheduled = _post(db, G, date(2026, 3, 5), 8, reveal=False)
    failed = _post(db, G, date(2026, 3, 6), 7, reveal=False)
    posts.mark_failed(failed.id)
    for post in made:
        posts.mark_open(post.id, 1)
        posts.record_answer(post.id, ME, "Me", 0, True, post.opens_at + timedelta(minutes=1))
        posts.record_answer(post.id, YOU, "You", 1, False, post.opens_at + timedelta(minutes=2))
    for post in made[:2]:
        posts.mark_revealed(post.id, post.closes_at)
    posts.record_answer(other_guild.id, ME, "Me", 0, True, AT)
    posts.record_answer(unscheduled.id, YOU, "You", 0, True, unscheduled.opens_at)
    results = QuizResults(db)
    assert [p.id for p in results.posts(G)] == [made[0].id, made[1].id]
    assert [p.id for p in results.posts(G, revealed_only=False)] == [p.id for p in made] + [unscheduled.id]
    assert len(results.answers(G)) == 4  # two revealed posts, two students; open and other guild excluded
    assert len(results.answers(G, revealed_only=False)) == 7
    assert {a.post_id for a in results.answers(G, since=made[1].opens_at)} == {made[1].id}
    assert [a.user_id for a in results.answers(G, user_id=YOU)] == [YOU, YOU]
    assert len(results.answers(G, schedule_id=schedule.id, revealed_only=False)) == 6
    first = results.answers(G)[0]
    assert (first.user_name, first.correct, first.chosen_text, first.local_date) == ("Me", True, "a", date(2026, 3, 2))
    assert first.answered_at.tzinfo is not None and first.slot == 1
    assert [a.user_id for a in results.post_answers(made[2].id)] == [ME, YOU]  # an open post, for the reveal
    with pytest.raises(ValueError):
        results.answers(G, since=datetime(2026, 3, 1))


def _fill(db, user: int) -> None:
    """Every kind of row a student leaves: answers, a report, cards, questions, votes, in two guilds."""
    posts, log, reviews = QuizPosts(db), AnswerLog(db), Reviews(ReviewCards(db), fuzz=False)
    for guild in (G, OTHER_G):
        post = _post(db, guild, date(2026, 3, 2), user * 10 + guild)
        posts.record_answer(post.id, user, f"user {user}", 1, False, AT)
        posts.report(post, user, AT)
        reviews.record_outcome(guild, user, post.item, False, AT, post_id=post.id)
        asked = log.record(guild_id=guild, channel_id=CH, user_id=user, question="What was the GLF?",
                           tier="answered", top_score=0.9, at=AT)
        log.vote(asked, user, True, AT)
    dm = log.record(guild_id=None, channel_id=None, user_id=user, question="DM question", tier="answered",
                    top_score=0.5, at=AT)
    log.vote(dm, user, False, AT)
    CourseServers(db).choose_for_dm(user, "biology", AT)


def _user_rows(db, user: int) -> dict[str, int]:
    counts = {}
    for table in _tables(db):
        columns = [c["name"] for c in inspect(db.engine).get_columns(table)]
        if "user_id" in columns:
            counts[table] = int(db.query(f"SELECT COUNT(*) AS n FROM {table} WHERE user_id = :u", {"u": user})[0]["n"])
    return counts


def test_forget_user_everywhere_leaves_no_row_and_keeps_others(db):
    _fill(db, ME)
    _fill(db, YOU)
    log = AnswerLog(db)
    # Cross votes: I vote on your question, you vote on mine.
    yours = db.query("SELECT id FROM answers WHERE user_id = :u AND guild_id = :g", {"u": YOU, "g": G})[0]["id"]
    mine = db.query("SELECT id FROM answers WHERE user_id = :u AND guild_id = :g", {"u": ME, "g": G})[0]["id"]
    log.vote(yours, ME, True, AT)
    log.vote(mine, YOU, True, AT)
    before = _user_rows(db, YOU)
    assert set(before) >= {"answers", "feedback", "quiz_answers", "quiz_reports", "review_cards", "review_log"}
    everything = {"quiz answers": 2, "reports": 2, "review cards": 2, "questions asked": 3, "votes": 4,
                  "direct-message course choice": 1}
    assert preview(db, None, ME) == everything
    erased = forget_user(db, None, ME)
    assert erased == everything
    assert CourseServers(db).dm_choice(ME) is None and CourseServers(db).dm_choice(YOU) == "biology"
    assert all(n == 0 for n in _user_rows(db, ME).values())
    # Your rows stay, except your vote on my (now erased) question.
    assert _user_rows(db, YOU) == {**before, "feedback": before["feedback"] - 1}
    assert not db.query("SELECT 1 FROM feedback WHERE answer_id = :a", {"a": mine})
    assert log.votes(yours) == {"helpful": 1, "not_helpful": 0}  # your own vote stays, mine went
    assert forget_user(db, None, ME) == dict.fromkeys(erased, 0)


def test_forget_user_in_one_guild_keeps_the_other_guild(db):
    _fill(db, ME)
    erased = forget_user(db, G, ME)
    # The direct-message course belongs to no server: it goes whatever the scope.
    assert erased == {"quiz answers": 1, "reports": 1, "review cards": 1, "questions asked": 1, "votes": 1,
                      "direct-message course choice": 1}
    left = db.query("SELECT guild_id FROM review_cards WHERE user_id = :u", {"u": ME})
    assert [r["guild_id"] for r in left] == [OTHER_G]
    assert QuizResults(db).answers(G, user_id=ME) == [] and len(QuizResults(db).answers(OTHER_G, user_id=ME)) == 1
    assert {r["guild_id"] for r in db.query("SELECT guild_id FROM answers WHERE user_id = :u", {"u": ME})} == {OTHER_G, None}
    assert not db.query("SELECT 1 FROM review_log WHERE user_id = :u AND guild_id = :g", {"u": ME, "g": G})

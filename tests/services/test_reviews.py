"""Spaced review: FSRS intervals as configured, and the review service (with its card store) that the
quiz reveal writes and /review reads and grades."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.core.quiz import review as fsrs_review
from bot.core.quiz.items import MULTIPLE_CHOICE, QuizItem
from bot.errors import NotFoundError
from bot.store.database import Database
from bot.services.reviews import Reviews
from bot.store.quiz_posts import QuizPosts
from bot.store.review_cards import ReviewCards

UTC = timezone.utc
G = 500
T0 = datetime(2026, 3, 2, 11, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def item(n: int) -> QuizItem:
    options = (f"right {n}", f"wrong {n}")
    return QuizItem(id=f"q{n}", kind=MULTIPLE_CHOICE, prompt=f"Question {n}?", answer=options[0], options=options)


@pytest.fixture
def db(tmp_path):
    return Database(tmp_path / "s.db")


@pytest.fixture
def reviews(db):
    return Reviews(ReviewCards(db), fuzz=False)


@pytest.fixture
def cards(reviews):
    return reviews.cards


def test_measured_intervals_wrong_comes_back_next_day_right_later():
    """The numbers quoted in bot/core/quiz/review.py: learning steps off, fuzz off, fsrs 6.3."""
    assert fsrs_review.interval_after(False, at=T0) == DAY
    assert fsrs_review.interval_after(True, at=T0) == 2 * DAY
    scheduler = fsrs_review.make_scheduler(fuzz=False)

    def after(*outcomes: bool) -> timedelta:
        card, at = fsrs_review.new_card(T0, 1), T0
        for correct in outcomes:
            card = fsrs_review.review(scheduler, card, correct, at)
            previous, at = at, fsrs_review.due_utc(card)
        return at - previous

    assert after(True, True) == 11 * DAY
    assert after(True, False) == DAY
    assert after(False, True) == 2 * DAY
    assert after(False, False) == DAY


def test_naive_datetimes_are_refused_early(reviews, cards):
    with pytest.raises(ValueError, match="timezone-aware"):
        reviews.record_outcome(G, 1, item(1), False, datetime(2026, 3, 2, 11))


def test_first_outcome_creates_a_reviewed_card(reviews, cards):
    wrong = reviews.record_outcome(G, 1, item(1), False, T0)
    right = reviews.record_outcome(G, 1, item(2), True, T0)
    assert (wrong.due, wrong.reps, wrong.lapses, wrong.state) == (T0 + DAY, 1, 1, "review")
    assert (right.due, right.reps, right.lapses) == (T0 + 2 * DAY, 1, 0)
    assert right.due > wrong.due
    assert wrong.item == item(1) and wrong.last_review == T0
    assert cards.get(wrong.id) == wrong


def test_a_later_quiz_outcome_on_the_same_item_reviews_the_same_card(reviews, cards):
    first = reviews.record_outcome(G, 1, item(1), True, T0, post_id=10)
    again = reviews.record_outcome(G, 1, item(1), True, T0 + 3 * DAY, post_id=11)
    assert again.id == first.id and again.reps == 2
    assert again.due == T0 + 3 * DAY + 14 * DAY  # right again, a day overdue: 14 days
    # A retried reveal of post 11 (or an outcome not later than the last review) changes nothing.
    assert reviews.record_outcome(G, 1, item(1), False, T0 + 4 * DAY, post_id=11) == again
    assert reviews.record_outcome(G, 1, item(1), False, T0 + 3 * DAY) == again


def test_one_card_per_guild_user_and_item(reviews, cards):
    a = reviews.record_outcome(G, 1, item(1), False, T0)
    b = reviews.record_outcome(G, 2, item(1), False, T0)
    c = reviews.record_outcome(G + 1, 1, item(1), False, T0)
    assert len({a.id, b.id, c.id}) == 3
    assert cards.count(G, 1) == 1


def test_due_count_due_and_next_due(reviews, cards):
    assert cards.due(G, 1, T0) == [] and cards.count_due(G, 1, T0) == 0 and cards.next_due(G, 1) is None
    late = reviews.record_outcome(G, 1, item(1), True, T0)  # due T0 + 2 days
    early = reviews.record_outcome(G, 1, item(2), False, T0 + timedelta(hours=1))  # due T0 + 1 day 1 h
    reviews.record_outcome(G, 2, item(3), False, T0 - DAY)  # someone else's, due long ago
    assert cards.next_due(G, 1) == T0 + DAY + timedelta(hours=1)
    assert cards.due(G, 1, T0 + DAY) == []  # "nothing due": next_due says when
    assert [c.id for c in cards.due(G, 1, T0 + 3 * DAY, limit=5)] == [early.id, late.id]  # oldest due first
    assert [c.id for c in cards.due(G, 1, T0 + 3 * DAY)] == [early.id]  # limit=1 by default
    assert cards.count_due(G, 1, T0 + 3 * DAY) == 2
    assert cards.count_due(G, 1, T0 + DAY + timedelta(hours=1)) == 1


def test_grade_reschedules_and_refuses_another_users_card(reviews, cards):
    card = reviews.record_outcome(G, 1, item(1), False, T0)
    with pytest.raises(NotFoundError):
        reviews.grade(card.id, 2, True, card.due)
    graded = reviews.grade(card.id, 1, True, card.due)
    assert (graded.reps, graded.lapses) == (2, 1)
    assert graded.due == card.due + 2 * DAY  # wrong then right: back in 2 days
    assert cards.count_due(G, 1, card.due) == 0
    # A second click on the same button: the card is not due any more, nothing changes.
    assert reviews.grade(card.id, 1, False, card.due + timedelta(seconds=5)) == graded
    wrong_again = reviews.grade(card.id, 1, False, graded.due)
    assert (wrong_again.due, wrong_again.lapses) == (graded.due + DAY, 2)
    with pytest.raises(NotFoundError):
        reviews.grade(99_999, 1, True, T0)


def test_review_log_keeps_every_review(db, reviews, cards):
    card = reviews.record_outcome(G, 1, item(1), False, T0, post_id=7)
    reviews.grade(card.id, 1, True, card.due)
    rows = db.query("SELECT user_id, post_id, rating, source FROM review_log WHERE card_id = :card ORDER BY id",
                    {"card": card.id})
    assert [tuple(r) for r in rows] == [(1, 7, 1, "quiz"), (1, None, 3, "review")]


def test_retired_questions_are_never_served(db, reviews, cards):
    card = reviews.record_outcome(G, 1, item(1), False, T0)
    QuizPosts(db).retire(G, item(1).id, by=99, at=T0)
    assert cards.due(G, 1, card.due + DAY) == [] and cards.count_due(G, 1, card.due + DAY) == 0
    assert cards.next_due(G, 1) is None


def test_fuzzing_keeps_day_scale_intervals(db):
    fuzzy = Reviews(ReviewCards(db), fuzz=True)
    for n in range(20):
        right = fuzzy.record_outcome(G, 1, item(n), True, T0)
        assert DAY <= right.due - T0 <= 3 * DAY

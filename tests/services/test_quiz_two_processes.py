"""Two bot processes over one database (each its own QuizService and connections, as two processes
have), both owning the same server for a while, as during a restart or a shard hand-over: each
scheduled occurrence is posted once and revealed once, and a post one process left half-sent is
taken over by the other only after that process's claim ran out."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from bot.core.quiz.items import MULTIPLE_CHOICE, QuizItem
from bot.services.quiz import CLAIM, QuizService
from bot.services.reviews import Reviews
from bot.store.database import Database
from bot.store.quiz_posts import QuizPosts
from bot.store.quiz_schedules import QuizSchedules
from bot.store.review_cards import ReviewCards

UTC = timezone.utc
G, CH = 1234567890123456789, 600
MONDAY_0830 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
ITEMS = [QuizItem(id=f"q{n}", kind=MULTIPLE_CHOICE, prompt=f"Q{n}?", answer="a", options=("a", "b"))
         for n in range(1, 4)]


class Process:
    """What one bot process holds: its own Database (connections) and services, one shared clock."""

    def __init__(self, target, now: list[datetime], seed: int) -> None:
        self.db = Database(target)
        self.quiz = QuizService(QuizPosts(self.db), QuizSchedules(self.db), Reviews(ReviewCards(self.db), fuzz=False),
                                lambda guild_id: ITEMS, lambda: now[0], random.Random(seed))

    def tick(self, guilds: set[int]) -> tuple[list, list]:
        """As the Discord adapter's tick: reserve and 'send' what is due, reveal what it may claim."""
        work = self.quiz.due_work(guilds)
        sent = []
        for slot in work.to_post:
            for post in self.quiz.reserve(slot):
                self.quiz.mark_sent(post.id, 9000 + post.id)
                sent.append(post)
        revealed = []
        for post in work.to_reveal:
            if self.quiz.claim(post):
                self.quiz.revealed(post)
                revealed.append(post)
        return sent, revealed


@pytest.fixture
def two(database_target):
    now = [MONDAY_0830]
    a, b = Process(database_target, now, 1), Process(database_target, now, 2)
    yield a, b, now
    a.db.close()
    b.db.close()


def test_both_owning_the_server_post_once_and_reveal_once(two):
    a, b, now = two
    a.quiz.add_schedule(guild_id=G, channel_id=CH, local_time="09:00", timezone="UTC", days="daily", questions=2,
                        open_for="1h", topic="", created_by=1)
    now[0] = MONDAY_0830 + timedelta(minutes=31)
    work_a, work_b = a.quiz.due_work({G}), b.quiz.due_work({G})
    assert len(work_a.to_post) == len(work_b.to_post) == 1  # both see the occurrence due
    posted_a = a.quiz.reserve(work_a.to_post[0])
    posted_b = b.quiz.reserve(work_b.to_post[0])
    assert len(posted_a) == 2 and posted_b == []  # the database's unique key: one of them posts
    for post in posted_a:
        a.quiz.mark_sent(post.id, 9000 + post.id)
    assert a.quiz.answer(posted_a[0].id, 0, 7, "student").status == "new"
    assert b.quiz.answer(posted_a[0].id, 1, 7, "student").status == "changed"  # a click through the other

    now[0] += timedelta(hours=1)
    reveal_a, reveal_b = a.quiz.due_work({G}).to_reveal, b.quiz.due_work({G}).to_reveal
    assert {p.id for p in reveal_a} == {p.id for p in reveal_b} == {p.id for p in posted_a}
    claimed_a = [p for p in reveal_a if a.quiz.claim(p)]
    claimed_b = [p for p in reveal_b if b.quiz.claim(p)]
    assert len(claimed_a) == 2 and claimed_b == []  # each reveal is claimed once
    for post in claimed_a:
        a.quiz.revealed(post)
    assert a.quiz.due_work({G}).to_reveal == [] == b.quiz.due_work({G}).to_reveal
    assert ReviewCards(b.db).count(G, 7) == 1  # the reveal's review card, written once


def test_ticks_of_both_processes_day_after_day(two):
    a, b, now = two
    a.quiz.add_schedule(guild_id=G, channel_id=CH, local_time="09:00", timezone="UTC", days="daily", questions=1,
                        open_for="1h", topic="", created_by=1)
    sent, revealed = [], []
    for _ in range(3):
        for moment in (timedelta(minutes=31), timedelta(hours=1, minutes=31)):
            now[0] = MONDAY_0830.replace(day=now[0].day) + moment
            for process in (a, b, b, a):
                got_sent, got_revealed = process.tick({G})
                sent += got_sent
                revealed += got_revealed
        now[0] = MONDAY_0830.replace(day=now[0].day + 1)
    assert len(sent) == 3 and len({p.local_date for p in sent}) == 3
    assert sorted(p.id for p in revealed) == sorted(p.id for p in sent)


def test_a_half_sent_post_waits_for_its_claim_then_the_other_process_recovers_it(two):
    a, b, now = two
    [post] = a.quiz.reserve(a.quiz.slot_now(G, CH, 1, "", timedelta(hours=1)))
    # Process a dies here, before Discord confirmed the message.
    assert b.quiz.interrupted({G}) == []  # a's claim still holds: a may be sending right now
    now[0] += CLAIM + timedelta(seconds=1)
    [found] = b.quiz.interrupted({G})
    assert found.id == post.id and b.quiz.claim(found)
    assert not a.quiz.claim(found)  # a, back, does not take it too
    assert b.quiz.interrupted({G}) == []  # nor does b take it twice
    b.quiz.mark_sent(found.id, 1)
    assert b.quiz.interrupted({G}) == [] and b.quiz.posts.get(post.id).status == "open"
    assert b.quiz.interrupted({G + 1}) == []  # a server it does not own is not its business

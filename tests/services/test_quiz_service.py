"""The quiz service without Discord: what a tick posts and reveals, students' answers and reports,
the review cards a reveal writes, retiring, and asking in exam mode."""

from __future__ import annotations

import asyncio
import random
from datetime import datetime, timedelta, timezone

import pytest

from bot.core.answering import Answer, Citation
from bot.core.cooldown import Cooldown
from bot.core.quiz.items import MULTIPLE_CHOICE, QuizItem, QuizSource
from bot.errors import ExamModeError, InvalidInputError, NotFoundError, TooSoonError
from bot.services.asking import Asker, AskingService
from bot.services.quiz import CHANGED, CLOSED, NEW, SAME, QuizService
from bot.services.reviews import Reviews
from bot.store.answer_log import AnswerLog
from bot.store.database import Database
from bot.store.quiz_posts import QuizPosts
from bot.store.quiz_schedules import QuizSchedules
from bot.store.review_cards import ReviewCards

UTC = timezone.utc
G, CH = 500, 600
MONDAY_0830 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


def item(n: int) -> QuizItem:
    options = (f"Lushan {n}", f"Beijing {n}", f"Shanghai {n}", f"Nanjing {n}")
    return QuizItem(id=f"q{n}", kind=MULTIPLE_CHOICE, prompt=f"Which city hosted conference number {n}?",
                    answer=options[0], options=options,
                    source=QuizSource("notes.md", "Party", f"Conference {n} met at Lushan {n}.", chunk_id=f"c{n}"))


class Room:
    def __init__(self, tmp_path, items: list[QuizItem]) -> None:
        self.now = [MONDAY_0830]
        self.db = Database(tmp_path / "state.db")
        self.items = items
        self.reviews = Reviews(ReviewCards(self.db), fuzz=False)
        self.quiz = QuizService(QuizPosts(self.db), QuizSchedules(self.db), self.reviews, lambda guild_id: self.items,
                                lambda: self.now[0], random.Random(1))

    def schedule(self, **options):
        return self.quiz.add_schedule(**{"guild_id": G, "channel_id": CH, "local_time": "09:00", "timezone": "UTC",
                                         "days": "daily", "questions": 1, "open_for": "1h", "topic": "",
                                         "created_by": 1, **options})


@pytest.fixture
def room(tmp_path):
    return Room(tmp_path, [item(n) for n in range(1, 4)])


def post_due(room: Room):
    """What the adapter does on a tick: reserve each due slot and say it was sent."""
    work = room.quiz.due_work({G})
    posts = [p for slot in work.to_post for p in room.quiz.reserve(slot)]
    for n, post in enumerate(posts):
        room.quiz.mark_sent(post.id, 9000 + n)
    return work, posts


def test_a_tick_posts_a_due_occurrence_once_and_reveals_it_after_the_close(room):
    room.schedule()
    assert post_due(room)[0].to_post == []  # 08:30: not yet
    room.now[0] = MONDAY_0830 + timedelta(minutes=31)
    _, [post] = post_due(room)
    assert post_due(room)[1] == []  # the occurrence is recorded: never posted twice
    assert room.quiz.due_work({G}).to_reveal == []  # still open
    assert room.quiz.due_work({G + 1}).to_post == []  # another guild's bot does not post it
    room.now[0] += timedelta(hours=1)
    assert [p.id for p in room.quiz.due_work({G}).to_reveal] == [post.id]


def test_answers_are_recorded_changed_and_closed(room):
    [post] = room.quiz.reserve(room.quiz.slot_now(G, CH, 1, "", timedelta(hours=1)))
    room.quiz.mark_sent(post.id, 1)
    right = post.item.answer_index
    assert room.quiz.answer(post.id, right, 7, "ana").status == NEW
    assert room.quiz.answer(post.id, right, 7, "ana").status == SAME
    assert room.quiz.answer(post.id, (right + 1) % 4, 7, "ana").status == CHANGED
    with pytest.raises(InvalidInputError):
        room.quiz.answer(post.id, 9, 7, "ana")
    with pytest.raises(NotFoundError):
        room.quiz.answer(999, 0, 7, "ana")
    room.now[0] += timedelta(hours=1)
    closed = room.quiz.answer(post.id, right, 8, "bo")
    assert closed.status == CLOSED and closed.choice == right
    assert room.quiz.tally(post.id).answered == 1  # the late click is not counted


def test_the_reveal_writes_each_students_review_card_once(room):
    [post] = room.quiz.reserve(room.quiz.slot_now(G, CH, 1, "", timedelta(hours=1)))
    room.quiz.mark_sent(post.id, 1)
    right = post.item.answer_index
    room.quiz.answer(post.id, right, 7, "ana")
    room.quiz.answer(post.id, (right + 1) % 4, 8, "bo")
    room.now[0] += timedelta(hours=1)
    room.quiz.revealed(post)
    room.quiz.revealed(post)  # a reveal retried after a crash
    cards = room.reviews.cards
    assert (cards.count(G, 7), cards.count(G, 8)) == (1, 1)
    [bo] = cards.due(G, 8, room.now[0] + timedelta(days=1))
    assert (bo.reps, bo.lapses) == (1, 1)
    assert room.quiz.due_work({G}).to_reveal == []


def test_reports_and_retiring(room):
    [post] = room.quiz.reserve(room.quiz.slot_now(G, CH, 1, "", timedelta(hours=1)))
    assert room.quiz.report(post.id, 7) is True and room.quiz.report(post.id, 7) is False
    assert room.quiz.reported(G) == [(post.item, 1)]
    with pytest.raises(NotFoundError):
        room.quiz.retire(G, "no-such-item", 1)
    room.quiz.retire(G, post.item.id, 1)
    assert room.quiz.reported(G) == []
    chosen = {p.item.id for _ in range(4) for p in room.quiz.reserve(room.quiz.slot_now(G, CH, 1, "", timedelta(hours=1)))}
    assert post.item.id not in chosen


def test_a_topic_with_no_question_is_refused_and_an_empty_bank_is_missed_once(room):
    with pytest.raises(InvalidInputError, match="No quiz question matches"):
        room.schedule(topic="Thermodynamics")
    room.schedule()
    room.items = []
    room.now[0] = MONDAY_0830 + timedelta(minutes=31)
    assert post_due(room)[1] == []
    assert room.quiz.schedules.recorded_dates(1) == {MONDAY_0830.date()}
    assert room.quiz.due_work({G}).to_post == []


class FakeStudy:
    """The answering half of StudyService: answers every question by quoting one chunk."""

    name = "notes"  # the course

    def __init__(self, quote: str, chunk_id: str) -> None:
        self.quote, self.chunk_id, self.asked = quote, chunk_id, []

    def ask(self, question: str) -> Answer:
        self.asked.append(question)
        citation = Citation("notes.md", "Party", None, self.quote, 0.9, self.chunk_id)
        return Answer(question, "answered", (self.quote,), (citation,), top_score=0.9)


def asking(room: Room, study: FakeStudy, seconds: float = 0, clock=lambda: 0.0) -> AskingService:
    return AskingService(study, room.quiz, AnswerLog(room.db), Cooldown(seconds, clock), lambda: room.now[0])


def test_exam_mode_declines_before_and_after_answering_and_logs_only_answers(room):
    [post] = room.quiz.reserve(room.quiz.slot_now(G, CH, 1, "", timedelta(hours=1)))
    room.quiz.mark_sent(post.id, 1)
    source = post.item.source
    study = FakeStudy(source.quote, source.chunk_id)
    service = asking(room, study)
    student = Asker(7, G, CH)
    acknowledged = []

    async def accepted():
        acknowledged.append(True)

    with pytest.raises(ExamModeError) as declined:  # the open question's own words: declined unanswered
        asyncio.run(service.ask(post.item.prompt, student, accepted))
    assert declined.value.reveal_at == post.closes_at and study.asked == [] and acknowledged == []
    with pytest.raises(ExamModeError):  # other words, but the answer would quote the quiz's source
        asyncio.run(service.ask("Where did the famous meeting take place?", student, accepted))
    assert len(study.asked) == 1 and acknowledged == [True]
    with pytest.raises(ExamModeError):  # a DM: every open question counts
        asyncio.run(service.ask("Where did the famous meeting take place?", Asker(7, None, None)))
    assert service.gaps(study.name) == []
    assert room.db.query("SELECT COUNT(*) AS n FROM answers")[0]["n"] == 0  # declined: not logged
    room.now[0] += timedelta(hours=1)  # closed: answered and logged
    answered = asyncio.run(service.ask("Where did the famous meeting take place?", student))
    assert answered.answer.text == source.quote
    assert service.vote(answered.answer_id, 8, True) == "new"


def test_asking_checks_words_and_the_cooldown(room):
    study, now = FakeStudy("A quote.", "c0"), [100.0]
    service = asking(room, study, seconds=30, clock=lambda: now[0])
    with pytest.raises(InvalidInputError, match="type a question"):
        asyncio.run(service.ask("   ", Asker(7, G, CH)))
    asyncio.run(service.ask("What is a commune?", Asker(7, G, CH)))
    now[0] += 12
    with pytest.raises(TooSoonError, match="18 s"):
        asyncio.run(service.ask("And cadres?", Asker(7, G, CH)))
    asyncio.run(service.ask("And cadres?", Asker(8, G, CH)))  # another student is not held up
    with pytest.raises(InvalidInputError, match="too long"):
        asyncio.run(service.ask("x" * 501, Asker(9, G, CH)))


def test_results_count_the_revealed_answers_and_forget_me_erases_them(room):
    from bot.services.results import ResultsService
    from bot.store.quiz_results import QuizResults

    results = ResultsService(room.db, QuizResults(room.db), room.quiz.schedules, room.reviews, lambda: room.now[0])
    [post] = room.quiz.reserve(room.quiz.slot_now(G, CH, 1, "", timedelta(hours=1)))
    room.quiz.mark_sent(post.id, 1)
    right = post.item.answer_index
    room.quiz.answer(post.id, right, 7, "ana")
    room.quiz.answer(post.id, (right + 1) % 4, 8, "bo")
    assert results.leaderboard(G, 7, "week").top == []  # open: nothing counts before the reveal
    room.now[0] += timedelta(hours=1)
    room.quiz.revealed(post)
    board = results.leaderboard(G, 8, "week")
    assert [(r.user_name, r.right) for r in board.top] == [("ana", 1), ("bo", 0)] and board.mine.rank == 2
    record, due = results.record(G, 8)
    assert (record.answered, record.right, due) == (1, 0, 0)  # bo's card is due tomorrow
    stats = results.stats(G, "all")
    assert [(s.answered, s.right) for s in stats.questions] == [(2, 1)] and stats.chart.startswith(b"\x89PNG")
    export = results.export(G, "all")
    assert export.answers == 2 and b"ana" in export.csv
    assert results.forget(G, 8)["quiz answers"] == 1
    assert [r.user_name for r in results.leaderboard(G, 8, "all").top] == ["ana"]


def test_a_scheduled_quiz_waits_for_a_quiz_bank_being_made_and_posts_once_it_is(tmp_path):
    from bot.errors import QuizBankPendingError

    room = Room(tmp_path, [item(n) for n in range(1, 4)])
    room.schedule()
    made = [False]

    def bank(guild_id):
        if not made[0]:
            raise QuizBankPendingError("The quiz questions of these notes are being made.")
        return room.items

    room.quiz.items = bank
    room.now[0] = MONDAY_0830 + timedelta(minutes=31)
    work, posts = post_due(room)
    assert len(work.to_post) == 1 and posts == []  # not posted, and not recorded as missed
    with pytest.raises(QuizBankPendingError):  # a teacher's /quiz now is told so
        room.quiz.reserve(room.quiz.slot_now(G, CH, 1, "", timedelta(hours=1)))
    made[0] = True
    room.now[0] += timedelta(minutes=5)
    _, [post] = post_due(room)  # a later tick, the occurrence still open
    assert post_due(room)[1] == []

"""Students' questions in a class: one call checks the student may ask now, applies exam mode,
answers from the notes and logs the question (for the votes and the gaps a teacher reads).

Exam mode, while a quiz question is open: a question in the open question's own words is declined
before anything is answered, and an answer that would quote the question's source with its answer
in it is declined after answering (and not logged)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.answering import Answer
from bot.core.cooldown import Cooldown
from bot.core.quiz.exam import asks_about, reveals
from bot.core.quiz.records import Post
from bot.errors import ExamModeError, InvalidInputError, TooSoonError
from bot.service import StudyService
from bot.services.quiz import QuizService
from bot.store.answer_log import AnswerLog, Gap

MAX_QUESTION = 500
GAP_WINDOW = timedelta(days=30)  # what /corpus gaps looks back over


@dataclass(frozen=True)
class Asker:
    user_id: int
    guild_id: int | None  # None: a direct message
    channel_id: int | None
    course: str | None = None  # a direct message's course (a server's is the server's)


@dataclass(frozen=True)
class Answered:
    answer: Answer
    answer_id: int  # in the answer log: the feedback buttons vote on it


class AskingService:
    def __init__(self, study: StudyService | Callable[[Asker], StudyService], quiz: QuizService, log: AnswerLog,
                 cooldown: Cooldown, clock: Callable[[], datetime]) -> None:
        """`study`: the one course every question goes to, or what picks the asker's course."""
        self.study_of = study if callable(study) and not isinstance(study, StudyService) else (lambda _: study)
        self.quiz = quiz
        self.log = log
        self.cooldown = cooldown
        self.clock = clock

    async def ask(self, question: str, asker: Asker,
                  accepted: Callable[[], Awaitable[object]] | None = None) -> Answered:
        """Answer a student's question, or raise why not (too soon, empty, too long, exam mode).

        `accepted` is awaited once the question has passed the checks that need no answer and
        before the (slow) answering: an adapter acknowledges there, so a refusal can still be
        private. The work runs off the event loop."""
        question = self._check(question, asker)
        open_posts = None
        if accepted is not None:
            if asker.guild_id:  # exam mode on the words alone, before a (maybe public) acknowledgement
                open_posts = await asyncio.to_thread(self.quiz.open_posts, asker.guild_id)
                _check_exam(question, open_posts)
            await accepted()
        # One worker-thread trip: a second one would queue behind every other question.
        return await asyncio.to_thread(self._answer_and_log, question, asker, open_posts)

    def _check(self, question: str, asker: Asker) -> str:
        question = question.strip()
        if not question:
            raise InvalidInputError("Please type a question.")
        left = self.cooldown.try_acquire(asker.user_id)
        if left > 0:
            raise TooSoonError(f"Please wait {left:.0f} s before asking another question.")
        if len(question) > MAX_QUESTION:
            raise InvalidInputError(f"That question is too long ({len(question)} characters).",
                                    hint=f"Keep it under {MAX_QUESTION}.")
        return question

    def _answer_and_log(self, question: str, asker: Asker, open_posts: list[Post] | None = None) -> Answered:
        """`open_posts`: the server's open quiz posts when they were just read (the words were
        checked against them then); read here otherwise. Once per question: the database trip
        is part of every answer's cost."""
        if open_posts is None:
            open_posts = self.quiz.open_posts(asker.guild_id)
            _check_exam(question, open_posts)
        study = self.study_of(asker)
        answer = study.ask(question)
        _check_exam(question, open_posts, answer)
        answer_id = self.log.record(guild_id=asker.guild_id, channel_id=asker.channel_id, user_id=asker.user_id,
                                    question=question, tier=answer.tier, top_score=answer.top_score,
                                    at=self.clock(), course=study.name)
        return Answered(answer, answer_id)

    # --- what follows an answer ------------------------------------------------------------------

    def vote(self, answer_id: int, user_id: int, helpful: bool) -> str:
        """A student's vote on an answer: "new", "changed" or "same"."""
        return self.log.vote(answer_id, user_id, helpful, self.clock())

    def gaps(self, course: str, window: timedelta = GAP_WINDOW) -> list[Gap]:
        """Questions a course's notes could not answer lately (the last 30 days), most asked first,
        from every server that uses the course and from direct messages to it."""
        return self.log.gaps(course, self.clock() - window)


def _check_exam(question: str, posts: list[Post], answer: Answer | None = None) -> None:
    for post in posts:
        if answer is None and not asks_about(question, post.item):
            continue
        if answer is not None and not reveals(answer.text, (c.chunk_id for c in answer.citations), post.item):
            continue
        raise ExamModeError(f"Answer today's quiz first: the explanation comes at "
                            f"{post.closes_at:%H:%M} UTC.", reveal_at=post.closes_at)

"""What students and teachers see of the quiz results: the leaderboard, a student's own record,
per-question stats with a chart, the CSV export, and forget-me. Every figure is computed by the
core (bot.core.quiz.results) from the same stored rows, so they cannot disagree."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.core.quiz.charts import share_right_chart
from bot.core.quiz.export import export_csv
from bot.core.quiz.results import (LeaderRow, QuestionStat, StudentRecord, leaderboard, period_start,
                                   question_stats, rank_of, student_record)
from bot.services.reviews import Reviews
from bot.store.database import Database
from bot.store.forget import forget_user
from bot.store.quiz_results import QuizResults
from bot.store.quiz_schedules import QuizSchedules


@dataclass(frozen=True)
class Board:
    top: list[LeaderRow]
    mine: LeaderRow | None


@dataclass(frozen=True)
class Stats:
    questions: list[QuestionStat]
    chart: bytes | None  # PNG; None when there is nothing to chart


@dataclass(frozen=True)
class Export:
    answers: int
    csv: bytes


class ResultsService:
    def __init__(self, db: Database, results: QuizResults, schedules: QuizSchedules, reviews: Reviews,
                 clock: Callable[[], datetime]) -> None:
        self.db = db
        self.results = results
        self.schedules = schedules
        self.reviews = reviews
        self.clock = clock

    def _since(self, guild_id: int, period: str) -> datetime | None:
        """Periods count in the guild's zone: its first schedule's, else UTC."""
        schedules = self.schedules.in_guild(guild_id)
        return period_start(period, self.clock(), schedules[0].timezone if schedules else "UTC")

    def leaderboard(self, guild_id: int, user_id: int, period: str) -> Board:
        answers = self.results.answers(guild_id, since=self._since(guild_id, period))
        return Board(leaderboard(answers), rank_of(answers, user_id))

    def record(self, guild_id: int, user_id: int) -> tuple[StudentRecord, int]:
        """The student's record and how many review cards they have due."""
        now = self.clock()
        zones = {s.id: s.timezone for s in self.schedules.in_guild(guild_id)}
        record = student_record(self.results.answers(guild_id), self.results.posts(guild_id), user_id, zones, now)
        return record, self.reviews.count_due(guild_id, user_id, now)

    def stats(self, guild_id: int, period: str, schedule_id: int | None = None) -> Stats:
        since = self._since(guild_id, period)
        posts = self.results.posts(guild_id, since=since, schedule_id=schedule_id)
        answers = self.results.answers(guild_id, since=since, schedule_id=schedule_id)
        questions = question_stats(posts, answers)
        return Stats(questions, share_right_chart(questions, "Share right per question") if questions else None)

    def export(self, guild_id: int, period: str) -> Export:
        answers = self.results.answers(guild_id, since=self._since(guild_id, period))
        names = {s.id: f"#{s.id} {s.describe()}" for s in self.schedules.in_guild(guild_id)}
        return Export(len(answers), export_csv(answers, names))

    def forget(self, guild_id: int | None, user_id: int) -> dict[str, int]:
        """Erase every row about the student; {what: how many} for the confirmation."""
        return forget_user(self.db, guild_id, user_id)

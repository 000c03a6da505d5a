"""Everything the cogs share, built once by the runner (or a test) and passed in."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from bot.config import Settings
from bot.core.cooldown import Cooldown
from bot.service import StudyService
from bot.store.answer_log import AnswerLog
from bot.store.database import Database
from bot.store.quiz_posts import QuizPosts
from bot.store.quiz_results import QuizResults
from bot.store.quiz_schedules import QuizSchedules
from bot.store.review_cards import ReviewCards


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class BotContext:
    settings: Settings
    service: StudyService
    db: Database
    clock: Callable[[], datetime] = utc_now
    monotonic: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.Random)
    progress_interval: float = 1.5  # seconds between edits of a progress message
    quiz_tick_seconds: float = 20.0  # how often the quiz scheduler looks for due posts
    started_at: float = field(default_factory=time.monotonic)
    cooldown: Cooldown = field(init=False)
    answer_log: AnswerLog = field(init=False)
    quiz_posts: QuizPosts = field(init=False)
    quiz_schedules: QuizSchedules = field(init=False)
    quiz_results: QuizResults = field(init=False)
    reviews: ReviewCards = field(init=False)
    review_fuzz: bool = True  # FSRS interval fuzzing (off in tests, for exact due dates)

    def __post_init__(self) -> None:
        self.cooldown = Cooldown(self.settings.ask_cooldown_seconds, self.monotonic)
        self.answer_log = AnswerLog(self.db)
        self.quiz_posts = QuizPosts(self.db)
        self.quiz_schedules = QuizSchedules(self.db)
        self.quiz_results = QuizResults(self.db)
        self.reviews = ReviewCards(self.db, fuzz=self.review_fuzz)

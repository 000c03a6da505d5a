"""Everything the cogs share, built once by the runner (or a test) and passed in: the settings,
the clock, and the services every command calls (the cogs never reach the store themselves)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from bot.config import Settings
from bot.core.cooldown import Cooldown
from bot.service import StudyService
from bot.services.asking import AskingService
from bot.services.drafts import DraftsService
from bot.services.quiz import QuizService
from bot.services.results import ResultsService
from bot.services.reviews import Reviews
from bot.store.answer_log import AnswerLog
from bot.store.database import Database
from bot.store.quiz_decisions import QuizDecisions
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
    review_fuzz: bool = True  # FSRS interval fuzzing (off in tests, for exact due dates)
    quiz: QuizService = field(init=False)
    results: ResultsService = field(init=False)
    reviews: Reviews = field(init=False)
    asking: AskingService = field(init=False)
    drafts: DraftsService = field(init=False)

    def __post_init__(self) -> None:
        def now() -> datetime:  # read at each call: tests move the clock after building the context
            return self.clock()

        schedules = QuizSchedules(self.db)
        self.reviews = Reviews(ReviewCards(self.db), fuzz=self.review_fuzz)
        def bank() -> list:
            return list(self.service.quiz_bank().items)

        self.drafts = DraftsService(QuizDecisions(self.db), bank, self.settings.quiz_auto_approve, now)
        self.quiz = QuizService(QuizPosts(self.db), schedules, self.reviews, self.drafts.postable, now, self.rng,
                                bank=bank)
        self.results = ResultsService(self.db, QuizResults(self.db), schedules, self.reviews, now)
        cooldown = Cooldown(self.settings.ask_cooldown_seconds, lambda: self.monotonic())
        self.asking = AskingService(self.service, self.quiz, AnswerLog(self.db), cooldown, now)

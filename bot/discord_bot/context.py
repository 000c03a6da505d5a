"""Everything the cogs share, built once by the runner (or a test) and passed in: the settings,
the clock, and the services every command calls (the cogs never reach the store themselves).
`service` is the default course; each server's own is `servers.of_guild(guild_id)`."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from bot.config import Settings
from bot.service import StudyService
from bot.services.asking import AskingService
from bot.services.classroom import open_classroom
from bot.services.courses import Courses
from bot.services.courses_servers import ServerCourses
from bot.services.drafts import DraftsService
from bot.services.quiz import QuizService
from bot.services.results import ResultsService
from bot.services.reviews import Reviews
from bot.store.course_builds import CourseBuilds
from bot.store.database import Database


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
    quiz_tick_seconds: float | None = None  # how often the quiz scheduler looks for due posts (None: the setting)
    started_at: float = field(default_factory=time.monotonic)
    review_fuzz: bool = True  # FSRS interval fuzzing (off in tests, for exact due dates)
    quiz: QuizService = field(init=False)
    results: ResultsService = field(init=False)
    reviews: Reviews = field(init=False)
    asking: AskingService = field(init=False)
    drafts: DraftsService = field(init=False)
    courses: Courses = field(init=False)
    servers: ServerCourses = field(init=False)

    def __post_init__(self) -> None:
        if self.quiz_tick_seconds is None:
            self.quiz_tick_seconds = self.settings.quiz_tick_seconds
        builds = CourseBuilds(self.db, lambda: self.clock())
        self.courses = Courses(self.settings, default=self.service, build_claim=builds.claim)
        # Read at each call: tests move the clocks after building the context.
        room = open_classroom(self.service, self.db, clock=lambda: self.clock(), monotonic=lambda: self.monotonic(),
                              rng=self.rng, review_fuzz=self.review_fuzz, courses=self.courses)
        self.quiz, self.drafts, self.reviews = room.quiz, room.drafts, room.reviews
        self.results, self.asking, self.servers = room.results, room.asking, room.servers
        self.drafts_in = room.drafts_in

"""All the services of the classes over one database, wired once: what an adapter builds at start-up
(the Discord bot does, in its context) so that it never touches the store itself. Each server is
served from its course (bot.services.courses_servers): its questions, its quiz items, its drafts."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.core.cooldown import Cooldown
from bot.core.quiz.items import QuizItem
from bot.errors import IndexMissingError
from bot.service import StudyService
from bot.services.asking import Asker, AskingService
from bot.services.courses import Courses
from bot.services.courses_servers import NoCourseError, ServerCourses
from bot.services.drafts import DraftsService
from bot.services.quiz import QuizService
from bot.services.results import ResultsService
from bot.services.reviews import Reviews
from bot.store.answer_log import AnswerLog
from bot.store.bot_guilds import BotGuilds
from bot.store.course_servers import CourseServers
from bot.store.database import Database
from bot.store.quiz_decisions import QuizDecisions
from bot.store.quiz_posts import QuizPosts
from bot.store.quiz_results import QuizResults
from bot.store.quiz_schedules import QuizSchedules
from bot.store.review_cards import ReviewCards


@dataclass(frozen=True)
class Classroom:
    quiz: QuizService
    drafts: DraftsService  # the default course's (the command line's)
    reviews: Reviews
    results: ResultsService
    asking: AskingService
    servers: ServerCourses
    drafts_of: Callable[[StudyService], DraftsService]  # a course's drafts

    def drafts_in(self, guild_id: int) -> DraftsService:
        """The drafts of the course a server uses."""
        return self.drafts_of(self.servers.of_guild(guild_id))


def open_classroom(study: StudyService, db: Database, *, clock: Callable[[], datetime],
                   monotonic: Callable[[], float], rng: random.Random, review_fuzz: bool = True,
                   courses: Courses | None = None) -> Classroom:
    """`study` is the default course; `courses` every course (made over `study`'s model when not
    given). `clock` (aware UTC) and `monotonic` (seconds, for cooldowns) are called each time they
    are needed, so a test may move them after the services are built."""
    settings = study.settings
    courses = courses or Courses(settings, default=study)
    servers = ServerCourses(courses, CourseServers(db), without_notes=settings.servers_without_notes, clock=clock,
                            bot_guilds=BotGuilds(db))

    def drafts_of(course: StudyService) -> DraftsService:
        return DraftsService(QuizDecisions(db, course.name), lambda: _bank_of(course), settings.quiz_auto_approve,
                             clock)

    def course_in(guild_id: int) -> StudyService | None:
        try:
            return servers.of_guild(guild_id)
        except NoCourseError:
            return None

    def bank(guild_id: int) -> list[QuizItem]:
        course = course_in(guild_id)
        return _bank_of(course) if course else []

    def postable(guild_id: int) -> list[QuizItem]:
        course = course_in(guild_id)
        return drafts_of(course).postable() if course else []

    def study_of(asker: Asker) -> StudyService:
        if asker.guild_id:
            return servers.of_guild(asker.guild_id)
        return courses.get(asker.course or servers.for_dm(asker.user_id, ()).course)

    schedules = QuizSchedules(db)
    reviews = Reviews(ReviewCards(db), fuzz=review_fuzz)
    quiz = QuizService(QuizPosts(db), schedules, reviews, postable, clock, rng, bank=bank)
    results = ResultsService(db, QuizResults(db), schedules, reviews, clock)
    asking = AskingService(study_of, quiz, AnswerLog(db), Cooldown(settings.ask_cooldown_seconds, monotonic), clock)
    return Classroom(quiz, drafts_of(courses.default), reviews, results, asking, servers, drafts_of)


def _bank_of(course: StudyService) -> list[QuizItem]:
    """A course's quiz items; none while it has no index yet (a course made by an upload that is
    still being indexed)."""
    try:
        return list(course.quiz_bank().items)
    except IndexMissingError:
        return []

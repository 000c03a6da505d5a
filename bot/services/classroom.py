"""All the services of one class over one database, wired once: what an adapter builds at start-up
(the Discord bot does, in its context) so that it never touches the store itself."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.core.cooldown import Cooldown
from bot.core.quiz.items import QuizItem
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


@dataclass(frozen=True)
class Classroom:
    quiz: QuizService
    drafts: DraftsService
    reviews: Reviews
    results: ResultsService
    asking: AskingService


def open_classroom(study: StudyService, db: Database, *, clock: Callable[[], datetime],
                   monotonic: Callable[[], float], rng: random.Random, review_fuzz: bool = True) -> Classroom:
    """`clock` (aware UTC) and `monotonic` (seconds, for cooldowns) are called each time they are
    needed, so a test may move them after the services are built."""
    settings = study.settings

    def bank() -> list[QuizItem]:
        return list(study.quiz_bank().items)

    schedules = QuizSchedules(db)
    reviews = Reviews(ReviewCards(db), fuzz=review_fuzz)
    drafts = DraftsService(QuizDecisions(db), bank, settings.quiz_auto_approve, clock)
    quiz = QuizService(QuizPosts(db), schedules, reviews, drafts.postable, clock, rng, bank=bank)
    results = ResultsService(db, QuizResults(db), schedules, reviews, clock)
    asking = AskingService(study, quiz, AnswerLog(db), Cooldown(settings.ask_cooldown_seconds, monotonic), clock)
    return Classroom(quiz, drafts, reviews, results, asking)

"""Spaced review for students: a quiz outcome becomes (or reviews) that student's card, and
/review serves the due cards one at a time and grades them. FSRS decides the intervals
(bot.core.quiz.review); the store keeps the cards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.aware_time import require_aware
from bot.core.quiz import review as fsrs
from bot.core.quiz.items import QuizItem
from bot.core.quiz.records import ReviewCard
from bot.errors import NotFoundError
from bot.store.review_cards import QUIZ, REVIEW, ReviewCards


@dataclass(frozen=True)
class NextCard:
    """What /review shows: the longest overdue card with how many are due, or when the next is."""

    card: ReviewCard | None
    due_count: int
    next_due: datetime | None


@dataclass(frozen=True)
class Graded:
    card: ReviewCard  # as it was shown (its question and right answer)
    correct: bool
    following: NextCard


class Reviews:
    def __init__(self, cards: ReviewCards, *, fuzz: bool = True) -> None:
        self.cards = cards
        self.scheduler = fsrs.make_scheduler(fuzz=fuzz)

    def record_outcome(self, guild_id: int, user_id: int, item: QuizItem, correct: bool, at: datetime, *,
                       post_id: int | None = None) -> ReviewCard:
        """A quiz answer became known (at the reveal): create the card or review it again.

        Idempotent: with `post_id`, a second call for the same post changes nothing (a reveal
        retried after a restart); without it, a call not later than the card's last review does
        nothing either (fsrs cannot review into the past).
        """
        require_aware(at, "at")

        def decide(card: ReviewCard | None) -> fsrs.Reviewed | None:
            if card is None:
                return fsrs.first_outcome(self.scheduler, correct, at)
            if post_id is not None and self.cards.reviewed_in_post(card.id, post_id):
                return None
            return fsrs.next_outcome(self.scheduler, card.memory, correct, at)

        return self.cards.change_for_item(guild_id, user_id, item, decide, source=QUIZ, post_id=post_id)

    def grade(self, card_id: int, user_id: int, correct: bool, at: datetime) -> ReviewCard:
        """A /review answer. Another student's card (or a forgotten one) is NotFoundError; a card
        that is not due (a second click, a stale button) is returned unchanged."""
        require_aware(at, "at")

        def decide(card: ReviewCard | None) -> fsrs.Reviewed | None:
            if card is None or card.due > at:
                return None
            return fsrs.next_outcome(self.scheduler, card.memory, correct, at)

        graded = self.cards.change(card_id, user_id, decide, source=REVIEW)
        if graded is None:
            raise NotFoundError("That review card is no longer there.", hint="Use `/review` to get your next card.")
        return graded

    # --- what /review shows ---------------------------------------------------------------------

    def next_card(self, guild_id: int, user_id: int, now: datetime) -> NextCard:
        due = self.cards.due(guild_id, user_id, now, limit=1)
        return NextCard(due[0] if due else None, self.cards.count_due(guild_id, user_id, now),
                        self.cards.next_due(guild_id, user_id))

    def answer(self, card_id: int, user_id: int, choice: int, now: datetime) -> Graded:
        """A student clicked an option of a review card: grade it, and say what comes next."""
        card = self.cards.get(card_id)
        if card is None or card.user_id != user_id:
            raise NotFoundError("That review card is not yours.")
        correct = choice == card.item.answer_index
        self.grade(card_id, user_id, correct, now)
        return Graded(card, correct, self.next_card(card.guild_id, user_id, now))

    def count_due(self, guild_id: int, user_id: int, now: datetime) -> int:
        return self.cards.count_due(guild_id, user_id, now)

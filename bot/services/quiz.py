"""The daily quiz, without Discord: schedules, what to post and when, reserving posts, students'
answers and reports, the reveal (with its review cards), and teachers' retiring of questions.

An adapter (bot.discord_bot.quiz_engine) asks `due_work` what to do, sends what `reserve` gives it,
and tells the service what became of each message (`mark_sent`, `mark_failed`, `revealed`). Every
post is reserved under its unique key before it is sent, so a restart neither misses nor doubles
one. Several processes may own a server at once (a restart, a shard moving between processes): the
database decides which one sends (the reservation) and which one reveals (a claim), so each post
is sent once and revealed once."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.core.quiz.items import POSTABLE_KINDS, QuizItem
from bot.core.quiz.records import OPEN, POSTING, Post, Tally
from bot.core.quiz.schedule import MISSED, OpenPost, Schedule, due_posts, due_reveals, local_date_of, make_schedule
from bot.core.quiz.selection import choose_items, matches_topic
from bot.errors import InvalidInputError, NotFoundError, QuizBankPendingError
from bot.services.reviews import Reviews
from bot.store.quiz_posts import QuizPosts
from bot.store.quiz_schedules import QuizSchedules

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

# How long a process may take to send or reveal a post before another process may take over
# (the first one died): far longer than sending takes, short enough that a restart catches up.
CLAIM = timedelta(minutes=2)
ItemSource = Callable[[int], list[QuizItem]]  # a server's items: its course's


@dataclass(frozen=True)
class Slot:
    """One occurrence to post: where, when it opens and closes, how many questions, on what."""

    schedule_id: int | None
    guild_id: int
    channel_id: int
    local_date: date
    opens_at: datetime
    closes_at: datetime
    questions: int
    topic: str


@dataclass(frozen=True)
class Work:
    """What one tick of the scheduler has to do now."""

    to_post: list[Slot]
    to_reveal: list[Post]


# What became of a student's click on an option.
NEW, CHANGED, SAME, CLOSED = "new", "changed", "same", "closed"


@dataclass(frozen=True)
class AnswerOutcome:
    status: str  # NEW, CHANGED, SAME or CLOSED (then nothing was recorded)
    post: Post
    choice: int  # what the student chose (for CLOSED: the right answer)


class QuizService:
    def __init__(self, posts: QuizPosts, schedules: QuizSchedules, reviews: Reviews, items: ItemSource,
                 clock: Clock, rng: random.Random | None = None, *, bank: ItemSource | None = None) -> None:
        self.posts = posts
        self.schedules = schedules
        self.reviews = reviews
        self.items = items  # what may be posted in a server: approved generated items and teachers' own
        self.bank = bank or items  # every item of a server's bank, drafts included
        self.clock = clock
        self.rng = rng or random.Random()

    # --- teachers' schedules -------------------------------------------------------------------

    def add_schedule(self, *, guild_id: int, channel_id: int, local_time: str, timezone: str, days: str,
                     questions: int, open_for: str | None, topic: str, created_by: int) -> Schedule:
        schedule = make_schedule(guild_id=guild_id, channel_id=channel_id, local_time=local_time,
                                 timezone=timezone, days=days, questions=questions, open_for=open_for,
                                 topic=topic, created_at=self.clock())
        self.check_topic(schedule.topic, guild_id)
        return self.schedules.add(schedule, created_by)

    def check_topic(self, topic: str, guild_id: int) -> None:
        def matching(items: list[QuizItem]) -> bool:
            return any(i.kind in POSTABLE_KINDS and matches_topic(i, topic) for i in items)

        if not topic or matching(self.items(guild_id)):
            return
        if matching(self.bank(guild_id)):
            raise InvalidInputError(f"No approved quiz question matches the topic “{topic}” yet.",
                                    hint="Approve some with `/quiz drafts` first.")
        raise InvalidInputError(f"No quiz question matches the topic “{topic}”.",
                                hint="Give part of a document name or section heading, or leave topic empty.")

    def schedules_of(self, guild_id: int) -> list[Schedule]:
        return self.schedules.in_guild(guild_id)

    def set_paused(self, guild_id: int, schedule_id: int, paused: bool) -> Schedule:
        return self.schedules.set_paused(guild_id, schedule_id, paused, self.clock())

    def remove_schedule(self, guild_id: int, schedule_id: int) -> Schedule:
        return self.schedules.remove(guild_id, schedule_id, self.clock())

    # --- what is due ---------------------------------------------------------------------------

    def due_work(self, guild_ids: set[int]) -> Work:
        """The occurrences to post now (in the given guilds) and the open posts to reveal. An
        occurrence that can no longer be posted is recorded as missed, once."""
        now = self.clock()
        to_post = []
        for schedule in self.schedules.active():
            if schedule.guild_id in guild_ids:
                to_post.extend(self._due_slots(schedule, now))
        open_posts = [p for p in self.posts.with_status(OPEN) if p.guild_id in guild_ids]
        due = {p.post_id for p in due_reveals([OpenPost(p.id, p.closes_at) for p in open_posts], now)}
        return Work(to_post, [p for p in open_posts if p.id in due])

    def _due_slots(self, schedule: Schedule, now: datetime) -> list[Slot]:
        slots = []
        for decision in due_posts(schedule, now, self.schedules.recorded_dates(schedule.id)):
            occurrence = decision.occurrence
            if decision.action == MISSED:
                log.warning("Quiz schedule #%d, %s: %s", schedule.id, occurrence.local_date, decision.reason)
                self.schedules.record_missed(schedule.id, occurrence.local_date, decision.reason)
                continue
            slots.append(Slot(schedule.id, schedule.guild_id, schedule.channel_id, occurrence.local_date,
                              occurrence.opens_at, occurrence.closes_at, schedule.questions, schedule.topic))
        return slots

    def slot_now(self, guild_id: int, channel_id: int, questions: int, topic: str, open_for: timedelta,
                 zone: str = "UTC") -> Slot:
        """A teacher's `/quiz now`: an occurrence that opens at once, outside any schedule."""
        now = self.clock()
        return Slot(None, guild_id, channel_id, local_date_of(now, zone), now, now + open_for, questions, topic)

    # --- posting -------------------------------------------------------------------------------

    def reserve(self, slot: Slot) -> list[Post]:
        """Choose the questions and claim the occurrence; [] when it was claimed already or there
        is nothing to post (then a scheduled occurrence is recorded as missed, not retried)."""
        used, retired = self.posts.item_use(slot.guild_id), self.posts.retired(slot.guild_id)
        try:
            available = self.items(slot.guild_id)
        except QuizBankPendingError:
            if slot.schedule_id is None:  # a teacher's /quiz now: told to try again
                raise
            # The notes were just indexed: the occurrence stays due, and a later tick posts it
            # once the bank is made (while the occurrence is open).
            log.info("Quiz schedule #%d, %s: waiting for the quiz bank being made", slot.schedule_id,
                     slot.local_date)
            return []
        items = choose_items(available, slot.questions, used=used, retired=retired, topic=slot.topic,
                             rng=self.rng)
        if not items:
            reason = f"no quiz questions available (topic {slot.topic!r})"
            log.warning("Quiz for guild %s, %s: %s", slot.guild_id, slot.local_date, reason)
            if slot.schedule_id is not None:
                self.schedules.record_missed(slot.schedule_id, slot.local_date, reason)
            return []
        return self.posts.reserve(schedule_id=slot.schedule_id, guild_id=slot.guild_id, channel_id=slot.channel_id,
                                  local_date=slot.local_date, items=items, opens_at=slot.opens_at,
                                  closes_at=slot.closes_at, claimed_until=self.clock() + CLAIM)

    def mark_sent(self, post_id: int, message_id: int) -> None:
        self.posts.mark_open(post_id, message_id)

    def mark_failed(self, post_id: int) -> None:
        self.posts.mark_failed(post_id)

    def interrupted(self, guild_ids: set[int]) -> list[Post]:
        """Posts in these guilds whose sending a crash interrupted (reserved, never confirmed
        sent), once the claim of the process that reserved them has run out."""
        return [p for p in self.posts.unclaimed_with_status(POSTING, self.clock()) if p.guild_id in guild_ids]

    def claim(self, post: Post) -> bool:
        """This process takes the post's next step (sending an interrupted post, or the reveal)
        for CLAIM; False when another process has it or it has moved on already."""
        now = self.clock()
        return self.posts.claim(post.id, post.status, now, now + CLAIM)

    def release(self, post: Post) -> None:
        """The step failed: let the next tick (of any process) try again."""
        self.posts.release(post.id)

    def still_open(self, post: Post) -> bool:
        return post.closes_at > self.clock()

    # --- revealing -----------------------------------------------------------------------------

    def tally(self, post_id: int) -> Tally:
        return self.posts.tally(post_id)

    def revealed(self, post: Post) -> None:
        """The answer is out: each answer becomes (or reviews) that student's review card, then
        the post is marked revealed (a reveal retried after a crash writes no card twice)."""
        now = self.clock()
        for user_id, _, correct in self.posts.answers_of(post.id):
            self.reviews.record_outcome(post.guild_id, user_id, post.item, correct, now, post_id=post.id)
        self.posts.mark_revealed(post.id, now)

    # --- students ------------------------------------------------------------------------------

    def answer(self, post_id: int, choice: int, user_id: int, user_name: str) -> AnswerOutcome:
        """Record a student's click at once; a click after the close is answered, not counted."""
        post = self._post(post_id)
        item = post.item
        if post.status != OPEN or self.clock() >= post.closes_at:
            return AnswerOutcome(CLOSED, post, item.answer_index or 0)
        if not 0 <= choice < len(item.options):
            raise InvalidInputError("That is not one of the options.")
        status = self.posts.record_answer(post_id, user_id, user_name, choice, choice == item.answer_index,
                                          self.clock())
        return AnswerOutcome(status, post, choice)

    def report(self, post_id: int, user_id: int) -> bool:
        """Flag a question for a teacher; False when this student had flagged it already."""
        return self.posts.report(self._post(post_id), user_id, self.clock())

    def _post(self, post_id: int) -> Post:
        post = self.posts.get(post_id)
        if post is None:
            raise NotFoundError("This quiz question no longer exists.")
        return post

    def open_posts(self, guild_id: int | None) -> list[Post]:
        """Questions open right now in a guild; for a DM (no guild), every open question, since
        the student could belong to any guild."""
        now = self.clock()
        return self.posts.open_in_guild(guild_id, now) if guild_id else self.posts.open_everywhere(now)

    # --- teachers' review of questions ---------------------------------------------------------

    def reported(self, guild_id: int) -> list[tuple[QuizItem, int]]:
        return self.posts.reported(guild_id)

    def retire(self, guild_id: int, item_id: str, by: int) -> None:
        if item_id not in {i.id for i in self.bank(guild_id)}:
            raise NotFoundError(f"There is no question `{item_id}` in the bank.", hint="`/quiz reports` lists ids.")
        self.posts.retire(guild_id, item_id, by, self.clock())

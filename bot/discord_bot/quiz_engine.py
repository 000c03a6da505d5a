"""Posting, answering and revealing quiz questions, and the loop that does it on schedule.

Decisions (what is due) come from the pure schedule core; this module carries them out on
Discord. Every post is reserved in SQLite under its unique key before it is sent, so a restart
neither misses nor doubles one; a post whose sending was interrupted is found again in the
channel's history, or sent once."""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import discord

from bot.core.quiz.items import QuizItem
from bot.core.quiz.schedule import MISSED, OpenPost, Schedule, due_posts, due_reveals, local_date_of
from bot.core.quiz.selection import choose_items
from bot.discord_bot.context import BotContext
from bot.discord_bot.quiz_buttons import question_view
from bot.discord_bot.quiz_render import choice_label, question_embed, reveal_embed
from bot.errors import InvalidInputError, NotFoundError
from bot.store.quiz_posts import OPEN, POSTING, Post, QuizPosts
from bot.store.quiz_schedules import QuizSchedules

log = logging.getLogger(__name__)

REQUIRED = (("view_channel", "View Channel"), ("send_messages", "Send Messages"),
            ("embed_links", "Embed Links"), ("read_message_history", "Read Message History"))


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


class QuizEngine:
    def __init__(self, bot: discord.Client, ctx: BotContext, posts: QuizPosts, schedules: QuizSchedules,
                 rng: random.Random | None = None) -> None:
        self.bot = bot
        self.ctx = ctx
        self.posts = posts
        self.schedules = schedules
        self.rng = rng or random.Random()
        self._lock = asyncio.Lock()  # one tick at a time
        self._task: asyncio.Task | None = None

    # --- the loop -----------------------------------------------------------------------------

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._loop(), name="quiz-scheduler")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def _loop(self) -> None:
        await self.bot.wait_until_ready()
        await self.recover()
        while not self.bot.is_closed():
            try:
                await self.tick()
            except Exception:  # a bad tick must not end the schedule for good
                log.exception("Quiz scheduler tick failed")
            await asyncio.sleep(self.ctx.quiz_tick_seconds)

    async def tick(self) -> None:
        """Post what is due, log what was missed, reveal what has closed."""
        async with self._lock:
            now = self.ctx.clock()
            guilds = {g.id for g in self.bot.guilds}
            for schedule in await asyncio.to_thread(self.schedules.active):
                if schedule.guild_id in guilds:
                    await self._run_schedule(schedule, now)
            open_posts = await asyncio.to_thread(self.posts.with_status, OPEN)
            due = {p.post_id for p in due_reveals([OpenPost(p.id, p.closes_at) for p in open_posts], now)}
            for post in (p for p in open_posts if p.id in due):
                await self.reveal(post)

    async def _run_schedule(self, schedule: Schedule, now: datetime) -> None:
        recorded = await asyncio.to_thread(self.schedules.recorded_dates, schedule.id)
        for decision in due_posts(schedule, now, recorded):
            occurrence = decision.occurrence
            if decision.action == MISSED:
                log.warning("Quiz schedule #%d, %s: %s", schedule.id, occurrence.local_date, decision.reason)
                await asyncio.to_thread(self.schedules.record_missed, schedule.id, occurrence.local_date,
                                        decision.reason)
                continue
            await self.post(Slot(schedule.id, schedule.guild_id, schedule.channel_id, occurrence.local_date,
                                 occurrence.opens_at, occurrence.closes_at, schedule.questions, schedule.topic))

    # --- posting and revealing -----------------------------------------------------------------

    async def post(self, slot: Slot) -> list[Post]:
        items = await asyncio.to_thread(self._choose, slot.guild_id, slot.questions, slot.topic)
        if not items:
            reason = f"no quiz questions available (topic {slot.topic!r})"
            log.warning("Quiz for guild %s, %s: %s", slot.guild_id, slot.local_date, reason)
            if slot.schedule_id is not None:  # recorded once, not retried (and logged) every tick
                await asyncio.to_thread(self.schedules.record_missed, slot.schedule_id, slot.local_date, reason)
            return []
        reserved = await asyncio.to_thread(
            lambda: self.posts.reserve(schedule_id=slot.schedule_id, guild_id=slot.guild_id,
                                       channel_id=slot.channel_id, local_date=slot.local_date, items=items,
                                       opens_at=slot.opens_at, closes_at=slot.closes_at))
        sent = []
        for post in reserved:
            if await self._send(post, of=len(reserved)):
                sent.append(post)
        return sent

    def _choose(self, guild_id: int, count: int, topic: str) -> list[QuizItem]:
        items = bank_items(self.ctx)
        return choose_items(items, count, used=self.posts.item_use(guild_id),
                            retired=self.posts.retired(guild_id), topic=topic, rng=self.rng)

    async def _send(self, post: Post, of: int) -> bool:
        try:
            channel = await self._channel(post.channel_id)
            message = await channel.send(embed=question_embed(post, of), view=question_view(post.id, post.item))
        except discord.HTTPException as exc:
            log.error("Could not post quiz question %d in channel %s: %s", post.id, post.channel_id, exc)
            await asyncio.to_thread(self.posts.mark_failed, post.id)
            return False
        await asyncio.to_thread(self.posts.mark_open, post.id, message.id)
        return True

    async def reveal(self, post: Post) -> None:
        tally = await asyncio.to_thread(self.posts.tally, post.id)
        try:
            channel = await self._channel(post.channel_id)
            message = channel.get_partial_message(post.message_id)
            await message.edit(embed=reveal_embed(post, tally),
                               view=question_view(post.id, post.item, closed=True, right=post.item.answer_index))
        except discord.NotFound:
            log.warning("Quiz message of post %d is gone; marking it revealed", post.id)
        except discord.HTTPException as exc:
            log.error("Could not reveal quiz post %d: %s", post.id, exc)
            return  # tried again next tick
        await asyncio.to_thread(self._after_reveal, post)

    def _after_reveal(self, post: Post) -> None:
        """Mark the post revealed; each answer becomes (or reviews) that student's review card."""
        now = self.ctx.clock()
        for user_id, _, correct in self.posts.answers_of(post.id):
            self.ctx.reviews.record_outcome(post.guild_id, user_id, post.item, correct, now, post_id=post.id)
        self.posts.mark_revealed(post.id, now)

    async def recover(self) -> None:
        """Posts whose sending a crash interrupted: find the message, or send it once if still open."""
        now = self.ctx.clock()
        for post in await asyncio.to_thread(self.posts.with_status, POSTING):
            message_id = await self._find_posted(post)
            if message_id is not None:
                await asyncio.to_thread(self.posts.mark_open, post.id, message_id)
            elif post.closes_at > now:
                await self._send(post, of=1)
            else:
                log.warning("Quiz post %d was interrupted and its window has passed; skipped", post.id)
                await asyncio.to_thread(self.posts.mark_failed, post.id)

    async def _find_posted(self, post: Post) -> int | None:
        try:
            channel = await self._channel(post.channel_id)
            async for message in channel.history(limit=50, after=post.opens_at - timedelta(minutes=1)):
                if message.author == self.bot.user and any(
                        getattr(c, "custom_id", None) == f"qr:{post.id}" for row in message.components
                        for c in getattr(row, "children", [])):
                    return message.id
        except discord.HTTPException:
            log.warning("Could not read channel %s to recover post %d", post.channel_id, post.id)
        return None

    async def _channel(self, channel_id: int):
        return self.bot.get_channel(channel_id) or await self.bot.fetch_channel(channel_id)

    # --- students ------------------------------------------------------------------------------

    async def answer(self, post_id: int, choice: int, user_id: int, user_name: str) -> str:
        post = await asyncio.to_thread(self.posts.get, post_id)
        if post is None:
            raise NotFoundError("This quiz question no longer exists.")
        item = post.item
        if post.status != OPEN or self.ctx.clock() >= post.closes_at:
            right = choice_label(item, item.answer_index or 0)
            return f"This question has closed. The answer was **{right}**: {item.answer}."
        if not 0 <= choice < len(item.options):
            raise InvalidInputError("That is not one of the options.")
        outcome = await asyncio.to_thread(self.posts.record_answer, post_id, user_id, user_name, choice,
                                          choice == item.answer_index, self.ctx.clock())
        label = choice_label(item, choice)
        closes = f"<t:{int(post.closes_at.timestamp())}:t>"
        return {"new": f"Recorded: **{label}**. You can change it until {closes}; the answer comes then.",
                "changed": f"Changed to **{label}**. You can change it until {closes}.",
                "same": f"Your answer is already **{label}**."}[outcome]

    async def report(self, post_id: int, user_id: int) -> str:
        post = await asyncio.to_thread(self.posts.get, post_id)
        if post is None:
            raise NotFoundError("This quiz question no longer exists.")
        new = await asyncio.to_thread(self.posts.report, post, user_id, self.ctx.clock())
        return ("Thanks: the question is flagged for a teacher to review." if new
                else "You have already reported this question.")

    # --- teachers ------------------------------------------------------------------------------

    def missing_permissions(self, channel: discord.abc.GuildChannel) -> list[str]:
        me = channel.guild.me
        allowed = channel.permissions_for(me)
        return [label for attr, label in REQUIRED if not getattr(allowed, attr)]

    def check_channel(self, channel: discord.abc.GuildChannel) -> None:
        missing = self.missing_permissions(channel)
        if missing:
            raise InvalidInputError(f"I can't post quizzes in #{channel.name}: I'm missing "
                                    f"{', '.join(missing)} there.",
                                    hint="Give my role those permissions in that channel, then try again.")

    async def post_now(self, guild_id: int, channel_id: int, questions: int, topic: str,
                       open_for: timedelta, zone: str = "UTC") -> list[Post]:
        now = self.ctx.clock()
        return await self.post(Slot(None, guild_id, channel_id, local_date_of(now, zone), now, now + open_for,
                                    questions, topic))


def bank_items(ctx: BotContext) -> list[QuizItem]:
    return list(ctx.service.quiz_bank().items)

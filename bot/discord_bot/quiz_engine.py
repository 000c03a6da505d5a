"""The quiz on Discord: the loop that ticks, and the sending and editing of quiz messages.

Every decision and every record is the quiz service's (bot.services.quiz): it says what is due,
reserves each post before it is sent (so a restart neither misses nor doubles one) and records
what became of it. A post whose sending was interrupted is found again in the channel's history,
or sent once."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import discord

from bot.core.quiz.records import Post
from bot.discord_bot.context import BotContext
from bot.discord_bot.quiz_buttons import question_view
from bot.discord_bot.quiz_render import answer_reply, question_embed, reveal_embed
from bot.errors import InvalidInputError
from bot.services.quiz import QuizService, Slot

log = logging.getLogger(__name__)

REQUIRED = (("view_channel", "View Channel"), ("send_messages", "Send Messages"),
            ("embed_links", "Embed Links"), ("read_message_history", "Read Message History"))


class QuizEngine:
    def __init__(self, bot: discord.Client, ctx: BotContext) -> None:
        self.bot = bot
        self.ctx = ctx
        self._lock = asyncio.Lock()  # one tick at a time
        self._task: asyncio.Task | None = None

    @property
    def quiz(self) -> QuizService:
        return self.ctx.quiz

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
        """Post what is due, reveal what has closed (missed occurrences are logged by the service)."""
        async with self._lock:
            work = await asyncio.to_thread(self.quiz.due_work, self._guild_ids())
            for slot in work.to_post:
                await self.post(slot)
            for post in work.to_reveal:
                # Another process owning this server too may be revealing it: the claim decides.
                if await asyncio.to_thread(self.quiz.claim, post):
                    await self.reveal(post)
            await self._recover()

    def _guild_ids(self) -> set[int]:
        return {g.id for g in self.bot.guilds}

    # --- posting and revealing -----------------------------------------------------------------

    async def post(self, slot: Slot) -> list[Post]:
        reserved = await asyncio.to_thread(self.quiz.reserve, slot)
        sent = []
        for post in reserved:
            if await self._send(post, of=len(reserved)):
                sent.append(post)
        return sent

    async def _send(self, post: Post, of: int) -> bool:
        try:
            channel = await self._channel(post.channel_id)
            message = await channel.send(embed=question_embed(post, of), view=question_view(post.id, post.item))
        except discord.HTTPException as exc:
            log.error("Could not post quiz question %d in channel %s: %s", post.id, post.channel_id, exc)
            await asyncio.to_thread(self.quiz.mark_failed, post.id)
            return False
        await asyncio.to_thread(self.quiz.mark_sent, post.id, message.id)
        return True

    async def reveal(self, post: Post) -> None:
        tally = await asyncio.to_thread(self.quiz.tally, post.id)
        try:
            channel = await self._channel(post.channel_id)
            message = channel.get_partial_message(post.message_id)
            await message.edit(embed=reveal_embed(post, tally),
                               view=question_view(post.id, post.item, closed=True, right=post.item.answer_index))
        except discord.NotFound:
            log.warning("Quiz message of post %d is gone; marking it revealed", post.id)
        except discord.HTTPException as exc:
            log.error("Could not reveal quiz post %d: %s", post.id, exc)
            await asyncio.to_thread(self.quiz.release, post)
            return  # tried again next tick
        await asyncio.to_thread(self.quiz.revealed, post)

    async def recover(self) -> None:
        async with self._lock:
            await self._recover()

    async def _recover(self) -> None:
        """Posts whose sending a crash interrupted (once the claim of the process that was sending
        them has run out): find the message, or send it once if still open."""
        for post in await asyncio.to_thread(self.quiz.interrupted, self._guild_ids()):
            if not await asyncio.to_thread(self.quiz.claim, post):
                continue  # another process took it over first
            message_id = await self._find_posted(post)
            if message_id is not None:
                await asyncio.to_thread(self.quiz.mark_sent, post.id, message_id)
            elif self.quiz.still_open(post):
                await self._send(post, of=1)
            else:
                log.warning("Quiz post %d was interrupted and its window has passed; skipped", post.id)
                await asyncio.to_thread(self.quiz.mark_failed, post.id)

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
        outcome = await asyncio.to_thread(self.quiz.answer, post_id, choice, user_id, user_name)
        return answer_reply(outcome)

    async def report(self, post_id: int, user_id: int) -> str:
        new = await asyncio.to_thread(self.quiz.report, post_id, user_id)
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
        return await self.post(self.quiz.slot_now(guild_id, channel_id, questions, topic, open_for, zone))

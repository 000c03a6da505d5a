"""Students' questions: `/ask`, a mention of the bot, or a DM all get the same answer."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.answering import Answer
from bot.discord_bot.context import BotContext
from bot.discord_bot.errors import user_message
from bot.discord_bot.feedback import feedback_view
from bot.discord_bot.render import answer_embed, answer_text
from bot.core.quiz.exam import asks_about, reveals
from bot.errors import ExamModeError, InvalidInputError
from bot.store.quiz_posts import Post

log = logging.getLogger(__name__)

MAX_QUESTION = 500
HELP = "Ask me about the course notes, e.g. `@StudyBot When did the Great Leap Forward start?`"


class AskCog(commands.Cog):
    def __init__(self, bot: commands.Bot, ctx: BotContext) -> None:
        self.bot = bot
        self.ctx = ctx

    async def answer(self, question: str, *, user_id: int, guild_id: int | None,
                     channel_id: int | None) -> tuple[Answer, int]:
        """Answer off the event loop and log it; returns the answer and its id (for feedback)."""
        question = question.strip()
        if not question:
            raise InvalidInputError("Please type a question.")
        if len(question) > MAX_QUESTION:
            raise InvalidInputError(f"That question is too long ({len(question)} characters).",
                                    hint=f"Keep it under {MAX_QUESTION}.")
        def answer_and_log() -> tuple[Answer, int]:
            # One worker-thread trip: a second one would queue behind every other question.
            open_items = self._open_quiz_posts(guild_id)
            self._check_exam_mode(question, open_items)
            answer = self.ctx.service.ask(question)
            self._check_exam_mode(question, open_items, answer)
            answer_id = self.ctx.answer_log.record(
                guild_id=guild_id, channel_id=channel_id, user_id=user_id, question=question,
                tier=answer.tier, top_score=answer.top_score, at=self.ctx.clock())
            return answer, answer_id

        return await asyncio.to_thread(answer_and_log)

    def _open_quiz_posts(self, guild_id: int | None) -> list[Post]:
        now = self.ctx.clock()
        posts = self.ctx.quiz_posts
        # A DM could come from any guild's student: every open question counts there.
        return posts.open_in_guild(guild_id, now) if guild_id else posts.open_everywhere(now)

    def _check_exam_mode(self, question: str, posts: list[Post], answer: Answer | None = None) -> None:
        for post in posts:
            if answer is None and not asks_about(question, post.item):
                continue
            if answer is not None and not reveals(answer.text, (c.chunk_id for c in answer.citations), post.item):
                continue
            raise ExamModeError(f"Answer today's quiz first: the explanation comes at "
                                f"<t:{int(post.closes_at.timestamp())}:t>.")

    def cooldown_message(self, user_id: int) -> str | None:
        left = self.ctx.cooldown.try_acquire(user_id)
        return f"Please wait {left:.0f} s before asking another question." if left > 0 else None

    @app_commands.command(name="ask", description="Ask a question about the course notes")
    @app_commands.describe(question="Your question", private="Only you see the answer (default: no)")
    async def ask(self, interaction: discord.Interaction, question: app_commands.Range[str, 1, MAX_QUESTION],
                  private: bool = False) -> None:
        wait = self.cooldown_message(interaction.user.id)
        if wait:
            await interaction.response.send_message(wait, ephemeral=True)
            return
        if interaction.guild_id:  # exam mode, decided before the (maybe public) defer
            open_posts = await asyncio.to_thread(self._open_quiz_posts, interaction.guild_id)
            self._check_exam_mode(question, open_posts)
        await interaction.response.defer(ephemeral=private, thinking=True)
        answer, answer_id = await self.answer(question, user_id=interaction.user.id,
                                              guild_id=interaction.guild_id, channel_id=interaction.channel_id)
        await interaction.edit_original_response(embed=answer_embed(answer), view=feedback_view(answer_id))

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.bot.user is None:
            return
        direct = message.guild is None
        if not direct and self.bot.user not in message.mentions:
            return
        question = re.sub(rf"<@!?{self.bot.user.id}>", " ", message.content).strip()
        if not question:
            await self._reply(message, content=HELP)
            return
        wait = self.cooldown_message(message.author.id)
        if wait:
            await self._reply(message, content=wait)
            return
        try:
            async with self._typing(message):
                answer, answer_id = await self.answer(
                    question, user_id=message.author.id, guild_id=message.guild.id if message.guild else None,
                    channel_id=message.channel.id)
        except Exception as exc:  # noqa: BLE001 - one place words errors; replies are not interactions
            await self._reply(message, content=user_message(exc))
            return
        await self._reply(message, answer=answer, view=feedback_view(answer_id))

    def _typing(self, message: discord.Message):
        """"StudyBot is typing…" where the bot may post; nothing where it may not."""
        if message.guild and not message.channel.permissions_for(message.guild.me).send_messages:
            return contextlib.nullcontext()
        return message.channel.typing()

    async def _reply(self, message: discord.Message, *, content: str | None = None,
                     answer: Answer | None = None, view: discord.ui.View | None = None) -> None:
        """Reply in place; fall back to plain text without Embed Links, and to a DM when the bot
        may not post in the channel at all."""
        embed = answer_embed(answer) if answer else None
        if answer and message.guild and not message.channel.permissions_for(message.guild.me).embed_links:
            content, embed = answer_text(answer), None
        try:
            await message.reply(content=content, embed=embed, view=view, mention_author=False)
        except discord.Forbidden:
            log.warning("Cannot reply in channel %s (missing permission)", message.channel.id)
            try:
                note = (f"I can't post in <#{message.channel.id}>: I'm missing the Send Messages permission "
                        "there, so here is my reply.")
                await message.author.send(note if answer else f"{note}\n{content}",
                                          embed=answer_embed(answer) if answer else None, view=view)
            except discord.HTTPException:
                log.warning("Could not DM user %s either", message.author.id)

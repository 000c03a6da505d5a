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
from bot.discord_bot.cogs.courses import choose_view, shared_guild_ids
from bot.discord_bot.context import BotContext
from bot.discord_bot.errors import user_message
from bot.discord_bot.feedback import feedback_view
from bot.discord_bot.render import answer_embed, answer_text
from bot.services.asking import MAX_QUESTION, Asker

log = logging.getLogger(__name__)

HELP = "Ask me about the course notes, e.g. `@StudyBot When did the Great Leap Forward start?`"


class AskCog(commands.Cog):
    def __init__(self, bot: commands.Bot, ctx: BotContext) -> None:
        self.bot = bot
        self.ctx = ctx

    @app_commands.command(name="ask", description="Ask a question about the course notes")
    @app_commands.describe(question="Your question", private="Only you see the answer (default: no)")
    async def ask(self, interaction: discord.Interaction, question: app_commands.Range[str, 1, MAX_QUESTION],
                  private: bool = False) -> None:
        answered = await self.ctx.asking.ask(
            question, Asker(interaction.user.id, interaction.guild_id, interaction.channel_id),
            accepted=lambda: interaction.response.defer(ephemeral=private, thinking=True))
        await interaction.edit_original_response(embed=answer_embed(answered.answer),
                                                  view=feedback_view(answered.answer_id))

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
        try:
            course = await self._direct_course(message, question) if direct else None
            if direct and course is None:
                return  # asked which course first; the choice answers the question
            asker = Asker(message.author.id, message.guild.id if message.guild else None, message.channel.id, course)
            async with self._typing(message):
                answered = await self.ctx.asking.ask(question, asker)
        except Exception as exc:  # noqa: BLE001 - one place words errors; replies are not interactions
            await self._reply(message, content=user_message(exc))
            return
        await self._reply(message, answer=answered.answer, view=feedback_view(answered.answer_id))

    async def _direct_course(self, message: discord.Message, question: str) -> str | None:
        """The course a direct message goes to: the one course of the student's servers, or the
        one they chose; None when they must choose first (they are sent the menu, and the
        question waits for the choice)."""
        user_id = message.author.id
        guild_ids = await shared_guild_ids(self.bot, self.ctx, user_id)
        route = await asyncio.to_thread(self.ctx.servers.for_dm, user_id, guild_ids)
        if route.course is not None:
            return route.course
        self.bot.waiting_questions[user_id] = question  # type: ignore[attr-defined]
        await message.reply(content="You are in several classes with me: which course is your question about? "
                                    "I'll remember your choice (`/course choose` changes it).",
                            view=choose_view(user_id, route.choices), mention_author=False)
        return None

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

"""The discord.py client: intents, command sync, cogs, persistent buttons, the error handler."""

from __future__ import annotations

import asyncio
import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot.cogs.ask import AskCog
from bot.discord_bot.cogs.corpus import CorpusCog, ReindexCog
from bot.discord_bot.cogs.courses import CourseCog, CourseSelect
from bot.discord_bot.cogs.quiz import QuizCog
from bot.discord_bot.cogs.quiz_drafts import DraftButton
from bot.discord_bot.cogs.review import ReviewButton, ReviewCog
from bot.discord_bot.cogs.status import StatusCog
from bot.discord_bot.context import BotContext
from bot.discord_bot.errors import report_error
from bot.discord_bot.feedback import FeedbackButton
from bot.discord_bot.quiz_buttons import AnswerButton, ReportButton
from bot.discord_bot.quiz_engine import QuizEngine

log = logging.getLogger(__name__)


class StudyBot(commands.Bot):
    def __init__(self, ctx: BotContext, **options) -> None:
        # Default intents only: mentions and DMs carry their text without the privileged
        # Message Content intent. Nobody is ever pinged from user text.
        super().__init__(command_prefix=commands.when_mentioned, intents=discord.Intents.default(),
                         allowed_mentions=discord.AllowedMentions.none(), help_command=None, **options)
        self.ctx = ctx
        self.quiz = QuizEngine(self, ctx)
        # A student's direct message that waits for them to choose its course: {user id: question}.
        self.waiting_questions: dict[int, str] = {}
        self.tree.on_error = self.on_app_command_error

    async def setup_hook(self) -> None:
        await self.add_cog(AskCog(self, self.ctx))
        await self.add_cog(CorpusCog(self, self.ctx))
        await self.add_cog(ReindexCog(self, self.ctx))
        await self.add_cog(StatusCog(self, self.ctx))
        await self.add_cog(CourseCog(self, self.ctx))
        await self.add_cog(QuizCog(self, self.ctx, self.quiz))
        await self.add_cog(ReviewCog(self, self.ctx))
        self.add_dynamic_items(FeedbackButton, AnswerButton, ReportButton, ReviewButton, DraftButton, CourseSelect)
        await self.sync_commands()
        self.quiz.start()

    async def close(self) -> None:
        await self.quiz.stop()  # discord.py does not stop background tasks by itself
        await super().close()

    async def sync_commands(self) -> None:
        guild_ids = self.ctx.settings.discord_guild_ids
        if not guild_ids:
            synced = await self.tree.sync()
            log.info("Synced %d global commands (Discord may take a while to show them)", len(synced))
            return
        for guild_id in guild_ids:
            guild = discord.Object(guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("Synced %d commands to guild %s", len(synced), guild_id)

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: mentions and DMs are questions, handled by the ask cog."""

    async def on_ready(self) -> None:
        log.info("Connected as %s (id %s) to %d guilds", self.user, self.user.id if self.user else "?",
                 len(self.guilds))
        # Other processes (a direct message's) learn which servers this one serves.
        await asyncio.to_thread(self.ctx.servers.serving, [g.id for g in self.guilds], self.serves)

    def serves(self, guild_id: int) -> bool:
        """Whether Discord sends this server's events to this process (unsharded: every server)."""
        return True

    async def on_guild_join(self, guild: discord.Guild) -> None:
        await asyncio.to_thread(self.ctx.servers.joined, guild.id)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await asyncio.to_thread(self.ctx.servers.left, guild.id)

    async def on_app_command_error(self, interaction: discord.Interaction,
                                   error: app_commands.AppCommandError) -> None:
        await report_error(interaction, error)


class ShardedStudyBot(StudyBot, commands.AutoShardedBot):
    """The same bot running some of the bot's shards (SHARD_IDS of SHARD_COUNT): Discord sends
    this process the events of the servers on those shards only, so several processes split
    the servers between them."""

    def serves(self, guild_id: int) -> bool:
        return (guild_id >> 22) % self.shard_count in (self.shard_ids or range(self.shard_count))


def make_bot(ctx: BotContext) -> StudyBot:
    """The bot the settings ask for: unsharded, or this process's shards."""
    settings = ctx.settings
    if settings.shard_count is None:
        return StudyBot(ctx)
    return ShardedStudyBot(ctx, shard_count=settings.shard_count, shard_ids=settings.shard_ids or None)

"""Moderators manage their server's course notes from Discord: upload (the first upload gives the
server a course of its own), list, remove, reindex, and see the questions the notes could not
answer. Questions keep being answered from the old index meanwhile, and other courses are not
touched."""

from __future__ import annotations

import asyncio
import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import limits
from bot.discord_bot.access import require_role
from bot.discord_bot.context import BotContext
from bot.discord_bot.progress import ProgressReporter
from bot.discord_bot.render import report_text
from bot.errors import InvalidInputError, ReindexInProgressError, StudyBotError

log = logging.getLogger(__name__)



async def with_progress(ctx: BotContext, interaction: discord.Interaction, title: str, work):
    """Run `work(progress)` in a worker thread, editing the deferred reply with its progress."""
    reporter = ProgressReporter(title, lambda text: interaction.edit_original_response(content=text),
                                ctx.progress_interval)
    return await reporter.run(asyncio.to_thread(work, reporter))


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class CorpusCog(commands.GroupCog, group_name="corpus", group_description="Manage the course notes"):
    def __init__(self, bot: commands.Bot, ctx: BotContext) -> None:
        self.bot = bot
        self.ctx = ctx
        super().__init__()

    def _moderator(self, interaction: discord.Interaction) -> None:
        require_role(interaction, self.ctx.settings.moderator_role, "manage the course notes")

    @app_commands.command(name="upload", description="Add a document (.txt, .md, .pdf, .docx) to the notes")
    @app_commands.describe(file="The document to add; a file of the same name is replaced")
    async def upload(self, interaction: discord.Interaction, file: discord.Attachment) -> None:
        self._moderator(interaction)
        limit = int(self.ctx.settings.upload_max_mb * 1_000_000)
        if file.size > limit:
            raise InvalidInputError(f"{file.filename} is {file.size / 1e6:.1f} MB; the limit is "
                                    f"{self.ctx.settings.upload_max_mb:g} MB.", hint="Nothing was changed.")
        course = await asyncio.to_thread(self.ctx.servers.own_course, interaction.guild_id)
        if course is not None and course.reindexing:
            raise ReindexInProgressError("A reindex is running.", hint="Upload again when it has finished.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        guild_name = interaction.guild.name if interaction.guild else str(interaction.guild_id)
        change = await with_progress(
            self.ctx, interaction, f"Adding {file.filename}…",
            lambda progress: self.ctx.servers.upload(interaction.guild_id, guild_name, interaction.user.id,
                                                     file.filename, data, progress))
        verb = "Replaced" if change.replaced else "Added"
        await interaction.edit_original_response(content=limits.clip(
            f"{verb} **{change.name}**: {change.chunks} chunks indexed "
            f"({change.report.embedded} newly embedded). Students can ask about it now.", limits.MESSAGE))

    @app_commands.command(name="list", description="The documents in the notes")
    async def list_documents(self, interaction: discord.Interaction) -> None:
        self._moderator(interaction)
        documents = await asyncio.to_thread(lambda: self.ctx.servers.of_guild(interaction.guild_id).documents())
        if not documents:
            await interaction.response.send_message("The notes are empty: upload a document with "
                                                    "`/corpus upload`.", ephemeral=True)
            return
        lines = [f"• **{name}**: {d.chunks} chunks, indexed {d.indexed_at[:10]}" for name, d in documents.items()]
        total = sum(d.chunks for d in documents.values())
        embed = discord.Embed(title=f"Course notes: {len(documents)} documents, {total} chunks",
                              description=limits.fit_lines(lines, limits.EMBED_DESCRIPTION))
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="remove", description="Remove a document and its chunks from the notes")
    @app_commands.describe(name="The document to remove")
    async def remove(self, interaction: discord.Interaction, name: str) -> None:
        self._moderator(interaction)
        course = await asyncio.to_thread(self.ctx.servers.owned, interaction.guild_id)
        await interaction.response.defer(ephemeral=True, thinking=True)
        change = await with_progress(self.ctx, interaction, f"Removing {name}…",
                                     lambda progress: course.remove_document(name, progress))
        await interaction.edit_original_response(
            content=limits.clip(f"Removed **{change.name}** and its {change.chunks} chunks.", limits.MESSAGE))

    @remove.autocomplete("name")
    async def _document_names(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        try:
            names = await asyncio.to_thread(lambda: list(self.ctx.servers.of_guild(interaction.guild_id).documents()))
        except StudyBotError:  # no course here: nothing to suggest
            return []
        matching = [n for n in names if current.lower() in n.lower()]
        return [app_commands.Choice(name=limits.clip(n, 100), value=n) for n in matching[:25] if len(n) <= 100]

    @app_commands.command(name="gaps", description="Recent questions the notes could not answer")
    async def gaps(self, interaction: discord.Interaction) -> None:
        self._moderator(interaction)

        def course_gaps():
            # The course's gaps, from every server that uses it and direct messages to it.
            course = self.ctx.servers.name_of(interaction.guild_id)
            return course, (self.ctx.asking.gaps(course) if course else [])

        course, gaps = await asyncio.to_thread(course_gaps)
        if not gaps:
            await interaction.response.send_message("No unanswered questions in the last 30 days.", ephemeral=True)
            return
        lines = [f"**{g.times_asked}×** {limits.clip(g.question, 200)}" for g in gaps]
        embed = discord.Embed(title=limits.clip(f"Questions the notes of {course} could not answer (last 30 days)",
                                                limits.EMBED_TITLE),
                              description=limits.fit_lines(lines, limits.EMBED_DESCRIPTION))
        embed.set_footer(text="Most asked first, in every server that uses these notes. Adding notes on these "
                              "topics helps the next students.")
        await interaction.response.send_message(embed=embed, ephemeral=True)


class ReindexCog(commands.Cog):
    def __init__(self, bot: commands.Bot, ctx: BotContext) -> None:
        self.bot = bot
        self.ctx = ctx

    @app_commands.command(name="reindex", description="Rebuild the index from the corpus folder")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    async def reindex(self, interaction: discord.Interaction) -> None:
        require_role(interaction, self.ctx.settings.moderator_role, "reindex the course notes")
        course = await asyncio.to_thread(self.ctx.servers.owned, interaction.guild_id)
        if course.reindexing:
            raise ReindexInProgressError("A reindex is already running.",
                                         hint="You'll see its summary when it finishes.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        report = await with_progress(self.ctx, interaction, "Reindexing the course notes…", course.reindex)
        await interaction.edit_original_response(content=report_text(report))

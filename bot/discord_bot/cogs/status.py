"""`/status`: what the bot is serving and how it is doing."""

from __future__ import annotations

import asyncio
import time

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot.context import BotContext
from bot.service import StudyService
from bot.services.courses_servers import NoCourseError


class StatusCog(commands.Cog):
    def __init__(self, bot: commands.Bot, ctx: BotContext) -> None:
        self.bot = bot
        self.ctx = ctx

    @app_commands.command(name="status", description="Index size, model, last reindex, uptime and latency")
    async def status(self, interaction: discord.Interaction) -> None:
        course = await asyncio.to_thread(self._course, interaction.guild_id)
        info = (await asyncio.to_thread(course.info)).to_dict() if course else {"built": False}
        embed = discord.Embed(title="StudyBot status", colour=discord.Colour.blurple())
        if course is None:
            embed.add_field(name="Notes", value="This server has no course notes yet: a moderator can add "
                            "some with /corpus upload.")
        elif info["built"]:
            embed.add_field(name="Course", value=info["course"])
            embed.add_field(name="Notes", value=f"{info['document_count']} documents, {info['chunk_count']} chunks")
            embed.add_field(name="Model", value=f"{info['model']} ({info['dimension']}-d, {info['index_kind']} index)")
            embed.add_field(name="Last reindex", value=info["built_at"].replace("T", " ").replace("+00:00", " UTC"))
        else:
            embed.add_field(name="Notes", value="No index yet: a moderator can run /reindex.")
        if course is not None and course.reindexing:
            embed.add_field(name="Reindex", value="running now")
        embed.add_field(name="Uptime", value=_uptime(time.monotonic() - self.ctx.started_at))
        latency = self.bot.latency
        embed.add_field(name="Gateway latency", value=f"{latency * 1000:.0f} ms" if latency == latency else "n/a")
        await interaction.response.send_message(embed=embed, ephemeral=True)

    def _course(self, guild_id: int | None) -> StudyService | None:
        """The server's course (None: it has none); a direct message's status is the default course's."""
        if guild_id is None:
            return self.ctx.service
        try:
            return self.ctx.servers.of_guild(guild_id)
        except NoCourseError:
            return None


def _uptime(seconds: float) -> str:
    minutes, _ = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h {minutes} min" if days else f"{hours} h {minutes} min"

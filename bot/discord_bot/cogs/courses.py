"""Courses on Discord. `/course use` points a server at an existing course (a teacher with Manage
Server in a server that owns it); `/course choose` lets a student pick the course their direct
messages go to, with a select menu that is also offered when a direct message could belong to
several courses."""

from __future__ import annotations

import asyncio
import logging
import re

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import limits
from bot.discord_bot.access import require_role
from bot.discord_bot.context import BotContext
from bot.discord_bot.errors import report_error
from bot.discord_bot.feedback import feedback_view
from bot.discord_bot.render import answer_embed
from bot.services.asking import Asker

log = logging.getLogger(__name__)

MAX_CHOICES = 25  # Discord's limit on a select menu's options


async def member_of(bot: commands.Bot, guild_id: int, user_id: int) -> discord.Member | None:
    """The user as a member of a server, or None. The server may be on another process's shard
    (not in this one's cache), and without the privileged members intent the cache rarely holds
    members anyway: Discord is asked then."""
    guild = bot.get_guild(guild_id)
    try:
        if guild is None:
            guild = await bot.fetch_guild(guild_id, with_counts=False)
        return guild.get_member(user_id) or await guild.fetch_member(user_id)
    except discord.HTTPException:  # NotFound: not a member (or not a server of the bot); Forbidden: cannot tell
        return None


async def is_member(bot: commands.Bot, guild_id: int, user_id: int) -> bool:
    """Whether the user is in the server: as `member_of`, in one request for a server of another
    process (its roles are not needed)."""
    if bot.get_guild(guild_id) is not None:
        return await member_of(bot, guild_id, user_id) is not None
    try:
        await bot.http.get_member(guild_id, user_id)
    except discord.HTTPException:
        return False
    return True


async def shared_guild_ids(bot: commands.Bot, ctx: BotContext, user_id: int) -> list[int]:
    """The servers with a course that the user shares with the bot: this process's and those of
    the other processes' shards (Discord sends every direct message to shard 0's process)."""
    with_course = await asyncio.to_thread(ctx.servers.with_course, [g.id for g in bot.guilds])
    found = await asyncio.gather(*(is_member(bot, g, user_id) for g in with_course))
    return [g for g, yes in zip(with_course, found) if yes]


def choose_view(user_id: int, choices: tuple[str, ...], current: str | None = None) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(CourseSelect(user_id, choices, current))
    return view


class CourseSelect(discord.ui.DynamicItem[discord.ui.Select], template=r"course:pick:(?P<owner>[0-9]+)"):
    """The menu of a student's courses; the choice is kept (the state is in the custom_id, so it
    works after a restart) and a question that was waiting for it is answered."""

    def __init__(self, owner_id: int, choices: tuple[str, ...] = (), current: str | None = None) -> None:
        options = [discord.SelectOption(label=limits.clip(name, 100), value=name, default=name == current)
                   for name in choices[:MAX_CHOICES]]
        super().__init__(discord.ui.Select(custom_id=f"course:pick:{owner_id}", placeholder="Choose a course",
                                           options=options, min_values=1, max_values=1))
        self.owner_id = owner_id

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]) -> "CourseSelect":
        return cls(int(match["owner"]))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message("That menu is someone else's.", ephemeral=True)
        return False

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = interaction.client
        ctx: BotContext = bot.ctx  # type: ignore[attr-defined]
        try:
            course = self.item.values[0]
            guild_ids = await shared_guild_ids(bot, ctx, interaction.user.id)
            await asyncio.to_thread(ctx.servers.choose_for_dm, interaction.user.id, course, guild_ids)
            await interaction.response.edit_message(
                content=f"Your direct messages go to the course **{course}** from now on "
                        "(`/course choose` changes it).", view=None)
            waiting = bot.waiting_questions.pop(interaction.user.id, None)  # type: ignore[attr-defined]
            if waiting is not None:
                answered = await ctx.asking.ask(waiting, Asker(interaction.user.id, None, interaction.channel_id,
                                                               course))
                await interaction.followup.send(embed=answer_embed(answered.answer),
                                                view=feedback_view(answered.answer_id))
        except Exception as exc:  # noqa: BLE001 - one place words errors
            await report_error(interaction, exc)


class CourseCog(commands.GroupCog, group_name="course", group_description="Which course's notes are used"):
    def __init__(self, bot: commands.Bot, ctx: BotContext) -> None:
        self.bot = bot
        self.ctx = ctx
        super().__init__()

    @app_commands.command(name="use", description="Serve this server from an existing course (shared notes)")
    @app_commands.describe(name="The course (its name is in /status of a server that uses it)")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    async def use(self, interaction: discord.Interaction, name: str) -> None:
        require_role(interaction, self.ctx.settings.moderator_role, "choose this server's course")
        owners = await asyncio.to_thread(self.ctx.servers.owners_of, name)
        members = await asyncio.gather(*(member_of(self.bot, g, interaction.user.id) for g in owners))
        managed = [g for g, member in zip(owners, members) if member is not None and member.guild_permissions.manage_guild]
        service = await asyncio.to_thread(self.ctx.servers.point, interaction.guild_id, name, interaction.user.id,
                                          managed)
        await interaction.response.send_message(
            f"This server now uses the course **{service.name}**: questions, quizzes and /corpus list "
            "follow its notes.", ephemeral=True)

    @use.autocomplete("name")
    async def _course_names(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        """The courses this teacher may point the server at (those owned by a server where they
        have Manage Server, this server's own, the default when it is open to all) whose name
        holds what they typed."""
        candidates = await asyncio.to_thread(self.ctx.servers.courses_matching, current, MAX_CHOICES)
        owner_guilds = sorted({g for owners in candidates.values() for g in owners} - {interaction.guild_id})
        members = await asyncio.gather(*(member_of(self.bot, g, interaction.user.id) for g in owner_guilds))
        managed = [g for g, m in zip(owner_guilds, members) if m is not None and m.guild_permissions.manage_guild]
        return [app_commands.Choice(name=name, value=name) for name, owners in candidates.items()
                if self.ctx.servers.may_point(name, interaction.guild_id, owners, managed)]

    @app_commands.command(name="choose", description="Choose the course your direct messages go to")
    async def choose(self, interaction: discord.Interaction) -> None:
        guild_ids = await shared_guild_ids(self.bot, self.ctx, interaction.user.id)
        route = await asyncio.to_thread(self.ctx.servers.for_dm, interaction.user.id, guild_ids)
        if len(route.choices) < 2:
            await interaction.response.send_message(
                f"Your direct messages go to the course **{route.course}**: it is the only one of your servers.",
                ephemeral=True)
            return
        await interaction.response.send_message("Which course should your direct messages go to?",
                                                view=choose_view(interaction.user.id, route.choices, route.course),
                                                ephemeral=True)

"""`/quiz`: teachers schedule daily questions in their channels, post one now, add their own
questions and retire reported ones. Students are refused these privately."""

from __future__ import annotations

import asyncio
import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.quiz.schedule import format_days, format_duration, format_time, parse_duration
from bot.discord_bot import limits
from bot.discord_bot.access import require_role
from bot.discord_bot.cogs.quiz_drafts import QuizDraftCommands
from bot.discord_bot.cogs.quiz_results import QuizResultsCommands
from bot.discord_bot.context import BotContext
from bot.discord_bot.errors import report_error
from bot.discord_bot.quiz_engine import QuizEngine
from bot.errors import NotFoundError

log = logging.getLogger(__name__)

COMMON_ZONES = ["UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "America/New_York", "America/Chicago",
                "America/Denver", "America/Los_Angeles", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo",
                "Australia/Sydney", "Pacific/Auckland"]


class QuizCog(QuizResultsCommands, QuizDraftCommands, commands.GroupCog, group_name="quiz",
              group_description="Daily quiz questions from the notes"):
    def __init__(self, bot: commands.Bot, ctx: BotContext, engine: QuizEngine) -> None:
        self.bot = bot
        self.ctx = ctx
        self.engine = engine
        super().__init__()

    def _teacher(self, interaction: discord.Interaction) -> None:
        require_role(interaction, self.ctx.settings.teacher_role, "manage quizzes")

    @app_commands.command(name="schedule", description="Post quiz questions in a channel on a schedule")
    @app_commands.describe(channel="Where to post", time="Local time, 24-hour HH:MM", timezone="IANA name, e.g. Europe/London",
                           days="mon-fri, daily, weekends, or e.g. mon,wed,fri", questions="Questions per post (1-5)",
                           open_for="How long answers are open, e.g. 2h or 45m", topic="Only questions from this document or section")
    async def schedule(self, interaction: discord.Interaction, channel: discord.TextChannel, time: str, timezone: str,
                       days: str = "mon-fri", questions: app_commands.Range[int, 1, 5] = 1,
                       open_for: str | None = None, topic: str = "") -> None:
        self._teacher(interaction)
        self.engine.check_channel(channel)
        saved = await asyncio.to_thread(
            lambda: self.ctx.quiz.add_schedule(guild_id=interaction.guild_id, channel_id=channel.id, local_time=time,
                                               timezone=timezone, days=days, questions=questions, open_for=open_for,
                                               topic=topic, created_by=interaction.user.id))
        await interaction.response.send_message(
            f"Quiz schedule **#{saved.id}** created: {_describe(saved)}.", ephemeral=True)

    @schedule.autocomplete("timezone")
    async def _zones(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        from zoneinfo import available_timezones

        names = COMMON_ZONES if not current else sorted(z for z in available_timezones() if current.lower() in z.lower())
        return [app_commands.Choice(name=z, value=z) for z in names[:25]]

    @app_commands.command(name="list", description="The quiz schedules of this server")
    async def list_schedules(self, interaction: discord.Interaction) -> None:
        self._teacher(interaction)
        schedules = await asyncio.to_thread(self.ctx.quiz.schedules_of, interaction.guild_id)
        if not schedules:
            await interaction.response.send_message("No quiz schedules yet: create one with `/quiz schedule`.",
                                                    ephemeral=True)
            return
        lines = [f"**#{s.id}**{' (paused)' if s.paused else ''}: {_describe(s)}" for s in schedules]
        embed = discord.Embed(title="Quiz schedules", description=limits.fit_lines(lines, limits.EMBED_DESCRIPTION))
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="pause", description="Pause a quiz schedule")
    async def pause(self, interaction: discord.Interaction, id: int) -> None:
        await self._set_paused(interaction, id, True)

    @app_commands.command(name="resume", description="Resume a paused quiz schedule")
    async def resume(self, interaction: discord.Interaction, id: int) -> None:
        await self._set_paused(interaction, id, False)

    async def _set_paused(self, interaction: discord.Interaction, schedule_id: int, paused: bool) -> None:
        self._teacher(interaction)
        schedule = await asyncio.to_thread(self.ctx.quiz.set_paused, interaction.guild_id, schedule_id, paused)
        await interaction.response.send_message(
            f"Quiz schedule **#{schedule.id}** {'paused' if paused else 'resumed'}.", ephemeral=True)

    @app_commands.command(name="remove", description="Delete a quiz schedule")
    async def remove(self, interaction: discord.Interaction, id: int) -> None:
        self._teacher(interaction)
        schedule = await asyncio.to_thread(self.ctx.quiz.remove_schedule, interaction.guild_id, id)
        await interaction.response.send_message(f"Quiz schedule **#{schedule.id}** removed.", ephemeral=True)

    @app_commands.command(name="now", description="Post quiz questions right away")
    @app_commands.describe(channel="Where to post (default: here)", questions="How many (1-5)",
                           open_for="How long answers are open, e.g. 30m", topic="Only questions from this document or section")
    async def now(self, interaction: discord.Interaction, channel: discord.TextChannel | None = None,
                  questions: app_commands.Range[int, 1, 5] = 1, open_for: str = "1h", topic: str = "") -> None:
        self._teacher(interaction)
        target = channel or interaction.channel
        self.engine.check_channel(target)
        duration = parse_duration(open_for)
        await interaction.response.defer(ephemeral=True, thinking=True)
        posts = await self.engine.post_now(interaction.guild_id, target.id, questions, topic, duration)
        if not posts:
            raise NotFoundError("There are no quiz questions to post" + (f" on {topic!r}." if topic else "."),
                                hint="Reindex the notes, or add questions with `/quiz add`.")
        await interaction.edit_original_response(
            content=f"Posted {len(posts)} question(s) in <#{target.id}>; answers open for {format_duration(duration)}.")

    @app_commands.command(name="add", description="Add your own multiple-choice question to the bank")
    async def add(self, interaction: discord.Interaction) -> None:
        self._teacher(interaction)
        await interaction.response.send_modal(AddQuestionModal(self.ctx))

    @app_commands.command(name="reports", description="Questions students reported")
    async def reports(self, interaction: discord.Interaction) -> None:
        self._teacher(interaction)
        reported = await asyncio.to_thread(self.ctx.quiz.reported, interaction.guild_id)
        if not reported:
            await interaction.response.send_message("No reported questions.", ephemeral=True)
            return
        lines = [f"**{count}×** `{item.id}`: {limits.clip(item.prompt, 150)} (answer: {limits.clip(item.answer, 60)})"
                 for item, count in reported]
        embed = discord.Embed(title="Reported quiz questions", description=limits.fit_lines(lines, limits.EMBED_DESCRIPTION))
        embed.set_footer(text="Retire a question with /quiz retire item:<id>; it will not be posted again.")
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="retire", description="Stop posting a question in this server")
    @app_commands.describe(item="The question id (see /quiz reports)")
    async def retire(self, interaction: discord.Interaction, item: str) -> None:
        self._teacher(interaction)
        await asyncio.to_thread(self.ctx.quiz.retire, interaction.guild_id, item, interaction.user.id)
        await interaction.response.send_message(f"Question `{item}` retired: it will not be posted again here.",
                                                ephemeral=True)


def _describe(schedule) -> str:
    topic = f", topic “{schedule.topic}”" if schedule.topic else ""
    return (f"<#{schedule.channel_id}> at {format_time(schedule.local_time)} {schedule.timezone}, "
            f"{format_days(schedule.days)}, {schedule.questions} question(s) open for "
            f"{format_duration(schedule.open_for)}{topic}")


class AddQuestionModal(discord.ui.Modal, title="Add a quiz question"):
    question = discord.ui.TextInput(label="Question", style=discord.TextStyle.paragraph, max_length=256)
    answer = discord.ui.TextInput(label="Right answer", max_length=80)
    wrong = discord.ui.TextInput(label="Wrong options (one per line, 1 to 3)", style=discord.TextStyle.paragraph,
                                 max_length=250)
    explanation = discord.ui.TextInput(label="Explanation (optional)", style=discord.TextStyle.paragraph,
                                       required=False, max_length=1000)

    def __init__(self, ctx: BotContext) -> None:
        super().__init__()
        self.ctx = ctx

    async def on_submit(self, interaction: discord.Interaction) -> None:
        wrong = [line.strip() for line in self.wrong.value.splitlines() if line.strip()]
        await interaction.response.defer(ephemeral=True, thinking=True)
        item = await asyncio.to_thread(
            lambda: self.ctx.servers.owned(interaction.guild_id).add_quiz_question(
                self.question.value, self.answer.value, wrong, self.explanation.value, str(interaction.user)))
        await interaction.edit_original_response(
            content=f"Added question `{item.id}` to the bank: it can be posted from now on.")

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        await report_error(interaction, error)


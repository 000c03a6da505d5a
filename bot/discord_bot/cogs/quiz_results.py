"""`/quiz leaderboard | me | stats | export | forget-me`: what students and teachers see of the
results. Mixed into the `/quiz` group (see cogs/quiz.py)."""

from __future__ import annotations

import asyncio
import io

import discord
from discord import app_commands

from bot.discord_bot import limits

PERIODS = [app_commands.Choice(name=p, value=p) for p in ("week", "month", "all")]


class QuizResultsCommands:
    """Needs `self.ctx` and `self._teacher` from the cog it is mixed into."""

    @app_commands.command(name="leaderboard", description="Top ten of the class, and your own rank")
    @app_commands.choices(period=PERIODS)
    async def leaderboard(self, interaction: discord.Interaction, period: str = "week") -> None:
        board = await asyncio.to_thread(self.ctx.results.leaderboard, interaction.guild_id, interaction.user.id, period)
        top, mine = board.top, board.mine
        if not top:
            await interaction.response.send_message("No quiz answers yet in this period.", ephemeral=True)
            return
        lines = [f"**{row.rank}.** {discord.utils.escape_markdown(row.user_name)}: {row.right} right of {row.answered}"
                 for row in top]
        embed = discord.Embed(title=f"Quiz leaderboard ({'all time' if period == 'all' else 'this ' + period})",
                              description=limits.fit_lines(lines, limits.EMBED_DESCRIPTION), colour=discord.Colour.gold())
        embed.set_footer(text=f"Your rank: {mine.rank} ({mine.right} right of {mine.answered})" if mine
                         else "You have no answers in this period yet.")
        await interaction.response.send_message(embed=embed)

    @app_commands.command(name="me", description="Your own quiz record (only you see it)")
    async def me(self, interaction: discord.Interaction) -> None:
        record, due = await asyncio.to_thread(self.ctx.results.record, interaction.guild_id, interaction.user.id)
        embed = discord.Embed(title="Your quiz record", colour=discord.Colour.blurple())
        share = f" ({record.right / record.answered:.0%})" if record.answered else ""
        embed.add_field(name="Answered", value=str(record.answered))
        embed.add_field(name="Right", value=f"{record.right}{share}")
        embed.add_field(name="Streak", value=f"{record.streak} (best {record.best_streak})")
        weakest = [f"{limits.clip(s.section, 120)}: {s.right} of {s.answered}" for s in record.weakest]
        embed.add_field(name="Weakest sections", value=limits.fit_lines(weakest, 1024) if weakest else "none yet",
                        inline=False)
        embed.add_field(name="Review", value=f"{due} card(s) due: use /review" if due else "nothing due", inline=False)
        await interaction.response.send_message(embed=embed, ephemeral=True)

    @app_commands.command(name="stats", description="Per-question results, with a chart (teachers)")
    @app_commands.choices(period=PERIODS)
    async def stats(self, interaction: discord.Interaction, schedule: int | None = None, period: str = "all") -> None:
        self._teacher(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await asyncio.to_thread(self.ctx.results.stats, interaction.guild_id, period, schedule)
        stats, chart = result.questions, result.chart
        if not stats:
            await interaction.edit_original_response(content="No revealed quiz questions in this period yet.")
            return
        lines = []
        for n, s in enumerate(stats, 1):
            wrong = f" · most chosen wrong: {limits.clip(s.most_chosen_wrong[0], 60)} ({s.most_chosen_wrong[1]})" \
                if s.most_chosen_wrong else ""
            lines.append(f"**Q{n}** {limits.clip(s.item.prompt, 90)}\n{s.right}/{s.answered} right "
                         f"({s.share_right:.0%}){wrong}")
        embed = discord.Embed(title="Quiz results per question", colour=discord.Colour.green(),
                              description=limits.fit_lines(lines, limits.EMBED_DESCRIPTION, "\n\n"))
        embed.set_image(url="attachment://quiz-stats.png")
        await interaction.edit_original_response(embed=embed,
                                                 attachments=[discord.File(io.BytesIO(chart), "quiz-stats.png")])

    @app_commands.command(name="export", description="All answers as a CSV file (teachers)")
    @app_commands.choices(period=PERIODS)
    async def export(self, interaction: discord.Interaction, period: str = "all") -> None:
        self._teacher(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        export = await asyncio.to_thread(self.ctx.results.export, interaction.guild_id, period)
        await interaction.edit_original_response(
            content=f"{export.answers} answers ({period}).",
            attachments=[discord.File(io.BytesIO(export.csv), "quiz-answers.csv")])

    @app_commands.command(name="forget-me", description="Erase your quiz answers, scores and review cards")
    async def forget_me(self, interaction: discord.Interaction) -> None:
        view = ForgetConfirm(self.ctx, interaction.user.id, interaction.guild_id)
        await interaction.response.send_message(
            "This erases your quiz answers, scores, streaks, review cards, the questions you asked and your votes "
            "in this server, and the course you chose for your direct messages. It cannot be undone.", view=view, ephemeral=True)


class ForgetConfirm(discord.ui.View):
    def __init__(self, ctx, user_id: int, guild_id: int) -> None:
        super().__init__(timeout=300)
        self.ctx, self.user_id, self.guild_id = ctx, user_id, guild_id

    @discord.ui.button(label="Erase my data", style=discord.ButtonStyle.danger)
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        erased = await asyncio.to_thread(self.ctx.results.forget, self.guild_id, self.user_id)
        summary = ", ".join(f"{n} {what}" for what, n in erased.items() if n) or "nothing was stored about you"
        await interaction.response.edit_message(content=f"Done. Erased: {summary}.", view=None)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.edit_message(content="Nothing was erased.", view=None)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return interaction.user.id == self.user_id


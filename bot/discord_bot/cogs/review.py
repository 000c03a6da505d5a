"""`/review`: a student's due spaced-review cards, privately, one at a time. The card id and the
choice live in each button's custom_id, so a review can go on after a restart."""

from __future__ import annotations

import asyncio
import re

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot import limits
from bot.discord_bot.context import BotContext
from bot.discord_bot.errors import report_error
from bot.discord_bot.quiz_render import LETTERS, choice_label


def card_embed(card, due_count: int) -> discord.Embed:
    item = card.item
    options = "" if item.kind == "true_false" else "\n" + "\n".join(
        f"**{LETTERS[i]}.** {limits.clip(o, 300)}" for i, o in enumerate(item.options))
    embed = discord.Embed(title=f"Review ({due_count} due)", colour=discord.Colour.blurple(),
                          description=limits.clip(item.prompt + "\n" + options, limits.EMBED_DESCRIPTION))
    embed.set_footer(text="Questions you missed come back until you know them.")
    return embed


def card_view(card) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for index in range(len(card.item.options)):
        view.add_item(ReviewButton(card.id, index, choice_label(card.item, index)))
    return view


def nothing_due_text(next_due) -> str:
    if next_due is None:
        return ("You have no review cards yet. Answer the daily quiz questions: the ones you miss (and later "
                "the ones you get right) come back here.")
    return f"Nothing due right now. Your next card is due <t:{int(next_due.timestamp())}:f> (<t:{int(next_due.timestamp())}:R>)."


async def next_card_message(ctx: BotContext, guild_id: int, user_id: int) -> dict:
    def load():
        now = ctx.clock()
        due = ctx.reviews.due(guild_id, user_id, now, limit=1)
        return due, ctx.reviews.count_due(guild_id, user_id, now), ctx.reviews.next_due(guild_id, user_id)

    due, count, next_due = await asyncio.to_thread(load)
    if not due:
        return {"content": nothing_due_text(next_due), "embed": None, "view": None}
    return {"content": None, "embed": card_embed(due[0], count), "view": card_view(due[0])}


class ReviewButton(discord.ui.DynamicItem[discord.ui.Button], template=r"rv:(?P<card>[0-9]+):(?P<choice>[0-9])"):
    def __init__(self, card_id: int, choice: int, label: str = "?") -> None:
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.primary,
                                           custom_id=f"rv:{card_id}:{choice}"))
        self.card_id = card_id
        self.choice = choice

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]) -> "ReviewButton":
        return cls(int(match["card"]), int(match["choice"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            ctx: BotContext = interaction.client.ctx  # type: ignore[attr-defined]
            card = await asyncio.to_thread(ctx.reviews.get, self.card_id)
            if card is None or card.user_id != interaction.user.id:
                await interaction.response.send_message("That review card is not yours.", ephemeral=True)
                return
            item = card.item
            correct = self.choice == item.answer_index
            await asyncio.to_thread(ctx.reviews.grade, self.card_id, interaction.user.id, correct, ctx.clock())
            verdict = "✅ Right!" if correct else f"❌ Not quite: the answer is **{choice_label(item, item.answer_index)}**" \
                                                  f" ({limits.clip(item.answer, 200)})."
            source = f"\n> {limits.clip(item.source.quote, 500)}\n{item.source.label()}" if item.source else ""
            following = await next_card_message(ctx, card.guild_id, interaction.user.id)
            content = limits.clip(f"{verdict}{source}\n\n{following['content'] or 'Next card:'}", limits.MESSAGE)
            await interaction.response.edit_message(content=content, embed=following["embed"],
                                                    view=following["view"])
        except Exception as exc:  # noqa: BLE001
            await report_error(interaction, exc)


class ReviewCog(commands.Cog):
    def __init__(self, bot: commands.Bot, ctx: BotContext) -> None:
        self.bot = bot
        self.ctx = ctx

    @app_commands.command(name="review", description="Review the quiz questions you missed (only you see it)")
    @app_commands.guild_only()
    async def review(self, interaction: discord.Interaction) -> None:
        message = await next_card_message(self.ctx, interaction.guild_id, interaction.user.id)
        await interaction.response.send_message(
            content=message["content"], embed=message["embed"],
            view=message["view"] or discord.utils.MISSING, ephemeral=True)

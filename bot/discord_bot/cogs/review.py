"""`/review`: a student's due spaced-review cards, privately, one at a time. The card id, the
choice and the student live in each button's custom_id, so a review can go on after a restart."""

from __future__ import annotations

import asyncio
import re

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.quiz.records import ReviewCard
from bot.discord_bot import limits
from bot.discord_bot.buttons import PersistentButton
from bot.discord_bot.context import BotContext
from bot.discord_bot.quiz_render import LETTERS, choice_label
from bot.services.reviews import NextCard


def card_embed(card: ReviewCard, due_count: int) -> discord.Embed:
    item = card.item
    options = "" if item.kind == "true_false" else "\n" + "\n".join(
        f"**{LETTERS[i]}.** {limits.clip(o, 300)}" for i, o in enumerate(item.options))
    embed = discord.Embed(title=f"Review ({due_count} due)", colour=discord.Colour.blurple(),
                          description=limits.clip(item.prompt + "\n" + options, limits.EMBED_DESCRIPTION))
    embed.set_footer(text="Questions you missed come back until you know them.")
    return embed


def card_view(card: ReviewCard) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for index in range(len(card.item.options)):
        view.add_item(ReviewButton(card.id, index, card.user_id, choice_label(card.item, index)))
    return view


def nothing_due_text(next_due) -> str:
    if next_due is None:
        return ("You have no review cards yet. Answer the daily quiz questions: the ones you miss (and later "
                "the ones you get right) come back here.")
    return f"Nothing due right now. Your next card is due <t:{int(next_due.timestamp())}:f> (<t:{int(next_due.timestamp())}:R>)."


def card_message(next_card: NextCard) -> dict:
    if next_card.card is None:
        return {"content": nothing_due_text(next_card.next_due), "embed": None, "view": None}
    return {"content": None, "embed": card_embed(next_card.card, next_card.due_count),
            "view": card_view(next_card.card)}


class ReviewButton(PersistentButton, template=r"rv:(?P<card>[0-9]+):(?P<choice>[0-9])(?::(?P<user>[0-9]+))?"):
    not_yours = "That review card is not yours."

    def __init__(self, card_id: int, choice: int, owner_id: int | None, label: str = "?") -> None:
        owner = f":{owner_id}" if owner_id is not None else ""  # buttons sent before owners were kept have none
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.primary,
                                           custom_id=f"rv:{card_id}:{choice}{owner}"))
        self.card_id = card_id
        self.choice = choice
        self.owner_id = owner_id

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]) -> "ReviewButton":
        return cls(int(match["card"]), int(match["choice"]), int(match["user"]) if match["user"] else None)

    async def clicked(self, interaction: discord.Interaction) -> None:
        ctx: BotContext = interaction.client.ctx  # type: ignore[attr-defined]
        graded = await asyncio.to_thread(ctx.reviews.answer, self.card_id, interaction.user.id, self.choice,
                                         ctx.clock())
        item = graded.card.item
        verdict = "✅ Right!" if graded.correct else (
            f"❌ Not quite: the answer is **{choice_label(item, item.answer_index)}** ({limits.clip(item.answer, 200)}).")
        source = f"\n> {limits.clip(item.source.quote, 500)}\n{item.source.label()}" if item.source else ""
        following = card_message(graded.following)
        content = limits.clip(f"{verdict}{source}\n\n{following['content'] or 'Next card:'}", limits.MESSAGE)
        await interaction.response.edit_message(content=content, embed=following["embed"], view=following["view"])


class ReviewCog(commands.Cog):
    def __init__(self, bot: commands.Bot, ctx: BotContext) -> None:
        self.bot = bot
        self.ctx = ctx

    @app_commands.command(name="review", description="Review the quiz questions you missed (only you see it)")
    @app_commands.guild_only()
    async def review(self, interaction: discord.Interaction) -> None:
        next_card = await asyncio.to_thread(self.ctx.reviews.next_card, interaction.guild_id, interaction.user.id,
                                            self.ctx.clock())
        message = card_message(next_card)
        await interaction.response.send_message(
            content=message["content"], embed=message["embed"],
            view=message["view"] or discord.utils.MISSING, ephemeral=True)

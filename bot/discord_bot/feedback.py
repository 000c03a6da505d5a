""""Helpful" / "Not helpful" buttons under every answer. The answer id and the vote live in the
button's custom_id, so the buttons keep working after a restart (discord.py DynamicItem)."""

from __future__ import annotations

import asyncio
import re

import discord

from bot.discord_bot.buttons import PersistentButton

VOTE_LABELS = {"up": "Helpful", "down": "Not helpful"}
REPLIES = {
    "new": {"up": "Thanks, glad it helped!", "down": "Thanks, noted: this answer did not help."},
    "changed": {"up": "Vote changed: helpful.", "down": "Vote changed: not helpful."},
    "same": {"up": "You already marked this answer as helpful.", "down": "You already marked this answer as not helpful."},
}


class FeedbackButton(PersistentButton, template=r"fb:(?P<answer>[0-9]+):(?P<vote>up|down)"):
    def __init__(self, answer_id: int, vote: str) -> None:
        super().__init__(discord.ui.Button(
            label=VOTE_LABELS[vote], emoji="👍" if vote == "up" else "👎",
            style=discord.ButtonStyle.secondary, custom_id=f"fb:{answer_id}:{vote}"))
        self.answer_id = answer_id
        self.vote = vote

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str]) -> "FeedbackButton":
        return cls(int(match["answer"]), match["vote"])

    async def clicked(self, interaction: discord.Interaction) -> str:
        asking = interaction.client.ctx.asking  # type: ignore[attr-defined]
        outcome = await asyncio.to_thread(asking.vote, self.answer_id, interaction.user.id, self.vote == "up")
        return REPLIES[outcome][self.vote]


def feedback_view(answer_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(FeedbackButton(answer_id, "up"))
    view.add_item(FeedbackButton(answer_id, "down"))
    return view

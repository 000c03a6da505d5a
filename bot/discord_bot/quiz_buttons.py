"""Buttons on posted quiz questions. Post id and choice live in the custom_id (DynamicItem), so
clicks work after a restart; every click is stored before it is acknowledged."""

from __future__ import annotations

import re

import discord

from bot.core.quiz.items import QuizItem
from bot.discord_bot.errors import report_error
from bot.discord_bot.quiz_render import choice_label


class AnswerButton(discord.ui.DynamicItem[discord.ui.Button], template=r"qa:(?P<post>[0-9]+):(?P<choice>[0-9])"):
    def __init__(self, post_id: int, choice: int, label: str = "?", disabled: bool = False,
                 style: discord.ButtonStyle = discord.ButtonStyle.primary) -> None:
        super().__init__(discord.ui.Button(label=label, style=style, disabled=disabled,
                                           custom_id=f"qa:{post_id}:{choice}"))
        self.post_id = post_id
        self.choice = choice

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]) -> "AnswerButton":
        return cls(int(match["post"]), int(match["choice"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            quiz = interaction.client.quiz  # type: ignore[attr-defined]
            text = await quiz.answer(self.post_id, self.choice, interaction.user.id, interaction.user.display_name)
            await interaction.response.send_message(text, ephemeral=True)
        except Exception as exc:  # noqa: BLE001 - one place words errors
            await report_error(interaction, exc)


class ReportButton(discord.ui.DynamicItem[discord.ui.Button], template=r"qr:(?P<post>[0-9]+)"):
    def __init__(self, post_id: int, disabled: bool = False) -> None:
        super().__init__(discord.ui.Button(label="Report question", emoji="🚩", disabled=disabled,
                                           style=discord.ButtonStyle.secondary, custom_id=f"qr:{post_id}"))
        self.post_id = post_id

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]) -> "ReportButton":
        return cls(int(match["post"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            quiz = interaction.client.quiz  # type: ignore[attr-defined]
            text = await quiz.report(self.post_id, interaction.user.id)
            await interaction.response.send_message(text, ephemeral=True)
        except Exception as exc:  # noqa: BLE001
            await report_error(interaction, exc)


def question_view(post_id: int, item: QuizItem, *, closed: bool = False, right: int | None = None) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for index in range(len(item.options)):
        style = discord.ButtonStyle.success if closed and index == right else (
            discord.ButtonStyle.secondary if closed else discord.ButtonStyle.primary)
        view.add_item(AnswerButton(post_id, index, choice_label(item, index), disabled=closed, style=style))
    view.add_item(ReportButton(post_id, disabled=closed))
    return view


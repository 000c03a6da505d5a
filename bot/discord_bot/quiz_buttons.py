"""Buttons on posted quiz questions. Post id and choice live in the custom_id (DynamicItem), so
clicks work after a restart; every click is stored before it is acknowledged."""

from __future__ import annotations

import re

import discord

from bot.core.quiz.items import QuizItem
from bot.discord_bot.buttons import PersistentButton
from bot.discord_bot.quiz_render import choice_label


class AnswerButton(PersistentButton, template=r"qa:(?P<post>[0-9]+):(?P<choice>[0-9])"):
    def __init__(self, post_id: int, choice: int, label: str = "?", disabled: bool = False,
                 style: discord.ButtonStyle = discord.ButtonStyle.primary) -> None:
        super().__init__(discord.ui.Button(label=label, style=style, disabled=disabled,
                                           custom_id=f"qa:{post_id}:{choice}"))
        self.post_id = post_id
        self.choice = choice

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]) -> "AnswerButton":
        return cls(int(match["post"]), int(match["choice"]))

    async def clicked(self, interaction: discord.Interaction) -> str:
        quiz = interaction.client.quiz  # type: ignore[attr-defined]
        return await quiz.answer(self.post_id, self.choice, interaction.user.id, interaction.user.display_name)


class ReportButton(PersistentButton, template=r"qr:(?P<post>[0-9]+)"):
    def __init__(self, post_id: int, disabled: bool = False) -> None:
        super().__init__(discord.ui.Button(label="Report question", emoji="🚩", disabled=disabled,
                                           style=discord.ButtonStyle.secondary, custom_id=f"qr:{post_id}"))
        self.post_id = post_id

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]) -> "ReportButton":
        return cls(int(match["post"]))

    async def clicked(self, interaction: discord.Interaction) -> str:
        quiz = interaction.client.quiz  # type: ignore[attr-defined]
        return await quiz.report(self.post_id, interaction.user.id)


def question_view(post_id: int, item: QuizItem, *, closed: bool = False, right: int | None = None) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for index in range(len(item.options)):
        style = discord.ButtonStyle.success if closed and index == right else (
            discord.ButtonStyle.secondary if closed else discord.ButtonStyle.primary)
        view.add_item(AnswerButton(post_id, index, choice_label(item, index), disabled=closed, style=style))
    view.add_item(ReportButton(post_id, disabled=closed))
    return view


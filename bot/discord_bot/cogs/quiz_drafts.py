"""`/quiz drafts`: a teacher goes through the generated questions waiting for approval, privately
and one at a time, and approves, edits (a form prefilled with the question) or rejects each (with
a reason). Mixed into the `/quiz` group (see cogs/quiz.py)."""

from __future__ import annotations

import asyncio
import re

import discord
from discord import app_commands

from bot.core.quiz.items import TRUE_FALSE, QuizItem
from bot.core.quiz.teacher_bank import MAX_OPTION, MAX_QUESTION, MAX_TEXT
from bot.discord_bot import limits
from bot.discord_bot.buttons import PersistentButton
from bot.discord_bot.errors import report_error
from bot.discord_bot.quiz_render import options_text
from bot.services.drafts import Draft

NONE_LEFT = "No drafts waiting: every generated question has a teacher's decision."
MAX_WRONG = 3 * (MAX_OPTION + 1)


class QuizDraftCommands:
    """Needs `self.ctx` and `self._teacher` from the cog it is mixed into."""

    @app_commands.command(name="drafts", description="Approve, edit or reject generated questions before they are posted")
    async def drafts(self, interaction: discord.Interaction) -> None:
        self._teacher(interaction)
        draft = await asyncio.to_thread(lambda: self.ctx.drafts_in(interaction.guild_id).next_draft())
        await interaction.response.send_message(ephemeral=True, **draft_message(draft, interaction.user.id))


def draft_embed(draft: Draft) -> discord.Embed:
    item = draft.item
    body = "\n\n".join(p for p in (limits.clip(item.prompt, 1500), options_text(item, item.answer_index)) if p)
    embed = discord.Embed(title=f"Draft {draft.position} of {draft.waiting}", colour=discord.Colour.orange(),
                          description=limits.clip(body, limits.EMBED_DESCRIPTION))
    embed.add_field(name="Answer", value=limits.clip(item.answer, limits.EMBED_FIELD_VALUE), inline=False)
    if item.source:
        quote = f"> {limits.clip(item.source.quote, 700)}\n{item.source.label()}"
        embed.add_field(name="Source", value=limits.clip(quote, limits.EMBED_FIELD_VALUE), inline=False)
    if item.explanation:
        embed.add_field(name="Why", value=limits.clip(item.explanation, limits.EMBED_FIELD_VALUE), inline=False)
    embed.set_footer(text="Only approved questions (and your own) are posted. A rejected one never comes back.")
    return embed


def draft_message(draft: Draft | None, owner_id: int, note: str = "", after: int = 0) -> dict:
    """The private message that shows one draft with its buttons (or that none is left)."""
    if draft is None:
        return {"content": limits.clip(f"{note}\n{NONE_LEFT}".strip(), limits.MESSAGE), "embed": None,
                "view": None}
    view = discord.ui.View(timeout=None)
    for action in ACTIONS:
        view.add_item(DraftButton(action, draft.key, owner_id, after))
    return {"content": limits.clip(note, limits.MESSAGE) or None, "embed": draft_embed(draft), "view": view}


async def show_next(interaction: discord.Interaction, note: str, after: int) -> None:
    drafts = await _drafts(interaction)
    draft = await asyncio.to_thread(drafts.next_draft, after)
    if draft is None and after:  # skipped past the end: start again from the first
        after, draft = 0, await asyncio.to_thread(drafts.next_draft)
    message = draft_message(draft, interaction.user.id, note, after)
    await interaction.response.edit_message(content=message["content"], embed=message["embed"],
                                            view=message["view"])


async def _drafts(interaction: discord.Interaction):
    """The drafts of the course of the server the teacher is in."""
    ctx = interaction.client.ctx  # type: ignore[attr-defined]
    return await asyncio.to_thread(ctx.drafts_in, interaction.guild_id)


# action -> (label, style)
ACTIONS = {"approve": ("Approve", discord.ButtonStyle.success), "edit": ("Edit", discord.ButtonStyle.primary),
           "reject": ("Reject", discord.ButtonStyle.danger), "skip": ("Skip", discord.ButtonStyle.secondary)}


class DraftButton(PersistentButton, template=r"qd:(?P<action>approve|edit|reject|skip):(?P<key>[0-9a-f]+)"
                                             r":(?P<owner>[0-9]+):(?P<after>[0-9]+)"):
    not_yours = "These drafts were opened by another teacher: use `/quiz drafts` yourself."

    def __init__(self, action: str, key: str, owner_id: int, after: int = 0) -> None:
        label, style = ACTIONS[action]
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=f"qd:{action}:{key}:{owner_id}:{after}"))
        self.action, self.key, self.owner_id, self.after = action, key, owner_id, after

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]) -> "DraftButton":
        return cls(match["action"], match["key"], int(match["owner"]), int(match["after"]))

    async def clicked(self, interaction: discord.Interaction) -> None:
        drafts = await _drafts(interaction)
        by = str(interaction.user)
        if self.action == "approve":
            item = await asyncio.to_thread(drafts.approve, self.key, by)
            await show_next(interaction, f"Approved: “{limits.clip(item.prompt, 150)}”", self.after)
        elif self.action == "skip":
            await show_next(interaction, "", self.after + 1)
        else:
            item = await asyncio.to_thread(drafts.find, self.key)
            modal = EditDraftModal(item, self.key, self.after) if self.action == "edit" else \
                RejectDraftModal(item, self.key, self.after)
            await interaction.response.send_modal(modal)


class EditDraftModal(discord.ui.Modal, title="Edit and approve this question"):
    def __init__(self, item: QuizItem, key: str, after: int) -> None:
        super().__init__(timeout=1800)
        self.key, self.after = key, after
        wrong = [o for o in item.options if o != item.answer]
        self.question = discord.ui.TextInput(label="Question", style=discord.TextStyle.paragraph,
                                             max_length=MAX_QUESTION, default=item.prompt[:MAX_QUESTION])
        self.answer = discord.ui.TextInput(label="Right answer" + (" (True or False)" if item.kind == TRUE_FALSE else ""),
                                           max_length=MAX_OPTION, default=item.answer[:MAX_OPTION])
        self.add_item(self.question)
        self.add_item(self.answer)
        self.wrong = None
        if item.kind != TRUE_FALSE:
            self.wrong = discord.ui.TextInput(label="Wrong options (one per line, 1 to 3)",
                                              style=discord.TextStyle.paragraph, max_length=MAX_WRONG,
                                              default="\n".join(wrong)[:MAX_WRONG])
            self.add_item(self.wrong)
        self.explanation = discord.ui.TextInput(label="Explanation (optional)", style=discord.TextStyle.paragraph,
                                                required=False, max_length=MAX_TEXT,
                                                default=item.explanation[:MAX_TEXT] or None)
        self.add_item(self.explanation)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        drafts = await _drafts(interaction)
        wrong = [line.strip() for line in (self.wrong.value if self.wrong else "").splitlines() if line.strip()]
        item = await asyncio.to_thread(
            lambda: drafts.edit(self.key, str(interaction.user), question=self.question.value,
                                answer=self.answer.value, wrong=wrong, explanation=self.explanation.value))
        await show_next(interaction, f"Edited and approved: “{limits.clip(item.prompt, 150)}”", self.after)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        await report_error(interaction, error)


class RejectDraftModal(discord.ui.Modal, title="Reject this question"):
    reason = discord.ui.TextInput(label="Why? (kept with the decision)", style=discord.TextStyle.paragraph,
                                  max_length=500)

    def __init__(self, item: QuizItem, key: str, after: int) -> None:
        super().__init__(timeout=1800)
        self.item, self.key, self.after = item, key, after

    async def on_submit(self, interaction: discord.Interaction) -> None:
        drafts = await _drafts(interaction)
        item = await asyncio.to_thread(drafts.reject, self.key, str(interaction.user), self.reason.value)
        await show_next(interaction, f"Rejected: “{limits.clip(item.prompt, 150)}”", self.after)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        await report_error(interaction, error)

"""The one place that turns errors into what a Discord user sees: a short private message. An
expected error says what went wrong and what to do; an unexpected one gets a reference id that
matches the log entry, and no stack trace in the chat."""

from __future__ import annotations

import logging
import secrets

import discord
from discord import app_commands

from bot.errors import ExamModeError, StudyBotError

log = logging.getLogger(__name__)


def user_message(error: BaseException) -> str:
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, ExamModeError):  # the time, shown in each reader's own zone
        return f"Answer today's quiz first: the explanation comes at <t:{int(error.reveal_at.timestamp())}:t>."
    if isinstance(error, StudyBotError):
        return error.user_message()
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command only works in a server."
    if isinstance(error, app_commands.MissingPermissions):
        return "You need the Manage Server permission for this."
    if isinstance(error, discord.Forbidden):
        log.warning("Missing permission: %s", error.text)
        return "I am missing a permission for that here; ask a moderator to check my role."
    reference = secrets.token_hex(4)
    log.error("Unexpected error (reference %s)", reference, exc_info=error)
    return f"Something went wrong on my side. It has been logged with reference `{reference}`."


async def report_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Tell the user privately, whatever state the interaction is in."""
    text = user_message(error)
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(text, ephemeral=True)
            return
        if interaction.response.type == discord.InteractionResponseType.deferred_channel_message:
            # A public "thinking…" placeholder would turn the error public: drop it first.
            try:
                await interaction.delete_original_response()
            except discord.HTTPException:
                pass
        await interaction.followup.send(text, ephemeral=True)
    except discord.HTTPException:
        log.warning("Could not tell the user about an error: %s", text)

"""One shape for every persistent button: its state lives in its custom_id (discord.py's
DynamicItem), so it keeps working after a restart; a click is answered privately, and any error
is worded by the one error reporter. A button that belongs to one user says so to anyone else."""

from __future__ import annotations

import discord

from bot.discord_bot.errors import report_error


# DynamicItem wants a template on every subclass; this base is never registered, so its own
# template is one that matches nothing.
class PersistentButton(discord.ui.DynamicItem[discord.ui.Button], template=r"(?!)"):
    owner_id: int | None = None  # the one user who may click it; None: anyone
    not_yours = "That button is not yours."

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if self.owner_id is None or interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(self.not_yours, ephemeral=True)
        return False

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            reply = await self.clicked(interaction)
            if reply is not None:
                await interaction.response.send_message(reply, ephemeral=True)
        except Exception as exc:  # noqa: BLE001 - one place words errors (and logs the unexpected)
            await report_error(interaction, exc)

    async def clicked(self, interaction: discord.Interaction) -> str | None:
        """Do what the click asks; return a private reply, or None after responding otherwise."""
        raise NotImplementedError

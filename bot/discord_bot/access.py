"""Who may do what: moderators (Manage Server, or the configured moderator role) manage the
corpus; teachers (Manage Server, or the teacher role) run quizzes."""

from __future__ import annotations

import discord

from bot.errors import PermissionDeniedError


def _has_role(member: discord.abc.User, role_name: str) -> bool:
    roles = getattr(member, "roles", [])
    wanted = role_name.strip().lower()
    return bool(wanted) and any(r.name.lower() == wanted for r in roles)


def require_role(interaction: discord.Interaction, role_name: str, what: str) -> None:
    if interaction.guild is None:
        raise PermissionDeniedError("This command only works in a server.")
    if interaction.permissions.manage_guild or _has_role(interaction.user, role_name):
        return
    role = f"the {role_name} role or " if role_name else ""
    raise PermissionDeniedError(f"You need {role}the Manage Server permission to {what}.")

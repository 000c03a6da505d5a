"""Slash commands and listeners, one cog per area."""

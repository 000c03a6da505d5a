"""Discord permission bits and the server-side permission algorithm.

The fake computes permissions the way Discord's servers do, so that REST checks
(403 50013) and the ``permissions``/``app_permissions`` strings it puts into
interactions agree with what discord.py computes from its own cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .world import Channel, Guild

CREATE_INSTANT_INVITE = 1 << 0
KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
SEND_TTS_MESSAGES = 1 << 12
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
CHANGE_NICKNAME = 1 << 26
MANAGE_ROLES = 1 << 28
USE_APPLICATION_COMMANDS = 1 << 31
SEND_MESSAGES_IN_THREADS = 1 << 38

# Every bit Discord currently defines fits below 1 << 51; discord.py accepts any int.
ALL = (1 << 51) - 1

# Close to Discord's default @everyone permissions for a new guild. MENTION_EVERYONE is
# included on purpose: the harness should be pessimistic about who the bot could ping.
DEFAULT_EVERYONE = (
    CREATE_INSTANT_INVITE
    | ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | MENTION_EVERYONE
    | USE_EXTERNAL_EMOJIS
    | CHANGE_NICKNAME
    | USE_APPLICATION_COMMANDS
    | SEND_MESSAGES_IN_THREADS
)

# What a typical bot invite grants to the bot's managed role.
DEFAULT_BOT = DEFAULT_EVERYONE | MANAGE_MESSAGES

# Permissions Discord implicitly removes when SEND_MESSAGES is missing in a text channel.
_NEED_SEND = SEND_TTS_MESSAGES | MENTION_EVERYONE | EMBED_LINKS | ATTACH_FILES | SEND_MESSAGES_IN_THREADS

# What a user can do in a DM channel (no overwrites exist there).
DM_PERMISSIONS = (
    VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | ADD_REACTIONS
    | USE_EXTERNAL_EMOJIS | SEND_TTS_MESSAGES
)


def base_permissions(guild: Guild, user_id: str) -> int:
    """Guild-level permissions: @everyone OR the member's roles; owner/admin get everything."""
    if user_id == guild.owner_id:
        return ALL
    member = guild.members.get(user_id)
    perms = guild.everyone.permissions
    role_ids: Iterable[str] = member.roles if member else ()
    for role_id in role_ids:
        role = guild.roles.get(role_id)
        if role is not None:
            perms |= role.permissions
    if perms & ADMINISTRATOR:
        return ALL
    return perms


def channel_permissions(guild: Guild, channel: Channel, user_id: str) -> int:
    """Discord's documented order: @everyone overwrite, then role overwrites combined, then member."""
    perms = base_permissions(guild, user_id)
    if perms == ALL:
        return ALL
    overwrites = channel.overwrites
    everyone = overwrites.get(guild.id)
    if everyone is not None:
        perms = (perms & ~everyone.deny) | everyone.allow
    member = guild.members.get(user_id)
    allow = deny = 0
    for role_id in member.roles if member else ():
        ow = overwrites.get(role_id)
        if ow is not None and ow.type == 0:
            allow |= ow.allow
            deny |= ow.deny
    perms = (perms & ~deny) | allow
    own = overwrites.get(user_id)
    if own is not None and own.type == 1:
        perms = (perms & ~own.deny) | own.allow
    # Implicit rules, as in Discord (and discord.py's permissions_for).
    if not perms & VIEW_CHANNEL:
        return 0
    if not perms & SEND_MESSAGES:
        perms &= ~_NEED_SEND
    return perms

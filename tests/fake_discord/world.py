"""The fake's model of Discord: users, guilds, roles, channels, members and snowflakes.

Everything here is plain data plus ``payload()`` methods that render the exact JSON
shapes discord.py parses (ids and permissions as decimal strings, required keys present).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional, Union

from . import permissions as P

DISCORD_EPOCH_MS = 1420070400000


def iso_now() -> str:
    return datetime.now(timezone.utc).isoformat()


class Snowflakes:
    """Time-based ids, so discord.py's ``created_at`` (derived from the id) is sensible."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> str:
        value = ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | 1
        # Strictly increasing even within one millisecond: message ordering relies on it.
        self._last = max(value, self._last + 1)
        return str(self._last)

    def next_on_shard(self, shard_id: int, shard_count: int) -> str:
        """The next id whose guild Discord routes to `shard_id` of `shard_count` shards
        ((id >> 22) % shard_count: the id's millisecond, moved forward as little as needed)."""
        millis = int(self.next()) >> 22
        while millis % shard_count != shard_id:
            millis += 1
        self._last = (millis << 22) | 1
        return str(self._last)


def shard_of(guild_id: str | int | None, shard_count: int) -> int:
    """Discord's routing of a guild to a shard; events without a guild (DMs) go to shard 0."""
    return 0 if guild_id is None else (int(guild_id) >> 22) % shard_count


@dataclass
class User:
    id: str
    username: str
    bot: bool = False
    global_name: Optional[str] = None
    accepts_dms: bool = True  # False: the bot gets 403 50007 when it DMs this user

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    def payload(self) -> dict:
        return {
            "id": self.id,
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass
class Role:
    id: str
    name: str
    permissions: int
    position: int = 0
    mentionable: bool = False
    managed: bool = False

    @property
    def mention(self) -> str:
        return f"<@&{self.id}>"

    def payload(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "managed": self.managed,
            "mentionable": self.mentionable,
            "flags": 0,
            "icon": None,
            "unicode_emoji": None,
        }


@dataclass
class Overwrite:
    id: str
    type: int  # 0 = role, 1 = member
    allow: int = 0
    deny: int = 0

    def payload(self) -> dict:
        return {"id": self.id, "type": self.type, "allow": str(self.allow), "deny": str(self.deny)}


@dataclass
class Channel:
    id: str
    type: int  # 0 = guild text, 1 = DM
    name: Optional[str] = None
    guild_id: Optional[str] = None
    position: int = 0
    topic: Optional[str] = None
    overwrites: dict[str, Overwrite] = field(default_factory=dict)
    recipients: list[User] = field(default_factory=list)  # DM only
    last_message_id: Optional[str] = None

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    @property
    def is_dm(self) -> bool:
        return self.type == 1

    def set_overwrite(self, target: Union[Role, User, "Member"], *, allow: int = 0, deny: int = 0) -> None:
        """Replace the overwrite for a role or member (use ``FakeDiscord.update_channel`` to tell the bot)."""
        if isinstance(target, Role):
            self.overwrites[target.id] = Overwrite(target.id, 0, allow, deny)
        else:
            user_id = target.user.id if isinstance(target, Member) else target.id
            self.overwrites[user_id] = Overwrite(user_id, 1, allow, deny)

    def payload(self) -> dict:
        if self.is_dm:
            return {
                "id": self.id,
                "type": 1,
                "last_message_id": self.last_message_id,
                "recipients": [u.payload() for u in self.recipients],
                "flags": 0,
            }
        return {
            "id": self.id,
            "type": self.type,
            "guild_id": self.guild_id,
            "name": self.name,
            "position": self.position,  # required by discord.py (channel.py)
            "permission_overwrites": [ow.payload() for ow in self.overwrites.values()],
            "parent_id": None,
            "topic": self.topic,
            "nsfw": False,
            "last_message_id": self.last_message_id,
            "rate_limit_per_user": 0,
            "flags": 0,
        }


@dataclass
class Member:
    user: User
    roles: list[str] = field(default_factory=list)  # never includes @everyone
    nick: Optional[str] = None
    joined_at: str = field(default_factory=iso_now)

    def payload(self, *, with_user: bool = True) -> dict:
        data = {
            "roles": list(self.roles),
            "nick": self.nick,
            "avatar": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,  # required by discord.py (member.py)
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.payload()
        return data


@dataclass
class Guild:
    world: "World" = field(repr=False)
    id: str
    name: str
    owner_id: str
    roles: dict[str, Role] = field(default_factory=dict)
    channels: dict[str, Channel] = field(default_factory=dict)
    members: dict[str, Member] = field(default_factory=dict)

    @property
    def everyone(self) -> Role:
        return self.roles[self.id]  # Discord: @everyone's id == guild id

    def add_role(self, name: str, permissions: int = 0, *, mentionable: bool = False, managed: bool = False) -> Role:
        role = Role(self.world.ids.next(), name, permissions, position=len(self.roles),
                    mentionable=mentionable, managed=managed)
        self.roles[role.id] = role
        return role

    def add_text_channel(self, name: str, *, topic: Optional[str] = None) -> Channel:
        channel = Channel(self.world.ids.next(), 0, name=name, guild_id=self.id,
                          position=len(self.channels), topic=topic)
        self.channels[channel.id] = channel
        self.world.channels[channel.id] = channel
        return channel

    def add_member(self, user: User, roles: tuple[Role, ...] = (), *, nick: Optional[str] = None) -> Member:
        member = Member(user, [r.id for r in roles], nick=nick)
        self.members[user.id] = member
        return member

    def permissions_in(self, channel: Channel, user: Union[User, str]) -> int:
        user_id = user if isinstance(user, str) else user.id
        return P.channel_permissions(self, channel, user_id)

    def payload(self) -> dict:
        """The REST guild object (GET /guilds/{id}); GUILD_CREATE adds more (see gateway_payload)."""
        return {
            "id": self.id,
            "name": self.name,
            "icon": None,
            "owner_id": self.owner_id,
            "roles": [r.payload() for r in self.roles.values()],
            "emojis": [],
            "stickers": [],
            "features": [],
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "approximate_member_count": len(self.members),
        }

    def gateway_payload(self, *, members: list[Member]) -> dict:
        data = self.payload()
        data.update(
            unavailable=False,
            large=len(self.members) > 250,
            joined_at=self.members[self.world.bot.id].joined_at,
            member_count=len(self.members),
            channels=[self._channel_in_guild_create(c) for c in self.channels.values()],
            members=[m.payload() for m in members],
            presences=[], voice_states=[], threads=[], stage_instances=[],
            guild_scheduled_events=[], soundboard_sounds=[],
        )
        return data

    @staticmethod
    def _channel_in_guild_create(channel: Channel) -> dict:
        data = channel.payload()
        data.pop("guild_id", None)  # Discord omits it inside GUILD_CREATE
        return data


class World:
    """Mutable state shared by every bot instance that logs in to one fake server."""

    def __init__(self, *, bot_name: str = "StudyBot", bot_permissions: int = P.DEFAULT_BOT) -> None:
        self.ids = Snowflakes()
        self.users: dict[str, User] = {}
        self.guilds: dict[str, Guild] = {}
        self.channels: dict[str, Channel] = {}  # guild channels and DM channels
        self.bot_permissions = bot_permissions
        # The bot user id equals the application id, as on Discord.
        self.bot = self.add_user(bot_name, bot=True)

    @classmethod
    def default(cls) -> "World":
        """One guild "Study Hall" with #general, an owner and two plain members: alice and bob."""
        world = cls()
        owner = world.add_user("owner")
        guild = world.add_guild("Study Hall", owner=owner)
        guild.add_text_channel("general")
        for name in ("alice", "bob"):
            guild.add_member(world.add_user(name))
        return world

    # -- construction -----------------------------------------------------------------
    def add_user(self, username: str, *, bot: bool = False) -> User:
        user = User(self.ids.next(), username, bot=bot)
        self.users[user.id] = user
        return user

    def add_guild(self, name: str, *, owner: Optional[User] = None,
                  shard: Optional[tuple[int, int]] = None) -> Guild:
        """`shard` (shard id, shard count): give the guild an id that Discord routes to that shard."""
        owner = owner or self.add_user(f"{name.lower().replace(' ', '-')}-owner")
        guild_id = self.ids.next_on_shard(*shard) if shard else self.ids.next()
        guild = Guild(self, guild_id, name, owner.id)
        guild.roles[guild_id] = Role(guild_id, "@everyone", P.DEFAULT_EVERYONE)
        guild.add_member(owner)
        bot_role = guild.add_role(self.bot.username, self.bot_permissions, managed=True)
        guild.add_member(self.bot, (bot_role,))
        self.guilds[guild_id] = guild
        return guild

    # -- lookups ----------------------------------------------------------------------
    @property
    def guild(self) -> Guild:
        """The first guild (the default world has exactly one)."""
        return next(iter(self.guilds.values()))

    @property
    def channel(self) -> Channel:
        """The first text channel of the first guild (#general in the default world)."""
        return next(iter(self.guild.channels.values()))

    def user(self, name_or_id: str) -> User:
        for user in self.users.values():
            if name_or_id in (user.id, user.username):
                return user
        raise KeyError(f"no user {name_or_id!r} in the fake world")

    def guild_of(self, channel: Channel) -> Optional[Guild]:
        return self.guilds.get(channel.guild_id) if channel.guild_id else None

    def dm_channel(self, user: User) -> Channel:
        """The DM channel between the bot and ``user`` (created on first use, like Discord)."""
        for channel in self.channels.values():
            if channel.is_dm and channel.recipients[0].id == user.id:
                return channel
        channel = Channel(self.ids.next(), 1, recipients=[user])
        self.channels[channel.id] = channel
        return channel

    def permissions(self, channel: Channel, user: Union[User, str]) -> int:
        user_id = user if isinstance(user, str) else user.id
        guild = self.guild_of(channel)
        if guild is None:
            return P.DM_PERMISSIONS
        return P.channel_permissions(guild, channel, user_id)

"""Builders for the INTERACTION_CREATE and MESSAGE_CREATE payloads the test side sends.

Slash-command options are typed from the command definitions the bot synced, so tests
pass plain Python values (``{"times": 2, "file": Upload(...)}``) and get exactly the
shapes discord.py expects: string snowflakes, ``resolved`` keyed by those strings, and
``data.guild_id`` for guild-scoped commands.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional, Union

from .world import Channel, Guild, Member, Role, User, World

SUBCOMMAND, GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = 3, 4, 5, 6, 7, 8, 9, 10, 11
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024


@dataclass
class Upload:
    """A file a user attaches to a slash command or message."""

    filename: str
    data: bytes
    content_type: Optional[str] = None


# Puts a file on the fake CDN and returns Discord's attachment object for it.
Uploader = Callable[[Upload], dict]


def interaction_envelope(world: World, *, itype: int, iid: str, token: str, user: User, channel: Channel,
                         locale: str = "en-US") -> dict:
    """The fields every interaction carries; ``member`` (guild) or ``user`` (DM)."""
    data: dict[str, Any] = {
        "id": iid, "application_id": world.bot.id, "type": itype, "token": token, "version": 1,
        "channel_id": channel.id, "locale": locale, "entitlements": [],
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,  # required by discord.py
        "app_permissions": str(world.permissions(channel, world.bot)),
    }
    guild = world.guild_of(channel)
    if guild is None:
        data.update(channel=channel.payload(), user=user.payload(), context=1, authorizing_integration_owners={})
        return data
    member = guild.members.get(user.id)
    if member is None:
        raise LookupError(f"{user.username} is not a member of guild {guild.name!r}")
    perms = guild.permissions_in(channel, user)
    data.update(
        guild_id=guild.id, guild={"id": guild.id, "locale": "en-US", "features": []}, guild_locale="en-US",
        channel={**channel.payload(), "permissions": str(perms)},
        member={**member.payload(), "permissions": str(perms)},
        authorizing_integration_owners={"0": guild.id}, context=0,
    )
    return data


def find_command(commands: dict[Optional[str], list[dict]], name: str, guild: Optional[Guild]) -> dict:
    """Guild commands shadow global ones, as in Discord's client."""
    scopes = ([guild.id] if guild else []) + [None]
    for scope in scopes:
        for command in commands.get(scope, []):
            if command["name"] == name and command.get("type", 1) == 1:
                return command
    known = sorted({c["name"] for s in scopes for c in commands.get(s, [])})
    raise LookupError(f"/{name} is not synced for this channel; synced commands: {known}")


def command_data(command: dict, path: list[str], values: dict[str, Any], resolver: "Resolver", *,
                 focused: Optional[str] = None) -> dict:
    """``data`` for a type-2 (or, with ``focused``, type-4) interaction; path = subcommand names."""
    leaf_defs, wrap = command.get("options") or [], []
    for part in path:
        sub = next((o for o in leaf_defs if o["name"] == part and o["type"] in (SUBCOMMAND, GROUP)), None)
        if sub is None:
            raise LookupError(f"/{command['name']} has no subcommand {part!r}")
        wrap.append(sub)
        leaf_defs = sub.get("options") or []
    if any(o["type"] in (SUBCOMMAND, GROUP) for o in leaf_defs):
        names = [o["name"] for o in leaf_defs]
        raise LookupError(f"/{' '.join([command['name'], *path])} needs a subcommand: {names}")
    options = _leaf_options(leaf_defs, values, resolver, focused)
    for sub in reversed(wrap):
        options = [{"type": sub["type"], "name": sub["name"], "options": options}]
    data = {"id": command["id"], "name": command["name"], "type": 1, "options": options}
    if command.get("guild_id"):
        data["guild_id"] = command["guild_id"]  # without it discord.py looks only at global commands
    if resolver.resolved and focused is None:  # Discord sends no resolved data for autocomplete
        data["resolved"] = resolver.resolved
    return data


def _leaf_options(defs: list[dict], values: dict[str, Any], resolver: "Resolver", focused: Optional[str]) -> list[dict]:
    by_name = {d["name"]: d for d in defs}
    unknown = set(values) - set(by_name)
    if unknown:
        raise LookupError(f"unknown options {sorted(unknown)}; the command has {sorted(by_name)}")
    missing = [d["name"] for d in defs if d.get("required") and d["name"] not in values and d["name"] != focused]
    if missing and focused is None:
        raise ValueError(f"missing required options {missing}")
    out = []
    for d in defs:  # Discord keeps the declaration order
        if d["name"] not in values:
            continue
        if d["name"] == focused:
            out.append({"type": d["type"], "name": d["name"], "value": str(values[d["name"]]), "focused": True})
        else:
            out.append({"type": d["type"], "name": d["name"], "value": resolver.option_value(d, values[d["name"]])})
    return out


class Resolver:
    """Turns Python values into option values and collects ``data.resolved``."""

    def __init__(self, world: World, guild: Optional[Guild], channel: Channel, upload: Uploader) -> None:
        self.world, self.guild, self.channel, self.upload = world, guild, channel, upload
        self.resolved: dict[str, dict] = {}

    def _put(self, kind: str, key: str, value: dict) -> None:
        self.resolved.setdefault(kind, {})[key] = value

    def option_value(self, d: dict, value: Any) -> Any:
        kind, name = d["type"], d["name"]
        if kind == STRING:
            value = str(value)
        elif kind == INTEGER:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"option {name!r} needs an int, got {value!r}")
        elif kind == NUMBER:
            value = float(value)
        elif kind == BOOLEAN:
            value = bool(value)
        elif kind in (USER, MENTIONABLE) and isinstance(value, (User, Member)):
            return self._user(value.user if isinstance(value, Member) else value)
        elif kind in (ROLE, MENTIONABLE) and isinstance(value, Role):
            self._put("roles", value.id, value.payload())
            return value.id
        elif kind == CHANNEL and isinstance(value, Channel):
            perms = self.world.permissions(value, self.world.bot)
            self._put("channels", value.id, {"id": value.id, "type": value.type, "name": value.name or "",
                                              "permissions": str(perms), "parent_id": None,
                                              "guild_id": value.guild_id})
            return value.id
        elif kind == ATTACHMENT:
            upload = value if isinstance(value, Upload) else Upload(*value)
            att = self.upload(upload)
            self._put("attachments", att["id"], att)
            return att["id"]  # must equal the resolved key, as a string (else discord.Object)
        elif kind in (USER, ROLE, CHANNEL, MENTIONABLE):
            return str(value)  # a raw id: discord.py will see an unresolved discord.Object
        choices = d.get("choices")
        if choices and value not in [c["value"] for c in choices]:
            raise ValueError(f"{value!r} is not a choice of option {name!r}: {[c['value'] for c in choices]}")
        for bound, ok in (("min_value", lambda b: value >= b), ("max_value", lambda b: value <= b),
                          ("min_length", lambda b: len(value) >= b), ("max_length", lambda b: len(value) <= b)):
            if bound in d and d[bound] is not None and not ok(d[bound]):
                raise ValueError(f"{value!r} violates {bound}={d[bound]} of option {name!r}")
        return value

    def entity_value(self, select_type: int, value: Any) -> str:
        """A value of a user (5), role (6), mentionable (7) or channel (8) select menu."""
        option_type = {5: USER, 6: ROLE, 7: MENTIONABLE, 8: CHANNEL}[select_type]
        return str(self.option_value({"type": option_type, "name": "values"}, value))

    def _user(self, user: User) -> str:
        self._put("users", user.id, user.payload())
        member = self.guild.members.get(user.id) if self.guild else None
        if member is not None:
            perms = self.guild.permissions_in(self.channel, user)
            self._put("members", user.id, {**member.payload(with_user=False), "permissions": str(perms)})
        return user.id


def modal_submit_data(custom_id: str, values: dict[str, str], modal: Optional[dict]) -> dict:
    """Mirror the layout of the modal the bot sent (action rows or labels) with the values filled in."""
    if modal is None:
        rows = [{"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]} for k, v in values.items()]
        return {"custom_id": custom_id, "components": rows}
    known: list[str] = []

    def fill(comp: dict) -> dict:
        if comp.get("type") == 1:
            return {"type": 1, "components": [fill(c) for c in comp.get("components", [])]}
        if comp.get("type") == 18:
            return {"type": 18, "id": comp.get("id", 0), "component": fill(comp["component"])}
        if comp.get("type") == 4:
            known.append(comp["custom_id"])
            return {"type": 4, "custom_id": comp["custom_id"], "value": values.get(comp["custom_id"], "")}
        if comp.get("type") in (3, 5, 6, 7, 8):
            known.append(comp["custom_id"])
            return {"type": comp["type"], "custom_id": comp["custom_id"], "values": values.get(comp["custom_id"], [])}
        return {"type": comp.get("type"), "id": comp.get("id", 0)}

    rows = [fill(c) for c in modal.get("components", [])]
    unknown = set(values) - set(known)
    if unknown:
        raise LookupError(f"modal {custom_id!r} has no inputs {sorted(unknown)}; it has {known}")
    return {"custom_id": custom_id, "components": rows}


def as_user(world: World, who: Union[User, Member, str]) -> User:
    if isinstance(who, Member):
        return who.user
    return who if isinstance(who, User) else world.user(who)

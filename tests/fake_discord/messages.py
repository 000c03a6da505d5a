"""Message storage shared by channel routes, interaction callbacks and webhooks.

Creating, editing and deleting a message here also updates channel history and echoes
MESSAGE_CREATE / MESSAGE_UPDATE / MESSAGE_DELETE to bots whose intents ask for them,
blanking content the way Discord does for bots without the MESSAGE_CONTENT intent.
"""

from __future__ import annotations

import copy
import mimetypes
from typing import TYPE_CHECKING, Optional

from .errors import HttpError
from .gateway import DIRECT_MESSAGES, GUILD_MESSAGES, MESSAGE_CONTENT, Session
from .mentions import compute_pings, mentioned_user_ids
from .records import EPHEMERAL, LOADING, SentFile, StoredMessage
from .world import Channel, User, iso_now
from . import permissions as P

if TYPE_CHECKING:
    from .harness import FakeDiscord

SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2 = 1 << 2, 1 << 12, 1 << 15
_SETTABLE_FLAGS = EPHEMERAL | SUPPRESS_EMBEDS | SUPPRESS_NOTIFICATIONS | IS_COMPONENTS_V2


class MessageService:
    def __init__(self, fake: "FakeDiscord") -> None:
        self.fake = fake

    # -- create / edit / delete -------------------------------------------------------
    async def create(
        self,
        channel: Channel,
        author: User,
        body: dict,
        files: list[SentFile],
        *,
        interaction_token: Optional[str] = None,
        message_type: int = 0,
        extra_flags: int = 0,
        can_mention_everyone: bool = True,
    ) -> StoredMessage:
        fake = self.fake
        data = {
            "id": fake.world.ids.next(),
            "channel_id": channel.id,
            "author": author.payload(),
            "content": body.get("content") or "",
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": bool(body.get("tts")),
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": self._attachments(channel, body.get("attachments"), files, []),
            "embeds": list(body.get("embeds") or []),
            "components": list(body.get("components") or []),
            "pinned": False,
            "type": message_type,
            "flags": ((body.get("flags") or 0) & _SETTABLE_FLAGS) | extra_flags,
        }
        if interaction_token is None:
            data["flags"] &= ~EPHEMERAL  # only interaction responses can be ephemeral
        if channel.guild_id:
            data["guild_id"] = channel.guild_id
        if interaction_token is not None:
            data["webhook_id"] = data["application_id"] = fake.world.bot.id
        stored = StoredMessage(data, allowed_mentions=body.get("allowed_mentions"), files=list(files),
                               interaction_token=interaction_token)
        replied_author = self._apply_reference(stored, body.get("message_reference"))
        self._refresh_mentions(stored, channel, can_mention_everyone, replied_author)
        fake.store.messages[data["id"]] = stored
        if not stored.ephemeral:
            channel.last_message_id = data["id"]
            self.echo("MESSAGE_CREATE", stored)
        await fake.store.changed()
        return stored

    async def edit(self, stored: StoredMessage, body: dict, files: list[SentFile]) -> StoredMessage:
        data, channel = stored.data, self.fake.world.channels[stored.channel_id]
        if "content" in body:
            data["content"] = body["content"] or ""
        for key in ("embeds", "components"):
            if key in body:
                data[key] = list(body[key] or [])
        if body.get("flags") is not None:
            # Ephemeral-ness is fixed at creation; LOADING is cleared by any edit below.
            keep = data["flags"] & EPHEMERAL
            data["flags"] = (body["flags"] & (SUPPRESS_EMBEDS | IS_COMPONENTS_V2)) | keep
        data["flags"] &= ~LOADING
        if "attachments" in body or files:
            data["attachments"] = self._attachments(channel, body.get("attachments"), files, data["attachments"])
            stored.files = [f for f in stored.files if any(a["filename"] == f.filename for a in data["attachments"])]
            stored.files += files
        if "allowed_mentions" in body:
            stored.allowed_mentions = body["allowed_mentions"]
        data["edited_timestamp"] = iso_now()
        stored.edits.append(body)
        # Pessimistic: report who the edited text could ping (a completed defer does notify).
        replied = (data.get("referenced_message") or {}).get("author", {}).get("id")
        self._refresh_mentions(stored, channel, True, replied)
        if not stored.ephemeral:
            self.echo("MESSAGE_UPDATE", stored)
        await self.fake.store.changed()
        return stored

    async def delete(self, stored: StoredMessage) -> None:
        stored.deleted = True
        if not stored.ephemeral:
            event = {"id": stored.id, "channel_id": stored.channel_id}
            if stored.data.get("guild_id"):
                event["guild_id"] = stored.data["guild_id"]
            self.fake.gateway.dispatch("MESSAGE_DELETE", event, _intent_filter(event))
        await self.fake.store.changed()

    # -- helpers ------------------------------------------------------------------------
    def _attachments(self, channel: Channel, entries: Optional[list], files: list[SentFile],
                     existing: list[dict]) -> list[dict]:
        """Keep attachments whose id is listed, add one per ``files[n]`` part (Discord's edit rules)."""
        by_id = {a["id"]: a for a in existing}
        if entries is None:
            result = list(existing)
        else:
            result = [by_id[str(e["id"])] for e in entries if str(e.get("id")) in by_id]
        meta = {str(e.get("id")): e for e in entries or [] if str(e.get("id")) not in by_id}
        for f in files:
            index = f.field[len("files["):-1] if f.field.startswith("files[") else f.field
            info = meta.get(index, {})
            filename = info.get("filename") or f.filename
            ctype = f.content_type if f.content_type not in (None, "application/octet-stream") else None
            ctype = ctype or mimetypes.guess_type(filename)[0] or "application/octet-stream"
            att_id = self.fake.world.ids.next()
            url = self.fake.add_cdn_file(filename, f.data, ctype, folder=f"{channel.id}/{att_id}")
            result.append({"id": att_id, "filename": filename, "size": len(f.data), "url": url,
                           "proxy_url": url, "content_type": ctype, "description": info.get("description")})
        return result

    def _apply_reference(self, stored: StoredMessage, ref: Optional[dict]) -> Optional[str]:
        if not ref or not ref.get("message_id"):
            return None
        target = self.fake.store.messages.get(str(ref["message_id"]))
        if target is None or target.deleted:
            if ref.get("fail_if_not_exists", True):
                raise HttpError(400, 50035, "Invalid Form Body", errors={"message_reference": {"_errors": [
                    {"code": "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "message": "Unknown message"}]}})
            return None
        stored.data["message_reference"] = {"type": 0, "message_id": target.id, "channel_id": target.channel_id,
                                            "guild_id": target.data.get("guild_id")}
        stored.data["referenced_message"] = copy.deepcopy(target.data)
        stored.data["referenced_message"].pop("referenced_message", None)
        stored.data["type"] = 19 if stored.data["type"] == 0 else stored.data["type"]
        return target.author_id

    def _refresh_mentions(self, stored: StoredMessage, channel: Channel, can_mention_everyone: bool,
                          replied_author: Optional[str]) -> None:
        world, data = self.fake.world, stored.data
        users = [world.users[u] for u in mentioned_user_ids(data["content"]) if u in world.users]
        if replied_author and stored.allowed_mentions is None and replied_author in world.users:
            users.append(world.users[replied_author])
        data["mentions"] = list({u.id: u.payload() for u in users}.values())
        guild = world.guild_of(channel)
        roles = guild.roles if guild else {}
        stored.pings = compute_pings(
            data["content"], stored.allowed_mentions,
            mentionable_roles=frozenset(r for r, role in roles.items() if role.mentionable),
            can_mention_everyone=can_mention_everyone and channel.guild_id is not None,
            replied_author_id=replied_author,
        )
        data["mention_roles"] = sorted(stored.pings.roles)
        data["mention_everyone"] = stored.pings.everyone

    def event_payload(self, stored: StoredMessage) -> dict:
        """The gateway form of a message: guild messages carry partial ``member`` objects."""
        data = copy.deepcopy(stored.data)
        guild = self.fake.world.guilds.get(data.get("guild_id") or "")
        if guild is not None:
            member = guild.members.get(data["author"]["id"])
            if member is not None and "webhook_id" not in data:
                data["member"] = member.payload(with_user=False)
            for mention in data["mentions"]:
                m = guild.members.get(mention["id"])
                if m is not None:
                    mention["member"] = m.payload(with_user=False)
        return data

    def echo(self, event: str, stored: StoredMessage) -> int:
        data = self.event_payload(stored)
        return self.fake.gateway.dispatch(event, data, _intent_filter(data, bot_id=self.fake.world.bot.id))

    def can_bot_post(self, channel: Channel, *, has_files: bool) -> int:
        """Raise Discord's 403s for a bot message; return the bot's permissions otherwise."""
        if channel.is_dm:
            if not channel.recipients[0].accepts_dms:
                raise HttpError(403, 50007, "Cannot send messages to this user")
            return P.DM_PERMISSIONS
        perms = self.fake.world.permissions(channel, self.fake.world.bot)
        if not perms & P.VIEW_CHANNEL:
            raise HttpError(403, 50001, "Missing Access")
        if not perms & P.SEND_MESSAGES or (has_files and not perms & P.ATTACH_FILES):
            raise HttpError(403, 50013, "Missing Permissions")
        return perms


def _intent_filter(data: dict, bot_id: str = ""):
    """Per-session gate: the right MESSAGES intent, and MESSAGE_CONTENT blanking."""
    in_guild = bool(data.get("guild_id"))

    def transform(session: Session, payload: dict) -> Optional[dict]:
        if not session.intents & (GUILD_MESSAGES if in_guild else DIRECT_MESSAGES):
            return None
        author = payload.get("author", {}).get("id")
        mentioned = any(m.get("id") == bot_id for m in payload.get("mentions", []))
        if in_guild and author and author != bot_id and not mentioned and not session.intents & MESSAGE_CONTENT:
            # Discord blanks these fields for bots lacking the privileged intent.
            payload = {**payload, "content": "", "embeds": [], "attachments": [], "components": []}
            payload.pop("poll", None)
        return payload

    return transform

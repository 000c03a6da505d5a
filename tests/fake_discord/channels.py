"""REST routes for channels, channel messages, reactions, typing and DM creation.

Bot messages are checked like Discord does: size limits (400 50035), empty messages
(400 50006), channel permissions (403 50001 / 50013), DMs to users who closed them
(403 50007). Embeds without EMBED_LINKS are silently stripped, as Discord does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from . import permissions as P
from .errors import HttpError, not_found, UNKNOWN_CHANNEL, UNKNOWN_MESSAGE, UNKNOWN_USER
from .limits import check_message
from .records import StoredMessage
from .server import BODY, FILES
from .world import Channel

if TYPE_CHECKING:
    from .harness import FakeDiscord


def register(api: web.RouteTableDef, fake: "FakeDiscord") -> None:
    world, store, messages = fake.world, fake.store, fake.messages

    def _channel(request: web.Request, need: int = P.VIEW_CHANNEL) -> Channel:
        channel = world.channels.get(request.match_info["channel_id"])
        if channel is None:
            raise not_found(UNKNOWN_CHANNEL, "Channel")
        if not channel.is_dm:
            perms = world.permissions(channel, world.bot)
            if not perms & P.VIEW_CHANNEL:
                raise HttpError(403, 50001, "Missing Access")
            if perms & need != need:
                raise HttpError(403, 50013, "Missing Permissions")
        return channel

    def _message(request: web.Request, channel: Channel) -> StoredMessage:
        msg = store.messages.get(request.match_info["message_id"])
        if msg is None or msg.deleted or msg.ephemeral or msg.channel_id != channel.id:
            raise not_found(UNKNOWN_MESSAGE, "Message")
        return msg

    @api.get("/channels/{channel_id}")
    async def get_channel(request: web.Request):
        return _channel(request).payload()

    @api.post("/channels/{channel_id}/typing")
    async def typing(request: web.Request):
        _channel(request, P.VIEW_CHANNEL | P.SEND_MESSAGES)
        return None

    @api.get("/channels/{channel_id}/messages")
    async def history(request: web.Request):
        channel = _channel(request, P.VIEW_CHANNEL | P.READ_MESSAGE_HISTORY)
        msgs = fake.history(channel)
        q = request.query
        if "before" in q:
            msgs = [m for m in msgs if int(m.id) < int(q["before"])]
        if "after" in q:
            msgs = [m for m in msgs if int(m.id) > int(q["after"])]
        limit = int(q.get("limit", 50))
        if "after" in q:  # Discord returns newest first in every case
            msgs = msgs[:limit]
        else:
            msgs = msgs[-limit:]
        return [m.data for m in reversed(msgs)]

    @api.post("/channels/{channel_id}/messages")
    async def create_message(request: web.Request):
        channel = world.channels.get(request.match_info["channel_id"])
        if channel is None:
            raise not_found(UNKNOWN_CHANNEL, "Channel")
        body, files = dict(request[BODY] or {}), request[FILES]
        check_message(body, n_files=len(files))
        perms = messages.can_bot_post(channel, has_files=bool(files))
        if body.get("embeds") and not perms & P.EMBED_LINKS:
            body["embeds"] = []  # Discord drops them silently instead of failing
        check_message(body, creating=True, n_files=len(files))
        msg = await messages.create(channel, world.bot, body, files,
                                    can_mention_everyone=bool(perms & P.MENTION_EVERYONE))
        return msg.data

    @api.get("/channels/{channel_id}/messages/{message_id}")
    async def get_message(request: web.Request):
        channel = _channel(request, P.VIEW_CHANNEL | P.READ_MESSAGE_HISTORY)
        return _message(request, channel).data

    @api.patch("/channels/{channel_id}/messages/{message_id}")
    async def edit_message(request: web.Request):
        channel = _channel(request)
        msg = _message(request, channel)
        body, files = dict(request[BODY] or {}), request[FILES]
        if msg.author_id != world.bot.id:
            raise HttpError(403, 50005, "Cannot edit a message authored by another user")
        check_message(body, n_files=len(files))
        await messages.edit(msg, body, files)
        return msg.data

    @api.delete("/channels/{channel_id}/messages/{message_id}")
    async def delete_message(request: web.Request):
        channel = _channel(request)
        msg = _message(request, channel)
        if msg.author_id != world.bot.id and not channel.is_dm:
            if not world.permissions(channel, world.bot) & P.MANAGE_MESSAGES:
                raise HttpError(403, 50013, "Missing Permissions")
        await messages.delete(msg)
        return None

    @api.put("/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me")
    async def add_reaction(request: web.Request):
        channel = _channel(request, P.VIEW_CHANNEL | P.READ_MESSAGE_HISTORY | P.ADD_REACTIONS)
        msg = _message(request, channel)
        emoji = request.match_info["emoji"]
        reactions = msg.data.setdefault("reactions", [])
        if not any(r["emoji"]["name"] == emoji for r in reactions):
            reactions.append({"count": 1, "me": True, "emoji": {"id": None, "name": emoji}})
        await store.changed()
        return None

    @api.delete("/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me")
    async def remove_reaction(request: web.Request):
        msg = _message(request, _channel(request))
        emoji = request.match_info["emoji"]
        msg.data["reactions"] = [r for r in msg.data.get("reactions", []) if r["emoji"]["name"] != emoji]
        await store.changed()
        return None

    @api.get("/users/@me/channels")
    async def list_dms(request: web.Request):
        return [c.payload() for c in world.channels.values() if c.is_dm]

    @api.post("/users/@me/channels")
    async def create_dm(request: web.Request):
        user = world.users.get(str((request[BODY] or {}).get("recipient_id")))
        if user is None:
            raise not_found(UNKNOWN_USER, "User")
        return world.dm_channel(user).payload()

"""Interaction callbacks, followups and @original edits, with Discord's timing rules.

- first callback later than ``fake.interaction_deadline`` (3 s) -> 404 10062
- a second callback -> 400 40060
- followup / @original before any callback -> 404 10015
- the first followup after a type-5 defer completes the loading message (same id).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Optional

from aiohttp import web

from . import errors as E
from .errors import HttpError
from .limits import check_choices, check_message, check_modal
from .records import EPHEMERAL, LOADING, InteractionRecord, StoredMessage
from .server import BODY, FILES

if TYPE_CHECKING:
    from .harness import FakeDiscord

# Which callback types Discord accepts for each interaction type.
_ALLOWED = {2: {4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}, 5: {4, 5, 6, 7}}


def register(api: web.RouteTableDef, fake: "FakeDiscord") -> None:
    world, store, messages = fake.world, fake.store, fake.messages

    def _record_errors(handler):
        async def wrapped(request: web.Request):
            try:
                return await handler(request)
            except HttpError as exc:
                rec = store.interactions.get(request.match_info["token"])
                if rec is not None:
                    rec.errors.append((handler.__name__, exc.status, exc.body()))
                raise
        wrapped.__name__ = handler.__name__
        return wrapped

    def _channel(rec: InteractionRecord):
        return world.channels[rec.payload["channel_id"]]

    @api.post("/interactions/{interaction_id}/{token}/callback")
    @_record_errors
    async def callback(request: web.Request):
        rec = store.interactions.get(request.match_info["token"])
        if rec is None or rec.id != request.match_info["interaction_id"]:
            raise HttpError(404, E.UNKNOWN_INTERACTION, "Unknown interaction")
        if rec.callback is not None:
            raise HttpError(400, E.ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged.")
        if asyncio.get_running_loop().time() - rec.created > fake.interaction_deadline:
            raise HttpError(404, E.UNKNOWN_INTERACTION, "Unknown interaction")
        body, files = request[BODY] or {}, request[FILES]
        ctype, data = body.get("type"), body.get("data") or {}
        allowed = set(_ALLOWED.get(rec.type, ()))
        if rec.type == 5 and "message" not in rec.payload:
            allowed -= {6, 7}  # only a modal opened from a component can update that message
        if ctype not in allowed:
            raise HttpError(400, 50035, "Invalid Form Body", errors={"type": {"_errors": [
                {"code": "INTERACTION_RESPONSE_TYPE_INVALID", "message": f"Type {ctype} is not valid here"}]}})
        message: Optional[StoredMessage] = None
        if ctype == 4:
            check_message(data, prefix=("data",), creating=True, n_files=len(files))
            message = await messages.create(_channel(rec), world.bot, data, files, interaction_token=rec.token,
                                            message_type=20 if rec.type == 2 else 0)
        elif ctype == 5:
            loading = {"content": "", "flags": data.get("flags", 0) & EPHEMERAL}
            message = await messages.create(_channel(rec), world.bot, loading, [], interaction_token=rec.token,
                                            message_type=20 if rec.type == 2 else 0, extra_flags=LOADING)
        elif ctype in (6, 7):
            message = store.messages.get(rec.payload["message"]["id"])
            if message is None or message.deleted:
                raise E.not_found(E.UNKNOWN_MESSAGE, "Message")
            if ctype == 7:
                check_message(data, prefix=("data",), n_files=len(files))
                await messages.edit(message, data, files)
        elif ctype == 8:
            check_choices(data)
        elif ctype == 9:
            check_modal(data)
            store.modals[data["custom_id"]] = {"data": data, "source": rec}
        rec.callback, rec.callback_files = body, list(files)
        if message is not None:
            rec.original = message
        await store.changed()
        return _callback_response(rec, ctype, message if ctype in (4, 5, 7) else None)

    def _webhook_rec(request: web.Request) -> InteractionRecord:
        rec = store.interactions.get(request.match_info["token"])
        if rec is None or request.match_info["app_id"] != rec.payload["application_id"] or rec.callback is None:
            raise HttpError(404, E.UNKNOWN_WEBHOOK, "Unknown Webhook")
        return rec

    def _webhook_message(rec: InteractionRecord, message_id: str) -> StoredMessage:
        msg = rec.original if message_id == "@original" else store.messages.get(message_id)
        if msg is None or msg.deleted or (msg is not rec.original and msg not in rec.followups):
            raise E.not_found(E.UNKNOWN_MESSAGE, "Message")
        return msg

    @api.post("/webhooks/{app_id}/{token}")
    @_record_errors
    async def followup(request: web.Request):
        rec = _webhook_rec(request)
        body, files = dict(request[BODY] or {}), request[FILES]
        check_message(body, creating=True, n_files=len(files))
        original = rec.original
        if rec.callback_type == 5 and original is not None and original.loading and not original.deleted:
            # Discord completes the "thinking" message; the ephemeral choice made at defer time wins.
            body.pop("flags", None)
            msg = await messages.edit(original, body, files)
        else:
            msg = await messages.create(_channel(rec), world.bot, body, files, interaction_token=rec.token)
        rec.followups.append(msg)
        await store.changed()
        return msg.data if request.query.get("wait", "false").lower() in ("1", "true") else None

    @api.get("/webhooks/{app_id}/{token}/messages/{message_id}")
    @_record_errors
    async def get_webhook_message(request: web.Request):
        rec = _webhook_rec(request)
        return _webhook_message(rec, request.match_info["message_id"]).data

    @api.patch("/webhooks/{app_id}/{token}/messages/{message_id}")
    @_record_errors
    async def edit_webhook_message(request: web.Request):
        rec = _webhook_rec(request)
        msg = _webhook_message(rec, request.match_info["message_id"])
        body, files = dict(request[BODY] or {}), request[FILES]
        check_message(body, n_files=len(files))
        await messages.edit(msg, body, files)
        if msg is rec.original:
            rec.original_edits.append(body)
        await store.changed()
        return msg.data

    @api.delete("/webhooks/{app_id}/{token}/messages/{message_id}")
    @_record_errors
    async def delete_webhook_message(request: web.Request):
        rec = _webhook_rec(request)
        await messages.delete(_webhook_message(rec, request.match_info["message_id"]))
        return None


def _callback_response(rec: InteractionRecord, ctype: int, message: Optional[StoredMessage]) -> dict:
    """The ``with_response=1`` body; discord.py parses it, so 204 would break the bot."""
    resource: dict = {"type": ctype}
    if message is not None:
        resource["message"] = message.data
    return {
        "interaction": {
            "id": rec.id,
            "type": rec.type,
            "activity_instance_id": None,
            "response_message_id": message.id if message else None,
            "response_message_loading": ctype == 5,
            "response_message_ephemeral": bool(message and message.ephemeral),
        },
        "resource": resource,
    }

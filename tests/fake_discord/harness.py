"""``FakeDiscord``: the object tests hold. It owns the world, the server and the gateway,
plays the Discord users (slash commands, clicks, modals, messages) and exposes what the
bot did (REST records, channel history, interaction responses, files)."""

from __future__ import annotations

import asyncio
import logging
import mimetypes
import re
import secrets
from typing import Any, Callable, Optional, TypeVar, Union

from .gateway import ALL_PRIVILEGED_APP_FLAGS, GUILDS, Gateway
from .messages import MessageService
from .payloads import (Resolver, Upload, as_user, command_data, find_command, interaction_envelope,
                       modal_submit_data)
from .records import (GatewayFrame, InteractionRecord, RateLimitRule, RestRecord, SentFile, Store,
                      StoredMessage, walk_components)
from .server import FakeServer
from .world import Channel, Guild, Member, User, World
from . import permissions as P

T = TypeVar("T")
UserLike = Union[User, Member, str]
MessageLike = Union[StoredMessage, str]


class WaitTimeout(AssertionError):
    """A ``wait_for*`` gave up; an AssertionError so pytest shows it as a test failure."""


class FakeDiscord:
    def __init__(self, world: Optional[World] = None, *, token: str = "fake-bot-token",
                 app_flags: int = ALL_PRIVILEGED_APP_FLAGS, interaction_deadline: float = 3.0) -> None:
        self.world = world or World.default()
        self.token = token
        self.app_flags = app_flags  # which privileged intents the "developer portal" granted
        self.interaction_deadline = interaction_deadline
        self.bot_errors: list[logging.LogRecord] = []  # filled by fixtures.running_bot
        self.server_errors: list[BaseException] = []  # bugs in the fake itself (answered 503)
        self.store = Store()
        self.gateway = Gateway(self)
        self.messages = MessageService(self)
        self.server = FakeServer(self)

    # -- lifecycle ----------------------------------------------------------------------
    async def start(self) -> "FakeDiscord":
        await self.server.start()
        return self

    async def stop(self) -> None:
        await self.server.stop()

    async def __aenter__(self) -> "FakeDiscord":
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.server.port}/gateway"

    @property
    def resume_gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.server.port}/gateway-resume"

    @property
    def bot(self) -> User:
        return self.world.bot

    # -- what the bot did -----------------------------------------------------------------
    @property
    def requests(self) -> list[RestRecord]:
        return self.store.requests

    @property
    def unhandled(self) -> list[RestRecord]:
        return self.store.unhandled

    @property
    def frames(self) -> list[GatewayFrame]:
        return self.store.frames

    def mark(self) -> int:
        """Index to pass as ``start=`` so a wait ignores earlier requests."""
        return len(self.store.requests)

    def history(self, channel: Optional[Channel] = None) -> list[StoredMessage]:
        """Visible messages of a channel, oldest first (no ephemeral, no deleted)."""
        channel = channel or self.world.channel
        return [m for m in self.store.messages.values()
                if m.channel_id == channel.id and not m.deleted and not m.ephemeral]

    def message(self, message_id: str) -> StoredMessage:
        return self.store.messages[str(message_id)]

    def commands(self, guild: Optional[Guild] = None) -> list[dict]:
        return self.store.commands.get(guild.id if guild else None, [])

    def add_cdn_file(self, name: str, data: bytes, content_type: str = "application/octet-stream", *,
                     folder: Optional[str] = None) -> str:
        """Serve ``data`` from the fake CDN and return its URL (what attachments point to)."""
        path = f"{folder or self.world.ids.next()}/{name}"
        self.store.cdn[path] = (data, content_type)
        return f"{self.base_url}/attachments/{path}"

    # -- waiting --------------------------------------------------------------------------
    async def wait_for(self, predicate: Callable[[], T], timeout: float = 2.0, what: str = "") -> T:
        """Return the first truthy ``predicate()``; re-checks on every fake event and every 20 ms
        (bot-side state changes do not notify the fake)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = predicate()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                recent = ", ".join(f"{r.method} {r.path} {r.status}" for r in self.store.requests[-6:])
                raise WaitTimeout(f"timed out after {timeout}s waiting for {what or predicate!r}; "
                                  f"recent requests: [{recent}]")
            await self.store.wait_changed(min(0.02, remaining))

    async def wait_for_request(self, method: str, path_regex: str, *, start: int = 0, status: Optional[int] = None,
                               timeout: float = 2.0) -> RestRecord:
        """First recorded REST call (index >= start) matching method and ``re.search(path_regex)``."""
        def find() -> Optional[RestRecord]:
            for rec in self.store.requests[start:]:
                if rec.method == method and re.search(path_regex, rec.path) and status in (None, rec.status):
                    return rec
            return None
        return await self.wait_for(find, timeout, f"{method} {path_regex}")

    async def wait_for_response(self, rec: InteractionRecord, timeout: float = 2.0) -> InteractionRecord:
        """Until the bot has called back and, after a defer, replaced the loading message."""
        def done() -> bool:
            if rec.callback is None:
                return False
            return not (rec.original is not None and rec.original.loading)
        await self.wait_for(done, timeout, f"a complete response to interaction {rec.id}")
        return rec

    async def wait_for_gateway_op(self, op: int, *, start: int = 0, direction: str = "in",
                                  timeout: float = 2.0) -> GatewayFrame:
        return await self.wait_for(
            lambda: next((f for f in self.store.frames[start:] if f.op == op and f.direction == direction), None),
            timeout, f"gateway op {op} ({direction})")

    # -- gateway controls -----------------------------------------------------------------
    def drop_gateway(self, code: int = 4000, *, abrupt: bool = False, hold: bool = False) -> None:
        """Close every bot connection (``abrupt``: TCP reset, no close frame). ``hold``: refuse to
        say HELLO to reconnecting bots until ``release_gateway()`` -- an outage."""
        self.gateway.drop(code, abrupt=abrupt, hold=hold)

    def hold_gateway(self) -> None:
        """Bots that (re)connect from now on wait for HELLO until ``release_gateway()``."""
        self.gateway.hold()

    def release_gateway(self) -> None:
        self.gateway.release()

    def send_reconnect(self) -> None:
        self.gateway.send_reconnect()

    def invalidate_sessions(self) -> None:
        self.gateway.invalidate_sessions()

    def request_heartbeat(self) -> None:
        self.gateway.request_heartbeat()

    def update_channel(self, channel: Channel) -> int:
        """Tell connected bots about a changed channel (e.g. after ``channel.set_overwrite``)."""
        return self.gateway.dispatch("CHANNEL_UPDATE", channel.payload(),
                                     lambda s, d: d if s.intents & GUILDS else None)

    def rate_limit_next(self, method: str, path_regex: str, *, retry_after: float = 0.3, is_global: bool = False,
                        with_via: bool = True, count: int = 1) -> RateLimitRule:
        """Answer the next ``count`` matching requests with 429 (``method`` may be "*")."""
        rule = RateLimitRule(method, path_regex, retry_after, is_global, with_via, count)
        self.store.rate_limits.append(rule)
        return rule

    # -- playing users: interactions --------------------------------------------------------
    async def _dispatch_interaction(self, itype: int, user: UserLike, channel: Channel,
                                    build_data: Callable[[Resolver], dict],
                                    message: Optional[StoredMessage] = None) -> InteractionRecord:
        user = as_user(self.world, user)
        iid, token = self.world.ids.next(), "itok_" + secrets.token_urlsafe(24)  # URL-safe: it goes in paths
        payload = interaction_envelope(self.world, itype=itype, iid=iid, token=token, user=user, channel=channel)
        payload["data"] = build_data(Resolver(self.world, self.world.guild_of(channel), channel, self._upload))
        if message is not None:
            payload["message"] = self.messages.event_payload(message)
        rec = InteractionRecord(iid, token, itype, payload, asyncio.get_running_loop().time())
        self.store.interactions[token] = rec  # before dispatch: the bot may answer at once
        rec.delivered_to = self.gateway.dispatch("INTERACTION_CREATE", payload)
        await self.store.changed()
        return rec

    def _upload(self, upload: Upload) -> dict:
        att_id = self.world.ids.next()
        ctype = upload.content_type or mimetypes.guess_type(upload.filename)[0] or "application/octet-stream"
        url = self.add_cdn_file(upload.filename, upload.data, ctype, folder=f"ephemeral-attachments/{att_id}")
        return {"id": att_id, "filename": upload.filename, "size": len(upload.data), "url": url, "proxy_url": url,
                "content_type": ctype, "ephemeral": True}

    def _channel(self, guild: Optional[Guild], channel: Optional[Channel]) -> Channel:
        if channel is not None:
            return channel
        return next(iter((guild or self.world.guild).channels.values()))

    async def invoke_slash(self, name: str, *, user: UserLike, guild: Optional[Guild] = None,
                           channel: Optional[Channel] = None, options: Optional[dict[str, Any]] = None,
                           attachments: Optional[dict[str, Any]] = None) -> InteractionRecord:
        """Run ``/name`` (``"corpus upload"`` for subcommands). ``attachments`` maps attachment
        option names to ``Upload`` or ``(filename, bytes[, content_type])``."""
        channel = self._channel(guild, channel)
        root, *path = name.split()
        command = find_command(self.store.commands, root, self.world.guild_of(channel))
        values = {**(options or {}), **(attachments or {})}
        return await self._dispatch_interaction(2, user, channel, lambda r: command_data(command, path, values, r))

    async def autocomplete(self, name: str, focused_option: str, value: str, user: UserLike, *,
                           guild: Optional[Guild] = None, channel: Optional[Channel] = None,
                           options: Optional[dict[str, Any]] = None) -> InteractionRecord:
        """Type-4 interaction; the record's ``choices`` fill in when the bot answers (callback 8)."""
        channel = self._channel(guild, channel)
        root, *path = name.split()
        command = find_command(self.store.commands, root, self.world.guild_of(channel))
        values = {**(options or {}), focused_option: value}
        return await self._dispatch_interaction(
            4, user, channel, lambda r: command_data(command, path, values, r, focused=focused_option))

    def _find_component(self, message: StoredMessage, custom_id: str) -> dict:
        for comp in walk_components(message.components):
            if comp.get("custom_id") == custom_id:
                if comp.get("disabled"):
                    raise LookupError(f"component {custom_id!r} on message {message.id} is disabled")
                return comp
        raise LookupError(f"message {message.id} has no component {custom_id!r}; it has {message.custom_ids()}")

    async def click_button(self, message_id: MessageLike, custom_id: str, user: UserLike) -> InteractionRecord:
        """Type-3 interaction for a button that must exist (and be enabled) on the stored message."""
        return await self._component(message_id, custom_id, user, None, kinds=(2,))

    async def select(self, message_id: MessageLike, custom_id: str, values: list[str],
                     user: UserLike) -> InteractionRecord:
        """Type-3 interaction for a select menu (``data.values``)."""
        return await self._component(message_id, custom_id, user, values, kinds=(3, 5, 6, 7, 8))

    async def _component(self, message_id: MessageLike, custom_id: str, user: UserLike,
                         values: Optional[list[str]], *, kinds: tuple[int, ...]) -> InteractionRecord:
        message = message_id if isinstance(message_id, StoredMessage) else self.store.messages.get(str(message_id))
        if message is None or message.deleted:
            raise LookupError(f"no message {message_id}")
        comp = self._find_component(message, custom_id)
        if comp["type"] not in kinds:
            raise LookupError(f"component {custom_id!r} is of type {comp['type']}, expected one of {kinds}")
        channel = self.world.channels[message.channel_id]

        def build(resolver: Resolver) -> dict:
            data: dict[str, Any] = {"custom_id": custom_id, "component_type": comp["type"]}
            if values is None:
                return data
            if comp["type"] == 3:
                allowed = [o["value"] for o in comp.get("options", [])]
                bad = [v for v in values if v not in allowed]
                if bad:
                    raise LookupError(f"select {custom_id!r} has no options {bad}; it has {allowed}")
                # No "resolved" key here: if present (even empty) discord.py reads values from it.
                data["values"] = [str(v) for v in values]
            else:  # user / role / mentionable / channel selects carry resolved objects
                data["values"] = [resolver.entity_value(comp["type"], v) for v in values]
                data["resolved"] = resolver.resolved
            return data

        return await self._dispatch_interaction(3, user, channel, build, message=message)

    async def submit_modal(self, custom_id: str, values: dict[str, Any], user: UserLike, *,
                           channel: Optional[Channel] = None) -> InteractionRecord:
        """Type-5 interaction. If the bot opened this modal, its layout is mirrored and its channel
        (and message, for modals opened from a component) reused."""
        opened = self.store.modals.get(custom_id)
        source: Optional[InteractionRecord] = opened["source"] if opened else None
        if channel is None:
            channel = self.world.channels[source.payload["channel_id"]] if source else self.world.channel
        message = None
        if source is not None and "message" in source.payload:
            message = self.store.messages.get(source.payload["message"]["id"])
        data = modal_submit_data(custom_id, values, opened["data"] if opened else None)
        return await self._dispatch_interaction(5, user, channel, lambda r: data, message=message)

    # -- playing users: messages ------------------------------------------------------------
    async def send_message(self, channel: Channel, author: UserLike, content: str, *,
                           mentions: tuple[UserLike, ...] = (), attachments: tuple[Upload, ...] = (),
                           reply_to: Optional[MessageLike] = None) -> StoredMessage:
        """A user posts in a guild channel; bots get MESSAGE_CREATE (content blanked for bots
        without MESSAGE_CONTENT unless they are mentioned). ``mentions`` are prepended as
        ``<@id>`` when the content does not already contain them."""
        author = as_user(self.world, author)
        perms = self.world.permissions(channel, author)
        if not perms & P.SEND_MESSAGES:
            raise PermissionError(f"{author.username} cannot send messages in #{channel.name}")
        for who in mentions:
            tag = as_user(self.world, who).mention
            if tag not in content and tag.replace("<@", "<@!") not in content:
                content = f"{tag} {content}"
        body: dict[str, Any] = {"content": content}
        if reply_to is not None:
            ref = reply_to.id if isinstance(reply_to, StoredMessage) else str(reply_to)
            body["message_reference"] = {"message_id": ref}
        files = [_as_sent(i, a) for i, a in enumerate(attachments)]
        body["attachments"] = [{"id": i, "filename": f.filename} for i, f in enumerate(files)]
        return await self.messages.create(channel, author, body, files,
                                          can_mention_everyone=bool(perms & P.MENTION_EVERYONE))

    async def send_dm(self, author: UserLike, content: str, *,
                      attachments: tuple[Upload, ...] = ()) -> StoredMessage:
        """A user DMs the bot (MESSAGE_CREATE without guild_id; bots need DIRECT_MESSAGES)."""
        author = as_user(self.world, author)
        return await self.send_message(self.world.dm_channel(author), author, content, attachments=attachments)

    def dm_history(self, user: UserLike) -> list[StoredMessage]:
        return self.history(self.world.dm_channel(as_user(self.world, user)))


def _as_sent(index: int, upload: Upload) -> SentFile:
    return SentFile(f"files[{index}]", upload.filename, upload.content_type, upload.data)

"""The fake gateway: one aiohttp WebSocket endpoint speaking Discord's v10 protocol.

Frames go out as plain JSON text; discord.py only decompresses binary frames, so this
works whatever ``compress=`` mode (zlib-stream / zstd-stream) the client asked for.
Sessions outlive connections so that RESUME can replay what the bot missed.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional

from aiohttp import WSMsgType, web

from .records import GatewayFrame
from .world import shard_of

if TYPE_CHECKING:
    from .harness import FakeDiscord

# Intents (identify ``intents`` bits) and the application flags that grant the privileged ones.
GUILDS, GUILD_MEMBERS, GUILD_PRESENCES = 1 << 0, 1 << 1, 1 << 8
GUILD_MESSAGES, DIRECT_MESSAGES, MESSAGE_CONTENT = 1 << 9, 1 << 12, 1 << 15
APP_FLAG_PRESENCE = (1 << 12) | (1 << 13)
APP_FLAG_MEMBERS = (1 << 14) | (1 << 15)
APP_FLAG_MESSAGE_CONTENT = (1 << 18) | (1 << 19)
ALL_PRIVILEGED_APP_FLAGS = (1 << 12) | (1 << 14) | (1 << 18)
_PRIVILEGED = ((GUILD_MEMBERS, APP_FLAG_MEMBERS), (GUILD_PRESENCES, APP_FLAG_PRESENCE),
               (MESSAGE_CONTENT, APP_FLAG_MESSAGE_CONTENT))

Transform = Callable[["Session", dict], Optional[dict]]


@dataclass
class Session:
    id: str
    token: str
    intents: int
    seq: int = 0
    buffer: list[dict] = field(default_factory=list)  # every dispatch, for RESUME replay
    conn: Optional["Connection"] = None
    ended: bool = False
    shard: tuple[int, int] = (0, 1)  # (shard id, shard count) from IDENTIFY; (0, 1): unsharded

    def owns(self, guild_id: Optional[str]) -> bool:
        """Whether Discord routes this guild's events (None: a DM's) to this session's shard."""
        return shard_of(guild_id, self.shard[1]) == self.shard[0]

    def frame(self, event: str, data: Any) -> dict:
        self.seq += 1
        frame = {"op": 0, "t": event, "s": self.seq, "d": data}
        self.buffer.append(frame)
        return frame


class Connection:
    """One WebSocket. A writer task drains a queue so frames leave in sequence order."""

    def __init__(self, cid: int, ws: web.WebSocketResponse, request: web.Request, gateway: "Gateway") -> None:
        self.id, self.ws, self.request, self.gateway = cid, ws, request, gateway
        self.session: Optional[Session] = None
        self.closed_by_server = False
        self._queue: asyncio.Queue = asyncio.Queue()
        self.writer = asyncio.create_task(self._write_loop(), name=f"fake-gateway-writer-{cid}")

    def send(self, frame: dict) -> None:
        self._queue.put_nowait(("frame", frame))

    def close(self, code: int) -> None:
        self.closed_by_server = True
        self._queue.put_nowait(("close", code))

    def abort(self) -> None:
        """Kill the TCP connection without a close frame (client sees 1006 and RESUMEs)."""
        self.closed_by_server = True
        transport = self.request.transport
        if transport is not None:
            transport.abort()

    def stop(self) -> None:
        self._queue.put_nowait(("stop", None))

    async def _write_loop(self) -> None:
        while True:
            kind, item = await self._queue.get()
            if kind == "stop":
                return
            if kind == "close":
                try:
                    await self.ws.close(code=item)
                except (ConnectionError, RuntimeError):
                    pass
                return
            try:
                await self.ws.send_str(json.dumps(item))
            except (ConnectionError, RuntimeError):
                # The socket died; dispatches stay in the session buffer for RESUME.
                continue
            await self.gateway.record(self, "out", item)


class Gateway:
    def __init__(self, fake: "FakeDiscord") -> None:
        self.fake = fake
        self.sessions: dict[str, Session] = {}
        self.connections: dict[int, Connection] = {}
        self.ack_heartbeats = True  # switch off to test zombie-connection handling
        self.heartbeat_interval_ms = 41250
        self.identify_count = 0
        self.resume_count = 0
        self._next_conn = 0
        self._open = asyncio.Event()  # cleared while a test holds the gateway "down"
        self._open.set()

    # -- bookkeeping --------------------------------------------------------------------
    async def record(self, conn: Connection, direction: str, payload: dict) -> None:
        store = self.fake.store
        store.frames.append(GatewayFrame(conn.id, direction, payload.get("op"), payload.get("t"),
                                         payload.get("s"), payload.get("d"), asyncio.get_running_loop().time()))
        await store.changed()

    def live_sessions(self) -> list[Session]:
        return [s for s in self.sessions.values() if not s.ended]

    # -- the WebSocket handler ------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        # timeout= bounds how long a server-initiated close waits for the client's close frame.
        ws = web.WebSocketResponse(timeout=0.5, max_msg_size=0)
        await ws.prepare(request)
        await self._open.wait()  # a held gateway: the client sits waiting for HELLO
        self._next_conn += 1
        conn = Connection(self._next_conn, ws, request, self)
        self.connections[conn.id] = conn
        if request.query.get("encoding", "json") != "json":
            conn.close(4002)  # discord.py 2.x never asks for etf
        else:
            conn.send({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}, "s": None, "t": None})
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_payload(conn, json.loads(msg.data))
                else:
                    conn.close(4002)  # clients send text JSON only
        finally:
            await self._on_disconnect(conn)
        return ws

    async def _on_disconnect(self, conn: Connection) -> None:
        session = conn.session
        if session is not None and session.conn is conn:
            session.conn = None
            # A client-initiated 1000/1001 ends the session (Client.close(), op 9 handling);
            # anything else leaves it resumable, as on Discord.
            if not conn.closed_by_server and conn.ws.close_code in (1000, 1001):
                session.ended = True
                self.sessions.pop(session.id, None)
        conn.stop()
        try:
            await asyncio.wait_for(conn.writer, 1.0)
        except (asyncio.TimeoutError, asyncio.CancelledError):
            conn.writer.cancel()
        self.connections.pop(conn.id, None)
        await self.fake.store.changed()

    async def _on_payload(self, conn: Connection, payload: dict) -> None:
        await self.record(conn, "in", payload)
        op, d = payload.get("op"), payload.get("d")
        if op == 1:
            if self.ack_heartbeats:
                conn.send({"op": 11, "d": None, "s": None, "t": None})
        elif op == 2:
            self._identify(conn, d)
        elif op == 6:
            self._resume(conn, d)
        elif op == 8:
            self._request_members(conn, d)
        # op 3 (presence) and op 4 (voice) are recorded and otherwise ignored

    def _identify(self, conn: Connection, d: dict) -> None:
        if conn.session is not None:
            return conn.close(4005)  # already authenticated
        if d.get("token") != self.fake.token:
            return conn.close(4004)
        intents = int(d.get("intents", 0))
        for intent, grant in _PRIVILEGED:
            if intents & intent and not self.fake.app_flags & grant:
                return conn.close(4014)
        shard = d.get("shard") or [0, 1]
        if not (isinstance(shard, list) and len(shard) == 2 and 0 <= int(shard[0]) < int(shard[1])):
            return conn.close(4010)  # Discord: invalid shard
        session = Session(secrets.token_hex(16), d["token"], intents, shard=(int(shard[0]), int(shard[1])))
        self.sessions[session.id] = session
        session.conn, conn.session = conn, session
        self.identify_count += 1
        world = self.fake.world
        guilds = [g for g in world.guilds.values() if world.bot.id in g.members and session.owns(g.id)]
        conn.send(session.frame("READY", self._ready_payload(session, guilds)))
        if intents & GUILDS:
            for guild in guilds:
                # Like Discord without the presences intent: only the bot's own member.
                members = list(guild.members.values()) if intents & GUILD_PRESENCES else [guild.members[world.bot.id]]
                conn.send(session.frame("GUILD_CREATE", guild.gateway_payload(members=members)))

    def _ready_payload(self, session: Session, guilds: list) -> dict:
        bot = self.fake.world.bot
        return {
            "v": 10,
            "user": {**bot.payload(), "verified": True, "mfa_enabled": False, "flags": 0},
            "guilds": [{"id": g.id, "unavailable": True} for g in guilds],
            "session_id": session.id,
            "shard": list(session.shard),
            "session_type": "normal",
            "resume_gateway_url": self.fake.resume_gateway_url,
            "application": {"id": bot.id, "flags": self.fake.app_flags},
            "private_channels": [], "relationships": [], "presences": [],
            "guild_join_requests": [], "geo_ordered_rtc_regions": [], "user_settings": {},
        }

    def _resume(self, conn: Connection, d: dict) -> None:
        session = self.sessions.get(str(d.get("session_id")))
        if session is None or session.ended or session.token != d.get("token"):
            conn.send({"op": 9, "d": False, "s": None, "t": None})
            return
        if session.conn is not None and session.conn is not conn:
            stale, stale.session = session.conn, None
            stale.close(4000)
        session.conn, conn.session = conn, session
        seq = int(d.get("seq") or 0)
        for frame in session.buffer:
            if frame["s"] > seq:
                conn.send(frame)
        conn.send(session.frame("RESUMED", {}))
        self.resume_count += 1

    def _request_members(self, conn: Connection, d: dict) -> None:
        session = conn.session
        guild = self.fake.world.guilds.get(str(d.get("guild_id")))
        if session is None:
            return conn.close(4003)  # not authenticated
        if guild is None:
            return
        members, not_found = list(guild.members.values()), []
        user_ids = d.get("user_ids")
        if user_ids is not None:
            wanted = [str(u) for u in (user_ids if isinstance(user_ids, list) else [user_ids])]
            members = [m for m in members if m.user.id in wanted]
            not_found = [u for u in wanted if u not in guild.members]
        else:
            query = (d.get("query") or "").lower()
            members = [m for m in members
                       if m.user.username.lower().startswith(query) or (m.nick or "").lower().startswith(query)]
            if d.get("limit"):
                members = members[: int(d["limit"])]
        chunk = {"guild_id": guild.id, "members": [m.payload() for m in members], "chunk_index": 0,
                 "chunk_count": 1, "not_found": not_found, "nonce": d.get("nonce")}
        if d.get("presences"):
            chunk["presences"] = []
        conn.send(session.frame("GUILD_MEMBERS_CHUNK", chunk))

    # -- test controls ------------------------------------------------------------------
    def dispatch(self, event: str, data: dict, transform: Optional[Transform] = None) -> int:
        """Send an event to every live session whose shard owns the event's guild (DMs: shard 0),
        buffered while disconnected. Returns how many."""
        count = 0
        guild_id = _guild_of(event, data)
        for session in self.live_sessions():
            if not session.owns(guild_id):
                continue
            payload = transform(session, data) if transform else data
            if payload is None:
                continue
            frame = session.frame(event, json.loads(json.dumps(payload)))  # deep copy per session
            if session.conn is not None:
                session.conn.send(frame)
            count += 1
        return count

    def drop(self, code: int = 4000, *, abrupt: bool = False, hold: bool = False) -> None:
        """Disconnect every bot. ``hold`` keeps new connections waiting until ``release()``."""
        if hold:
            self.hold()
        for conn in list(self.connections.values()):
            if conn.session is not None and conn.session.conn is conn:
                conn.session.conn = None  # from now on dispatches only go to the replay buffer
            conn.abort() if abrupt else conn.close(code)

    def hold(self) -> None:
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def send_reconnect(self) -> None:
        for conn in list(self.connections.values()):
            conn.send({"op": 7, "d": None, "s": None, "t": None})

    def request_heartbeat(self) -> None:
        for conn in list(self.connections.values()):
            conn.send({"op": 1, "d": None, "s": None, "t": None})

    def invalidate_sessions(self) -> None:
        """Forget every session: connected bots get op 9 and must IDENTIFY again."""
        for session in list(self.sessions.values()):
            session.ended = True
            if session.conn is not None:
                session.conn.send({"op": 9, "d": False, "s": None, "t": None})
        self.sessions.clear()

    async def close_all(self) -> None:
        self._open.set()
        for conn in list(self.connections.values()):
            conn.close(1001)
        for _ in range(50):
            if not self.connections:
                return
            await asyncio.sleep(0.01)


def _guild_of(event: str, data: Any) -> Optional[str]:
    """The guild an event belongs to: `guild_id`, or the guild itself for GUILD_CREATE/UPDATE/DELETE."""
    if not isinstance(data, dict):
        return None
    if event in ("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE"):
        return data.get("id")
    return data.get("guild_id")

"""What the fake remembers: REST calls, gateway frames, messages, interactions, CDN files.

``Store`` owns one ``asyncio.Condition`` that is notified on every change, so test-side
waits wake as soon as the bot does something instead of sleeping.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from .mentions import Pings

EPHEMERAL = 1 << 6
LOADING = 1 << 7


@dataclass
class SentFile:
    """One ``files[n]`` part of a multipart request."""

    field: str
    filename: str
    content_type: Optional[str]
    data: bytes


@dataclass
class RestRecord:
    index: int
    method: str
    path: str  # without /api/vN
    query: dict[str, str]
    headers: dict[str, str]
    body: Any  # JSON body, or payload_json of a multipart body
    files: list[SentFile]
    status: int
    response: Any
    time: float  # loop.time()

    def __repr__(self) -> str:
        return f"<RestRecord #{self.index} {self.method} {self.path} -> {self.status}>"


@dataclass
class GatewayFrame:
    conn: int
    direction: str  # "in" = sent by the bot, "out" = sent by the fake
    op: int
    t: Optional[str]
    s: Optional[int]
    d: Any
    time: float


@dataclass
class StoredMessage:
    """A message as the fake stores it: Discord's JSON plus facts Discord does not echo back."""

    data: dict
    allowed_mentions: Optional[dict] = None
    files: list[SentFile] = field(default_factory=list)
    pings: Pings = field(default_factory=Pings)
    deleted: bool = False
    edits: list[dict] = field(default_factory=list)  # request bodies of every edit
    interaction_token: Optional[str] = None

    id = property(lambda self: self.data["id"])
    channel_id = property(lambda self: self.data["channel_id"])
    content = property(lambda self: self.data["content"])
    embeds = property(lambda self: self.data["embeds"])
    components = property(lambda self: self.data["components"])
    attachments = property(lambda self: self.data["attachments"])
    flags = property(lambda self: self.data.get("flags", 0))
    author_id = property(lambda self: self.data["author"]["id"])

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        return bool(self.flags & LOADING)

    def buttons(self) -> list[dict]:
        """Every button (type 2) in the message, in any row or container."""
        return [c for c in walk_components(self.components) if c.get("type") == 2]

    def custom_ids(self) -> list[str]:
        return [c["custom_id"] for c in walk_components(self.components) if "custom_id" in c]

    def __repr__(self) -> str:
        return f"<StoredMessage {self.id} flags={self.flags} content={self.content[:40]!r}>"


def walk_components(components: Optional[list[dict]]) -> Iterator[dict]:
    """Every component, depth first: action rows, their children, labels, V2 containers."""
    for comp in components or []:
        yield comp
        yield from walk_components(comp.get("components"))
        for key in ("component", "accessory"):  # label (type 18) child, section accessory
            if isinstance(comp.get(key), dict):
                yield from walk_components([comp[key]])


@dataclass
class InteractionRecord:
    """One interaction the test created; its fields fill in as the bot responds."""

    id: str
    token: str
    type: int  # 2 slash, 3 component, 4 autocomplete, 5 modal submit
    payload: dict  # exactly what INTERACTION_CREATE carried
    created: float  # loop.time(); the 3 s callback deadline runs from here
    delivered_to: int = 0  # gateway sessions it was dispatched to
    callback: Optional[dict] = None  # body of the accepted callback
    callback_files: list[SentFile] = field(default_factory=list)
    original: Optional[StoredMessage] = None  # @original (for components: the clicked message)
    original_edits: list[dict] = field(default_factory=list)  # PATCH @original bodies
    followups: list[StoredMessage] = field(default_factory=list)
    errors: list[tuple[str, int, dict]] = field(default_factory=list)  # (what, status, body) rejected

    @property
    def callback_type(self) -> Optional[int]:
        return self.callback["type"] if self.callback else None

    @property
    def responded(self) -> bool:
        return self.callback is not None

    @property
    def ephemeral(self) -> bool:
        """Whether the response message (@original) is ephemeral (flags & 64)."""
        return bool(self.original and self.original.ephemeral)

    @property
    def modal(self) -> Optional[dict]:
        """The modal the bot opened (callback type 9), or None."""
        return self.callback["data"] if self.callback_type == 9 else None

    @property
    def choices(self) -> Optional[list[dict]]:
        """Autocomplete choices (callback type 8), or None."""
        return self.callback["data"].get("choices", []) if self.callback_type == 8 else None

    @property
    def messages(self) -> list[StoredMessage]:
        """@original (when it is a message) followed by every followup, de-duplicated."""
        out = [self.original] if self.original is not None else []
        out += [m for m in self.followups if m is not self.original]
        return out

    @property
    def files(self) -> list[SentFile]:
        seen: list[SentFile] = list(self.callback_files)
        for msg in self.messages:
            seen += [f for f in msg.files if f not in seen]
        return seen

    def __repr__(self) -> str:
        return (f"<InteractionRecord {self.id} type={self.type} callback={self.callback_type} "
                f"followups={len(self.followups)} errors={len(self.errors)}>")


@dataclass
class RateLimitRule:
    method: str
    path_regex: str
    retry_after: float
    is_global: bool
    with_via: bool
    remaining: int  # how many more matching requests get a 429

    def matches(self, method: str, path: str) -> bool:
        return self.remaining > 0 and self.method in ("*", method) and re.search(self.path_regex, path) is not None


class Store:
    def __init__(self) -> None:
        self.requests: list[RestRecord] = []
        self.unhandled: list[RestRecord] = []  # routes the fake does not know (answered 404)
        self.frames: list[GatewayFrame] = []
        self.messages: dict[str, StoredMessage] = {}  # every message, including ephemeral ones
        self.interactions: dict[str, InteractionRecord] = {}  # by token
        self.cdn: dict[str, tuple[bytes, str]] = {}  # path -> (bytes, content type)
        self.rate_limits: list[RateLimitRule] = []
        self.commands: dict[Optional[str], list[dict]] = {}  # guild id (None = global) -> synced commands
        self.modals: dict[str, dict] = {}  # custom_id -> modal the bot opened
        self._cond = asyncio.Condition()

    async def changed(self) -> None:
        async with self._cond:
            self._cond.notify_all()

    async def wait_changed(self, timeout: float) -> None:
        async with self._cond:
            try:
                await asyncio.wait_for(self._cond.wait(), timeout)
            except asyncio.TimeoutError:
                pass

    def interaction_by_id(self, interaction_id: str) -> Optional[InteractionRecord]:
        return next((r for r in self.interactions.values() if r.id == interaction_id), None)

    def take_rate_limit(self, method: str, path: str) -> Optional[RateLimitRule]:
        for rule in self.rate_limits:
            if rule.matches(method, path):
                rule.remaining -= 1
                return rule
        return None

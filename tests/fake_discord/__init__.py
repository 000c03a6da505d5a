"""An end-to-end fake of Discord's REST API, gateway and CDN for testing discord.py bots.

The real discord.py client logs in to it over HTTP and WebSocket on 127.0.0.1; see
``harness.FakeDiscord`` for the test-facing verbs and ``fixtures.running_bot`` to run a bot.
"""

from .errors import HttpError
from .harness import FakeDiscord, WaitTimeout
from .payloads import Upload
from .records import EPHEMERAL, LOADING, InteractionRecord, RestRecord, SentFile, StoredMessage
from .world import Channel, Guild, Member, Role, User, World
from . import permissions

__all__ = [
    "FakeDiscord", "WaitTimeout", "HttpError", "Upload", "World", "Guild", "Channel", "Role", "User", "Member",
    "InteractionRecord", "RestRecord", "SentFile", "StoredMessage", "EPHEMERAL", "LOADING", "permissions",
]

"""Running real discord.py bots against a ``FakeDiscord``.

``running_bot`` points discord.py's class-level URLs at the fake (restored on exit),
logs in, runs ``connect()`` as a task, waits for ``on_ready`` and, at exit, fails the
test if the connect task crashed (a KeyError in a gateway parser kills it silently while
``is_ready()`` stays True), if discord.py logged errors, or if the bot hit a route the
fake does not implement. Using it twice against one fake is a bot restart: the world,
messages and interactions persist, the bot instance and gateway session are new.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import AsyncIterator, Callable, TypeVar

import discord
import discord.asset
import discord.gateway
import discord.http
import pytest_asyncio
import yarl

from .harness import FakeDiscord

ClientT = TypeVar("ClientT", bound=discord.Client)
_MISSING = object()

# Constructor options that keep tests fast (the default 2 s guild_ready_timeout is
# waited after the last GUILD_CREATE on every start).
FAST_BOT_OPTIONS = {"guild_ready_timeout": 0.05}


class _ClassPatches:
    """monkeypatch-like: set class attributes, put the old values back in reverse order."""

    def __init__(self) -> None:
        self._saved: list[tuple[object, str, object]] = []

    def set(self, owner: object, name: str, value: object) -> None:
        self._saved.append((owner, name, owner.__dict__.get(name, _MISSING)))
        setattr(owner, name, value)

    def undo(self) -> None:
        while self._saved:
            owner, name, old = self._saved.pop()
            if old is _MISSING:
                delattr(owner, name)
            else:
                setattr(owner, name, old)


class _ErrorCapture(logging.Handler):
    def __init__(self, sink: list[logging.LogRecord]) -> None:
        super().__init__(logging.ERROR)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record)


async def _no_identify_delay(shard_id, *, initial: bool = False) -> None:
    """Replaces Client.before_identify_hook, which sleeps 5 s before every re-IDENTIFY."""


def speed_up(bot: discord.Client) -> None:
    """Apply the fast timers to a bot built with default options (only lowers them)."""
    state = bot._connection
    state.guild_ready_timeout = min(state.guild_ready_timeout, FAST_BOT_OPTIONS["guild_ready_timeout"])
    if type(bot).before_identify_hook is discord.Client.before_identify_hook:
        bot.before_identify_hook = _no_identify_delay  # type: ignore[method-assign]


@contextlib.asynccontextmanager
async def running_bot(bot_factory: Callable[[], ClientT], fake: FakeDiscord, *, ready_timeout: float = 5.0,
                      fail_on_errors: bool = True, strict_routes: bool = True,
                      fast: bool = True) -> AsyncIterator[ClientT]:
    """Build a bot with ``bot_factory()``, run it against ``fake`` and yield it once ready.

    fail_on_errors: fail at exit if discord.py logged ERROR records (unhandled exceptions in
        commands, views, events); they are also kept in ``fake.bot_errors``.
    strict_routes: fail at exit if the bot called a REST route the fake answers with 404.
    fast: lower guild_ready_timeout and skip the 5 s before-identify sleep (see ``speed_up``).
    """
    patches = _ClassPatches()
    patches.set(discord.http.Route, "BASE", f"{fake.base_url}/api/v{discord.http.INTERNAL_API_VERSION}")
    patches.set(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url))
    patches.set(discord.asset.Asset, "BASE", fake.base_url)
    errors_before, unhandled_before = len(fake.bot_errors), len(fake.unhandled)
    server_errors_before = len(fake.server_errors)
    capture = _ErrorCapture(fake.bot_errors)
    discord_log = logging.getLogger("discord")
    discord_log.addHandler(capture)
    bot = task = None
    body_failed = False
    try:
        bot = bot_factory()
        if fast:
            speed_up(bot)
        await bot.login(fake.token)  # GET /users/@me, GET /oauth2/applications/@me, setup_hook()
        task = asyncio.create_task(bot.connect(), name="fake-discord-bot-connect")
        await _wait_ready(bot, task, ready_timeout)
        yield bot
        if task.done() and not task.cancelled() and task.exception() is not None:
            raise task.exception()  # the bot went deaf mid-test
    except BaseException:
        body_failed = True
        raise
    finally:
        crash = await _shutdown(bot, task)
        discord_log.removeHandler(capture)
        patches.undo()
        if not body_failed:
            if fake.server_errors[server_errors_before:]:
                raise AssertionError("the fake itself crashed") from fake.server_errors[server_errors_before]
            _raise_teardown_problems(fake, crash, errors_before, unhandled_before, fail_on_errors, strict_routes)


async def _wait_ready(bot: discord.Client, task: asyncio.Task, timeout: float) -> None:
    ready = asyncio.create_task(bot.wait_until_ready())
    done, _ = await asyncio.wait({ready, task}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    if ready in done:
        return
    ready.cancel()
    if task in done:
        exc = task.exception()
        raise exc if exc is not None else RuntimeError("bot.connect() returned before the bot was ready")
    raise TimeoutError(f"bot not ready after {timeout}s")


async def _shutdown(bot, task) -> BaseException | None:
    if bot is None:
        return None
    await bot.close()
    if task is None:
        return None
    try:
        await asyncio.wait_for(task, 5.0)
    except asyncio.CancelledError:
        return None
    except BaseException as exc:  # noqa: BLE001 - reported by the caller
        return exc
    return None


def _raise_teardown_problems(fake: FakeDiscord, crash, errors_before: int, unhandled_before: int,
                             fail_on_errors: bool, strict_routes: bool) -> None:
    if crash is not None:
        raise crash
    new_errors = fake.bot_errors[errors_before:]
    if fail_on_errors and new_errors:
        first = new_errors[0]
        detail = first.getMessage()
        if first.exc_info and first.exc_info[1] is not None:
            detail += f": {first.exc_info[1]!r}"
        raise AssertionError(f"discord.py logged {len(new_errors)} error(s) while the bot ran; first: {detail}")
    new_unhandled = fake.unhandled[unhandled_before:]
    if strict_routes and new_unhandled:
        routes = sorted({f"{r.method} {r.path}" for r in new_unhandled})
        raise AssertionError(f"the bot called routes the fake does not implement: {routes}")


@pytest_asyncio.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started fake with ``World.default()``: guild "Study Hall", #general, alice and bob."""
    fake = FakeDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()

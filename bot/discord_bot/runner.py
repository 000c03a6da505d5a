"""Start the Discord bot: settings in, resources owned for the bot's lifetime, a clean shutdown."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal

import discord
import discord.gateway
import discord.http
import yarl

from bot.config import Settings
from bot.discord_bot.client import StudyBot, make_bot
from bot.discord_bot.context import BotContext, utc_now
from bot.errors import ConfigError
from bot.service import StudyService
from bot.store.course_builds import CourseBuilds
from bot.store.database import open_database

log = logging.getLogger(__name__)


def point_at_endpoints(settings: Settings) -> None:
    """Send discord.py's REST and gateway traffic to another address (a proxy or test server)."""
    if settings.discord_api_base:
        discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    if settings.discord_gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


def prepare_service(service: StudyService) -> None:
    """Load the index, building or updating it first when needed, so the first question is fast."""
    opening = service.open_index()
    if opening.report is not None:
        log.info("Indexed %s before starting (%s)", service.corpus_dir,
                 ", ".join(opening.changed) if opening.changed else "no index yet")
    service.embedder.encode_query("warm up")  # load the model now, not on the first question
    # The model libraries leave ~500k long-lived objects; a full garbage collection over them
    # stalls the event loop for ~200 ms (measured, bench/discord_load.py). Freezing them keeps
    # later collections small, so the gateway heartbeat never waits.
    gc.collect()
    gc.freeze()


def _close_on_signals(bot: StudyBot) -> None:
    """SIGTERM (a service manager stopping the bot) closes it cleanly, like Ctrl-C."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
        except (NotImplementedError, RuntimeError):  # pragma: no cover - Windows
            pass


def run_bot(settings: Settings) -> None:
    if not settings.has_discord_token:
        raise ConfigError("DISCORD_TOKEN is not set.", hint="Put it in .env (see .env.example).")
    logging.basicConfig(level=settings.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    point_at_endpoints(settings)
    db = open_database(settings)
    try:
        service = StudyService(settings)
        # Another process of the bot may be building the same notes: wait for its build.
        service.build_claim = CourseBuilds(db, utc_now).claim
        prepare_service(service)
        ctx = BotContext(settings, service, db)
        asyncio.run(_run(ctx, settings.discord_token.get_secret_value()))
    finally:
        db.close()


async def _run(ctx: BotContext, token: str) -> None:
    async with make_bot(ctx) as bot:
        _close_on_signals(bot)
        try:
            await bot.start(token)
        except discord.LoginFailure as exc:
            raise ConfigError("Discord refused the token.",
                              hint="Check DISCORD_TOKEN in .env (Developer Portal -> Bot -> Reset Token).") from exc
        except discord.PrivilegedIntentsRequired as exc:  # pragma: no cover - default intents only
            raise ConfigError("Discord refused the bot's intents.") from exc

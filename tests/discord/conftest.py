"""A StudyBot wired to a fake Discord: real model, real FAISS index (copied from the session's
default build, so nothing is re-embedded), real SQLite file."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest_asyncio

from tests.conftest import make_settings
from tests.fake_discord import FakeDiscord
from tests.fake_discord.fixtures import running_bot
from tests.fake_discord.world import World


@dataclass
class Env:
    fake: FakeDiscord
    ctx: object
    tmp: Path

    @property
    def world(self):
        return self.fake.world

    @property
    def guild(self):
        return self.world.guild

    @property
    def channel(self):
        return self.world.channel

    def user(self, name: str):
        return self.world.user(name)

    def run(self, **options):
        """Start (or restart) the bot against the same fake world."""
        from bot.discord_bot.client import StudyBot

        return running_bot(lambda: StudyBot(self.ctx), self.fake, **options)


def study_world() -> World:
    world = World.default()
    guild = world.guild
    moderators = guild.add_role("Moderators")
    guild.add_member(world.add_user("mod"), (moderators,))
    guild.add_member(world.add_user("carol"))
    return world


async def make_env(tmp_path, default_service, real_embedder, world: World | None = None, **settings_options):
    """Build the bot's world over copies of the default notes and index; yields one Env.

    The first server owns the default course, as a server that used the bot before courses
    existed does (see bot.store.migrations, 6): its uploads change the top-level notes."""
    from bot.discord_bot.context import BotContext
    from bot.service import StudyService
    from bot.store.course_servers import CourseServers
    from bot.store.database import Database

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(default_service.corpus_dir, corpus)
    shutil.copytree(default_service.index_dir, index)
    fake = FakeDiscord(world or study_world())
    await fake.start()
    settings = make_settings(corpus, index, discord_guild_ids=[int(g) for g in fake.world.guilds],
                             moderator_role="Moderators", ask_cooldown_seconds=0,
                             courses_dir=tmp_path / "courses", **settings_options)
    service = StudyService(settings, real_embedder)
    service.load()
    db = Database(tmp_path / "state.db")
    CourseServers(db).assign(int(fake.world.guild.id), "default", by=None, at=datetime.now(timezone.utc),
                             owner=True)
    ctx = BotContext(settings, service, db, progress_interval=0.05, quiz_tick_seconds=3600, review_fuzz=False)
    try:
        yield Env(fake, ctx, tmp_path)
    finally:
        await fake.stop()
        db.close()


@pytest_asyncio.fixture
async def env(tmp_path, default_service, real_embedder):
    # Generated questions are posted without a teacher's approval here (QUIZ_AUTO_APPROVE=true), so
    # the quiz tests need no approving first; test_quiz_drafts.py turns it off and approves.
    async for made in make_env(tmp_path, default_service, real_embedder, quiz_auto_approve=True):
        yield made

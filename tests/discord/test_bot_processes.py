"""Two real bot processes (`python -m bot start`, as a user starts them), two shards each of four,
against the fake Discord (which routes each server's events to the shards that own it) and one
PostgreSQL, over one shared folder: every server is served by exactly one process; a reindex
through one process is answered from by the other; a schedule that falls due while one process is
being restarted (old and new both running its shards) is posted once. tests/discord/test_shards.py
checks the same and more in one test process, where the clock can be moved; this is the check that
separate processes, each with its own memory, agree through the database and the folder alone."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import pytest_asyncio

from bot.core.quiz.schedule import make_schedule
from bot.store.database import Database
from bot.store.quiz_schedules import QuizSchedules
from tests.conftest import REPO
from tests.fake_discord import FakeDiscord, Upload
from tests.fake_discord.world import World, shard_of

SHARDS = 4
START_TIMEOUT = 400  # seconds: each process imports torch and loads the model, on a busy 2-core machine

CALVIN_MD = b"""# Photosynthesis

## Dark reactions

The Calvin cycle happens in the stroma of the chloroplast. It fixes carbon dioxide into sugars.
"""

KREBS_MD = b"""# Respiration

## The Krebs cycle

The Krebs cycle takes place in the mitochondrial matrix. It releases carbon dioxide.
"""


class Processes:
    def __init__(self, fake: FakeDiscord, root: Path, database_url: str) -> None:
        self.fake, self.root, self.database_url = fake, root, database_url
        self.running: list[subprocess.Popen] = []

    def start(self, shard_ids: list[int], name: str) -> subprocess.Popen:
        shared = self.root / "shared"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SHARD_", "DATABASE_"))}
        env.update(PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false",
                   DISCORD_TOKEN=self.fake.token, DISCORD_API_BASE=f"{self.fake.base_url}/api/v10",
                   DISCORD_GATEWAY_URL=self.fake.gateway_url, DATABASE_URL=self.database_url,
                   DISCORD_GUILD_IDS=",".join(self.fake.world.guilds), SHARD_COUNT=str(SHARDS),
                   SHARD_IDS=",".join(map(str, shard_ids)), CORPUS_DIR=str(shared / "corpus"),
                   INDEX_DIR=str(shared / "index"), COURSES_DIR=str(shared / "courses"),
                   ASK_COOLDOWN_SECONDS="0", QUIZ_AUTO_APPROVE="true", QUIZ_TICK_SECONDS="1", TORCH_THREADS="1",
                   LOG_LEVEL="INFO")
        log = (self.root / f"bot-{name}.log").open("w")
        # cwd: a folder without a .env of a developer's own.
        process = subprocess.Popen([sys.executable, "-m", "bot", "start"], cwd=self.root, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.running.append(process)
        return process

    async def wait_ready(self, sessions: int) -> None:
        def ready() -> bool:
            ended = [p for p in self.running if p.poll() is not None and p.returncode not in (0, -15)]
            if ended:
                logs = "\n".join(p.read_text()[-3000:] for p in self.root.glob("bot-*.log"))
                raise AssertionError(f"a bot process ended:\n{logs}")
            return len(self.fake.gateway.live_sessions()) == sessions and all(
                self.fake.store.commands.get(g) for g in self.fake.world.guilds)
        await self.fake.wait_for(ready, START_TIMEOUT, what=f"{sessions} shard sessions ready")

    def stop(self, process: subprocess.Popen) -> None:
        process.terminate()
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)

    def stop_all(self) -> None:
        for process in self.running:
            if process.poll() is None:
                self.stop(process)


@pytest_asyncio.fixture
async def processes(tmp_path, default_service, postgres_url):
    world = World()
    owner, student = world.add_user("owner"), world.add_user("alice")
    for shard in range(SHARDS):
        guild = world.add_guild(f"Class {shard}", owner=owner, shard=(shard, SHARDS))
        guild.add_text_channel("general")
        guild.add_member(student)
    shared = tmp_path / "shared"
    shutil.copytree(default_service.corpus_dir, shared / "corpus")
    shutil.copytree(default_service.index_dir, shared / "index", ignore=shutil.ignore_patterns(".lock"))
    fake = FakeDiscord(world)
    await fake.start()
    made = Processes(fake, tmp_path, postgres_url)
    try:
        yield made
    finally:
        made.stop_all()
        await fake.stop()


def _channel(guild):
    return next(iter(guild.channels.values()))


@pytest.mark.timeout(900)  # three processes each load the model: minutes on a loaded 2-core machine
async def test_two_bot_processes_share_servers_courses_and_schedules(processes):
    fake = processes.fake
    guilds = {shard_of(g.id, SHARDS): g for g in fake.world.guilds.values()}
    alice, owner = fake.world.user("alice"), fake.world.user("owner")

    async def ask_in(guild, question: str):
        rec = await fake.invoke_slash("ask", user=alice, guild=guild, channel=_channel(guild),
                                      options={"question": question})
        await fake.wait_for(lambda: rec.original is not None and rec.original.embeds, 120, what="an answer")
        return rec

    async def upload_in(guild, name: str, data: bytes) -> None:
        rec = await fake.invoke_slash("corpus upload", user=owner, guild=guild, channel=_channel(guild),
                                      attachments={"file": Upload(name, data)})
        await fake.wait_for(lambda: rec.original is not None and "Added" in (rec.original.content or ""), 180,
                            what=f"{name} indexed")

    first = processes.start([0, 1], "a")
    processes.start([2, 3], "b")
    await processes.wait_ready(sessions=4)

    # Every server is served by exactly one process.
    for guild in guilds.values():
        rec = await ask_in(guild, "Who replaced Peng Dehuai?")
        assert rec.delivered_to == 1 and "Lin Biao" in rec.original.embeds[0]["description"]

    # Notes uploaded through the first process (class 0, shard 0) are a course that class 3 (shard 3,
    # the second process) is pointed at and answered from; a second upload through the first
    # process (a reindex) is answered from by the second without a restart.
    await upload_in(guilds[0], "calvin.md", CALVIN_MD)
    use = await fake.invoke_slash("course use", user=owner, guild=guilds[3], channel=_channel(guilds[3]),
                                  options={"name": "class-0"})
    await fake.wait_for_response(use, timeout=60)
    assert "now uses the course **class-0**" in use.callback["data"]["content"]
    rec = await ask_in(guilds[3], "Where does the Calvin cycle happen?")
    assert "stroma" in rec.original.embeds[0]["description"]
    await upload_in(guilds[0], "krebs.md", KREBS_MD)
    rec = await ask_in(guilds[3], "Where does the Krebs cycle take place?")
    assert "matrix" in rec.original.embeds[0]["description"]

    # The first process is restarted: its replacement runs shards 0 and 1 before it has stopped.
    processes.start([0, 1], "a-new")
    await processes.wait_ready(sessions=6)
    channel = _channel(guilds[1])

    def posted():  # the bot's messages in the channel since the schedule (the answers above are before)
        return [m for m in fake.history(channel) if m.author_id == fake.world.bot.id and m.id not in before]

    before = {m.id for m in fake.history(channel)}
    now = datetime.now(timezone.utc)
    db = Database(processes.database_url)
    try:  # due a minute ago, made an hour ago: both running processes find it due at their next tick
        QuizSchedules(db).add(make_schedule(guild_id=int(guilds[1].id), channel_id=int(channel.id),
                                            local_time=(now - timedelta(minutes=1)).strftime("%H:%M"),
                                            # every day: the default is school days, and this clock is the real one
                                            days=range(7), timezone="UTC", open_for="1h",
                                            created_at=now - timedelta(hours=1)),
                              created_by=int(owner.id))
    finally:
        db.close()

    await fake.wait_for(posted, 60, what="the quiz posted")
    await asyncio.sleep(4)  # several more ticks of both processes
    processes.stop(first)
    await asyncio.sleep(3)  # and of the replacement alone
    assert len(posted()) == 1

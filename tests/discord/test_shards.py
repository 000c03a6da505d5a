"""Two bot processes, two shards each of four, against the fake Discord (which routes each server's
events to the shard that owns it, as Discord does) and one PostgreSQL: every server is served by
exactly one process, a schedule due while a process is being replaced (old and new both
running) is posted once and revealed once, and notes uploaded through one process are answered
from by the other without a restart. (In one test process: each "process" is its own bot,
service, database connections and scheduler, over the same shared folder and database.)"""

from __future__ import annotations

import shutil
from contextlib import AsyncExitStack
from datetime import datetime, timedelta, timezone

import pytest_asyncio

from tests.conftest import make_settings
from tests.fake_discord import FakeDiscord, Upload
from tests.fake_discord.fixtures import running_bot
from tests.fake_discord.world import World, shard_of

SHARDS = 4
START = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)


class Cluster:
    def __init__(self, fake: FakeDiscord, root, default_service, embedder, database_url: str) -> None:
        self.fake, self.root, self.embedder, self.database_url = fake, root, embedder, database_url
        # The folder every process mounts: one copy of the notes and the index.
        self.corpus, self.index = root / "shared" / "corpus", root / "shared" / "index"
        shutil.copytree(default_service.corpus_dir, self.corpus)
        shutil.copytree(default_service.index_dir, self.index)
        self.now = [START]
        self.contexts = []

    def process(self, shard_ids: list[int], name: str, **overrides):
        """A bot process running `shard_ids`: its own service, database connections and bot."""
        from bot.discord_bot.client import make_bot
        from bot.discord_bot.context import BotContext
        from bot.service import StudyService
        from bot.store.database import open_database

        guild_ids = [int(g) for g in self.fake.world.guilds]
        settings = make_settings(self.corpus, self.index, discord_guild_ids=guild_ids, ask_cooldown_seconds=0,
                                 quiz_auto_approve=True, database_url=self.database_url,
                                 shard_count=SHARDS, shard_ids=shard_ids, **overrides)
        service = StudyService(settings, self.embedder)
        service.load()
        ctx = BotContext(settings, service, open_database(settings), progress_interval=0.05,
                         quiz_tick_seconds=3600, review_fuzz=False)
        ctx.clock = lambda: self.now[0]
        self.contexts.append(ctx)
        return running_bot(lambda: make_bot(ctx), self.fake, ready_timeout=15)

    def close(self) -> None:
        for ctx in self.contexts:
            ctx.db.close()


@pytest_asyncio.fixture
async def cluster(tmp_path, default_service, real_embedder, postgres_url):
    world = World()
    owner, student = world.add_user("owner"), world.add_user("alice")
    for shard in range(SHARDS):
        guild = world.add_guild(f"Class {shard}", owner=owner, shard=(shard, SHARDS))
        guild.add_text_channel("general")
        guild.add_member(student)
    fake = FakeDiscord(world)
    await fake.start()
    made = Cluster(fake, tmp_path, default_service, real_embedder, postgres_url)
    try:
        yield made
    finally:
        await fake.stop()
        made.close()


def channel_of(fake, guild):
    return next(iter(guild.channels.values()))


async def test_each_server_is_served_by_exactly_one_process(cluster):
    fake = cluster.fake
    guilds = list(fake.world.guilds.values())
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(cluster.process([0, 1], "a"))
        second = await stack.enter_async_context(cluster.process([2, 3], "b"))
        assert {str(g.id) for g in first.guilds} == {g.id for g in guilds if shard_of(g.id, SHARDS) in (0, 1)}
        assert {str(g.id) for g in second.guilds} == {g.id for g in guilds if shard_of(g.id, SHARDS) in (2, 3)}
        assert len(first.guilds) == len(second.guilds) == 2
        for guild in guilds:
            rec = await fake.invoke_slash("ask", user=fake.world.user("alice"), guild=guild,
                                          channel=channel_of(fake, guild),
                                          options={"question": "Who replaced Peng Dehuai?"})
            await fake.wait_for_response(rec, timeout=20)
            assert rec.delivered_to == 1  # one process got the question
            assert "Lin Biao" in rec.original.embeds[0]["description"]
    # Both processes logged into the same table, one row per question.
    rows = cluster.contexts[0].db.query("SELECT guild_id FROM answers ORDER BY guild_id")
    assert sorted(int(r["guild_id"]) for r in rows) == sorted(int(g.id) for g in guilds)


async def test_a_schedule_due_while_a_process_is_replaced_is_posted_and_revealed_once(cluster):
    fake = cluster.fake
    guild = next(g for g in fake.world.guilds.values() if shard_of(g.id, SHARDS) == 1)
    channel = channel_of(fake, guild)

    def posted():
        return [m for m in fake.history(channel) if m.author_id == fake.world.bot.id]

    async with cluster.process([0, 1], "old") as old:
        rec = await fake.invoke_slash("quiz schedule", user=fake.world.user("owner"), guild=guild, channel=channel,
                                      options={"channel": channel, "time": "09:00", "timezone": "UTC",
                                               "open_for": "1h"})
        await fake.wait_for_response(rec, timeout=10)
        assert "created" in rec.callback["data"]["content"]
        # The replacement starts before the old process has stopped: both own shard 1 at 09:00.
        async with cluster.process([0, 1], "new") as new:
            cluster.now[0] = START + timedelta(hours=1, seconds=5)
            for bot in (old, new, new, old):
                await bot.quiz.tick()
            assert len(posted()) == 1
            cluster.now[0] = START + timedelta(hours=2, seconds=5)
            for bot in (new, old, new):
                await bot.quiz.tick()
            [message] = posted()
            assert all(b["disabled"] for b in fake.message(message.id).buttons())  # revealed
            edits = [r for r in fake.store.requests if r.method == "PATCH" and message.id in r.path]
            assert len(edits) == 1  # by one of them, once


CALVIN_MD = b"""# Photosynthesis

## Dark reactions

The Calvin cycle happens in the stroma of the chloroplast. It fixes carbon dioxide into sugars.
"""


async def test_notes_uploaded_through_one_process_are_answered_from_by_the_other(cluster):
    fake = cluster.fake
    on_a = next(g for g in fake.world.guilds.values() if shard_of(g.id, SHARDS) == 0)
    on_b = next(g for g in fake.world.guilds.values() if shard_of(g.id, SHARDS) == 3)

    async def ask_in(guild) -> dict:
        rec = await fake.invoke_slash("ask", user=fake.world.user("alice"), guild=guild,
                                      channel=channel_of(fake, guild),
                                      options={"question": "Where does the Calvin cycle happen?"})
        await fake.wait_for_response(rec, timeout=20)
        return rec.original.embeds[0]

    # Class 0 used the bot before courses existed: it owns the default course, which class 3 is
    # served too (it has no notes of its own), so class 0's upload is class 3's notes as well.
    from bot.store.course_servers import CourseServers
    from bot.store.database import Database

    db = Database(cluster.database_url)
    CourseServers(db).assign(int(on_a.id), "default", by=None, at=START, owner=True)
    db.close()
    async with cluster.process([0, 1], "a"), cluster.process([2, 3], "b"):
        assert (await ask_in(on_b))["title"] == "That is not in the course notes"
        rec = await fake.invoke_slash("corpus upload", user=fake.world.user("owner"), guild=on_a,
                                      channel=channel_of(fake, on_a),
                                      attachments={"file": Upload("calvin.md", CALVIN_MD)})
        await fake.wait_for(lambda: rec.original is not None and "Added" in (rec.original.content or ""),
                            timeout=60)
        answer = await ask_in(on_b)  # the other process, which never reindexed
        assert "stroma" in answer["description"] and "calvin.md" in answer["fields"][0]["value"]


KREBS_MD = b"""# Respiration

## The Krebs cycle

The Krebs cycle takes place in the mitochondrial matrix. It releases carbon dioxide.
"""


async def upload_in(fake, guild, name: str, data: bytes):
    rec = await fake.invoke_slash("corpus upload", user=fake.world.user("owner"), guild=guild,
                                  channel=channel_of(fake, guild), attachments={"file": Upload(name, data)})
    await fake.wait_for(lambda: rec.original is not None and "Added" in (rec.original.content or ""), timeout=60)


async def test_a_course_of_one_process_s_server_is_shared_with_and_served_by_the_other(cluster):
    """/course use checks the teacher's Manage Server in a server on another process's shard, and
    a reindex of that course (not the default one) through one process is answered from by the
    other without a restart."""
    fake = cluster.fake
    on_a = next(g for g in fake.world.guilds.values() if shard_of(g.id, SHARDS) == 0)
    on_b = next(g for g in fake.world.guilds.values() if shard_of(g.id, SHARDS) == 3)

    async def ask_in(guild, question: str) -> dict:
        rec = await fake.invoke_slash("ask", user=fake.world.user("alice"), guild=guild,
                                      channel=channel_of(fake, guild), options={"question": question})
        await fake.wait_for_response(rec, timeout=20)
        return rec.original.embeds[0]

    async with cluster.process([0, 1], "a"), cluster.process([2, 3], "b"):
        await upload_in(fake, on_a, "calvin.md", CALVIN_MD)  # class 0's first upload: its own course
        rec = await fake.invoke_slash("course use", user=fake.world.user("owner"), guild=on_b,
                                      channel=channel_of(fake, on_b), options={"name": "class-0"})
        await fake.wait_for_response(rec, timeout=20)
        assert "now uses the course **class-0**" in rec.callback["data"]["content"]
        answer = await ask_in(on_b, "Where does the Calvin cycle happen?")
        assert "stroma" in answer["description"] and "calvin.md" in answer["fields"][0]["value"]
        # B has class-0 loaded now; A reindexes it with a second document.
        await upload_in(fake, on_a, "krebs.md", KREBS_MD)
        answer = await ask_in(on_b, "Where does the Krebs cycle take place?")
        assert "matrix" in answer["description"] and "krebs.md" in answer["fields"][0]["value"]


async def test_a_direct_message_offers_the_courses_of_servers_on_every_process(cluster):
    """Discord sends every direct message to shard 0: its process must also know the servers of
    the other process's shards that the student shares with the bot."""
    from bot.store.bot_guilds import BotGuilds
    from bot.store.course_servers import CourseServers
    from bot.store.database import Database

    fake = cluster.fake
    by_shard = {shard_of(g.id, SHARDS): g for g in fake.world.guilds.values()}
    db = Database(cluster.database_url)
    courses = CourseServers(db)
    courses.assign(int(by_shard[0].id), "biology", by=None, at=START, owner=True)
    courses.assign(int(by_shard[3].id), "chemistry", by=None, at=START, owner=True)
    alice = fake.world.user("alice")
    try:
        async with cluster.process([0, 1], "a", servers_without_notes="none"), \
                cluster.process([2, 3], "b", servers_without_notes="none"):
            await fake.wait_for(lambda: len(BotGuilds(db).all()) == SHARDS, timeout=10)
            await fake.send_dm(alice, "Where does the Calvin cycle happen?")
            menu = await fake.wait_for(lambda: [m for m in fake.dm_history(alice)
                                                if m.author_id == fake.world.bot.id and m.components], timeout=20)
            options = [o["value"] for row in menu[0].components for o in row["components"][0]["options"]]
            assert options == ["biology", "chemistry"]
    finally:
        db.close()

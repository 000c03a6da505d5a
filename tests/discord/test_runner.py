"""The README's run command starts the Discord bot when a token is set: a real `studybot` process
logs in to the fake Discord through DISCORD_API_BASE and DISCORD_GATEWAY_URL."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys

from tests.conftest import REPO
from tests.fake_discord import FakeDiscord
from tests.fake_discord.world import World


async def test_start_runs_the_bot_with_a_token_and_endpoint_settings(tmp_path, default_service):
    fake = FakeDiscord(World.default())
    await fake.start()
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(default_service.corpus_dir, corpus)
    shutil.copytree(default_service.index_dir, index)
    env = {**os.environ, "DISCORD_TOKEN": fake.token, "DISCORD_API_BASE": f"{fake.base_url}/api/v10",
           "DISCORD_GATEWAY_URL": fake.gateway_url, "CORPUS_DIR": str(corpus), "INDEX_DIR": str(index),
           "DATABASE_PATH": str(tmp_path / "state.db"), "DISCORD_GUILD_IDS": fake.world.guild.id,
           "HF_HUB_OFFLINE": "1", "LOG_LEVEL": "INFO"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "start", cwd=tmp_path, env={**env, "PYTHONPATH": str(REPO)},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        await fake.wait_for(lambda: fake.commands(fake.world.guild), timeout=60)
        await fake.wait_for(lambda: fake.gateway.identify_count >= 1, timeout=30)
        rec = await fake.invoke_slash("ask", user=fake.world.user("alice"),
                                      options={"question": "Who replaced Peng Dehuai?"})
        await fake.wait_for_response(rec, timeout=30)
        assert "Lin Biao" in rec.original.embeds[0]["description"]
    finally:
        process.terminate()
        output = (await asyncio.wait_for(process.communicate(), 30))[0].decode()
        await fake.stop()
    assert process.returncode == 0, output  # SIGTERM closes the bot cleanly
    assert "Synced" in output and fake.token not in output

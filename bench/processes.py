"""Questions per second through the fake Discord with one bot process and with two (PostgreSQL),
and the database round trips per answered question.

The fake Discord (tests/fake_discord) runs in this process on 127.0.0.1 with four servers, one on
each of four shards, and students in all of them. The bots are real processes started as a user
starts them (`python -m bot start`, pointed at the fake with DISCORD_API_BASE/DISCORD_GATEWAY_URL),
over a throwaway PostgreSQL cluster (tests/postgres_server.py) that logs every statement:
* one process: unsharded, free to use every core;
* two processes: SHARD_COUNT=4, SHARD_IDS 0,1 and 2,3, each pinned to a core of its own where the
  machine has two (TORCH_THREADS=1 then).
Each round every student asks `/ask` at once in their server; a round's wall time runs from the
first question to the last answer. Round trips: statements the server logged during the rounds
(BEGIN and COMMIT included, as each is one) divided by the questions answered.
Run from the repo root: .venv/bin/python bench/processes.py [--students 40] [--rounds 3] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.update(HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", TRANSFORMERS_VERBOSITY="error", TQDM_DISABLE="1")

import common  # noqa: E402

OUT = common.OUT / "processes"
SHARDS = 4


def world_of(students: int):
    from tests.fake_discord.world import World

    world = World()
    owner = world.add_user("owner")
    guilds = [world.add_guild(f"Class {s}", owner=owner, shard=(s, SHARDS)) for s in range(SHARDS)]
    for guild in guilds:
        guild.add_text_channel("general")
    users = []
    for i in range(students):
        user = world.add_user(f"student{i}")
        guilds[i % SHARDS].add_member(user)
        users.append((user, guilds[i % SHARDS]))
    return world, guilds, users


def start_bot(fake, database_url: str, guilds, shard_ids: list[int] | None, core: int | None, log: Path):
    env = common.bench_env()
    env.update(DISCORD_TOKEN=fake.token, DISCORD_API_BASE=f"{fake.base_url}/api/v10",
               DISCORD_GATEWAY_URL=fake.gateway_url, DATABASE_URL=database_url,
               DISCORD_GUILD_IDS=",".join(g.id for g in guilds), ASK_COOLDOWN_SECONDS="0",
               CORPUS_DIR=str(OUT / "corpus"), INDEX_DIR=str(OUT / "index"), LOG_LEVEL="WARNING")
    if shard_ids is not None:
        env.update(SHARD_COUNT=str(SHARDS), SHARD_IDS=",".join(map(str, shard_ids)))
    if core is not None:
        env["TORCH_THREADS"] = "1"
    return subprocess.Popen([sys.executable, "-m", "bot", "start"], cwd=ROOT, env=env, stdout=log.open("w"),
                            stderr=subprocess.STDOUT,
                            preexec_fn=(lambda: os.sched_setaffinity(0, {core})) if core is not None else None)


def answered(rec) -> bool:
    return any(body.get("embeds") for body in rec.original_edits)


async def run(args, layout: list[tuple[list[int] | None, int | None]], server) -> dict:
    from tests.fake_discord import FakeDiscord

    world, guilds, users = world_of(args.students)
    fake = FakeDiscord(world)
    await fake.start()
    database = server.create_database(f"bench_{len(layout)}_{int(time.time())}")
    bots = [start_bot(fake, database, guilds, shards, core, OUT / f"bot-{len(layout)}-{n}.log")
            for n, (shards, core) in enumerate(layout)]
    try:
        sessions = sum(len(s) if s else 1 for s, _ in layout)

        def ready() -> bool:
            if any(b.poll() is not None for b in bots):
                raise SystemExit(f"a bot process ended; see {OUT}/bot-*.log")
            synced = all(fake.store.commands.get(g.id) for g in guilds)
            return synced and len(fake.gateway.live_sessions()) == sessions and len(fake.frames) > 0
        await fake.wait_for(ready, 600)
        await asyncio.sleep(3)  # GUILD_CREATEs handled, the bots idle
        pool, walls, recs_all = common.load_questions(), [], []
        log_start = server.log.stat().st_size
        for r in range(args.rounds):
            picked = random.Random(r).sample(pool, len(pool))
            t0 = time.perf_counter()
            recs = await asyncio.gather(*(
                fake.invoke_slash("ask", user=user, guild=guild, channel=next(iter(guild.channels.values())),
                                  options={"question": picked[i % len(picked)]})
                for i, (user, guild) in enumerate(users)))
            await fake.wait_for(lambda: all(answered(rec) for rec in recs), 60 + 3 * len(recs))
            walls.append(time.perf_counter() - t0)
            recs_all += recs
        with server.log.open("rb") as handle:
            handle.seek(log_start)
            logged = [line for line in handle if b"LOG:  statement:" in line or b"LOG:  execute" in line]
        statements = len(logged)
        (OUT / f"statements-{len(layout)}.log").write_bytes(b"".join(logged))  # to see which they are
    finally:
        for bot in bots:
            bot.terminate()
        for bot in bots:
            bot.wait(60)
        await fake.stop()
    asked = len(recs_all)
    return {"processes": len(layout), "asked": asked, "answered": sum(map(answered, recs_all)),
            "delivered_once": all(rec.delivered_to == 1 for rec in recs_all),
            "qps": round(asked / sum(walls), 2), "round_walls_s": [round(w, 1) for w in walls],
            "round_trips_per_question": round(statements / max(1, asked), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="8 students, 1 round")
    args = parser.parse_args()
    if args.quick:
        args.students, args.rounds = 8, 1
    from tests.postgres_server import PostgresServer

    OUT.mkdir(parents=True, exist_ok=True)
    if not (OUT / "corpus").exists():
        shutil.copytree(common.DEFAULT_CORPUS, OUT / "corpus", ignore=shutil.ignore_patterns("quizzes"))
    info = common.machine_info()
    server = PostgresServer().start("log_statement=all")
    try:
        cores = os.cpu_count() or 1
        two = [([0, 1], 0 if cores >= 2 else None), ([2, 3], 1 if cores >= 2 else None)]
        results = [asyncio.run(run(args, [(None, None)], server)), asyncio.run(run(args, two, server))]
    finally:
        server.stop()
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM | Python {info['python']}, "
          f"torch {info['torch']} | load before {info['load_avg']}, after "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} | {info['code']}")
    print(f"{args.students} students in {SHARDS} servers (one per shard) x {args.rounds} rounds, /ask at once, "
          "through the fake Discord; PostgreSQL")
    for r in results:
        print(f"  {r['processes']} process(es): {r['qps']} questions/s (rounds {r['round_walls_s']} s), answered "
              f"{r['answered']}/{r['asked']}, each delivered to one process: {r['delivered_once']}, "
              f"{r['round_trips_per_question']} database round trips per answered question")


if __name__ == "__main__":
    main()

"""50 students asking at once through the fake Discord: answers, latency, event-loop stalls.

The real StudyBot (discord.py, cogs, StudyService with the real model over the default notes, SQLite
answer log) logs in to the in-process fake Discord (tests/fake_discord). Each round every student
invokes `/ask` at the same moment with a different question (tests/data/*.jsonl). Measured:
* answered / asked (errors, missing answers, 10062 = first callback after the 3 s deadline);
* INTERACTION_CREATE dispatch (the fake's record.created) to the final PATCH of @original: p50 / p95
  / max, and questions per second;
* the longest event-loop stall (a task sleeping 10 ms records its overshoot; the fake shares the
  loop, so this is conservative). Target < 100 ms: discord.py's heartbeat thread sends through
  the loop and every gateway event waits for it. Heartbeats are every 1 s here (lateness
  reported); full (gen-2) garbage collections, which hold the GIL, are timed;
* where the time goes: service.ask and answer_log.record are wrapped with timers (not changed).
Run from the repo root: .venv/bin/python bench/discord_load.py [--students 50] [--rounds 3] [--quick]
[--json] [--no-gc-freeze: skip the runner's gc.freeze() after start-up, to compare] [--debug-slow: asyncio debug mode,
logs callbacks slower than 50 ms].
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.update(HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", TRANSFORMERS_VERBOSITY="error", TQDM_DISABLE="1")

import common  # noqa: E402  (bench/common.py: machine info, percentiles, questions)

OUT, TICK, HEARTBEAT_MS = common.OUT / "discord-load", 0.010, 1000
TITLES = {"From the course notes": "confident", "That is not in the course notes": "not_covered"}


class Probes:
    """Event-loop overshoots of a 10 ms sleep, and generation-2 collections (start, seconds)."""

    def __init__(self) -> None:
        self.stalls, self.full_gcs, self._gc_start = [], [], 0.0

    async def run(self) -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(TICK)
            self.stalls.append(time.perf_counter() - start - TICK)

    def on_gc(self, phase: str, info: dict) -> None:
        if info["generation"] == 2 and phase == "start":
            self._gc_start = time.perf_counter()
        elif info["generation"] == 2:
            self.full_gcs.append((self._gc_start, time.perf_counter() - self._gc_start))


def timed_calls(func, log: dict, key):
    """Wrap `func`: its (start, end) loop-clock times are appended to log[key(args)]."""
    def wrapper(*args, **kwargs):
        start = time.monotonic()  # the default event loop's clock
        try:
            return func(*args, **kwargs)
        finally:
            log.setdefault(key(*args, **kwargs), []).append((start, time.monotonic()))
    return wrapper


def setup(students: int):
    """The world, and a BotContext as the runner builds one (index loaded, model warm)."""
    from bot.core.embedding_model import SentenceTransformerEmbedder
    from bot.discord_bot.context import BotContext
    from bot.service import StudyService
    from bot.discord_bot.runner import prepare_service
    from bot.store.database import Database
    from tests.conftest import make_settings
    from tests.fake_discord.world import World

    world = World.default()
    users = [world.add_user(f"student{i}") for i in range(students)]
    for user in users:
        world.guild.add_member(user)
    corpus = OUT / "corpus"
    if not corpus.exists():
        shutil.copytree(common.DEFAULT_CORPUS, corpus, ignore=shutil.ignore_patterns("quizzes"))
    for suffix in ("", "-wal", "-shm"):  # a fresh answer log each run
        (OUT / f"state.db{suffix}").unlink(missing_ok=True)
    settings = make_settings(corpus, OUT / "index", discord_guild_ids=[int(world.guild.id)], ask_cooldown_seconds=0)
    service = StudyService(settings, SentenceTransformerEmbedder())
    service.reindex()  # reuses the index when the notes did not change
    prepare_service(service)  # as the runner does: model warm, start-up objects frozen for the GC
    db = Database(settings.database_path)
    return world, users, BotContext(settings, service, db), db


def outcome(rec) -> str:
    """"answered:<tier>", "error: ..." or "missing" for one interaction record."""
    for body in reversed(rec.original_edits):
        if body.get("embeds"):
            return "answered:" + TITLES.get(body["embeds"][0].get("title"), "closest")
    if rec.errors:
        return f"error: {rec.errors[0][0]} {rec.errors[0][1]} {rec.errors[0][2].get('code')}"
    if rec.followups or (rec.original is not None and rec.original.deleted):
        return "error: the bot reported an error"
    return "missing"


def request_time(fake, rec, method: str, suffix: str) -> float | None:
    times = [r.time for r in fake.requests if r.method == method and rec.token in r.path
             and r.path.endswith(suffix) and r.status < 300]
    return times[-1] if times else None


async def main(args, world, students, ctx, db) -> dict:
    from bot.discord_bot.client import StudyBot
    from tests.fake_discord import FakeDiscord
    from tests.fake_discord.fixtures import running_bot

    timings: dict = {}
    ctx.service.ask = timed_calls(ctx.service.ask, timings, lambda q: ("ask", q.strip()))
    ctx.asking.log.record = timed_calls(ctx.asking.log.record, timings, lambda **kw: ("log", kw["question"]))
    loop, probes, pool, rounds = asyncio.get_running_loop(), Probes(), common.load_questions(), []
    if args.debug_slow:  # then asyncio logs "Executing <callback> took 0.2 seconds"
        loop.set_debug(True), setattr(loop, "slow_callback_duration", 0.05), logging.basicConfig()
    fake = FakeDiscord(world)
    fake.gateway.heartbeat_interval_ms = HEARTBEAT_MS
    await fake.start()
    try:
        async with running_bot(lambda: StudyBot(ctx), fake, fail_on_errors=False, strict_routes=False):
            monitor, first_frame = asyncio.create_task(probes.run()), len(fake.frames)
            gc.callbacks.append(probes.on_gc)
            for r in range(args.rounds):
                picked = random.Random(r).sample(pool, len(pool))
                questions = [picked[i % len(picked)] for i in range(len(students))]
                before, t0 = len(probes.stalls), loop.time()
                recs = await asyncio.gather(*(fake.invoke_slash("ask", user=s, options={"question": q})
                                              for s, q in zip(students, questions)))
                with contextlib.suppress(AssertionError):  # a timeout: reported as missing answers
                    await fake.wait_for(lambda: all(outcome(rec) != "missing" for rec in recs), 30 + 2 * len(recs))
                rounds.append((recs, loop.time() - t0, max(probes.stalls[before:], default=0.0)))
            gc.callbacks.remove(probes.on_gc)
            monitor.cancel()
            beats = [f.time for f in fake.frames[first_frame:] if f.direction == "in" and f.op == 1]
    finally:
        await fake.stop()
        db.close()

    recs = [rec for round_recs, _, _ in rounds for rec in round_recs]
    outcomes = [outcome(rec) for rec in recs]
    done = {rec.id: request_time(fake, rec, "PATCH", "/messages/@original") for rec in recs}
    defers = [request_time(fake, rec, "POST", "/callback") for rec in recs]
    latency = lambda rs: [done[r.id] - r.created for r in rs if done[r.id] is not None]  # noqa: E731
    phases: dict[str, list[float]] = {k: [] for k in ("thread_wait", "answer", "log_wait", "log", "edit")}
    for rec in recs:
        question = rec.payload["data"]["options"][0]["value"].strip()
        asks, logs = timings.get(("ask", question)), timings.get(("log", question))
        if done[rec.id] is not None and asks and logs:
            (a0, a1), (l0, l1) = asks.pop(0), logs.pop(0)
            for name, value in zip(phases, (a0 - rec.created, a1 - a0, l0 - a1, l1 - l0, done[rec.id] - l1)):
                phases[name].append(value)
    stalls, wall, gaps = probes.stalls, sum(w for _, w, _ in rounds), [b - a for a, b in zip(beats, beats[1:])]
    ms = lambda s: round(s * 1000, 1)  # noqa: E731
    return {
        "machine": common.machine_info(), "discord_py": __import__("discord").__version__,
        "students": len(students), "rounds": args.rounds, "index_chunks": ctx.service.retriever().chunk_count,
        "gc_frozen": gc.get_freeze_count(), "asked": len(recs),
        "answered": sum(o.startswith("answered") for o in outcomes),
        "tiers": {t: outcomes.count("answered:" + t) for t in ("confident", "closest", "not_covered")},
        "problems": sorted({o for o in outcomes if not o.startswith("answered")}),
        "unknown_interaction_10062": sum(any(e[2].get("code") == 10062 for e in r.errors) for r in recs),
        "slowest_defer_ms": ms(max((d - r.created for d, r in zip(defers, recs) if d), default=0.0)),
        "bot_errors": [e.getMessage()[:200] for e in fake.bot_errors],
        "latency_ms": common.summary_ms(latency(recs)), "throughput_qps": round(len(recs) / wall, 1),
        "per_round": [{"latency_ms": common.summary_ms(latency(rr)), "wall_s": round(w, 2), "max_stall_ms": ms(s)}
                      for rr, w, s in rounds],
        "stall_ms": {"max": ms(max(stalls, default=0.0)), "target": 100, "over_50": sum(s > 0.05 for s in stalls),
                     "over_100": sum(s > 0.1 for s in stalls), "ticks": len(stalls)},
        "full_gcs": {"count": len(probes.full_gcs), "longest_ms": ms(max((d for _, d in probes.full_gcs), default=0)),
                     "tracked_objects": len(gc.get_objects())},
        "heartbeat": {"interval_ms": HEARTBEAT_MS, "sent": len(beats),
                      "max_late_ms": ms(max(gaps) - HEARTBEAT_MS / 1000) if gaps else None},
        "phases_median_ms": {k: ms(statistics.median(v)) if v else None for k, v in phases.items()},
        "phases_max_ms": {k: ms(max(v)) if v else None for k, v in phases.items()},
        "thread_pool_workers": min(32, (os.cpu_count() or 1) + 4),  # asyncio's default executor
    }


def show(s: dict) -> None:
    m, lat, st, hb, g = s["machine"], s["latency_ms"], s["stall_ms"], s["heartbeat"], s["full_gcs"]
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM | Python {m['python']}, discord.py "
          f"{s['discord_py']}, torch {m['torch']} ({m['torch_threads']} threads) | load {m['load_avg']}")
    print(f"{s['students']} students x {s['rounds']} rounds at once through the fake Discord (default notes, "
          f"{s['index_chunks']} chunks){'; gc.freeze() after startup' if s['gc_frozen'] else ''}")
    print(f"answered {s['answered']}/{s['asked']} {s['tiers']} | problems: {s['problems'] or 'none'} | 10062: "
          f"{s['unknown_interaction_10062']} | slowest defer {s['slowest_defer_ms']} ms (deadline 3000) | "
          f"bot errors: {len(s['bot_errors'])}")
    print(f"interaction -> answer: p50 {lat['p50']:.0f} ms, p95 {lat['p95']:.0f} ms, max {lat['max']:.0f} ms; "
          f"throughput {s['throughput_qps']} questions/s")
    for i, r in enumerate(s["per_round"], 1):
        print(f"  round {i}: p50 {r['latency_ms']['p50']:.0f} ms, p95 {r['latency_ms']['p95']:.0f} ms, "
              f"wall {r['wall_s']} s, longest stall {r['max_stall_ms']} ms")
    print(f"longest event-loop stall: {st['max']} ms (target < {st['target']} ms: "
          f"{'PASS' if st['max'] < st['target'] else 'FAIL'}); > 50 ms: {st['over_50']}, > 100 ms: "
          f"{st['over_100']} (of {st['ticks']} ticks)")
    print(f"full GCs during the load: {g['count']}, longest {g['longest_ms']} ms ({g['tracked_objects']} objects "
          f"a full GC scans) | heartbeat every {hb['interval_ms']} ms: {hb['sent']} sent, at worst "
          f"{hb['max_late_ms'] or 'n/a'} ms late")
    med, top = s["phases_median_ms"], s["phases_max_ms"]
    print("where the time goes (median / max ms): " + ", ".join(f"{k} {med[k]} / {top[k]}" for k in med))
    print(f"  (asyncio.to_thread's default pool: {s['thread_pool_workers']} threads on {m['cores']} cores; "
          "model calls are serialised by SentenceTransformerEmbedder._encode_lock)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=50), parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="10 students, 1 round")
    parser.add_argument("--json", action="store_true", help="print a JSON summary too")
    parser.add_argument("--no-gc-freeze", action="store_true",
                        help="skip the gc.freeze() the bot's runner does after start-up, to compare")
    parser.add_argument("--debug-slow", action="store_true", help="asyncio debug: log callbacks over 50 ms")
    args = parser.parse_args()
    args.students, args.rounds = (10, 1) if args.quick else (args.students, args.rounds)
    OUT.mkdir(parents=True, exist_ok=True)
    world, users, context, db = setup(args.students)
    if args.no_gc_freeze:
        gc.unfreeze()
    summary = asyncio.run(main(args, world, users, context, db))
    show(summary)
    if args.json:
        print(json.dumps(summary, indent=2, default=str))

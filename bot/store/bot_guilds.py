"""The servers the bot is in, across processes. Each process hears only the servers of its own
Discord shards; it writes those here when it connects (and as it joins or leaves one), so that a
process answering a direct message (Discord sends every DM to shard 0) knows the others too."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import delete, select

from bot.store.database import Database
from bot.store.schema import bot_guilds


class BotGuilds:
    def __init__(self, db: Database) -> None:
        self.db = db

    def present(self, guild_ids: Iterable[int], at: datetime, *, mine: Callable[[int], bool]) -> None:
        """This process serves `guild_ids` now (all of its shards' servers): they are kept, and any
        other server of its shards (`mine`) is dropped, the bot having left it meanwhile."""
        ids = sorted(set(guild_ids))
        with self.db.atomic("bot-guilds"):
            known = [int(r["guild_id"]) for r in self.db.query(select(bot_guilds.c.guild_id))]
            gone = [g for g in known if mine(g) and g not in set(ids)]
            if gone:
                self.db.execute(delete(bot_guilds).where(bot_guilds.c.guild_id.in_(gone)))
            if ids:
                upsert = self.db.insert(bot_guilds)
                self.db.execute(upsert.on_conflict_do_update(index_elements=[bot_guilds.c.guild_id],
                                                             set_={"seen_at": upsert.excluded.seen_at}),
                                [{"guild_id": g, "seen_at": at.isoformat()} for g in ids])

    def joined(self, guild_id: int, at: datetime) -> None:
        self.present([guild_id], at, mine=lambda _: False)

    def left(self, guild_id: int) -> None:
        self.db.execute(delete(bot_guilds).where(bot_guilds.c.guild_id == guild_id))

    def all(self) -> list[int]:
        return [int(r["guild_id"]) for r in self.db.query(select(bot_guilds.c.guild_id).order_by(bot_guilds.c.guild_id))]

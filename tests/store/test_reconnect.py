"""PostgreSQL connections: one that sat idle is checked before use, so a server restart costs no
failed statement; one in steady use is not (each check is a round trip of every question)."""

from __future__ import annotations

from bot.store import database
from bot.store.database import Database


def _count_pings(db: Database) -> list[int]:
    pings = [0]
    ping = db.engine.dialect.do_ping

    def counted(dbapi_connection):
        pings[0] += 1
        return ping(dbapi_connection)

    db.engine.dialect.do_ping = counted
    return pings


def test_a_connection_in_steady_use_is_not_pinged_one_that_sat_idle_is(postgres_url, monkeypatch):
    db = Database(postgres_url)
    pings = _count_pings(db)
    for _ in range(20):
        assert db.scalar("SELECT 1") == 1
    assert pings[0] == 0
    monkeypatch.setattr(database, "PING_IDLE_SECONDS", 0.0)  # every connection counts as idle now
    for _ in range(5):
        assert db.scalar("SELECT 1") == 1
    assert pings[0] == 5
    db.close()


def test_an_idle_connection_dropped_by_a_server_restart_is_replaced_not_failed(postgres_server, postgres_url,
                                                                                monkeypatch):
    db = Database(postgres_url)
    assert db.scalar("SELECT 1") == 1
    postgres_server.restart()
    monkeypatch.setattr(database, "PING_IDLE_SECONDS", 0.0)
    assert db.scalar("SELECT 2") == 2  # the pooled connection was dead: replaced before use
    db.close()

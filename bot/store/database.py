"""The bot's database: a SQLite file for one process (the default), or PostgreSQL for several
processes (`DATABASE_URL=postgresql://...`). Queries are SQLAlchemy Core, so each database gets its
own SQL from one description; the numbered migrations (bot.store.migrations) run once at start,
in one transaction, under a lock that a second process starting at the same moment waits on.

Thread-safe: the Discord adapter calls the store from worker threads (`asyncio.to_thread`). On
SQLite every call goes through one connection under a process lock, as before; on PostgreSQL each
call takes a pooled connection. `atomic()` gives a read-decide-write one transaction, and on
PostgreSQL also an advisory lock on a key, so two processes deciding about the same thing (one
student's review card) take turns.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, event, select, text
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DisconnectionError, IntegrityError
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql import Executable

from bot.errors import ConfigError
from bot.store.migrations import MIGRATIONS

__all__ = ["Database", "Executed", "IntegrityError", "Row", "database_url", "open_database"]

log = logging.getLogger(__name__)

# The schema's version, one row. (A SQLite file from before this table kept it in PRAGMA
# user_version, which is read once when the table is missing.)
_versions = Table("schema_version", MetaData(), Column("version", Integer, nullable=False))

MIGRATION_LOCK = "studybot:migrations"


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for pg_advisory_*lock from a readable name."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def database_url(target: Path | str) -> str:
    """A SQLAlchemy URL from a file path or a URL; `postgresql://` uses the psycopg 3 driver."""
    if isinstance(target, Path):
        return f"sqlite:///{target}"
    if target.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" not in target:
        return f"sqlite:///{target}"
    return target


class Row(tuple):
    """A result row as sqlite3.Row was: a tuple of the values that also answers row["column"]."""

    def __new__(cls, values, index: dict[str, int]):
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key):
        return tuple.__getitem__(self, self._index[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self._index)


def _rows(result) -> list[Row]:
    index = {name: position for position, name in enumerate(result.keys())}
    return [Row(values, index) for values in result]


@dataclass(frozen=True)
class Executed:
    """What a write did: rows it touched, and the rows of its RETURNING clause if it had one."""

    rowcount: int
    rows: list[Row]


class Database:
    def __init__(self, target: Path | str) -> None:
        self.url = database_url(target)
        try:
            parsed = make_url(self.url)
        except Exception as exc:  # sqlalchemy.exc.ArgumentError
            raise ConfigError(f"DATABASE_URL is not a database URL: {exc}",
                              hint="Use postgresql://user:password@host:port/database, or leave it unset "
                              "for the SQLite file.") from exc
        self.kind = parsed.get_backend_name()
        if self.kind == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            self.path = Path(parsed.database) if parsed.database else None
            self.engine = _sqlite_engine(self.url)
            self._serial = threading.RLock()  # one connection: one caller at a time
        elif self.kind == "postgresql":
            self.path = None
            self.engine = create_engine(self.url, pool_size=5, max_overflow=10)
            _ping_when_idle(self.engine)
            self._autocommit = self.engine.execution_options(isolation_level="AUTOCOMMIT")
            self._serial = None
        else:
            raise ConfigError(f"StudyBot stores its state in SQLite or PostgreSQL, not {self.kind}.",
                              hint="Set DATABASE_URL to a postgresql:// URL, or leave it unset.")
        self._local = threading.local()
        self.migrate()

    # --- connections ----------------------------------------------------------------------------

    def _serialised(self):
        return self._serial if self._serial is not None else nullcontext()

    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        """The current atomic() block's connection, or one for a single statement (its own
        transaction: autocommit on PostgreSQL, BEGIN IMMEDIATE on SQLite)."""
        current = getattr(self._local, "conn", None)
        if current is not None:
            yield current
        elif self.kind == "postgresql":
            # One statement is its own transaction: no BEGIN and COMMIT round trips around it.
            with self._autocommit.connect() as conn:
                yield conn
        else:
            with self._serialised(), self.engine.begin() as conn:
                yield conn

    @contextmanager
    def atomic(self, key: str | None = None) -> Iterator[None]:
        """One transaction around a read-decide-write: `execute` and `query` inside join it, and an
        error undoes it all. Nothing else in this process gets in between on SQLite (and its
        BEGIN IMMEDIATE keeps other processes' writers out); on PostgreSQL, blocks with the same
        `key` take turns across processes (an advisory lock held until the transaction ends)."""
        if getattr(self._local, "conn", None) is not None:  # nested: part of the outer block
            yield
            return
        with self._serialised(), self.engine.begin() as conn:
            if self.kind == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(key or "atomic")})
            self._local.conn = conn
            try:
                yield
            finally:
                self._local.conn = None

    @contextmanager
    def advisory_lock(self, name: str, *, wait: bool) -> Iterator[bool]:
        """PostgreSQL only: hold the session advisory lock `name` for the block, on a connection of
        its own (a lock that outlives one transaction, such as a build's; it ends with the
        connection if the process dies). Yields whether it is held: False when another session
        holds it and `wait` is False."""
        assert self.kind == "postgresql", "advisory locks are PostgreSQL's"
        key = {"key": lock_key(name)}
        with self._autocommit.connect() as conn:
            held = bool(conn.execute(text("SELECT pg_try_advisory_lock(:key)"), key).scalar())
            if not held and wait:
                conn.execute(text("SELECT pg_advisory_lock(:key)"), key)
                held = True
            try:
                yield held
            finally:
                if held:
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), key)

    # --- statements ------------------------------------------------------------------------------

    def execute(self, statement: Executable | str, params: Mapping | Sequence[Mapping] | None = None) -> Executed:
        with self._connection() as conn:
            result = conn.execute(_statement(statement), params)
            rows = _rows(result) if result.returns_rows else []
            return Executed(result.rowcount, rows)

    def query(self, statement: Executable | str, params: Mapping | None = None) -> list[Row]:
        """Rows that are tuples and answer `row["column"]`. Raw text takes named parameters (`:name`)."""
        with self._connection() as conn:
            return _rows(conn.execute(_statement(statement), params))

    def scalar(self, statement: Executable | str, params: Mapping | None = None):
        with self._connection() as conn:
            return conn.execute(_statement(statement), params).scalar()

    def insert(self, table: Table):
        """INSERT with this database's ON CONFLICT (`.on_conflict_do_nothing()` / `_do_update()`)."""
        return (pg_dialect.insert if self.kind == "postgresql" else sqlite_dialect.insert)(table)

    # --- schema ---------------------------------------------------------------------------------

    @property
    def version(self) -> int:
        with self._connection() as conn:
            return _read_version(conn)

    def migrate(self) -> None:
        """Apply the pending migrations in one transaction. A second process doing the same waits
        for the first (advisory lock; on SQLite, BEGIN IMMEDIATE), then finds nothing to do."""
        with self._serialised(), self.engine.begin() as conn:
            if self.kind == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(MIGRATION_LOCK)})
            version = _read_version(conn)
            pending = [(number, step) for number, step in MIGRATIONS if number > version]
            if not pending:
                return
            operations = Operations(MigrationContext.configure(conn))
            for number, step in pending:
                log.info("Applying database migration %d", number)
                step(operations)
            _versions.create(conn, checkfirst=True)
            conn.execute(_versions.delete())
            conn.execute(_versions.insert().values(version=pending[-1][0]))

    def close(self) -> None:
        # After the statement in flight (a worker thread of a bot being stopped): closing SQLite's
        # one connection under a running statement crashes the process.
        with self._serialised():
            self.engine.dispose()


def _statement(statement: Executable | str) -> Executable:
    return text(statement) if isinstance(statement, str) else statement


def _read_version(conn: Connection) -> int:
    if conn.dialect.has_table(conn, _versions.name):
        return int(conn.execute(select(_versions.c.version)).scalar() or 0)
    if conn.dialect.name == "sqlite":  # a file made before the version table
        return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)
    return 0


# A pooled PostgreSQL connection idle longer than this is pinged before use (a restarted or
# restarting server has dropped it, and it is replaced instead of failing a statement).
PING_IDLE_SECONDS = 10.0


def _ping_when_idle(engine: Engine) -> None:
    """SQLAlchemy's pool_pre_ping, only for connections that sat idle: pinging every checkout
    cost about 2.7 of the 6 round trips of an answered question (bench/RESULTS.md 9), while a
    connection in steady use has just shown it works. Should the server go away between two uses
    a few seconds apart, that one statement fails, and the pool then replaces its connections."""

    @event.listens_for(engine, "checkin")
    def _idle_from(dbapi_connection, record) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection, record, proxy) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_IDLE_SECONDS:
            return  # new, or used a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError("the database dropped an idle connection") from exc  # the pool reconnects


SQLITE_BUSY_SECONDS = 30  # how long a statement waits for another process's lock


def _use_wal(cursor) -> None:
    """Switch the file to WAL. On a file that is not yet in WAL mode (a new one), this needs the
    file to itself, and SQLite answers "database is locked" at once, without waiting its busy
    timeout, while another process opens the same file (four starts at once failed about one run
    in eight): so it is tried again until the busy timeout has passed."""
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_engine(url: str) -> Engine:
    # One connection shared by the process's threads (callers hold Database._serial), as before.
    engine = create_engine(url, poolclass=StaticPool,
                           connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # We say BEGIN ourselves: pysqlite's own comes too late (only before a write).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        _use_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        # FULL: an answer acknowledged to a student survives even a power cut.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # IMMEDIATE: take the write lock at the start, so another process's writer waits (busy
        # timeout) instead of failing when a read turns into a write.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def open_database(settings) -> Database:
    """The database the settings name: DATABASE_URL when set, else the SQLite file."""
    return Database(settings.database_url or settings.database_path)

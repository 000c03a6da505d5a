"""A throwaway PostgreSQL cluster for the tests: found on this machine (or installed from Debian's
`postgresql` package when missing), initialised in a temp folder, listening on a Unix socket only
(no port to collide with another test run), and stopped at the end.

Why Debian's package: the project's machines are Debian and reach Debian's mirrors; the package is
the server the distribution maintains and patches, and it needs nothing fetched from elsewhere.
PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user (created by
the package) or `nobody`, in a folder that user owns.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

SERVER_TOOLS = ("initdb", "pg_ctl")


class PostgresUnavailable(RuntimeError):
    """No server binaries, or the cluster would not start; the message says why and what to do."""


def find_bin_dir() -> Path | None:
    """Where initdb and pg_ctl live: PATH first, then Debian's versioned folders (newest first)."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(os.path.realpath(on_path)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    for pg_ctl in reversed(candidates):
        if Path(pg_ctl).with_name("initdb").exists():
            return Path(pg_ctl).parent
    return None


def install_from_debian() -> None:
    """apt-get install postgresql (as root on a Debian machine); raises with the reason otherwise."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise PostgresUnavailable(
            "PostgreSQL's server (initdb, pg_ctl) is not installed, and this user cannot install it. "
            "Install it (Debian/Ubuntu: `sudo apt-get install postgresql`) and run the tests again.")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"],
                    ["apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise PostgresUnavailable(f"`{' '.join(command)}` failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def ensure_bin_dir() -> Path:
    found = find_bin_dir()
    if found is None:
        install_from_debian()
        found = find_bin_dir()
    if found is None:
        raise PostgresUnavailable("apt-get installed postgresql, yet no initdb/pg_ctl was found.")
    return found


def _server_user() -> str | None:
    """The user to run the server as when we are root (PostgreSQL will not run as root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise PostgresUnavailable("Running as root, and there is no `postgres` or `nobody` user to run the server as.")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_orphans(bin_dir: Path) -> None:
    """Stop and remove clusters left by test runs that were killed before they could stop them
    (each cluster folder names the process that started it)."""
    for root in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            owner = int((root / "owner.pid").read_text())
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        if (root / "data" / "postmaster.pid").exists():
            command = [str(bin_dir / "pg_ctl"), "stop", "-m", "immediate", "-w", "-D", str(root / "data")]
            user = _server_user()
            subprocess.run(["runuser", "-u", user, "--", *command] if user else command, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


PREFIX = "studybot-pg-"


class PostgresServer:
    """initdb + pg_ctl start in a fresh folder; `url(name)` for a database in it; `stop()` removes it."""

    def __init__(self) -> None:
        self.bin_dir = ensure_bin_dir()
        self.user = _server_user()
        stop_orphans(self.bin_dir)
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.root / "owner.pid").write_text(str(os.getpid()))
        self.data = self.root / "data"
        self.socket_dir = self.root  # a short path: Unix socket paths are limited to ~100 bytes
        self.log = self.root / "server.log"
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._started = False

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, cwd=self.root)

    def start(self, *settings: str) -> "PostgresServer":
        """`settings`: more server settings, e.g. "log_statement=all" (the benchmark counts statements)."""
        done = self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--locale=C",
                         "-E", "UTF8", "--no-sync")
        if done.returncode != 0:
            raise PostgresUnavailable(f"initdb failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        # A test cluster: durability off (it is thrown away), no TCP, enough connections for
        # several services and processes at once.
        options = (f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
                   + "".join(f" -c {setting}" for setting in settings))
        done = self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.log),
                         "-o", options)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise PostgresUnavailable(f"pg_ctl start failed:\n{done.stdout[-1000:]}{done.stderr[-1000:]}\n{log}")
        self._started = True
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), user="postgres", dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def restart(self) -> None:
        """Stop and start the server (its connections are dropped), as an operator's restart does."""
        done = self._run("pg_ctl", "restart", "-m", "fast", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.log))
        if done.returncode != 0:
            raise PostgresUnavailable(f"pg_ctl restart failed:\n{done.stdout[-1000:]}{done.stderr[-1000:]}")

    def stop(self) -> None:
        if self._started:
            self._run("pg_ctl", "stop", "-m", "immediate", "-w", "-D", str(self.data))
            self._started = False
        shutil.rmtree(self.root, ignore_errors=True)

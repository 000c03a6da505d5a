"""First-run set-up for `python3 -m bot`, with the standard library only: create `.venv`, install
the project into it (again only when pyproject.toml changed), then hand over to it."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".studybot-installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _wanted_stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def _inside_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"StudyBot needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if STAMP.exists() and STAMP.read_text().strip() == _wanted_stamp():
        return
    if not PYTHON.exists():
        print("Setting up StudyBot in .venv (first run only; this takes a minute or two)...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing StudyBot and its dependencies into .venv...", flush=True)
    command = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q",
               "-e", f"{ROOT}[test]"]
    if subprocess.call(command, cwd=ROOT) != 0:
        sys.exit("Installing the dependencies failed (see pip's message above). "
                 "Fix the cause and run the same command again.")
    STAMP.write_text(_wanted_stamp() + "\n")


def main() -> None:
    args = sys.argv[1:]
    ensure_environment()
    os.chdir(ROOT)
    if args[:1] == ["test"]:
        command = [str(PYTHON), "-m", "pytest", *args[1:]]
    elif _inside_venv():
        from bot.cli import main as cli_main

        sys.argv = ["studybot", *args]
        cli_main()
        return
    else:
        command = [str(PYTHON), "-m", "bot", *args]
    if os.name == "nt":  # no exec on Windows: run and pass the exit code on
        sys.exit(subprocess.call(command))
    os.execv(command[0], command)

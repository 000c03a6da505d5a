"""`studybot` as a new user meets it: a real process (`python -m bot.cli` runs the same `main` as
the installed `studybot` script), its exit code and what it prints on each stream."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from importlib import metadata
from pathlib import Path

import pytest

from bot.core.evaluation import EXAMPLE_LINE
from bot.core.index_store import current_build, read_manifest
from bot.core.indexer import build_index
from tests.conftest import DEFAULT_CORPUS, REPO

STUDYBOT = [sys.executable, "-m", "bot.cli"]


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DISCORD_TOKEN", "CORPUS_DIR", "INDEX_DIR"}}
    # COLUMNS: rich wraps to the terminal, and a long temp path would otherwise be folded.
    return {**env, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1", "HF_HUB_OFFLINE": "1", "COLUMNS": "400",
            "CORPUS_DIR": str(tmp_path / "corpus"), "INDEX_DIR": str(tmp_path / "index"), **extra}


def studybot(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*STUDYBOT, *args], cwd=tmp_path, env=environment(tmp_path, **env),
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


class Running:
    """A studybot process whose output is collected as it comes, to act at the right moment."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        self.process = subprocess.Popen([*STUDYBOT, *args], cwd=tmp_path, env=environment(tmp_path),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE)
        self.output = {"stdout": b"", "stderr": b""}
        self._readers = [threading.Thread(target=self._read, args=(name,), daemon=True)
                         for name in self.output]
        for reader in self._readers:
            reader.start()

    def _read(self, name: str) -> None:
        stream = getattr(self.process, name)
        while chunk := stream.read1(4096):
            self.output[name] += chunk

    def text(self, name: str) -> str:
        return self.output[name].decode("utf-8", "replace")

    def wait_for(self, text: str, name: str, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.text(name):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r}:\n{self.text('stdout')}\n{self.text('stderr')}")
            time.sleep(0.05)

    def type(self, line: str) -> None:
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(120)
        for reader in self._readers:
            reader.join(10)
        return code


# --- usage ----------------------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["ask"], "Missing argument"),
    (["ask", "  "], "the question is empty"),
    (["bogus"], "No such command 'bogus'"),
    (["index", "--bogus"], "No such option: --bogus"),
    (["quiz", "generate", "--count", "0"], "'--count'"),
])
def test_a_usage_mistake_is_the_usual_usage_error_with_exit_code_2(tmp_path, args, message):
    result = studybot(tmp_path, *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Usage: studybot") and message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_version_and_help_name_the_command_as_it_is_typed(tmp_path):
    version = studybot(tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"studybot {metadata.version('studybot')}"
    help_text = studybot(tmp_path, "eval", "--help").stdout
    assert help_text.startswith("Usage: studybot eval") and "python -m" not in help_text
    assert EXAMPLE_LINE in help_text  # the question file's format, with an example line


def test_wrong_settings_and_options_say_what_is_wrong(tmp_path):
    loud = studybot(tmp_path, "info", LOG_LEVEL="LOUD")
    assert loud.returncode == 1 and "LOG_LEVEL" in loud.stderr and "Traceback" not in loud.stderr
    notes = tmp_path / "notes.txt"
    notes.write_text("Cells divide.\n", encoding="utf-8")
    a_file = studybot(tmp_path, "index", "--corpus", str(notes))
    assert a_file.returncode == 1 and "is a file, not a folder" in a_file.stderr


def test_a_model_that_cannot_be_loaded_is_blamed_not_the_index(tmp_path, test_embedder):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "notes.txt").write_text("Osmosis moves water across a membrane.\n")
    build_index(tmp_path / "corpus", tmp_path / "index", test_embedder)
    result = studybot(tmp_path, "ask", "What is osmosis?", EMBEDDING_MODEL="does-not-exist")
    assert result.returncode == 1
    assert "'does-not-exist' could not be loaded" in result.stderr and "EMBEDDING_MODEL" in result.stderr
    assert "The index in" not in result.stderr


def test_every_file_left_out_is_named_once_and_library_noise_stays_out(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cells.txt").write_text("# Cells\n\nMitochondria release energy by respiration.\n")
    (corpus / "scan.pdf").write_bytes(b"not a pdf at all")
    (corpus / "damaged.pdf").write_bytes(b"%PDF-1.4 truncated")
    for name in ("old.doc", "slides.odt", "essay.rtf"):
        (corpus / name).write_bytes(b"{\\rtf1 binary-ish}")
    result = studybot(tmp_path, "index")
    assert result.returncode == 0, result.stderr
    everything = result.stdout + result.stderr
    for name in ("scan.pdf", "damaged.pdf", "old.doc", "slides.odt", "essay.rtf"):
        assert everything.count(name) == 1, (name, everything)
    assert "not a supported file type" in result.stdout
    assert "EOF marker" not in everything and "header" not in everything.lower()
    verbose = studybot(tmp_path, "-v", "ask", "What releases energy?")
    assert verbose.returncode == 0 and "Mitochondria" in verbose.stdout
    assert "ModuleNotFoundError" not in verbose.stderr and "faiss.loader" not in verbose.stderr


# --- Ctrl-C -----------------------------------------------------------------------------------

def test_ctrl_c_stops_index_with_exit_code_130_and_no_half_build(tmp_path):
    shutil.copytree(DEFAULT_CORPUS, tmp_path / "corpus")
    index = Running(tmp_path, "-v", "index")
    index.wait_for("Loading embedding model", "stderr")
    assert index.interrupt() == 130
    assert index.text("stderr").rstrip().endswith("Stopped.")
    assert "Traceback" not in index.text("stderr")
    assert current_build(tmp_path / "index") is None
    assert not list((tmp_path / "index").glob("builds/.*.partial"))


def test_chat_over_empty_notes_says_so_and_ctrl_c_stops_it_with_130(tmp_path):
    (tmp_path / "corpus").mkdir()
    chat = Running(tmp_path, "chat")
    chat.wait_for("you>", "stdout")
    chat.type("What is osmosis?")
    chat.wait_for("The notes are empty", "stdout")
    assert chat.interrupt() == 130
    assert chat.text("stderr").rstrip().endswith("Stopped.") and "Traceback" not in chat.text("stderr")
    assert read_manifest(tmp_path / "index").chunk_count == 0  # an empty index is a valid index


# --- question banks ---------------------------------------------------------------------------

def test_a_damaged_question_bank_is_reported_and_never_rebuilt_from_other_notes(tmp_path, real_embedder):
    notes, index = tmp_path / "course", tmp_path / "course-index"
    notes.mkdir()
    for name in ("a", "b", "c", "d"):
        (notes / f"{name}.txt").write_text(f"Topic {name}\n\nThe {name} war began in 19{ord(name)}.\n")
    build_index(notes, index, real_embedder)  # the configured model: nothing is loaded to read the bank
    (tmp_path / "corpus").mkdir()  # the default corpus, which is not what the index was made of
    (tmp_path / "corpus" / "other.txt").write_text("Unrelated notes.\n")
    build = current_build(index)
    bank = build / "quiz_bank.jsonl"
    bank.write_text(bank.read_text()[: len(bank.read_text()) // 2], encoding="utf-8")  # truncated

    result = studybot(tmp_path, "quiz", "bank", "--index", str(index))
    assert result.returncode == 1
    assert "question bank" in result.stderr and "missing or damaged" in result.stderr
    assert f"studybot index --index {index} --corpus" in result.stderr.replace("\n", " ")
    assert current_build(index) == build and len(read_manifest(index).documents) == 4

    bank.unlink()
    result = studybot(tmp_path, "quiz", "generate", "--index", str(index))
    assert result.returncode == 1 and "missing or damaged" in result.stderr
    assert current_build(index) == build


# --- courses ----------------------------------------------------------------------------------

PHOTOSYNTHESIS = REPO / "tests" / "data" / "courses" / "photosynthesis.md"


def test_a_course_is_indexed_asked_and_listed_by_name(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "history.txt").write_text("# Rome\n\nRome was founded in 753 BC by Romulus.\n")
    biology = tmp_path / "courses" / "biology" / "corpus"
    biology.mkdir(parents=True)
    shutil.copy(PHOTOSYNTHESIS, biology)
    env = {"COURSES_DIR": str(tmp_path / "courses")}

    indexed = studybot(tmp_path, "index", "--course", "biology", "--json", **env)
    assert indexed.returncode == 0, indexed.stderr
    assert '"documents": 1' in indexed.stdout and '"embedded": 0' not in indexed.stdout
    assert not (tmp_path / "index" / "CURRENT").exists()  # the default course was not touched
    assert (tmp_path / "courses" / "biology" / "index" / "CURRENT").exists()

    answer = studybot(tmp_path, "ask", "--course", "biology", "What pigment absorbs the light?", "--json", **env)
    assert answer.returncode == 0, answer.stderr
    assert "photosynthesis.md" in answer.stdout and "chlorophyll" in answer.stdout.lower()
    assert "history.txt" not in answer.stdout

    from datetime import datetime, timezone

    from bot.store.course_servers import CourseServers
    from bot.store.database import Database

    db = Database(tmp_path / "data" / "studybot.db")  # the bot's database (DATABASE_PATH's default)
    CourseServers(db).assign(4242, "biology", by=None, at=datetime.now(timezone.utc), owner=True)
    db.close()
    listed = studybot(tmp_path, "courses", **env)
    assert listed.returncode == 0, listed.stderr
    lines = {line.split()[0]: line.split()[1:] for line in listed.stdout.splitlines()[1:]}
    assert lines["biology"][:2] == ["1", str(read_manifest(biology.parent / "index").chunk_count)]
    assert lines["biology"][-1] == "4242"
    assert "not indexed yet" in " ".join(lines["default"]) and lines["default"][-1] == "-"


def test_a_course_that_does_not_exist_or_clashes_with_folders_is_refused(tmp_path):
    (tmp_path / "corpus").mkdir()
    unknown = studybot(tmp_path, "ask", "--course", "chemistry", "What is an acid?",
                       COURSES_DIR=str(tmp_path / "courses"))
    assert unknown.returncode == 1 and "There is no course “chemistry”" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    both = studybot(tmp_path, "index", "--course", "chemistry", "--corpus", str(tmp_path / "corpus"))
    assert both.returncode == 2 and "not both" in both.stderr
    bad = studybot(tmp_path, "quiz", "bank", "--course", "../etc")
    assert bad.returncode == 1 and "cannot name a course" in bad.stderr

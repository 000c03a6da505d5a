"""Shared fixtures: one real embedding model per test run, and the default notes indexed once.

Two embedders, so the split is visible in every test's signature:
- `real_embedder` (and the services built on it: `default_service`, `fresh_service`, `cli_run`) is
  the packaged model, for tests of answers, the index and end to end. Tests that use it are marked
  `real_model` automatically, so `pytest -m "not real_model"` runs the rest without the model
  (and fails if its libraries were imported anyway).
- `test_embedder` (and `hashed_service`) hashes text to unit vectors: unit tests of the core, the
  store and the services, with no model load. (They stay off torch too, except where spaCy parses
  text for the quiz generator: spaCy's thinc imports torch whenever it is installed.)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Tests never reach a model hub: the default model ships inside a package.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
# Processes a test starts answer through torch, as the model fixtures do: the default (fp32 ONNX
# for questions, its file made by a process of its own) is tested in tests/core/test_question_embedder.py
# without making the file once per test's index folder.
os.environ.setdefault("QUESTION_RUNTIME", "backend")
# ...and build with torch: the default backend (DEFAULT_BACKEND, onnx-int8, whose first use makes
# the ONNX files from the model) is tested in tests/core/test_embedding_backends.py, which unsets this.
os.environ.setdefault("EMBEDDING_BACKEND", "torch")
# The ONNX backends' files are made from the model once per run, not once per test's index folder
# (the processes tests start inherit this); removed at the end of the run.
_MODEL_CACHE = None if "MODEL_CACHE_DIR" in os.environ else tempfile.mkdtemp(prefix="studybot-models-")
os.environ.setdefault("MODEL_CACHE_DIR", _MODEL_CACHE or "")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "corpus"
DATA = Path(__file__).resolve().parent / "data"


REAL_MODEL_FIXTURES = {"real_embedder"}  # everything else that loads the model depends on it


def pytest_configure(config):
    config.addinivalue_line("markers", "real_model: uses the packaged embedding model (torch); "
                            "added automatically to tests that depend on `real_embedder`")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if REAL_MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.real_model)


MODEL_LIBRARIES = ("sentence_transformers", "transformers")


def pytest_unconfigure(config):
    if _MODEL_CACHE:
        shutil.rmtree(_MODEL_CACHE, ignore_errors=True)


def pytest_sessionfinish(session, exitstatus):
    """A run without model tests must not have loaded the model's libraries: that is the point of
    the split. (Not torch itself: spaCy's thinc imports it whenever it is installed.)"""
    import sys

    ran_model = any(item.get_closest_marker("real_model") for item in session.items)
    loaded = [name for name in MODEL_LIBRARIES if name in sys.modules]
    if session.items and not ran_model and loaded and exitstatus == 0:
        session.config.get_terminal_writer().line(
            f"\nFAILED: no selected test uses the real model, yet {', '.join(loaded)} was imported", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def real_embedder():
    """The packaged model, loaded once per run."""
    from bot.core.embedding_model import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def onnx_cache():
    """A model cache (MODEL_CACHE) for the ONNX files, shared by the run (and by the processes
    tests start: MODEL_CACHE_DIR above): each export takes a minute."""
    return Path(os.environ["MODEL_CACHE_DIR"])


@pytest.fixture
def test_embedder():
    """Deterministic hashed vectors: no torch. It records what it embeds (`.embedded`)."""
    from tests.hashed_embedder import HashedEmbedder

    return HashedEmbedder()


def make_settings(corpus: Path, index: Path, **extra):
    from bot.config import Settings

    # _env_file=None: a developer's own .env must not change what the tests see.
    # courses_dir beside them: a test never makes courses in the repository's data/ folder.
    return Settings(_env_file=None, corpus_dir=corpus, index_dir=index,
                    database_path=index.parent / "state.db", **{"courses_dir": index.parent / "courses", **extra})


def indexed_course(root: Path, notes: dict[str, str], embedder, copies: tuple[Path, ...] = ()):
    """A service over `notes` (file name -> text) and copies of `copies`, in root/corpus, indexed."""
    from bot.service import StudyService

    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in notes.items():
        (corpus / name).write_text(text, encoding="utf-8")
    for path in copies:
        shutil.copy(path, corpus / path.name)
    service = StudyService(make_settings(corpus, root / "index"), embedder)
    service.reindex()
    return service


@pytest.fixture(scope="session")
def default_service(tmp_path_factory, real_embedder):
    """A service over a copy of the shipped corpus, indexed once for the whole run (read-only use)."""
    from bot.service import StudyService

    root = tmp_path_factory.mktemp("default")
    corpus = root / "corpus"
    shutil.copytree(DEFAULT_CORPUS, corpus, ignore=shutil.ignore_patterns("quizzes"))
    service = StudyService(make_settings(corpus, root / "index"), real_embedder)
    service.reindex()
    return service


def _empty_corpus_service(tmp_path: Path, embedder):
    from bot.service import StudyService

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    return StudyService(make_settings(corpus, tmp_path / "index"), embedder)


@pytest.fixture
def fresh_service(tmp_path, real_embedder):
    """A service over an empty corpus folder of its own, for index tests that change documents."""
    return _empty_corpus_service(tmp_path, real_embedder)


@pytest.fixture
def hashed_service(tmp_path, test_embedder):
    """As `fresh_service`, with the test embedder: for tests of plumbing, not of answers."""
    return _empty_corpus_service(tmp_path, test_embedder)


@pytest.fixture
def cli_run(monkeypatch, real_embedder, tmp_path):
    """Invoke `studybot ...` in-process over a copy of the shipped corpus, with CORPUS_DIR and
    INDEX_DIR in a temp folder and the run's one model; returns (exit code, stdout)."""
    from typer.testing import CliRunner

    from bot import cli
    from bot.cli_common import CliContext
    from bot.service import StudyService

    corpus = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS, corpus)
    monkeypatch.chdir(tmp_path)  # no developer .env is read
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        context = CliContext(make_service=lambda settings: StudyService(settings, real_embedder))
        result = runner.invoke(cli.app, list(args), input=input, catch_exceptions=False, obj=context)
        invoke.last = result  # .output has stderr too
        return result.exit_code, result.stdout

    invoke.corpus = corpus
    return invoke


# --- databases ----------------------------------------------------------------------------------
# One throwaway PostgreSQL cluster per test run (started on first use), a fresh database in it per
# test. If it cannot start, the tests that need it FAIL with the reason: CI must prove they ran.


@pytest.fixture(scope="session")
def postgres_server():
    from tests.postgres_server import PostgresServer, PostgresUnavailable

    try:
        server = PostgresServer().start()
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL is needed by this test and could not be started: {exc}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A new, empty PostgreSQL database of this test's own."""
    import uuid

    return postgres_server.create_database(f"test_{uuid.uuid4().hex[:12]}")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_target(request, tmp_path):
    """Where a test's Database lives, once on each kind: a SQLite file, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return tmp_path / "state.db"
    return request.getfixturevalue("postgres_url")

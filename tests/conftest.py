"""Shared fixtures: one real embedding model per test run, and the default notes indexed once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Tests never reach a model hub: the default model ships inside a package.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "corpus"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def embedder():
    from bot.core.embedding import Embedder

    return Embedder()


def make_settings(corpus: Path, index: Path, **extra):
    from bot.config import Settings

    # _env_file=None: a developer's own .env must not change what the tests see.
    return Settings(_env_file=None, corpus_dir=corpus, index_dir=index,
                    database_path=index.parent / "state.db", **extra)


@pytest.fixture(scope="session")
def default_service(tmp_path_factory, embedder):
    """A service over a copy of the shipped corpus, indexed once for the whole run (read-only use)."""
    from bot.service import StudyService

    root = tmp_path_factory.mktemp("default")
    corpus = root / "corpus"
    shutil.copytree(DEFAULT_CORPUS, corpus, ignore=shutil.ignore_patterns("quizzes"))
    service = StudyService(make_settings(corpus, root / "index"), embedder)
    service.reindex()
    return service


@pytest.fixture
def fresh_service(tmp_path, embedder):
    """A service over an empty corpus folder of its own, for tests that change documents."""
    from bot.service import StudyService

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    return StudyService(make_settings(corpus, tmp_path / "index"), embedder)


@pytest.fixture
def cli_run(monkeypatch, embedder, tmp_path):
    """Invoke `studybot ...` in-process over a copy of the shipped corpus, with CORPUS_DIR and
    INDEX_DIR in a temp folder and the run's one model; returns (exit code, stdout)."""
    from typer.testing import CliRunner

    from bot import cli
    from bot.service import StudyService

    corpus = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS, corpus)
    monkeypatch.chdir(tmp_path)  # no developer .env is read
    monkeypatch.setenv("CORPUS_DIR", str(corpus))
    monkeypatch.setenv("INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.setattr(cli, "_service", lambda settings: StudyService(settings, embedder))
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        result = runner.invoke(cli.app, list(args), input=input, catch_exceptions=False)
        invoke.last = result  # .output has stderr too
        return result.exit_code, result.stdout

    invoke.corpus = corpus
    return invoke

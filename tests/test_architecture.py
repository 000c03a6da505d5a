"""The one rule of the layout: the core and the service know nothing of Discord or the CLI, and
importing the package does no work."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

CORE_MODULES = ["bot.core.answering", "bot.core.indexer", "bot.core.retrieval", "bot.core.quiz.bank",
                "bot.core.quiz.schedule", "bot.core.quiz.results", "bot.core.quiz.review", "bot.service",
                "bot.store.quiz_posts", "bot.store.review_cards"]


def test_core_and_service_import_no_adapter():
    code = ("import sys\n" + "".join(f"import {m}\n" for m in CORE_MODULES) +
            "bad = [m for m in ('discord', 'typer', 'rich', 'bot.cli', 'bot.discord_bot') if m in sys.modules]\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_importing_the_package_loads_no_model_library():
    code = ("import sys, bot, bot.cli, bot.service, bot.discord_bot.client\n"
            "print(','.join(m for m in ('torch', 'sentence_transformers', 'faiss') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

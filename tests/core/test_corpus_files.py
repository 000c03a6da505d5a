"""Uploads are checked before they touch the corpus, and their names cannot escape it."""

from __future__ import annotations

import pytest

from bot.core.corpus_files import check_upload, resolve_document, sanitize_filename, write_document
from bot.core.cooldown import Cooldown
from bot.errors import InvalidInputError, NotFoundError


@pytest.mark.parametrize("raw,clean", [
    ("notes.md", "notes.md"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\t\\Week 1 — Intro.PDF", "Week-1-Intro.pdf"),
    (".hidden.md", "hidden.md"),
    ("élève notes!!.docx", "eleve-notes.docx"),
    ("   ", "document"),
    ("a" * 300 + ".txt", "a" * 90 + ".txt"),
])
def test_sanitize_filename(raw, clean):
    assert sanitize_filename(raw) == clean


def test_check_upload_accepts_a_readable_document():
    name, document = check_upload("My Notes.md", b"# Title\n\nSome text about cells.\n", 10_000)
    assert name == "My-Notes.md" and document.blocks


@pytest.mark.parametrize("filename,data,reason", [
    ("virus.exe", b"MZ", "not a supported document type"),
    ("big.txt", b"x" * 2000, "the limit is"),
    ("empty.txt", b"", "could not be read"),
    ("fake.pdf", b"not a pdf at all", "could not be read"),
])
def test_check_upload_refuses_with_a_reason(filename, data, reason):
    with pytest.raises(InvalidInputError) as info:
        check_upload(filename, data, 1000)
    assert reason in info.value.user_message()


def test_write_and_resolve_stay_inside_the_corpus(tmp_path):
    path = write_document(tmp_path, "a.md", b"# A\n\nText.\n")
    assert resolve_document(tmp_path, "a.md") == path.resolve()
    assert not list(tmp_path.glob(".upload-*"))
    outside = tmp_path.parent / "secret.txt"
    outside.write_text("secret")
    for name in ("../secret.txt", "missing.md"):
        with pytest.raises(NotFoundError):
            resolve_document(tmp_path, name)


def test_cooldown_counts_from_the_last_allowed_use():
    now = [0.0]
    cooldown = Cooldown(10, lambda: now[0])
    assert cooldown.try_acquire(1) == 0
    now[0] = 4
    assert cooldown.try_acquire(1) == pytest.approx(6)
    assert cooldown.try_acquire(2) == 0
    now[0] = 10.5
    assert cooldown.try_acquire(1) == 0

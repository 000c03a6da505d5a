"""A build answers questions as soon as its chunks, their vectors and search indexes are written:
its sentence vectors and quiz bank are made after it is published, and what a build did not finish
is made again."""

from __future__ import annotations

import shutil
import threading
import time

import pytest

from bot.core import indexer, sentence_vectors
from bot.core.index_store import BUILDS, current_build, load_index
from bot.core.indexer import ANSWERS_READY, build_index
from bot.core.quiz.bank import BANK_FILE, bank_is_current, load_bank
from bot.errors import QuizBankPendingError
from tests.conftest import DEFAULT_CORPUS


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS, folder, ignore=shutil.ignore_patterns("quizzes"))
    return folder


def test_a_build_is_published_and_answers_before_its_quiz_bank_is_made(corpus, tmp_path, test_embedder):
    index = tmp_path / "index"
    seen: list[str] = []
    at_publish = {}

    def published():
        build = current_build(index)
        loaded = load_index(index, model=test_embedder.model_name, backend=test_embedder.backend)
        at_publish.update(loads=len(loaded.chunks), sentences=loaded.sentences, bank=bank_is_current(build))

    report = build_index(corpus, index, test_embedder, progress=lambda stage, *_: seen.append(stage),
                         published=published)
    # Answers first: neither the sentence vectors nor the bank are there yet.
    assert at_publish == {"loads": report.chunks, "sentences": None, "bank": False}
    assert max(i for i, s in enumerate(seen) if s in ("embedding", "writing")) < seen.index(ANSWERS_READY)
    assert seen.index(ANSWERS_READY) < seen.index("sentences") < seen.index("quiz")
    loaded = load_index(index, model=test_embedder.model_name, backend=test_embedder.backend)
    assert loaded.sentences is not None and len(loaded.sentences) > report.chunks
    bank = load_bank(current_build(index))
    assert bank.stored and len(bank) == report.quiz_items > 0
    assert 0 < report.answers_seconds <= report.seconds
    assert not list(current_build(index).glob(".*partial"))


def test_a_quiz_bank_its_build_did_not_finish_is_made_by_the_next_build_alone(corpus, tmp_path, test_embedder,
                                                                             monkeypatch):
    index = tmp_path / "index"
    whole = build_index(corpus, index, test_embedder)
    items = [i.to_dict() for i in load_bank(current_build(index)).items]
    (corpus / "extra.md").write_text("# Extra\n\nThe Lushan Conference met in July 1959 at Mount Lushan.\n")

    def stopped(*args):
        raise KeyboardInterrupt  # the process stops while the bank is being made

    monkeypatch.setattr(indexer, "_make_bank", stopped)
    with pytest.raises(KeyboardInterrupt):
        build_index(corpus, index, test_embedder)
    build = current_build(index)
    assert build.name != whole.build and not (build / BANK_FILE).exists()  # published, answering, no bank
    assert load_index(index, model=test_embedder.model_name, backend=test_embedder.backend).chunks
    monkeypatch.undo()

    test_embedder.embedded.clear()
    again = build_index(corpus, index, test_embedder)
    assert again.unchanged and current_build(index) == build  # no new build, nothing embedded
    assert test_embedder.embedded == [] and again.quiz_items > 0
    bank = load_bank(build)
    # The chunks the first build had keep exactly their items (reused from that build's bank).
    kept = {i["id"] for i in items}
    assert [i.to_dict() for i in bank.items if i.id in kept] == [i for i in items if i["id"] in {b.id for b in bank.items}]


def test_a_service_answers_during_the_bank_and_says_the_quiz_is_being_made(hashed_service, monkeypatch):
    (hashed_service.corpus_dir / "cells.md").write_text(
        "# Cells\n\n## Mitochondria\n\nThe mitochondria make ATP by aerobic respiration in the cell.\n")
    during = {}
    real = indexer._make_bank

    def watched(*args):
        hashed_service.ask("Where is ATP made?")  # answered (hashed vectors: what it says is not the point)
        during["documents"] = {c.document for c in hashed_service.retriever().index.chunks}
        during["build"] = hashed_service.info().loaded_build == current_build(hashed_service.index_dir).name
        with pytest.raises(QuizBankPendingError):
            hashed_service.quiz_bank()
        during["ready"] = hashed_service.quiz_bank_ready
        return real(*args)

    monkeypatch.setattr(indexer, "_make_bank", watched)
    report = hashed_service.reindex()
    assert during["documents"] == {"cells.md"} and during["build"] and during["ready"] is False
    assert hashed_service.quiz_bank().stored and hashed_service.quiz_bank_ready and report.quiz_items >= 0


def test_a_missing_bank_is_made_aside_when_a_quiz_asks_for_it(hashed_service):
    (hashed_service.corpus_dir / "cells.md").write_text(
        "# Cells\n\n## Mitochondria\n\nThe mitochondria make ATP by aerobic respiration in the cell. "
        "Aerobic respiration was described by Hans Krebs in 1937.\n")
    hashed_service.reindex()
    build = current_build(hashed_service.index_dir)
    made = [i.to_dict() for i in hashed_service.quiz_bank().items]
    (build / BANK_FILE).unlink()  # as a process stopped before its bank was written leaves it
    restarted = type(hashed_service)(hashed_service.settings, hashed_service.embedder)
    assert not restarted.quiz_bank(missing="keep").stored
    with pytest.raises(QuizBankPendingError):
        restarted.quiz_bank()  # says so, and starts making it
    deadline = time.monotonic() + 20
    while not restarted.quiz_bank_ready and time.monotonic() < deadline:
        time.sleep(0.05)
    while restarted.reindexing and time.monotonic() < deadline:  # its thread lets go of the build
        time.sleep(0.05)
    assert [i.to_dict() for i in restarted.quiz_bank().items] == made
    assert current_build(hashed_service.index_dir) == build and not [
        t for t in threading.enumerate() if t.name.startswith("finish-build-")]


def test_questions_before_the_sentence_vectors_embed_only_their_best_sentences(hashed_service, monkeypatch):
    """Between publishing and the sentence vectors, a first-time question embeds its best
    `WINDOW_CANDIDATES` sentences, not every one it compares (that cost p95 222 CPU ms,
    bench/RESULTS.md 7g), and the sentence stage then takes them from the cache."""
    shutil.copytree(DEFAULT_CORPUS, hashed_service.corpus_dir, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("quizzes"))
    questions = ["Who replaced Peng Dehuai?", "When did the Great Leap Forward begin?",
                 "What was the Hundred Flowers Campaign?"]
    calls: list[list[str]] = []
    during = {}
    real_encode, real_finish = hashed_service.embedder.encode, indexer._finish_sentences

    def recorded(texts, **kw):
        calls.append(list(texts))
        return real_encode(texts, **kw)

    def asked_first(build, *args):
        during["sentences"] = hashed_service.retriever().index.sentences
        calls.clear()
        during["answers"] = [hashed_service.ask(q) for q in questions]
        during["calls"] = list(calls)
        calls.clear()
        return real_finish(build, *args)

    monkeypatch.setattr(hashed_service.embedder, "encode", recorded)
    monkeypatch.setattr(indexer, "_finish_sentences", asked_first)
    hashed_service.reindex()
    assert during["sentences"] is None and not during["answers"][0].abstained
    embedded = [t for call in during["calls"] for t in call if t not in questions]
    most = sentence_vectors.WINDOW_CANDIDATES
    assert embedded and len(embedded) <= most * len(questions)
    assert all(len([t for t in call if t not in questions]) <= most for call in during["calls"])
    stage = {t for call in calls for t in call}
    assert stage and not stage & set(embedded)  # the window's sentences are not embedded again
    assert hashed_service.retriever().index.sentences is not None  # taken up once made


def test_a_build_stopped_before_its_sentence_vectors_gets_them_when_opened(hashed_service, monkeypatch):
    (hashed_service.corpus_dir / "cells.md").write_text(
        "# Cells\n\n## Mitochondria\n\nThe mitochondria make ATP by aerobic respiration in the cell.\n")

    def stopped(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(indexer, "_write_sentence_vectors", stopped)
    with pytest.raises(KeyboardInterrupt):
        hashed_service.reindex()
    monkeypatch.undo()
    build = current_build(hashed_service.index_dir)
    # The stage made aside waits until the build is seen served without its sentence vectors: made
    # at once, it could be taken up before this test looked.
    release, real_finish = threading.Event(), indexer._finish_sentences
    monkeypatch.setattr(indexer, "_finish_sentences", lambda *args: release.wait(20) and real_finish(*args))
    restarted = type(hashed_service)(hashed_service.settings, hashed_service.embedder)
    assert restarted.open_index().report is None  # nothing to index: it is served at once
    assert restarted.retriever().index.sentences is None
    release.set()
    deadline = time.monotonic() + 20
    while (indexer.unfinished(build) or restarted.reindexing) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert restarted.retriever().index.sentences is not None and restarted.quiz_bank().stored
    assert current_build(hashed_service.index_dir) == build

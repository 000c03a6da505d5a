"""The stored question bank: built at index time, reused per chunk, saved with each build."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core import index_store
from bot.core.chunking import chunk_document
from bot.core.index_store import read_manifest
from bot.core.loaders import load_document
from bot.core.quiz import bank as bank_module
from bot.core.quiz import generator
from bot.core.quiz.bank import (BANK_FILE, QuestionBank, build_bank, by_topic, load_bank, postable,
                                quiz_source, save_bank)
from bot.core.quiz.items import MULTIPLE_CHOICE, POSTABLE_KINDS, TRUE_FALSE
from tests.conftest import DEFAULT_CORPUS

NOTE = "china-under-mao.txt"
HISTORY = """The Meiji Restoration
Reforms
In 1871, the feudal domains were abolished and replaced by prefectures under the central government.
The new conscript army was created in 1873 after a long debate among the leaders in Tokyo.
"""
SCIENCE = """Physics
Electromagnetism
In 1831, Michael Faraday discovered electromagnetic induction while working in London.
Later, James Clerk Maxwell unified electricity and magnetism in a set of equations.
"""
TEACHER = """questions:
  - question: Who discovered electromagnetic induction?
    answer: Michael Faraday
    wrong: [Isaac Newton, Niels Bohr]
    topic: Physics
"""


@pytest.fixture(scope="module")
def chunks():
    return chunk_document(load_document(DEFAULT_CORPUS / NOTE, NOTE), max_chars=900)


@pytest.fixture
def spy(monkeypatch):
    """Records the chunk ids the generator is asked to work on, call by call."""
    calls: list[list[str]] = []
    real = generator.generate_items

    def recording(chunks, **kwargs):
        calls.append([c.id for c in chunks])
        return real(chunks, **kwargs)

    monkeypatch.setattr(generator, "generate_items", recording)
    return calls


def test_build_save_and_load_round_trip(chunks, tmp_path):
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "t.yaml").write_text(TEACHER, encoding="utf-8")
    bank, errors = build_bank(chunks, tmp_path)
    assert errors == {} and len(bank.teacher) == 1 and len(bank.generated) >= 4  # fewer, better items (issue 8; 5 pass the cut-off)
    assert bank.generated == generator.generate_items(chunks)  # same items, same order
    save_bank(bank, tmp_path)
    loaded = load_bank(tmp_path)
    assert loaded.stored and loaded.generated == bank.generated and loaded.teacher == bank.teacher
    assert loaded.chunk_ids == tuple(c.id for c in chunks)
    last = json.loads((tmp_path / BANK_FILE).read_text(encoding="utf-8").splitlines()[-1])
    assert last["source"]["chunk_id"]  # the next build can reuse items by chunk id
    assert not load_bank(tmp_path / "nowhere").stored


def test_unchanged_chunks_are_not_generated_again(chunks, tmp_path, spy):
    bank, _ = build_bank(chunks, tmp_path)
    again, _ = build_bank(chunks, tmp_path, bank.generated_by_chunk())
    assert spy == [[c.id for c in chunks]]  # the second build generated nothing
    assert again.generated == bank.generated
    edited = next(c for c in chunks if "Lin Biao" in c.text)
    changed = [replace(c, id="edited", text=c.text.replace("Lin Biao", "Lin Biao (a marshal)"))
               if c is edited else c for c in chunks]
    third, _ = build_bank(changed, tmp_path, bank.generated_by_chunk())
    assert spy[-1] == ["edited"]
    kept = [i for i in bank.generated if i.source.chunk_id != edited.id]
    assert [i for i in third.generated if i.source.chunk_id != "edited"] == kept


def test_bank_helpers(chunks, tmp_path):
    bank, _ = build_bank(chunks, tmp_path)
    items = bank.items
    assert {i.kind for i in postable(items)} == set(POSTABLE_KINDS)
    communes = by_topic(items, "agricultural COLLECTIVISATION")  # any case, any part of the section path
    assert communes and all("Agricultural Collectivisation" in i.source.section for i in communes)
    assert by_topic(items, "china-under-mao") == items  # the document name (with or without suffix)
    assert by_topic(items, "The Great Leap Forward (1958–1961)")
    assert by_topic(items, "no such topic") == []
    assert bank.get(items[3].id) == items[3] and bank.get("missing") is None
    assert sum(bank.counts().values()) == len(bank)


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_reindex_stores_the_bank_and_regenerates_only_a_changed_document(hashed_service, spy):
    corpus = hashed_service.corpus_dir
    write(corpus, "history.txt", HISTORY)
    write(corpus, "science.txt", SCIENCE)
    write(corpus, "quizzes/physics.yaml", TEACHER)
    report = hashed_service.reindex()
    bank = hashed_service.quiz_bank()
    assert report.quiz_items == len(bank) and "generator" in read_manifest(hashed_service.index_dir).quiz
    assert (index_store.current_build(hashed_service.index_dir) / BANK_FILE).exists()
    assert {i.source.document for i in bank.generated} == {"history.txt", "science.txt"}
    assert [i.answer for i in bank.teacher] == ["Michael Faraday"]
    history_items = {i.id for i in bank.generated if i.source.document == "history.txt"}
    first_ids = set(spy[0])

    write(corpus, "science.txt", SCIENCE.replace("London", "London at the Royal Institution"))
    report = hashed_service.reindex()
    assert report.changed == ["science.txt"]
    science_chunks = {c.id for c in hashed_service.retriever().index.chunks if c.document == "science.txt"}
    assert len(spy) == 2 and spy[1] and set(spy[1]) <= science_chunks and not set(spy[1]) & first_ids
    after = hashed_service.quiz_bank()
    assert {i.id for i in after.generated if i.source.document == "history.txt"} == history_items


def test_item_ids_are_stable_across_builds(hashed_service, tmp_path, test_embedder):
    from bot.service import StudyService
    from tests.conftest import make_settings

    write(hashed_service.corpus_dir, NOTE, (DEFAULT_CORPUS / NOTE).read_text(encoding="utf-8"))
    hashed_service.reindex()
    other = StudyService(make_settings(hashed_service.corpus_dir, tmp_path / "other-index"), test_embedder)
    other.reindex()
    ids = [i.id for i in hashed_service.quiz_bank().generated]
    assert ids and ids == [i.id for i in other.quiz_bank().generated]


def test_unchanged_reindex_stays_unchanged_until_a_bank_file_changes(hashed_service):
    corpus = hashed_service.corpus_dir
    write(corpus, "history.txt", HISTORY)
    hashed_service.reindex()
    assert hashed_service.reindex().unchanged
    write(corpus, "quizzes/physics.yaml", TEACHER)
    report = hashed_service.reindex()
    assert not report.unchanged and report.embedded == 0
    assert [i.answer for i in hashed_service.quiz_bank().teacher] == ["Michael Faraday"]
    assert hashed_service.reindex().unchanged
    write(corpus, "quizzes/physics.yaml", TEACHER + "    wrong_key: 1\n")
    report = hashed_service.reindex()
    assert not report.unchanged and "quizzes/physics.yaml" in report.skipped
    assert "unknown field" in report.skipped["quizzes/physics.yaml"]
    assert hashed_service.quiz_bank().teacher == []
    again = hashed_service.reindex()
    assert again.unchanged and "quizzes/physics.yaml" in again.skipped  # still reported


def test_a_build_without_a_bank_gets_one_from_reindex(hashed_service):
    write(hashed_service.corpus_dir, "history.txt", HISTORY)
    hashed_service.reindex()
    build = index_store.current_build(hashed_service.index_dir)
    (build / BANK_FILE).unlink()
    report = hashed_service.reindex()  # the bank alone is made, into the build as it is
    assert report.unchanged and report.embedded == 0 and index_store.current_build(hashed_service.index_dir) == build
    assert hashed_service.quiz_bank().stored and hashed_service.quiz_bank().generated


def test_default_notes_bank_through_the_service(hashed_service):
    write(hashed_service.corpus_dir, NOTE, (DEFAULT_CORPUS / NOTE).read_text(encoding="utf-8"))
    hashed_service.reindex()
    bank = hashed_service.quiz_bank()
    assert isinstance(bank, QuestionBank) and bank.teacher == []  # no quizzes/ folder
    assert len(bank.generated) >= 4  # 5 of the 7 made pass the quality cut-off
    assert any(i.kind == MULTIPLE_CHOICE for i in bank.generated)
    assert any(i.kind == TRUE_FALSE for i in bank.generated)


def test_a_generator_failure_never_stops_indexing(hashed_service, monkeypatch):
    def broken(chunks, **kwargs):
        raise RuntimeError("a bug in a template")

    write(hashed_service.corpus_dir, "history.txt", HISTORY)
    write(hashed_service.corpus_dir, "quizzes/physics.yaml", TEACHER)
    monkeypatch.setattr(generator, "generate_items", broken)
    report = hashed_service.reindex()
    bank = hashed_service.quiz_bank()
    assert report.chunks and bank.generated == [] and len(bank.teacher) == 1
    assert bank.chunk_ids == ()  # nothing recorded as done: a later build generates them



def test_notes_past_the_limit_give_questions_from_an_even_spread_of_every_document(chunks, spy, tmp_path,
                                                                                 monkeypatch):
    """The generator's cost is bounded: past the limit it reads every k-th passage of each
    document, and adding a document leaves the others' choice (so their items are reused)."""
    physics = tmp_path / "physics.txt"
    physics.write_text(SCIENCE * 12, encoding="utf-8")
    other = chunk_document(load_document(physics, "physics.txt"), max_chars=300)
    everything = chunks + other
    total = sum(len(c.text) for c in everything)
    assert quiz_source(everything, limit=total) == everything

    spread = quiz_source(everything, limit=total // 3)
    step = -(-total // (total // 3))
    assert step >= 3 and len(spread) < len(everything)
    assert {c.document for c in spread} == {NOTE, "physics.txt"}
    assert all(c.position % step == 0 for c in spread)
    # The default note's choice is the same with or without the other document.
    alone = [c for c in chunks if c.position % step == 0]
    assert [c.id for c in spread if c.document == NOTE] == [c.id for c in alone]

    (tmp_path / "quizzes").mkdir()
    monkeypatch.setattr(bank_module, "QUIZ_NOTES_LIMIT", total // 3)
    bank, _ = build_bank(everything, tmp_path)
    assert set(spy[-1]) == {c.id for c in spread}
    assert bank.generated and {i.source.chunk_id for i in bank.generated} <= {c.id for c in spread}
    # Passages left out are not marked as done: a later build with room for them makes their items.
    assert set(bank.chunk_ids) == {c.id for c in spread}

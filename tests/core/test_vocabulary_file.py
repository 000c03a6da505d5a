"""The notes' vocabulary stored with each build: what the build writes, that a load reads it instead
of making it, and a build without one (made before it was stored), with one of other code, or with
a damaged one: answered the same way, and given the file for the next load."""

from __future__ import annotations

import json

import pytest

from bot.core import index_store, vocabulary_file
from bot.core.spelling import NotesVocabulary
from bot.core.vocabulary_file import VOCABULARY_FILE, read_vocabulary

NOTES = """The Great Leap Forward
In 1958 Mao Zedong launched the Great Leap Forward to industrialise China within a few years.
Backyard furnaces produced useless pig iron, and grain was taken from the villages for export.
The Lushan Conference
Peng Dehuai criticised the Great Leap Forward at the Lushan Conference in 1959, and Mao Zedong had him purged.
The People's Republic of China
Mao Zedong founded the People's Republic of China on 1 October 1949 in Beijing.
From 1950 the People's Republic of China fought in the Korean War.
"""
# A misspelt name and words, a short form the notes never write, and a plain question.
QUESTIONS = ["What happened to Peng Dehaui after he critisized the great leep forward?",
             "When was the PRC founded?",
             "Who launched the Great Leap Forward?"]


def _built(service):
    (service.corpus_dir / "china.txt").write_text(NOTES, encoding="utf-8")
    service.reindex()
    return service


def _made_from_chunks(service) -> NotesVocabulary:
    return NotesVocabulary(c.embedding_text() for c in service.retriever().index.chunks)


def _same(a: NotesVocabulary, b: NotesVocabulary) -> bool:
    # The order of the words matters too: of equally near words, the first is chosen.
    return (list(a.counts.items()), a.names, a.initialisms, a._words) == (
        list(b.counts.items()), b.names, b.initialisms, b._words)


def _answers(service) -> list[tuple]:
    return [(a.tier, a.sentences, a.text) for a in map(service.ask, QUESTIONS)]


def test_the_build_stores_the_vocabulary_it_would_make_and_a_load_reads_it(fresh_service, monkeypatch):
    from bot.service import StudyService

    service = _built(fresh_service)
    build = index_store.current_build(service.index_dir)
    stored = read_vocabulary(build)
    assert stored is not None and _same(stored, _made_from_chunks(service))
    assert {"prc", "glf"} <= stored.initialisms and "dehuai" in stored.names
    answers = _answers(service)
    assert "Lushan" in answers[0][2] and "1949" in answers[1][2]

    def never(_texts):
        raise AssertionError("the vocabulary was made again instead of read")

    monkeypatch.setattr(vocabulary_file, "make_vocabulary", never)
    again = StudyService(service.settings, service.embedder)
    assert _answers(again) == answers
    assert _same(again.retriever().vocabulary, stored)


def test_a_build_without_a_stored_vocabulary_answers_the_same_and_stores_it(fresh_service, monkeypatch):
    """An installation upgraded in place: nothing is rebuilt or re-embedded, the vocabulary is made
    from the chunks as before, once, and kept in the build for the next load."""
    from bot.service import StudyService

    service = _built(fresh_service)
    answers = _answers(service)
    build = index_store.current_build(service.index_dir)
    (build / VOCABULARY_FILE).unlink()
    embedded: list[list[str]] = []
    real_encode = service.embedder.encode
    monkeypatch.setattr(service.embedder, "encode", lambda texts, **kw: embedded.append(list(texts)) or real_encode(texts, **kw))
    old = StudyService(service.settings, service.embedder)
    assert _answers(old) == answers
    assert index_store.current_build(service.index_dir) == build  # no new build
    # One text a question, the question itself: read with the notes' spelling by the vocabulary.
    assert [len(texts) for texts in embedded] == [1] * len(QUESTIONS)
    assert embedded[0] == ["What happened to Peng Dehuai after he criticised the great leap forward?"]
    assert _same(read_vocabulary(build), _made_from_chunks(service))


@pytest.mark.parametrize("damage", ["other code", "not json", "a key missing", "wrong types"])
def test_a_vocabulary_of_other_code_or_damaged_is_made_again(fresh_service, damage):
    from bot.service import StudyService

    service = _built(fresh_service)
    answers = _answers(service)
    path = index_store.current_build(service.index_dir) / VOCABULARY_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    if damage == "other code":  # made by code that made it differently: its words would be others
        data.update(code="0" * 16, counts={"zedong": 1}, names=[], initialisms=[])
        path.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "not json":
        path.write_bytes(b"\x00{garbage")
    elif damage == "a key missing":
        del data["initialisms"]
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        data["counts"] = [1, 2, 3]
        path.write_text(json.dumps(data), encoding="utf-8")
    assert read_vocabulary(path.parent) is None
    again = StudyService(service.settings, service.embedder)
    assert _answers(again) == answers
    assert _same(read_vocabulary(path.parent), _made_from_chunks(service))

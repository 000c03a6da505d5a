"""Sentence vectors made when the index is built: the file format, what a question then costs, an
old build without them, damage, and reuse on an incremental reindex."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bot.core import index_store
from bot.core.index_store import load_index
from bot.core.sentence_file import INDEX_FILE, DamagedSentenceFile, VECTORS_FILE, load_sentence_vectors, write_sentence_vectors
from bot.core.sentences import comparable_texts
from bot.errors import IndexDamagedError

NOTES = """Photosynthesis
Light Reactions
The light reactions happen in the thylakoid membranes and make ATP and NADPH.
Water is split to release oxygen as a by-product. This oxygen is what animals breathe.
Calvin Cycle
The Calvin cycle fixes carbon dioxide into sugar in the stroma.
Its three stages are:
- carbon fixation by the enzyme RuBisCO
- reduction of 3-PGA to G3P
- regeneration of RuBP
"""
CELLS = """Cell Division
Mitosis
Mitosis produces two identical daughter cells for growth and repair.
Meiosis
Meiosis halves the chromosome number to make gametes.
"""


def _built(service, **notes: str):
    for name, text in (notes or {"bio.txt": NOTES}).items():
        (service.corpus_dir / name).write_text(text, encoding="utf-8")
    service.reindex()
    return service


def _recording(monkeypatch, embedder) -> list[list[str]]:
    calls: list[list[str]] = []
    real = embedder.encode
    monkeypatch.setattr(embedder, "encode", lambda texts, **kw: calls.append(list(texts)) or real(texts, **kw))
    return calls


def test_the_file_gives_back_every_text_it_was_written_with(tmp_path):
    texts = [["a sentence", "another one"], [], ["a third", "a sentence"]]
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(4, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    write_sentence_vectors(tmp_path, texts, vectors)
    stored = load_sentence_vectors(tmp_path, chunk_count=3, dimension=8)
    assert list(stored.offsets) == [0, 2, 2, 4] and len(stored) == 4
    found = stored.find(["another one", "a third", "never written"])
    assert set(found) == {"another one", "a third"}
    assert found["a third"].dtype == np.float32
    assert np.allclose(found["another one"], vectors[1], atol=1e-3)  # stored as float16
    assert np.allclose(found["a third"], vectors[2], atol=1e-3)
    assert load_sentence_vectors(tmp_path / "nothing", chunk_count=3, dimension=8) is None


def test_the_build_writes_them_a_slice_of_passages_at_a_time_and_counts_the_rows_as_they_come(tmp_path):
    """The indexer keeps only keys while it writes (not the texts of a whole big note): the row count
    is known at the end, and the file's header is written then."""
    from bot.core.sentence_file import VectorsWriter, write_sentence_vectors

    slices = [[["a sentence", "another one"], []], [], [["a third", "a sentence"]]]
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(4, 8)).astype(np.float32)
    writer = VectorsWriter(tmp_path, 8)
    row = 0
    for part in slices:
        rows = sum(map(len, part))
        writer.append(part, vectors[row:row + rows])
        row += rows
    with pytest.raises(ValueError):
        writer.append([["one text"]], vectors[:2])
    writer.close()
    stored = load_sentence_vectors(tmp_path, chunk_count=3, dimension=8)
    assert list(stored.offsets) == [0, 2, 2, 4] and len(stored) == 4
    assert np.allclose(stored.find(["another one"])["another one"], vectors[1], atol=1e-3)
    whole = tmp_path / "whole"
    whole.mkdir()
    write_sentence_vectors(whole, [t for part in slices for t in part], vectors)
    assert (whole / VECTORS_FILE).read_bytes() == (tmp_path / VECTORS_FILE).read_bytes()  # as written at once
    with np.load(whole / INDEX_FILE) as a, np.load(tmp_path / INDEX_FILE) as b:
        assert all(np.array_equal(a[k], b[k]) for k in ("offsets", "keys", "rows"))


@pytest.mark.parametrize("damage", ["truncated-vectors", "no-vectors", "other-chunk-count", "garbage-index"])
def test_a_damaged_file_is_a_clear_error(tmp_path, damage):
    build = tmp_path / "index" / "builds" / "b1"
    build.mkdir(parents=True)
    write_sentence_vectors(build, [["one", "two"], ["three"]], np.eye(3, 8, dtype=np.float32))
    chunks = 2
    if damage == "truncated-vectors":
        data = (build / VECTORS_FILE).read_bytes()
        (build / VECTORS_FILE).write_bytes(data[: len(data) - 20])
    elif damage == "no-vectors":  # the index file is written last: without it they are not made yet
        (build / VECTORS_FILE).unlink()
    elif damage == "other-chunk-count":
        chunks = 3
    else:
        (build / INDEX_FILE).write_bytes(b"not an archive")
    with pytest.raises(DamagedSentenceFile, match="sentence vectors"):
        load_sentence_vectors(build, chunk_count=chunks, dimension=8)


def test_a_question_costs_one_model_call_and_the_stored_vectors_are_the_sentences_own(fresh_service, monkeypatch):
    service = _built(fresh_service)
    loaded = service.retriever().index
    assert loaded.sentences is not None
    texts = [t for c in loaded.chunks for t in comparable_texts(c, service.policy.semantic_chars)]
    assert len(loaded.sentences) == len(texts) and "Its three stages are: carbon fixation by the enzyme RuBisCO" in texts
    stored = loaded.sentences.find(texts)
    alone = service.embedder.encode(texts)
    assert min(float(stored[t] @ v) for t, v in zip(texts, alone)) > 0.999  # float16 rounding only
    calls = _recording(monkeypatch, service.embedder)
    answer = service.ask("Where does the Calvin cycle happen?")
    assert "stroma" in answer.text
    assert calls == [["Where does the Calvin cycle happen?"]]  # the question only: no sentence embedded


def test_a_build_without_the_file_answers_as_before(fresh_service, monkeypatch):
    """An installation upgraded in place: its build has no sentence vectors, nothing is rebuilt,
    and the sentences are embedded at question time, giving the same answers."""
    from bot.service import StudyService

    service = _built(fresh_service)
    questions = ["Where does the Calvin cycle happen?", "What are the stages of the Calvin cycle?",
                 "What is released when water is split?"]
    before = [service.ask(q) for q in questions]
    build = index_store.current_build(service.index_dir)
    (build / VECTORS_FILE).unlink()
    (build / INDEX_FILE).unlink()
    (service.index_dir / "embedding-cache.sqlite").unlink()  # so the sentences must be embedded
    old = StudyService(service.settings, service.embedder)
    assert old.retriever().index.sentences is None
    calls = _recording(monkeypatch, service.embedder)
    after = [old.ask(q) for q in questions]
    assert len(calls) > len(questions)  # sentences embedded at question time
    for a, b in zip(before, after):
        assert (a.tier, a.sentences) == (b.tier, b.sentences)
        assert a.similarity == pytest.approx(b.similarity, abs=2e-3)


def test_in_the_window_a_question_embeds_only_its_best_few_sentences(fresh_service, monkeypatch):
    """A build whose sentence vectors are not made yet (just published, or made before they were
    stored) embeds at question time only a question's best `WINDOW_CANDIDATES` sentences."""
    from bot.core import sentence_vectors
    from bot.service import StudyService

    service = _built(fresh_service, **{"bio.txt": NOTES, "cells.txt": CELLS})
    build = index_store.current_build(service.index_dir)
    (build / VECTORS_FILE).unlink()
    (build / INDEX_FILE).unlink()
    (service.index_dir / "embedding-cache.sqlite").unlink()  # so the sentences must be embedded
    old = StudyService(service.settings, service.embedder)
    question = "Where does the Calvin cycle fix carbon dioxide?"
    embedded = {}
    for most in (6, 2):
        monkeypatch.setattr(sentence_vectors, "WINDOW_CANDIDATES", most)
        old.sentence_vectors = sentence_vectors.SentenceVectors(old.sentence_vectors.embedder,
                                                                 old.sentence_vectors.cache)
        (service.index_dir / "embedding-cache.sqlite").unlink(missing_ok=True)
        calls = _recording(monkeypatch, service.embedder)
        assert "stroma" in old.ask(question).text
        embedded[most] = [t for call in calls for t in call if t != question]
    assert 2 < len(embedded[6]) <= 6 and len(embedded[2]) == 2


def test_a_damaged_file_in_a_build_is_a_clear_error_at_load(fresh_service):
    from bot.service import StudyService

    service = _built(fresh_service)
    build = index_store.current_build(service.index_dir)
    (build / VECTORS_FILE).write_bytes(b"\x93NUMPY garbage")
    with pytest.raises(IndexDamagedError) as info:
        load_index(service.index_dir, model=service.embedder.model_name)
    assert "sentence vectors" in info.value.message and "studybot index" in info.value.user_message()
    again = StudyService(service.settings, service.embedder)
    again.reindex()  # the way out the message names
    assert "stroma" in again.ask("Where does the Calvin cycle happen?").text


def test_an_incremental_reindex_embeds_only_the_changed_chunks_sentences(fresh_service, monkeypatch):
    service = _built(fresh_service, **{"bio.txt": NOTES, "cells.txt": CELLS})
    calls = _recording(monkeypatch, service.embedder)
    service_cells = CELLS.replace("growth and repair", "growth, repair and healing")
    (service.corpus_dir / "cells.txt").write_text(service_cells, encoding="utf-8")
    report = service.reindex()
    assert report.embedded == 1
    embedded = [t for call in calls for t in call]
    assert embedded[0].endswith("Mitosis produces two identical daughter cells for growth, repair and healing.")
    # then the one new sentence: the other sentences of both documents come from the cache
    assert embedded[1:] == ["Mitosis produces two identical daughter cells for growth, repair and healing."]
    calls.clear()
    assert "healing" in service.ask("What does mitosis produce?").text
    assert calls == [["What does mitosis produce?"]]


def test_a_reindex_interrupted_while_embedding_sentences_keeps_what_it_embedded(hashed_service, monkeypatch):
    service = _built(hashed_service)
    from bot.core import indexer

    (service.corpus_dir / "cells.txt").write_text(CELLS, encoding="utf-8")
    real = service.embedder.encode
    seen: list[str] = []

    def failing(texts, **kw):
        if "Meiosis halves the chromosome number to make gametes." in texts:
            seen.extend(texts)
            raise KeyboardInterrupt
        return real(texts, **kw)

    monkeypatch.setattr(indexer, "CACHE_SLICE", 1)
    monkeypatch.setattr(service.embedder, "encode", failing)
    with pytest.raises(KeyboardInterrupt):
        service.reindex()
    assert not list((service.index_dir / "builds").glob(".*.partial"))
    monkeypatch.setattr(service.embedder, "encode", real)
    calls = _recording(monkeypatch, service.embedder)
    service.reindex()
    again = [t for call in calls for t in call]
    assert "Meiosis halves the chromosome number to make gametes." in again
    assert "Mitosis produces two identical daughter cells for growth and repair." not in again



def test_the_vectors_a_build_holds_cost_no_model_call(fresh_service, monkeypatch):
    service = _built(fresh_service)
    loaded = service.retriever().index
    texts = [t for c in loaded.chunks for t in comparable_texts(c, service.policy.semantic_chars)]
    bound = service.sentence_vectors.for_build(loaded.sentences)
    calls = _recording(monkeypatch, service.embedder)
    kept = bound.kept([*texts, "A text that no build holds."])
    assert set(kept) == set(texts) and calls == []
    assert all(np.allclose(kept[t], v) for t, v in zip(texts, bound(texts)))


def test_every_candidate_sentence_the_build_holds_is_compared_in_meaning(fresh_service, monkeypatch):
    """Only the best `semantic_candidates` may cost a model call; every other candidate whose vector
    the build holds is compared too, so its rank comes from its meaning as well as its words."""
    from bot.core.answering import _with_similarity
    from bot.core.query import query_names, query_terms
    from bot.core.sentences import candidates_from, score_candidates, shown_text

    service = _built(fresh_service, **{"bio.txt": NOTES, "cells.txt": CELLS})
    retriever = service.retriever()
    policy = replace(service.policy, semantic_candidates=1)
    result = retriever.search("Which gas is given off when water is split?", k=8)
    terms = query_terms(result.question, retriever.lexical)
    scored = score_candidates(candidates_from(result.hits), terms, query_names(result.question, terms, retriever.lexical),
                              None, result.question)
    calls = _recording(monkeypatch, service.embedder)
    bound = service.sentence_vectors.for_build(retriever.index.sentences)
    compared = _with_similarity(scored, result.query_vector, bound, policy)
    assert calls == []
    assert len(scored) > 3 and sum(c.similarity is not None for c in compared) == len({shown_text(c) for c in scored})
    plain = _with_similarity(scored, result.query_vector, lambda texts: bound(texts), policy)  # kept unknown
    assert sum(c.similarity is not None for c in plain) == 1


DATED = """The Great Leap Forward (1958-1962)
Backyard Furnaces
Villages built backyard furnaces to make steel, and the iron they made was useless.
Famine
Grain was taken from the villages, and tens of millions starved.
"""


def test_a_sentence_shown_with_the_heading_holding_its_date_is_stored_too(fresh_service, monkeypatch):
    """"When were backyard furnaces built?": the sentence has no date, its section's heading has,
    and the two are shown (and compared with the question) as one text: stored by the build like
    the sentences, so this question too costs the model only the question."""
    service = _built(fresh_service, **{"china.txt": DATED})
    calls = _recording(monkeypatch, service.embedder)
    question = "When did villages build backyard furnaces?"
    answer = service.ask(question)
    assert "1958" in answer.text and "furnaces" in answer.text
    assert calls == [[question]]


NUMBERED = """# Notes on sets (part 1)

## 1. Frozen sets
A frozen set cannot be changed once it is made.

## Chapter 2: Hashing
Every element of a set must be hashable.

## The 3 set operations
Union joins sets and keeps each element once.
"""


def test_a_section_number_is_not_a_number_the_heading_holds(tmp_path):
    """Numbered sections ("## 12. ...", "Chapter 2: ...") gave every sentence of the generated
    benchmark notes a second text to store, the sentence shown with its heading as if the section
    number answered "How many ...?"; a figure the heading holds still does (and a year stays a date)."""
    from bot.core.chunking import chunk_document
    from bot.core.loaders import load_document

    (tmp_path / "sets.md").write_text(NUMBERED, encoding="utf-8")
    chunks = chunk_document(load_document(tmp_path / "sets.md", "sets.md"))
    texts = [t for c in chunks for t in comparable_texts(c, 300)]
    assert "A frozen set cannot be changed once it is made." in texts
    assert not [t for t in texts if t.startswith(("1. Frozen", "Chapter 2", "Notes on sets"))]
    assert "The 3 set operations: Union joins sets and keeps each element once." in texts
    years = DATED.replace("The Great Leap Forward (1958-1962)", "1958. The Great Leap Forward")
    (tmp_path / "china.txt").write_text(years, encoding="utf-8")
    chunks = chunk_document(load_document(tmp_path / "china.txt", "china.txt"))
    assert any(t.startswith("1958. The Great Leap Forward: Villages built")
               for c in chunks for t in comparable_texts(c, 300))


class _InPassage:
    """The test embedder, made to give sentence vectors from its passages' pass as onnx-int8 does
    (`encode_in_passages`): a text quoted from its passage gets the negative of its own vector (so
    a test can tell which way it was made), except texts holding `unquoted`, left to be embedded
    alone."""

    in_passage_space = "test-hashed-ngrams [in passage]"

    def __init__(self, embedder, unquoted: str) -> None:
        self.embedder, self.unquoted, self.passages = embedder, unquoted, []

    def __call__(self, passages, wanted, *, progress=None):
        from bot.core.passage_spans import char_spans

        self.passages += passages
        vectors = self.embedder.encode(passages, progress=progress)
        found = {}
        for passage, texts in zip(passages, wanted):
            for text in texts:
                if self.unquoted not in text and char_spans(passage, text):
                    found[text] = -self.embedder._vector(text)
        return vectors, found


def test_sentence_vectors_made_in_their_passages_pass_are_stored_and_kept(hashed_service, monkeypatch):
    """With an embedder that makes sentence vectors inside its passages' pass, a build stores them
    (none of those texts embedded alone), embeds alone only the texts not found in their passage,
    and an incremental reindex makes no pass over an unchanged chunk yet keeps its sentences'
    vectors (from the cache of their own space)."""
    embedder = hashed_service.embedder
    in_passages = _InPassage(embedder, unquoted="oxygen")
    monkeypatch.setattr(embedder, "in_passage_space", _InPassage.in_passage_space, raising=False)
    monkeypatch.setattr(embedder, "encode_in_passages", in_passages, raising=False)
    calls = _recording(monkeypatch, embedder)
    _built(hashed_service)
    index = load_index(hashed_service.index_dir, model=embedder.model_name, backend=embedder.backend)
    texts = [t for c in index.chunks for t in comparable_texts(c, hashed_service.policy.semantic_chars)]
    alone = {t for call in calls for t in call} - set(in_passages.passages)
    assert texts and alone == {t for t in texts if "oxygen" in t} != set()
    stored = load_sentence_vectors(index.folder, len(index.chunks), embedder.dimension).find(texts)
    for text in texts:
        sign = 1.0 if "oxygen" in text else -1.0
        assert np.allclose(stored[text], sign * embedder._vector(text), atol=1e-3)
    # Another note added: only its chunks go through a pass; the first note's sentences keep theirs.
    in_passages.passages.clear()
    calls.clear()
    _built(hashed_service, **{"cells.txt": CELLS})
    assert in_passages.passages and all("Mitosis" in p or "Meiosis" in p or "Cell" in p for p in in_passages.passages)
    assert not {t for call in calls for t in call} & set(texts)
    index = load_index(hashed_service.index_dir, model=embedder.model_name, backend=embedder.backend)
    again = load_sentence_vectors(index.folder, len(index.chunks), embedder.dimension).find(texts)
    assert all(np.allclose(again[t], stored[t]) for t in texts)

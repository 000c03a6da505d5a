"""Making the ONNX files of a sentence-transformers model, offline, once.

The transformer is exported with torch's own ONNX exporter from the model's local folder (the
packaged default needs no network), and its int8 version is made with onnxruntime's static
quantisation (`_quantize_static`): the 36 weight MatMuls in int8 with per-channel weights (per-tensor
int8 moved this model's vectors to a mean cosine of 0.96 with fp32; per channel keeps 0.99), their
activations' scales fixed once from calibration text the package ships, so a text's vector does not
depend on the texts beside it in a batch (bench/RESULTS.md 7q, 7u, 7v). The files go to a folder named after the model's files, beside the
index, written aside and renamed into place: a crash leaves no half-written model, and a changed
model gets a new folder. Only this step needs torch.

(sentence-transformers' own `backend="onnx"` needs optimum, whose releases pin a transformers older
than the one sentence-transformers 5+ requires, so it cannot be installed beside it.)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from bot.errors import ModelLoadError

log = logging.getLogger(__name__)

EXPORT_VERSION = 3  # bump when the export itself changes, so old files are made again
FP32 = "model.onnx"
# The int8 model (`_quantize_static`). Its name is new with static quantisation: a cache made before
# holds the dynamic file under the old name, and this one is made beside it once.
INT8 = "model-int8-static.onnx"
# The dynamically quantised int8 file the backend used before 7v (its activations scaled per model
# call, so a text's vector moved with its batch-mates: bench/RESULTS.md 7u). Only the split files
# of `split_models` (sentence vectors in their passage's pass, off: SPLIT_LAYER 0) are cut from it.
INT8_DYNAMIC = "model-int8.onnx"
# Calibration text for the static int8 file's activation ranges: general sentences on many subjects
# written for this purpose, shipped in the package, so every installation makes the same file from
# the same model, and never a course's notes or any evaluation question.
CALIBRATION = Path(__file__).with_name("int8_calibration.txt")


def split_names(layer: int) -> tuple[str, str]:
    """The int8 files of the model split after `layer` (`split_models`)."""
    return f"passage-l{layer}-int8.onnx", f"upper-l{layer}-int8.onnx"


def onnx_model(location: Path, cache_dir: Path, *, quantized: bool, own_process: bool = True,
               dynamic: bool = False) -> Path:
    """The ONNX file of the model in folder `location` (made now if it is not cached yet; in a
    process of its own unless `own_process` is False: the caller is already one). `dynamic` with
    `quantized`: the dynamically quantised file (INT8_DYNAMIC) instead of the static one."""
    _check_pooling(location)
    folder = cache_dir / f"{location.name}-{_fingerprint(location)}"
    wanted = folder / ((INT8_DYNAMIC if dynamic else INT8) if quantized else FP32)
    if wanted.exists():
        return wanted
    folder.mkdir(parents=True, exist_ok=True)
    with _exclusive(folder / ".lock"):
        if not wanted.exists():
            if own_process:
                _in_own_process(_make_files, location, folder, wanted.name)
            else:
                _make_files(location, folder, wanted.name)
    return wanted


def split_models(location: Path, cache_dir: Path, layer: int) -> tuple[Path, Path]:
    """The int8 model in two files, for sentence vectors made inside their passage's model pass
    (`embedding_onnx.OnnxEmbedder.encode_in_passages`), both cut from the int8 file `onnx_model`
    makes (not exported again): the whole int8 model also giving the hidden states after `layer`
    (so its token vectors are int8's own, to the last bit), and its layers after `layer` alone, fed
    hidden states and the attention mask (the same quantised weights and fused kernels). Made once
    beside it, with only onnx (no torch), written aside and renamed into place as the others."""
    int8 = onnx_model(location, cache_dir, quantized=True, dynamic=True)
    wanted = [int8.with_name(name) for name in split_names(layer)]
    if all(p.exists() for p in wanted):
        return wanted[0], wanted[1]
    with _exclusive(int8.parent / ".lock"):
        if not all(p.exists() for p in wanted):
            log.info("Cutting the int8 embedding model in two after layer %d (once)", layer)
            passage, upper = _split_graph(int8, layer)
            for graph, target in zip((passage, upper), wanted):
                _atomically(target, lambda tmp, graph=graph: _save(graph, tmp))
    return wanted[0], wanted[1]


def onnx_model_path(location: Path, cache_dir: Path, *, quantized: bool) -> Path:
    """Where `onnx_model` keeps the file, made or not (this never makes it)."""
    _check_pooling(location)
    return cache_dir / f"{location.name}-{_fingerprint(location)}" / (INT8 if quantized else FP32)


def _make_files(location: Path, folder: Path, name: str) -> None:
    with _libraries_quiet():
        if name == INT8:  # its own export (attention unfused), not the fp32 file's
            log.info("Exporting the embedding model to int8 ONNX (once; kept in %s)", folder)
            _atomically(folder / INT8, lambda tmp: _quantize_static(location, tmp))
            return
        if not (folder / FP32).exists():
            log.info("Exporting the embedding model to ONNX (once; kept in %s)", folder)
            _atomically(folder / FP32, lambda tmp: _export(location, tmp))
        if name == INT8_DYNAMIC and not (folder / INT8_DYNAMIC).exists():
            log.info("Quantising the ONNX embedding model to int8 (once)")
            _atomically(folder / INT8_DYNAMIC, lambda tmp: _quantize(folder / FP32, tmp))


@contextlib.contextmanager
def _libraries_quiet() -> Iterator[None]:
    """Without the exporter's and quantiser's advice to their developers (torch's TracerWarnings,
    onnxruntime's "consider pre-processing" on the root logger): on a first build they were printed
    over the terminal's progress bar and meant nothing to a teacher. Errors still raise."""
    import warnings

    root = logging.getLogger()
    level = root.level
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        root.setLevel(logging.ERROR)
        try:
            yield
        finally:
            root.setLevel(level)


def _in_own_process(function, *args) -> None:
    """Run the export in a process of its own (spawned): it imports torch and peaks at about
    1.3 GB, and a process does not give back all the memory it freed, so the build (or bot) that
    asked for the files would otherwise carry torch's memory to its end (bench/RESULTS.md 11).
    A process that holds torch already gains nothing from that, and makes them itself."""
    import multiprocessing
    import sys

    if "torch" in sys.modules:
        function(*args)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            pool.submit(function, *args).result()  # travels by module and name
    except BrokenProcessPool as exc:  # killed, likely for memory
        raise ModelLoadError("The process making the ONNX files of the embedding model stopped "
                             f"({exc}).", hint="Set EMBEDDING_BACKEND=torch, or free memory and try again.") from exc


def _split_graph(int8: Path, layer: int):
    """The int8 model's graph as the two graphs of `split_models`: (the whole graph with the hidden
    states after `layer` as a second output "states", the graph of the layers after `layer` with
    inputs "states" and "attention_mask"). A layer's hidden states are the float tensor its
    attention node reads (quantised on the way in by a DynamicQuantizeLinear node)."""
    import copy

    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(int8))
    graph = model.graph
    producer = {out: node for node in graph.node for out in node.output}
    entering = []
    for node in graph.node:
        if node.op_type in ("Attention", "QAttention"):
            source = producer.get(node.input[0])
            entering.append(source.input[0] if source is not None and source.op_type == "DynamicQuantizeLinear"
                            else node.input[0])
    if not 0 < layer < len(entering):
        raise ValueError(f"cannot split a model of {len(entering)} attention layers after layer {layer}")
    states = entering[layer]
    hidden = next(d.dim_value for d in graph.output[0].type.tensor_type.shape.dim[-1:])
    states_info = helper.make_tensor_value_info("states", TensorProto.FLOAT, ["batch", "tokens", hidden or None])

    passage = copy.deepcopy(model)
    passage.graph.node.append(helper.make_node("Identity", [states], ["states"], name="states_out"))
    passage.graph.output.append(states_info)

    # The upper graph: every node the token vectors need, going back from them, stopped at the
    # states; what the attention nodes read of the mask is made from the attention mask alone.
    needed, wanted, seen, mask_nodes = [], [o.name for o in graph.output[:1]], set(), []
    inputs = {i.name for i in graph.input}
    while wanted:
        name = wanted.pop()
        if name in seen or name == states or name in inputs or name not in producer:
            continue
        seen.add(name)
        node = producer[name]
        if node.op_type.endswith("EmbedLayerNormalization"):  # its second output: each row's mask length
            if node.output[1] != name:
                raise ValueError("the layers after the split read the embeddings")
            mask_nodes = [helper.make_node("Cast", ["attention_mask"], [f"{name}_mask32"], to=TensorProto.INT32),
                          helper.make_node("ReduceSum", [f"{name}_mask32", "mask_axes"], [name], keepdims=0)]
            continue
        if node not in needed:
            needed.append(node)
            wanted += [i for i in node.input if i]
    used = {i for node in [*needed, *mask_nodes] for i in node.input}
    if used & (inputs - {"attention_mask"}):
        raise ValueError(f"the layers after the split read {sorted(used & (inputs - {'attention_mask'}))}")
    order = {id(node): row for row, node in enumerate(graph.node)}
    nodes = [helper.make_node("Identity", ["states"], [states], name="states_in"), *mask_nodes,
             *sorted(needed, key=lambda n: order[id(n)])]
    initializers = [t for t in graph.initializer if t.name in used]
    if mask_nodes:
        initializers.append(numpy_helper.from_array(np.array([1], dtype=np.int64), "mask_axes"))
    upper_graph = helper.make_graph(nodes, "upper", [states_info, *[i for i in graph.input if i.name == "attention_mask"]],
                                    list(graph.output[:1]), initializers)
    upper = helper.make_model(upper_graph, opset_imports=model.opset_import, producer_name="studybot split")
    upper.ir_version = model.ir_version
    return passage, upper


def _save(model, target: Path) -> None:
    import onnx

    onnx.save(model, str(target))


def max_tokens(location: Path) -> int:
    """The model's own limit (sentence-transformers' `max_seq_length`), else BERT's 512."""
    try:
        return int(json.loads((location / "sentence_bert_config.json").read_text())["max_seq_length"])
    except (OSError, ValueError, KeyError, TypeError):
        return 512


def _check_pooling(location: Path) -> None:
    """The ONNX backend pools by the mean of the token vectors, as the model must say it does."""
    try:
        modules = json.loads((location / "modules.json").read_text(encoding="utf-8"))
        pooling_dir = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        pooling = json.loads((location / pooling_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, StopIteration) as exc:
        raise ModelLoadError(f"{location} is not a sentence-transformers model folder the ONNX "
                             "backend can read.", hint="Set EMBEDDING_BACKEND=torch.") from exc
    others = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v
              and k != "pooling_mode_mean_tokens"]
    if not pooling.get("pooling_mode_mean_tokens") or others:
        raise ModelLoadError("The ONNX backend supports models that pool by the mean of their "
                             f"token vectors; {location.name} pools otherwise.",
                             hint="Set EMBEDDING_BACKEND=torch.")


def _fingerprint(location: Path) -> str:
    """Names the export after the model's files (their names, sizes and config), so a different
    model in the same folder, or a new export version, makes new files."""
    digest = hashlib.sha256(f"export {EXPORT_VERSION}".encode())
    for path in sorted(p for p in location.rglob("*") if p.is_file()):
        digest.update(f"{path.relative_to(location)} {path.stat().st_size}".encode())
        if path.suffix == ".json":
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@contextlib.contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """One exporter at a time across processes; a second waits, then finds the files made."""
    import fcntl

    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _atomically(target: Path, make) -> None:
    tmp = target.with_name(f".{target.name}.partial")
    tmp.unlink(missing_ok=True)
    try:
        make(tmp)
        os.replace(tmp, target)
    except ModelLoadError:
        raise
    except Exception as exc:
        raise ModelLoadError(f"Could not make {target.name} for the ONNX backend ({type(exc).__name__}: {exc}).",
                             hint="Set EMBEDDING_BACKEND=torch, or report this with the log.") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _export(location: Path, target: Path, *, fused_attention: bool = True) -> None:
    import torch
    from transformers import AutoModel

    # Eager attention exports as the MatMul/Softmax pattern onnxruntime's transformer optimizer
    # fuses into one Attention node; the default (SDPA) export is left unfused, and then fp32 ONNX
    # costs twice torch's CPU per chunk (bench/RESULTS.md 7b).
    model = AutoModel.from_pretrained(str(location), local_files_only=True, attn_implementation="eager").eval()

    class TokenVectors(torch.nn.Module):
        """The transformer's last hidden state: what the pooling averages."""

        def __init__(self, inner) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    sample = torch.ones((2, 8), dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    with torch.no_grad():
        torch.onnx.export(TokenVectors(model), (sample, sample, torch.zeros_like(sample)), str(target),
                          input_names=names, output_names=["token_vectors"], opset_version=17,
                          dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "token_vectors"]},
                          dynamo=False)
    _fuse(target, model.config, attention=fused_attention)


def _fuse(path: Path, config, *, attention: bool = True) -> None:
    """Fuse attention, LayerNorm and GELU in place (same outputs: cosine 1.0000 with the unfused
    file): fp32 then costs about 0.6 of the unfused CPU per chunk (bench/RESULTS.md 7b). Then the
    residual additions are taken out of LayerNorm again (`_without_skip_layer_norm`). `attention`
    False: attention is left as MatMul/Softmax (static quantisation has no fused Attention)."""
    from onnxruntime.transformers.fusion_options import FusionOptions
    from onnxruntime.transformers.optimizer import optimize_model

    options = FusionOptions("bert")
    options.enable_attention = attention
    fused = optimize_model(str(path), model_type="bert", num_heads=int(config.num_attention_heads),
                           hidden_size=int(config.hidden_size), optimization_options=options)
    _without_skip_layer_norm(fused.model)
    fused.save_model_to_file(str(path))


def _without_skip_layer_norm(model) -> int:
    """Each SkipLayerNormalization node (the residual sum and LayerNorm in one, onnxruntime's own
    operator) made again of Add nodes and a standard LayerNormalization: the same outputs (fp32
    cosine 1.000000), and onnxruntime's CPU kernel of the fused node is the slow one, 1.0 ms
    against 0.17 for the two on 480 tokens (1.32, one thread): the int8 model then costs 12-27 %
    less CPU a token (bench/RESULTS.md 7k). Returns how many were replaced."""
    from onnx import helper

    nodes, replaced = [], 0
    for node in model.graph.node:
        if node.op_type != "SkipLayerNormalization" or node.domain != "com.microsoft":
            nodes.append(node)
            continue
        data, skip, gamma, beta, bias = [*node.input, "", "", ""][:5]
        out, mean, inv_std, summed = [*node.output, "", "", ""][:4]
        if mean or inv_std:  # statistics another node reads: keep the fused node
            nodes.append(node)
            continue
        epsilon = next((a.f for a in node.attribute if a.name == "epsilon"), 1e-12)
        total = summed or f"{out}_residual"
        if bias:
            nodes.append(helper.make_node("Add", [data, skip], [f"{total}_unbiased"]))
            nodes.append(helper.make_node("Add", [f"{total}_unbiased", bias], [total]))
        else:
            nodes.append(helper.make_node("Add", [data, skip], [total]))
        nodes.append(helper.make_node("LayerNormalization", [total, gamma, *([beta] if beta else [])], [out],
                                      axis=-1, epsilon=epsilon))
        replaced += 1
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    return replaced


def _quantize(source: Path, target: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Fused nodes (Attention, SkipLayerNormalization) come from onnxruntime's own operator domain,
    # which ONNX shape inference cannot type: their outputs are float, as the quantiser is told.
    quantize_dynamic(str(source), str(target), per_channel=True, weight_type=QuantType.QInt8,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})


def _quantize_static(location: Path, target: Path) -> None:
    """The static int8 file (bench/RESULTS.md 7q's `static-proj`, adopted in 7v): the model exported
    with attention unfused, then each MatMul that multiplies by a weight (Q, K, V, attention output,
    the two feed-forward ones: 36) in int8, per-channel int8 weights and uint8 activations whose
    scales are fixed from CALIBRATION (MinMax). Attention's own two products (scores, and scores
    times values) stay float: they have no weight, and quantised they gained nothing (7q). Every
    MatMul's output stays float (onnxruntime's default quantises it too, before the bias and the
    residual: vectors at cosine 0.94 with fp32, against 0.99 kept float; 7q). With no per-call
    scale, a text's vector is the same in any batch (the dynamic file's moved with its batch-mates,
    cosine down to 0.96 on the pool's sentence texts: 7u), at the dynamic file's CPU (0.97-1.09x, 7q)."""
    import onnx
    from onnxruntime.quantization import QuantFormat, QuantType, quantize_static

    unfused = target.with_name(f".{target.name}.unfused.onnx")
    try:
        _export(location, unfused, fused_attention=False)
        with_output_types(unfused)
        graph = onnx.load(str(unfused)).graph
        weights = {t.name for t in graph.initializer}
        with_weight = [n.name for n in graph.node if n.op_type == "MatMul" and any(i in weights for i in n.input)]
        if not with_weight:
            raise ValueError("the export has no MatMul with a weight to quantise")
        quantize_static(str(unfused), str(target), _Calibration(location, _calibration_texts()),
                        quant_format=QuantFormat.QDQ, op_types_to_quantize=["MatMul"], nodes_to_quantize=with_weight,
                        per_channel=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT,
                                       "OpTypesToExcludeOutputQuantization": ["MatMul"]})
    finally:
        unfused.unlink(missing_ok=True)


def _calibration_texts(path: Path = CALIBRATION) -> list[str]:
    """CALIBRATION's paragraphs (blank-line separated, as long as a chunk) and each of their lines
    (one sentence a line, as long as a sentence text): the two kinds of text a build embeds."""
    paragraphs = [p.split("\n") for p in path.read_text(encoding="utf-8").split("\n\n")]
    lines = [[line.strip() for line in p if line.strip() and not line.startswith("#")] for p in paragraphs]
    return [" ".join(p) for p in lines if p] + [line for p in lines for line in p]


class _Calibration:
    """quantize_static's reader: each text alone (unpadded, cut at the model's limit), as the model's
    inputs, in the file's order."""

    def __init__(self, location: Path, texts: list[str]) -> None:
        import numpy as np
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(location / "tokenizer.json"))
        tokenizer.enable_truncation(max_tokens(location))
        tokenizer.no_padding()
        self.feeds = []
        for encoding in tokenizer.encode_batch(texts):
            ids = np.array([encoding.ids], dtype=np.int64)
            self.feeds.append({"input_ids": ids, "attention_mask": np.ones_like(ids),
                               "token_type_ids": np.zeros_like(ids)})
        self.feeds.reverse()

    def get_next(self):
        return self.feeds.pop() if self.feeds else None


def with_output_types(path: Path) -> None:
    """A type for every node output, read from one run of the graph: the quantiser cannot type
    onnxruntime's own fused operators (LayerNorm, GELU, embeddings), and skips the MatMuls after an
    untyped tensor (bench/RESULTS.md 7q: a first file had most of them left float)."""
    import numpy as np
    import onnx
    import onnxruntime
    from onnx import helper

    model = onnx.load(str(path))
    known = {v.name for v in [*model.graph.value_info, *model.graph.output, *model.graph.input]}
    names = [o for node in model.graph.node for o in node.output if o and o not in known]
    probe = onnx.load(str(path))
    probe.graph.output.extend(helper.make_empty_tensor_value_info(n) for n in names)
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = onnxruntime.InferenceSession(probe.SerializeToString(), options, providers=["CPUExecutionProvider"])
    ids = np.array([[101, 2023, 2003, 102]], dtype=np.int64)
    feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
    values = session.run(names, {i.name: feed[i.name] for i in session.get_inputs()})
    model.graph.value_info.extend(helper.make_tensor_value_info(n, helper.np_dtype_to_tensor_dtype(v.dtype), None)
                                  for n, v in zip(names, values))
    onnx.save(model, str(path))

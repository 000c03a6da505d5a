"""Why a busy neighbour ruins question latency on a 2-core machine, and what the torch thread
count has to do with it.

Measures the question-embedding step alone (SentenceTransformerEmbedder.encode_query, the same call Retriever.search
makes) and the embedding of the answer's candidate sentences (AnswerPolicy.semantic_candidates of
them: what a question costs when the sentence cache does not know them), p50 / p95 /
max, for torch intra-op threads = 1 and = 2 (the default on 2 cores), each with the machine idle
and with one neighbour process spinning on one core (started here, stopped by its pid). The bot
itself can be that neighbour: it answers from several worker threads at once.

    .venv/bin/python bench/thread_contention.py [--repeats 60] [--quick]
"""

from __future__ import annotations

import argparse
import subprocess
import sys

import common

SENTENCES = [
    "The Great Leap Forward was launched in 1958 to transform China into an industrial power.",
    "Backyard furnaces produced large amounts of low-quality steel that was often useless.",
    "Grain procurement quotas were based on exaggerated harvest reports from local officials.",
    "The famine that followed is estimated to have killed tens of millions of people.",
    "Peng Dehuai criticised the policies at the Lushan Conference and was dismissed.",
    "Communes merged cooperatives into large units with communal kitchens and shared labour.",
    "Liu Shaoqi and Deng Xiaoping later introduced more moderate economic policies.",
    "The Sino-Soviet split deepened as Khrushchev withdrew Soviet advisers in 1960.",
]
QUESTIONS = ["When did the Great Leap Forward end?", "Who criticised Mao at the Lushan Conference?",
             "What were backyard furnaces?", "Why did the famine happen?"]


def measure(embedder, repeats: int, count: int) -> tuple[dict, dict]:
    query, batch = [], []
    for i in range(repeats):
        with common.timed(query):
            embedder.encode_query(QUESTIONS[i % len(QUESTIONS)] + f" ({i})")
        with common.timed(batch):
            embedder.encode([f"{s} ({i})" for s in SENTENCES[:count]])  # new texts: no cache anywhere
    return common.summary_ms(query), common.summary_ms(batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=60)
    parser.add_argument("--quick", action="store_true", help="smoke run: 10 repeats")
    args = parser.parse_args()
    if args.quick:
        args.repeats = 10

    import torch

    from bot.core.answering import AnswerPolicy
    from bot.core.embedding_model import SentenceTransformerEmbedder

    common.print_machine()
    embedder = SentenceTransformerEmbedder()
    embedder.encode(SENTENCES)  # load and warm
    fmt = lambda s: f"{s['p50']:.1f} / {s['p95']:.1f} / {s['max']:.1f}"  # noqa: E731
    count = min(AnswerPolicy().semantic_candidates, len(SENTENCES))
    print(f"\n| torch threads | neighbour | question p50 / p95 / max ms | {count} sentences p50 / p95 / max ms |")
    print("|---|---|---|---|")
    default = torch.get_num_threads()
    for threads in sorted({1, default}):
        torch.set_num_threads(threads)
        for busy in (False, True):
            hog = None
            if busy:
                hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
            else:
                common.wait_for_quiet(60)
            try:
                query, batch = measure(embedder, args.repeats, count)
            finally:
                if hog is not None:
                    hog.terminate()
                    hog.wait()
            label = "one core spinning" if busy else "idle"
            print(f"| {threads} | {label} | {fmt(query)} | {fmt(batch)} |", flush=True)
    torch.set_num_threads(default)


if __name__ == "__main__":
    main()

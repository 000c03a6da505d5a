"""Sentence vectors made at index time, two ways, measured on the development pool's answers.

Answer selection compares up to six candidate sentences with the question in meaning. Today each
is embedded on its own the first time it is needed. Made at index time instead, they can be:

  standalone  each sentence embedded on its own (the vectors question time makes today, so the
              answers are today's; it costs a model pass per sentence when the index is built);
  contextual  the token vectors the model computes for the whole passage anyway, mean-pooled over
              the sentence's own tokens and normalised (no model cost beyond the passage's).

Both are replayed on the pool's recorded searches (answer_replay.py: all twelve courses as one
course, every question), and the figures printed per variant: fact in the answer, fact in the first
sentence, sentences, covered declined, adversarial answered confident / declined. Also: how many
of the texts answering asked for were among the passages' `comparable_texts` (the rest, a heading
holding a date, are still embedded at question time).

    .venv/bin/python bench/sentence_vectors_compare.py [--label cur0] [--courses a,b]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

import answer_pool
import answer_replay
import common

sys.path.insert(0, str(common.ROOT))


def contextual_vectors(model, chunks, chars: int, batch: int = 16) -> dict[str, np.ndarray]:
    """Text -> vector pooled from its passage's token vectors (first passage holding it wins)."""
    import torch

    from bot.core.sentences import comparable_texts

    out: dict[str, np.ndarray] = {}
    transformer = model[0]
    for start in range(0, len(chunks), batch):
        part = chunks[start:start + batch]
        texts = [c.embedding_text() for c in part]
        enc = model.tokenizer(texts, padding=True, truncation=True, max_length=model.max_seq_length,
                              return_offsets_mapping=True, return_tensors="pt")
        offsets = enc.pop("offset_mapping").numpy()
        with torch.no_grad():
            tokens = transformer(dict(enc))["token_embeddings"].numpy()
        mask = enc["attention_mask"].numpy()
        for row, chunk in enumerate(part):
            passage = texts[row]
            for text in comparable_texts(chunk, chars):
                if text in out:
                    continue
                spans = _spans(passage, text)
                if spans is None:
                    continue
                o = offsets[row]
                inside = np.zeros(len(o), dtype=bool)
                for a, b in spans:
                    inside |= (o[:, 0] >= a) & (o[:, 1] <= b) & (o[:, 1] > o[:, 0])
                inside &= mask[row].astype(bool)
                if not inside.any():
                    continue  # past the model's token limit
                v = tokens[row][inside].mean(axis=0)
                out[text] = (v / max(np.linalg.norm(v), 1e-12)).astype(np.float32)
    return out


def _spans(passage: str, text: str) -> list[tuple[int, int]] | None:
    """Where the sentences of `text` (joined by spaces, maybe cut short) lie in the passage."""
    from bot.core.text import split_sentences

    spans, at, left = [], 0, len(text)
    pieces = split_sentences(text) or [text]
    for piece in pieces:
        i = passage.find(piece, at)
        if i < 0:
            return None
        spans.append((i, i + len(piece)))
        at = i + len(piece)
        left -= len(piece) + 1
    return spans


class Stored:
    """answering's embed callable: stored vectors first, else today's SentenceVectors."""

    def __init__(self, stored: dict[str, np.ndarray], fallback) -> None:
        self.stored, self.fallback = stored, fallback
        self.asked = self.found = 0

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.asked += len(texts)
        hit = [t in self.stored for t in texts]
        self.found += sum(hit)
        missing = [t for t, h in zip(texts, hit) if not h]
        rest = dict(zip(missing, self.fallback(missing))) if missing else {}
        return np.array([self.stored[t] if t in self.stored else rest[t] for t in texts], dtype=np.float32)


def summary(records: list[dict]) -> dict[str, float]:
    cov = [r for r in records if r["answerable"]]
    adv = [r for r in records if r["kind"] == "adversarial"]
    answered = [r for r in cov if not r["abstained"]]
    return {
        "n covered": len(cov), "n adversarial": len(adv),
        "fact": np.mean([bool(r.get("answer_hit")) for r in cov]),
        "1st": np.mean([bool(r.get("first_sentence_hit")) for r in cov]),
        "sent": np.mean([r["sentences"] for r in answered]) if answered else 0.0,
        "covered declined": np.mean([r["abstained"] for r in cov]),
        "adv confident": np.mean([r["tier"] == "confident" for r in adv]),
        "adv declined": np.mean([r["abstained"] for r in adv]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="cur0")
    parser.add_argument("--courses", default="")
    args = parser.parse_args()
    from bot.core.sentences import comparable_texts

    common.print_machine()
    print(f"load average {os.getloadavg()}", flush=True)
    courses = set(args.courses.split(",")) if args.courses else None
    label, items = answer_replay.load_items(courses)
    service = answer_replay.open_service(label)
    retriever = service.retriever()
    chunks = retriever.index.chunks
    chars = service.policy.semantic_chars
    texts = list(dict.fromkeys(t for c in chunks for t in comparable_texts(c, chars)))
    print(f"{len(chunks)} chunks, {len(texts)} comparable texts ({len(texts) / len(chunks):.1f} a chunk)", flush=True)
    t = time.perf_counter()
    standalone = dict(zip(texts, service.sentence_vectors(texts)))
    print(f"standalone vectors: {time.perf_counter() - t:.1f} s (embedding cache or model)", flush=True)
    model = service.embedder._embedder._load()
    t = time.perf_counter()
    contextual = contextual_vectors(model, chunks, chars)
    print(f"contextual vectors: {time.perf_counter() - t:.1f} s for {len(contextual)} texts "
          f"(a model pass over every chunk)", flush=True)
    shared = [t for t in texts if t in contextual]
    cos = np.array([float(standalone[t] @ contextual[t]) for t in shared])
    print(f"cosine standalone vs contextual: mean {cos.mean():.3f}, p10 {np.percentile(cos, 10):.3f}")
    rows = {}
    for name, stored in (("today (question time)", {}), ("standalone at index time", standalone),
                         ("contextual at index time", contextual)):
        embed = Stored(stored, service.sentence_vectors)
        t = time.perf_counter()
        records = replay(service, items, embed)
        rows[name] = summary(records)
        print(f"{name}: {time.perf_counter() - t:.0f} s, texts asked {embed.asked}, stored {embed.found} "
              f"({embed.found / max(embed.asked, 1):.3f})", flush=True)
    keys = list(next(iter(rows.values())))
    print("| variant | " + " | ".join(keys) + " |")
    print("|---|" + "---|" * len(keys))
    for name, row in rows.items():
        print(f"| {name} | " + " | ".join(f"{row[k]:.3f}" if isinstance(row[k], float) else str(row[k])
                                         for k in keys) + " |")


def replay(service, items, embed) -> list[dict]:
    original = service.sentence_vectors
    service.sentence_vectors = embed
    try:
        return answer_replay.replay(service, items, plain=False)
    finally:
        service.sentence_vectors = original


if __name__ == "__main__":
    main()

"""Sentence vectors made at index time, two ways, measured on the development pool's answers.

Answer selection compares up to six candidate sentences with the question in meaning. Their
vectors are made when the index is built, and can be:

  standalone  each sentence embedded on its own (a model pass per sentence: about as many tokens
              again as the passages);
  in-passage  the token vectors the model computes for the whole passage anyway, mean-pooled over
              the sentence's own tokens, less a share (beta) of the passage's mean token vector,
              and normalised (no model cost beyond the passage's; bot/core/passage_parts.py on
              branch h-speed-passage, RESULTS 7d).

Both are replayed on the pool's recorded searches (answer_replay.py: all twelve courses as one
course, every question), and the figures printed per variant: fact in the answer, fact in the first
sentence, sentences, covered declined, adversarial answered confident / declined. `--calibrate`
also replays with the four thresholds that compare a question with a sentence moved to the
in-passage vectors' scale (a line fitted on one half of the courses' comparisons, applied to the
other half). `--halves`: the off-topic questions of answer_pool.py's halves set-up instead. The
in-passage vectors are saved (bench/out/sentence-vectors-compare.npz) for the next run.

    .venv/bin/python bench/sentence_vectors_compare.py [--variants 0,0.25,0.5e] [--calibrate] [--halves]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

import answer_replay
import common

sys.path.insert(0, str(common.ROOT))


def passage_tokens(model, chunks, batch: int = 16) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per chunk, the model's token vectors of its embedding text and each token's character
    offsets (one model pass over every chunk)."""
    import torch

    out = []
    transformer = model[0]
    for start in range(0, len(chunks), batch):
        texts = [c.embedding_text() for c in chunks[start:start + batch]]
        enc = model.tokenizer(texts, padding=True, truncation=True, max_length=model.max_seq_length,
                              return_offsets_mapping=True, return_tensors="pt")
        offsets = enc.pop("offset_mapping").numpy()
        with torch.no_grad():
            tokens = transformer(dict(enc))["token_embeddings"].numpy()
        mask = enc["attention_mask"].numpy().astype(bool)
        out += [(tokens[row][mask[row]], offsets[row][mask[row]]) for row in range(len(texts))]
    return out


def contextual_vectors(chunks, passages, chars: int, beta: float = 0.0, ends: bool = False) -> dict[str, np.ndarray]:
    """Text -> vector pooled from its passage's token vectors (first passage holding it wins).
    `beta`: that share of the passage's own mean token vector taken off (a sentence in its passage
    carries the passage's topic); `ends`: the passage's [CLS] and [SEP] vectors pooled with the
    sentence's tokens, as a sentence embedded alone pools its own."""
    from bot.core.sentences import comparable_texts

    out: dict[str, np.ndarray] = {}
    for chunk, (tokens, o) in zip(chunks, passages):
        passage = chunk.embedding_text()
        passage_mean = tokens.mean(axis=0)
        special = o[:, 1] == o[:, 0]  # [CLS], [SEP]
        for text in comparable_texts(chunk, chars):
            if text in out:
                continue
            spans = _spans(passage, text)
            if spans is None:
                continue
            inside = np.zeros(len(o), dtype=bool)
            for a, b in spans:
                inside |= (o[:, 0] >= a) & (o[:, 1] <= b) & ~special
            if not inside.any():
                continue  # past the model's token limit
            v = tokens[inside | special if ends else inside].mean(axis=0) - beta * passage_mean
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
    parser.add_argument("--variants", default="0", help="comma-separated in-passage variants: beta, "
                        "with a trailing e to pool the passage's [CLS]/[SEP] too (0,0.5,0e)")
    parser.add_argument("--cosines-only", action="store_true")
    parser.add_argument("--calibrate", action="store_true", help="also replay with the similarity thresholds "
                        "moved to the pooled vectors' scale, fitted on one half of the courses, applied to the other")
    parser.add_argument("--fresh", action="store_true", help="make the in-passage vectors again")
    parser.add_argument("--halves", action="store_true", help="only the off-topic questions of answer_pool.py's halves")
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
    specs = args.variants.split(",")
    saved = common.OUT / "sentence-vectors-compare.npz"
    if saved.exists() and not args.fresh:
        data = np.load(saved, allow_pickle=False)
        variants = {str(name): dict(zip(data["texts"].tolist(), data[f"v{i}"])) for i, name in enumerate(data["names"])}
        print(f"in-passage variants read from {saved}: {', '.join(variants)}", flush=True)
    else:
        model = service.embedder._embedder._load()
        t = time.perf_counter()
        passages = passage_tokens(model, chunks)
        print(f"one model pass over the chunks: {time.perf_counter() - t:.1f} s", flush=True)
        variants = {}
        for spec in specs:
            beta, ends = float(spec.rstrip("e")), spec.endswith("e")
            name = f"in-passage beta {beta:g}" + (" +ends" if ends else "")
            variants[name] = contextual_vectors(chunks, passages, chars, beta=beta, ends=ends)
        names = list(variants)
        np.savez(saved, texts=np.array(texts), names=np.array(names),
                 **{f"v{i}": np.array([variants[n].get(t, standalone[t]) for t in texts]) for i, n in enumerate(names)})
    for name, contextual in variants.items():
        cos = np.array([float(standalone[t] @ contextual[t]) for t in texts])
        print(f"{name}: cosine with standalone mean {cos.mean():.3f}, p10 {np.percentile(cos, 10):.3f}", flush=True)
    if args.cosines_only:
        return
    wanted = [n for n in variants if any(n == f"in-passage beta {float(s.rstrip('e')):g}" + (" +ends" if s.endswith("e") else "") for s in specs)]
    if args.halves:  # answer_pool.py's off-topic questions: each half's notes asked the other half's
        _, off = answer_replay.load_items(None, answer_replay.HALVES)
        for name, stored in (("standalone (today)", standalone), *variants.items()):
            declined = []
            for index in sorted({i["index"] for i in off}):
                half = answer_replay.open_service(label, Path(index))
                records = replay_pairs(half, [i for i in off if i["index"] == index], Stored(stored, half.sentence_vectors))[0]
                declined += [r["abstained"] for r in records]
            print(f"off-topic declined, {name}: {np.mean(declined):.3f} of {len(declined)}", flush=True)
        return
    courses = sorted({i["course"] for i in items})
    halves = [set(courses[0::2]), set(courses[1::2])]
    rows = {}
    records, pairs = replay_pairs(service, items, Stored(standalone, service.sentence_vectors))
    rows["standalone (today)"] = summary(records)
    print(rows["standalone (today)"], flush=True)
    print(f"replayed standalone: {len(records)} questions, {len(pairs)} comparisons", flush=True)
    for name in wanted:
        pooled = variants[name]
        records, _ = replay_pairs(service, items, Stored(pooled, service.sentence_vectors))
        rows[name + ", today's thresholds"] = summary(records)
        print(f"replayed {name}: {rows[name + ', today' + chr(39) + 's thresholds']}", flush=True)
        if not args.calibrate:
            continue
        calibrated = []
        for fit, held in ((halves[0], halves[1]), (halves[1], halves[0])):
            fitted = [(q, t) for c, q, t in pairs if c in fit and t in standalone]  # not a heading with a date
            x = np.array([float(q @ pooled[t]) for q, t in fitted])
            y = np.array([float(q @ standalone[t]) for q, t in fitted])
            a, b = np.polyfit(x, y, 1)
            r = np.corrcoef(x, y)[0, 1]
            policy = calibrated_policy(service.policy, a, b)
            print(f"  {name}: fitted on {sorted(fit)[:2]}...: standalone ~ {a:.3f} x pooled + {b:.3f} (r {r:.3f}); "
                  f"thresholds {thresholds(service.policy)} -> {thresholds(policy)}", flush=True)
            calibrated += replay_pairs(service, [i for i in items if i["course"] in held],
                                       Stored(pooled, service.sentence_vectors), policy)[0]
        rows[name + ", held-out calibrated thresholds"] = summary(calibrated)
    keys = list(next(iter(rows.values())))
    print(f"load average {os.getloadavg()}")
    print("| variant | " + " | ".join(keys) + " |")
    print("|---|" + "---|" * len(keys))
    for name, row in rows.items():
        print(f"| {name} | " + " | ".join(f"{row[k]:.3f}" if isinstance(row[k], float) else str(row[k])
                                         for k in keys) + " |")


SIMILARITIES = ("semantic_on_topic", "answer_similarity", "weak_answer_similarity", "confident_similarity")


def thresholds(policy) -> str:
    return "/".join(f"{getattr(policy, k):.3f}" for k in SIMILARITIES)


def calibrated_policy(policy, a: float, b: float):
    """The thresholds that compare a question with a sentence, moved to the pooled vectors' scale:
    where a pooled similarity maps (standalone ~ a * pooled + b) onto today's threshold."""
    from dataclasses import replace

    return replace(policy, **{k: (getattr(policy, k) - b) / a for k in SIMILARITIES})


def replay_pairs(service, items, embed, policy=None):
    """The replay's records, and every (course, question vector, text) answering compared."""
    pairs = []
    original = embed.__call__
    current = {}

    def recording(texts):
        pairs.extend((current["course"], current["q"], t) for t in texts)
        return original(texts)

    records = []
    saved = service.sentence_vectors
    service.sentence_vectors = recording
    try:
        for item in items:
            current.update(course=item["course"], q=np.asarray(item["result"].query_vector, dtype=np.float32))
            records += answer_replay.replay(service, [item], policy=policy, plain=False)
    finally:
        service.sentence_vectors = saved
    return records, pairs


def replay(service, items, embed) -> list[dict]:
    original = service.sentence_vectors
    service.sentence_vectors = embed
    try:
        return answer_replay.replay(service, items, plain=False)
    finally:
        service.sentence_vectors = original


if __name__ == "__main__":
    main()

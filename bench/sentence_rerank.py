"""Re-rank the answer layer's best few sentences with a learned model, measured leave-one-course-out
on the development pool's recorded searches (`answer_replay.py record`).

`extract` replays every covered question through this checkout's answer layer and keeps, for the
best K candidates that may answer (the list `answering._choose` gets), a row of features and
whether what the candidate would quote holds an accepted answer. `fit` then, for each course in
turn, fits a model on the other eleven and ranks the held-out course's candidates: the figure is
the share of questions whose top candidate is right, against the rule order. Only held-out
figures are printed.

    .venv/bin/python bench/sentence_rerank.py extract [--k 5]
    .venv/bin/python bench/sentence_rerank.py maxsim    # question-token vs sentence-token MaxSim, torch MiniLM
    .venv/bin/python bench/sentence_rerank.py fit [--model gbt|logistic|mlp] [--extra maxsim] [--margin M] [--seed S]
    .venv/bin/python bench/sentence_rerank.py latency [--k 5]   # what MaxSim's sentence pass costs a question
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import defaultdict

import numpy as np

import answer_replay
import common

sys.path.insert(0, str(common.ROOT))

OUT = common.OUT / "sentence_rerank"
ROWS = OUT / "rows.pkl"

FEATURES = (
    "rule_score", "score_ratio", "score_gap", "order", "similarity", "sim_gap", "sim_order", "match",
    "relation", "kind_ok", "on", "implicit", "off", "defines", "passage_rank", "position", "dense",
    "lexical", "fused", "words", "parts", "same_passage_as_top", "after_top", "before_top",
    "own_match", "before_adds", "after_adds", "question_pairs", "new_words", "new_names", "gives_cause",
    "kind_checked", "n_terms", "n_names", "kind_date", "kind_person", "kind_number", "kind_place",
    "kind_reason", "kind_explain", "heading_part",
)


def candidate_rows(scored, kind, question, terms, names, k):
    """Features of the best k distinct candidates of `scored` (best first, as _choose gets them)."""
    from bot.core.question_kind import CHECKED, DATE, EXPLANATION, NUMBER, PERSON, PLACE, REASON
    from bot.core.sentence_ranker import lexical_features
    from bot.core.sentences import relation_share, shown_text, _is_prompt
    from bot.core.tokens import tokenize

    top, seen = [], set()
    for c in scored:
        text = shown_text(c)
        if text in seen:
            continue
        seen.add(text)
        top.append(c)
        if len(top) == k:
            break
    if not top:
        return [], []
    best = top[0]
    sims = [c.similarity if c.similarity is not None else -1.0 for c in top]
    sim_order = np.argsort(np.argsort(-np.array(sims), kind="stable"), kind="stable")
    text_at = {(c.hit.row, c.position): c.text for c in scored}
    rows = []
    for i, c in enumerate(top):
        lex = lexical_features(
            text=c.text, shown=shown_text(c), match=c.match, terms=terms,
            before=text_at.get((c.hit.row, c.position - 1), ""), after=text_at.get((c.hit.row, c.position + 1), ""),
            passage_cosine=c.hit.dense, rank=c.rank, position=c.position, kind=kind, kind_ok=c.kind_ok,
            defines=c.defines, on_topic=c.on_topic, prompt=_is_prompt(c.text), rule_score=c.score,
            question=question, in_list=bool(c.lead_in or c.followers))
        same = c.hit.row == best.hit.row
        rows.append([
            c.score, c.score / best.score if best.score else 1.0, best.score - c.score, i, sims[i],
            max(sims) - sims[i], float(sim_order[i]), c.match,
            relation_share(terms, names, set(tokenize("\n".join(c.parts or (c.text,))))),
            float(c.kind_ok), float(c.on_topic == "on"), float(c.on_topic == "implicit"), float(c.on_topic == "off"),
            float(c.defines), c.rank, c.position, c.hit.dense, c.hit.lexical, c.hit.fused,
            np.log1p(len(c.text.split())), len(c.parts), float(same and i > 0),
            float(same and c.position == best.position + 1), float(same and c.position == best.position - 1),
            lex[1], lex[2], lex[3], lex[19], lex[13], lex[14], lex[8],
            float(kind in CHECKED), len(terms), len(names), float(kind == DATE), float(kind == PERSON),
            float(kind == NUMBER), float(kind == PLACE), float(kind == REASON), float(kind == EXPLANATION),
            float(bool(c.heading_part)),
        ])
    return top, rows


def answer_and_scored(result, retriever, service):
    """The bot's answer to a searched question, and (the scored candidates the answer layer chose its
    sentences from, the question's kind, every candidate) or None when it chose from none. `answering._choose` is
    wrapped for this one call, so the candidates are exactly what the bot ranked."""
    from bot.core import answering

    captured = {}
    original = answering._choose

    def capture(scored, kind, policy, every, *rest):
        captured["args"] = (scored, kind, every)
        return original(scored, kind, policy, every, *rest)

    answering._choose = capture
    try:
        answer = answering.answer_question(result, retriever.lexical, service.policy, service.sentence_vectors,
                                           service.embedder.knows_word, lambda: retriever.vocabulary,
                                           retriever.passages_with)
    finally:
        answering._choose = original
    return answer, captured.get("args")


def extract(k: int) -> None:
    from bot.core.evaluation import answer_hit, first_sentence_hit, holds
    from bot.core.query import query_names, query_terms
    from bot.core.question_kind import LONG_KINDS, cue_text
    from bot.core.sentences import shown_text

    label, items = answer_replay.load_items(None)
    service = answer_replay.open_service(label)
    retriever = service.retriever()
    out = []
    started = time.perf_counter()
    for item in items:
        if item["kind"] != "covered" or not item["answer"]:
            continue
        result = item["result"]
        answer, chosen_from = answer_and_scored(result, retriever, service)
        row = {"course": item["course"], "question": item["question"], "answer": list(item["answer"]),
               "fact": answer_hit(answer, item["answer"]), "first": first_sentence_hit(answer, item["answer"]),
               "declined": answer.abstained, "n": 0}
        if chosen_from is not None and not answer.abstained:
            scored, kind, _every = chosen_from
            terms = query_terms(result.question, retriever.lexical, ignore=cue_text(result.question))
            names = query_names(result.question, terms, retriever.lexical)
            top, rows = candidate_rows(scored, kind, result.question, terms, names, k)
            row.update(n=len(top), x=rows, asked=result.question, kind_raw=kind or "",
                       shown=[shown_text(c) for c in top],
                       label=[holds(shown_text(c, long=kind in LONG_KINDS), item["answer"]) for c in top])
        out.append(row)
    OUT.mkdir(parents=True, exist_ok=True)
    ROWS.write_bytes(pickle.dumps(out))
    print(f"{len(out)} covered questions, {sum(r['n'] for r in out)} candidates in "
          f"{time.perf_counter() - started:.0f} s -> {ROWS}")


def make_model(name: str, seed: int = 0):
    if name == "gbt":
        from sklearn.ensemble import GradientBoostingClassifier

        return GradientBoostingClassifier(n_estimators=150, max_depth=3, learning_rate=0.05, subsample=0.8,
                                          random_state=seed)
    if name == "mlp":
        from sklearn.neural_network import MLPClassifier
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        return make_pipeline(StandardScaler(), MLPClassifier((16,), alpha=1e-2, max_iter=500, random_state=seed))
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=2000))


def matrix(rows: list[dict], columns: list[int]):
    x = np.array([f for r in rows for f in r["x"]])[:, columns]
    y = np.array([l for r in rows for l in r["label"]], dtype=int)
    return x, y


def fit(model_name: str, drop: list[str], margin: float, extra: str | None, seed: int = 0) -> None:
    rows = pickle.loads(ROWS.read_bytes())
    names = list(FEATURES)
    if extra:
        extras = pickle.loads((OUT / f"{extra}.pkl").read_bytes())
        for r in rows:
            if r["n"]:
                r["x"] = [f + e for f, e in zip(r["x"], extras[(r["course"], r["question"])])]
        names += [f"{extra}{i}" for i in range(len(rows[0]["x"][0]) - len(FEATURES))] if rows[0]["n"] else []
    columns = [i for i, n in enumerate(names) if n not in drop]
    courses = sorted({r["course"] for r in rows})
    table = defaultdict(lambda: defaultdict(int))
    for course in courses:
        train = [r for r in rows if r["course"] != course and r["n"] > 1 and any(r["label"])]
        x, y = matrix(train, columns)
        model = make_model(model_name, seed).fit(x, y)
        for r in rows:
            if r["course"] != course:
                continue
            t = table[course]
            t["n"] += 1
            t["first"] += r["first"]
            t["fact"] += r["fact"]
            if not r["n"]:
                continue
            p = model.predict_proba(np.array(r["x"])[:, columns])[:, 1]
            pick = int(np.argmax(p))
            if p[pick] - p[0] <= margin:
                pick = 0
            t["rule@1"] += r["label"][0]
            t["model@1"] += r["label"][pick]
            t["any"] += any(r["label"])
            t["rule@2"] += any(r["label"][:2])
            second = [i for i in np.argsort(-p, kind="stable") if i != pick][:1]
            t["model@2"] += r["label"][pick] or any(r["label"][i] for i in second)
            t["moved"] += pick != 0
            t["won"] += r["label"][pick] and not r["label"][0]
            t["lost"] += r["label"][0] and not r["label"][pick]
    cols = ["n", "first", "rule@1", "model@1", "rule@2", "model@2", "any", "moved", "won", "lost"]
    print(f"model {model_name} (seed {seed}), margin {margin}, features {len(columns)} (held out, course by course)")
    print("| course | " + " | ".join(cols) + " |")
    total = defaultdict(int)
    for course in courses:
        for c in cols:
            total[c] += table[course][c]
        print(f"| {course} | " + " | ".join(str(table[course][c]) for c in cols) + " |")
    print("| all | " + " | ".join(str(total[c]) for c in cols) + " |")


def latency(count: int = 200, best: int = 5) -> None:
    """What MaxSim would cost a question: the model pass over the `best` sentences' texts (the
    stored sentence vectors hold no token vectors, so these are embedded again), beside the
    question's own pass, with the shipped backend (onnx-int8) on one thread; wall and CPU ms."""
    from bot.core.embedding_backends import make_embedder

    rows = [r for r in pickle.loads(ROWS.read_bytes()) if r["n"] >= 2][::10][:count]
    embedder = make_embedder(backend="onnx-int8", model_cache=OUT / "models", threads=1)
    embedder.encode(["warm up"])
    times = defaultdict(list)
    for r in rows:
        for name, texts in ((f"best {best} sentences", [t[:300] for t in r["shown"][:best]]), ("question", [r["asked"]])):
            wall, cpu = time.perf_counter(), time.process_time()
            embedder.encode(texts)
            times[f"{name}, wall"].append(time.perf_counter() - wall)
            times[f"{name}, CPU"].append(time.process_time() - cpu)
    for name, values in times.items():
        ms = np.array(values) * 1000
        print(f"{name}: p50 {np.percentile(ms, 50):.1f} ms, p95 {np.percentile(ms, 95):.1f} ms, max {ms.max():.1f} ms "
              f"({len(ms)} questions)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["extract", "maxsim", "fit", "latency"])
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--model", default="gbt")
    parser.add_argument("--drop", default="")
    parser.add_argument("--margin", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--extra", default=None, help="extra features kept in OUT/<name>.pkl (e.g. maxsim)")
    args = parser.parse_args()
    if args.action == "extract":
        extract(args.k)
    elif args.action == "maxsim":
        extract_maxsim()
    elif args.action == "latency":
        latency(best=args.k)
    else:
        fit(args.model, [d for d in args.drop.split(",") if d], args.margin, args.extra, args.seed)



# --- late interaction: question tokens against sentence tokens (ColBERT-style MaxSim) -------------

_FUNCTION_WORDS = frozenset(
    "the a an of in on at to for by with from and or but is was are were be been being did do does what "
    "which who whom whose when where why how that this these those it its as into than then there their "
    "they he she his her had has have not".split())


def token_vectors(model, texts: list[str], batch: int = 64) -> list[tuple[np.ndarray, list[str]]]:
    """Each text's contextual token vectors (unit length) and its tokens, [CLS]/[SEP] left out."""
    out = []
    tok = model.tokenizer
    for start in range(0, len(texts), batch):
        chunk = texts[start:start + batch]
        embedded = model.encode(chunk, output_value="token_embeddings", convert_to_numpy=False,
                                batch_size=batch, show_progress_bar=False)
        for text, vectors in zip(chunk, embedded):
            ids = tok(text, truncation=True, max_length=model.max_seq_length)["input_ids"]
            words = tok.convert_ids_to_tokens(ids)
            v = vectors.detach().cpu().numpy()[: len(words)]
            v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
            out.append((v[1:-1], words[1:-1]))
    return out


def maxsim_features(question: tuple[np.ndarray, list[str]], sentences: list[tuple[np.ndarray, list[str]]]):
    """Per sentence: the mean over the question's content tokens of their best cosine with a
    sentence token; the same over the question's tokens the sentence does not hold as such (a
    paraphrase's soft match); each as a gap to the best candidate's."""
    qv, qw = question
    keep = [i for i, w in enumerate(qw) if w.isalnum() and w.lower() not in _FUNCTION_WORDS and not w.startswith("##")]
    keep = keep or list(range(len(qw)))
    rows = []
    for sv, sw in sentences:
        if not len(sv) or not keep:
            rows.append([0.0, 0.0])
            continue
        best = (qv[keep] @ sv.T).max(1)
        held = set(sw)
        missing = [j for j, i in enumerate(keep) if qw[i] not in held]
        rows.append([float(best.mean()), float(best[missing].mean()) if missing else 1.0])
    top = [max(r[i] for r in rows) for i in range(2)]
    return [[r[0], r[1], top[0] - r[0], top[1] - r[1]] for r in rows]


def extract_maxsim() -> None:
    from bot.core.embedding_model import SentenceTransformerEmbedder

    rows = pickle.loads(ROWS.read_bytes())
    model = SentenceTransformerEmbedder()._load()
    started = time.perf_counter()
    questions = [r["asked"] for r in rows if r["n"]]
    texts = sorted({t[:300] for r in rows if r["n"] for t in r["shown"]})
    qv = dict(zip(questions, token_vectors(model, questions)))
    sv = dict(zip(texts, token_vectors(model, texts)))
    extra = {(r["course"], r["question"]): maxsim_features(qv[r["asked"]], [sv[t[:300]] for t in r["shown"]])
             for r in rows if r["n"]}
    (OUT / "maxsim.pkl").write_bytes(pickle.dumps(extra))
    print(f"MaxSim of {len(questions)} questions and {len(texts)} sentences in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

"""Signals for declining another course's question, measured held out course by course.

Replays the searches `decline_search.py` recorded (the halves set-up) through today's answer layer
with the weak-answer and phrase declines off, records for every question what those two rules read
(so that they can be applied again to the record) and candidate signals beside them:

* what of the question the answer's first sentence and its passage do not hold: the rarest missing
  word's rarity in the notes (IDF over the largest IDF a word can have there), the share of the
  question's weight missing weighed among the passages found, and the rarest word missing from all
  eight passages found;
* whether any sentence of the passages found (or of the first sentence's passage) holds what the
  question's kind asks for (a date for "when", a number for "how many");

then, for each candidate rule added to the shipped ones, chooses its thresholds on eleven courses
(the most off-topic questions declined with covered declined <= --covered-limit there) and applies
them to the twelfth, for each course in turn; and the same for a logistic regression over every
signal (threshold chosen on the eleven courses).

    .venv/bin/python bench/decline_search.py    # once: the recorded searches
    .venv/bin/python bench/decline_signals.py record [--label now]
    .venv/bin/python bench/decline_signals.py choose [--label now] [--covered-limit 0.03]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from collections import defaultdict

import numpy as np

import common

sys.path.insert(0, str(common.ROOT))

import decline_search as ds  # noqa: E402

OUT = common.OUT / "decline_signals"


def record(overrides: dict, align: bool = False) -> list[dict]:
    from bot.core.answering import answer_question
    from bot.core.evaluation import answer_hit
    from bot.core.found_weights import found_weights
    from bot.core.query import match_share, query_terms
    from bot.core.question_kind import CHECKED, cue_text, expected_kind, has_kind
    from bot.core.sentences import candidates_from
    from bot.core.tokens import tokenize

    out = []
    for service, pairs in ds.replay():
        retriever = service.retriever()
        lexical = retriever.lexical
        policy = dataclasses.replace(service.policy, weak_answer_similarity=0.0, phrase_similarity=0.0,
                                     scant_answer_similarity=-2.0, remote_answer_similarity=-2.0,
                                     thin_answer_similarity=-2.0, **overrides)
        vectors = service.sentence_vectors.for_build(retriever.index.sentences)
        rarest = lexical.idf("\0never a word of the notes")
        for asked, result in pairs:
            answer = answer_question(result, retriever.lexical, policy, vectors, service.embedder.knows_word,
                                     lambda: retriever.vocabulary, retriever.passages_with)
            r = {"course": asked.course, "kind": asked.kind, "question": asked.question, "searched": result.question,
                 "abstained": answer.abstained, "reason": answer.reason, "tier": answer.tier}
            if asked.kind == "covered" and asked.answer:
                r["answer_hit"] = answer_hit(answer, asked.answer)
            if not answer.abstained:
                hits = result.hits[: policy.passages]
                first = next(h for h in hits if h.chunk.id == answer.citations[0].chunk_id)
                passage = set(tokenize(first.chunk.embedding_text())) | set(tokenize(answer.sentences[0]))
                found = [set(tokenize(h.chunk.embedding_text())) for h in hits]
                everywhere = set().union(*found)
                terms = query_terms(result.question, lexical, ignore=cue_text(result.question))
                missing = [t for t in terms if not t.found_in(passage)]
                nowhere = [t for t in missing if not t.found_in(everywhere)]
                weighed = found_weights(terms, [h.chunk.embedding_text() for h in hits], lexical)
                kind = expected_kind(result.question)
                checked = kind in CHECKED - {"expansion"}
                texts = [c.text for c in candidates_from(hits)]
                own = [c.text for c in candidates_from([first])]
                r.update({
                    "similarity": answer.similarity if answer.similarity is not None else answer.top_score,
                    "match": answer.match, "passage_match": answer.passage_match,
                    "phrase": answer.fit.phrase if answer.fit else 1.0, "top": answer.top_score,
                    "tier_match": answer.tier_match, "kind_ok": answer.kind_ok,
                    "terms": len(terms),
                    "missing": [t.stem for t in missing],
                    "miss_rarity": max((lexical.idf(t.stem) / rarest for t in missing), default=0.0),
                    "nowhere_rarity": max((lexical.idf(t.stem) / rarest for t in nowhere), default=0.0),
                    "miss_unknown": sum(not any(a in lexical.doc_freq for a in t.alternatives) for t in missing),
                    "found_passage_match": match_share(weighed, passage, set(), 0.0),
                    "checked_kind": kind if checked else "",
                    "kind_in_found": (not checked) or any(has_kind(t, kind, result.question) for t in texts),
                    "kind_in_passage": (not checked) or any(has_kind(t, kind, result.question) for t in own),
                    "sentence": answer.sentences[0], "passage": first.chunk.embedding_text(),
                })
            out.append(r)
    if align:
        _alignments([r for r in out if not r["abstained"] and r["kind"] in ("covered", "off-topic")])
    return out


_FUNCTION_WORDS = frozenset(
    "what who whom which when where why how is was are were the a an of in on at to for by with did do does and "
    "or from as that this these those be been it its their there into than then".split())


def _alignments(rows: list[dict]) -> None:
    """The question's words aligned in context with the answer's passage: for each content word of
    the question, the best cosine of its contextual vector (MiniLM's token vectors, word pieces
    averaged) with any token of the first sentence's passage (`al_p_mean`: their mean, `al_p_min`:
    the worst-placed word, `al_miss_min`: the worst of the words the passage does not hold) or of the
    first sentence (`al_s_mean`). 6t measured the sentence's; this reads the passage's. One more
    model pass over the question and the passage for every answer: about 10 minutes on the halves
    under load."""
    import re

    import numpy as np

    from bot.core.embedding_model import SentenceTransformerEmbedder
    from bot.core.tokens import tokenize

    model = SentenceTransformerEmbedder()._load()

    def token_vectors(texts):
        texts = sorted(set(texts))
        out = model.encode(texts, output_value="token_embeddings", batch_size=32, convert_to_numpy=False)
        kept = {}
        for text, e in zip(texts, out):
            e = e.numpy()
            kept[text] = (e / np.linalg.norm(e, axis=1, keepdims=True),
                          model.tokenizer(text, truncation=True, max_length=model.max_seq_length))
        return kept

    questions = token_vectors([r["searched"] for r in rows])
    passages = token_vectors([r["passage"] for r in rows])
    sentences = token_vectors([r["sentence"] for r in rows])
    for r in rows:
        vectors, encoding = questions[r["searched"]]
        passage, sentence = passages[r["passage"]][0][1:-1], sentences[r["sentence"]][0][1:-1]
        pieces: dict[int, list[int]] = {}
        for i, w in enumerate(encoding.word_ids()):
            if w is not None:
                pieces.setdefault(w, []).append(i)
        missing = set(r["missing"])
        in_passage, in_sentence, of_missing = [], [], []
        for w, at in pieces.items():
            span = encoding.word_to_chars(w)
            text = r["searched"][span.start:span.end]
            if text.lower() in _FUNCTION_WORDS or not re.match(r"\w", text):
                continue
            v = vectors[at].mean(axis=0)
            v /= np.linalg.norm(v)
            in_passage.append(float((passage @ v).max()) if len(passage) else 0.0)
            in_sentence.append(float((sentence @ v).max()) if len(sentence) else 0.0)
            stems = tokenize(text)
            if stems and stems[0] in missing:
                of_missing.append(in_passage[-1])
        r.update({"al_p_mean": float(np.mean(in_passage)) if in_passage else 1.0,
                  "al_p_min": min(in_passage, default=1.0),
                  "al_s_mean": float(np.mean(in_sentence)) if in_sentence else 1.0,
                  "al_miss_min": min(of_missing, default=1.0)})


# The shipped weak-answer and phrase declines (AnswerPolicy), applied to a record.
def shipped(r: dict, weak=(0.38, 0.6), phrase=(0.45, 0.6)) -> bool:
    if r["abstained"]:
        return True
    sim, pm = r["similarity"], r["passage_match"]
    return ((sim < weak[0] and r["match"] < weak[1] and pm < weak[1])
            or (r["phrase"] == 0 and sim < phrase[0] and pm < phrase[1]))


def _rules():
    """Candidate rules beside the shipped ones: name -> (grid, declines(record, *setting))."""
    cos = (0.35, 0.40, 0.45, 0.50, 0.55, 0.60)
    return {
        "rarest word missing (notes' rarity)": (
            [(a, b) for a in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95) for b in cos],
            lambda r, a, b: r["miss_rarity"] >= a and r["similarity"] < b),
        "rarest word missing from all passages found": (
            [(a, b) for a in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95) for b in cos],
            lambda r, a, b: r["nowhere_rarity"] >= a and r["similarity"] < b),
        "a word of the notes' own missing, passage share": (
            [(a, b, c) for a in (0.6, 0.7, 0.8, 0.9) for b in cos for c in (0.5, 0.6, 0.7, 0.8)],
            lambda r, a, b, c: r["miss_rarity"] >= a and r["similarity"] < b and r["passage_match"] < c),
        "share missing weighed among the passages found": (
            [(a, b) for a in (0.2, 0.3, 0.4, 0.5, 0.6) for b in cos],
            lambda r, a, b: r["found_passage_match"] < a and r["similarity"] < b),
        "kind asked for in no passage found": (
            [(b,) for b in (*cos, 0.65, 0.7, 1.01)],
            lambda r, b: not r["kind_in_found"] and r["similarity"] < b),
        "kind asked for not in the answer's passage": (
            [(b,) for b in (*cos, 0.65, 0.7, 1.01)],
            lambda r, b: not r["kind_in_passage"] and r["similarity"] < b),
    }


def counts(rows: list[dict], rule) -> tuple[int, int, int, int]:
    cov = [r for r in rows if r["kind"] == "covered"]
    off = [r for r in rows if r["kind"] == "off-topic"]
    return (sum(rule(r) for r in cov), len(cov), sum(rule(r) for r in off), len(off))


def with_rule(test):
    return lambda r: shipped(r) or (not r["abstained"] and test(r))


def choose(rows: list[dict], grid, test, limit: float):
    """The setting declining most off-topic questions of `rows` with covered declined <= limit
    (ties: fewer covered declined); None when none is within the limit."""
    best = None
    for setting in grid:
        c, nc, o, no = counts(rows, with_rule(lambda r: test(r, *setting)))
        if c > limit * nc:
            continue
        key = (o, -c)
        if best is None or key > best[0]:
            best = (key, setting)
    return best[1] if best else None


def held_out(rows: list[dict], grid, test, limit: float):
    courses = sorted({r["course"] for r in rows})
    per = {}
    for course in courses:
        fit = [r for r in rows if r["course"] != course]
        setting = choose(fit, grid, test, limit)
        check = [r for r in rows if r["course"] == course]
        rule = with_rule(lambda r: test(r, *setting)) if setting is not None else shipped
        per[course] = (setting, counts(check, rule))
    return per


def _share(a, n):
    return a / n if n else float("nan")


def report(name: str, per: dict, base: dict) -> None:
    tot = [sum(v[1][i] for v in per.values()) for i in range(4)]
    btot = [sum(v[i] for v in base.values()) for i in range(4)]
    print(f"\n{name}: held out covered {_share(tot[0], tot[1]):.3f} ({tot[0]}) / off-topic {_share(tot[2], tot[3]):.3f} "
          f"({tot[3] - tot[2]} answered); shipped {_share(btot[0], btot[1]):.3f} ({btot[0]}) / "
          f"{_share(btot[2], btot[3]):.3f} ({btot[3] - btot[2]} answered)")
    for course, (setting, c) in per.items():
        b = base[course]
        print(f"    {course:24s} {str(setting):22s} covered {_share(c[0], c[1]):.3f} (shipped {_share(b[0], b[1]):.3f})"
              f"  off-topic {_share(c[2], c[3]):.3f} (shipped {_share(b[2], b[3]):.3f})")


FEATURES = ("similarity", "match", "passage_match", "phrase", "top", "tier_match", "kind_ok", "miss_rarity",
            "nowhere_rarity", "found_passage_match", "kind_in_found", "kind_in_passage")
ALIGNED = ("al_p_mean", "al_p_min", "al_s_mean", "al_miss_min")


def learned(rows: list[dict], limit: float) -> dict:
    """A logistic regression over every signal, fitted on eleven courses' answered covered and
    off-topic questions; its threshold declines at most `limit` of their covered questions with the
    shipped rules; applied to the twelfth."""
    from sklearn.linear_model import LogisticRegression

    answered = [r for r in rows if not r["abstained"] and r["kind"] in ("covered", "off-topic")]
    features = FEATURES + (ALIGNED if all("al_p_mean" in r for r in answered) else ())

    def x_of(group):
        return np.array([[float(r[f]) for f in features] for r in group])

    per = {}
    for course in sorted({r["course"] for r in rows}):
        fit = [r for r in rows if r["course"] != course]
        answered = [r for r in fit if not r["abstained"] and r["kind"] in ("covered", "off-topic")]
        x = x_of(answered)
        y = np.array([r["kind"] == "off-topic" for r in answered])
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
        model = LogisticRegression(class_weight="balanced", max_iter=4000).fit((x - mean) / scale, y)

        def score(group):
            return model.decision_function((x_of(group) - mean) / scale)

        cov = [r for r in fit if r["kind"] == "covered"]
        free = [r for r in cov if not shipped(r)]
        allowed = int(limit * len(cov)) - sum(shipped(r) for r in cov)
        s = sorted(score(free).tolist(), reverse=True)
        threshold = s[allowed] + 1e-9 if 0 <= allowed < len(s) else (s[0] + 1e-9 if s else 0.0)
        check = [r for r in rows if r["course"] == course]
        open_ = [r for r in check if not r["abstained"] and r["kind"] in ("covered", "off-topic")]
        marked = {id(r) for r, v in zip(open_, score(open_) if open_ else []) if v > threshold}
        per[course] = (round(float(threshold), 2), counts(check, lambda r: shipped(r) or id(r) in marked))
    return per


WEAK_GRID = [(a, b) for a in (0.35, 0.38, 0.40, 0.42, 0.45) for b in (0.5, 0.6, 0.7)]
PHRASE_GRID = [(a, b) for a in (0.0, 0.40, 0.45, 0.5) for b in (0.5, 0.6, 0.7)]
SHIPPED = ((0.38, 0.6), (0.45, 0.6))


def _joint_rules(rows: list[dict]):
    """Candidate third rules for the joint choice: name -> (grid, declines(arrays, *setting)); the
    setting (0, ...) declines nothing, so each grid holds the shipped pair alone."""
    cos = (0.45, 0.5, 0.55, 0.6, 1.01)
    rules = {
        "none (weak-answer and phrase pairs chosen again)": ([(0.0,)], lambda a, x: np.zeros(len(a["similarity"]), bool)),
        "rarest word missing (notes' rarity)": (
            [(0.0, 0.0)] + [(x, y) for x in (0.6, 0.7, 0.8, 0.9) for y in cos],
            lambda a, x, y: (a["miss_rarity"] >= x) & (a["similarity"] < y) if x else np.zeros(len(a["similarity"]), bool)),
        "share missing weighed among the passages found": (
            [(0.0, 0.0)] + [(x, y) for x in (0.2, 0.3, 0.4, 0.5) for y in cos],
            lambda a, x, y: (a["found_passage_match"] < x) & (a["similarity"] < y)),
    }
    if all("al_p_mean" in r for r in rows if not r["abstained"] and r["kind"] in ("covered", "off-topic")):
        rules["question's words aligned in context with the passage"] = (
            [(0.0, 0.0)] + [(x, y) for x in (0.45, 0.48, 0.5, 0.52, 0.55, 0.58, 0.6) for y in cos],
            lambda a, x, y: (a["al_p_mean"] < x) & (a["similarity"] < y))
    return rules


def joint(rows: list[dict], limits=(0.027, 0.028, 0.03)) -> None:
    """The weak-answer pair, the phrase pair and one candidate rule chosen together on eleven courses
    (the most off-topic questions declined with covered declined <= limit there), applied to the
    twelfth; and the in-sample frontier: the most off-topic declined at covered <= 0.03-0.04."""
    rows = [r for r in rows if r["kind"] in ("covered", "off-topic")]
    courses = sorted({r["course"] for r in rows})
    abstained = np.array([r["abstained"] for r in rows])

    def column(name, missing=1.0):
        return np.array([float(r.get(name, missing)) if not r["abstained"] else missing for r in rows])

    a = {name: column(name) for name in ("similarity", "match", "passage_match", "phrase", "miss_rarity",
                                         "found_passage_match", "al_p_mean")}
    a["miss_rarity"] = column("miss_rarity", 0.0)
    covered = np.array([r["kind"] == "covered" for r in rows])
    where = np.array([courses.index(r["course"]) for r in rows])
    spread = np.zeros((len(rows), 2 * len(courses)), np.float32)
    spread[np.arange(len(rows)), 2 * where + (~covered)] = 1
    n_cov = np.array([np.sum(covered & (where == c)) for c in range(len(courses))])
    n_off = np.array([np.sum(~covered & (where == c)) for c in range(len(courses))])
    base = None
    for name, (grid, test) in _joint_rules(rows).items():
        combos = list(itertools.product(WEAK_GRID, PHRASE_GRID, grid))
        counts_ = np.zeros((len(combos), len(courses), 2))
        for start in range(0, len(combos), 400):
            block = combos[start:start + 400]
            out = np.zeros((len(block), len(rows)), np.float32)
            for j, ((wc, ws), (pc, ps), third) in enumerate(block):
                out[j] = (abstained | ((a["similarity"] < wc) & (a["match"] < ws) & (a["passage_match"] < ws))
                          | ((a["phrase"] == 0) & (a["similarity"] < pc) & (a["passage_match"] < ps))
                          | (~abstained & test(a, *third)))
            counts_[start:start + len(block)] = (out @ spread).reshape(len(block), len(courses), 2)
        if base is None:
            shipped_at = combos.index((*SHIPPED, grid[0]))
            base = counts_[shipped_at]
            print(f"\nshipped, in-sample: covered {base[:, 0].sum() / n_cov.sum():.4f} ({base[:, 0].sum():.0f}) / "
                  f"off-topic {base[:, 1].sum() / n_off.sum():.4f} ({n_off.sum() - base[:, 1].sum():.0f} answered)")
        print(f"\n{name} (joint grid of {len(combos)})")
        for limit in limits:
            total, lines = np.zeros(4), []
            for c in range(len(courses)):
                fit = np.arange(len(courses)) != c
                cov, off = counts_[:, fit, 0].sum(1), counts_[:, fit, 1].sum(1)
                k = int(np.argmax(np.where(cov <= limit * n_cov[fit].sum(), off * 10000 - cov, -1e12)))
                got = (counts_[k, c, 0], n_cov[c], counts_[k, c, 1], n_off[c])
                total += got
                lines.append(f"    {courses[c]:24s} {str(combos[k]):44s} covered {got[0] / got[1]:.3f} "
                             f"(shipped {base[c, 0] / n_cov[c]:.3f})  off-topic {got[2] / got[3]:.3f} "
                             f"(shipped {base[c, 1] / n_off[c]:.3f})")
            print(f"  chosen at covered <= {limit} on eleven: held out covered {total[0] / total[1]:.4f} "
                  f"({total[0]:.0f}) / off-topic {total[2] / total[3]:.4f} ({total[3] - total[2]:.0f} answered)")
            if limit == limits[-1]:
                print("\n".join(lines))
        cov, off = counts_[:, :, 0].sum(1), counts_[:, :, 1].sum(1)
        frontier = []
        for limit in (0.03, 0.032, 0.035, 0.04):
            k = int(np.argmax(np.where(cov <= limit * n_cov.sum(), off * 10000 - cov, -1e12)))
            frontier.append(f"{off[k] / n_off.sum():.3f} at {cov[k] / n_cov.sum():.3f} {combos[k]}")
        print("  in-sample frontier: " + "; ".join(frontier))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("record", "choose"))
    parser.add_argument("--label", default="now")
    parser.add_argument("--policy", action="append", default=[], help="name=value of AnswerPolicy")
    parser.add_argument("--covered-limit", type=float, default=0.03)
    parser.add_argument("--align", action="store_true", help="record the question's words aligned in context "
                        "with the answer's passage (a model pass per answer)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{args.label}.jsonl"
    if args.step == "record":
        common.print_machine()
        rows = record(ds.policy_overrides(args.policy), args.align)
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    base = defaultdict(list)
    for r in rows:
        base[r["course"]].append(r)
    base = {c: counts(g, shipped) for c, g in sorted(base.items())}
    print("shipped rules on the record: covered %d/%d, off-topic declined %d/%d" %
          tuple(sum(v[i] for v in base.values()) for i in range(4)))
    for name, (grid, test) in _rules().items():
        report(name, held_out(rows, grid, test, args.covered_limit), base)
    report("learned (logistic, every signal)", learned(rows, args.covered_limit), base)
    joint(rows)


if __name__ == "__main__":
    main()

"""Which candidate sentence answers: a small log-linear model over what a sentence shares with the
question, learned on many courses rather than tuned on one.

Two stages, because embedding a sentence costs milliseconds on a first-time question: the first
stage ranks every sentence of the top passages from its words and its passage alone; the best few
are embedded, and the second stage ranks those with their cosine to the question added. The
weights live in `sentence_ranker.json` beside this file; `bench/sentence_ranker_fit.py` fits them on
the development pool (leave-one-course-out figures in bench/RESULTS.md). Every feature is a fact of
the sentence and the question (shares of the question's weight, cosines, positions, kinds), never
a word list of one course, so the weights carry over to notes of another subject.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.core.query import QueryTerm, match_share
from bot.core.question_kind import CHECKED, EXPLANATION, REASON, gives_a_cause, new_names
from bot.core.tokens import tokenize

WEIGHTS_FILE = Path(__file__).with_name("sentence_ranker.json")

# The features of the first stage, in order (see `lexical_features`).
LEXICAL_FEATURES = (
    "match", "own_match", "before_adds", "after_adds", "passage_cosine", "passage_rank",
    "kind_held", "kind_missing", "gives_cause", "defines", "first_in_passage", "position",
    "length", "new_words", "new_names", "on_topic", "off_topic", "prompt", "rule_score",
    "question_pairs", "lead_in", "short", "defines_explained",
)
# The second stage adds the sentence's cosine with the question, and how far it is below the
# best cosine among the sentences embedded for this question.
SEMANTIC_FEATURES = (*LEXICAL_FEATURES, "cosine", "cosine_gap")


@dataclass(frozen=True)
class LinearStage:
    """Standardised features times weights: a score whose softmax over one question's candidates
    is the chance that each one holds the answer."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float = 0.0

    def score(self, features: np.ndarray) -> np.ndarray:
        return ((features - self.mean) / self.scale) @ self.weights + self.bias

    def to_dict(self) -> dict:
        return {"mean": self.mean.tolist(), "scale": self.scale.tolist(), "weights": self.weights.tolist(),
                "bias": self.bias}

    @classmethod
    def from_dict(cls, data: dict) -> LinearStage:
        return cls(np.array(data["mean"]), np.array(data["scale"]), np.array(data["weights"]),
                   float(data.get("bias", 0.0)))


# What the development pool cannot weigh, because its notes (plain encyclopedia paragraphs) and
# crowd questions never show it: exam prompts and questions in the notes ("Analyse the main
# reasons for ...") restate a question rather than answer it, and "explain X" / "What is X?" wants
# the sentence defining X (issue 15), which often calls X by another name ("The GLF was ...") and
# so shares fewer of the question's words. The pool's "What is the capital of ...?" questions are
# not asking for a definition, so these weights are fixed, not learned: the hand-written rules'
# direction, added to the learned score (a logit: +3 is about twenty times the chance).
PRIORS = {"prompt": -3.0, "defines_explained": 3.0}


@dataclass(frozen=True)
class SentenceRanker:
    lexical: LinearStage
    semantic: LinearStage

    def lexical_score(self, features: np.ndarray) -> np.ndarray:
        return self.lexical.score(features) + _prior(features, LEXICAL_FEATURES)

    def semantic_score(self, features: np.ndarray) -> np.ndarray:
        return self.semantic.score(features) + _prior(features, SEMANTIC_FEATURES)

    def to_dict(self) -> dict:
        return {"lexical_features": list(LEXICAL_FEATURES), "semantic_features": list(SEMANTIC_FEATURES),
                "lexical": self.lexical.to_dict(), "semantic": self.semantic.to_dict()}

    @classmethod
    def from_dict(cls, data: dict) -> SentenceRanker:
        if tuple(data["lexical_features"]) != LEXICAL_FEATURES or tuple(data["semantic_features"]) != SEMANTIC_FEATURES:
            raise ValueError("the ranker's weights were fitted on other features; refit them "
                             "(bench/sentence_ranker_fit.py)")
        return cls(LinearStage.from_dict(data["lexical"]), LinearStage.from_dict(data["semantic"]))

    @classmethod
    def load(cls, path: Path) -> SentenceRanker:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _prior(features: np.ndarray, names: tuple[str, ...]) -> np.ndarray:
    return sum(weight * features[..., names.index(name)] for name, weight in PRIORS.items())


@lru_cache(maxsize=1)
def default_ranker() -> SentenceRanker:
    return SentenceRanker.load(WEIGHTS_FILE)


def lexical_features(*, text: str, shown: str, match: float, terms: list[QueryTerm], before: str, after: str,
                     passage_cosine: float, rank: int, position: int, kind: str | None, kind_ok: bool,
                     defines: bool, on_topic: str, prompt: bool, rule_score: float, question: str,
                     in_list: bool) -> list[float]:
    """What the first stage knows of a sentence; `shown` is what the answer would quote (with the
    sentence before it, or its list's lead-in, when it cannot stand alone)."""
    own = set(tokenize(text))
    own_match = match_share(terms, own, set(), 0.0)
    missing = [t for t in terms if not t.found_in(own)]
    total = sum(t.weight for t in terms) or 1.0

    def adds(neighbour: str) -> float:
        # The question's words the sentence lacks but its neighbour holds: the answer is often the
        # sentence right after the one that repeats the question's words.
        stems = set(tokenize(neighbour))
        return sum(t.weight for t in missing if t.found_in(stems)) / total if neighbour else 0.0

    asked = set(tokenize(question))
    shown_stems = tokenize(shown)
    new = [s for s in shown_stems if s not in asked]
    words = len(text.split())
    return [
        match, own_match, adds(before), adds(after), max(passage_cosine, 0.0), 1.0 / (1 + rank),
        float(kind in CHECKED and kind_ok), float(kind in CHECKED and not kind_ok),
        float(kind == REASON and gives_a_cause(text)), float(defines), float(position == 0),
        math.log1p(max(position, 0)), math.log1p(words), len(new) / max(len(shown_stems), 1),
        min(len(new_names(shown, question)), 3) / 3, float(on_topic == "on"), float(on_topic == "off"),
        float(prompt), rule_score, _pairs_share(question, shown), float(in_list), float(words < 5),
        float(defines and kind == EXPLANATION),
    ]


def semantic_features(lexical: list[float], cosine: float, best_cosine: float) -> list[float]:
    return [*lexical, cosine, best_cosine - cosine]


def _pairs_share(question: str, text: str) -> float:
    """Share of the question's adjacent content-word pairs the text also holds in that order:
    the sentence a question was written from keeps its phrases ("purchase land from")."""
    q = tokenize(question)
    pairs = {(a, b) for a, b in zip(q, q[1:])}
    if not pairs:
        return 0.0
    t = tokenize(text)
    return len(pairs & set(zip(t, t[1:]))) / len(pairs)

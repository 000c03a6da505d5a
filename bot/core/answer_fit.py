"""How well the best answer found fits its question: the signals that decide whether to decline it.

A question about another course in the notes' own words ("Who represents the Scottish Parliament
at home and abroad?" on notes of EU law) finds a passage, and a sentence of it that shares a few
words. No one signal tells it from a covered question a student phrased loosely; together they do
better: how close in meaning the passages and the sentence are, how much of the question's weight
(IDF) the sentence, its passage and the passages found carry, how much of it lies in words the notes
never use, and whether the dense and the word search agree on the passage. The decision is one
linear score over them, fitted on half of the development courses and checked on the other half
(`bench/decline_cv.py`); every signal is a share or a cosine, so none depends on how big the notes
are.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass

from bot.core.coverage import NAME_WINDOW, places
from bot.core.lexical import LexicalIndex
from bot.core.query import QueryTerm, match_share
from bot.core.retrieval import Hit
from bot.core.tokens import tokenize

FOUND_PASSAGES = 3  # the passages whose words together count as "found"


@dataclass(frozen=True)
class Fit:
    top_cosine: float  # the closest passage's cosine with the question
    similarity: float  # the first sentence's cosine (the closest passage's when not embedded)
    match: float  # share of the question's weight the first sentence carries
    passage_match: float  # ... its whole passage
    found_match: float  # ... the first passages found, together
    unknown_weight: float  # share of the question's weight in words the notes never use
    kind_ok: float  # 1 when the sentence holds what the question's kind asks for (a date for "when")
    dense_first: float  # 1 when its passage is the dense search's closest
    lexical_first: float  # 1 when its passage is the word search's best
    cosine_gap: float  # the closest passage's cosine less the next one's
    # Share of the question's neighbouring word pairs that stand together in the first sentence's
    # passage (see `phrase_share`); 1 for a question of one content word.
    phrase: float = 1.0

    def vector(self) -> tuple[float, ...]:
        return astuple(self)


def phrase_share(terms: list[QueryTerm], order: list[str], text: str) -> float:
    """Share of the question's neighbouring content words ("primary law", "highest court", "Forest
    remnant") that `text` uses together, a few words apart, in any form of their family or under
    another name of the notes. A question written from a passage reuses its phrases, however it
    rewords the rest; another course's question that shares only single words with the notes
    ("What are the main sources of primary law?" on notes that say "primary legislation" and
    "law" apart) has none of its pairs together there (bench/RESULTS.md 6k). `order` is the
    question's stems in order, words that only ask for a kind left out."""
    by_stem = {t.stem: t for t in terms}
    chain = [s for s in order if s in by_stem]
    pairs = {(a, b) for a, b in zip(chain, chain[1:]) if a != b}
    if not pairs:
        return 1.0
    where: dict[str, list[int]] = {}
    for i, stem in enumerate(tokenize(text)):
        where.setdefault(stem, []).append(i)

    def spots(stem: str) -> list[int]:
        return [i for alt in by_stem[stem].alternatives for i in places(alt, where)]

    together = sum(any(abs(p - q) <= NAME_WINDOW for p in spots(a) for q in spots(b)) for a, b in pairs)
    return together / len(pairs)


def measure_fit(terms: list[QueryTerm], hits: list[Hit], first_hit: Hit, match: float, passage_match: float,
                similarity: float | None, kind_ok: bool, lexical: LexicalIndex, phrase: float = 1.0) -> Fit:
    dense = sorted((h.dense for h in hits), reverse=True)
    found = set()
    for hit in hits[:FOUND_PASSAGES]:
        found |= set(tokenize(hit.chunk.embedding_text()))
    total = sum(t.weight for t in terms)
    unknown = sum(t.weight for t in terms if not any(a in lexical.doc_freq for a in t.alternatives))
    best_dense = max(hits, key=lambda h: h.dense)
    best_lexical = max(hits, key=lambda h: h.lexical)
    return Fit(
        top_cosine=dense[0],
        similarity=similarity if similarity is not None else dense[0],
        match=match,
        passage_match=passage_match,
        found_match=match_share(terms, found, set(), 0.0),
        unknown_weight=unknown / total if total else 0.0,
        kind_ok=float(kind_ok),
        dense_first=float(first_hit.row == best_dense.row),
        lexical_first=float(best_lexical.lexical > 0 and first_hit.row == best_lexical.row),
        cosine_gap=dense[0] - dense[1] if len(dense) > 1 else dense[0],
        phrase=phrase,
    )


def declines(fit: Fit, weights: tuple[float, ...]) -> bool:
    """Whether the linear score (`weights`: intercept, then one per signal of `Fit`) says the
    answer is about something else. No weights: never."""
    if not weights:
        return False
    return weights[0] + sum(w * x for w, x in zip(weights[1:], fit.vector())) > 0

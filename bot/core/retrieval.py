"""Hybrid retrieval: dense (FAISS, cosine) and lexical (BM25) rankings fused by reciprocal rank,
with near-duplicate passages removed. Dense search finds paraphrases; BM25 finds the rare exact
words (names, years) that a small embedding model blurs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from bot.core.abbreviations import OtherNames
from bot.core.documents import Chunk
from bot.core.embedding import Embedder
from bot.core.index_store import LoadedIndex
from bot.core.spelling import NotesVocabulary, correct_spelling
from bot.core.tokens import STOPWORDS, fold, tokenize, word_stems, words
from bot.core.vocabulary_file import vocabulary_of_build

RRF_K = 60
NEAR_DUPLICATE_COSINE = 0.97


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    row: int
    dense: float  # cosine similarity of question and chunk
    lexical: float  # BM25 score (0 when BM25 did not return it)
    fused: float


@dataclass(frozen=True)
class SearchResult:
    question: str
    query_tokens: list[str]
    query_vector: np.ndarray
    hits: list[Hit]
    # The question as asked, before its misspelt words were corrected to the notes' words ("" when
    # no different): a word the notes never use is read from it ("with repquota", not "edquota").
    asked: str = ""


class Retriever:
    def __init__(self, index: LoadedIndex, embedder: Embedder, *, depth: int = 30,
                 names: OtherNames | None = None) -> None:
        self.index = index
        self.embedder = embedder
        self.depth = depth
        # The notes' own other names, and the teacher's list (`names.yaml`) when there is one.
        self.lexical = index.lexical.with_names(names or {})

    @cached_property
    def vocabulary(self) -> NotesVocabulary:
        """The notes' words, for reading misspelt questions (read from the build on first use; a
        build made before it was stored makes it from the chunks, once)."""
        return vocabulary_of_build(self.index.folder, lambda: (c.embedding_text() for c in self.index.chunks))

    def passages_with(self, stems: list[str], k: int) -> list[str]:
        """The texts of the `k` passages that best match these words (the word search alone)."""
        return [self.index.chunks[row].embedding_text() for row, _ in self.lexical.top(stems, k)]

    @property
    def chunk_count(self) -> int:
        return len(self.index.chunks)

    def search(self, question: str, k: int = 8) -> SearchResult:
        asked = question
        question = correct_spelling(question, lambda: self.vocabulary, lambda stem: stem in self.lexical.doc_freq,
                                    self.embedder.knows_word)
        expanded = self._spell_out(question)
        query_vector = self.embedder.encode_query(expanded)
        tokens = self._lexical_query(expanded)
        dense = self._dense(query_vector)
        lexical = dict(self.lexical.top(tokens, self.depth))
        fused = _reciprocal_rank_fusion([list(dense), list(lexical)])
        hits = self._distinct_hits(fused, dense, lexical, query_vector, k)
        hits = self._with_each_best(hits, fused, dense, lexical, query_vector, tokens)
        return SearchResult(question, tokens, query_vector, hits, asked if asked != question else "")

    def _spell_out(self, question: str) -> str:
        """Add the other names the notes give a word of the question: "When did the GLF end?" is
        also a question about the Great Leap Forward, which headings spell out."""
        lexical = self.lexical
        extra = [o for w in dict.fromkeys(words(question)) if w not in STOPWORDS for o in lexical.other_names(w)]
        return f"{question} ({'; '.join(dict.fromkeys(extra))})" if extra else question

    def _lexical_query(self, question: str) -> list[str]:
        """The question's stems, plus the other names of words the notes never use ("USSR" also
        searches "Soviet Union")."""
        lexical = self.lexical
        stems = []
        for word, stem in word_stems(question):
            stems.append(stem)
            if stem not in lexical.doc_freq:
                stems += [s for other in lexical.other_names(word) for s in tokenize(other)]
        return stems

    def _dense(self, query_vector: np.ndarray) -> dict[int, float]:
        depth = min(self.depth, self.chunk_count)
        if depth == 0:
            return {}
        scores, rows = self.index.vectors.search(query_vector.reshape(1, -1), depth)
        return {int(r): float(s) for r, s in zip(rows[0], scores[0]) if r >= 0}

    def _with_each_best(self, hits: list[Hit], fused: list[tuple[int, float]], dense: dict[int, float],
                        lexical: dict[int, float], query_vector: np.ndarray, tokens: list[str]) -> list[Hit]:
        """The word search's best passage among the hits when it holds a word of the question that no
        hit holds. Fusion by rank gives a passage only one search found half the score of one both
        found: "What is an RRD file?" finds the one passage naming RRD first by words, by far, but
        no passage near in meaning; eight passages about files that both searches rank lower took
        every place, and the notes' answer was never read. It takes the last place."""
        row = _best_of(lexical)
        if not hits or row is None or any(h.row == row for h in hits):
            return hits
        chunk = self.index.chunks[row]
        held = {t for h in hits for t in tokenize(h.chunk.embedding_text())}
        own = set(tokenize(chunk.embedding_text()))
        if not any(t in own and t not in held for t in tokens):
            return hits
        # The dense search's own score when it found the passage; else its vector read back.
        cosine = dense[row] if row in dense else float(self.index.vectors.reconstruct(row) @ query_vector)
        return [*hits[:-1], Hit(chunk, row, cosine, lexical[row], dict(fused)[row])]

    def _distinct_hits(self, fused: list[tuple[int, float]], dense: dict[int, float],
                       lexical: dict[int, float], query_vector: np.ndarray, k: int) -> list[Hit]:
        hits: list[Hit] = []
        kept_vectors: list[np.ndarray] = []
        seen_texts: set[str] = set()
        for row, score in fused:
            chunk = self.index.chunks[row]
            vector = self.index.vectors.reconstruct(row)
            text_key = " ".join(fold(chunk.text).split())
            if text_key in seen_texts or any(float(v @ vector) > NEAR_DUPLICATE_COSINE for v in kept_vectors):
                continue
            seen_texts.add(text_key)
            kept_vectors.append(vector)
            cosine = dense.get(row, float(vector @ query_vector))
            hits.append(Hit(chunk, row, cosine, lexical.get(row, 0.0), score))
            if len(hits) == k:
                break
        return hits


def _best_of(scores: dict[int, float]) -> int | None:
    return max(scores, key=scores.get) if scores else None


def _reciprocal_rank_fusion(rankings: list[list[int]]) -> list[tuple[int, float]]:
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, row in enumerate(ranking):
            scores[row] = scores.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
    return sorted(scores.items(), key=lambda item: -item[1])

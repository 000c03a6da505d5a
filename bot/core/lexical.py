"""Lexical search: BM25 over the stemmed words of `tokens`, with the other names the notes give things."""

from __future__ import annotations

import json
import logging
from functools import cached_property
from pathlib import Path

import numpy as np

from bot.core.abbreviations import OtherNames, merge, mine_other_names
# The tokenizer lives in `tokens`; its names stay importable from here for code written before.
from bot.core.tokens import STOPWORDS, fold, same_family, tokenize, word_stems, words  # noqa: F401


def _import_bm25s():
    import bm25s

    # bm25s sets its own logger to DEBUG on import, which would print every build.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


class LexicalIndex:
    """BM25 over the chunks' embedding texts (heading path + body), with document frequencies kept
    so that other stages can weigh a word by how rare it is in the notes."""

    def __init__(self, retriever, doc_count: int, names: OtherNames | None = None) -> None:
        self._bm25 = retriever
        self.doc_count = doc_count
        self.names = names or {}  # "glf" -> ("great leap forward",), both ways, from the notes
        vocab: dict[str, int] = retriever.vocab_dict
        indptr = retriever.scores["indptr"]
        # bm25s adds an empty token to its vocabulary with no column of its own.
        self.doc_freq = {tok: int(indptr[i + 1] - indptr[i]) for tok, i in vocab.items()
                         if tok and i + 1 < len(indptr)}

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        bm25s = _import_bm25s()

        retriever = bm25s.BM25()
        # Each text's words become ids as they are read: a big corpus holds millions of words, and
        # one small int per word takes a fraction of the memory of its string.
        vocab: dict[str, int] = {}
        # An empty token list would make bm25s drop the document and shift every id after it.
        # bm25s cannot index nothing: notes without documents get one placeholder, and doc_count
        # 0 says there is none (see `top`).
        ids = [[vocab.setdefault(token, len(vocab)) for token in tokenize(t) or ["\x00empty"]] for t in texts]
        if not ids:
            ids = [[vocab.setdefault("\x00empty", 0)]]
        retriever.index((ids, vocab), show_progress=False)
        return cls(retriever, len(texts), mine_other_names(texts))

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder), show_progress=False)
        meta = {"doc_count": self.doc_count, "names": self.names}
        (folder / "lexical.json").write_text(json.dumps(meta))

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        bm25s = _import_bm25s()

        meta = json.loads((folder / "lexical.json").read_text())
        retriever = bm25s.BM25.load(str(folder), show_progress=False, verbosity=0)
        names = {name: tuple(others) for name, others in meta.get("names", {}).items()}
        # Indexes built before other names were mined kept abbreviations only ("glf" -> long form).
        for short, long in meta.get("abbreviations", {}).items():
            names = merge(names, {short: (long,), long: (short,)})
        return cls(retriever, int(meta["doc_count"]), names)

    def with_names(self, extra: OtherNames) -> "LexicalIndex":
        """The same index, also knowing a teacher's list of other names."""
        if not extra:
            return self
        combined = LexicalIndex.__new__(LexicalIndex)
        combined.__dict__.update(self.__dict__)
        combined.names = merge(self.names, extra)
        return combined

    @cached_property
    def stems_by_head(self) -> dict[str, tuple[str, ...]]:
        """The notes' stems of five letters or more, by their first five: where `tokens.same_family`
        can find a stem's family without reading every stem of the notes (made on first use)."""
        heads: dict[str, list[str]] = {}
        for stem in self.doc_freq:
            if len(stem) >= 5:
                heads.setdefault(stem[:5], []).append(stem)
        return {head: tuple(stems) for head, stems in heads.items()}

    def other_names(self, name: str) -> tuple[str, ...]:
        """Other ways the notes (or the teacher's list) name what `name` (folded words) names."""
        return self.names.get(name, ())

    def idf(self, token: str) -> float:
        """Rarity of a stemmed word; a word absent from the notes is rarest of all."""
        df = self.doc_freq.get(token, 0)
        return float(np.log(1 + (self.doc_count - df + 0.5) / (df + 0.5)))

    def top(self, query_tokens: list[str], k: int) -> list[tuple[int, float]]:
        known = [t for t in query_tokens if t in self.doc_freq]
        if not known or self.doc_count == 0:
            return []
        scores = self._bm25.get_scores(known)
        k = min(k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best])]
        return [(int(i), float(scores[i])) for i in best if scores[i] > 0]

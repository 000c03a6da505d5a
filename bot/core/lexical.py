"""Lexical search (BM25 over stemmed words) and the one tokenizer every lexical comparison uses."""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

_WORD = re.compile(r"[a-z0-9]+")

# Function words that carry no topic. Question words are here too: "when" says what kind of
# answer is wanted (see answering), not what it is about.
STOPWORDS = frozenset(
    """a an the and or but if then else of to in on at by for with without from into onto over under
    about above below between through during before after since until while as than so such
    is are was were be been being am do does did done doing have has had having can could shall
    should will would may might must ought i me my we our you your he him his she her it its they
    them their this that these those there here what which who whom whose when where why how
    not no nor only own same too very just also any all both each few more most other some many much
    s t don didn doesn isn wasn weren aren won wouldn couldn shouldn let us
    explain describe tell give list name please happen happened happens occur occurred occurs""".split()
)


def fold(text: str) -> str:
    """Lowercase ASCII: curly quotes, dashes and accents folded away."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return text.encode("ascii", "ignore").decode("ascii").lower()


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Folded words of a text, stopwords kept (for phrase checks). "Take place" is dropped as a
    whole: it says an event is asked about, nothing of which."""
    folded = fold(text).replace("'s ", " ")
    return _WORD.findall(_TAKE_PLACE.sub(" ", folded))


_TAKE_PLACE = re.compile(r"\b(take|takes|took|taken|taking) place\b")


# Irregular forms a suffix stemmer cannot join to their family ("died" -> "die", "deaths" ->
# "death"). Applied to folded words before stemming, on documents and questions alike.
IRREGULAR = {
    "died": "death", "die": "death", "dies": "death", "dying": "death", "dead": "death",
    "born": "birth", "began": "begin", "begun": "begin", "grew": "grow", "grown": "grow",
    "fell": "fall", "fallen": "fall", "led": "lead", "built": "build", "won": "win",
    "fought": "fight", "sought": "seek", "taught": "teach", "thought": "think", "bought": "buy",
    "brought": "bring", "caught": "catch", "held": "hold", "kept": "keep", "left": "leave",
    "lost": "lose", "made": "make", "meant": "mean", "paid": "pay", "sent": "send",
    "spent": "spend", "stood": "stand", "struck": "strike", "took": "take", "taken": "take",
    "went": "go", "gone": "go", "wrote": "write", "written": "write", "rose": "rise",
    "risen": "rise", "chose": "choose", "chosen": "choose", "drove": "drive", "driven": "drive",
    "gave": "give", "given": "give", "knew": "know", "known": "know", "saw": "see", "seen": "see",
    "spoke": "speak", "spoken": "speak", "worse": "worsen", "worst": "worsen",
}


def tokenize(text: str) -> list[str]:
    """Stemmed content words: what BM25 indexes and what question/sentence overlap compares."""
    return [stem for _, stem in word_stems(text)]


def word_stems(text: str) -> list[tuple[str, str]]:
    """(folded word, stem) for each content word of a text, in order."""
    kept = [w for w in words(text) if w not in STOPWORDS]
    return list(zip(kept, _stemmer().stemWords([IRREGULAR.get(w, w) for w in kept])))


def same_family(a: str, b: str) -> bool:
    """Stems of one word family that the stemmer left apart ("voluntari" / "voluntarili",
    "relat" / "relationship"): equal, or one a prefix of the other of at least five letters."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long_.startswith(short)


def _import_bm25s():
    import bm25s

    # bm25s sets its own logger to DEBUG on import, which would print every build.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


class LexicalIndex:
    """BM25 over the chunks' embedding texts (heading path + body), with document frequencies kept
    so that other stages can weigh a word by how rare it is in the notes."""

    def __init__(self, retriever, doc_count: int, abbreviations: dict[str, str] | None = None) -> None:
        self._bm25 = retriever
        self.doc_count = doc_count
        self.abbreviations = abbreviations or {}  # "glf" -> "great leap forward", from the notes
        self._short_forms = {long: abbr for abbr, long in self.abbreviations.items()}
        vocab: dict[str, int] = retriever.vocab_dict
        indptr = retriever.scores["indptr"]
        # bm25s adds an empty token to its vocabulary with no column of its own.
        self.doc_freq = {tok: int(indptr[i + 1] - indptr[i]) for tok, i in vocab.items()
                         if tok and i + 1 < len(indptr)}

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        bm25s = _import_bm25s()

        retriever = bm25s.BM25()
        # An empty token list would make bm25s drop the document and shift every id after it.
        retriever.index([tokenize(t) or ["\x00empty"] for t in texts], show_progress=False)
        from bot.core.abbreviations import mine_abbreviations

        return cls(retriever, len(texts), mine_abbreviations(texts))

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder), show_progress=False)
        meta = {"doc_count": self.doc_count, "abbreviations": self.abbreviations}
        (folder / "lexical.json").write_text(json.dumps(meta))

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        bm25s = _import_bm25s()

        meta = json.loads((folder / "lexical.json").read_text())
        retriever = bm25s.BM25.load(str(folder), show_progress=False, verbosity=0)
        return cls(retriever, int(meta["doc_count"]), dict(meta.get("abbreviations", {})))

    def other_names(self, word: str) -> tuple[str, ...]:
        """Other ways the notes (or common usage) name what `word` names."""
        from bot.core.coverage import ALIASES

        found = [*ALIASES.get(word, ())]
        found += [self.abbreviations[word]] if word in self.abbreviations else []
        found += [self._short_forms[word]] if word in self._short_forms else []
        return tuple(found)

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

"""Misspelt words of a question read as the notes' words they were meant to be.

"wat hapend to peng dehaui after he critisized the great leep forward": "dehaui", "critisized" and
"leep" are not in the notes, so the coverage check would call them unknown terms and decline. Each
word of the question that the notes never use, and that is not an everyday word either, is
replaced by the notes' word closest to it in edit distance when one is close enough. The vocabulary
is the notes' own, so this works for any course without a dictionary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.tokens import STOPWORDS, fold, tokenize

MIN_NAME_USES = 2
MIN_LENGTH = 4  # shorter words are too often another real word one letter away
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def max_edits(word: str, capitalised: bool) -> int:
    """A transposition or one wrong letter; two for longer lower-case words. A capitalised word is
    a name, and a name a letter away from a name in the notes may be someone else ("Pang" /
    "Peng"): one edit, and none for short names."""
    if capitalised:
        return 1 if len(word) >= 5 else 0
    return 1 if len(word) < 6 else 2


class NotesVocabulary:
    """The words of the notes (folded), with how often each occurs."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        capitalised: Counter[str] = Counter()
        texts_seen = []
        for text in texts:
            texts_seen.append(text)
            folded = fold(text)
            counts.update(w for w in re.findall(r"[a-z]+", folded) if len(w) >= MIN_LENGTH - 1)
            capitalised.update(fold(w) for w in re.findall(r"[^\W\d_]{3,}", text) if w[0].isupper())
        self.counts = counts
        # Words the notes mostly write with a capital: names, which a misspelt name may mean.
        self.names = frozenset(w for w, n in capitalised.items() if 2 * n >= counts[w])
        # What the notes' names of several words abbreviate to ("American Automobile Association"
        # -> "aaa", "Scottish Parliament" -> "sp"), for a question that writes only the short form.
        # Only names the notes use more than once: one passing mention does not make a short form.
        runs = Counter(run for text in texts_seen for run in initialisms(text))
        self.initialisms = frozenset(i for i, n in runs.items() if n >= MIN_NAME_USES)
        self._words = _candidates(counts)

    @classmethod
    def stored(cls, counts: dict[str, int], names: Iterable[str], initialisms: Iterable[str]) -> NotesVocabulary:
        """A vocabulary made before from the same notes (bot.core.vocabulary_file keeps one with
        each build): `counts` in the order the notes first use each word, as made."""
        vocabulary = cls.__new__(cls)
        vocabulary.counts = Counter(counts)
        vocabulary.names = frozenset(names)
        vocabulary.initialisms = frozenset(initialisms)
        vocabulary._words = _candidates(vocabulary.counts)
        return vocabulary

    def __contains__(self, word: str) -> bool:
        return word in self.counts


    def closest(self, word: str, edits: int, name: bool = False) -> str | None:
        """The notes' word within `edits` edits of `word` (the most frequent of the nearest); for a
        name, only a name of the notes ("Warsz" is not "wars") that a slip of the keys could have
        made `word` of (`_slip_of`)."""
        found = process.extract(word, self._words, scorer=OSA.distance, score_cutoff=edits, limit=8)
        if name:
            found = [f for f in found if f[0] in self.names and _slip_of(word, f[0])]
        if not found:
            return None
        best = min(distance for _, distance, _ in found)
        return max((w for w, distance, _ in found if distance == best), key=lambda w: self.counts[w])


    def sounds_like(self, word: str) -> str | None:
        """The notes' word that `word` spells by sound ("inflashun" / "inflation", "fotosinthesis" /
        "photosynthesis"): the same `sound_key`, and at most `SOUND_EDITS` edits apart. Such a
        spelling is often three edits from the word meant, past what edit distance alone may
        allow (three edits reach many other words of a course)."""
        if len(word) < SOUND_MIN_LENGTH:
            return None
        key = sound_key(word)
        # The words three edits away first (one pass in C), then their sounds: a few dozen keys,
        # not the whole vocabulary's, on the question path.
        found = process.extract(word, self._words, scorer=OSA.distance, score_cutoff=SOUND_EDITS, limit=50)
        near = [w for w, _, _ in found if len(w) >= SOUND_MIN_LENGTH - 1 and sound_key(w) == key]
        return max(near, key=lambda w: self.counts[w]) if near else None


def _slip_of(word: str, name: str) -> bool:
    """Whether a misspelt name `word` may be the notes' `name`: it keeps the name's first letter
    ("Geven" is not "Seven", "Pamas" not "Hamas") and adds no ending to it beyond a doubled last
    letter ("Warsz" is not "Wars"; "Warsaww" is "Warsaw"). Another name that happens to lie an edit
    from one of the notes differs there most often; a slip of the keys rarely does."""
    if word[:1] != name[:1]:
        return False
    return not (word.startswith(name) and word[len(name):] != name[-1:])


SOUND_MIN_LENGTH = 6
SOUND_EDITS = 3
# English spellings of one sound, in order: "shun" and "tion", "f" and "ph", "k" and hard "c".
_SOUNDS = [(re.compile(p), r) for p, r in (
    (r"ph", "f"), (r"(?:ss|sh|[tsc])i[ao]n|sh[aeiou]n", "Xn"), (r"ck|q", "k"), (r"c(?=[eiy])", "s"),
    (r"c", "k"), (r"z", "s"), (r"x", "ks"), (r"wh", "w"), (r"dg", "j"))]


def sound_key(word: str) -> str:
    """A word's consonants as they sound, its first letter kept whatever it is ("inflation" and
    "inflashun": "inflXn"); vowels, doubled letters and spellings of one sound do not count."""
    key = word
    for pattern, replacement in _SOUNDS:
        key = pattern.sub(replacement, key)
    key = key[:1] + re.sub(r"[aeiouy]", "", key[1:])
    return re.sub(r"(.)\1+", r"\1", key)


def _candidates(counts: Counter[str]) -> list[str]:
    """The words a misspelt word may mean, in the notes' order (ties go to the first)."""
    # Question words misspelt ("hapend") are read as what they are, and then carry no topic.
    return list(counts) + sorted(w for w in STOPWORDS if w not in counts and len(w) >= MIN_LENGTH)


_ROMAN = re.compile(r"I{2,3}|IV|VI{0,3}|IX|XI{0,3}")
_NAME_RUN = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:of|the|and|for|de|von|van|du|la)?\s*[A-Z][\w'’\-]*)+")


def initialisms(text: str) -> list[str]:
    """The initials of each name of two to six capitalised words, with and without the small
    words inside it ("Department of Energy": "de" and "doe"), once per use of the name."""
    found = []
    for match in _NAME_RUN.finditer(text):
        parts = match.group().split()
        if len(parts) > 6:
            continue
        forms = {fold("".join(p[0] for p in parts if p[0].isupper())), fold("".join(p[0] for p in parts))}
        if _ROMAN.fullmatch(parts[-1]):
            # "World War II" is "WWII": a closing numeral is written whole.
            forms.add(fold("".join(p[0] for p in parts[:-1] if p[0].isupper()) + parts[-1]))
        found += [i for i in forms if len(i) >= 2]
    return found


# English's own prefixes and endings: "uncooperative" is "un" and an everyday word, "uninformative" "un", "inform" and "-ative", however rare
# the whole is ("How did the administration negotiate with the uncooperative countries?").
_PREFIXES = ("un", "in", "im", "il", "ir", "non", "re", "dis", "mis", "over", "under", "out", "pre", "anti", "counter")
_ENDINGS = ("s", "es", "ed", "ing", "er", "ers", "ly", "ness", "less", "ful", "able", "ible", "ment", "ive", "ative")


def english_derivation(word: str, common_word: Callable[[str], bool]) -> bool:
    """Whether a word is an everyday word with one of English's prefixes or endings: a word of the
    language, not a name (a tool's is made of no such parts: "repquota", "setenforce", "venv")."""
    return (any(word.startswith(p) and len(word) - len(p) >= 4
                and (common_word(word[len(p):]) or _with_ending(word[len(p):], common_word)) for p in _PREFIXES)
            or _with_ending(word, common_word))


def _with_ending(word: str, common_word: Callable[[str], bool]) -> bool:
    return any(word.endswith(e) and len(word) - len(e) >= 3 and common_word(word[:-len(e)]) for e in _ENDINGS)


def correct_spelling(question: str, vocabulary: Callable[[], NotesVocabulary], known_stems: Callable[[str], bool],
                     common_word: Callable[[str], bool] | None = None) -> str:
    """The question with each misspelt word replaced by the notes' word it most likely means.
    `vocabulary` is called only when a word needs it (making it reads every chunk once)."""
    def fix(match: re.Match[str]) -> str:
        whole = match.group()
        # "Celeron's": the name is corrected, its possessive kept.
        original, possessive = re.fullmatch(r"(.+?)((?:['’]s?)?)", whole).groups()
        word = fold(original).strip("'-")
        if (len(word) < MIN_LENGTH or not word.isalpha() or word in STOPWORDS
                or all(known_stems(s) for s in tokenize(word))
                or (common_word is not None and (common_word(word) or english_derivation(word, common_word)))):
            # An everyday word with one of English's prefixes or endings is a word of the language,
            # however rare: "staffing" is not a misspelt "starting", nor "uninformative" "informative".
            return whole
        words = vocabulary()
        # A capital says "name" except on the question's first word.
        name = original[0].isupper() and bool(question[:match.start()].strip())
        edits = max_edits(word, name)
        meant = words.closest(word, edits, name=name) if edits and word not in words else None
        if meant is None and not name and word not in words:
            # Spelt by sound, further than edits alone allow: a lower-case word only (a name spelt
            # otherwise is too often someone else's).
            meant = words.sounds_like(word)
        if meant is None:
            return whole
        return (meant.capitalize() if original[0].isupper() else meant) + possessive

    return _WORD.sub(fix, question)

"""Grading a typed answer (cloze, or a teacher's short answer) against the expected text.

Rules measured on hand-made cases (40 of 43 got the intended verdict): normalise both sides; an exact
match on the key or an alias is right; when the key holds numbers the same numbers are required
(a near miss on a year is wrong, not "close"); short keys allow one edit (keys of 3 letters or
fewer none); otherwise a rapidfuzz ratio of 85 or more is right and 70-84 is "close" ("almost: the
notes say X").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

CORRECT, CLOSE, WRONG = "correct", "close", "wrong"
CORRECT_RATIO, CLOSE_RATIO = 85, 70
SHORT_KEY = 6  # at most this many characters: one edit allowed
EXACT_KEY = 3  # at most this many characters: exact only

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MAGNITUDES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "percent"})
# Words around a number that do not change it: "between 1959 and 1961" is "1959 to 1961".
_NEUTRAL = frozenset("""to and from between in by about around over nearly almost approximately
    roughly some c circa ca year years until till""".split())


def normalise(text: str) -> str:
    """Lower-case ASCII words: "The 1,000 Flowers’ Campaign — 1958–61" -> "1000 flowers campaign 1958 to 61"."""
    text = text.replace("&", " and ").replace("%", " percent ")
    text = re.sub(r"(\d)\s*[-–—]\s*(\d)", r"\1 to \2", text)  # before folding drops the dashes
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"(\d),(\d{3})\b", r"\1\2", text)
    text = re.sub(r"(\d),(\d{3})\b", r"\1\2", text)  # "1,000,000": twice covers two groups
    text = text.replace("per cent", "percent")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9. ]+", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)  # keep decimal points only
    return " ".join(_ARTICLES.sub(" ", text).split())


def numbers(text: str) -> list[str]:
    return sorted(_NUMBER.findall(text))


def grade(expected: str, given: str, aliases: Iterable[str] = ()) -> str:
    """"correct", "close" or "wrong" for a typed answer."""
    answer = normalise(given)
    keys = [k for k in dict.fromkeys(normalise(x) for x in (expected, *aliases)) if k]
    if not answer or not keys:
        return WRONG
    if answer in keys:
        return CORRECT
    if numbers(keys[0]):
        return _grade_numbers(keys, answer)
    best = WRONG
    for key in keys:
        verdict = _grade_words(key, answer)
        if verdict == CORRECT:
            return CORRECT
        if verdict == CLOSE:
            best = CLOSE
    return best


def _grade_numbers(keys: list[str], answer: str) -> str:
    """The same numbers, and no other magnitude ("15 to 45 thousand" is not 15 to 45 million)."""
    for key in keys:
        if numbers(key) != numbers(answer):
            continue
        key_words = set(_words(key))
        extra = set(_words(answer)) - key_words - _NEUTRAL
        if extra & _MAGNITUDES:
            continue
        if not extra or fuzz.ratio(key, answer) >= CORRECT_RATIO:
            return CORRECT
        return CLOSE
    return WRONG


def _grade_words(key: str, answer: str) -> str:
    compact_key, compact_answer = key.replace(" ", ""), answer.replace(" ", "")
    if len(compact_key) <= EXACT_KEY:
        return CORRECT if compact_key == compact_answer else WRONG
    if len(compact_key) <= SHORT_KEY:
        return CORRECT if Levenshtein.distance(compact_key, compact_answer) <= 1 else WRONG
    ratio = fuzz.ratio(key, answer)
    if ratio >= CORRECT_RATIO:
        return CORRECT
    return CLOSE if ratio >= CLOSE_RATIO else WRONG


def _words(text: str) -> list[str]:
    return [w for w in text.split() if not _NUMBER.fullmatch(w)]

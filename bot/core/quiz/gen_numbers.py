"""Years and numbers in a sentence, and wrong years that can never be right.

A wrong year must be wrong under every reading of the sentence: it is the true year shifted by 3
to 6 (one year off is too often defensible: school years, "late 1958"), a range moves as a whole
by more than its own length so the periods never overlap, and a year after "by", "before",
"since" and the like is never shifted at all ("By 1960, the Soviets withdrew" stays true of 1961,
and says nothing false of 1957 either). Such years become cloze items only.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

EXACT, BOUND, VAGUE = "exact", "bound", "vague"
SHIFTS = (-6, -5, -4, -3, 3, 4, 5, 6)

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_YEAR_KEY = re.compile(
    rf"(?<![\w.,/-])({_YEAR})(?:(\s*(?:–|—|-|\bto\b|\band\b)\s*)({_YEAR}))?(?![\w%/]|[.,]\d)")
_BOUND_BEFORE = re.compile(r"\bby(\s+the\s+(end|start|beginning|middle)\s+of)?\s*$", re.IGNORECASE)
_VAGUE_BEFORE = re.compile(
    r"\b(before|after|since|until|till|around|about|circa|c\.|approximately|roughly|early|late|"
    r"mid|mid-|from|through|throughout|during|within)\s*$", re.IGNORECASE)
# Words that say "within this period": vague before one year, exact before a whole range.
_RANGE_OPENERS = re.compile(r"\b(from|between|during|through|throughout)\s*$", re.IGNORECASE)
_VAGUE_AFTER = re.compile(r"^\s*(onwards?|and after|or so|or later|or earlier|at the latest)\b",
                          re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)(%|\s?per\s?cent\b)")
_MAGNITUDE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?(?:\s*(?:to|–|-)\s*\d+(?:[.,]\d+)?)?)\s+(thousand|million|billion)\b")


@dataclass(frozen=True)
class NumberKey:
    text: str  # exactly as in the sentence
    start: int
    end: int
    kind: str  # "year" | "percent" | "count"
    cue: str  # EXACT | BOUND | VAGUE (how the sentence pins the value down)
    years: tuple[int, ...] = ()
    joiner: str = ""  # the text between the two years of a range ("–", " and ")

    def shifted(self, shift: int) -> str:
        if len(self.years) == 2:
            return f"{self.years[0] + shift}{self.joiner}{self.years[1] + shift}"
        return str(self.years[0] + shift)

    def valid_shifts(self) -> list[int]:
        span = self.years[-1] - self.years[0] if self.years else 0
        return [s for s in SHIFTS if abs(s) > span]


def year_keys(sentence: str) -> list[NumberKey]:
    keys = []
    for m in _YEAR_KEY.finditer(sentence):
        years = (int(m.group(1)),) + ((int(m.group(3)),) if m.group(3) else ())
        if len(years) == 2 and not years[0] < years[1]:
            continue  # "1961 and 1959" is two facts, not a period
        before, after = sentence[:m.start()], sentence[m.end():]
        if _BOUND_BEFORE.search(before):
            cue = BOUND
        elif len(years) == 2 and _RANGE_OPENERS.search(before) and not _VAGUE_AFTER.search(after):
            cue = EXACT
        elif _VAGUE_BEFORE.search(before) or _VAGUE_AFTER.search(after):
            cue = VAGUE
        else:
            cue = EXACT
        keys.append(NumberKey(m.group(0), m.start(), m.end(), "year", cue, years, m.group(2) or ""))
    return keys


def quantity_keys(sentence: str) -> list[NumberKey]:
    """Percentages and counts in thousands/millions: cloze keys only (a shifted estimate is too
    often still within what a source would call right)."""
    keys = [NumberKey(m.group(0), m.start(), m.end(), "percent", VAGUE) for m in _PERCENT.finditer(sentence)]
    keys += [NumberKey(m.group(0), m.start(), m.end(), "count", VAGUE) for m in _MAGNITUDE.finditer(sentence)]
    return sorted(keys, key=lambda k: k.start)


def years_in(text: str) -> set[int]:
    return {int(y) for y in re.findall(rf"(?<!\d){_YEAR}(?!\d)", text)}


def year_distractors(key: NumberKey, rng: random.Random, forbidden: set[int], count: int = 3) -> list[str]:
    """Up to `count` wrong years (or periods) of the key's form; none shares a year with the key,
    none occurs in `forbidden` (the sentence and its context)."""
    shifts = [s for s in key.valid_shifts() if not ({y + s for y in key.years} & forbidden)]
    chosen = rng.sample(shifts, min(count, len(shifts)))
    return [key.shifted(s) for s in sorted(chosen)]


def aliases_for(key: NumberKey) -> tuple[str, ...]:
    """Other ways a student may type the same value (grading also compares the numbers)."""
    if key.kind == "year" and len(key.years) == 2:
        a, b = key.years
        return tuple(dict.fromkeys(v for v in (f"{a}-{b}", f"{a} to {b}", f"{a}–{b}", f"{a} and {b}")
                                   if v != key.text))
    if key.kind == "percent":
        number = re.match(r"[\d.]+", key.text).group()
        return (number, f"{number} percent", f"{number} per cent")
    if key.kind == "count":
        return (key.text.replace(" to ", "-"), key.text.replace(" to ", "–"))
    return ()

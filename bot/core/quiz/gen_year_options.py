"""Wrong years for a multiple choice year item that give the answer away by nothing but the event.

Round 9's year items drew three shifts of 3-6 years at random, and two of the judges' complaints were
of the shape of the options, not of the event: "1698" among 1701, 1702 and 1703 (the only
17th-century year: borderline), "1328" among 1332, 1333 and 1334 (the one option outside the
cluster: dropped, round 8), "1997" among 2001, 1992, 1993 when the stem names "the Scotland Act
1998" the referendum led to (2001 ruled out by the stem: borderline, round 8a). So the four options
here are an even grid around the answer:

- the answer and the wrong years are STEP apart (3 years at least: one year off is too often
  defensible, "late 1958"); the answer's place in the grid is drawn from the item's content, so it is
  first, last or between equally often and its spacing never singles it out;
- no option stands alone on its side of a century ("1698" among 1701-1707);
- no year the stem states lies between the answer and a wrong year (the stem would rule it out);
- no wrong year is one the stem states, and a period moves as a whole, never overlapping itself.

A wider step is tried only when no place of the answer in the narrower grid passes; with none, no
options (the item is not made rather than made with a give-away).
"""

from __future__ import annotations

import random
from collections import Counter

from bot.core.quiz.gen_numbers import NumberKey

STEPS = (3, 4, 5)  # years between neighbouring options, narrowest first


def year_options(key: NumberKey, rng: random.Random, stated: set[int], count: int = 3) -> list[str]:
    """`count` wrong years (or periods) for `key`, the years of the stem (`stated`) left out and not
    straddled. Empty when no grid passes."""
    span = key.years[-1] - key.years[0]
    places = list(range(count + 1))
    rng.shuffle(places)
    for step in STEPS:
        if step <= span:
            continue  # a period moved by less than its length overlaps itself
        for place in places:
            shifts = [step * (j - place) for j in range(count + 1) if j != place]
            if _fair(key, shifts, stated):
                return [key.shifted(s) for s in shifts]
    return []


def _fair(key: NumberKey, shifts: list[int], stated: set[int]) -> bool:
    first, last = key.years[0], key.years[-1]
    others = set(stated) - set(key.years)
    for shift in shifts:
        moved = {y + shift for y in key.years}
        if moved & stated:
            return False
        low, high = (last, first + shift) if shift > 0 else (last + shift, first)
        if any(low < y < high for y in others):
            return False  # "Following a referendum in ___ ... the Scotland Act 1998": not 2001
    centuries = Counter((first + s) // 100 for s in [0, *shifts])
    return all(n >= 2 for n in centuries.values())

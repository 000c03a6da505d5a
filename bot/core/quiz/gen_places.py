"""Which places of the notes are towns and which hold others, read from how the notes write them, so
a city is never offered among countries (judges dropped "Bolzano" among states, "Beijing" among
provinces, "New Orleans" beside "Great Britain").

A place is *inner* (a town, a city, a fort) when the notes write "the city of X", "X City", "the town
of X", "the port of X", or "X, Y" with Y another place of the notes ("Dijon, France"); it is *outer*
when the notes write "Z, X" with Z another place, or "the country/kingdom/province/state of X". Most
places get no level: nothing in the notes says which they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

INNER, OUTER = "inner", "outer"
_INNER_BEFORE = r"(?:city|town|village|port|fort|fortress|settlement|capital|suburb|district)\s+of\s+"
_OUTER_BEFORE = r"(?:country|kingdom|province|state|empire|republic|region|colony|island|islands)\s+of\s+"
_INNER_AFTER = r"\s+(?:City|city|town)\b"


# A title before a "place" makes it a person's name ("the Duke of Newcastle", "Lord Loudoun"): English
# forms of address, not any course's words.
_TITLE_BEFORE = (r"(?:Lord|Lady|Duke|Duchess|Earl|Marquis|Marquess|Count|Countess|Baron|Viscount|General|Governor|"
                 r"Admiral|Sir|King|Queen|Prince|Princess|Emperor|Bishop)\s+(?:of\s+)?(?:the\s+)?")


@dataclass
class PlaceLevels:
    levels: dict[str, set[str]] = field(default_factory=dict)  # place -> {inner, outer}
    nested: set[frozenset[str]] = field(default_factory=set)  # pairs the notes write as "X, Y"
    titled: set[str] = field(default_factory=set)  # also a person's title ("Duke of Newcastle")

    def level(self, place: str) -> str:
        found = self.levels.get(place, set())
        return next(iter(found)) if len(found) == 1 else ""

    def fits_among(self, answer: str, other: str) -> bool:
        """`other` may be offered beside `answer`: not one inside the other, and of the same level
        when the answer's is known; never a town beside a place of unknown level."""
        if frozenset((answer, other)) in self.nested or other in self.titled:
            return False
        mine, theirs = self.level(answer), self.level(other)
        if mine:
            return theirs == mine
        return theirs != INNER


def written_as_town(text: str, name: str) -> bool:
    """The notes write `name` as a town by form: "the city of X", "the port of X", "X City"."""
    quoted = re.escape(name)
    return re.search(rf"\b{_INNER_BEFORE}(?:the\s+)?{quoted}\b|\b{quoted}{_INNER_AFTER}", text) is not None


def place_levels(text: str, places: list[str]) -> PlaceLevels:
    found = PlaceLevels()
    if not places:
        return found
    names = sorted(set(places), key=lambda n: (-len(n), n))  # longest first; a tie by the text, not set (hash) order
    alternation = "|".join(re.escape(n) for n in names)
    for name in names:
        quoted = re.escape(name)
        if written_as_town(text, name):
            found.levels.setdefault(name, set()).add(INNER)
        if re.search(rf"\b{_OUTER_BEFORE}(?:the\s+)?{quoted}\b", text):
            found.levels.setdefault(name, set()).add(OUTER)
        if re.search(rf"\b{_TITLE_BEFORE}{quoted}\b", text):
            found.titled.add(name)
    for match in re.finditer(rf"\b({alternation}),\s+({alternation})\b(?!,\s+(?:and\s+)?(?:{alternation}))", text):
        inner, outer = match.group(1), match.group(2)
        before = text[max(0, match.start() - 2):match.start()]
        if inner == outer or before.endswith(", "):
            continue  # "France, Germany, Italy": a list, not a town in its country
        found.nested.add(frozenset((inner, outer)))
        found.levels.setdefault(inner, set()).add(INNER)
        found.levels.setdefault(outer, set()).add(OUTER)
    return found

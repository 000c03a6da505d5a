"""An English plural folded to its singular by the word's form, for comparing words the notes write
in either number ("Cations" and "cation", "processes" and "process") where no parse is at hand (a
glossary term as a string). Cutting every final s ("process" -> "proce") folds a singular that ends in
s as if it were a plural, and leaves "processes" apart from "process".
"""

from __future__ import annotations

import re

# A word ending in s that is no plural by its form: "glass", "status", "analysis", "physics".
SINGULAR_ENDINGS = ("ss", "us", "is", "ics")
_ES_PLURAL = re.compile(r"(?:ss|x|z|ch|sh)es$")  # "processes", "boxes", "branches": the plural added "es"


def singular(word: str) -> str:
    """`word` (lower case) without its plural ending: "ions" -> "ion", "processes" -> "process",
    "theories" -> "theory"; a word no plural by its form stays as it is ("process", "status", "physics")."""
    if not word.endswith("s") or word.endswith(SINGULAR_ENDINGS):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if _ES_PLURAL.search(word):
        return word[:-2]
    return word[:-1]

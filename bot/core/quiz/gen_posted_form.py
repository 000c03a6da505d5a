"""Two faults of an item's final wording, whatever template made it (round 18, held-out set 8).

- A word cut from a hyphenated one: "Why is a pre very demanding for apt?" of "A pre-dependency is very
  demanding for apt, because ..." (dropped: "a broken fragment ... a student cannot tell what is asked").
  The parser splits "pre-dependency" into three tokens and a template that takes a phrase's head may keep
  only the first. A prompt word the source writes only joined to the next by a hyphen, and the prompt
  never joins, is such a cut.
- A one-word answer built from a word of the question: "Which module offers more sophisticated control
  over printing ...?" -> pprint; "... tracking objects without creating a reference?" -> weakref (both
  borderline: "the stem's 'printing' gives away 'pprint'"). Names of code are often made of shortened
  words (weak+ref, p+print): a stem word's first four letters inside the answer, or its first three at
  the answer's start or end, while no wrong option holds them, lets a student pick the answer by its
  letters. gen_standalone.gives_away reads whole words (and five-letter stems) and misses these.

Both are read from the item's text alone (no table of words): they hold for any notes.
"""

from __future__ import annotations

import re

from bot.core.tokens import STOPWORDS, fold

_WORD = re.compile(r"[A-Za-z]+")


def cut_word(prompt: str, quote: str) -> str:
    """The prompt word the source writes only as the first part of a hyphenated word, or ""."""
    for word in set(_WORD.findall(prompt)):
        joined = re.findall(rf"(?<![\w-]){re.escape(word)}(-?)(?=\w|\b)", quote)
        if joined and all(j == "-" for j in joined) and not re.search(rf"(?<![\w-]){re.escape(word)}-\w", prompt):
            return word
    return ""


def answer_spelled_by_stem(prompt: str, answer: str, options: tuple[str, ...] | list[str]) -> str:
    """The stem word whose letters a one-word answer is built from (and no wrong option), or "". Not for
    a true/false item: its prompt opens "True or false?", which spells both options."""
    key = fold(answer.strip())
    if sorted(fold(o) for o in options) == ["false", "true"]:
        return ""
    if not key or " " in key or len(key) < 4:
        return ""
    wrong = [fold(o) for o in options if fold(o) != key]
    words = sorted({fold(w) for w in _WORD.findall(prompt)} - STOPWORDS)
    for size in (4, 3):  # four letters anywhere first ("print" in pprint), then three at an end ("ref" of weakref)
        for word in words:
            piece = word[:size]
            if len(word) < 4 or piece not in key or size == 3 and not (key.startswith(piece) or key.endswith(piece)):
                continue
            if not any(piece in w for w in wrong):
                return word
    return ""

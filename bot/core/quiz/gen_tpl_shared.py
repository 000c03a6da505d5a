"""What the generator (generator.py) and its template mixins (gen_tpl_*.py) share: the blank of a cloze or
choice stem, the quality cut-off and a card's quality, the counts that say the notes return to a name, the
content-seeded random choice and an item's explanation in the notes' own words. Moved here out of generator.py
unchanged (a mixin module cannot import generator.py, which imports it)."""

from __future__ import annotations

import hashlib
import random

from bot.core.quiz.gen_text import Sentence


BLANK = "_____"
QUALITY_CUTOFF = 0.7  # a name or year question on a sentence that needs its context falls below
# Cards with a question turned out of the sentence: kept by the judges far more often than a name or
# year asked as multiple choice (RESULTS 8.1-8.2), so on the same sentence the card is preferred.
CARD_QUALITY = 0.83

FAMILIAR_TERM_COUNT = 5  # a noun the notes use this often needs no introduction after "the"

MIN_NAMED_PASSAGES = 2  # "What is X?" of a named thing: X is met in this many passages of the notes


def _rng(*parts: str) -> random.Random:
    """A generator seeded by content: no global randomness, same input, same choices."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _from_notes(s: Sentence) -> str:
    return f"The notes: “{s.notes_text or s.text}”"  # their own words, not the stem's full names

"""Which other sentence of the notes says a sentence's fact again, read from one index of the notes
built on first use (the generator asks of many sentences; each used to scan every sentence of the notes):

- the same verb of the same subject ("The thylakoid membranes contain ..." and "The thylakoid membrane
  contains four ... complexes"): a card keyed to one object has the other for a second answer;
- an abbreviation's long form ("CAM stands for crassulacean acid metabolism"): "What is CAM?" keyed to a
  description of it is fairly answered by the long form too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from bot.core.quiz.gen_parse import root_subject

_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{1,7}")
# An abbreviation's run of capitals with "stands for" after it: the same run the generator's abbreviation is
# (not part of a longer word or a hyphened one), so one pass over the notes finds all of them.
_STANDS_FOR = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,7})\s+(?:stands|stood)\s+for\b")


def said_key(doc) -> tuple[str, str, frozenset[str]] | None:
    """What a sentence says of what: its main verb's lemma, its active subject's lemma and that
    subject's modifiers (compounds and adjectives), so singular and plural meet; None without a subject."""
    subject = root_subject(doc, passive=False)
    if subject is None:
        return None
    modifiers = frozenset(c.lemma_.lower() for c in subject.children if c.dep_ in {"compound", "amod"})
    return subject.head.lemma_.lower(), subject.lemma_.lower(), modifiers


class Restatements:
    """The index over the notes' parsed sentences (`docs`: text -> parse, in the notes' order)."""

    def __init__(self, docs: dict) -> None:
        self._docs = docs
        self._by_key: dict[tuple, list] | None = None
        self._spelled: dict[str, list[str]] | None = None

    def said_again(self, doc, tells: Callable[[object], bool]) -> bool:
        """Another sentence of the notes (not this one, nor the same words) has this sentence's verb of
        the same subject and `tells` something (its object says what the subject does)."""
        key = said_key(doc)
        if key is None:
            return False
        if self._by_key is None:
            self._by_key = defaultdict(list)
            for d in self._docs.values():
                found = said_key(d)
                if found is not None:
                    self._by_key[found].append(d)
        return any(d is not doc and d.text != doc.text and tells(d) for d in self._by_key.get(key, ()))

    def spelled_out(self, short: str, sentence: str) -> bool:
        """`short` is an abbreviation (capitals only) whose long form a sentence other than `sentence` gives."""
        if not _ABBREVIATION.fullmatch(short):
            return False
        if self._spelled is None:
            self._spelled = defaultdict(list)
            for text in self._docs:
                for found in _STANDS_FOR.finditer(text):
                    self._spelled[found.group(1)].append(text)
        return any(text != sentence for text in self._spelled.get(short, ()))

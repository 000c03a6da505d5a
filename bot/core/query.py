"""A question as weighted terms: what a sentence must contain to answer it.

Rare words weigh more (IDF). The words of one name ("First Five-Year Plan") share one weight, so
that a long name repeated in many sentences does not outweigh the word that matters ("suffer").
A term is found in a text when its stem, one of its aliases' stems, or a stem of the same family
occurs there.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import cached_property

from bot.core.coverage import named_terms, number_forms
from bot.core.lexical import LexicalIndex
from bot.core.tokens import same_family, tokenize, word_stems, words


@dataclass(frozen=True)
class QueryTerm:
    stem: str
    weight: float
    alternatives: frozenset[str]
    # The stems it is found by (its alternatives, and the stems found of their families), and
    # every stem checked. Answering one question compares its few terms with the same few hundred
    # stems of its passages thousands of times; each stem is checked once (the term lives as long
    # as the question).
    _found: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _checked: set[str] = field(default_factory=set, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._found.update(self.alternatives)

    @cached_property
    def _heads(self) -> frozenset[str]:
        # (A four-letter stem's family is its "-ern" adjective: "west", "western"; see same_family.)
        return frozenset((alt if len(alt) >= 5 else alt + "e")[:5] for alt in self.alternatives if len(alt) >= 4)

    def found_in(self, stems: set[str]) -> bool:
        if not self._found.isdisjoint(stems):
            return True
        if self._checked.issuperset(stems):  # most calls: nothing new to check, and no set made
            return False
        found = False
        heads = self._heads
        for s in set(stems).difference(self._checked):
            self._checked.add(s)
            # Two stems of one family but unequal share their first five letters (same_family).
            if s[:5] in heads and any(same_family(alt, s) for alt in self.alternatives):
                self._found.add(s)
                found = True
        return found


_YES_NO_QUESTION = re.compile(r"\s*(is|are|was|were|does|do|did|can|could|will|would|should|has|have|had)\b", re.I)
_NEGATING_PREFIXES = ("in", "un", "non", "im", "il", "ir")


def query_terms(question: str, lexical: LexicalIndex, ignore: str = "") -> list[QueryTerm]:
    """The question's content words; those of `ignore` (words that only say what kind of answer
    is wanted: "stand for", "what year") are left out."""
    left_out = set(tokenize(ignore))
    group_size: dict[str, int] = {}
    for name in named_terms(question):
        stems = tokenize(name)
        for stem in stems:
            group_size[stem] = max(group_size.get(stem, 1), len(stems))
    # A word of a name the notes also call otherwise ("great leap forward" / "GLF") is found
    # where the other name is.
    renamed: dict[str, set[str]] = {}
    for phrase, others in named_phrases(question, lexical):
        for stem in tokenize(phrase):
            renamed.setdefault(stem, set()).update(s for other in others for s in tokenize(other))
    terms: dict[str, QueryTerm] = {}
    asks_yes_or_no = bool(_YES_NO_QUESTION.match(question))
    for word, stem in word_stems(question):
        if stem in terms or stem in left_out:
            continue
        alternatives = {stem} | renamed.get(stem, set()) | number_forms(stem)
        if asks_yes_or_no:
            # "Are wgetrc commands case sensitive?" is answered "Commands are case-, underscore- and
            # minus-insensitive": the notes' word with a negating prefix says whether it is (ans29).
            alternatives |= {p + stem for p in _NEGATING_PREFIXES if len(stem) >= 5 and p + stem in lexical.doc_freq}
        weight = lexical.idf(stem) / group_size.get(stem, 1)
        terms[stem] = QueryTerm(stem, weight, frozenset(alternatives))
    return list(terms.values())


MAX_NAME_WORDS = 6


def named_phrases(question: str, lexical: LexicalIndex) -> list[tuple[str, tuple[str, ...]]]:
    """Runs of the question's words (any case) that the notes or the teacher's list give other
    names for, longest first, with those other names."""
    folded = words(question)
    found, covered = [], set()
    for n in range(min(MAX_NAME_WORDS, len(folded)), 0, -1):
        for start in range(len(folded) - n + 1):
            span = set(range(start, start + n))
            phrase = " ".join(folded[start:start + n])
            others = lexical.other_names(phrase)
            if others and not span & covered:
                found.append((phrase, others))
                covered |= span
    return found


COMMON_SHARE = 0.3  # a name in at least this share of passages is one of the notes' subjects


@dataclass(frozen=True)
class QueryName:
    """A name or number the question is about; a text mentions it when it holds at least half of
    its words (or an alias)."""

    terms: tuple[QueryTerm, ...]
    short_forms: frozenset[str] = frozenset()  # stems of its abbreviation ("glf")
    # The notes' own subject ("China" in notes on China) is named in many passages and left
    # implicit in many sentences: a sentence may answer without repeating it.
    common: bool = False

    def found_in(self, stems: set[str]) -> bool:
        if self.short_forms & stems:
            return True
        return 2 * sum(t.found_in(stems) for t in self.terms) >= len(self.terms)


def query_names(question: str, terms: list[QueryTerm], lexical: LexicalIndex) -> list[QueryName]:
    by_stem = {t.stem: t for t in terms}
    names, seen = [], set()
    phrases = [(" ".join(words(n)), lexical.other_names(" ".join(words(n)))) for n in named_terms(question)]
    for key, others in [*phrases, *named_phrases(question, lexical)]:
        found = tuple(by_stem[s] for s in tokenize(key) if s in by_stem)
        if not found or key in seen:
            continue
        seen.add(key)
        short = frozenset(s for other in others for s in tokenize(other))
        common = all(max(lexical.doc_freq.get(a, 0) for a in t.alternatives) >= COMMON_SHARE * lexical.doc_count
                     for t in found)
        names.append(QueryName(found, short, common))
    return names


def match_share(terms: list[QueryTerm], own: set[str], heading: set[str], heading_credit: float) -> float:
    """Share of the question's weight that a text carries; words only in its heading count less."""
    total = credit = 0.0
    for t in terms:  # a loop, not sum() over generators: this runs for every candidate sentence
        total += t.weight
        if t.found_in(own):
            credit += t.weight
        elif t.found_in(heading):
            credit += heading_credit * t.weight
    return credit / total if total else 0.0

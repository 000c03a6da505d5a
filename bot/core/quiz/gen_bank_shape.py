"""Shaping a document's bank out of every sentence's candidate items: one item per sentence (its best
candidate), one fact one item, no answer asked too often, one who-item per answer and option set, years
within a third of the bank, and concepts favoured over names and years. The generator makes the
candidates (generator._Generator); this module only chooses among them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from bot.core.quiz.gen_deeds import same_actor
from bot.core.quiz.gen_defined import definition_of
from bot.core.quiz.gen_lexicon import ACTOR, CONCEPT_KINDS, DATE
from bot.core.quiz.gen_text import readable_text
from bot.core.quiz.gen_year_worth import YEAR_WORTH_STEP
from bot.core.quiz.items import TRUE_FALSE, QuizItem
from bot.core.tokens import STOPWORDS, fold


# Issue 8: years at most a third of a bank. Version 17 let a note keep one year per 600 words
# besides; round 8 then had 48% years, and its judges' first complaint was incidental years.
MAX_YEAR_SHARE = 1 / 3


# Of two items of about the same worth the bank must choose between, the one alone in its section or
# paragraph group stays (gen_spread): one step of a year's worth, so a turning event's year still
# beats a side event's wherever they stand.
SPREAD_MARGIN = YEAR_WORTH_STEP


MAX_SAME_ANSWER = 1  # one fact, one item: an answer asked twice was the same fact, or a narrower one (round 4)


# ... but a person's (or a body's) different deeds are different facts: "Who expanded the Grand Canal
# ...?" and "Who captured the Song capital of Hangzhou ...?" ask two things of Kublai Khan (sentences
# that state one fact twice are still one item: SAME_FACT_OVERLAP). Two, so one figure does not make
# a bank of its own and is not the answer a student learns to guess: round 11 marked the third "Who
# ...? -> Mao Zedong" of an 8-item bank borderline for that (bench/RESULTS.md 8.25).
MAX_SAME_ACTOR = 2


# Two sentences sharing this share of their content words state one fact (a summary repeating a
# passage, a FAQ repeating a section): one item for both.
SAME_FACT_OVERLAP = 0.6


MIN_SAME_FACT_WORDS = 5  # "the main executive body of the Union" and "the main judicial body of the Union": two facts


CONCEPT_SHARE = 0.3  # at least this share of a bank asks about concepts, when the notes allow...


MIN_WORDS_PER_ITEM = 140  # ...but names and years are not dropped below one item per this many words


@dataclass
class _Candidates:
    """Every acceptable item one sentence (or one flashcard line) could give, best first."""

    quote: str
    document: str
    items: list[QuizItem] = field(default_factory=list)


def _shape_bank(candidates: list[_Candidates], titles: dict[str, str] | None = None,
                lengths: Counter | None = None, groups: dict[str, str] | None = None) -> list[QuizItem]:
    """One item per sentence (its best candidate), no answer more than MAX_SAME_ANSWER times (a
    who-did-what answer MAX_SAME_ACTOR times, one deed an item), and
    years within `_year_limit` of each document: a sentence whose year item must go offers its next
    best item instead; the year items to give way are the weakest, one alone in its part of the notes
    (`groups`, gen_spread) counted SPREAD_MARGIN better. The words of a document's title are in every other
    sentence of it, so they do not make two sentences one fact ("The three sources of European Union
    law ..." and "The main sources of primary law ..." in notes on EU law)."""
    titles, lengths = titles or {}, lengths or Counter()  # lengths: words per document
    choice = {i: 0 for i in range(len(candidates))}
    chosen = lambda i: candidates[i].items[choice[i]]  # noqa: E731
    answers: Counter = Counter()
    prompts: set[str] = set()
    facts: list[tuple[set[str], str]] = []
    for i in range(len(candidates)):
        words = _content_words(candidates[i].quote) - _content_words(titles.get(candidates[i].document, ""))
        # A licence's definitions share their words (""Executable Form" means any form of the work other than
        # Source Code Form" beside ""Covered Software" means Source Code Form ..., the Executable Form of such
        # Source Code Form ..."), yet two sentences defining two quoted terms are two facts (gen_defined).
        defined = definition_of(readable_text(candidates[i].quote) or "")
        term = fold(defined.term) if defined else ""
        if any(_same_fact(words, other) and not (term and other_term and term != other_term)
               for other, other_term in facts):
            choice[i] = len(candidates[i].items)  # one fact, one item: the first telling of it
            continue
        facts.append((words, term))
        # One prompt, one item: "What was X?" made of two sentences about X is one question with two
        # keys (round 10: two cards asked the same, each keyed to its own sentence); a prompt already
        # in the bank gives way to the sentence's next best item.
        while choice[i] < len(candidates[i].items) and (
                _prompt_key(chosen(i)) in prompts or
                answers[fold(chosen(i).answer)] >= _same_answer_limit(chosen(i)) and chosen(i).kind != TRUE_FALSE):
            choice[i] += 1
        if choice[i] < len(candidates[i].items):
            answers[fold(chosen(i).answer)] += 1
            prompts.add(_prompt_key(chosen(i)))
    live = [i for i in choice if choice[i] < len(candidates[i].items)]
    live = _one_who_per_option_set(candidates, choice, live, prompts)
    for document in dict.fromkeys(candidates[i].document for i in live):
        while True:
            of_document = [i for i in live if candidates[i].document == document]
            dates = [i for i in of_document if chosen(i).tests == DATE]
            if len(dates) <= _year_limit(len(of_document), lengths[document]):
                break
            held = Counter(_group(chosen(i), groups) for i in of_document)
            worst = min(dates, key=lambda i: (_spread_worth(chosen(i), held, groups), -i))
            choice[worst] += 1
            while choice[worst] < len(candidates[worst].items) and chosen(worst).tests == DATE:
                choice[worst] += 1
            if choice[worst] >= len(candidates[worst].items):
                live.remove(worst)
    return [chosen(i) for i in live]


def _who_set(item: QuizItem, document: str) -> tuple | None:
    """A who-item with options keyed by its document, answer and option set; None for any other item.
    A who-did-what item on a body or a country ("By the 1840s, which of these had adopted ... free
    trade?" -> Britain) is one too: round 18 judged two such items of one paragraph, the same answer
    among the same four countries, "a near-duplicate"."""
    if not item.options or not (re.match(r"who\b", item.prompt, re.IGNORECASE) or item.tests == ACTOR):
        return None
    return document, fold(item.answer), frozenset(fold(o) for o in item.options)


def _same_who(one: tuple | None, other: tuple | None) -> bool:
    """Two who-items (`_who_set` keys) of one document ask one thing among the same options: the same
    answer and option set, or answers and options that are one actor's names pairwise ("the Secretary"
    and "the Project Secretary", round 21: two items on the Secretary's powers among the same other
    offices, judged near-duplicates)."""
    if one is None or other is None or one[0] != other[0]:
        return False
    if one == other:
        return True

    def same(a: str, b: str) -> bool:
        return a == b or same_actor(re.sub(r"^the ", "", a), re.sub(r"^the ", "", b))

    (_, answer, options), (_, other_answer, other_options) = one, other
    return len(options) == len(other_options) and same(answer, other_answer) \
        and all(any(same(o, p) for p in other_options) for o in options) \
        and all(any(same(p, o) for o in options) for p in other_options)


def _one_who_per_option_set(candidates: list[_Candidates], choice: dict[int, int], live: list[int],
                            prompts: set[str]) -> list[int]:
    """At most one who-item per answer person and option set in a document's bank (round 14: two
    "Who ...? Mao Zedong" among the same four names "repeats that item and adds little"; round 11: "a
    third Who -> Mao from one list"; round 21: one office's two names among the same offices, `_same_who`).
    The one of higher quality stays (the first on a tie); the others' sentences offer their next best
    item that is not such a repeat, or none."""
    chosen = lambda i: candidates[i].items[choice[i]]  # noqa: E731
    best: dict[tuple, int] = {}

    def group(key: tuple | None) -> tuple | None:
        return next((k for k in best if _same_who(k, key)), None)

    for i in live:
        key = _who_set(chosen(i), candidates[i].document)
        if key is None:
            continue
        held = group(key)
        if held is None:
            best[key] = i
        elif chosen(i).quality > chosen(best[held]).quality:
            best[held] = i
    kept = []
    for i in live:
        key = _who_set(chosen(i), candidates[i].document)
        if key is not None and best[group(key)] != i:
            choice[i] += 1
            while choice[i] < len(candidates[i].items) and (
                    group(_who_set(chosen(i), candidates[i].document)) is not None
                    or _prompt_key(chosen(i)) in prompts):
                choice[i] += 1
            if choice[i] >= len(candidates[i].items):
                continue
            prompts.add(_prompt_key(chosen(i)))
        kept.append(i)
    return kept


def _prompt_key(item: QuizItem) -> str:
    """What a student reads as the question: its prompt, folded, without spacing or the closing mark."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(item.prompt)))


def _same_answer_limit(item: QuizItem) -> int:
    """How many items of a bank may have this item's answer, it included."""
    return MAX_SAME_ACTOR if item.tests == ACTOR else MAX_SAME_ANSWER


def _year_limit(items: int, words: int) -> float:
    """Year items a document's bank of `items` may hold: a third of it, at least one. However long the
    document (`words`): its length buys no year item, only the other items do (version 17's one per
    600 words gave round 8 48% years)."""
    return max(1.0, MAX_YEAR_SHARE * items)


def _years_within_share(items: list[QuizItem], words: int, groups: dict[str, str] | None = None) -> list[QuizItem]:
    """The bank of one document with years still within `_year_limit` once the quality cut-off has
    taken other items out: the weakest year items go (one alone in its group counted better), the
    later told first."""
    kept = list(items)
    while True:
        years = [n for n, i in enumerate(kept) if i.tests == DATE]
        if len(years) <= _year_limit(len(kept), words):
            return kept
        held = Counter(_group(i, groups) for i in kept)
        del kept[min(years, key=lambda n: (_spread_worth(kept[n], held, groups), -n))]


def _group(item: QuizItem, groups: dict[str, str] | None) -> str:
    """The item's section or paragraph group (gen_spread); its passage when none is known."""
    chunk = item.source.chunk_id if item.source else ""
    return (groups or {}).get(chunk, chunk)


def _spread_worth(item: QuizItem, held: Counter, groups: dict[str, str] | None) -> float:
    """An item's worth when the bank must give up one of several: its quality, SPREAD_MARGIN more
    when it is the only item of its group (`held`: items per group), so that of two items of about
    the same worth the one asking about a part of the notes nothing else asks about stays (issue 8:
    items from at least 60% of the sections)."""
    return item.quality + (SPREAD_MARGIN if groups is not None and held[_group(item, groups)] <= 1 else 0.0)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", fold(text)) if len(w) > 2 and w not in STOPWORDS}


def _same_fact(a: set[str], b: set[str]) -> bool:
    """Two sentences that share most of their content words say one thing twice."""
    shared = len(a & b)
    return shared >= MIN_SAME_FACT_WORDS and shared >= SAME_FACT_OVERLAP * min(len(a), len(b))


def _favour_concepts(items: list[QuizItem], words: int) -> list[QuizItem]:
    """Names and years are what a generator finds most easily, so on a narrative note they would
    swamp the bank. Drop name, number and year items of one document (weakest first, from the
    chunk with most items first) while concepts are under CONCEPT_SHARE of them, but never below
    one item per MIN_WORDS_PER_ITEM words of the document."""
    concepts = sum(1 for i in items if i.tests in CONCEPT_KINDS)
    target = max(math.ceil(words / MIN_WORDS_PER_ITEM), math.ceil(concepts / CONCEPT_SHARE))
    kept = list(items)
    while len(kept) > target:
        others = [i for i in kept if i.tests not in CONCEPT_KINDS]
        if not others:
            break
        # From the most crowded section, then the most crowded passage: the spread is kept.
        sections = Counter(i.source.section for i in kept)
        passages = Counter(i.source.chunk_id for i in kept)
        years_over = sum(1 for i in kept if i.tests == DATE) > MAX_YEAR_SHARE * len(kept)
        kept.remove(max(others, key=lambda i: (years_over and i.tests == DATE, sections[i.source.section] > 1,
                                               passages[i.source.chunk_id], sections[i.source.section],
                                               -i.quality, i.id)))
    return kept

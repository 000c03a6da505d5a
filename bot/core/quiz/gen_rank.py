"""Order generated items so that the first N are the best mix: one item per sentence before a second
one, sections spread out, kinds alternating, the surest templates first.

`quiz generate --count N` takes the first N, so this order is what a teacher sees. It depends only on
the items (and their order), so reused and freshly generated items rank the same way.
"""

from __future__ import annotations

import heapq
from collections import Counter

from bot.core.quiz.items import CLOZE, FLASHCARD, MULTIPLE_CHOICE, TRUE_FALSE, QuizItem


def tier(item: QuizItem) -> int:
    """Lower is surer: a 4-option or true/false year/name item beats a 3-option one or a card."""
    if item.kind == MULTIPLE_CHOICE:
        return 0 if len(item.options) == 4 else 2
    if item.kind in (TRUE_FALSE, CLOZE):
        return 0 if item.kind == TRUE_FALSE or item.answer[:1].isdigit() else 1
    if item.kind == FLASHCARD:
        return 1 if "abbreviation" in item.prompt else 2
    return 3


def rank_items(items: list[QuizItem]) -> list[QuizItem]:
    """Greedy: repeatedly take the item whose sentence, section and kind have been used least.
    Scores only grow as items are taken, so a lazy heap gives the exact greedy order."""
    used_quote: Counter = Counter()
    used_section: Counter = Counter()
    used_kind: Counter = Counter()

    def score(i: int) -> tuple:
        item = items[i]
        src = item.source
        quote, section = (src.quote, src.section) if src else ("", "")
        return (used_quote[quote], used_section[section], used_kind[item.kind], tier(item), i)

    heap = [score(i) for i in range(len(items))]
    heapq.heapify(heap)
    ordered: list[QuizItem] = []
    while heap:
        entry = heapq.heappop(heap)
        fresh = score(entry[-1])
        if fresh != entry:
            heapq.heappush(heap, fresh)
            continue
        item = items[entry[-1]]
        ordered.append(item)
        if item.source:
            used_quote[item.source.quote] += 1
            used_section[item.source.section] += 1
        used_kind[item.kind] += 1
    return ordered

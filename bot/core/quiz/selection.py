"""Which questions to post: never one a teacher retired, and none twice in a guild until every
question of the bank (or of the chosen topic) has been used."""

from __future__ import annotations

import random

from bot.core.quiz.items import POSTABLE_KINDS, QuizItem


def matches_topic(item: QuizItem, topic: str) -> bool:
    if not topic:
        return True
    wanted = topic.strip().lower()
    where = [item.topic, item.source.document if item.source else "", item.source.section if item.source else ""]
    return any(wanted in part.lower() for part in where if part)


def choose_items(items: list[QuizItem], count: int, *, used: dict[str, str], retired: set[str],
                 topic: str = "", rng: random.Random) -> list[QuizItem]:
    """`count` postable items: unused ones first (in random order), then the least recently used."""
    pool = [i for i in items if i.kind in POSTABLE_KINDS and i.id not in retired and matches_topic(i, topic)]
    fresh = [i for i in pool if i.id not in used]
    rng.shuffle(fresh)
    reused = sorted((i for i in pool if i.id in used), key=lambda i: (used[i.id], i.id))
    return (fresh + reused)[:count]

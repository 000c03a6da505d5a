"""A why-card whose subject names no set of its own (issue 8, kind (e) of rounds 22-23; gen_precision.
unanchored_subject): "Why has no single theory yet been accepted ...?" (theories of what? the sentence
before said: dark matter; dropped) and "Why will the most confusing transaction in any ledger be your
equity account?" (a ranking, the writer's passing remark, asked back as a cause; borderline). Real
spaCy, on made-up notes of no course of the pool; the generator-level test also shows the cards made
without the check."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_precision import unanchored_subject
from bot.core.quiz.generator import generate_items


def parse(text: str):
    return nlp.parse_lines([text])[0]


@pytest.mark.parametrize("sentence, unanchored", [
    ("No single recipe has yet been agreed by the guild, because nobody can test one crust against another.", True),
    ("No recipe is written down because the bakers learn it by hand.", True),
    ("The most difficult loaf in any bakery will be the rye loaf, because rye dough sticks to everything.", True),
    # a head that says which set or thing by itself: left alone
    ("No guild member may sell bread on Sundays because the charter forbids it.", False),
    ("No recipe of the guild is written down because the bakers learn it by hand.", False),
    ("Rye loaves keep for a week because rye flour holds water longer than wheat flour.", False),
])
def test_a_why_cards_subject_none_of_or_ranked(sentence, unanchored):
    assert bool(unanchored_subject(parse(sentence), frozenset({"the", "no", "single", "most"}), frozenset())) \
        is unanchored, sentence


BAKERY = [
    "The Orvane bakery bakes rye, wheat and spelt loaves for the market stalls.",
    "Bakers argue about why sourdough rises in cold rooms, and several explanations have been offered.",
    "No single explanation has yet been accepted by the bakers, because nobody can test one starter against another.",
    "The most difficult loaf in any bakery will be the rye loaf, because rye dough sticks to everything.",
    "Rye loaves keep for a week because rye flour holds water longer than wheat flour.",
    "The Orvane bakery ships its loaves to the market stalls every morning.",
]


def _prompts() -> list[str]:
    chunks = [Chunk(make_chunk_id("orvane.txt", ("Orvane bakery",), text, i), "orvane.txt", ("Orvane bakery",),
                    None, i, text) for i, text in enumerate(BAKERY)]
    return [i.prompt for i in generate_items(chunks, learned_cutoff=False)]


def test_no_why_card_on_none_of_an_unnamed_set_or_a_ranking(monkeypatch):
    prompts = _prompts()
    assert not any("single explanation" in p or "most difficult" in p for p in prompts), prompts
    assert "Why do rye loaves keep for a week?" in prompts
    monkeypatch.setattr("bot.core.quiz.gen_tpl_questions.unanchored_subject", lambda *a, **k: "")
    prompts = _prompts()
    assert any("single explanation" in p for p in prompts) and any("most difficult" in p for p in prompts), prompts

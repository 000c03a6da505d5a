"""The parts of the notes an item comes from (gen_spread), and the bank preferring, of two items of
about the same worth it must choose between, the one alone in its part (issue 8: items from at least
60% of a note's sections or paragraph groups)."""

from __future__ import annotations

from collections import Counter

from bot.core.chunking import chunk_document
from bot.core.loaders import load_document
from bot.core.quiz.gen_spread import GROUP_SIZE, paragraph_groups
from bot.core.quiz.gen_bank_shape import SPREAD_MARGIN, _Candidates, _shape_bank, _years_within_share
from bot.core.quiz.items import FLASHCARD, MULTIPLE_CHOICE, QuizItem, QuizSource

# Notes on glaciers (no course of the pool): headed, and the same text without headings.
HEADED = """# Glaciers

## Formation

Glaciers form where snow accumulates faster than it melts over many years. The snow is compressed
into firn and then into glacial ice.

## Movement

Glaciers move by internal deformation of the ice and by sliding over their beds. Meltwater at the
base makes sliding faster.

## Landforms

Moraines are ridges of debris that a glacier deposits at its edges. Cirques are bowl-shaped hollows
carved at a glacier's head.
"""


def test_sections_are_the_groups_of_headed_notes_and_runs_of_passages_of_the_others(tmp_path):
    headed = tmp_path / "glaciers.md"
    headed.write_text(HEADED, encoding="utf-8")
    chunks = chunk_document(load_document(headed, "glaciers.md"), max_chars=300)
    groups = paragraph_groups(chunks)
    assert {groups[c.id] for c in chunks} == {c.section for c in chunks}
    assert len(set(groups.values())) >= 3

    plain = tmp_path / "glaciers.txt"
    plain.write_text("\n\n".join(p for p in HEADED.split("\n\n") if not p.startswith("#")) * 3, encoding="utf-8")
    chunks = chunk_document(load_document(plain, "glaciers.txt"), max_chars=300)
    groups = paragraph_groups(chunks)
    assert len({c.section for c in chunks}) == 1 and len(chunks) > GROUP_SIZE
    for chunk in chunks:
        first = chunk.position // GROUP_SIZE * GROUP_SIZE
        assert groups[chunk.id] == f"paragraphs {first + 1}-{first + GROUP_SIZE}"
    assert len(set(groups.values())) == -(-len(chunks) // GROUP_SIZE)


def _item(name: str, chunk: str, tests: str, quality: float) -> QuizItem:
    quote = f"{name} happened at {chunk}."  # no two items one fact (gen_bank_shape._same_fact)
    return QuizItem(id=name, kind=MULTIPLE_CHOICE if tests == "date" else FLASHCARD, prompt=quote, answer=name,
                    options=("1801", "1802", "1803", "1804") if tests == "date" else (),
                    source=QuizSource("glaciers.txt", "", quote, chunk_id=chunk), tests=tests, quality=quality)


def _bank(items: list[QuizItem], groups: dict[str, str] | None) -> list[str]:
    candidates = [_Candidates(i.source.quote, "glaciers.txt", [i]) for i in items]
    return [i.id for i in _shape_bank(candidates, {}, Counter({"glaciers.txt": 3000}), groups)]


def test_of_two_year_items_alike_the_one_alone_in_its_group_stays():
    # A bank of three may hold one year: the year told first sits beside a card in group A, the other
    # is all that group B would have.
    items = [_item("first year", "a1", "date", 0.72), _item("card", "a2", "definition", 0.83),
             _item("second year", "b1", "date", 0.72)]
    groups = {"a1": "A", "a2": "A", "b1": "B"}
    assert _bank(items, None) == ["first year", "card"]  # without groups: of equal ones, the first told
    assert _bank(items, groups) == ["card", "second year"]
    assert _years_within_share(items, 3000, groups) == items[1:]


def test_spread_does_not_outweigh_a_clearly_better_year():
    # A turning event's year (one worth step and more over the other) stays even beside another item.
    items = [_item("turning year", "a1", "date", 0.72 + 2 * SPREAD_MARGIN), _item("card", "a2", "definition", 0.83),
             _item("side year", "b1", "date", 0.72)]
    groups = {"a1": "A", "a2": "A", "b1": "B"}
    assert _bank(items, groups) == ["turning year", "card"]

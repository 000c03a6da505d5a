"""Comparisons the notes state, asked between their two sides (gen_compare). Real spaCy on made-up
notes of a beekeeping course that no course of the pool holds."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_compare import comparison_question
from bot.core.quiz.generator import generate_items


def _ask(sentence: str):
    return comparison_question(nlp.parse_lines([sentence])[0], lambda o: len(o))


def test_a_comparative_is_asked_between_its_two_sides():
    asked = _ask("Polystyrene hives are warmer than cedar hives.")
    assert asked.prompt == "Which are warmer, cedar hives or polystyrene hives?"
    assert asked.answer == "Polystyrene hives" and set(asked.options) == {"Polystyrene hives", "Cedar hives"}


def test_unlike_x_y_never_is_a_contrast():
    asked = _ask("Unlike western hives, island hives never swarm in May.")
    assert asked.answer == "Island hives" and asked.prompt.startswith("Which never swarm in May, ")


def test_unlike_x_y_is_asked_between_x_and_y():
    asked = _ask("Unlike drones, worker bees collect nectar from the flowers of the field.")
    assert asked.answer == "Worker bees" and set(asked.options) == {"Worker bees", "Drones"}
    assert asked.prompt.startswith("Which collect nectar from the flowers of the field, ")


@pytest.mark.parametrize("sentence", [
    "Polystyrene hives are usually warmer than cedar hives.",  # a hedge
    "Polystyrene hives may be warmer than cedar hives.",  # a modal
    "Polystyrene hives are not warmer than cedar hives.",  # negated
    "Polystyrene hives are warmer than cedar hives if the winter is wet.",  # a condition
    "Polystyrene hives are warmer than that.",  # a pointing side
    "Polystyrene hives are warmer than Langstroth.",  # a name against common nouns: not of one kind
    "Polystyrene hives are warmer than they look.",  # a pronoun
    "Unlike drones and queens, the hive tool opens frames.",  # several things compared, of another kind
    "Polystyrene hives are warmer than cedar hives in a wet winter.",  # narrowed after the compared side
])
def test_comparisons_that_do_not_hold_as_stated_or_mix_kinds_are_not_asked(sentence):
    assert _ask(sentence) is None


def test_a_comparison_of_the_notes_becomes_a_two_option_item():
    body = ("Beekeepers choose between several kinds of hive.\n"
            "Polystyrene hives are warmer than cedar hives, and they need no paint.\n"
            "Cedar hives last for many years when they are painted.\n")
    chunks = [Chunk(make_chunk_id("bees.md", ("Equipment",), body, 0), "bees.md", ("Equipment",), None, 0, body)]
    items = {i.prompt: i for i in generate_items(chunks, learned_cutoff=False)}
    item = next(i for p, i in items.items() if p.startswith("Which are warmer, "))
    assert item.answer == "Polystyrene hives" and item.kind == "multiple_choice" and len(item.options) == 2

"""Held-out round 12's weak forms, by kind (bench/RESULTS.md 8.28-8.29; gen_precision): a why-card
whose subject only its passage picks out, a definition card on a remark, "Who is X?" of a thing, a
clause card keyed to the first of several rules. Real spaCy, on made-up notes of no course of the pool;
each generator-level test also shows the card made without its check."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_precision import (a_person, remark_not_definition, rule_kind, rules_left_out,
                                         unanchored_subject)
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import chunks_of


def _prompts(chunks: list[Chunk]) -> list[str]:
    return [i.prompt for i in generate_items(chunks, learned_cutoff=False)]


def parse(text: str):
    return nlp.parse_lines([text])[0]


# --- a why-card's subject picked out only by its passage ------------------------------------------

LOWER = frozenset({"the", "original", "many", "common", "dynamic", "most", "land-based", "glass", "kilns", "all"})


@pytest.mark.parametrize("sentence, unanchored", [
    ("The original loaves do not have to be weighed because the baker counts the trays instead.", True),
    ("Many common cracks appear because the glaze cools faster than the clay.", True),
    ("Dynamic ordering is needed because every shelf holds loaves of several sizes.", True),
    ("The remaining trays are washed by hand because the machine scratches them.", True),
    ("Glass kilns are fired slowly because sudden heat cracks the bricks.", False),
    ("Virtually all glass kilns are fired slowly because sudden heat cracks the bricks.", False),
    ("Orvane bakers weigh every loaf because the guild fines short weight.", False),  # a name
    ("The ordering of the loaves matters because the oven is hotter at the back.", False),  # ordering of what: said
])
def test_a_why_cards_subject_must_say_what_it_is(sentence, unanchored):
    verbs = {"order", "crack", "weigh", "count"}
    assert bool(unanchored_subject(parse(sentence), LOWER, verbs)) is unanchored, sentence


BAKERY = [
    "The Orvane bakery sorts its loaves by size before they go to the market stalls.",
    "Each loaf is tagged with its tray number, and the tagged loaves are sorted by the number.",
    "The original loaves do not have to be weighed because every tray carries a tag with its number.",
    "Rye loaves keep for a week because rye flour holds water longer than wheat flour.",
    "Many common cracks appear in the crust because ovens cool faster than dough.",
    "The Orvane bakery ships its loaves to the market stalls every morning.",
]


def test_no_why_card_on_a_subject_its_passage_picks_out(monkeypatch):
    """"Why do the original items not have to be comparable?", "Why do many common breakages arise?"
    (held-out round 12: both dropped, no referent)."""
    prompts = _prompts(chunks_of(BAKERY, "Orvane bakery"))
    assert not any("original loaves" in p or "common cracks" in p for p in prompts)
    assert "Why do rye loaves keep for a week?" in prompts
    monkeypatch.setattr("bot.core.quiz.gen_tpl_questions.unanchored_subject", lambda *a, **k: "")
    prompts = _prompts(chunks_of(BAKERY, "Orvane bakery"))
    assert any("original loaves" in p for p in prompts) and any("common cracks" in p for p in prompts)


# --- a definition card on a remark -----------------------------------------------------------------

@pytest.mark.parametrize("sentence, remark", [
    ("Kettles are already household appliances in Europe, and can be bought in any shop.", True),
    ("Kettles are also vessels.", True),
    ("Kettles are household appliances in Europe.", True),  # a property, not what sets kettles apart
    ("Kettles are vessels that boil water on a stove or a base.", False),
    ("A kettle is a vessel that boils water.", False),
    ("Kettles are a kind of vessel for boiling water.", False),
])
def test_a_definition_says_what_a_thing_is(sentence, remark):
    assert bool(remark_not_definition(parse(sentence))) is remark, sentence


def test_no_definition_card_on_a_remark(monkeypatch):
    """"What are functions?" of "Functions are already first class objects ..." (held-out round 12: dropped)."""
    notes = ["Electric kettles are already common appliances in British kitchens, and can be bought in any shop.",
             "A samovar is a vessel that keeps water hot for many hours.",
             "Electric kettles boil water on a base that plugs into the wall.",
             "Most electric kettles hold less water than a samovar.",
             "Electric kettles have a spout, a lid and a handle."]
    prompts = _prompts(chunks_of(notes, "Tea making"))
    assert "What are electric kettles?" not in prompts and "What is a samovar?" in prompts
    monkeypatch.setattr("bot.core.quiz.gen_tpl_cards.remark_not_definition", lambda doc: "")
    assert "What are electric kettles?" in _prompts(chunks_of(notes, "Tea making"))


# --- "Who is X?" of a thing ---------------------------------------------------------------------------

def test_who_is_asked_only_of_a_person():
    """"Who is Nuitka?" (a compiler, read as a person by the parser; held-out round 12: borderline)."""
    compiler = parse("Quillet is a compiler of Lumen scripts into machine code.")
    other = [parse("The compiler checks every script before it runs.")]
    assert not a_person("Quillet", "compiler", compiler, other, person_votes=1)
    assert a_person("Quillet", "compiler", compiler, other, person_votes=2)  # read as a person twice
    chief = parse("Velmar, a chief of the Oka, met the traders at the ford.")
    beside = [parse("Chief Arnak of the Oka refused the traders' gifts.")]
    assert a_person("Velmar", "chief", chief, beside, person_votes=1)
    assert a_person("Velmar", "chief", parse("Velmar, a chief of the Oka, said he would trade."), [], 1)


# --- a clause card keyed to the first of several rules ---------------------------------------------

CLAUSES = [
    ("3.1. Sharing of Recipes",
     "All sharing of Guild Recipes, including any changes that You make, must be under the terms of this Charter. "
     "You must tell every baker who receives a recipe where the Charter can be read in full at the guild hall. "
     "You may not stop any baker from passing the recipe on to another guild."),
    ("3.2. Selling Bread Made From Recipes",
     "You may sell bread made from Guild Recipes at any market of Your choice. "
     "If the bread is sold outside the county, this Charter permits the buyer to resell it, so that the "
     "markets may stay supplied."),
]


def _charter() -> list[Chunk]:
    return [Chunk(make_chunk_id("charter.txt", ("The Bakers' Charter", heading), body, i), "charter.txt",
                  ("The Bakers' Charter", heading), None, i, body) for i, (heading, body) in enumerate(CLAUSES)]


@pytest.mark.parametrize("sentence, kind", [
    ("You must tell every baker where the Charter can be read.", "require"),
    ("You may not stop any baker from passing the recipe on.", "require"),
    ("Guild halls should keep a copy of the Charter.", "require"),
    ("You may sell the bread at any market.", "allow"),
    ("We will publish the recipes every spring.", "promise"),
    ("This Charter permits the buyer to resell it, so that the markets may stay supplied.", ""),
])
def test_the_rule_a_sentence_states(sentence, kind):
    assert rule_kind(parse(sentence)) == kind


def test_no_clause_card_keyed_to_the_first_of_several_rules(monkeypatch):
    """MPL 3.1 keyed to the first of its three requirements (held-out round 12: borderline); a rule of
    another kind after what a clause allows is not what the card asks."""
    first, *rest = [s.strip() + "." for s in CLAUSES[0][1].split(".") if s.strip()]
    assert rules_left_out(first, "require", [first, *rest], [parse(s) for s in [first, *rest]])
    items = generate_items(_charter(), learned_cutoff=False)
    # short enough together, the three are the answer (session 14: gen_precision.all_rules_answer)
    assert [i.answer for i in items if "Sharing of Recipes" in i.prompt] == [
        "It requires: all sharing of Guild Recipes, including any changes that You make, must be under the "
        "terms of this Charter; You must tell every baker who receives a recipe where the Charter can be read "
        "in full at the guild hall; You may not stop any baker from passing the recipe on to another guild."]
    assert any("“Selling Bread Made From Recipes” allow" in i.prompt for i in items)
    monkeypatch.setattr("bot.core.quiz.gen_tpl_rules.all_rules_answer", lambda *a: "")
    assert not any("Sharing of Recipes" in p for p in _prompts(_charter()))
    monkeypatch.setattr("bot.core.quiz.gen_tpl_rules.rules_left_out", lambda *a: False)
    assert any("Sharing of Recipes" in p for p in _prompts(_charter()))

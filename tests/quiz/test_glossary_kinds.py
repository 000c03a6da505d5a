"""Glossary items of lane qgloss (issue 8, set 19's judge, round 38), each kind as a form:

- a "Term. Definition." line is asked as "which term means ...?" only beside another term of its kind (the same
  genus or head word); the only god among a soldier, a city-state and a region is asked as a card instead;
- the term the notes' first sentence of running prose defines is what the notes are about: no item asks it;
- an aside inside a definition's phrase stays in it ("stagnation (high unemployment) and high inflation").

Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined import dotted_definition
from bot.core.quiz.generator import generate_items

TITLE = "Volcanic Power: Heat from Beneath the Crust"
OPENING = ("Geopower (from the Greek geo-, \"earth\"), also known as earth heat, is the use of the heat of molten "
           "rock to make electricity. These notes cover the kinds of volcano and how they erupt.")
KEY_TERMS = (
    "Geopower. The use of the heat of molten rock beneath the crust to make electricity.\n"
    "Magma. Molten rock stored beneath the surface of the earth.\n"
    "Lava. Molten rock that has reached the surface through a vent.\n"
    "Vulcan. The Roman god of fire and of the forge.\n"
    "Caldera. A large hollow that forms when a volcano collapses into its emptied magma chamber.\n"
    "Fumarole. An opening in the crust through which steam and gases escape."
)


def _items():
    chunks = [Chunk(make_chunk_id("volcanoes.md", h, t, i), "volcanoes.md", h, None, i, t)
              for i, (h, t) in enumerate([((TITLE, "1. Introduction"), OPENING), ((TITLE, "2. Key terms"), KEY_TERMS),
                                          ((TITLE, "3. Eruptions"),
                                           "An eruption begins when pressure in the magma chamber rises.")])]
    return generate_items(chunks, learned_cutoff=False)


def test_a_dotted_term_is_asked_among_terms_of_its_kind_only():
    items = _items()
    chosen = {i.answer: i for i in items if "which term means" in i.prompt}
    assert "Vulcan" not in chosen  # the only god among rocks, a hollow and an opening
    assert "Caldera" not in chosen
    assert any(i.prompt == 'What is meant by "Vulcan"?' for i in items)  # asked as a card instead


def test_no_item_asks_the_notes_own_subject():
    items = _items()
    assert not any(i.answer == "Geopower" or "Geopower" in i.prompt or "Geopower" in i.options for i in items)


def test_an_aside_inside_a_dotted_definition_stays():
    found = dotted_definition("Stagnancy.", "The coexistence of slow growth (high unemployment) and rising prices.")
    assert found is not None
    assert found.definition == "the coexistence of slow growth (high unemployment) and rising prices"
    found = dotted_definition("Discharge.", "The volume of water passing per second, measured in cubic metres per "
                              "second (m³/s).")
    assert found is not None and found.definition.endswith("cubic metres per second")


def test_lines_a_lead_in_lists_are_of_one_kind():
    society = ("Beekeeping divides a colony into three castes:\n"
               "Queens (mothers). Females that lay all the eggs of the colony.\n"
               "Drones (males). Males that do no work in the hive and leave it to mate.\n"
               "Workers (sterile females). The bulk of the colony: foragers, nurses and guards.\n"
               "Some colonies also keep robbers from other hives.")
    chunks = [Chunk(make_chunk_id("bees.md", h, t, i), "bees.md", h, None, i, t)
              for i, (h, t) in enumerate([(("Honey Bees", "1. Key terms"),
                                           "Propolis. A resin that bees gather from the buds of trees.\n"
                                           "Comb. A mass of wax cells built by the bees."),
                                          (("Honey Bees", "2. Castes"), society)])]
    items = generate_items(chunks, learned_cutoff=False)
    chosen = [i for i in items if "which term means" in i.prompt and i.answer in {"Queens", "Drones", "Workers"}]
    assert chosen  # the run's terms are each other's options, whatever each genus ("females", "males", "bulk")
    assert all(set(i.options) <= {"Queens", "Drones", "Workers"} for i in chosen)

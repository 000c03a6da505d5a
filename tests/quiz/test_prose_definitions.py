"""Definitions written in running prose, and glossary lines with a spaced dash for their colon, are asked as
which term they define, other terms the notes define (of the same kind) as options (gen_prose_defined,
gen_defined.glossary_definition; issue 8, session 25: set 16's biology, history and law notes write their key
terms "Term – definition", and the notes define terms in sentences far more often than in glossary lines).
Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined import glossary_definition
from bot.core.quiz.gen_prose_defined import prose_definition
from bot.core.quiz.generator import generate_items

TITLE = "Beekeeping for Beginners"
DASHED = (
    "- Hive – a wooden box in which a colony of bees is kept by the beekeeper.\n"
    "- Drone – a male bee whose only task is to mate with a young queen.\n"
    "- Worker – a female bee that gathers nectar and feeds the young.\n"
    "- Nectar – a sugary liquid made by flowers that bees turn into honey.\n"
    "- Propolis – a sticky resin that bees gather from tree buds to seal gaps."
)
PROSE = (
    "Swarming is leaving the hive with the old queen to found a new colony. "
    "Requeening is replacing an ailing queen with a daughter raised in the same hive. "
    "Robbing means stealing honey from a weaker colony nearby. "
    "Bees visit many flowers in a single trip."
)


def _notes(*texts) -> list[Chunk]:
    heads = [(TITLE, f"Part {i}") for i in range(len(texts))]
    return [Chunk(make_chunk_id("bees.md", h, t, i), "bees.md", h, None, i, t)
            for i, (h, t) in enumerate(zip(heads, texts))]


def _items(*texts):
    return {i.answer: i for i in generate_items(_notes(*texts), learned_cutoff=False) if "which term means" in i.prompt}


def test_a_dashed_glossary_line_is_asked_as_which_term_it_defines():
    items = _items(DASHED)
    drone = items["Drone"]
    assert drone.prompt == ("In the notes, which term means “a male bee whose only task is to mate with a young "
                            "queen”?")
    assert "Worker" in drone.options and len(drone.options) >= 3  # a bee beside a bee
    assert set(drone.options) <= {"Hive", "Drone", "Worker", "Nectar", "Propolis"}


@pytest.mark.parametrize("sentence, term, definition", [
    ("Nephron – the microscopic functional unit of the kidney.", "Nephron", "the microscopic functional unit of the kidney"),
    ("Writ of mandamus — an order from a court commanding an official to carry out a duty.", "Writ of mandamus",
     "an order from a court commanding an official to carry out a duty"),
])
def test_the_dash_of_a_glossary_line(sentence, term, definition):
    found = glossary_definition(sentence)
    assert found is not None and (found.term, found.definition) == (term, definition)


def test_not_a_dashed_glossary_line():
    # a dash inside a sentence is an aside, not a definition
    assert glossary_definition("Prices rise because the costs of production rise – for example, the costs of raw") is None


def test_prose_definitions_are_asked_among_terms_of_their_kind():
    items = _items(PROSE)
    swarming = items["Swarming"]
    assert swarming.prompt == "In the notes, which term means “leaving the hive with the old queen to found a new colony”?"
    assert set(swarming.options) == {"Swarming", "Requeening", "Robbing"}
    assert items["Robbing"].prompt == "In the notes, which term means “stealing honey from a weaker colony nearby”?"


def test_a_prose_term_is_no_option_among_terms_of_another_kind():
    # "Swarming" (an activity) is not offered for "a male bee ...", nor is a glossary line's thing for an activity
    items = _items(DASHED, PROSE)
    assert not {"Swarming", "Requeening", "Robbing"} & set(items["Drone"].options)
    assert set(items["Swarming"].options) <= {"Swarming", "Requeening", "Robbing"}


@pytest.mark.parametrize("sentence, term, definition", [
    ("Classical conditioning is learning through association.", "Classical conditioning", "learning through association"),
    ("Opportunity cost is the value of the next best alternative given up when a choice is made.", "Opportunity cost",
     "the value of the next best alternative given up when a choice is made"),
    ("Specialisation means concentrating production on a narrow range of goods or activities.", "Specialisation",
     "concentrating production on a narrow range of goods or activities"),
    ("Chemoprophylaxis means taking drugs to prevent infection, for example by travellers.", "Chemoprophylaxis",
     "taking drugs to prevent infection"),
    ("The terms of trade is the rate at which one good is exchanged for another.", "Terms of trade",
     "the rate at which one good is exchanged for another"),
    ("The indented side of the kidney's bean shape is called the hilum (or hilus).", "Hilum",
     "the indented side of the kidney's bean shape"),
    ("A daily urine output of 3 litres or more is called polyuria; an output of 400 mL or less is called oliguria.",
     "Polyuria", "a daily urine output of 3 litres or more"),
])
def test_the_forms_of_a_prose_definition(sentence, term, definition):
    found = prose_definition(nlp.parse_line(sentence))
    assert found is not None and found.prose
    assert (found.term, found.definition) == (term, definition)


@pytest.mark.parametrize("sentence", [
    "The combination of limited resources and unlimited wants means that goods are scarce.",  # a consequence
    "This arrangement is called the countercurrent multiplier.",  # points back
    "Malaria is one of the oldest diseases known to medicine.",  # classes, does not define
    "Absolute advantage is about production costs.",
    "Comparative advantage is static.",
    "Further consolidation is called setting, after which the phase of hardening begins.",
    "Prices are rising across the whole economy this year.",  # a progressive, no process defined
    "The word corrosion comes from Latin and means to gnaw.",
])
def test_not_prose_definitions(sentence):
    assert prose_definition(nlp.parse_line(sentence)) is None


def test_a_superlative_is_no_definition():
    assert prose_definition(nlp.parse_line("Aluminium is the metal most widely anodised.")) is None
    assert prose_definition(nlp.parse_line("Hydrogen is the lightest element of the periodic table.")) is None


def test_a_glossary_line_of_a_term_comes_before_its_prose_definition():
    # "A drone is ..." in prose, then "Drone – ..." among the key terms: the key term's line is asked
    items = _items("A drone is a large bee that does not sting and gathers no food.", DASHED)
    assert items["Drone"].prompt == ("In the notes, which term means “a male bee whose only task is to mate with a "
                                     "young queen”?")


def test_the_sections_beside_a_terms_own_section_give_its_options():
    # "Galvanising" is defined where its own section opens; its numbered siblings name its kind (methods), but
    # "New tools" heads a section and is a term the notes never use
    title = "Protecting Steel"
    sections = [
        ("1. Painting", "Painting keeps water and air away from the steel surface for some years."),
        ("2. Galvanising", "Galvanising is coating iron or steel with a thin layer of zinc."),
        ("3. Anodising", "In anodising a thick oxide layer is grown on the metal by electrolysis in an acid bath."),
        ("4. Cathodic protection", "In cathodic protection a small current makes the structure the cathode of a cell."),
        ("5. New tools", "Sensors now report the state of a bridge's steel to its owners every day."),
    ]
    chunks = [Chunk(make_chunk_id("steel.md", (title, "Methods", h), t, i), "steel.md", (title, "Methods", h), None, i, t)
              for i, (h, t) in enumerate(sections)]
    items = {i.answer: i for i in generate_items(chunks, learned_cutoff=False) if "which term means" in i.prompt}
    galvanising = items["Galvanising"]
    assert galvanising.prompt == "In the notes, which term means “coating iron or steel with a thin layer of zinc”?"
    assert set(galvanising.options) == {"Galvanising", "Painting", "Anodising", "Cathodic protection"}


@pytest.mark.parametrize("heading, term", [
    ("3. Crevice corrosion", "Crevice corrosion"), ("1. Uniform (general) corrosion", "Uniform corrosion"),
    ("6.1 Divergent boundaries (constructive)", "Divergent boundaries"), ("Scarcity and opportunity cost", ""),
    ("Why rusting keeps going", ""), ("Step 1: Find absolute advantage", ""),
])
def test_a_heading_as_a_term(heading, term):
    from bot.core.quiz.gen_prose_defined import heading_term
    assert heading_term(heading) == term


def test_siblings_of_a_numbered_run_in_a_note_of_one_level_of_headings():
    from bot.core.quiz.gen_prose_defined import sibling_terms
    paths = [("N", h) for h in ("Introduction", "1. Uniform corrosion", "2. Pitting corrosion", "3. Crevice corrosion",
                                "Prevention", "1. Painting", "2. Galvanising")]
    assert sibling_terms("Crevice corrosion", ("N", "3. Crevice corrosion"), paths) == ["Uniform corrosion",
                                                                                       "Pitting corrosion"]
    assert sibling_terms("Introduction", ("N", "Introduction"), paths) == []  # unnumbered, one level: no kind


def test_a_glossary_line_that_ranks_is_no_definition():
    # "the most common form in ...": which form was commonest, asked as what a term means (set 16, black death)
    items = _items(DASHED + "\n- Nurse bee – the most common kind of bee in a healthy hive.")
    assert "Nurse bee" not in items and "Drone" in items


def test_a_clause_that_says_first_does_not_rank():
    from bot.core.quiz.gen_prose_defined import ranked
    doc = nlp.parse_line("the power of a court to hear a case first, as a trial court")
    assert not ranked(next(t for t in doc if t.dep_ == "ROOT"))
    doc = nlp.parse_line("the first response after a fixed period of time")
    assert ranked(next(t for t in doc if t.dep_ == "ROOT"))
    doc = nlp.parse_line("the lowest temperature at which pitting corrosion starts in a given solution")
    assert not ranked(next(t for t in doc if t.dep_ == "ROOT"))


def test_a_dashed_line_is_asked_only_beside_a_term_of_its_kind():
    # "Flagellants – bands of religious penitents ..." among a disease and an epidemic: the only band of people
    items = _items("- Plague – the infectious disease caused by a bacterium carried by rat fleas.\n"
                   "- Pandemic – an epidemic that spreads across a very large area such as several continents.\n"
                   "- Flagellants – bands of religious penitents who whipped themselves in public.\n"
                   "- Statute – a law passed by a parliament to hold wages at their old level.")
    assert not items

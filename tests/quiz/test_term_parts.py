"""A term asked "which of these ...?" is offered among terms of its own part of the notes (issue 8,
round 22: "Water jet pump", of a glossary's part on laboratory apparatus, among "Atomic radius",
"Isotope" and "Nuclear isomer" of its part on key terms: dropped, "the only apparatus option is given
away"). Real spaCy on made-up notes of no course of the pool (a farm's soils and tools)."""

from __future__ import annotations

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_concept_terms import CentralTerms, parts_of, term_question
from tests.quiz.parsed_notes import parsed_notes

SOILS = ["Clay loam holds water well and drains slowly after rain.",
         "Clay loam suits wheat on the lower fields.",
         "Sandy loam drains quickly and warms early in spring.",
         "Sandy loam suits carrots on the upper fields.",
         "Silt loam lies smooth and fertile along the river.",
         "Silt loam floods in a wet winter.",
         "Clay loam cracks in a dry summer.",
         "Sandy loam loses its manure to the rain.",
         "Silt loam grows the best hay of the farm."]
TOOLS = ["The chain harrow breaks up clods after ploughing.",
         "The chain harrow is dragged across the field.",
         "The box scraper flattens the ground of each field.",
         "The box scraper is pulled by a horse across the field.",
         "The stone roller presses the soil down after sowing.",
         "The stone roller is pulled slowly across the field.",
         "The hand hoe cuts weeds between the rows.",
         "The hand hoe is used in summer.",
         "The box scraper was bought at the market in spring.",
         "The chain harrow hangs in the barn in winter.",
         "The stone roller was cut from one block of granite.",
         "The hand hoe has an ash handle."]
TITLE = "Farm handbook"


def _chunks() -> list[Chunk]:
    sections = [((TITLE, "Part 1: Soils"), line) for line in SOILS] \
        + [((TITLE, "Part 2: Tools"), line) for line in TOOLS]
    return [Chunk(make_chunk_id("farm.md", path, text, i), "farm.md", path, None, i, text)
            for i, (path, text) in enumerate(sections)]


def _question(parts):
    lines = SOILS + TOOLS
    docs, lexicon = parsed_notes("\n".join(lines))
    terms = CentralTerms(lines, [TITLE, "Part 1: Soils", "Part 2: Tools"], docs, lexicon, [TITLE], parts)
    return term_question(docs[lines.index(TOOLS[0])], terms, TITLE)


def test_the_parts_are_the_first_heading_level_at_which_the_notes_differ():
    parts = parts_of(_chunks())
    assert parts[0] == ("farm.md", (TITLE, "Part 1: Soils"))
    assert parts[-1] == ("farm.md", (TITLE, "Part 2: Tools"))
    one = [Chunk(make_chunk_id("a.md", (TITLE,), t, i), "a.md", (TITLE,), None, i, t) for i, t in enumerate(SOILS)]
    assert len(set(parts_of(one))) == 1  # a note of one section is one part


def test_a_tool_is_asked_among_tools_not_among_soils():
    question = _question(parts_of(_chunks()))
    assert question is not None and question.answer == "Chain harrow"
    assert sorted(question.options) == ["Box scraper", "Chain harrow", "Hand hoe", "Stone roller"]


def test_without_parts_the_soils_were_offered():
    # What the rule mends: the notes' other terms by spread and name, a soil among them.
    question = _question(())
    assert question is not None and any(o.endswith("loam") for o in question.options)

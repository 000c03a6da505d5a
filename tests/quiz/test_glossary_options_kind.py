"""Glossary items' options and stems (issue 8, session 28, lane qopts2; set 21, rounds 47-49): a term written
with its other spelling in lower case ("Heme (haem): ...") is a glossary line too, so it is offered beside the
terms of its kind; the genus of a line the parse runs on over its colon ("Oxyhemoglobin: hemoglobin with ...")
is read; a stem that spells its one-word key piece by piece ("hemoglobin with oxygen bound" -> Oxyhemoglobin)
asks no "which term means" item (a card instead). Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined import glossary_definition, spells_key, with_head
from bot.core.quiz.generator import generate_items


@pytest.mark.parametrize("sentence, term, short", [
    ("Heme (haem): the iron-containing group inside each subunit that binds oxygen.", "Heme", "haem"),
    ("Quipu (khipu): a record made of knotted, coloured cords.", "Quipu", "khipu"),
    ("Abstract syntax tree (AST): the internal representation of a document.", "Abstract syntax tree", "AST"),
])
def test_a_term_with_its_other_spelling_is_a_glossary_line(sentence, term, short):
    found = glossary_definition(sentence)
    assert found is not None and (found.term, found.short) == (term, short)


def test_the_genus_of_a_line_whose_noun_chunk_runs_over_its_colon():
    line = "Oxyhemoglobin: hemoglobin with oxygen bound to it."
    found = with_head(glossary_definition(line), nlp.parse_lines([line])[0])
    assert found.head == "hemoglobin" and found.heads == ("hemoglobin",)


@pytest.mark.parametrize("definition, term, spelled", [
    ("hemoglobin with oxygen bound to it", "Oxyhemoglobin", True),
    ("hemoglobin without oxygen bound", "Deoxyhemoglobin", True),
    ("the protein part of the molecule, made of chains of amino acids", "Globin", False),
    ("an extremely high and usually accelerating rate of inflation", "Hyperinflation", False),
    ("a cell that turns chemical energy into electrical energy", "Galvanic cell", False),
])
def test_a_stem_that_spells_its_key(definition, term, spelled):
    assert spells_key(definition, term) is spelled


TITLE = "Chlorophyll in the Leaf"
GLOSSARY = (
    "- Porphyrin (porphin): the flat ring of atoms at the centre of the molecule that holds magnesium.\n"
    "- Phytol: the long tail of the molecule that anchors it in the membrane.\n"
    "- Oxyphytol: phytol with oxygen joined to its chain.\n"
    "- Ketophytol: phytol with a ketone group at its end.\n"
    "- Antenna: the cluster of pigment molecules that passes light energy to a reaction centre."
)
BODY = (
    "Chlorophyll absorbs red and blue light and reflects green. The porphyrin ring holds one magnesium atom. "
    "The phytol tail keeps the molecule in the thylakoid membrane. Oxyphytol forms when the tail is oxidised."
)


def _items():
    texts = (GLOSSARY, BODY)
    heads = ((TITLE, "Key terms"), (TITLE, "The molecule"))
    notes = [Chunk(make_chunk_id("leaf.md", h, t, i), "leaf.md", h, None, i, t)
             for i, (h, t) in enumerate(zip(heads, texts))]
    return generate_items(notes, learned_cutoff=False)


def test_options_and_stems_of_a_glossary_read_by_form():
    items = _items()
    asked = {i.answer: i for i in items if "which term means" in i.prompt}
    # the line with its other spelling is read and offered beside the terms of its kind
    assert "Porphyrin" in asked["Phytol"].options
    # "phytol with oxygen joined to its chain": "Oxyphytol" read off the stem, no "which term means" item
    assert "Oxyphytol" not in asked


ROWING = "Rowing for Novices"
ROWING_TERMS = (
    "- Stroke: one full pull and release.\n"
    "- Oar: a long pole with a flat blade at one end.\n"
    "- Rigger: a metal frame that holds the oar away from the boat.\n"
    "- Hull: the shell of the boat that sits in the water.\n"
    "- Coxswain: the person who steers the boat and calls the rhythm."
)
ROWING_BODY = (
    "Each rower must pull the handle to the chest. The rowers release the blade from the water at the finish. "
    "A crew that pulls late loses speed, and a crew that releases early wastes the drive."
)


def _rowing_items():
    texts = (ROWING_TERMS, ROWING_BODY)
    heads = ((ROWING, "Key terms"), (ROWING, "The stroke"))
    notes = [Chunk(make_chunk_id("rowing.md", h, t, i), "rowing.md", h, None, i, t)
             for i, (h, t) in enumerate(zip(heads, texts))]
    return generate_items(notes, learned_cutoff=False)


def test_what_happens_is_not_offered_among_things():
    """"one full pull and release": two nouns the notes use as verbs, an event; neither asked nor offered among
    things ("Rigger", whose stem names the oar, has only "Hull" left: a card)."""
    line = "Stroke: one full pull and release."
    assert with_head(glossary_definition(line), nlp.parse_lines([line])[0], {"pull", "release"}).acts
    assert not with_head(glossary_definition(line), nlp.parse_lines([line])[0], {"pull"}).acts
    asked = {i.answer: i for i in _rowing_items() if "which term means" in i.prompt}
    assert "Stroke" not in asked
    assert "Oar" in asked and all("Stroke" not in i.options for i in asked.values())

"""A definition no "which term means ...?" item can ask (no other term of its kind in the notes) is asked as a
flashcard with the notes' definition as its answer, when the definition says what the term is (gen_defined_cards;
issue 8, session 25, lane qcards: Hilum, Polyuria, Writ, the kidney note's dashed lines, set 18's Felony and
Certiorari). Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined_cards import card_answer, card_stem, says_what_it_is, term_as_label
from bot.core.quiz.generator import generate_items

TITLE = "Lighthouses and Their Keepers"


def _notes(*texts) -> list[Chunk]:
    heads = [(TITLE, f"Part {i}") for i in range(len(texts))]
    return [Chunk(make_chunk_id("lights.md", h, t, i), "lights.md", h, None, i, t)
            for i, (h, t) in enumerate(zip(heads, texts))]


def _items(*texts):
    return generate_items(_notes(*texts), learned_cutoff=False)


def _says(term: str, definition: str) -> bool:
    return says_what_it_is(term, definition, nlp.parse_lines([f"{term} is {definition}."])[0])


@pytest.mark.parametrize("term, definition", [
    ("Nephron", "the microscopic functional unit of the kidney"),
    ("Hilum", "the indented side of the kidney's bean shape"),
    ("Polyuria", "a daily urine output of 3 litres or more"),
    ("Felony", "a serious crime, usually punishable by more than a year in prison"),
    ("Curing", "keeping freshly placed concrete from drying out too quickly"),
    ("Chloroplast", "the organelle in plant cells where photosynthesis takes place"),  # "organelle" parsed a name
])
def test_a_genus_and_what_sets_it_apart_says_what_the_term_is(term, definition):
    assert _says(term, definition)


@pytest.mark.parametrize("term, definition", [
    ("Base", "the middle layer"),  # which one: the figure says
    ("School color", "crimson, which is the name of the sports teams"),  # a value
    ("Chloroquine", "an older antimalarial drug that has commonly been used"),  # a rank
    ("Academy", "the second academic school of technology in the country"),  # a rank
    ("President", "the mayor of Warsaw"),  # a role toward one named thing
    ("Painting", "a cost-effective way to protect a metal surface from moisture"),  # a claim
    ("Rankine cycle", "the ideal thermodynamic cycle used to analyze"),  # cut off
])
def test_a_value_a_rank_a_role_or_a_claim_does_not(term, definition):
    assert not _says(term, definition)


def test_the_cards_stem_in_the_notes_form():
    assert card_stem("writ", "A writ is a formal written order issued by a court.", True) == "What is a writ?"
    assert card_stem("Hilum", "The indented side of the kidney's bean shape is called the hilum.", True) \
        == 'What is meant by "Hilum"?'
    assert card_stem("The renal pelvis", "The renal pelvis – a funnel-shaped space ...", False) \
        == 'What is meant by "Renal pelvis"?'
    assert card_answer("a serious crime, usually punishable by more than a year in prison") \
        == "A serious crime, usually punishable by more than a year in prison."


def test_a_rows_label_is_no_term():
    assert term_as_label(nlp.parse_lines(["Post-conviction relief for federal prisoners"])[0])
    assert not term_as_label(nlp.parse_lines(["Writ of mandamus"])[0])


GLOSSARY = (
    "- Lantern room – the glass-enclosed space at the top of a tower that houses the lamp.\n"
    "- Keeper – a person employed to tend the light through the night.\n"
    "- Fog signal – a horn or bell sounded to warn ships when the light cannot be seen."
)


def test_a_dashed_line_alone_of_its_kind_is_asked_as_a_card():
    cards = {i.prompt: i for i in _items(GLOSSARY) if i.kind == "flashcard"}
    assert 'What is meant by "Lantern room"?' in cards  # a space among a person and a signal: no options
    assert cards['What is meant by "Lantern room"?'].answer \
        == "The glass-enclosed space at the top of a tower that houses the lamp."


def test_a_prose_definition_alone_of_its_kind_is_asked_as_a_card():
    prose = ("Whitewashing means coating the outside of the tower with lime each spring to protect the stone. "
             "A keeper climbed the stairs each evening to light the lamp.")
    cards = [i for i in _items(prose) if i.kind == "flashcard" and "whitewashing" in i.prompt.lower()]
    assert [(c.prompt, c.answer) for c in cards] == [
        ('What is meant by "Whitewashing"?', "Coating the outside of the tower with lime each spring to protect the stone.")]


def test_no_card_beside_a_which_term_item_of_the_same_term():
    kin = ("- Drone – a male bee whose only task is to mate with a young queen.\n"
           "- Worker – a female bee that gathers nectar and feeds the young.\n"
           "- Queen – the one fertile female bee that lays the eggs of the colony.")
    items = _items(kin)
    asked = {i.answer for i in items if "which term means" in i.prompt}
    assert asked  # the bees are asked among bees
    carded = {i.prompt for i in items if i.kind == "flashcard" and "meant by" in i.prompt}
    assert not any(f'"{term}"' in prompt for term in asked for prompt in carded)


def test_a_bullet_of_what_each_thing_does_in_a_process_is_no_definition():
    roles = ("The reaction needs three things:\n"
             "- Charcoal supplies the carbon that joins the iron.\n"
             "- Air drives the fire to a white heat.\n"
             "- Slag is a glassy waste left floating on the molten metal.")
    assert not [i for i in _items(roles) if i.kind == "flashcard" and "slag" in i.prompt.lower()]

"""Glossary items' options and stems by form (issue 8, session 29, lane qopts3; rounds 30, 34, 48): an answer of a
family its options show by their head word ("Ionic bond" beside "Covalent bond") is offered only among terms of its
own genus or head word, not padded with terms of another kind ("Octet", "Commission"); a key of two words one of
which is a compound of a stem's word ("Seafloor spreading" for "new ocean floor ...") is asked by no "which term
means" item; a definite genus set apart only by "of the <noun>" ("Cuzco: the capital of the empire") says no more
than a role toward a thing the card does not name, and makes no card. Real spaCy on made-up notes of no course of
the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined import spells_compound
from bot.core.quiz.gen_defined_cards import says_what_it_is
from bot.core.quiz.generator import generate_items

TITLE = "Harbours and Ships"
TERMS = (
    "- Dry dock: a narrow basin that can be drained so that a ship's underside can be repaired.\n"
    "- Floating dock: a hollow structure that sinks under a vessel and rises to lift it clear of the sea.\n"
    "- Keel: the main beam along the bottom of a hull.\n"
    "- Bilge: the lowest inner part of a hull, where water collects.\n"
    "- Bollard: a short thick post on a quay to which ropes are tied."
)
BODY = (
    "A ship enters the dry dock at high tide. The floating dock can be towed from port to port. "
    "The keel runs the length of the vessel, and pumps clear the bilge of water."
)


def _items(terms: str = TERMS, body: str = BODY, title: str = TITLE):
    texts = (terms, body)
    heads = ((title, "Key terms"), (title, "Tying"))
    notes = [Chunk(make_chunk_id("harbours.md", h, t, i), "harbours.md", h, None, i, t)
             for i, (h, t) in enumerate(zip(heads, texts))]
    return generate_items(notes, learned_cutoff=False)


def test_a_family_shown_by_its_head_word_is_not_padded_with_other_kinds():
    """"Dry dock" and "Floating dock" show one family by their form; "Keel" (a beam), "Bilge" (a part) and
    "Bollard" (a post) would be thrown away at sight: no "which term means" item of either dock with them."""
    items = _items()
    for item in items:
        if "which term means" in item.prompt and item.answer in {"Dry dock", "Floating dock"}:
            assert set(item.options) <= {"Dry dock", "Floating dock"} or len(item.options) < 3, item.options
    # ... and each is asked as a card of its definition instead
    assert {'What is meant by "Dry dock"?', 'What is meant by "Floating dock"?'} <= {i.prompt for i in items}


def test_a_stem_that_spells_a_compound_of_a_multi_word_key():
    assert spells_compound("the process by which new ocean floor is created at ridges and moves away", "Seafloor spreading")
    assert spells_compound("water that runs off the land after rain", "Surface runoff") is False
    assert spells_compound("a loop of rope whose ends do not cross", "Bight") is False  # one word: spells_key's
    assert spells_compound("the shell of the boat that sits in the water", "Boat hull") is False  # a whole word


def _says(term: str, definition: str) -> bool:
    return says_what_it_is(term, definition, nlp.parse_lines([f"{term} is {definition}."])[0])


def test_a_role_toward_an_unnamed_thing_is_no_card():
    assert not _says("Varnhold", "the capital of the kingdom")
    assert not _says("Great Ulm", "the title of the ruler")
    assert _says("Varnhold", "the walled capital of the northern kingdom, built on a hill")
    assert _says("Nephron", "the microscopic functional unit of the kidney")
    assert _says("Aster", "the star-shaped patron goddess of the sea and the harvest")

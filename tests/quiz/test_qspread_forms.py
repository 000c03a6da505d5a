"""Session 27, qspread: two forms a strict teacher asks that no template read (teacher-marks.md).

- "Hybridisation is the mixing of atomic orbitals ..." under the heading "7.4 Hybridisation": the term the
  section's own heading names, met once in the prose or spelled as no term the lexicon reads
  (gen_keys.headed_definition_key); definition_key asks a term to be met twice.
- "Metals are made of crystals called grains.": "made from/of" names what a thing is made of, as "made up
  of" does (gen_function.composition_question).

Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_function import composition_question
from bot.core.quiz.gen_keys import heading_terms, headed_definition_key
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks


def _cards(sections) -> dict[str, str]:
    return {i.prompt: i.answer for i in generate_items(section_chunks("weaving.md", sections), learned_cutoff=False)
            if i.kind == "flashcard"}


TITLE = "Weaving: Looms, Yarns and Cloth"
SECTIONS = [
    ((TITLE, "1. Introduction"), "Weaving turns yarn into cloth on a loom. Weavers have worked wool, flax and "
                                 "cotton for thousands of years."),
    ((TITLE, "3.2 Fulling"), "Fulling is the pounding of woven wool in water to thicken the cloth. "
                             "Mills on rivers drove the hammers."),
    ((TITLE, "4. Finishing the cloth (the nap-raising stage)"),
     "The nap-raising stage is a set of passes with teasels that lift loose fibres from the surface of the cloth. "
     "Shearmen then cut the raised nap level."),
]


def test_a_term_its_section_is_headed_by_is_asked_what_it_is():
    # the development notes' own sentence (chemical-bonding 7.4), in made-up notes: met once, no item before
    sections = [(("Orbitals and Shapes", "1. Introduction"),
                 "Atoms bond in ways that decide the shapes of molecules. Chemists model these shapes with orbitals."),
                (("Orbitals and Shapes", "7.4 Hybridisation"),
                 "Hybridisation is the mixing of atomic orbitals of nearly equal energy to form new, equivalent hybrid "
                 "orbitals that point in definite directions. It explains the observed shapes of many molecules.")]
    cards = {i.prompt: i.answer for i in generate_items(section_chunks("notes.md", sections), learned_cutoff=False)}
    assert cards.get("What is hybridisation?", "").startswith("Hybridisation is the mixing of atomic orbitals")


def test_the_card_gives_way_to_the_definition_gen_defined_reads():
    # "Fulling is ..." under "3.2 Fulling": gen_defined reads it and asks it; one card of the sentence, not two
    cards = _cards(SECTIONS)
    fulling = [prompt for prompt in cards if prompt.lower() == "what is fulling?"]
    assert len(fulling) == 1 and cards[fulling[0]] == "The pounding of woven wool in water to thicken the cloth."


def test_heading_terms_read_the_number_the_colon_and_the_brackets():
    assert heading_terms("3.2 Fulling") == {"fulling"}
    assert "nap-raising stage" in heading_terms("4. Finishing the cloth (the nap-raising stage)")
    assert "stage 2" in heading_terms("5. Stage 2: the Calvin cycle (light-independent reactions)")


def test_only_a_present_copula_whose_bare_subject_the_heading_names():
    def key(sentence, heading):
        return headed_definition_key(nlp.parse_line(sentence), heading)
    assert key("Fulling is the pounding of woven wool in water to thicken the cloth.", "3.2 Fulling").text == "Fulling"
    assert key("Fulling was the pounding of woven wool in water.", "3.2 Fulling") is None  # past: a state told
    assert key("Fulling is not the pounding of woven wool.", "3.2 Fulling") is None
    assert key("Fulling of wool is the pounding of cloth in water.", "3.2 Fulling") is None  # a subject with a tail
    assert key("Fulling is the pounding of woven wool in water.", "3.3 Dyeing") is None  # not the section's term
    assert key("It is the pounding of woven wool in water.", "It") is None


def test_the_course_subject_is_not_asked_under_its_own_heading():
    # notes titled "Fulling": the term is what the notes are about (their title), asked by no card
    assert "What is fulling?" not in _cards([(("Fulling", "Fulling"), "Fulling is the pounding of woven wool in water "
                                                                      "to thicken the cloth.")])


def test_made_from_and_made_of_are_asked_what_the_thing_is_made_of():
    question = composition_question(nlp.parse_line("Teasels are made from the dried heads of a thistle."))
    assert question is not None and question.prompt == "What are teasels made from?"
    assert question.answer == "The dried heads of a thistle."
    question = composition_question(nlp.parse_line("A bobbin is made of beech wood."))
    assert question is not None and question.prompt == "What is a bobbin made of?"


def test_made_by_or_counted_parts_or_a_second_claim_are_not_asked():
    assert composition_question(nlp.parse_line("The loom was made by a carpenter from the village.")) is None
    assert composition_question(nlp.parse_line("The loom is made of two main parts: a frame and a beam.")) is None
    assert composition_question(nlp.parse_line("Linen is made mainly from flax, plus wool added at the end.")) is None


def test_a_the_term_its_heading_names_in_brackets_is_asked():
    # "What is the school color?" is refused (which school's?); a term the section's heading names is the
    # course's own name for a thing ("5. Stage 2: the Calvin cycle (light-independent reactions)")
    cards = _cards(SECTIONS)
    assert cards.get("What is the nap-raising stage?", "").startswith("The nap-raising stage is a set of passes")

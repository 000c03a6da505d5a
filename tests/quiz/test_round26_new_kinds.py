"""Round 26's kinds on new notes (the six development notes of session 24), fixed by form: a key that is one
part of what the notes give (a list cut after its first member, a person's dates and trade keyed for who
they were, a count asked without the scope the notes give it), options and stems that give the answer away
(a stem word's core written inside the answer's word, a text's own "Examples" offered as a term, a second
claim the parser read as nouns), and a list's label of a side asked as a term. Real spaCy on made-up notes
of no course of the pool (a harbour's licences, a mill's history, bread chemistry, a town's reforms)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_concept_terms import CentralTerms, _second_clause
from bot.core.quiz.gen_function import function_question
from bot.core.quiz.gen_genus import modifier_label
from bot.core.quiz.gen_howto import kinds_question
from bot.core.quiz.gen_standalone import gives_away
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import parsed_notes, section_chunks


# --- kind 1: the key is one part of what the notes give ------------------------------------------------

def test_a_key_cut_inside_a_list_holds_the_whole_list():
    question = function_question(nlp.parse_line(
        "A mooring licence requires a written application, signed by the owner, and a safety certificate."))
    assert question is not None
    assert question.answer == "A written application, signed by the owner, and a safety certificate."


def test_a_key_without_a_list_is_cut_as_before():
    question = function_question(nlp.parse_line(
        "A mooring licence requires a written application before the season opens."))
    assert question is not None and question.answer == "A written application before the season opens."


MILL = [
    (("The Pemberton Mill", "1. Who was Ada Pemberton?"),
     "Ada Pemberton (1850-1921) was a Welsh engineer. In 1884 Ada Pemberton designed the overshot wheel that "
     "drove the looms of the mill."),
    (("The Pemberton Mill", "2. The wheel"),
     "Ada Pemberton tested the wheel through the winter of 1885. Her wheel turned faster than any wheel "
     "of the valley."),
    (("The Pemberton Mill", "3. The looms"),
     "Ada Pemberton sold the patent of the wheel in 1890. The looms of her mill ran until 1931."),
]


def test_a_faq_who_was_of_the_person_the_notes_are_about_is_not_asked():
    prompts = [i.prompt for i in generate_items(section_chunks("mill.md", MILL), learned_cutoff=False)]
    assert not any(p.startswith("Who was Ada Pemberton") for p in prompts)


def test_a_count_is_asked_with_the_scope_the_notes_give_it():
    question = kinds_question(nlp.parse_line(
        "For sourdough loaves there are two alternatives to baker's yeast: a levain and a poolish."))
    assert question is not None
    assert question.prompt == "What are the two alternatives to baker's yeast for sourdough loaves?"
    pointing = "In this case there are two kinds of starter: a levain and a poolish."
    assert kinds_question(nlp.parse_line(pointing)) is None


# --- kind 2: options and stems that give the answer away ------------------------------------------------

def test_a_stem_word_inside_the_answer_word_gives_it_away():
    stem = "are a weaker class of attraction that acts between molecules rather than within them"
    assert gives_away(stem, "Intermolecular forces", ["Ionic bonds", "Covalent bonds", "Metallic bonds"])
    assert not gives_away(stem, "Hydrogen bonds", ["Ionic bonds", "Covalent bonds", "Metallic bonds"])


def test_a_second_claim_read_as_nouns_is_a_second_clause():
    doc = nlp.parse_line("Crumbs are real structures with real pores, and crumb affects texture.")
    assert _second_clause(doc, 1)
    assert not _second_clause(nlp.parse_line("Crumbs are soft structures with small pores and thin walls."), 1)


BREAD = """Gluten networks trap the gas that yeast gives off.
Gluten networks are built by kneading the dough.
Gluten networks tear when the dough is over-proved.
Starch gels set the crumb as the loaf bakes.
Starch gels harden again as the bread goes stale.
The rye loaf is the standard example of a sour dough.
An example is the baguette, a lean dough.
Rich doughs, for example brioche, hold butter and eggs.
Steam pockets lift the crust in the first minutes of baking."""


def test_the_texts_own_examples_are_no_central_term():
    lines = BREAD.splitlines()
    docs, lexicon = parsed_notes(BREAD)
    lexicon.defined["example"].add("baguette")  # "An example is the baguette": what generation records (gen_keys)
    terms = CentralTerms(lines, ["Bread"], docs, lexicon, ["Bread"])
    assert "gluten network" in terms.central
    assert not any(key.rstrip("s") == "example" for key in terms.central)


# --- kind 3: a list's label of a side asked as a term -------------------------------------------------

def test_a_one_word_modifier_label_is_no_term():
    # "International: Japan avoided colonisation ..." among "Political:", "Economic:" labels of one list
    for label in ("International", "Economic", "Political"):
        assert modifier_label(label, nlp.parse_line(label))
    for term in ("Debugging", "Backyard kilns", "Recursion", "Mercantilism"):
        assert not modifier_label(term, nlp.parse_line(term))

"""Held-out set 18's judged kinds, fixed by form: a list's label read as a term or an option ("Examples:",
"Examples of <things>:"), a condition after a label's colon offered as a term, a person's name among the
terms of "which term means", a fact box's or a comparison's value asked as the meaning of its label, a
definite description told only by the passage ("the usual examples: ...", "the source of the heat used to
..."), a card keyed to one of two things the notes say a subject contains, "What is X?" where the notes say
what X stands for, a who-item on a past-perfect detail, a true/false read back on a full date, and an
abbreviation counted as used where only a source's title names it. Real spaCy on made-up notes of no course
of the pool (a mill town, timber, a harbour)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_cards import names_one
from bot.core.quiz.gen_defined import (field_labels, glossary_definition, label_key, lists_instances, opens_a_clause,
                                       reads_as_glossary)
from bot.core.quiz.gen_questions import told_by_context, who_question
from bot.core.quiz.generator import _DAY_OF_MONTH, _Generator

from tests.quiz.parsed_notes import flashcards, section_chunks


# --- kind 1: a list's label is no term --------------------------------------------------------------------

def test_a_plural_label_over_its_instances_is_no_term():
    for line in ("Examples of hardwoods: oak, ash and beech, which grow slowly.",
                 "Examples: timber sold by the cord, sawn planks, fence posts and firewood."):
        found = glossary_definition(line)
        assert found is not None
        assert lists_instances(nlp.parse_line(found.term), nlp.parse_line(found.definition))


def test_a_plural_term_defined_by_its_plural_genus_stays_a_term():
    found = glossary_definition("Hardwoods: trees whose seeds grow in a fruit or a pod.")
    assert not lists_instances(nlp.parse_line(found.term), nlp.parse_line(found.definition))


def test_a_condition_after_the_colon_is_no_definition():
    found = glossary_definition("Rainfall: when rain is short, the young trees die before the summer.")
    assert opens_a_clause(nlp.parse_line(found.definition))
    assert not reads_as_glossary(nlp.parse_line(found.term), nlp.parse_line(found.definition))


def test_a_label_opening_two_lines_of_one_section_is_a_field():
    chunks = section_chunks("mills.txt", [
        (("Mills", "Two mills compared"), "Ashby Mill\n- Basis: water power from the river.\n- Output: cloth."),
        (("Mills", "Two mills compared"), "Colne Mill\n- Basis: Steam engines bought in 1840.\n- Output: yarn."),
        (("Mills", "Key terms"), "- Weir: a low dam that raises the level of a river.")])
    labels = field_labels(chunks)
    assert ("mills.txt", label_key("Basis")) in labels and ("mills.txt", label_key("Weir")) not in labels


# --- kind 2: a person's name among terms ------------------------------------------------------------------

HARBOUR = [
    (("The Harbour", "Key terms"), "- Breakwater: a long wall built out into the sea to protect a harbour from waves.\n"
                                   "- Quay: a stone platform where ships are loaded and unloaded.\n"
                                   "- Dredging: the removal of mud and sand from the bed of a harbour."),
    (("The Harbour", "The harbour in art"), "- Margaret Holloway: paintings of the fishing fleet, especially Evening Tide.\n"
                                            "- Samuel Ormerod: engravings of the new breakwater under construction.\n"
                                            "- Edith Crane: the photograph of three trawlers in a storm in 1902."),
]


def test_people_of_a_glossary_run_are_neither_asked_nor_offered():
    g = _Generator(section_chunks("harbour.md", HARBOUR))
    terms = {d.term for found in g.definitions.values() for d, _ in found}
    assert {"Breakwater", "Quay", "Dredging"} <= terms
    assert not terms & {"Margaret Holloway", "Samuel Ormerod", "Edith Crane"}


# --- kind 3: a card on a bare label, or with several answers ----------------------------------------------

def test_a_name_given_as_a_labels_value_is_no_meaning():
    assert names_one(nlp.parse_line("Ann Reid, appointed by the court."))
    assert not names_one(nlp.parse_line("A writ that orders a prisoner to be brought before a court."))
    cards = flashcards("The Trial", ["Counsel for the town: Ann Reid, appointed by the court.",
                                     "The court sat in Ashby for three days in 1871."])
    assert not any("Counsel for the town" in p for p in cards)


def _attribute(sentence: str):
    doc = nlp.parse_line(sentence)
    root = next(t for t in doc if t.dep_ == "ROOT")
    return next(c for c in root.children if c.dep_ == "attr")


def test_a_description_told_only_by_the_passage_is_no_definition():
    assert told_by_context(_attribute("Toll roads are the usual examples: the turnpikes of the north."))
    assert told_by_context(_attribute("Coal is the source of the heat used to drive the engine."))
    assert not told_by_context(_attribute("Market power is the ability to influence the market price."))
    assert not told_by_context(_attribute("Sovereignty is the authority of a state to govern itself."))


def test_no_card_on_what_a_thing_contains_when_the_notes_say_it_contains_more():
    cards = flashcards("Boilers", ["The boiler walls contain iron, copper and a little tin.",
                                   "The boiler wall contains three valves that let the steam out.",
                                   "The boiler walls are riveted in the works at Ashby."])
    assert not any(p.startswith("What do the boiler walls contain") for p in cards)


def test_no_what_is_card_on_an_abbreviation_the_notes_spell_out_elsewhere():
    cards = flashcards("Harbour Works", ["HWB stands for the Harbour Works Board.",
                                        "HWB is a body of ten members, chosen by the town council every year.",
                                        "The HWB built the breakwater between 1890 and 1895."])
    assert "What is HWB?" not in cards


# --- kind 4: not worth asking -----------------------------------------------------------------------------

def test_a_past_perfect_detail_is_no_who_question():
    assert who_question(nlp.parse_line("Reid had visited a fair in Leeds in 1851.")) is None
    assert who_question(nlp.parse_line("Reid built the first steam mill in Ashby in 1851.")) is not None


def test_a_year_closing_a_full_date_is_read_as_one():
    assert _DAY_OF_MONTH.search("The trust was created on 2 January ")
    assert _DAY_OF_MONTH.search("The trust was created on January 2, ")
    assert not _DAY_OF_MONTH.search("The trust was created in ")


def test_a_sources_list_is_no_use_of_an_abbreviation():
    chunks = section_chunks("harbour.md", [
        (("The Harbour", "Works"), "The Harbour Works Board (HWB) built the breakwater."),
        (("The Harbour", "Sources"), "- A. Reid, \"The HWB and its Engineers\", HWB Papers No. 4 (1990).")])
    g = _Generator(chunks)
    assert g._abbreviation_paragraphs("HWB") == 1


def test_a_plural_term_defined_by_a_phrase_with_its_article_stays_a_term():
    found = glossary_definition("Ballast: the sand, shingle or broken stone laid under the rails.")
    assert not lists_instances(nlp.parse_line("Ballasts"), nlp.parse_line(found.definition))

"""Held-out set 7's definition cards that did not define (judged in round 16), on made-up notes: a
"Term: explanation" line led by a rhetorical opener, a genus with nothing that sets the term apart,
and a genus that says what the name is (gen_genus)."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_genus import genus_about_the_word, genus_without_differentia, names_a_thing
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks


_chunks = section_chunks


def _cards(notes) -> dict[str, str]:
    return {i.prompt: i.answer for i in generate_items(notes, learned_cutoff=False)}


@pytest.mark.parametrize("term, a_term", [
    ("Look no further", False),  # an imperative lead-in
    ("Read on", False),
    ("Swarm cell", True),
    ("Queen excluders", True),
    ("Smoking", True),  # a gerund alone names an activity
])
def test_a_glossary_term_is_a_noun_phrase(term, a_term):
    assert names_a_thing(nlp.parse_line(term)) is a_term


@pytest.mark.parametrize("sentence, bare", [
    ("Hive inspection is a relatively demanding activity, very documented or even regulated.", True),
    ("A nucleus is a small colony.", True),
    ("A nucleus is a small colony that is made from frames of a larger one.", False),  # relative clause
    ("A nucleus is a small colony of bees kept in a box.", False),  # "of" phrase
    ("A super is a box placed above the brood chamber to collect honey.", False),  # participle with complement
    ("Propolis is a resin used by bees to seal gaps.", False),
    ("The queen is the only fertile female.", False),  # a definite genus picks one thing out
])
def test_a_genus_with_nothing_after_it_is_no_definition(sentence, bare):
    assert genus_without_differentia(nlp.parse_line(sentence)) is bare


@pytest.mark.parametrize("sentence, about_the_word", [
    ("HIVE is a recursive acronym, standing for “HIVE Is Very Excellent”.", True),
    ("Apis is a contraction of two first names.", True),
    ("Apis is a genus of insects that make honey.", False),
    # a clause on the noun says what the name applies to: the concept is defined
    ("A virtual hive is a generic name that applies to any one of a group of hives that share one scale.", False),
    ("The frame label is the hive name with the suffix .f appended.", False),
])
def test_a_genus_about_the_word(sentence, about_the_word):
    assert genus_about_the_word(nlp.parse_line(sentence)) is about_the_word


def test_no_card_asks_what_a_lead_in_means():
    notes = _chunks("hives.md", [(("Hives", "The name"),
                                  "Look no further: Apis is not an acronym. The name is a contraction of two words.")])
    assert not any("Look no further" in p for p in _cards(notes))  # made without names_a_thing


def test_no_definition_card_on_a_genus_without_differentia():
    bare = _chunks("hives.md", [(("Hives", "Keeping"),
                                 "Hive inspection is a relatively demanding activity, very documented or even "
                                 "regulated. Hive inspection must follow the rules of the local association.")])
    assert not any(answer.startswith("Hive inspection is") for answer in _cards(bare).values())
    # The same sentence with a clause that sets the activity apart keeps its card.
    defined = _chunks("hives.md", [(("Hives", "Keeping"),
                                    "Hive inspection is a demanding activity that checks every frame of the colony "
                                    "for disease. Hive inspection must follow the rules of the local association.")])
    assert any(answer.startswith("Hive inspection is") for answer in _cards(defined).values())


def test_no_what_is_question_answered_by_what_the_name_is():
    from bot.core.quiz.gen_questions import identity_question

    word = nlp.parse_line("HBT is a recursive acronym, standing for “HBT Beekeeping Tools”.")
    assert identity_question(word, is_term=lambda text: True) is None
    thing = nlp.parse_line("HBT is a suite of free tools that read every hive scale.")
    assert identity_question(thing, is_term=lambda text: True) is not None

"""Sentences once refused as leaning on what came before that stand alone as written (session 25, issue 8:
refusals a stem can carry), beside the ones that still lean and stay refused. Real spaCy parses of
made-up sentences in the forms of the development notes."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_standalone import leans_on_context


def _leans(sentence: str, full_names=None, person=None) -> str:
    return leans_on_context(nlp.parse_line(sentence), full_names or {}, lambda lemma, subject: False, person=person)


@pytest.mark.parametrize("sentence", [
    # a quantifier over a noun phrase the sentence itself says
    "None of the original treaties establishing the European Union mention protection for fundamental rights.",
    "One of the most prominent Huguenot refugees in the Netherlands was Pierre Bayle.",
    "Much of the work of the Scottish Parliament is done in committee.",
    "All of the three western khanates became functionally autonomous.",
    "Most draft laws are government bills introduced by ministers in the governing party.",
    # a gendered pronoun after a name that is the subject before it (spaCy labels the name no person)
    "Céloron continued south until his expedition reached the confluence of the Ohio and the Miami rivers.",
    "Washington and his men reached Fort Le Boeuf.",
    # an opening phrase that says its own when or where, or a purpose
    "To make new legislation, TFEU article 294 defines the ordinary legislative procedure.",
    "Despite periodic repression, the Brotherhood has become one of the most influential movements.",
])
def test_stands_alone_as_written(sentence):
    assert _leans(sentence) == ""


@pytest.mark.parametrize("sentence", [
    "Some of the income was dispensed in the form of aid to other underdeveloped nations.",  # which income?
    "One of the principal objectives of the commission was to examine ways of enabling self-government.",
    "Most of them were destroyed in the aftermath of the Warsaw Uprising of 1944.",
    "Many of their descendents rose to positions of prominence.",
    "Most of the other northern tribes sided with the French.",
    "Many of the older colonies had land claims that extended far to the west.",  # older than which?
    "Most other member states have expressed similar reservations.",
    "One engine was still known to be operating in 1820.",
    "Some such as DATAPAC and TRANSPAC were initially implemented with an X.25 interface.",
    "Others migrated to places like Saint-Domingue.",
    "Newcastle replaced him in January 1756 with Lord Loudoun.",  # him: another man
    "The Court held that he was entitled to stay.",  # a body, not the man
    "Scouts had reported the weakness of the supply chain, so he ordered an attack.",
    "In the aftermath, Montcalm and the Indians disagreed.",
    "At the time, Iran was the world's second-largest oil exporter.",
])
def test_still_leans(sentence):
    assert _leans(sentence)


def test_a_word_of_a_name_that_is_no_persons():
    """"Nixon" where the notes' only longer name holding it is "Nixon Administration": no person's full
    name is left out; "Peng" for "Peng Dehuai" still is."""
    names = {"Nixon": {"Nixon Administration"}, "Peng": {"Peng Dehuai"}}
    people = {"Peng Dehuai"}.__contains__
    assert _leans("In 1973, Nixon named William E. Simon as the first Administrator of the Federal Energy Office.",
                  names, people) == ""
    assert _leans("Peng was denounced as a right opportunist.", names, people)
    assert _leans("In 1973, Nixon named William E. Simon as the first Administrator of the Federal Energy Office.",
                  names)  # without a reading of who is a person, as before


def test_a_hyphened_compound_is_looked_up_as_written():
    seen = []
    leans_on_context(nlp.parse_line("The water-cement ratio has a considerable effect on shrinkage."), {},
                     lambda lemma, subject: False, named=lambda phrase: seen.append(phrase) or True)
    assert seen == ["water-cement ratio"]


_TITLE_WORDS = {"steam", "engine"}.__contains__


@pytest.mark.parametrize("sentence", [
    "In 1698 Thomas Savery patented a steam pump that used steam in direct contact with the water being pumped.",
    "Joseph Aspdin patented Portland cement in 1824; modern Portland cement developed later in the nineteenth century.",
    "The most useful instrument for analyzing the performance of steam engines is the steam engine indicator.",
])
def test_says_which_by_itself(sentence):
    names = {"Jin": {"Jin dynasty", "Jin Shang"}}
    assert leans_on_context(nlp.parse_line(sentence), names, lambda lemma, subject: _TITLE_WORDS(lemma)) == ""


@pytest.mark.parametrize("sentence", [
    "The engine cylinders had to be large because the only usable force acting on them was atmospheric.",
    "The treaty was later renamed.",
    "Jin attacked the Song.",
])
def test_still_points_back(sentence):
    names = {"Jin": {"Jin dynasty", "Jin Shang"}}
    assert leans_on_context(nlp.parse_line(sentence), names, lambda lemma, subject: _TITLE_WORDS(lemma))

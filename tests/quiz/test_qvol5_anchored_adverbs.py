"""Issue 8, lane qvol5 (session 29): "also", "too" and "later" measured against something the sentence itself
says do not make it lean on what came before (the census of itemless sections found the notes' own opening
definitions refused: "Islamism, also known as Political Islam, is ...", "Photosynthesis is the process by which
... energy that can later be released ..."); the same adverbs on the sentence's own main verb stay refused. A
cause that is the first half of "not just ... but also ..." makes no why-question. Real spaCy parses of
made-up sentences in the forms of the development notes."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_questions import why_question
from bot.core.quiz.gen_standalone import leans_on_context


def _leans(sentence: str) -> str:
    return leans_on_context(nlp.parse_line(sentence), {}, lambda lemma, subject: False)


@pytest.mark.parametrize("sentence", [
    # another name given in an aside
    "Tectonism, also known as crustal motion, is the slow movement of the outer shell of a planet.",
    "The Frisians, also called Frieslanders, were seafaring people from the North Sea coast who traded widely.",
    # the second of two things the sentence joins
    "Krakow is home not only to many national institutions, but also to many domestic companies.",
    "Ivan Kovac supported the reform party and also devoted himself to painting.",
    # "later" inside a relative clause, after the clause it hangs on
    "Respiration is the process by which cells release energy that can later be used to fuel their activities.",
    "1836: Edmund Davy discovered acetylene gas, which later led to oxyacetylene welding.",
    # "too" of degree
    "Curing means stopping freshly poured concrete from drying out too quickly.",
    "Recessions come from too little demand combined with sticky wages and prices.",
])
def test_adverb_anchored_in_the_sentence(sentence):
    assert _leans(sentence) == ""


@pytest.mark.parametrize("sentence", [
    "New Classical economics also gained influence.",
    "Sadat was later assassinated.",
    "Heckscher and Ohlin later linked comparative advantage to factor endowments.",
    "Food shortages eventually affected cities too, as the rural grain crisis intensified.",
    "Although the Steelyard was later returned to the Germans, the old privileges were gone for ever.",
])
def test_adverb_on_the_main_verb_still_leans(sentence):
    assert "pointing back" in _leans(sentence)


def test_no_why_question_from_half_of_a_pair_of_causes():
    doc = nlp.parse_line("Mercantilism is a controversial doctrine not just because it favours exporters but also "
                         "because its supporters believe trade is a contest.")
    assert why_question(doc) is None


def test_a_plain_because_still_asked():
    question = why_question(nlp.parse_line('Ostrava gained the name of the "Steel Heart" because it has made steel '
                                           'for two centuries.'))
    assert question is not None and question.prompt == 'Why did Ostrava gain the name of the "Steel Heart"?'


@pytest.mark.parametrize("sentence", [
    "Azotaemia is a condition in which urea and other toxins build up in blood.",
    "Demand for one brand of soap is elastic because other brands are easy to buy.",
    "Around 1527–1528, Huayna Capac died in an epidemic of smallpox.",
])
def test_other_and_openers_the_sentence_anchors(sentence):
    assert _leans(sentence) == ""


@pytest.mark.parametrize("sentence", [
    "Other historians prefer 1356 as the formal founding date.",
    "Four other states allowed segregation at the choice of local school boards.",
])
def test_other_counting_from_before_still_leans(sentence):
    assert "counts from what came before" in _leans(sentence)


def test_bracketed_other_name_read_as_an_aside():
    """"<Term> (also called / spelled <other name>) is a ...": read without the bracket, as the same aside between
    commas is (gen_tpl_cards._ALIAS_ASIDE); the qvol5 census found such opening definitions unasked."""
    from bot.core.quiz.gen_tpl_cards import _ALIAS_BRACKET
    found = _ALIAS_BRACKET.match("Tetanus toxin (also called tetanospasmin) is a protein neurotoxin produced by a bacterium.")
    assert found is not None and found.group("term") == "Tetanus toxin"
    assert found.group("rest").startswith("is a protein neurotoxin")
    assert _ALIAS_BRACKET.match("Myoglobin (also spelled myoglobine) is an iron-containing protein of muscle.")
    # not an aside of another name: no "also", or no verb after it
    assert _ALIAS_BRACKET.match("Tetanus toxin (tetanospasmin) is a protein neurotoxin.") is None
    assert _ALIAS_BRACKET.match("Pangaea (also spelled Pangea): the single supercontinent.") is None

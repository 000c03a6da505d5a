"""Questions turned out of single sentences (gen_questions) and places told apart by level (gen_places),
on made-up sentences."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_places import INNER, OUTER, place_levels
from bot.core.quiz.gen_questions import identity_question, object_question, who_question, why_question


def test_what_is_a_named_thing_and_which_thing_a_unique_description_fits():
    q = identity_question(nlp.parse_line("The Harbour Commission was a body of merchants that ran the port of Leith."))
    assert q.prompt == "What was the Harbour Commission?"
    assert q.answer == "A body of merchants that ran the port of Leith."
    q = identity_question(nlp.parse_line("The Royal Assembly is the highest court of the kingdom."))
    assert q.prompt == "What is the highest court of the kingdom?" and q.answer == "The Royal Assembly"


def test_which_thing_a_description_fits_whichever_side_of_is_it_stands():
    # A unique description as the subject, any noun phrase as the answer.
    q = identity_question(nlp.parse_line("The main sources of harbour law are the royal charters granted to the port."))
    assert q.prompt == "What are the main sources of harbour law?"
    assert q.answer == "The royal charters granted to the port"
    # A second claim after the description does not stop a question about the description alone.
    q = identity_question(nlp.parse_line("The Royal Assembly is the supreme body which interprets the charters, "
                                         "and develops them through precedent."))
    assert q.prompt == "What is the supreme body which interprets the charters?" and q.answer == "The Royal Assembly"
    # A possessive names its owner: one thing fits; the answer a term of the notes.
    q = identity_question(nlp.parse_line("The heron is Leith's symbol and can be found on the harbour gates."),
                          is_term=lambda text: text == "The heron")
    assert q.prompt == "What is Leith's symbol?" and q.answer == "The heron"
    q = identity_question(nlp.parse_line("The first Provost of Leith was Andrew Lamb."))
    assert q.prompt == "Who was the first Provost of Leith?" and q.answer == "Andrew Lamb"


@pytest.mark.parametrize("sentence", [
    # a list no student recalls whole, which the parse may also cut short
    "The main ports of the kingdom were Leith, Dundee, Aberdeen, Perth, Montrose and Inverness.",
    # the question already says who he was
    "Governor Robert Dinwiddie of Virginia was an investor in the Ohio Company.",
])
def test_no_description_or_identity_question_with_a_list_or_a_role_already_given(sentence):
    assert identity_question(nlp.parse_line(sentence)) is None


@pytest.mark.parametrize("sentence", [
    "Steam engines are not a kind of turbine.",  # a negation defines nothing
    "In 1850 the Harbour Commission was a body of merchants.",  # an opener before the subject
    "He was a merchant of the port of Leith.",  # a pronoun, nothing named
])
def test_no_identity_question_without_a_named_subject_first(sentence):
    assert identity_question(nlp.parse_line(sentence)) is None


def test_why_questions_move_the_auxiliary_or_add_did():
    q = why_question(nlp.parse_line("The engine cylinders had to be large because the only force acting on them "
                                    "was atmospheric pressure."))
    assert q.prompt == "Why did the engine cylinders have to be large?"
    assert q.answer == "Because the only force acting on them was atmospheric pressure."
    q = why_question(nlp.parse_line("Confucian scholars were attracted to the medical profession because it "
                                    "ensured a high income."))
    assert q.prompt == "Why were Confucian scholars attracted to the medical profession?"
    # Commas of a list inside the subject are no second clause.
    q = why_question(nlp.parse_line("The islands of Orkney, Shetland and Lewis have separate constituencies because of "
                                    "their dispersed population."))
    assert q.prompt == "Why do the islands of Orkney, Shetland and Lewis have separate constituencies?"
    # "far fewer electors" than what? A comparison without its other side does not stand (round 6).
    assert why_question(nlp.parse_line("The islands of Orkney, Shetland and Lewis have far fewer electors because "
                                       "of their dispersed population.")) is None
    # The possessive stays joined to its noun when the auxiliary moves.
    q = why_question(nlp.parse_line("The club was relegated from the country's top flight because of its debts."))
    assert q.prompt == "Why was the club relegated from the country's top flight?"


def test_no_why_question_when_the_cause_explains_only_part_of_the_sentence():
    assert why_question(nlp.parse_line("The ministers were censured in 1999, and the commission eventually "
                                       "resigned due to corruption allegations.")) is None


def test_towns_and_the_places_that_hold_them():
    text = ("The liqueur came from Dijon, France. The city of Bolzano lies in the mountains. "
            "Trade grew between France, Italy, Austria and Belgium.")
    levels = place_levels(text, ["Dijon", "France", "Bolzano", "Italy", "Austria", "Belgium"])
    assert levels.level("Dijon") == INNER and levels.level("France") == OUTER and levels.level("Bolzano") == INNER
    assert levels.level("Italy") == ""  # a list is no nesting
    assert not levels.fits_among("France", "Dijon")  # one inside the other
    assert not levels.fits_among("Italy", "Bolzano")  # a town beside a place of unknown level
    assert levels.fits_among("Dijon", "Bolzano") and levels.fits_among("Italy", "Austria")


def test_a_place_that_is_also_a_title_is_never_offered():
    levels = place_levels("The Duke of Newcastle fell from power. Louisbourg and Quebec were taken. "
                          "Lord Loudoun planned an attack.", ["Newcastle", "Louisbourg", "Quebec", "Loudoun"])
    assert not levels.fits_among("Louisbourg", "Newcastle") and not levels.fits_among("Louisbourg", "Loudoun")
    assert levels.fits_among("Louisbourg", "Quebec")


def test_who_did_what_asks_for_the_actor_and_names_its_kind_when_the_notes_do():
    q = who_question(nlp.parse_line("George Stephenson built the Locomotion for the Stockton and Darlington Railway."))
    assert q.prompt == "Who built the Locomotion for the Stockton and Darlington Railway?"
    assert q.answer == "George Stephenson"
    q = who_question(nlp.parse_line("The Harbour Court decided the dispute between the two merchants."),
                     is_term=lambda text: True, common={"court"}.__contains__)
    assert q.prompt == "Which court decided the dispute between the two merchants?"


@pytest.mark.parametrize("sentence", [
    "Members may call each other directly by name in the debating chamber.",  # a vague one-word answer
    "The emperors built large palaces, but some still continued to live as nomads.",  # a second claim
    "France, Spain and Portugal signed the treaty with the northern kingdoms.",  # a list of answers
])
def test_no_who_question_without_one_clear_actor(sentence):
    assert who_question(nlp.parse_line(sentence), is_term=lambda text: True) is None


def test_what_did_asks_for_the_object_and_keeps_the_year():
    q = object_question(nlp.parse_line("In 1781 James Watt patented a steam engine that produced rotary motion."))
    assert q.prompt == "What did James Watt patent in 1781?"
    assert q.answer == "A steam engine that produced rotary motion."


def test_no_identity_question_whose_answer_repeats_the_name():
    assert identity_question(nlp.parse_line("Mercury is the working fluid in the mercury vapour turbine.")) is None


def test_the_class_noun_may_repeat_the_last_word_of_the_name():
    q = identity_question(nlp.parse_line("The Social Chapter is a chapter of the 1997 Treaty of Amsterdam on social policy."))
    assert q.prompt == "What is the Social Chapter?"
    assert q.answer == "A chapter of the 1997 Treaty of Amsterdam on social policy."

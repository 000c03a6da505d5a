"""What a thing is made of ("X consists of Y", "X is composed of Y", "X is made up of Y"), asked "What does X
consist of?" (gen_function.composition_question; issue 8, session 25: sentences teachers mark that no
template read, the parts after "of" being no object of the verb). Real spaCy on made-up notes of no course
of the pool (a water mill, a harbour board, a loom), with the refusals that keep the card to one answer."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_function import composition_question, function_question
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import note_chunks


def _asked(sentence: str):
    return composition_question(nlp.parse_line(sentence))


def test_consists_of_is_asked_with_the_parts_the_answer():
    question = _asked("A water wheel consists of a rim, a set of paddles and a central axle.")
    assert question is not None
    assert question.prompt == "What does a water wheel consist of?"
    assert question.answer == "A rim, a set of paddles and a central axle."


def test_composed_of_keeps_the_adverb_and_cuts_a_relative_clause_on_the_last_part():
    question = _asked("The harbour board is principally composed of the harbour master and the pilots, "
                      "who meet every month to set the dues.")
    assert question is not None
    assert question.prompt == "What is the harbour board principally composed of?"
    assert question.answer == "The harbour master and the pilots."


def test_made_up_of_is_asked():
    question = _asked("The loom frame is made up of two oak beams and a cross bar.")
    assert question is not None and question.prompt == "What is the loom frame made up of?"


def test_a_pronoun_or_pointing_subject_is_not_asked():
    assert _asked("It consists of a rim, a set of paddles and a central axle.") is None
    assert _asked("This frame is made up of two oak beams and a cross bar.") is None


def test_parts_counted_not_named_are_not_asked():
    assert _asked("The mill race consists mainly of two channels: the upper one feeds the wheel.") is None
    assert _asked("The loom frame consists of several parts.") is None


def test_a_past_case_the_passage_sets_is_not_asked():
    # "Macroeconomic problems consisted of ...": which ones, and when?
    assert _asked("Local shortages consisted of both grain and timber losses.") is None


def test_a_second_clause_the_answer_would_leave_out_is_not_asked():
    # The key would hold the axle and not the wheel's second claim: an incomplete key.
    assert _asked("The wheel consists of a central axle, and the race carries water to it.") is None
    assert _asked("The wheel may consist of a central axle and paddles.") is None  # what it may be made of


def test_the_question_naming_its_answer_is_not_asked():
    assert _asked("The council is composed of the smaller councils of the three towns.") is None


MILL = [
    "A water wheel is a machine that turns the power of flowing water into rotary motion. A water wheel "
    "consists of a rim, a set of paddles and a central axle fixed to the mill frame.",
    "Millstones grind the grain between them. The axle of the wheel drives the millstones through a train of gears.",
    "An iron axle lasts longer than an oak axle. The paddles dip into the mill race.",
    "A water wheel needs a steady head of water. Millers built weirs to keep the head of water steady.",
]


def test_the_generator_makes_the_card_of_a_term_the_notes_return_to():
    prompts = {i.prompt: i.answer for i in generate_items(note_chunks("Milling", MILL), learned_cutoff=False)}
    assert prompts.get("What does a water wheel consist of?") == \
        "A rim, a set of paddles and a central axle fixed to the mill frame."


# --- a rule a provision of law states: "What does Article 12 prohibit?" ---------------------------------

def test_a_provision_of_law_is_asked_what_it_states():
    question = function_question(nlp.parse_line("Article 12 prohibits the sale of fish caught inside the harbour."))
    assert question is not None
    assert question.prompt == "What does Article 12 prohibit?"
    assert question.answer == "The sale of fish caught inside the harbour."


def test_a_provision_with_a_modal_and_a_body_are_not_asked():
    assert function_question(nlp.parse_line("Article 12 may prohibit the sale of fish caught inside the harbour.")) is None
    # a body acts in many ways: what it "proposes" has many answers (who-did-what asks it)
    assert function_question(nlp.parse_line("The Harbour Board proposes new dues for the fish market.")) is None


HARBOUR = [
    "The Harbour Act sets the rules of the fish market. Article 12 prohibits the sale of fish caught inside "
    "the harbour.",
    "Article 12 was amended after the storm of 1880. Article 14 allows the sale of fish from the open sea.",
]


def test_the_generator_asks_a_provision_the_notes_name_again():
    prompts = {i.prompt: i.answer for i in generate_items(note_chunks("The fish market", HARBOUR), learned_cutoff=False)}
    assert prompts.get("What does Article 12 prohibit?") == "The sale of fish caught inside the harbour."


COUNCIL = [
    "The harbour council governs the port of Wexham. The harbour council is principally composed of the harbour "
    "master and the pilots of Wexham, who under an old charter may set harbour dues for every ship that "
    "anchors at Wexham in winter and for every fishing boat that lands fish at Wexham in summer.",
    "The harbour master keeps the register of ships. The pilots of Wexham guide ships through the sandbanks.",
    "The harbour council meets every month. The harbour council answers to the town of Wexham.",
]


def test_a_long_sentence_is_asked_what_the_thing_is_made_of():
    # Over gen_text.MAX_WORDS: only cards are made of it; the parts, cut before the clause on the last, are the key.
    prompts = {i.prompt: i.answer for i in generate_items(note_chunks("The port", COUNCIL), learned_cutoff=False)}
    assert prompts.get("What is the harbour council principally composed of?") == \
        "The harbour master and the pilots of Wexham."


def test_a_provision_named_with_a_comma_is_asked_what_it_consists_of():
    question = _asked("Article I, Section 9 mostly consists of limits on the powers of the harbour council.")
    assert question is not None
    assert question.prompt == "What does Article I, Section 9 mostly consist of?"
    assert question.answer == "Limits on the powers of the harbour council."


def test_a_past_thing_not_named_in_the_sentence_is_not_asked():
    # which army? one the passage told of before; "the army of Wexham" names it
    assert _asked("The army consisted of two thousand men and forty horses.") is None
    question = _asked("The army of Wexham consisted of two thousand men and forty horses.")
    assert question is not None and question.prompt == "What did the army of Wexham consist of?"

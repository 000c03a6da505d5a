"""What a thing of the notes does, said "<subject> <verb>s <object>." with a verb outside gen_function's list
of verbs of function, a second joined deed, or a first word the parser took for a name (issue 8, session 30,
lane qverb). Real spaCy on made-up sentences of no course of the pool (a town's harbour, a mill, bread)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_function import function_question


def _asked(line, common=frozenset()):
    doc = nlp.parse_line(line)
    question = function_question(doc, common) if common else function_question(doc)
    return (question.prompt, question.answer) if question is not None else None


# --- a plain transitive deed, the verb outside FUNCTION_VERBS -------------------------------------------

def test_a_plain_present_deed_is_asked():
    assert _asked("The harbour crane needs a steady supply of compressed air.") == (
        "What does the harbour crane need?", "A steady supply of compressed air.")


def test_a_listed_verb_after_a_modal_is_asked_as_before():
    assert _asked("The harbour crane can hold a loaded fishing boat.") == (
        "What can the harbour crane hold?", "A loaded fishing boat.")


def test_an_idiom_verb_stays_refused():
    assert _asked("Harbour meetings take place on Tuesday mornings.") is None
    assert _asked("The harbour crane has a long steel arm.") is None


def test_a_hedged_deed_stays_refused():
    assert _asked("The harbour crane usually needs a steady supply of compressed air.") is None


def test_a_phrase_after_the_object_stays_refused_for_a_new_verb():
    assert _asked("Grain enters the mill through a wooden chute.") is None
    assert _asked("The miller sends the flour to the bakery in sacks.") is None


def test_what_people_think_stays_refused():
    assert _asked("Historians value the mill ledgers highly.") is None
    assert _asked("Economists distrust the official harbour statistics.") is None


def test_a_name_still_does_deeds_for_who_questions():
    assert _asked("The Harbour Board proposes new dues for the fish market.") is None


# --- a second joined deed ---------------------------------------------------------------------------

def test_the_first_of_two_joined_deeds_is_asked_alone():
    assert _asked("Slow proving improves the flavour of the dough and reduces the amount of yeast needed.") == (
        "What does slow proving improve?", "The flavour of the dough.")


def test_a_joined_verb_with_its_own_subject_stays_refused():
    assert _asked("The oven provides steady heat, and the baker controls the timing.") is None


# --- a first word tagged as a name ----------------------------------------------------------------------

def test_a_capitalised_first_word_the_notes_write_in_lower_case_is_no_name():
    line = "Dams can provide flood control, irrigation and recreation."
    assert _asked(line, frozenset({"dams"})) == ("What can dams provide?", "Flood control, irrigation and recreation.")


def test_a_name_at_the_start_stays_a_name():
    assert _asked("Pemberton Mill provides flour for the whole valley.", frozenset({"mill"})) is None


def test_one_bare_noun_doing_a_new_verb_stays_refused():
    assert _asked("Water supplies the steam needed in the process.") is None


def test_a_first_word_read_as_common_is_written_in_lower_case():
    question = function_question(nlp.parse_line("Kidney disease can produce swelling of the ankles and feet."),
                                 frozenset({"kidney"}))
    assert question is not None and question.prompt == "What can kidney disease produce?"


def test_a_new_verb_after_a_modal_stays_refused():
    assert _asked("A strong gust can topple the loaded crane arm.") is None


def test_a_new_verb_whose_key_would_be_cut_stays_refused():
    assert _asked("The harbour crane needs two operators — one on each side — to lift a boat.") is None


def test_a_which_clause_on_the_whole_is_left_out_of_a_whole_key():
    assert _asked("Sourdough starters need a daily mixture of flour and water, which explains their slow rise.",
                  frozenset({"sourdough"})) == (
        "What do sourdough starters need?", "A daily mixture of flour and water.")


def test_a_colon_ends_a_whole_key():
    assert _asked("The harbour charter founds three separate boards: the pilots, the dockers and the wardens.") == (
        "What does the harbour charter found?", "Three separate boards.")


def test_an_object_told_by_its_degree_stays_refused():
    assert _asked("The harbour crane needs a very large supply of compressed air.") is None

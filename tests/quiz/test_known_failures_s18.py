"""Session 18 (quizprec): forms of items past judges borderlined or dropped that the generator still
posted, each taken out by a rule about form (bench/RESULTS.md, the quizprec section of session 18)."""

from __future__ import annotations

from bot.core.quiz.gen_sequence import Event, sequences


def _events(years):
    return [Event(f"Event number {n} happened in the town", year, f"q{n}", n) for n, year in enumerate(years)]


def test_no_sequence_whose_answer_leads_by_a_sliver_of_a_long_span():
    # 1273, 1276, 1281, 1351: "which happened first?" hinges on three years out of 78 (the Imperial
    # Library Directorate before the fall of Hangzhou), an exact date rather than the order of things.
    assert sequences(_events([1273, 1276, 1281, 1351])) == []
    # The same lead in a short span is an order a student can know.
    assert len(sequences(_events([1273, 1276, 1281, 1290]))) == 1
    # A lead that is a real share of a long span stays.
    assert len(sequences(_events([1250, 1276, 1300, 1340]))) == 1


# --- a stem that holds what the notes say the answer is (gen_term_cloze.TermKin.stem_describes) -------

from tests.quiz.test_term_cloze import ECONOMICS, _clozes  # noqa: E402

_TOLD = "Sunk costs consist mainly of money already spent on machinery."
_ASKED = "A careful manager writes off sunk costs once the machinery is bought."


def test_a_term_cloze_whose_stem_holds_what_the_answer_is_is_not_made():
    # "Individuals may rely on _____ ... if the Treaty provisions have a direct effect": the notes say
    # primary law "consists mainly of the founding treaties", so "Treaty" in the stem gives it away.
    assert _ASKED not in _clozes([*ECONOMICS, _TOLD, _ASKED], "Economics")


def test_the_same_stem_is_asked_when_the_notes_do_not_say_the_answer_is_that():
    q = _clozes([*ECONOMICS, "Sunk costs are often large in heavy industry.", _ASKED], "Economics")[_ASKED]
    assert q.answer == "sunk costs"


def test_a_stem_that_says_what_the_answer_is_stays_a_question():
    # "The main sources of _____ are the Treaties ...": what it is, is what the item asks.
    asked = "The main part of sunk costs is money already spent on machinery."
    assert asked in _clozes([*ECONOMICS, _TOLD, asked], "Economics")

"""Answers that lost the fact although a sentence of the passages found held it
(bench/answer_fact_lost.py, session 24): a question asking a name in its own words ("What was
Johnson's Iroquois name?"), a name given as "known to the Iroquois as ..." or "Temür Khan, or
Emperor Chengzong" or "the chao, the paper money of the Yuan", an abbreviation spelt out with a foreign particle ("FIS or Front Islamique de
Salut"), and a sentence leaning on the shown one that gives a date of its own."""

from __future__ import annotations

import pytest

from bot.core.abbreviations import spells_out
from bot.core.question_kind import DATE, asks_a_name


@pytest.mark.parametrize("question", [
    "What was William Johnson's Iroquois name?",
    "What is the Yuan dynasty's official name?",
    "What Chinese-style name did Rinchinbal use?",
    "By what name is that first church known today?",
    "What was the Chinese name for the Central Secretariat?",
    "What was Isiah Bowman nick name, as known by the public.",
])
def test_a_name_asked_in_the_questions_own_words(question):
    assert asks_a_name(question)


@pytest.mark.parametrize("question", [
    "From what French King did the Huguenot name possibly descend?",
    "Who is eligible to toss their name in the hat to be First Minister?",
    "What writing inspired the name Great Yuan?",
])
def test_a_question_about_a_name_that_asks_no_name(question):
    assert not asks_a_name(question)


def test_a_name_given_as_known_to_someone_as():
    """"Johnson was known to the Iroquois as Warraghiggey" gives Johnson's name as "known as" does."""
    from bot.core.query import QueryTerm
    from bot.core.sentences import names_what_was_asked
    from bot.core.tokens import tokenize

    terms = [QueryTerm(stem, 1.0, frozenset({stem})) for stem in tokenize("William Johnson's Iroquois")]
    said = "The British Superintendent for Indian Affairs, Johnson was known to the Iroquois as Warraghiggey."
    assert names_what_was_asked(said, terms)
    assert not names_what_was_asked("The Iroquois sent runners to the manor of William Johnson.", terms)


def test_a_name_given_after_a_comma_and_or():
    """"... ruled as Temür Khan, or Emperor Chengzong, from 1294" gives Temür Khan's other name; ", or"
    before a small word gives none."""
    from bot.core.query import QueryTerm
    from bot.core.sentences import names_what_was_asked
    from bot.core.tokens import tokenize

    terms = [QueryTerm(stem, 1.0, frozenset({stem})) for stem in tokenize("Temür Khan's Chinese-style")]
    assert names_what_was_asked("His son succeeded the throne and ruled as Temür Khan, or Emperor Chengzong, "
                                 "from 1294 to 1307.", terms)
    assert not names_what_was_asked("Temür Khan kept the old laws, or most of them, in force.", terms)


def test_a_name_followed_by_an_apposition_saying_what_it_names():
    """"... was the chao, the paper money of the Yuan" names the Yuan's paper money; an apposition
    holding one word of the question does not ("Kublai, the grandson of Genghis" for the Yuan's money)."""
    from bot.core.query import QueryTerm
    from bot.core.sentences import names_what_was_asked
    from bot.core.tokens import tokenize

    terms = [QueryTerm(stem, 1.0, frozenset({stem})) for stem in tokenize("Yuan's paper money")]
    assert names_what_was_asked("One notable use of printing was the chao, the paper money of the Yuan.", terms)
    assert not names_what_was_asked("It was printed under Kublai, the first emperor of the Yuan.", terms)
    # A table's rule line is read at once.
    assert not names_what_was_asked("|" + "-" * 5000 + "|" + "-" * 3000 + "|", terms)


def test_an_abbreviation_spelt_out_with_a_small_word_of_another_language():
    text = ("An Islamist movement was the FIS or Front Islamique de Salut (the Islamic Salvation Front) "
            "in Algeria.")
    assert spells_out(text, "FIS")
    assert spells_out("the Front Islamique de Salut (FIS) won the local elections", "FIS")
    # Capitals that do not spell it are no long form.
    assert not spells_out("the FIS or Front Islamique National de Salut won", "FIS")


def test_a_sentence_leaning_on_the_shown_one_joins_when_it_gives_the_date_asked():
    """"It was re-established in April 1991 ..." leans on "Warsaw's first stock exchange was established
    in 1817 ...", which the answer shows: for "When was it brought back to life?" its own date is the
    one asked, so it joins the answer instead of a runner-up from elsewhere."""
    from bot.core.answering import AnswerPolicy, _choose
    from bot.core.documents import Chunk
    from bot.core.retrieval import Hit
    from bot.core.sentences import Candidate

    first = "Warsaw's first stock exchange was established in 1817 and continued trading until World War II."
    follow = "It was re-established in April 1991, following the end of communist control."
    other = "The Warsaw Stock Exchange is the largest in Central Europe by market capitalisation since 1995."
    hit = Hit(Chunk("c1", "warsaw.txt", (), None, 0, f"{first} {follow}"), 0, 0.6, 1.0, 0.5)
    elsewhere = Hit(Chunk("c2", "warsaw.txt", (), None, 1, other), 1, 0.5, 1.0, 0.4)
    scored = [Candidate(first, hit, 0, 0, score=1.9, parts=(first,)),
              Candidate(follow, hit, 0, 1, context=first, score=1.8, parts=(first, follow)),
              Candidate(other, elsewhere, 1, 0, score=1.5, parts=(other,))]
    assert [t for _, t in _choose(scored, DATE, AnswerPolicy(), scored)] == [first, follow]
    # Without a date of its own it still gives way to the runner-up from elsewhere.
    plain = "It was later moved to the former Communist Party headquarters."
    scored[1] = Candidate(plain, hit, 0, 1, context=first, score=1.8, parts=(first, plain))
    assert [t for _, t in _choose(scored, DATE, AnswerPolicy(), scored)] == [first, other]

"""Failures of held-out ans29 (session 26, lane ansk29) that carry to other notes: a measured value
asked as "whats the ... rate" or with a modal ("What interest rate would ...?"), a day counted from a
start ("By day 17 ...") as a date, the contracted pronoun "I've" read as a name the notes never
mention, and "What does -k do?" declined below the floor though the option's own line answers."""

from __future__ import annotations

import pytest

from bot.core.answering import _says_what_it_does
from bot.core.coverage import assess
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.question_kind import DATE, expected_kind, form_asked, has_kind
from bot.core.retrieval import Hit
from bot.core.sentences import candidates_from


@pytest.mark.parametrize("question", [
    "whats the death rate for variola minor",
    "What's the death rate for variola minor?",
    "What interest rate would the government pay on the debt?",
    "What price will the shares reach?",
])
def test_a_measured_value_asked_in_a_contraction_or_with_a_modal(question):
    holds = form_asked(question, expected_kind(question))
    assert holds is not None, question
    assert holds("The government would pay 5 per cent on the debt.")
    assert not holds("In return the government paid the company annual interest.")


def test_a_day_counted_from_a_start_answers_which_day():
    assert expected_kind("By which day have the pustules crusted over?") == DATE
    assert has_kind("By day 17 the pustules form crusts and heal with pitted scars.", DATE)
    assert has_kind("The rash is gone by week 4.", DATE)
    assert not has_kind("The pustules crust over, usually in the second week.", DATE)
    assert not has_kind("Every day the rash spreads further.", DATE)


def test_a_contracted_i_is_no_name_the_notes_must_use():
    lexical = LexicalIndex.build(["`-nc` or `--no-clobber` skips downloads that would download to existing files."])
    for question in ("How do I skip files I've already downloaded?", "What do I run if I'm offline?",
                     "Which option should I use if I'd rather keep old files?"):
        assert assess(question, lexical).unknown_terms == (), question
    assert assess("How do I skip files Kowalski downloaded?", lexical).unknown_terms == ("Kowalski",)


def _candidate(text: str):
    hit = Hit(Chunk("c0", "notes.md", (), None, 0, text), 0, 0.18, 1.0, 0.5)
    return candidates_from([hit])[0]


def test_the_line_of_the_option_asked_says_what_it_does():
    line = _candidate("Several options control what recursion fetches: `-k` or `--convert-links` converts the "
                      "links in the downloaded documents.")
    assert _says_what_it_does("What does -k do?", line)
    assert _says_what_it_does("what does --spider do", _candidate("`--spider` makes Wget check pages without "
                                                                  "downloading anything."))
    assert not _says_what_it_does("What does -c do?", _candidate("`-k` is the short form of `--convert-links`; "
                                                                 "it needs `-c`."))
    assert not _says_what_it_does("What does -k do?", _candidate("`-kx` keeps extensions."))
    assert not _says_what_it_does("What does -k do to the links?", line)


def test_a_sentence_about_the_notes_is_shown_after_the_answer():
    """"These notes explain Plessy v. Ferguson, the 1896 decision ..." names the course's topics in the
    question's words and is chosen first; the sentence after it answers "Who was Ferguson ...?"."""
    from bot.core.answering import _notes_last
    from bot.core.sentences import about_the_notes

    notes = _candidate("These notes explain Plessy v. Ferguson, the 1896 decision of the Supreme Court.")
    judge = _candidate("Judge John Howard Ferguson ruled against Plessy.")
    assert about_the_notes(notes.text) and not about_the_notes(judge.text)
    assert about_the_notes("These course notes cover the disease smallpox: what causes it, how it spreads.")
    assert not about_the_notes("These notes of hand were issued by the bank.")
    assert not about_the_notes("The notes are printed on cotton paper.")
    assert not about_the_notes("These notes were issued by the Bank of England in 1914.")
    assert about_the_notes("These notes are a short user guide to GNU Make.")
    question = "Who was Ferguson in Plessy v. Ferguson?"
    shown = [(notes, notes.text), (judge, judge.text)]
    assert [t for _, t in _notes_last(shown, question)] == [judge.text, notes.text]
    # Not when the question asks about the notes themselves.
    assert _notes_last(shown, "Which decision do these notes explain?") == shown


def test_a_count_before_the_places_asked_still_asks_places():
    from bot.core.question_kind import PLACE

    assert expected_kind("which 2 countries still keep smallpox virus") == PLACE
    assert expected_kind("What three cities did the league found?") == PLACE


def test_a_yes_no_question_finds_its_word_with_a_negating_prefix():
    """"Are wgetrc commands case sensitive?" is answered by "Commands are case-, underscore- and
    minus-insensitive"; a wh-question does not take the opposite word for its own, nor a short stem
    a longer word ("form" / "inform")."""
    from bot.core.query import query_terms

    lexical = LexicalIndex.build(["Commands are case-, underscore- and minus-insensitive.",
                                  "Teachers inform the students."])
    sensitive = {t.stem: t for t in query_terms("Are wgetrc commands case sensitive?", lexical)}["sensit"]
    assert "insensit" in sensitive.alternatives
    assert "insensit" not in {t.stem: t for t in query_terms("Which commands are case sensitive?", lexical)}["sensit"].alternatives
    assert "inform" not in {t.stem: t for t in query_terms("Do the students form groups?", lexical)}["form"].alternatives

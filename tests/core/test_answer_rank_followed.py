"""Answers lacking a fact a retrieved passage held (session 28, lane ansrank): a question asking what
came after an event it names ("What was Old Briton's response to Celeron?", "When a commission
reached no decision, what happened?") is answered by the sentence after the one telling the event."""

from __future__ import annotations

import pytest

from bot.core.answering import AnswerPolicy, _choose
from bot.core.documents import Chunk
from bot.core.question_kind import asks_what_followed
from bot.core.retrieval import Hit
from bot.core.sentences import Candidate


@pytest.mark.parametrize("question", [
    "What was Old Briton's response to Celeron?",
    "How did Saint-Pierre respond to Washington?",
    "How did the new king react to the Huguenots?",
    "When a commission reached no decision, what happened?",
    "What happens if you use - as the file name with -O?",
    "What was the reaction of the barons?",
])
def test_a_question_asking_what_came_after_an_event(question):
    assert asks_what_followed(question)


@pytest.mark.parametrize("question", [
    "On what date did the break-in happen?",
    "Who was Old Briton?",
    "Which reinforcement schedule gives the highest and steadiest response rate?",
    "In operant conditioning, does the consequence come before or after the response?",
])
def test_other_questions_do_not_ask_what_came_after(question):
    assert not asks_what_followed(question)


def test_what_followed_an_event_is_shown_with_it_in_a_runner_ups_place():
    event = 'Céloron threatened "Old Briton" with severe consequences if he continued to trade with the British.'
    followed = '"Old Briton" ignored the warning.'
    other = "Céloron continued south until his expedition reached the confluence of the Ohio and the Miami rivers."
    hit = Hit(Chunk("c1", "war.txt", (), None, 0, f"{event} {followed}"), 0, 0.6, 1.0, 0.5)
    elsewhere = Hit(Chunk("c2", "war.txt", (), None, 1, other), 1, 0.5, 1.0, 0.4)
    scored = [Candidate(event, hit, 0, 0, score=1.9, parts=(event,)),
              Candidate(other, elsewhere, 1, 0, score=1.5, parts=(other,))]
    every = [*scored, Candidate(followed, hit, 0, 1, score=0.9, parts=(followed,))]
    question = "What was Old Briton's response to Celeron?"
    assert [t for _, t in _choose(scored, None, AnswerPolicy(), every, frozenset(), question)] == \
        [f"{event} {followed}"]
    # Another question about the event keeps its runner-up and shows no sentence after it.
    assert [t for _, t in _choose(scored, None, AnswerPolicy(), every, frozenset(), "What did Céloron threaten?")] \
        == [event, other]


def test_a_capitalised_closed_class_word_is_no_name():
    """A lost sentence break ("... the appearance of the rash This is important ...", a table's cells
    joined) leaves "This" capitalised inside a sentence: no place nor person is named by it."""
    from bot.core.question_kind import PERSON, PLACE, has_kind

    joined = "4 days after the appearance of the rash This is important for control of outbreaks."
    question = "Where does the measles rash usually start?"
    assert not has_kind(joined, PLACE, question)
    assert not has_kind("Read the list below: The first item is the oldest.", PERSON, "Who wrote the list?")
    assert has_kind("The rash spreads from the face to the rest of the body in Europe.", PLACE, question)
    assert has_kind("The vaccine was made by Jenner.", PERSON, "Who made the vaccine?")


@pytest.mark.parametrize("sentence", [
    "If a prerequisite is newer than the target, make assumes that the target must be rebuilt.",
    "Unless the target is missing, make does nothing.",
    "First dose at 12 through 15 months of age",
    "Children get it at the age of 4.",
])
def test_a_when_question_in_the_present_is_answered_by_a_condition_or_an_age(sentence):
    from bot.core.question_kind import DATE, has_kind

    assert has_kind(sentence, DATE, "When does make decide a target needs rebuilding?")
    # A when-question in the past asks for a date: a condition or an age does not give one.
    assert not has_kind(sentence, DATE, "When did make decide the target needed rebuilding?")


def test_an_if_that_states_no_condition_is_no_answer_to_when():
    from bot.core.question_kind import DATE, has_kind

    assert not has_kind("Ask the teacher if necessary.", DATE, "When should students ask the teacher?")

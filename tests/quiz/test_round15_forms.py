"""Held-out round 15's kinds of failure, on made-up notes."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_function import function_question


@pytest.mark.parametrize("sentence, answer", [
    # a participle coordinated with an adjective before their noun: the whole phrase, not "A general purpose hand-held."
    ("The hive module provides a general purpose hand-held and portable electronic scale, which can be used "
     "for weighing supers.", "A general purpose hand-held and portable electronic scale."),
    ("The smoker contains a fuel chamber and a bellows.", "A fuel chamber and a bellows."),
])
def test_an_answer_phrase_ends_on_its_head_noun(sentence, answer):
    question = function_question(nlp.parse_line(sentence))
    assert question is not None and question.answer == answer
    last = nlp.parse_line(question.answer.rstrip("."))[-1]
    assert last.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}


def test_a_why_question_does_not_point_to_a_place_named_before():
    from bot.core.quiz.gen_questions import why_question

    leaning = nlp.parse_line("Beekeepers shouldn't be taking honey from there, because the frames are still brood.")
    assert why_question(leaning) is None
    standing = nlp.parse_line("Beekeepers shouldn't be taking honey in winter, because the colony needs its stores.")
    question = why_question(standing)
    assert question is not None and "there" not in question.prompt

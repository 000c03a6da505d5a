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

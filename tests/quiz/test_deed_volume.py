"""Session 24 (qvol, issue 8: volume): a person's deed placed in time by a date with no comma after it
("In 1825 George Stephenson built the Locomotion ...") is asked as "In 1825, who built ...?"
(gen_questions._time_opener), and a person's deed card (generator._Generator._person_deed) is exempt
from the learned cut-off as the who-did-what items with options are (generator._Generator.keep_likely).
Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz import gen_quality
from bot.core.quiz import generator as generator_module
from bot.core.quiz.gen_questions import who_question
from bot.core.quiz.generator import generate_items

from tests.quiz.test_person_deeds import NOTES, chunks_of


def _doc(sentence: str):
    return nlp.parse_lines([sentence])[0]


def test_a_date_with_no_comma_before_a_persons_deed_is_kept_in_front_of_the_question():
    question = who_question(_doc("In 1825 Thomas Harlow built the Northern Lighthouse for the Calvary Harbour Company."),
                            fronted=True)
    assert question is not None
    assert question.prompt == "In 1825, who built the Northern Lighthouse for the Calvary Harbour Company?"
    assert question.answer == "Thomas Harlow"
    question = who_question(_doc("In July 1877 Thomas Harlow signed the Treaty of Vessen with the crown."), fronted=True)
    assert question is not None and question.prompt == "In July 1877, who signed the Treaty of Vessen with the crown?"


def test_no_deed_is_asked_after_a_phrase_that_is_not_a_date_alone_or_after_by():
    for sentence in ("By 1825 Thomas Harlow had built the Northern Lighthouse for the Calvary Harbour Company.",
                     "In the port Thomas Harlow built the Northern Lighthouse for the Calvary Harbour Company.",
                     "In 1825 the Northern League built the Northern Lighthouse for the Calvary Harbour Company."):
        assert who_question(_doc(sentence), fronted=True) is None, sentence
    # Without `fronted` (the reader gen_actors shares) nothing changes.
    assert who_question(_doc("In 1825 Thomas Harlow built the Northern Lighthouse for the Calvary Harbour Company.")) \
        is None


class _CutEverything:
    """A learned model whose cut-off no item passes."""
    cutoff = 2.0

    def score(self, features):
        return 0.0


def test_a_persons_deed_card_is_not_taken_out_by_the_learned_cut_off(monkeypatch):
    monkeypatch.setattr(gen_quality, "default_model", lambda: _CutEverything())
    prompts = [i.prompt for i in generate_items(chunks_of(NOTES, "The Northern League"))]
    deeds = [p for p in prompts if p.startswith("Who ") or ", who " in p]
    assert any("founded the Northern League" in p or "negotiated the Treaty of Vessen" in p for p in deeds), prompts
    # A who-card that is no person's deed (under ACTOR_CARD_QUALITY) is not exempt.
    monkeypatch.setattr(generator_module._Generator, "_person_deed", lambda self, question, doc: False)
    prompts = [i.prompt for i in generate_items(chunks_of(NOTES, "The Northern League"))]
    assert not any(p.startswith(("Who ", "In 1862, who")) and ("founded" in p or "negotiated" in p) for p in prompts)

"""Session 21 (quizhum): a name given by the sentence's second verb ("... became Catholics and were
called "new converts""), and "those <noun> who ..." read as saying which ones, not pointing back
(gen_naming._second_verb_question through participle_naming_question; gen_text._THOSE_WHO;
gen_standalone._which_ones). Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_naming import participle_naming_question
from bot.core.quiz.gen_standalone import leans_on_context
from bot.core.quiz.gen_text import is_pronoun_led, leans_on_previous
from bot.core.quiz.generator import generate_items
from tests.quiz.test_participle_naming import chunks_of


def _doc(sentence: str):
    return nlp.parse_lines([sentence])[0]


def test_a_name_given_by_a_second_verb_is_asked_of_the_subject():
    question = participle_naming_question(_doc(
        'Those weavers who stayed in the town joined the guild of Caton and were called "free masters".'))
    assert question is not None
    assert question.prompt == "What were the weavers who stayed in the town and joined the guild of Caton called?"
    assert question.answer == "Free masters."
    question = participle_naming_question(_doc("Many weavers left the guild in 1820 and were called free masters."))
    assert question is not None and question.prompt == "What were the weavers that left the guild in 1820 called?"


def test_a_second_verb_naming_is_refused_when_unsure():
    for sentence in (
            "The weavers left the guild and were also called free masters.",  # one name of several
            "They left the guild and were called free masters.",  # a pronoun subject
            "Such engines use four stages and are known as quadruple expansion engines respectively.",  # "such"
            "Those weavers left the guild and were called free masters.",  # "those" with no clause: which ones?
            "The weavers left the guild and were called weavers of the free guild.",  # the head in the question
    ):
        assert participle_naming_question(_doc(sentence)) is None, sentence


def test_those_before_a_relative_clause_does_not_point_back():
    sentence = 'Those weavers who stayed in the town joined the guild of Caton and were called "free masters".'
    assert not is_pronoun_led(sentence) and not leans_on_previous(sentence)
    assert leans_on_context(_doc(sentence), {}) == ""
    # Still pointing back: "those" with no clause, "those ..., who" (a clause that says more of ones
    # named before), "these ... who".
    for leaning in ("Those weavers joined the guild.", "Those weavers, who stayed, joined the guild.",
                    "These weavers who stayed joined the guild."):
        assert is_pronoun_led(leaning) or leans_on_previous(leaning), leaning


def test_the_generator_posts_the_second_verb_name():
    chunks = chunks_of([
        "The guild of Caton ruled the cloth trade of the valley for two centuries.",
        'Those weavers who stayed in the town joined the guild of Caton and were called "free masters".',
    ], "The Caton guild")
    prompts = {i.prompt: i.answer for i in generate_items(chunks, learned_cutoff=False)}
    assert prompts.get("What were the weavers who stayed in the town and joined the guild of Caton called?") == "Free masters."

"""Cards whose answer is no knowledge to recall (gen_card_answers): a pointer to another text (a book, a
reference, an identifier, version labels) or a list of examples; and, in gen_defined, wrong options of
another form (a code among terms in words, things offered for a state). Made-up notes of no course of
the pool; real spaCy where the generator runs."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_card_answers import asks_what_may_be_held, lists_examples, points_elsewhere, worth_recalling
from bot.core.quiz.gen_function import function_question
from bot.core.quiz.gen_defined import defined_term_question, definition_of, with_head
from bot.core.quiz.generator import generate_items


@pytest.mark.parametrize("prompt, answer", [
    ("What is the most complete book on beekeeping?", "Eva Crane's The World History of Beekeeping"),
    ("What is the most comprehensive and authoritative reference to hive diseases?", "The Hive Atlas"),
    ("Which is the best guide to pruning?", "The orchard handbook of the Guild"),
    ("What is the standard specification of hive frames?", "The frame rules of the Guild"),
    ("What defines the hive protocol?", "HPS 4012"),  # a code and its number
    ("What are the two supported versions of the hive standard?", "2.x and 3.x."),
])
def test_a_pointer_to_another_text_is_no_answer_to_recall(prompt, answer):
    assert points_elsewhere(prompt, answer)
    assert not worth_recalling(prompt, answer)


@pytest.mark.parametrize("prompt, answer", [
    ("What is the main source of heat in a hive?", "The cluster of worker bees around the queen."),
    ("When was the first hive of the village built?", "In 1921."),  # a year: asked and capped elsewhere
    ("Who guards the village's bees?", "NATO and the EU"),  # names in capitals, no number
    ("What is the most common disease of hives?", "Foulbrood, spread by spores in the comb."),
    ("What does the smoker do?", "It calms the bees by masking the alarm pheromone."),
])
def test_knowledge_in_words_is_an_answer(prompt, answer):
    assert not points_elsewhere(prompt, answer)


@pytest.mark.parametrize("answer, listed", [
    ("Basic smoking features as well as many extra functions such as cool smoke, fuel gauges, bellows, and spark "
     "guards.", True),
    ("Due to its good properties, such as low cost, abundance and slow burning.", True),
    ("Hives of many forms, including skeps, top bars, Warré hives and Langstroth hives.", True),
    ("Tools such as smokers and hive tools.", False),  # two examples: a pair, not a list to recite
    ("The cluster of worker bees around the queen.", False),
    # A likeness and a clause going on about the thing (session 21: "used like cp, except that ..."),
    ("A hive tool that can be used like a chisel, except that its end is bent, followed by a hook.", False),
    # ... but a list before such a clause is still a list.
    ("Tools like smokers, veils and hive tools, which every keeper owns.", True),
])
def test_a_list_of_examples_is_no_answer_to_recall(answer, listed):
    assert lists_examples(answer) is listed


@pytest.mark.parametrize("prompt, open_ended", [
    ("What can a hive contain?", True),
    ("What may a swarm box hold?", True),
    ("What can the smoker module create?", False),  # what it makes: one answer by the notes
    ("What does a hive contain?", False),  # what it holds, as the notes state it
])
def test_what_a_thing_may_hold_has_no_one_answer(prompt, open_ended):
    assert asks_what_may_be_held(prompt) is open_ended


def test_the_card_on_what_a_hive_can_contain_is_not_worth_recalling():
    # gen_function asks it as a sentence says it; the card then falls to worth_recalling in the generator
    question = function_question(nlp.parse_lines(["A hive can contain brood frames as well as honey supers."])[0])
    assert question is not None and question.prompt == "What can a hive contain?"
    assert not worth_recalling(question.prompt, question.answer)


def test_the_generator_makes_no_card_on_a_book_recommended():
    text = ("# Beekeeping Guide\n\n## Reading\n\nThe most complete book on beekeeping is almost certainly Eva Crane's "
            "The World History of Beekeeping, published by Routledge.\n")
    chunks = [Chunk(make_chunk_id("bees.md", ("Beekeeping Guide", "Reading"), text, 0), "bees.md",
                    ("Beekeeping Guide", "Reading"), None, 0, text)]
    assert not any("book" in i.prompt for i in generate_items(chunks, learned_cutoff=False))


def _definitions(*sentences: str):
    docs = nlp.parse_lines(list(sentences))
    return [with_head(definition_of(s), d) for s, d in zip(sentences, docs)]


def test_a_code_is_no_wrong_option_among_terms_in_words():
    site, version, licence, section = _definitions(
        "\"Shared Hive Site\" means any web server that lists hives and lets anybody edit those lists.",
        "\"Modified Hive\" means any hive built from the Standard Hive with changes to its frames.",
        "\"OFL-2\" means the Open Frame Licence, version 2, published by the Hive Guild.",
        "\"Brood Section\" means any part of a hive in which the queen lays her eggs.")
    question = defined_term_question(site, [version, licence, section], "the Hive Licence", "Hive Licence",
                                     lambda o: o)
    assert question is not None and "OFL-2" not in question.options
    assert set(question.options) == {"Shared Hive Site", "Modified Hive", "Brood Section"}
    # with one term in words left beside the code, too few options of the answer's form: not asked
    assert defined_term_question(site, [version, licence], "the Hive Licence", "Hive Licence", lambda o: o) is None


def test_a_term_defined_by_a_clause_names_a_state_and_is_not_offered_among_things():
    gathered, harvest, ledger = _definitions(
        "\"Freely Gathered\" means that no payment is asked for the fruit itself, though there may be fees for carrying it.",
        "\"Harvest\" means all fruit gathered from the trees of the Orchard in one season.",
        "\"Ledger\" means the book in which the Keeper writes every load of fruit taken out through the gates.")
    assert defined_term_question(gathered, [harvest, ledger], "the Orchard Licence", "Orchard Licence",
                                 lambda o: o) is None
    assert "Freely Gathered" not in defined_term_question(harvest, [gathered, ledger, *_definitions(
        "\"Tithe\" means the share of each Harvest that a Grower leaves at the gate.")], "the Orchard Licence",
        "Orchard Licence", lambda o: o).options

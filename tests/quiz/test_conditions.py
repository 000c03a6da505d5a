"""What happens under a condition the notes state (gen_conditions): "If <condition>, <consequence>."
asked under the document's name and answered by the consequence. Made-up notes (a beekeepers' club
rulebook and a kiln manual) of no course of the pool; real spaCy."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_conditions import outcome_card, outcome_prompt
from bot.core.quiz.generator import generate_items

RULES = ("Rulebook of the Hollow Lane Beekeepers' Club", "Swarms")
TEXT = ("Swarms are collected by members on the club's rota. A member who hears of a swarm telephones the "
        "Swarm Officer. If the Swarm Officer cannot be reached within an hour, the Club Secretary sends a member "
        "of the Swarm Team instead. If a swarm settles on a public road, the county council is told before "
        "anyone collects it.")


def _card(sentence: str):
    return outcome_card(nlp.parse_line(sentence))


def test_a_condition_is_asked_under_the_documents_name_and_answered_by_its_consequence():
    chunks = [Chunk(make_chunk_id("club.txt", RULES, TEXT, 0), "club.txt", RULES, None, 0, TEXT)]
    cards = {i.prompt: i.answer for i in generate_items(chunks, learned_cutoff=False) if "what happens if" in i.prompt}
    prompt = ("According to the Rulebook of the Hollow Lane Beekeepers' Club, what happens if the Swarm Officer "
              "cannot be reached within an hour?")
    assert cards.get(prompt) == "The Club Secretary sends a member of the Swarm Team instead."


def test_the_consequence_and_condition_are_split_at_the_clause():
    card = _card("If a kiln's door is opened over 600 degrees, every pot inside the kiln will crack.")
    assert card.condition == "a kiln's door is opened over 600 degrees"
    assert card.consequence == "Every pot inside the kiln will crack."


# Each sentence is taken out by its own rule only (checked by switching that rule off), so a rule that
# stops working fails its case.
@pytest.mark.parametrize("sentence", [
    "If it is left open, every glazed pot will crack within minutes.",  # a pronoun told before
    "If such a kiln is fired twice, every glazed pot will crack within minutes.",  # "such": pointing back
    "If the pot is thin, its glaze will crack along its rim.",  # "the pot": the one just described
    "If you want glossier pots, every kiln runs for another hour.",  # a wish of the reader
    "If a glaze runs, each potter should grind their shelves clean at once.",  # advice, not what happens
    "If a kiln's door is opened early, every glazed pot would crack within minutes.",  # a hypothetical
    "If all pots of two firings weigh equally, the firings are considered equal.",  # nothing new to recall
    "If a shelf breaks, its pieces are swept from the list.",  # "the list": the one of the text before
    "If a kiln's door is opened early, the Kiln Warden must replace every cracked pot within a week.",  # a duty
    "If a kiln's door is opened early, it is possible to save most glazed pots.",  # a possibility, open
    "If you don't supply a firing schedule, each kiln uses its slowest program.",  # an argument of a function
    "If not set, every kiln cools slowly overnight.",  # no subject: told before
])
def test_a_condition_or_consequence_that_does_not_stand_alone_is_not_asked(sentence):
    assert _card(sentence) is None


@pytest.mark.parametrize("asked, not_asked", [
    ("If a kiln's door is opened early, three safety steps are taken.",
     "If a kiln's door is opened early, three safety steps are taken:"),  # a list follows
    ("If a schedule is a list, each kiln uses its steps in their written order.",
     "If schedule is a list, each kiln uses its steps in their written order."),  # an argument by its bare name
])
def test_a_list_to_follow_or_an_argument_by_its_name_is_not_asked(asked, not_asked):
    assert _card(asked) is not None and _card(not_asked) is None


def test_an_argument_written_as_code_or_a_first_step_of_several_is_not_asked():
    sentence = "If a tray is stacked, each shelf carries two rows of small pots."
    assert _card(sentence) is not None
    assert outcome_card(nlp.parse_line(sentence), "If a *tray* is stacked, each shelf carries two rows.") is None
    assert outcome_card(nlp.parse_line(sentence), sentence, "Then the door is sealed with clay.") is None


def test_the_next_clauses_number_is_not_part_of_the_answer():
    card = _card("If every kiln of a studio is booked, new members wait for the next free week. 4.")
    assert card.consequence == "New members wait for the next free week."


@pytest.mark.parametrize("title, start", [
    ("Kiln HOWTO", "According to the Kiln HOWTO, what happens if"),
    ("Constitution for the Potters' Guild (v2.1)",
     "According to the Constitution for the Potters' Guild, what happens if"),
    ("Stoneware", "In the notes on Stoneware, what happens if"),
])
def test_the_setting_is_the_documents_name_or_its_topic(title, start):
    assert outcome_prompt("a cone bends", title).startswith(start)


@pytest.mark.parametrize("title", ["Chapter 7. Basics of firing", "tocdepth: 2", ""])
def test_a_title_that_names_no_setting_gives_no_question(title):
    assert outcome_prompt("a cone bends", title) == ""

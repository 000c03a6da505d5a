"""On what condition a set of rules allows something (gen_rules.permission_card): "You may <do X>,
provided that <condition>." -> "Under <document>, on what condition may you <do X>?", answered by the
condition. Real spaCy on made-up rules of no course of the pool: a rowing club's charter."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_rules import Member, permission_card
from bot.core.quiz.generator import generate_items

CHARTER = "Charter of the Riverside Rowing Club"
UNDER = f"Under the {CHARTER}"


def _card(sentence: str, setting: str = UNDER):
    doc = nlp.parse_lines([sentence])[0]
    return permission_card(Member(sentence, sentence, None), doc, setting)


def test_a_permission_and_its_condition_make_a_card():
    card = _card("You may lend a club boat to a visiting crew, provided that a senior member of the club rows with them.")
    assert card.prompt == f"{UNDER}, on what condition may you lend a club boat to a visiting crew?"
    assert card.answer == "A senior member of the club rows with them."
    card = _card("The Captain may close the river to novices so long as the water is above the flood mark.")
    assert card.prompt == f"{UNDER}, on what condition may the Captain close the river to novices?"
    assert card.answer == "The water is above the flood mark."
    # An aside run on after a dash is no part of the condition.
    card = _card("You may add a badge to your blade, provided it shows nothing but the club's colours--for example, "
                 "a stripe or a ring.")
    assert card.answer == "It shows nothing but the club's colours."
    # "Your" of a rule's "You" reads as the question's "your".
    card = _card("You may paint a boat in colours of Your choice, provided that You pay for the paint.")
    assert card.prompt == f"{UNDER}, on what condition may you paint a boat in colours of your choice?"


def test_a_permission_that_does_not_stand_alone_or_has_no_one_condition_is_not_asked():
    for sentence in (
            # a list of conditions still to come, or one of several
            "You may borrow a boat for a regatta, provided that you meet the following conditions:",
            "You may borrow a boat for a regatta, provided that you do at least one of these things.",
            "You may borrow a boat for a regatta if the Captain agrees, or if the Committee agrees.",
            # the permission points back, or says it has no condition
            "You may lend such boats to other clubs, provided that the Captain agrees.",
            "You may use them on the river, provided that the Captain agrees.",
            "You may row on the lake without restriction, provided that you wear a life jacket.",
            # a condition before the permission: two conditions
            "If the river is in flood, you may row on the lake, provided that the Captain agrees.",
            # no permission of doing, or none at all
            "The boathouse may be on the far bank, provided that it is locked at night.",
            "You may not sell a club boat, provided that it is still in use.",
            # too short to ask
            "You may row, provided that it is light.",
    ):
        assert _card(sentence) is None, sentence


def test_only_notes_that_are_rules_are_asked_what_they_allow():
    sentence = "You may lend a club boat to a visiting crew, provided that a senior member of the club rows with them."
    assert _card(sentence, "According to the notes on rowing") is None


def test_the_generator_posts_the_permission_card():
    text = ("You may lend a club boat to a visiting crew, provided that a senior member of the club rows with them. "
            "The Captain sets the training schedule for each season.")
    chunks = [Chunk(make_chunk_id("charter.txt", (CHARTER,), text, 0), "charter.txt", (CHARTER,), None, 0, text)]
    cards = {i.prompt: i.answer for i in generate_items(chunks, learned_cutoff=False) if i.kind == "flashcard"}
    assert cards.get(f"{UNDER}, on what condition may you lend a club boat to a visiting crew?") \
        == "A senior member of the club rows with them."


def test_two_definitions_sharing_their_words_are_two_facts():
    # A licence's definitions name each other (""Covered Software" means Source Code Form ..., the Executable Form
    # of such Source Code Form ..."): the one-fact rule read the later definitions as the earlier one again.
    text = ("\"Covered Lesson\" means Shell Practice to which the initial Coach has attached the notice in the "
            "Schedule, the Bank Drill of such Shell Practice, and changes to such Shell Practice. "
            "\"Bank Drill\" means any practice of the crew other than Shell Practice. "
            "\"Shell Practice\" means the form of training preferred for racing at regattas. "
            "\"Captain Version\" means the combination of the lessons of others used by a Coach. "
            "\"Boat Log\" means the record of outings kept in the boathouse. "
            "\"Club Badge\" means the mark of the club painted on each hull.")
    chunks = [Chunk(make_chunk_id("charter.txt", (CHARTER,), text, 0), "charter.txt", (CHARTER,), None, 0, text)]
    asked = {i.answer for i in generate_items(chunks, learned_cutoff=False) if "which term means" in i.prompt}
    assert "Bank Drill" in asked

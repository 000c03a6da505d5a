"""Session 19 (quizprec): round 19's drops and borderlines (held-out set 9 and version 57's new items) and a
known artefact, each taken out by a rule about form (bench/RESULTS.md, the quizprec section of session 19).
Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_function import asks_any_of_a_kind, function_question, one_of_several, situated_subject
from bot.core.quiz.gen_purpose import comments_on_claim, reason_question
from bot.core.quiz.gen_rules import condition_is_label, quoted_labels
from bot.core.quiz.gen_text import readable_text
from bot.core.quiz.generator import generate_items


def _doc(sentence: str):
    return nlp.parse_lines([sentence])[0]


# --- a markup role half removed ("C's :conexit") -------------------------------------------------------

def test_a_sentence_with_a_role_left_over_is_not_shown():
    assert readable_text("The hooks module provides a register function that is similar to C's :conexit.") is None
    # A colon in prose, in a time or in a ratio is not one.
    assert readable_text("The ferry leaves at 10:30 from the north pier, weather permitting.") is not None
    assert readable_text("Two things matter here: the tide and the wind over the bar.") is not None


# --- "as you can confirm": a comment, not a reason -----------------------------------------------------

def test_an_as_clause_of_the_reader_is_no_reason():
    # Round 19 keyed "Because you can easily confirm with apt-cache search backup." (wrong by the notes).
    assert reason_question(_doc("The archive holds dozens of other rowing logs covering every possible "
                                "season, as you can easily confirm with a search of the shelves.")) is None
    assert reason_question(_doc("The club trains on the river in winter, as we have seen in the previous part.")) is None


def test_an_as_clause_giving_a_reason_is_still_asked():
    question = reason_question(_doc("Land-based pumps could drain much of the marsh, as spare water was usually "
                                    "readily available."))
    assert question is not None and question.answer == "Because spare water was usually readily available."
    # The reader as the subject, with an object of the verb's own: a reason, not a comment.
    doc = _doc("Crews store their oars in the upper rack, as you need the lower rack for the sculls.")
    clause = next(t for t in doc if t.dep_ == "advcl")
    assert not comments_on_claim(clause, next(c for c in clause.children if c.dep_ == "nsubj"))
    doc = _doc("The archive holds dozens of other rowing logs, as you can easily confirm with a search.")
    clause = next(t for t in doc if t.dep_ == "advcl")
    assert comments_on_claim(clause, next(c for c in clause.children if c.dep_ == "nsubj"))


# --- a permission whose condition is a label the notes define ----------------------------------------

CHARTER = "Rowing Club Charter"
UNDER = f"Under the {CHARTER}"


def _chunks(text: str) -> list[Chunk]:
    return [Chunk(make_chunk_id("charter.txt", (CHARTER,), text, 0), "charter.txt", (CHARTER,), None, 0, text)]


def test_a_condition_that_is_only_a_defined_label_is_not_asked():
    labels = quoted_labels(['A boat is "fit for racing" if its hull was inspected this season.'])
    assert condition_is_label("The boat is fit for racing.", labels)
    assert not condition_is_label("A senior member of the club rows with them.", labels)
    text = ('A boat is "fit for racing" if its hull and its oars were inspected by the Captain this season. '
            "The Captain may enter a club boat in the county regatta, provided the boat is fit for racing. "
            "You may lend a club boat to a visiting crew, provided that a senior member of the club rows with them.")
    cards = {i.prompt for i in generate_items(_chunks(text), learned_cutoff=False) if i.kind == "flashcard"}
    assert f"{UNDER}, on what condition may you lend a club boat to a visiting crew?" in cards
    assert not any("county regatta" in p for p in cards)


# --- what a thing does: cards with as many answers as things -----------------------------------------

@pytest.mark.parametrize("sentence, any_of_a_kind", [
    ("Members can easily create logs of their outings with the club's tablets.", True),  # round 19: users
    ("A boathouse can contain racing shells as well as training boats.", True),  # rounds 14-15: a module
    ("Static hooks return the underlying hook without changes.", True),  # round 19: static methods
    ("The logbook module can create tables from the outings of each crew.", False),  # kept: pydoc
    ("Filters provide a finer grained facility for choosing which outings to record.", False),  # kept
    ("The launch hook returns the name of the crew on the water.", False),  # one thing, what it returns
])
def test_a_card_on_what_any_of_a_kind_may_do_or_returns(sentence, any_of_a_kind):
    doc = _doc(sentence)
    assert function_question(doc) is not None
    assert asks_any_of_a_kind(doc) is any_of_a_kind


def test_a_sentence_adding_to_those_before_has_one_of_several_answers():
    assert one_of_several("Furthermore, the rigging step for the shell requires the long spanner.")
    assert one_of_several("The rigging step also requires the long spanner.")
    assert not one_of_several("The rigging step for the shell requires the long spanner.")


def test_a_subject_set_in_the_passage_by_an_adjective():
    assert situated_subject(_doc("The available rack space prohibits storage of a second eight."))
    assert situated_subject(_doc("The current rack holds the club's second eight and its oars."))
    assert not situated_subject(_doc("The launch step for the shell requires the long spanner."))
    # A name in the place of an adjective ("the pydoc module", kept twice): no situation.
    assert not situated_subject(_doc("The logdoc module can create tables from the outings of each crew."))
    assert not situated_subject(_doc("Filters provide a finer grained facility for choosing outings."))


_GUIDE = [
    ("Storage", "The boathouse keeps the club's shells, oars and launches in racks. Members can easily create logs of "
                "their outings with the club's tablets. Members book a shell for each outing. Members must sign the "
                "logbook after each outing."),
    ("Racks", "Rack space is short in the winter months. The available rack space prohibits storage of a complete second "
              "eight. Rack space is shared between the junior and senior squads. The space under the racks holds the "
              "oars. Space near the door is kept clear. The coach measures the space each autumn."),
    ("Hooks", "Static hooks return the underlying hook without changes. Static hooks are kept in the boathouse office. "
              "Static hooks hold the oars of the junior squad."),
]


def test_the_generator_posts_none_of_these_function_cards():
    chunks = [Chunk(make_chunk_id("boat.md", ("Boathouse Guide", h), t, i), "boat.md", ("Boathouse Guide", h), None, i, t)
              for i, (h, t) in enumerate(_GUIDE)]
    prompts = {i.prompt for i in generate_items(chunks, learned_cutoff=False)}
    assert "What can members create?" not in prompts
    assert "What does the available rack space prohibit?" not in prompts
    assert "What do static hooks return?" not in prompts
    assert "What do static hooks hold?" in prompts  # what the hooks of the passage hold: one answer

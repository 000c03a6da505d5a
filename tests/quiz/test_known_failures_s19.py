"""Session 19 (quizprec): round 19's drops and borderlines (held-out set 9 and version 57's new items) and a
known artefact, each taken out by a rule about form (bench/RESULTS.md, the quizprec section of session 19).
Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
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

"""Session 20 (the lead): held-out round 20's drops (set 11 at version 58), each a defect of form that holds
on any notes: a line of a program's output read as a sentence, a negative contraction's auxiliary left as
the parser splits it, and a subject the passage's sequence places ("the next operation"). Made-up notes of
no course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_precision import unanchored_subject
from bot.core.quiz.gen_questions import why_question
from bot.core.quiz.gen_text import chunk_sentences
from bot.core.text import fenced


def _doc(sentence: str):
    return nlp.parse_lines([sentence])[0]


def _chunk(text: str) -> Chunk:
    return Chunk(make_chunk_id("ferry.md", ("Ferries",), text, 0), "ferry.md", ("Ferries",), None, 0, text)


def test_the_lines_of_a_code_block_are_not_sentences():
    # A program's output quoting a description reads like prose line by line; round 20 asked "Who is
    # Bash?" of such a line, cut at the line's end ("... interpreter that executes").
    output = ("$ ferryctl show harbour\n Name: harbour\n Description: the harbour ferry\n"
              "  Harbour is a small ferry service that carries\n  passengers across the bay.")
    text = f"The ferryctl tool describes a service.\n{fenced(output)}\nEach service has a timetable."
    sentences = [s for s, _ in chunk_sentences(_chunk(text))]
    assert sentences == ["The ferryctl tool describes a service.", "Each service has a timetable."]


def test_a_negative_contractions_auxiliary_is_written_in_full():
    question = why_question(_doc("The night ferry won't leave the harbour, because the crew has not arrived yet."))
    assert question is not None
    assert question.prompt == "Why will the night ferry not leave the harbour?"
    question = why_question(_doc("The night ferry can't leave the harbour because the tide is too low."))
    assert question is not None and question.prompt == "Why can the night ferry not leave the harbour?"


def test_a_subject_placed_by_the_passages_sequence_is_unanchored_whatever_name_it_holds():
    # "The next operation (u+X) won't add ...": the name in the brackets does not say which operation.
    doc = _doc("The next crossing (route B) won't stop at Kerrera, because the pier has not been repaired.")
    assert unanchored_subject(doc)
    # A name with no such adjective still anchors the subject.
    assert not unanchored_subject(_doc("The Kerrera crossing won't stop at the pier, because the pier has not "
                                       "been repaired."))

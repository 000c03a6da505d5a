"""Cards on a FAQ's own questions (gen_faq): asked as the notes ask them, answered by the first sentence
when it answers alone. Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_faq import faq_card, faq_question
from bot.core.quiz.generator import generate_items

FAQ = [
    ("Beekeeping FAQ", "Why do hives need a queen excluder?",
     "Hives are fitted with a queen excluder to keep the queen out of the honey supers. It is a grid of wire."),
    ("Beekeeping FAQ", "How are frames spaced in a hive?",
     "Frames are spaced about thirty-five millimetres apart so that bees can pass between the combs."),
    ("Beekeeping FAQ", "Why are smokers used at the hive?",
     "There are several reasons. Smoke masks the alarm scent of the guard bees."),  # a lead-in
    ("Beekeeping FAQ", "What is propolis good for?",
     "Propolis is a resin collected by bees that can be put to many different uses in the hive."),  # names no use
    ("Beekeeping FAQ", "What is a bee suit?",
     "A bee suit is a one-piece garment of white cotton, and numerous pockets that hold the tools."),  # names them
    ("Beekeeping FAQ", "What is a nucleus colony?",
     "A nucleus colony is a small colony of bees kept on three to five frames with a laying queen."),
    ("Beekeeping FAQ", "What is the format of a hive record card?",
     "A hive record card is kept in the roof of each hive by most beekeepers in the club."),  # about the card, not its format
]
INLINE = ("4.2. What is a swarm cell?\n"
          "A swarm cell is a queen cell built along the bottom edge of a comb before a colony swarms.\n"
          "4.3. How do I stop my bees swarming?\n"
          "Swarming is stopped by giving the colony more room in the early summer.")


def _faq() -> list[Chunk]:
    chunks = [Chunk(make_chunk_id("bees.md", (title, heading), body, i), "bees.md", (title, heading), None, i, body)
              for i, (title, heading, body) in enumerate(FAQ)]
    chunks.append(Chunk(make_chunk_id("bees.md", ("Swarms",), INLINE, 9), "bees.md", ("Swarms",), None, 9, INLINE))
    return chunks


def test_a_faq_question_is_asked_with_the_sentence_that_answers_it():
    items = {i.prompt: i for i in generate_items(_faq(), learned_cutoff=False)}
    why = items["Why do hives need a queen excluder?"]
    assert why.answer == "Hives are fitted with a queen excluder to keep the queen out of the honey supers."
    assert why.tests == "cause" and why.kind == "flashcard"
    assert items["How are frames spaced in a hive?"].answer.startswith("Frames are spaced about thirty-five")
    assert items["What is a swarm cell?"].answer.startswith("A swarm cell is a queen cell")  # a numbered line
    assert "Why are smokers used at the hive?" not in items  # a lead-in first
    assert "What is the format of a hive record card?" not in items  # about something else
    assert "How do I stop my bees swarming?" not in items  # asks about the reader
    assert "What is propolis good for?" not in items  # "many different uses": none named
    assert "What is a bee suit?" in items  # "numerous pockets": named


@pytest.mark.parametrize("line, question", [
    ("7.5. What is a hive tool?", "What is a hive tool?"),
    ("Why are drones larger than workers?", "Why are drones larger than workers?"),
    ("Why is it so?", ""),  # leans on what came before
    ("Which hive is better for me?", ""),  # about the reader
    ("Why do bees swarm? Can it be stopped?", ""),  # two questions
    ("Can bees see red?", ""),  # yes or no
    ("Hive tools", ""),
])
def test_which_lines_are_faq_questions(line, question):
    assert faq_question(line) == question


@pytest.mark.parametrize("question, answer, asked", [
    ("Why are drones larger than workers?", "Drones are larger than workers because they develop in bigger cells.",
     True),
    ("Why are drones larger than workers?", "Drones are larger than workers in every colony of the apiary.",
     False),  # no reason given
    ("How are queens marked?", "Queens are marked with a dot of paint on the thorax each spring.", True),
    ("How are queens marked?", "See the next question for the colours of each year.", False),
    ("How are queens marked?", "These marks are made with a paint pen on the thorax.", False),
])
def test_when_the_first_sentence_answers_alone(question, answer, asked):
    question_doc, answer_doc = nlp.parse_lines([question, answer])
    assert (faq_card(question, question_doc, answer, answer_doc) is not None) == asked


@pytest.mark.parametrize("line, asked", [
    ("Why should beekeepers not buy queens from there?", False),  # "there": a place named before the heading
    ("Why is there no honey in a new super?", True),  # existential "there"
    ("Where are there hives in the town?", True),
])
def test_a_heading_pointing_at_a_place_named_before_is_not_asked(line, asked):
    assert bool(faq_question(line)) == asked


@pytest.mark.parametrize("question, answer, asked", [
    # a where-question answered by a sentence that holds no place
    ("Where is the hive register?", "The hive register is kept for every colony of the association.", False),
    ("Where is the hive register?", "The hive register is kept at the club house in Norwich.", True),
    ("Where is the hive register?", "The hive register is kept in /srv/hives/register.txt on the server.", True),
    ("When is the honey harvested?", "The honey is harvested with a bee escape and a clearer board.", False),
    ("When is the honey harvested?", "The honey is harvested in August after the main flow ends.", True),
    ("How many frames does a brood box hold?", "A brood box holds frames of wax foundation and drawn comb.", False),
    ("How many frames does a brood box hold?", "A brood box holds eleven frames of wax foundation.", True),
])
def test_a_where_when_how_many_question_needs_an_answer_of_that_kind(question, answer, asked):
    question_doc, answer_doc = nlp.parse_lines([question, answer])
    assert (faq_card(question, question_doc, answer, answer_doc) is not None) == asked

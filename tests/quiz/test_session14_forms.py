"""Forms of technical notes and FAQs met in session 14: manual pages named with their section are no
code, a FAQ's answer may name the question's subject by "these files", a naming sentence the small
model misparses is read from its words, and what the notes call a thing may be one of the things the
title names. Made-up notes on beekeeping, of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_faq import faq_card
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_naming import _naming_by_words, naming_question
from bot.core.quiz.gen_code_words import called_names
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import note_chunks


def test_a_manual_page_is_no_call():
    text = ("Edit hives.conf(5) and run hive-check(8) before the season; the tool reads smoker.list(5). "
            "In code, call inspect(frame) or Hive().")
    assert called_names(text) == {"inspect", "Hive"}
    assert "list" not in called_names("Add the lines to sources.list(5) first.")
    assert called_names("Call repr(x) and TaskGroup() here.") == {"repr", "TaskGroup"}


@pytest.mark.parametrize("question, answer, card", [
    ("What is a queen excluder, a super and a brood box?",
     "These parts are wooden frames which are stacked on the floor of the hive in spring.",
     "Wooden frames which are stacked on the floor of the hive in spring."),
    ("What are nucleus colonies?", "These colonies are small colonies of bees kept on three to five frames.",
     "Small colonies of bees kept on three to five frames."),
    ("What is a swarm cell?", "This question is answered in the chapter on swarming in spring.", None),
    ("What is a swarm cell?", "These cells appear along the bottom edge of a comb in spring.", None),  # no "is"
    ("What is a swarm cell?", "These cells are not easy to find on a crowded frame.", None),
    ("Why are swarm cells built?", "These cells are queen cells which the bees build before a swarm.", None),
])
def test_a_faq_answer_may_point_back_to_what_the_question_asks(question, answer, card):
    question_doc, answer_doc = nlp.parse_lines([question, answer])
    made = faq_card(question, question_doc, answer, answer_doc)
    assert (made.answer if made else None) == card


@pytest.mark.parametrize("sentence, prompt, answer", [
    ("Errors detected during execution are called exceptions and are not unconditionally fatal: you will "
     "soon learn how to handle them.", "What are errors detected during execution called?", "Exceptions."),
    ("Bees found in the roof are called a wild colony and are left alone.", "What are bees found in the roof called?",
     "A wild colony."),
    ("The team found the errors are called exceptions.", None, None),  # a clause before "are called"
    ("Such hives are called skeps.", None, None),  # points back
    ("Wax moths living in old combs are called a pest if the colony is weak.", None, None),  # a condition follows
])
def test_a_naming_sentence_is_read_from_its_words(sentence, prompt, answer):
    doc = nlp.parse_line(sentence)
    found = _naming_by_words(doc)
    assert (found.prompt, found.answer) == (prompt, answer) if prompt else found is None
    assert naming_question(doc) is not None or prompt is None


def _chunks(title: str, lines: list[str]) -> list[Chunk]:
    return note_chunks(title, lines, "bees.md")


LINES = ["Colonies that leave a hive in spring with an old queen are called swarms.",
         "A swarm settles on a branch near the hive for a few hours.",
         "A swarm is easy to take when it hangs low on a branch.",
         "Smaller swarms that leave after the first one follow a young queen.",
         "The beekeeper shakes the swarm into a box and carries it to a new hive."]


def test_what_the_notes_call_a_thing_may_be_one_of_the_things_the_title_names():
    prompt = "What are colonies that leave a hive in spring with an old queen called?"
    assert prompt in {i.prompt for i in generate_items(_chunks("Swarms and Casts", LINES), learned_cutoff=False)}
    assert prompt not in {i.prompt for i in generate_items(_chunks("Swarms", LINES), learned_cutoff=False)}


# --- a clause of several short rules is answered with all of them ------------------------------------

RULE_CLAUSES = [
    ("1. We will share what we breed",
     "When we raise a new queen line, we will give its records to every member of the guild. "
     "This has been our custom since the guild began. "
     "We will keep the breeding book open at the hall. "
     "We will send our surplus nuclei to members who lost colonies."),
    ("2. Care of the Apiary",
     "Every keeper who rents a plot at the guild's apiary in the valley must inspect each hive on the plot "
     "for disease at least once every fortnight between the first of April and the end of September. "
     "Every keeper must report any sign of foulbrood, chalkbrood or varroa damage to the apiary steward "
     "in writing within two days of finding it, naming the hive, the frame and the date of the inspection."),
]


def _guild_rules() -> list[Chunk]:
    title = "The Beekeepers' Pledge"
    return [Chunk(make_chunk_id("pledge.txt", (title, heading), body, i), "pledge.txt", (title, heading), None, i,
                  body) for i, (heading, body) in enumerate(RULE_CLAUSES)]


def _clause_items():
    return {i.prompt: i.answer for i in generate_items(_guild_rules(), learned_cutoff=False)
            if i.prompt.startswith("According to")}


def test_a_clause_of_several_short_rules_is_answered_with_all_of_them(monkeypatch):
    """A clause keyed to the first of its rules was dropped (gen_precision.rules_left_out); with three
    short promises it is asked with all three, the remark between them left out; a clause of two long
    requirements stays unasked."""
    items = _clause_items()
    prompt = "According to the Beekeepers' Pledge, what does “We will share what we breed” promise?"
    assert items.get(prompt) == (
        "It promises: when we raise a new queen line, we will give its records to every member of the guild; "
        "we will keep the breeding book open at the hall; "
        "we will send our surplus nuclei to members who lost colonies.")
    assert not any("Care of the Apiary" in p for p in items)
    monkeypatch.setattr("bot.core.quiz.gen_tpl_rules.all_rules_answer", lambda *a: "")
    assert prompt not in _clause_items()
    monkeypatch.setattr("bot.core.quiz.gen_tpl_rules.rules_left_out", lambda *a: False)
    assert any("Care of the Apiary" in p for p in _clause_items())  # dropped above for its long rules only

"""Plain-text FAQs and manuals (session 14): manual pages named with their section are no code, a
numbered question line is its section's heading, and a FAQ's answer may name the question's subject
by "these files". Made-up notes on beekeeping, of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_faq import faq_card
from bot.core.quiz.generator import called_names


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

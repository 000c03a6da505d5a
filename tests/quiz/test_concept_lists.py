"""Lists asked by what they are (gen_concept_lists): "Which of these is NOT one of <the category>?".
Real spaCy on made-up notes."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_concept_lists import _stem, list_question
from bot.core.quiz.gen_context import NameContexts
from bot.core.quiz.gen_keys import enumeration_key
from bot.core.quiz.gen_lexicon import ENUMERATION
from bot.core.quiz.generator import generate_items
from bot.core.quiz.items import MULTIPLE_CHOICE
from tests.quiz.parsed_notes import parsed_notes

NOTES = """\
The three sources of Ardian law are primary law, secondary law and supplementary law.
Primary law consists of the founding treaties of the league.
Secondary law is made by the council under the treaties.
Supplementary law fills the gaps left by the treaties.
The courts of Ardia make case law when they decide disputes.
The lower courts of Ardia must follow case law."""


def first_member(sentence: str):
    doc = nlp.parse_line(sentence)
    key = enumeration_key(doc)
    return doc.char_span(key.start, key.start + len(key.members[0]), alignment_mode="expand").root


@pytest.mark.parametrize("sentence, stem", [
    ("The three sources of Ardian law are primary law, secondary law and supplementary law.",
     "According to the notes, which of these is NOT one of the three sources of Ardian law?"),
    ("Devolved matters include education, health, agriculture and justice.",
     "Which of these do the notes NOT list among devolved matters?"),
    ("Non-combustion heat sources such as solar power, nuclear power or geothermal energy may be used.",
     "Which of these do the notes NOT give as an example of non-combustion heat sources?"),
])
def test_the_stem_names_what_the_list_is(sentence, stem):
    assert _stem(first_member(sentence))[0] == stem


@pytest.mark.parametrize("sentence", [
    "These matters include education, health, agriculture and justice.",  # which matters: what came before says
    "The court heard cases on education, health, agriculture and justice.",  # nothing names the list's kind
])
def test_no_stem_when_the_list_has_no_name_of_its_own(sentence):
    assert _stem(first_member(sentence)) is None


def test_the_odd_one_out_is_a_term_of_the_same_kind_never_listed_with_the_members():
    lines = NOTES.splitlines()
    docs, lexicon = parsed_notes(NOTES)
    question = list_question(docs[0], lexicon, NameContexts(docs), lines, lines[0])
    assert question.answer == "case law" and question.tests == ENUMERATION
    assert set(question.options) == {"primary law", "secondary law", "supplementary law", "case law"}


def test_the_generator_asks_the_list_by_its_name():
    chunks = [Chunk(make_chunk_id("law.txt", ("Sources",), line, i), "law.txt", ("Sources",), None, i, line)
              for i, line in enumerate(NOTES.splitlines())]
    items = generate_items(chunks, learned_cutoff=False)
    named = [i for i in items if "is NOT one of the three sources of Ardian law" in i.prompt]
    assert len(named) == 1, [i.prompt for i in items]
    (item,) = named
    assert item.kind == MULTIPLE_CHOICE and item.answer == "case law" and len(item.options) == 4
    # One item per fact: the blanked-sentence list item of the same sentence is not made beside it.
    assert not [i for i in items if "belong in the blank" in i.prompt and "three sources" in i.prompt]

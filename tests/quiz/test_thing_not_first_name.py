"""A one-word name the notes label a thing wherever it stands alone is no part of a person's name
(generator._part_of_a_name): spaCy read the heading "Enabling AppArmor" as a person once, and
"What is AppArmor?" was refused as "What was Martin?" is (round 10: which Martin?). Made-up notes; the
parser's one-off label is set by hand, as it cannot be counted on to repeat on other words."""

from __future__ import annotations

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_lexicon import ORGANISATION, PERSON
from bot.core.quiz.generator import _Generator

LINES = ["Hivewatch is a counting service that records each bee leaving the hive.",
         "Martin Keel and Martin Roe kept bees at the old mill."]


def _generator() -> _Generator:
    return _Generator([Chunk(make_chunk_id("bees.md", ("Apiary",), line, i), "bees.md", ("Apiary",), None, i, line)
                       for i, line in enumerate(LINES)])


def test_a_word_labelled_a_thing_alone_is_no_first_name():
    g = _generator()
    g.lexicon.name_parts["Hivewatch"] |= {PERSON, ORGANISATION}
    g.full_names.setdefault("Hivewatch", set()).add("Enabling Hivewatch")
    g.lexicon.label_votes["Enabling Hivewatch"][PERSON] += 1
    g.lexicon.label_votes["Hivewatch"][ORGANISATION] += 16
    assert not g._part_of_a_name("Hivewatch")


def test_a_first_name_stays_part_of_a_name():
    g = _generator()
    g.lexicon.name_parts["Martin"] |= {PERSON}
    g.full_names.setdefault("Martin", set()).update({"Martin Keel", "Martin Roe"})
    for full in ("Martin Keel", "Martin Roe"):
        g.lexicon.label_votes[full][PERSON] += 1
    g.lexicon.label_votes["Martin"][PERSON] += 6
    assert g._part_of_a_name("Martin")
    g.lexicon.label_votes["Martin"][PERSON] = 0  # labelled a thing each time alone, but too seldom to say
    g.lexicon.label_votes["Martin"][ORGANISATION] += 2
    assert g._part_of_a_name("Martin")

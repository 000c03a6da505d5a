"""A glossary line whose definition, parsed alone, takes a verb of its relative clause for its root
("Asthenosphere: the less dense, weaker layer of the mantle ..., into which old oceanic plates sink ...")
is read as the sentence it stands for, "<term> is <definition>." (gen_defined.reads_as_copula_glossary;
issue 8, set 24: Asthenosphere, Tectonic plate, Seafloor spreading, Daimyo, Conditioned stimulus, Filter and
Electronegativity were never asked) -- when a line beside it is a term, so labelled steps ("End: the rebellion
ended ...") stay unread. Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined import reads_as_copula_glossary, reads_as_glossary
from bot.core.quiz.generator import generate_items

TITLE = "Beekeeping for Beginners"
GLOSSARY = (
    "- Hive: a wooden box in which a colony of bees is kept by the beekeeper.\n"
    "- Drone: a male bee whose only task is to mate with a young queen.\n"
    "- Super: one of the boxes into which the bees store their surplus honey.\n"
    "- Nectar: a sugary liquid made by flowers that bees turn into honey.\n"
    "- Propolis: a sticky resin that bees gather from tree buds to seal gaps."
)


def _notes(text=GLOSSARY) -> list[Chunk]:
    head = (TITLE, "Key terms")
    return [Chunk(make_chunk_id("bees.md", head, text, 0), "bees.md", head, None, 0, text)]


def _asked(text=GLOSSARY):
    return {i.answer: i for i in generate_items(_notes(text), learned_cutoff=False) if "which term means" in i.prompt}


def _reads(term, definition):
    term_doc, definition_doc, frame = nlp.parse_lines([term, definition, f"{term} is {definition}."])
    return reads_as_glossary(term_doc, definition_doc), reads_as_copula_glossary(term_doc, frame)


def test_the_sentence_a_glossary_line_stands_for_reads_it():
    assert _reads("Super", "one of the boxes into which the bees store their surplus honey") == (False, True)
    # clauses stay clauses in the frame: "Course is the struggle began ...", "... is something pleasant is added"
    assert not _reads("Course", "the struggle began on a cold morning in January")[1]
    assert not _reads("Positive feeding", "something sweet is added after the inspection, so the colony grows")[1]


def test_the_generator_asks_them_among_the_glossarys_terms():
    asked = _asked()
    assert "Super" in asked
    assert set(asked["Super"].options) <= {"Hive", "Drone", "Super", "Nectar", "Propolis"}


def test_a_line_with_no_term_beside_it_is_not_read_so():
    steps = ("- Start: the keeper opened the hive at dawn.\n"
             "- Super: one of the boxes into which the bees store their surplus honey.\n"
             "- Finish: the swarm settled on a branch near the gate.")
    assert "Super" not in _asked(steps)

"""A copula definition whose one "of" phrase says what the thing is made of or whom it gathers ("The moot (or
folkmoot) was an assembly of free men.", "Grout is a composite of cement paste and sand."), asked as a definition
(issue 8, lane qcopula); a description that only places the thing ("a part of the brain", "a version of the
guild's charter", "an example of toll roads", "the kernel of the later League") stays refused as thin
(`relation_only`). A past-tense definition's card says when and where ("According to the notes on ..., what was
the moot?"), not 'What is meant by "Moot"?'. Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined import definitions_by_document
from bot.core.quiz.gen_defined_cards import past_card_stem
from bot.core.quiz.gen_prose_defined import members_named, prose_definition


def _parse(sentence):
    return nlp.pipeline()(sentence)


@pytest.mark.parametrize("sentence, term, definition", [
    ("The moot (or folkmoot) was an assembly of free men.", "Moot", "an assembly of free men"),
    ("Grout is a composite of cement paste and sand.", "Grout", "a composite of cement paste and sand"),
    ("The hanse was a league of merchant towns.", "Hanse", "a league of merchant towns"),
])
def test_a_definition_by_what_it_gathers_is_read(sentence, term, definition):
    found = prose_definition(_parse(sentence))
    assert found is not None and (found.term, found.definition) == (term, definition)


@pytest.mark.parametrize("sentence", [
    "The cortex is a part of the brain.",  # a part of one thing
    "The charter was a version of the guild's charter.",  # whose
    "Turnpikes are an example of toll roads.",  # only its class (a relational noun)
    "Tolls are a form of taxation.",  # a singular bare object: its class
    "The ward was the kernel of the later league.",  # "the ... of the": its place
    "The hundred was a grouping of the parishes.",  # the object names one set of the passage
])
def test_a_description_that_only_places_it_stays_refused(sentence):
    assert prose_definition(_parse(sentence)) is None


def test_members_named_reads_the_object():
    doc = _parse("The moot was an assembly of free men.")
    assert members_named(next(t for t in doc if t.dep_ == "attr"))
    doc = _parse("The moot was an assembly of the shire.")
    assert not members_named(next(t for t in doc if t.dep_ == "attr"))


def test_a_past_definition_card_says_where():
    stem = past_card_stem("Moot", "The **moot** (or folkmoot) was an assembly of free men.", "Moot",
                          "the Anglo-Saxon shires")
    assert stem == "According to the notes on the Anglo-Saxon shires, what was the moot?"
    assert past_card_stem("Moot", "The moot was an assembly of free men.", "Moot", "") == ""
    assert past_card_stem("Moot", "Grout is a composite of cement paste and sand.", "Moot", "x") == ""


def test_the_past_flag_survives_the_genus_reading():
    sentence = "The moot (or folkmoot) was an assembly of free men."
    text = sentence + " It settled disputes."
    chunks = [Chunk(make_chunk_id("shire.md", ("Shires", "The moot"), text, 0), "shire.md", ("Shires", "The moot"),
                    None, 0, text)]
    from bot.core.quiz.gen_text import chunk_sentences, readable_text
    docs = {t: _parse(t) for t in (readable_text(q) or "" for c in chunks for q, _ in chunk_sentences(c)) if t}
    found = definitions_by_document(chunks, docs, prose_definition).get("shire.md", [])
    moot = [d for d, _ in found if d.term == "Moot"]
    assert moot and moot[0].past


@pytest.mark.parametrize("sentence, term", [
    ("The tithings were groups formed by ten households to keep the peace.", "Tithings"),
    ("The liberty was the district under royal charter and custom.", "Liberty"),
])
def test_more_past_definitions_are_read(sentence, term):
    found = prose_definition(_parse(sentence))
    assert found is not None and found.past and found.term == term


@pytest.mark.parametrize("sentence", [
    "The reeves were estate officers.",  # a bare plural with no clause: a genus alone
    "The mill was the key to the village's prosperity.",  # toward one thing
    "The wardens were a setback for the guild.",
])
def test_past_descriptions_still_refused(sentence):
    assert prose_definition(_parse(sentence)) is None


def _found(heading, text):
    from bot.core.quiz.gen_text import chunk_sentences, readable_text
    chunks = [Chunk(make_chunk_id("ward.md", ("Wards", heading), text, 0), "ward.md", ("Wards", heading), None, 0,
                    text)]
    docs = {t: _parse(t) for t in (readable_text(q) or "" for c in chunks for q, _ in chunk_sentences(c)) if t}
    return [d for d, _ in definitions_by_document(chunks, docs, prose_definition).get("ward.md", [])]


def test_the_one_word_term_a_heading_names_is_read_in_the_present():
    text = "The agues are a group of recurring fevers caused by bad air from the marshes. They came yearly."
    named = _found("4. Agues: fevers of the marshes", text)
    assert [d.term for d in named] == ["Agues"] and named[0].headed and not named[0].past
    assert _found("4. Local government", text) == []  # "the X" of a section on something else: named before
    assert _found("2. The town", "The city is a centre of trade with many guild halls. It grew.") == []


def test_the_headed_card_stem():
    from bot.core.quiz.gen_defined_cards import headed_card_stem
    assert headed_card_stem("Wardmotes", "The wardmotes are meetings of ...", "Wardmotes") == "What are the wardmotes?"
    assert headed_card_stem("Wardmotes", "Wardmotes are meetings of ...", "Wardmotes") == ""


def test_a_past_definition_card_keeps_a_name_capitalised_after_the_article():
    # round 55: "... what was the bay of Pigs invasion?": the capital after "The" is the name's own
    stem = past_card_stem("The Bay of Pigs invasion", "The Bay of Pigs invasion was an attempt to overthrow Castro.",
                          "Bay of Pigs invasion", "the Cuban missile crisis")
    assert stem == "According to the notes on the Cuban missile crisis, what was the Bay of Pigs invasion?"

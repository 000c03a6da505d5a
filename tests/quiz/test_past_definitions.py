"""Past-tense definitions of things that no longer are (issue 8, lane qpastdef): "The encomienda was a grant of
labour that the Crown gave to colonists." defines a term the notes name as one (a heading, bold, or several
sections), read as the present-tense "X is a ..." is, with every check of it; "X was a turning point", "a major
cause of ...", "a great success" are narrative, and a past "X was a ..." of a word the notes do not name as a term
is no definition. Real spaCy on made-up notes of no course of the pool (a river guild, a lighthouse board)."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_defined import definitions_by_document
from bot.core.quiz.gen_prose_defined import prose_definition

TITLE = "The River Guilds"


def _parse(sentence):
    return nlp.pipeline()(sentence)


@pytest.mark.parametrize("sentence, term, definition", [
    ("The wharfage was a toll that the guild charged on every barge unloaded at the river quays.", "Wharfage",
     "a toll that the guild charged on every barge unloaded at the river quays"),
    ("The lightage was a fee paid by shipowners for the upkeep of the coastal beacons.", "Lightage",
     "a fee paid by shipowners for the upkeep of the coastal beacons"),
])
def test_a_past_definition_is_read(sentence, term, definition):
    found = prose_definition(_parse(sentence))
    assert found is not None and found.past and (found.term, found.definition) == (term, definition)


@pytest.mark.parametrize("sentence", [
    "The strike was a turning point in the history of the guild.",
    "The toll was a major cause of the riots on the quays.",
    "The charter was a great success for the wardens.",
    "The flood was a result of the heavy rain that fell in spring.",
    "The wharfage was very high.",
])
def test_narrative_in_the_past_is_no_definition(sentence):
    assert prose_definition(_parse(sentence)) is None


def _chunks(*sections):
    return [Chunk(make_chunk_id("guild.md", (TITLE, h), t, i), "guild.md", (TITLE, h), None, i, t)
            for i, (h, t) in enumerate(sections)]


def _docs(chunks):
    from bot.core.quiz.gen_text import chunk_sentences
    from bot.core.quiz.gen_text import readable_text
    texts = [readable_text(q) or "" for c in chunks for q, _ in chunk_sentences(c)]
    return {t: _parse(t) for t in texts if t}


def test_a_past_definition_only_of_a_term_the_notes_name():
    sentence = "The wharfage was a toll that the guild charged on every barge unloaded at the river quays."
    named = _chunks(("3. Wharfage", sentence + " Barges came from upriver."), ("4. Quays", "The quays were busy."))
    unnamed = _chunks(("3. Tolls", sentence + " Barges came from upriver."), ("4. Quays", "The quays were busy."))
    bold = _chunks(("3. Tolls", sentence + " Merchants resented **wharfage** above all."),)
    for chunks, kept in ((named, True), (unnamed, False), (bold, True)):
        found = definitions_by_document(chunks, _docs(chunks), prose_definition).get("guild.md", [])
        assert any(d.term == "Wharfage" for d, _ in found) is kept


@pytest.mark.parametrize("sentence", [
    "The Levy was the idea of Mayor Hobson and the wardens from the Bristol meeting.",  # whose it was
    "Henry Marsh was a carpenter who built the first lock gates on the river.",  # a person
    "Towpaths were an ingenious system of paths along the banks of the river.",  # a judgement before the genus
])
def test_a_past_description_that_is_no_definition(sentence):
    assert prose_definition(_parse(sentence)) is None

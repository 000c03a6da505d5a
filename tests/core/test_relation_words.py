"""The question's plain words (what is asked about its subject) in sentence choice, on notes of
another subject than the default note (a botanic garden, a quarry, wool mills), with the real model.

Names are rare, so by the IDF share the sentence that names the question's subject best wins even
when it says nothing of what was asked; the share of the question's other words it holds, each
counted once, tells the sentence that says it (bench/RESULTS.md 6p)."""

from __future__ import annotations

import pytest

from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from bot.core.sentences import relation_share
from bot.core.tokens import tokenize
from tests.conftest import indexed_course

NOTES = {
    "garden.md": """# The Kelso Botanic Garden

The Kelso Botanic Garden was laid out by the physician Agnes Lorimer on land the town of Kelso left
unused. Lorimer's garden at Kelso became known across Scotland for its alpine house and its ferns.
She trained the young botanist Ewan Tait, who later catalogued the alpine house. The ferns were
watered from a cistern fed by the roof of the alpine house.
""",
    "quarry.md": """# The Dunmore quarry

The Dunmore quarry supplied the sandstone for the Kelso bridge. Its owners, the Rennie brothers,
sold the quarry to the railway company in 1871. The railway carried the stone to Leith, where it
was shipped to London. The quarry flooded after the pumps were removed.
""",
    "mill.md": """# Wool at Galashiels

The mills of Galashiels spun wool from the Cheviot sheep of the Border hills. Water from the Gala
Water turned their wheels until steam engines were bought in the 1840s. The mill owners built
rows of cottages for their weavers.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("borders"), NOTES, real_embedder)


def test_the_sentence_saying_what_was_asked_beats_the_one_naming_the_subject(course):
    # "The Kelso Botanic Garden was laid out by the physician Agnes Lorimer ..." names Lorimer and
    # Kelso in full and was chosen first; "She trained the young botanist Ewan Tait" (shown with the
    # sentence naming her) holds "train", what the question asks about them.
    answer = course.ask("Who did Agnes Lorimer train at Kelso?")
    assert not answer.abstained, answer.reason
    assert "Ewan Tait" in answer.sentences[0], answer.sentences


def test_plain_words_are_counted_once_each_and_names_left_out():
    lexical = LexicalIndex.build(list(NOTES.values()))
    question = "Who did Agnes Lorimer train at Kelso?"
    terms = query_terms(question, lexical)
    names = query_names(question, terms, lexical)
    assert relation_share(terms, names, set(tokenize("She trained the young botanist Ewan Tait."))) == 1.0
    assert relation_share(terms, names, set(tokenize("Agnes Lorimer laid out the garden at Kelso."))) == 0.0
    # A question of names only has no plain word to hold.
    only_names = "Agnes Lorimer and Kelso?"
    terms = query_terms(only_names, lexical)
    assert relation_share(terms, query_names(only_names, terms, lexical), set(tokenize("Agnes Lorimer"))) == 0.0

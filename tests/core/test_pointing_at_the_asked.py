""""During which months could bulbs actually be dug up and sold?" / "Tulips bloom in spring, and
bulbs are dormant from June to September. Only in these months can they be lifted from the ground
...": the demonstrative before the very thing asked ("these months") points at its value in the
sentence before, which is read and shown with it (ans28; it was shown alone, without the months)."""

from __future__ import annotations

from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from bot.core.sentences import candidates_from, points_at_the_asked, score_candidates
from bot.core.documents import Chunk
from bot.core.retrieval import Hit

TEXT = ("Tulips bloom in spring, and bulbs are dormant from June to September. Only in these months can they be "
        "lifted from the ground and moved, so real purchases of bulbs happened then. For the rest of the year "
        "traders signed contracts.")


def test_these_x_of_the_x_asked():
    question = "During which months could bulbs actually be dug up and sold?"
    assert points_at_the_asked("Only in these months can they be lifted from the ground.", question)
    assert points_at_the_asked("In that year the war ended.", "In what year did the war end?")
    assert not points_at_the_asked("These bulbs were sold at auction.", question)


def test_the_sentence_pointing_at_the_asked_is_shown_with_the_one_before():
    question = "During which months could bulbs actually be dug up and sold?"
    lexical = LexicalIndex.build([TEXT])
    terms = query_terms(question, lexical)
    hits = [Hit(Chunk("c0", "notes.md", ("Notes",), None, 0, TEXT), 0, 0.5, 2.0, 1.0)]
    scored = score_candidates(candidates_from(hits), terms, query_names(question, terms, lexical), None, question)
    lifted = next(c for c in scored if c.text.startswith("Only in these months"))
    assert any("June to September" in p for p in lifted.parts)

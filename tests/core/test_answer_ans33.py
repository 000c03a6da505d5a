"""Failures of held-out ans33 (session 30, lane ansk33) that carry to other notes by form: "what's a
colophon" (a contracted "what is") not read as asking what something is; a term glossed in brackets
("colophons (the note at the end of a book)") not read as defined there."""

from __future__ import annotations

from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms


def test_a_contracted_what_is_asks_what_something_is():
    from bot.core.question_kind import EXPLANATION, expected_kind

    assert expected_kind("what's a colophon") == EXPLANATION
    assert expected_kind("What’s a colophon?") == EXPLANATION
    assert expected_kind("whats a guyot") == EXPLANATION
    # Still one thing said about X, as "What is the name of ...?" is.
    assert expected_kind("What's the name of the per-user Wget startup file?") != EXPLANATION
    assert expected_kind("what's another name for polio?") != EXPLANATION


def test_a_term_glossed_in_brackets_is_defined_there():
    from bot.core.sentences import _defines_a_name

    question = "What is a colophon?"
    glossed = ("From the first, the firm advertised itself: the partners gave their names in their colophons "
               "(the note at the end of a book) and made no secret of it.")
    named = "Yet the Fust and Schoeffer colophons never mention Gutenberg."
    lexical = LexicalIndex.build([glossed, named, "Gutenberg printed a Bible."])
    terms = query_terms(question, lexical)
    names = query_names(question, terms, lexical)
    assert _defines_a_name(glossed, terms, names, strict=True, question=question)
    assert not _defines_a_name(named, terms, names, strict=True, question=question)
    # A date in brackets says when, not what it is.
    assert not _defines_a_name("The partners printed colophons (the 1450s and later).", terms, names, strict=True,
                               question=question)

"""Failures of held-out ans33 (session 30, lane ansk33) that carry to other notes by form: "what's a
colophon" (a contracted "what is") not read as asking what something is; a term glossed in brackets
("colophons (the note at the end of a book)") not read as defined there; "What is the default ...?"
answered first by a sentence on the setting that does not say its value unset; "Besides X, what else
...?" answered first by a sentence naming X alone."""

from __future__ import annotations

import pytest

from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from tests.conftest import indexed_course


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


NOTES = {
    "shell.md": """# The tally shell

## Changing output formats

The tally shell can show the results of a query in several output formats. In list mode, each row of a
query result is written on one line of output and each column within that row is separated by a
specific separator string. The default separator is the comma. The separator can be changed with the
.separator command; for example .separator "; " separates columns with a semicolon and a space.

## Running scripts

The .read command executes the statements contained in a file. The .timer command turns the timing of
each statement on or off.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("ans33_default"), NOTES, real_embedder)


def test_the_sentence_giving_the_default_is_shown_first(course):
    answer = course.ask("What is the default column separator in list mode?")
    # (without the rule: "In list mode, each row ... is separated by a specific separator string."
    # first, confident)
    assert not answer.abstained and "comma" in answer.sentences[0], answer.sentences


def test_a_sentence_naming_only_what_the_question_sets_aside_goes_after():
    from bot.core.answering import _only_what_is_set_aside, set_aside
    from bot.core.documents import Chunk
    from bot.core.retrieval import Hit
    from bot.core.sentences import candidates_from

    aside = set_aside("Besides a semicolon, what else can end a statement in the shell?")
    assert aside == frozenset({"semicolon"})
    assert set_aside("What can end a statement in the shell?") == frozenset()
    text = ("SQL statements in the shell normally end with a semicolon. "
            "If you press Enter before typing the semicolon, the shell waits for more input. "
            "The shell also accepts a line containing only GO as the end of a statement. "
            "A statement may end with a semicolon or a line containing only GO. "
            "Other names for it are the statement end, the semicolon.")
    hit = Hit(Chunk("c0", "notes.md", ("Notes",), None, 0, text), 0, 0.18, 1.0, 0.5)
    alone, waits, also, listed, other = candidates_from([hit])
    assert _only_what_is_set_aside(alone, aside)
    assert _only_what_is_set_aside(waits, aside)  # a comma closing a clause lists nothing
    assert not _only_what_is_set_aside(also, aside)  # tells of more, and does not name it
    assert not _only_what_is_set_aside(listed, aside)  # listed with something else
    assert not _only_what_is_set_aside(other, aside)  # "other"


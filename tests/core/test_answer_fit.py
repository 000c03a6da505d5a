"""The phrase signal of answer_fit (no model): which of a question's neighbouring words a passage
uses together."""

from __future__ import annotations

from bot.core.answer_fit import phrase_share
from bot.core.query import QueryTerm
from bot.core.tokens import tokenize


def _share(question: str, text: str, other_names: dict[str, set[str]] | None = None) -> float:
    order = tokenize(question)
    terms = [QueryTerm(s, 1.0, frozenset({s} | (other_names or {}).get(s, set()))) for s in dict.fromkeys(order)]
    return phrase_share(terms, order, text)


def test_a_question_written_from_the_passage_shares_its_phrases():
    text = "The unequal treatment is possibly due to the fear of transferring power to the ethnic Chinese."
    assert _share("How did the unequal treatment of the Chinese make the dynasty seem?", text) > 0
    # Other forms of a word count ("declared" / "declaration"); a pair whose words stand apart does not.
    text = "The settlers' declaration of independence was read aloud."
    assert _share("Which settlers declared independence?", text) == 1.0
    assert _share("Which settlers made the declaration of independence?", text) == 1 / 3


def test_another_subject_sharing_single_words_has_none_of_its_phrases_together():
    text = ("The Scotland Act enabled the Scottish Parliament to pass primary legislation on these issues. "
            "Many other matters remain reserved, and United Kingdom law applies to them.")
    assert _share("What are the main sources of primary law?", text) == 0.0


def test_a_question_of_one_word_or_an_other_name_of_the_notes():
    assert _share("What is photosynthesis?", "Nothing about it.") == 1.0
    # "GLF" stands together with "famine" where the notes write it.
    assert _share("Did the GLF famine end?", "The GLF famine ended in 1961.") == 1.0
    assert _share("Did the Great Leap famine end?", "The GLF famine ended in 1961.", {"great": {"glf"}, "leap": {"glf"}}) == 1.0

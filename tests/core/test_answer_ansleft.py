"""Confident wrong answers left from ans31 and the development sets (session 29, lane ansleft), by form:
a year inside a name ("the Tariff Act of 1930") taken as the date of a when-question's event that
another sentence dates with the question's verb ("Hoover signed the bill into law on June 17, 1930");
an answer opening about the notes ("These notes describe the South Sea Company ... They cover how the
company was set up ...") confident for "Who set up the South Sea Company?"; and "Which city ...?"
answered confident by a timeline row naming a people and a region but no city ("Around 114 BCE: Han
expansion into Central Asia; conventional start of the Silk Road.")."""

from __future__ import annotations

import numpy as np

from bot.core import answering
from bot.core.answering import CONFIDENT, answer_question
from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.retrieval import Hit, SearchResult
from bot.core.sentences import candidates_from


def _ask(question: str, passages: list[str], heading: str = "Notes"):
    lexical = LexicalIndex.build(passages)
    query = np.array([1.0, 0.0], dtype=np.float32)

    def embed(texts: list[str]) -> np.ndarray:
        return np.array([[0.6, 0.8] for _ in texts], dtype=np.float32)

    hits = [Hit(Chunk(f"c{i}", "notes.md", (heading,), None, i, text), i, 0.5 - 0.05 * i, 3.0 - 0.5 * i,
                1.0 - 0.1 * i) for i, text in enumerate(passages)]
    return answer_question(SearchResult(question, [], query, hits), lexical, embed=embed)


def _candidates(text: str):
    hit = Hit(Chunk("c0", "notes.md", ("Notes",), None, 0, text), 0, 0.18, 1.0, 0.5)
    return candidates_from([hit])


def test_a_year_inside_a_name():
    from bot.core.question_kind import without_named_years

    assert without_named_years("The Tariff Act of 1930 raised duties.") == "The Tariff Act of # raised duties."
    assert without_named_years("Under the 1964 Act, segregation ended.") == "Under the # Act, segregation ended."
    # A year placed in time, a decade and a date stay.
    for kept in ("In 1930 Congress raised duties.", "Prices fell in the 1930s.", "by the end of 1930 the",
                 "Hoover signed it on June 17, 1930."):
        assert without_named_years(kept) == kept


def test_a_named_year_does_not_date_what_another_sentence_dates_with_the_verb():
    question = "when was the smoot hawley act signed"
    named, _, signed = _candidates("The Tariff Act of 1930 was a law that implemented protectionist trade policies. "
                                   "It raised tariff rates on many imports. "
                                   "President Herbert Hoover signed the bill into law on June 17, 1930.")
    assert answering._dated_where_its_verb_is([named, signed], question)[0] is signed
    # A named year with the question's verb dates it: nothing moves.
    fought, other = _candidates("In the course of the Polish-Bolshevik War of 1920, the Battle of Warsaw was fought "
                                "near the city. The city was fought over again on 1 August 1944.")
    assert answering._dated_where_its_verb_is([fought, other], "When was the Polish-Bolshevik war fought?")[0] is fought


def test_an_answer_about_the_notes_is_not_confident():
    passages = ["These notes describe the South Sea Company and the speculative bubble in its shares in 1720. "
                "They cover how the company was set up to manage British government debt.",
                "The share price rose sharply in the summer of 1720 and then collapsed."]
    answer = _ask("Who set up the South Sea Company?", passages, heading="The South Sea Bubble")
    assert not answer.abstained
    assert answer.tier != CONFIDENT


def test_which_city_is_confident_only_with_a_city():
    passages = ["Around 114 BCE: Han expansion into Central Asia; conventional start of the Silk Road.",
                "The Silk Road was a network of trade routes across Eurasia."]
    answer = _ask("Which city did the Silk Road start from?", passages, heading="Silk Road timeline")
    assert not answer.abstained
    assert answer.tier != CONFIDENT
    assert answering._names_a_polity("The routes began at Samarkand, in Uzbekistan.")
    assert not answering._names_a_polity("Around 114 BCE: Han expansion into Central Asia.")

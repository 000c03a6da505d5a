"""A document's title dating its whole subject ("McCulloch v. Maryland (1819): Implied Powers and
National Supremacy") was shown before an undated sentence of its "2. Background" section for a
when-question about an earlier event ("when did the first national bank's charter run out": "...:
President Washington backed Hamilton, and the first Bank received a twenty-year charter."), although
the section's next passage dates its own events ("That charter expired in 1811"; ans32, session 30).
A heading above the passage's own does not date a passage whose section gives dates elsewhere,
unless the question names what the heading dates."""

from __future__ import annotations

from bot.core.documents import Chunk
from bot.core.lexical import LexicalIndex
from bot.core.query import query_names, query_terms
from bot.core.question_kind import DATE, expected_kind
from bot.core.retrieval import Hit
from bot.core.sentences import candidates_from, score_candidates

TITLE = "McCulloch v. Maryland (1819): Implied Powers and National Supremacy"
UNDATED = "President Washington backed Hamilton, and the first Bank received a twenty-year charter."
DATED = "That charter expired in 1811, and the Jeffersonians did not renew it."


def _scored(question: str, texts: list[str], section: str = "2. Background: a bank the Constitution does not mention"):
    hits = [Hit(Chunk(f"c{i}", "mcculloch.pdf", (TITLE, section), None, i, t), i, 0.2, 1.0, 0.5)
            for i, t in enumerate(texts)]
    lexical = LexicalIndex.build(texts)
    terms = query_terms(question, lexical)
    assert expected_kind(question) == DATE
    scored = score_candidates(candidates_from(hits), terms, query_names(question, terms, lexical), DATE, question)
    return {c.text: c for c in scored}


def test_a_title_does_not_date_a_section_that_dates_its_own_events():
    scored = _scored("When did the first bank's charter run out?", [UNDATED, DATED])
    assert not scored[UNDATED].heading_part and not scored[UNDATED].kind_ok
    assert scored[DATED].kind_ok


def test_a_title_still_dates_what_it_names_and_an_undated_section():
    named = _scored("What year was McCulloch v. Maryland decided?", [UNDATED, DATED])
    assert named[UNDATED].heading_part == TITLE
    # No passage of the section gives a date: the title dates it, as before.
    alone = _scored("When did the first bank's charter run out?", [UNDATED])
    assert alone[UNDATED].heading_part == TITLE


def test_a_title_over_a_document_of_no_sections_dates_only_what_it_names():
    """"1973 oil crisis" is the passage's own heading in a document of no sections: it dated "Until the
    oil shock, the price had also remained fairly stable ..." for "When did commodities readjust to oil
    prices?" (pool, adversarial) as if the passage said 1973."""
    title = "1973 oil crisis"
    undated = "Until the oil shock, the price had also remained fairly stable versus other currencies."
    dated = "After 1971, OPEC was slow to readjust prices to reflect this depreciation."
    texts = [undated, dated]
    hits = [Hit(Chunk(f"c{i}", "oil.txt", (title,), None, i, t), i, 0.2, 1.0, 0.5) for i, t in enumerate(texts)]
    lexical = LexicalIndex.build(texts)
    for question, shown in (("When did commodities readjust to oil prices?", False),
                            ("When did the 1973 oil crisis end?", True)):
        terms = query_terms(question, lexical)
        scored = score_candidates(candidates_from(hits), terms, query_names(question, terms, lexical), DATE, question)
        assert bool(next(c for c in scored if c.text == undated).heading_part) is shown, question

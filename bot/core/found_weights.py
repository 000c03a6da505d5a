"""A question's words weighed by how rare they are among the passages found for it, not in the notes.

The confident tier reads the share of the question's weight its first sentence carries. Weighed by
the notes' IDF, that share depends on what else the course holds (issue 15.5): in a course of one
subject its own words ("steam", "engine", "pressure") are in most passages and weigh almost nothing,
so a sentence saying exactly what was asked carries too little of the weight when the course is
indexed alone, and enough among other courses, where those words are rare again (bench/RESULTS.md
6t, 6v). Among the few passages the search found for the question, the words all of them share are
the question's topic and tell its passages apart no more than the course's subject does; the words
only some of them hold say which passage answers. That reading is the same whether the course is
one note or many, of one subject or several.
"""

from __future__ import annotations

import math

from bot.core.lexical import LexicalIndex
from bot.core.query import QueryTerm
from bot.core.tokens import tokenize


def found_weights(terms: list[QueryTerm], texts: list[str], lexical: LexicalIndex) -> list[QueryTerm]:
    """The same terms, each weighed by its IDF among `texts` (the passages found) instead of the
    notes'. A term the notes weigh down as one word of a longer name ("First Five-Year Plan") keeps
    that share of its weight."""
    found = [set(tokenize(text)) for text in texts]
    n = len(found)
    out = []
    for t in terms:
        df = sum(t.found_in(stems) for stems in found)
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        share = t.weight / lexical.idf(t.stem) if lexical.idf(t.stem) > 0 else 1.0
        out.append(QueryTerm(t.stem, idf * share, t.alternatives))
    return out

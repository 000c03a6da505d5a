"""Which years are asked: a side thing's release year is not (round 8a dropped both it was shown)."""

from __future__ import annotations

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_lexicon import DATE
from bot.core.quiz.generator import generate_items

LINES = [
    "NetStack was a suite of networking protocols developed by Orion Computers in 1979 for its desktop machines.",
    "The national research network became operational in 1969 and linked four universities in the west.",
    "NetStack was replaced by the national research network in most universities during the next decade.",
]


def test_no_year_of_what_a_maker_released():
    chunks = [Chunk(make_chunk_id("net.txt", ("Networks",), line, i), "net.txt", ("Networks",), None, i, line)
              for i, line in enumerate(LINES)]
    dated = [i.source.quote for i in generate_items(chunks, learned_cutoff=False) if i.tests == DATE]
    assert LINES[0] not in dated
    assert LINES[1] in dated  # the same notes still give the year of what happened

"""True/false items from names, not years: false only where the notes rule the swap out (gen_swaps),
and a false year never one the passage's own years give away. Made-up notes of no pool course."""

from __future__ import annotations

import re

from bot.core.documents import Chunk
from bot.core.quiz.gen_context import NameContexts
from bot.core.quiz.gen_keys import name_keys
from bot.core.quiz.gen_lexicon import DATE
from bot.core.quiz.gen_swaps import one_holder, plausible_years, said_of, swap_people
from bot.core.quiz.gen_year_worth import year_worth
from bot.core.quiz.generator import generate_items
from bot.core.quiz.items import TRUE_FALSE
from tests.quiz.parsed_notes import note_chunks, parsed_notes

# A made-up history of a harbour town's railway: people with offices, a founding, a shared deed.
RAILWAY = """The Harbour Railway Company was founded by Thomas Weller in 1821 to carry coal from the pits to the quay.
Chief Engineer Thomas Weller designed the first iron bridge over the river Calder.
Mayor Samuel Hartley opposed the railway because it crossed the town's common land.
Samuel Hartley and Thomas Weller signed the agreement on the common land after a long dispute.
Samuel Hartley was the mayor of the town for twelve years and built the new market hall.
The town council asked Samuel Hartley to open the new quay in 1830.
Thomas Weller later built a second line to the limestone quarries.
The engineers Thomas Weller and Henry Pike surveyed the route across the moor."""


def _key(doc, lexicon, text):
    return next(k for k in name_keys(doc, lexicon, "") if k.text == text)


def test_a_statement_holds_of_one_name_only_when_the_sentence_says_so():
    docs, lexicon = parsed_notes(RAILWAY)
    founded = _key(docs[0], lexicon, "Thomas Weller")  # "founded by X": one founder
    assert one_holder(docs[0], founded.start, founded.end)
    titled = _key(docs[1], lexicon, "Thomas Weller")  # "Chief Engineer X": an office one holds
    assert one_holder(docs[1], titled.start, titled.end)
    pair = _key(docs[3], lexicon, "Samuel Hartley")  # "X and Y signed": the notes say who, not who else
    assert not one_holder(docs[3], pair.start, pair.end)
    listed = _key(docs[7], lexicon, "Thomas Weller")  # "The engineers X and Y surveyed"
    assert not one_holder(docs[7], listed.start, listed.end)


def test_a_swap_the_notes_say_of_the_other_name_is_not_false():
    docs, lexicon = parsed_notes(RAILWAY)
    key = _key(docs[1], lexicon, "Thomas Weller")
    # The notes never say Hartley designed a bridge: swapping him in is false by the notes ...
    assert not said_of("Samuel Hartley", docs[1], key.start, key.end, docs)
    # ... but Weller "built" a line and so did Hartley (a market hall): "X built ..." swapped is not false.
    built = _key(docs[6], lexicon, "Thomas Weller")
    assert said_of("Samuel Hartley", docs[6], built.start, built.end, docs)


def test_people_to_swap_in_are_named_in_full_and_not_in_the_sentence():
    docs, lexicon = parsed_notes(RAILWAY)
    contexts = NameContexts(docs)
    people = swap_people("Thomas Weller", lexicon, contexts, docs[1].text)
    assert "Samuel Hartley" in people and "Thomas Weller" not in people
    assert "Samuel Hartley" not in swap_people("Thomas Weller", lexicon, contexts, docs[3].text)  # in the sentence


def test_a_false_year_is_never_one_the_passages_years_rule_out():
    passage = "The company was founded in 1821. The first bridge (1824) carried the line over the river."
    # 1818 would put the bridge before the company that built it: a give-away, not a question.
    assert plausible_years("1824", ["1818", "1827", "1829"], passage) == ["1827", "1829"]
    assert plausible_years("1824", ["1822"], passage) == ["1822"]  # nothing stated between
    assert plausible_years("1850s", ["1810s"], passage) == []  # 1821 and 1824 lie between


def _chunks(text: str, document: str) -> list[Chunk]:
    return note_chunks("History", text.splitlines(), document)


def test_the_generator_makes_a_true_false_item_of_a_name_and_keys_it_by_the_notes():
    items = generate_items(_chunks(RAILWAY, "railway.txt"), learned_cutoff=False)
    swaps = [i for i in items if i.kind == TRUE_FALSE and i.tests != DATE]
    assert swaps
    for item in swaps:
        statement = item.prompt.removeprefix("True or false? ")
        if item.answer == "True":
            assert statement == item.source.quote
        else:
            assert statement != item.source.quote and "Thomas Weller" in item.source.quote
            assert "Henry Pike" not in statement  # met once: no swap, and not swapped in
    quotes = [i.source.quote for i in swaps]
    assert RAILWAY.splitlines()[3] not in quotes and RAILWAY.splitlines()[7] not in quotes  # pairs: undecidable


# A made-up history of a guild and its town: a founding, a charter, a clerk's death, a visitor's lectures.
GUILD = """The Weavers' Guild was founded in 1402 by the merchants of the town.
The Weavers' Guild received its royal charter in 1460 and ruled the cloth trade for two centuries.
The Weavers' Guild built a hall on the market square and kept its records there.
The Weavers' Guild lost its monopoly when the cloth trade moved to the mills.
In 1511, the clerk Walter Fenby died and was replaced by his son.
In 1623, the lectures of Jonas Marlowe were acclaimed in the guild hall."""


def test_a_founding_year_is_worth_more_than_a_clerks_death():
    docs, lexicon = parsed_notes(GUILD)
    met_often = lambda name: sum(1 for d in docs if name in d.text) >= 2  # noqa: E731
    worth = [year_worth(doc, re.search(r"1\d{3}", doc.text).start(), met_often) for doc in docs if re.search(r"1\d{3}", doc.text)]
    founded, charter, death, lectures = worth
    assert founded == 1 and charter == 1  # a founding; a charter
    assert death == -2  # a side event of a name met once
    assert lectures == -2  # acclaimed lectures of a visitor met once


def test_a_side_events_year_of_a_name_met_once_is_not_asked():
    items = generate_items(_chunks(GUILD, "guild.txt"), learned_cutoff=False)
    dated = {i.source.quote for i in items if i.tests == DATE}
    assert GUILD.splitlines()[0] in dated  # the founding's year is asked (the one year a bank of years keeps)
    assert GUILD.splitlines()[4] not in dated and GUILD.splitlines()[5] not in dated

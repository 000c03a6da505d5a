"""The weak forms judges kept holding back (rounds 8-9), taken out by kind: year options that give the
answer away by their shape, years of events that turn nothing, a true/false made false by a figure
describing what the statement is about, a why-card keyed to half of the cause the notes give, a term
blanked where the verb gives it away or an option is the course's subject by another name. Real spaCy
on made-up notes of no course of the pool."""

from __future__ import annotations

import random
import re

from bot.core import nlp
from bot.core.quiz.gen_concept_causes import caused_elsewhere, continues_previous, lacks_setting
from bot.core.quiz.gen_keys import describes_subject
from bot.core.quiz.gen_lexicon import CAUSE, DATE, TERM
from bot.core.quiz.gen_numbers import year_keys
from bot.core.quiz.gen_questions import why_question
from bot.core.quiz.gen_year_options import year_options
from bot.core.quiz.gen_card_checks import _cased_as_quoted
from bot.core.quiz.generator import _Generator, generate_items
from tests.quiz.parsed_notes import chunks_of


def parse(text: str):
    return nlp.parse_lines([text])[0]


def _options(sentence: str, year: str, seed: int) -> list[int]:
    key = next(k for k in year_keys(sentence) if k.text == year)
    stated = {int(y) for y in re.findall(r"\b1\d{3}\b", sentence)}
    return sorted(int(o[:4]) for o in year_options(key, random.Random(seed), stated))


def test_year_options_put_the_answer_anywhere_in_an_even_grid():
    places = set()
    for seed in range(40):
        options = sorted([*_options("The mill opened in 1842.", "1842", seed), 1842])
        assert len(options) == 4 and len({b - a for a, b in zip(options, options[1:])}) == 1
        places.add(options.index(1842))
    assert places == {0, 1, 2, 3}  # first, last or between: its place tells nothing


def test_no_year_option_alone_on_its_side_of_a_century():
    """"1698" among 1701, 1702 and 1703 was the only 17th-century year (round 9: borderline)."""
    for seed in range(40):
        options = [*_options("The first pump was built in 1698 by a mining company.", "1698", seed), 1698]
        centuries = [y // 100 for y in options]
        assert all(centuries.count(c) >= 2 for c in centuries)


def test_no_year_option_on_the_far_side_of_a_year_the_stem_states():
    """"Following a referendum in ___ ... the Harbour Act 1898": a year after 1898 is ruled out."""
    sentence = "Following a vote in 1897, the harbour board was set up by the Harbour Act 1898."
    for seed in range(40):
        assert all(y < 1898 for y in _options(sentence, "1897", seed))


def test_a_figure_describing_the_subject_is_no_true_false_key():
    endowment = "The guild's $4.2 million trust fund is the largest of any craft guild."
    start = endowment.index("$4.2")
    assert describes_subject(parse(endowment), start, start + len("$4.2 million"))
    tax = "The council may raise the harbour toll by up to 3 pence a ton."
    start = tax.index("up to 3")
    assert not describes_subject(parse(tax), start, start + len("up to 3 pence"))
    share = "By 1880, over 90% of the weavers were members of the guild."
    start = share.index("over 90%")
    assert not describes_subject(parse(share), start, start + len("over 90%"))


def test_years_are_asked_only_of_events_that_turn_something():
    lines = ["The Saltmarsh Company was founded in 1721 by merchants of the port.",
             "In 1734 the Saltmarsh Company gave land to the tanners of the port for new workshops.",
             "The Saltmarsh Company traded salt with the inland towns for a century.",
             "The tanners of the port sold leather to the Saltmarsh Company."]
    dated = {i.source.quote for i in generate_items(chunks_of(lines, "Port history"), learned_cutoff=False)
             if i.tests == DATE}
    assert lines[0] in dated and lines[1] not in dated


SALT = ["The salt traders of the coast were paid in silver coins.",
        "The mint debased the silver coins after the war with the hill tribes.",
        "Because the salt traders were paid in silver, the traders' real income fell.",
        "The salt guild had no way to raise its prices quickly, so the traders' real income fell further.",
        "Because the river silted up, the fishing fleet left the harbour."]


def test_no_why_card_on_half_a_cause():
    """The cause of the traders' fall in income is told across two sentences (the coins debased, then
    paid in silver) and the notes give a second one (prices not raised): a card keyed to "Because the
    salt traders were paid in silver" marks both wrong (round 9's oil producers' income)."""
    g = _Generator(chunks_of(SALT, "Coast trade"))
    docs = list(g.docs.values())
    assert continues_previous(docs[2], docs[1])
    assert not continues_previous(docs[4], docs[3])  # a cause of its own: the harbour's silting
    assert caused_elsewhere(docs[2], docs)
    assert not caused_elsewhere(docs[4], docs)  # one cause of one event
    cards = [i for i in generate_items(chunks_of(SALT, "Coast trade"), learned_cutoff=False) if i.tests == CAUSE]
    assert not any("income" in c.prompt for c in cards)


LAW = ["The Valley Assembly makes the laws of the valley.",
       "Valley law is taught at the college of the valley.",
       "Judges apply statute law before any other source.",
       "Statute law is written by the Valley Assembly.",
       "Customary law grew out of the practice of the old villages.",
       "Customary law is recorded by the village elders.",
       "Treaty law binds the valley in its dealings with its neighbours.",
       "Treaty law is agreed with the neighbouring valleys.",
       "Lake law governs the boats and the fishing on the lake.",
       "Lake law was borrowed from the coastal cities.",
       "Assembly law was the name of valley law before the reform of 1870.",
       "Assembly law was printed in a yearly gazette.",
       "Older judges still cite Assembly law in their rulings.",
       "Merchants rely on treaty law when they trade across the passes.",
       "Many disputes over grazing are settled by customary law.",
       "The exceptions that the customary law has developed are listed in the Grazing Code."]


def test_term_blank_options_and_verbs_that_give_the_answer_away():
    g = _Generator(chunks_of(LAW, "Valley law"))
    clozes = {text: g.term_kin.cloze(doc, text) for text, doc in g.docs.items()}
    asked = [q for q in clozes.values() if q and q.tests == TERM]
    assert asked  # the notes' kinds of law are still asked
    for q in asked:
        # "Assembly law": valley law by its old name (the valley's own Assembly), right wherever the answer is.
        assert not any(o.lower().startswith("assembly") for o in q.options)
    # "... that the customary law has developed": the term does what the verb says; not blanked.
    assert clozes[LAW[-1]] is None


def test_a_capital_left_by_a_dropped_opener_is_not_in_the_question():
    """"Moreover, member guilds ..." is shown as "Member guilds ...": the card asks about "member guilds"
    as the notes write them (rounds 9a and 9: "Why do Member states ...?", a stray capital)."""
    quote = "Moreover, member guilds came under a duty not to copy the statutes, in order to avoid two rules."
    assert _cased_as_quoted("Why did Member guilds come under a duty not to copy the statutes?", quote) == \
        "Why did member guilds come under a duty not to copy the statutes?"
    assert _cased_as_quoted("Why did Arlen guilds meet?", "Moreover, Arlen guilds met in spring.") == \
        "Why did Arlen guilds meet?"  # a name stays as written


def test_no_why_card_without_a_setting():
    """"Why were the old canals closed?": done to a thing, by nobody, nowhere (round 10a dropped all three)."""
    bare = parse("The old canals were closed because the river had silted up.")
    assert why_question(bare).prompt == "Why were the old canals closed?"
    assert lacks_setting(bare, "Why were the old canals closed?")
    named = parse("The Arlen canals were closed because the river had silted up.")
    assert not lacks_setting(named, "Why were the Arlen canals closed?")
    agent = parse("The old canals were closed by the harbour board because the river had silted up.")
    assert not lacks_setting(agent, "Why were the old canals closed by the harbour board?")
    active = parse("The farmers left the valley because the river had silted up.")
    assert not lacks_setting(active, "Why did the farmers leave the valley?")

"""What a stem needs besides standing alone, on made-up sentences (real spaCy): a referent a student
can place, a year that is the sentence's own fact, one figure per statement, a card that says what a
thing is, and sequence options that do not date themselves. Each case is a kind of item judges did
not keep in round 6 (bench/RESULTS.md 8.8)."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.quiz.gen_sequence import Event, event_of, sequences
from bot.core.quiz.gen_standalone import incidental_year, other_figures, unnamed_referent
from bot.core.quiz.gen_card_checks import _weak_card
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import note_chunks


def _year_span(sentence: str, year: str) -> tuple[int, int]:
    start = sentence.index(year)
    return start, start + len(year)


@pytest.mark.parametrize("sentence", [
    "Greenland signed a Treaty in 1985 giving it a special status.",  # which treaty?
    "Under the rule, citizens were said in 1986 to have no claim against other private parties.",  # said by whom?
])
def test_a_stem_without_a_referent(sentence):
    assert unnamed_referent(nlp.parse_line(sentence))


@pytest.mark.parametrize("sentence", [
    "Greenland signed the Treaty of Lisbon in 2007.",
    "The court said in 1986 that citizens had no claim against other private parties.",
    "A Dutch lawyer moved to Belgium while advising a client in a social security case.",
])
def test_a_stem_with_its_referent(sentence):
    assert unnamed_referent(nlp.parse_line(sentence)) == ""


@pytest.mark.parametrize("sentence, year", [
    ("A rudimentary steam turbine was described by Taqi al-Din in 1551 and by Giovanni Branca in 1629.", "1551"),
    ("Nova Scotia, which had been captured from France in 1713, still had a large French-speaking population.",
     "1713"),
    ("The force that invaded the south was far greater than the force they sent to the west in 1256.", "1256"),
    ("In 2012 the Economist Intelligence Unit ranked the city as the 32nd most liveable city in the world.", "2012"),
    ("In 1970 about 71% of the country's imported oil came from the Middle East.", "1970"),  # a figure's year
])
def test_a_year_that_is_not_the_sentences_own_fact(sentence, year):
    assert incidental_year(nlp.parse_line(sentence), *_year_span(sentence, year))


@pytest.mark.parametrize("sentence, year", [
    ("Following a referendum in 1997, the current Parliament was convened by the Scotland Act 1998.", "1997"),
    ("In 1749 the British government gave land to the Ohio Company of Virginia.", "1749"),
])
def test_a_year_that_is_the_sentences_fact(sentence, year):
    assert incidental_year(nlp.parse_line(sentence), *_year_span(sentence, year)) == ""


def test_a_statement_on_one_of_several_figures():
    several = "By 1985, the average vehicle moved 17.4 miles per gallon, compared to 13.5 in 1970."
    assert other_figures(nlp.parse_line(several), *_year_span(several, "17.4"))
    one = "The Parliament can alter income tax by up to 3 pence in the pound."
    assert not other_figures(nlp.parse_line(one), *_year_span(one, "3"))


@pytest.mark.parametrize("question, answer, weak", [
    ("What was Tamara de Lempicka?", "A famous artist born in Warsaw.", True),  # praise, not what she was
    ("What was AppleTalk?", "A suite of networking protocols developed by Apple Inc. in 1985.", True),  # maker, year
    ("What is the John W. Weeks Bridge?", "A pedestrian bridge over the river connecting both campuses.", True),
    ("What is the Rankine cycle?", "The fundamental thermodynamic underpinning of the steam engine.", False),
    ("What is the Social Chapter?", "A chapter of the 1997 Treaty of Amsterdam covering social policy.", False),
])
def test_cards_that_say_what_a_thing_is(question, answer, weak):
    assert _weak_card(question, answer) == weak


def _chunks(lines: list[str], title: str) -> list[Chunk]:
    return note_chunks(title, lines, "notes.txt")


def test_a_description_question_names_what_it_is_about():
    notes = _chunks(["The school color is crimson, the name of the sports teams and of the daily newspaper.",
                     "The main library of the university is the largest academic library in the world.",
                     "The university was founded by a vote of the colonial legislature."], "Harvard University")
    prompts = [i.prompt for i in generate_items(notes, learned_cutoff=False)]
    assert not any("school color" in p for p in prompts)  # which school's?


def test_sequence_options_that_date_themselves_are_not_events():
    assert event_of("The first stock exchange was established in 1817 and continued trading until World War II.") \
        is None
    assert event_of("The historic Old Town was listed in 1980 as a World Heritage Site by the agency.") is None \
        or not event_of("The historic Old Town was listed in 1980 as a World Heritage Site by the agency.")[0] \
        .endswith("was listed")


def test_an_option_holding_two_events_is_no_event():
    assert event_of("Kublai named his eldest son Zhenjin as the Crown Prince, but he died before Kublai in 1285.") \
        is None


def test_no_sequence_whose_first_event_is_far_before_the_rest():
    events = [Event(f"Event number {n} happened in the town", year, f"q{n}", n)
              for n, year in enumerate([1606, 1788, 1808, 1830])]
    assert sequences(events) == []  # and two centuries apart
    genghis = [Event(f"Event number {n} happened in the town", year, f"q{n}", n)
               for n, year in enumerate([1206, 1259, 1262, 1271])]
    assert sequences(genghis) == []
    close = [Event(f"Event number {n} happened in the town", year, f"q{n}", n)
             for n, year in enumerate([1274, 1276, 1281, 1285])]
    assert len(sequences(close)) == 1


UNRELATED_EVENTS = """\
The first iron bridge over the northern river was opened to traffic in 1781.
The canal company finished the long aqueduct across the valley in 1805.
The railway from the port to the coalfield opened for passengers in 1830.
The great exhibition of engines and machines was held in the capital in 1851.
"""


def test_no_sequence_of_events_with_nothing_in_common():
    # Four events of a city's history sharing no name (a car factory, a library garden, a football
    # club, a UNESCO listing) made a trivia item in round 6; a shared name makes them one story.
    lines = UNRELATED_EVENTS.splitlines()
    made = generate_items(_chunks(lines, "Transport"))
    assert not any(i.tests == "sequence" for i in made)
    linked = [lines[0].replace("The first iron bridge", "The first iron bridge of Abraham Darby"),
              lines[1].replace("The canal company", "The canal company of Abraham Darby"), *lines[2:]]
    assert any(i.tests == "sequence" for i in generate_items(_chunks(linked, "Transport")))


def test_a_comparative_with_nothing_it_is_compared_with_does_not_stand_alone():
    # "Small functions are easier to read": easier than what? The sentence before in the notes said
    # (large ones); a student shown this one alone cannot tell. With "than" it stands alone.
    from bot.core.nlp import parse_line
    from bot.core.quiz.gen_standalone import leans_on_context, unanchored_comparative

    assert unanchored_comparative(parse_line("Small functions are easier to read and to check for errors.")) == "easier"
    assert unanchored_comparative(parse_line("Watt made the engine more efficient.")) == "more efficient"
    assert leans_on_context(parse_line("Canal boats became cheaper to run after 1820."), {})
    assert not unanchored_comparative(parse_line("Canal boats were cheaper to run than wagons."))
    assert not unanchored_comparative(parse_line("Higher education expanded in the valley in the 1960s."))

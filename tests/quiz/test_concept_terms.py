"""Central-term questions (gen_concept_terms): "Which of these <what the notes say the term does>?",
with the notes' other central terms as wrong options. Real spaCy on made-up notes."""

from __future__ import annotations

import pytest

from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_concept_terms import CentralTerms, term_question
from bot.core.quiz.gen_lexicon import TERM
from bot.core.quiz.generator import generate_items
from bot.core.quiz.items import MULTIPLE_CHOICE
from tests.quiz.parsed_notes import parsed_notes

# Made-up notes on farming in a made-up valley: four kinds of irrigation the notes return to in
# several passages, one tool named once, and a few statements that must not become questions.
NOTES = """\
Drip irrigation delivers water directly to the roots of each plant through narrow plastic tubes.
Farmers of the Ostra valley chose drip irrigation for their orchards after the drought of 1971.
Drip irrigation saved half of the water that the old canals had carried.
A seed drill plants seeds at an even depth in straight rows.
Flood irrigation covers a whole field with water from a canal for several hours.
Flood irrigation wasted much of the river's water in the hot summers of the valley.
Flood irrigation left salt in the soil of the lower fields.
The valley has hot summers and cold, wet winters.
Sprinkler irrigation sprays water over the crops from rotating heads on tall poles.
Sprinkler irrigation spread quickly once electric pumps reached the valley farms.
Sprinkler irrigation cost more than the other methods to run each season.
Maize and olives are the main crops of the valley.
Furrow irrigation runs water along shallow channels dug between the rows of crops.
Furrow irrigation suited the long rows of maize on the valley floor.
Furrow irrigation needed careful levelling of each field before sowing.
Drip irrigation may also reduce the growth of weeds between the rows."""


def chunks() -> list[Chunk]:
    return [Chunk(make_chunk_id("farming.txt", ("Farming",), line, i), "farming.txt", ("Farming",), None, i, line)
            for i, line in enumerate(NOTES.splitlines())]


@pytest.fixture(scope="module")
def parsed():
    lines = NOTES.splitlines()
    docs, lexicon = parsed_notes(NOTES)
    terms = CentralTerms(lines, ["Farming"], docs, lexicon, ["Farming"])
    return dict(zip(lines, docs)), terms


def test_terms_the_notes_return_to_are_central_and_a_tool_named_once_is_not(parsed):
    _, terms = parsed
    central = {t.key for t in terms.central.values()}
    assert {"drip irrigation", "flood irrigation", "sprinkler irrigation", "furrow irrigation"} <= central
    assert "seed drill" not in central


def test_a_sentence_characterising_a_central_term_asks_for_it_among_its_kind(parsed):
    docs, terms = parsed
    line = NOTES.splitlines()[0]
    question = term_question(docs[line], terms, "Farming")
    assert question is not None and question.tests == TERM
    assert question.prompt == ("According to the notes, which of these delivers water directly to the roots of each "
                               "plant through narrow plastic tubes?")
    assert question.answer == "Drip irrigation"
    assert sorted(question.options) == ["Drip irrigation", "Flood irrigation", "Furrow irrigation",
                                        "Sprinkler irrigation"]


def test_a_term_written_next_to_the_question_s_sentence_is_not_offered(parsed):
    # "Compound engines exhausted steam ... These stages were called expansions, with ... expansion
    # engines": the sentence after the answer's says the answer is one of them.
    lines = NOTES.splitlines()
    lines.insert(1, "Many growers called it a kind of furrow irrigation.")
    docs, lexicon = parsed_notes("\n".join(lines))
    terms = CentralTerms(lines, ["Farming"], docs, lexicon, ["Farming"])
    assert term_question(docs[0], terms, "Farming") is None  # only two other kinds are left to offer


def test_no_question_on_a_term_named_once_a_hedged_statement_or_a_subject_that_is_more_than_the_term(parsed):
    docs, terms = parsed
    lines = NOTES.splitlines()
    assert term_question(docs[lines[3]], terms, "Farming") is None  # the seed drill: named once
    assert term_question(docs[lines[15]], terms, "Farming") is None  # "may also": hedged, pointing back
    assert term_question(docs[lines[1]], terms, "Farming") is None  # the subject is the farmers


def test_a_wrong_option_the_notes_say_the_same_of_is_not_offered():
    # Drip irrigation is said elsewhere to cover a whole field with water too: a second right answer
    # to the question on flood irrigation, so it is not offered (another kind of irrigation is).
    lines = NOTES.splitlines()[:15] + ["On the hills, drip irrigation covers a whole field with water from a canal.",
                                       "In the south, growers used basin irrigation for their trees.",
                                       "The old olive groves were kept alive by basin irrigation.",
                                       "Few farms of the valley use basin irrigation today."]
    docs, lexicon = parsed_notes("\n".join(lines))
    terms = CentralTerms(lines, ["Farming"], docs, lexicon, ["Farming"])
    flood = dict(zip(lines, docs))[lines[4]]
    question = term_question(flood, terms, "Farming")
    assert question is not None and question.answer == "Flood irrigation"
    assert "Drip irrigation" not in question.options and "Basin irrigation" in question.options


def test_the_generator_makes_the_central_term_questions():
    items = generate_items(chunks(), learned_cutoff=False)
    asked = [i for i in items if i.kind == MULTIPLE_CHOICE and i.tests == TERM and i.prompt.startswith("According")]
    assert asked, [i.prompt for i in items]
    for item in asked:
        assert item.answer in item.options and len(item.options) == 4
        assert item.source.quote in NOTES and item.answer.lower() in item.source.quote.lower()


def test_no_wrong_option_in_a_plural_the_notes_never_write():
    # "Stone terraces hold ..." asks in the plural; the other central terms are kinds of irrigation, which
    # the notes write only in the singular. "Flood irrigations" is no word a teacher would write (as
    # "Functional programmings", or "Operator modules" for the one operator module, were not in a held-out
    # round), so none is made up: with no other plural term in the notes there is no question.
    lines = NOTES.splitlines()
    lines = [lines[0], "Farmers of the valley tried flood irrigation, sprinkler irrigation and furrow irrigation in turn.",
             *lines[1:], "The valley lies far from the sea.",
             "Stone terraces hold the soil on the steep hillsides above the river.",
             "Stone terraces were built on most farms of the upper valley.",
             "Stone terraces need repair after every wet winter."]
    docs, lexicon = parsed_notes("\n".join(lines))
    terms = CentralTerms(lines, ["Farming"], docs, lexicon, ["Farming"])
    assert "stone terrace" in terms.central
    assert term_question(docs[-3], terms, "Farming") is None


# Made-up notes on a beehive's parts: single nouns the notes name together in one enumeration are central
# terms, each asked among the others only.
HIVE = """\
A hive is built from supers, frames, excluders and feeders.
Supers hold the frames in which the bees store their honey over the summer.
Supers are lifted off the hive at the end of the season.
Frames carry sheets of wax foundation on which the bees draw out their comb.
Frames are taken out one by one at each inspection of the colony.
Excluders keep the queen out of the honey stored in the upper boxes.
Excluders are cleaned of wax with a hive tool every spring.
Feeders give the colony a thin sugar syrup in early spring.
Feeders are filled in the evening so that robbing bees are not drawn to them.
The colony grows quickly once the first willow flowers open."""


def test_parts_the_notes_name_together_are_central_and_each_other_s_options():
    lines = HIVE.splitlines()
    docs, lexicon = parsed_notes(HIVE)
    terms = CentralTerms(lines, ["Beekeeping"], docs, lexicon, ["Beekeeping"])
    assert {"super", "frame", "excluder", "feeder"} <= set(terms.central)
    question = term_question(docs[5], terms, "Beekeeping")
    assert question is not None and question.answer == "Excluders"
    assert question.prompt == ("According to the notes, which of these keep the queen out of the honey stored in "
                               "the upper boxes?")
    # "Frames" is written in the sentence before (a term next to the answer's sentence is not offered), and
    # no other kind of thing ("hive tool", "colony") fills its place: three options.
    assert sorted(question.options) == ["Excluders", "Feeders", "Supers"]

"""Weak forms of session 14's reading of the new kinds and cards on notes nobody tuned for (bench/RESULTS.md
8.29): a defined term offered beside the term its definition is made of, and a name lower-cased in a
card's question. Real spaCy, on made-up notes of no course of the pool; each generator-level test also
shows the form the rule takes out."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_defined import defined_term_question, definition_of, defined_through, with_head
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import chunks_of


# --- a defined term made of the answer is no wrong option -------------------------------------------

CHARTER = [
    "1. Definitions.\n"
    "\"The Garden\" refers to any plot of ground let under this charter.\n"
    "A \"tended plot\" means either the bare Garden or a plot with beds laid on the Garden.\n"
    "\"Seed Stock\" means the seeds and bulbs kept in the common store for sowing.\n"
    "\"Tool Shed\" means the wooden hut by the gate where the common tools are kept.\n"
    "\"Water Rights\" means the hours at which a member may draw from the well.\n"
    "\"Compost Heap\" means a pile of leaves and peelings left to rot for the beds.",
    "2. Rent. The rent of every plot must be paid at the gate on Lady Day.",
]


def _definitions(lines):
    return [with_head(definition_of(line), doc) for line, doc in zip(lines, nlp.parse_lines(lines))]


def test_a_term_defined_as_the_answer_is_defined_through_it():
    garden, tended, *_ = _definitions(CHARTER[0].splitlines()[1:])
    assert defined_through(tended, garden.term)  # a tended plot is the bare Garden, or one laid on it
    assert not defined_through(garden, tended.term)
    # A term named further in is not what the definition says the term is.
    stock, shed = _definitions(["\"Seed Stock\" means the seeds kept in the Tool Shed for sowing.",
                                "\"Tool Shed\" means the wooden hut by the gate where tools are kept."])
    assert not defined_through(stock, shed.term)


def test_a_term_defined_through_the_answer_is_not_offered_beside_it():
    definitions = _definitions(CHARTER[0].splitlines()[1:])
    garden = definitions[0]
    question = defined_term_question(garden, definitions[1:], "the Garden Charter", "Garden Charter", lambda o: o)
    assert question is not None and question.answer == "The Garden"
    assert "tended plot" not in question.options  # whatever defines the Garden fits a tended plot too
    items = [i for i in generate_items(chunks_of(CHARTER, "Garden Charter"), learned_cutoff=False)
             if i.answer == "The Garden"]
    assert items and all("tended plot" not in i.options for i in items)


# --- a name of the notes keeps its capital in a card's question --------------------------------------

FERRY = [
    "The Orvane ferry crosses the Kell estuary twice a day from the harbour at Dunmere.",
    "Passengers board at the north quay, and the Orvane timetable is posted in the harbour office.",
    "Currently Orvane runs no night crossings, as the estuary channel is unlit after dusk.",
    "Timber from the Orvane yards was floated down the estuary to the harbour for the shipwrights.",
    "The Orvane boats are painted green because the harbour board pays for green paint only.",
]


def test_a_name_lowercased_by_the_template_keeps_its_capital():
    prompts = [i.prompt for i in generate_items(chunks_of(FERRY, "Kell Crossings"), learned_cutoff=False)]
    why = [p for p in prompts if p.startswith("Why does") and "night crossings" in p]
    assert why == ["Why does Orvane run no night crossings?"], prompts
    assert not any(" orvane " in p for p in prompts)


# --- a term of a kind the notes name others of is not asked among terms of other kinds ---------------

TOOLS = """\
Flood irrigation covers a whole field with water from a canal for several hours.
Flood irrigation wasted much of the river's water in the hot summers of the valley.
Flood irrigation left salt in the soil of the lower fields.
On the hills, drip irrigation covers a whole field with water from a canal.
Drip irrigation saved half of the water that the old canals had carried.
Drip irrigation suited the young olive trees of the hills.
A seed drill plants seeds at an even depth in straight rows.
The seed drill was pulled by a pair of oxen on the valley farms.
The seed drill replaced sowing by hand on the larger farms.
Stone terraces hold the soil on the steep hillsides above the river.
Stone terraces were built on most farms of the upper valley.
Stone terraces need repair after every wet winter.
Crop rotation keeps the soil fertile by changing what grows in a field each year.
Crop rotation was taught at the valley school from 1920.
Crop rotation needs a plan of the fields for several years.
A water mill grinds the grain of the valley with the force of the river.
The water mill stood below the weir at the foot of the valley.
The water mill was rebuilt in stone after the flood of 1902."""


def test_the_only_term_of_its_kind_among_terms_of_other_kinds_is_not_asked():
    from bot.core.quiz.gen_concept_terms import CentralTerms, term_question
    from tests.quiz.parsed_notes import parsed_notes
    lines = TOOLS.splitlines()
    docs, lexicon = parsed_notes(TOOLS)
    terms = CentralTerms(lines, ["Farming"], docs, lexicon, ["Farming"])
    assert {"flood irrigation", "drip irrigation"} <= set(terms.central)
    # Drip irrigation, the other irrigation the notes name, is said to cover a field too: not offered. The
    # seed drill, the terraces and the mill are not irrigation: "Flood irrigation" would be the one answer
    # whose head noun says what covers a field with water.
    assert term_question(docs[0], terms, "Farming") is None


# --- "What may X <verb>?" where the notes tell of more that X may do --------------------------------

KILN = [
    "Kiln controllers store the firing schedule of each load in their memory.",
    "Kiln controllers read the temperature of the kiln every minute.",
    "Kiln controllers may specify a hold time after the peak temperature.",
    "Potters set kiln controllers before every firing of the week.",
    "Firing logs record the temperature of the kiln every minute.",
]


def test_a_modal_card_on_one_of_several_options_of_its_subject_is_not_asked():
    def prompts(lines):
        return [i.prompt for i in generate_items(chunks_of(lines, "Kiln Firing"), learned_cutoff=False)]
    assert "What may kiln controllers specify?" in prompts(KILN)
    # The notes tell of something else a controller may do: the card would key one option of two.
    more = [*KILN, "Kiln controllers may name several schedules as a numbered list."]
    assert "What may kiln controllers specify?" not in prompts(more)


# --- a deed asked as an item of its own is no other deed item's wrong option -------------------------

def test_a_deed_asked_on_its_own_is_not_another_items_wrong_option():
    from tests.quiz.test_deed_choice import STORY, _pool
    story = [*STORY, "Nils Harrow drained the lower meadows of the Kell."]
    deeds, pool = _pool(story)
    salter = next(d for d in deeds if d.actor == "Ivo Salter")
    oberg = next(d for d in deeds if d.actor == "Marta Oberg")
    before = pool.question(salter, ("Salter",))
    assert before is not None and oberg.deed in before.options  # the nearest deed told: Oberg's
    pool.asked = {oberg.sentence}  # "What did Marta Oberg do?" is an item of the bank
    after = pool.question(salter, ("Salter",))
    assert after is not None and oberg.deed not in after.options and len(after.options) == 4

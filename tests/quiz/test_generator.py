"""Generated quiz items: every one answerable from its quote, one right option, no broken templates."""

from __future__ import annotations

import difflib
import re

import pytest

from bot.core.chunking import chunk_document
from bot.core.documents import Chunk, make_chunk_id
from bot.core.loaders import load_document
from bot.core.quiz.gen_lexicon import DATE, ENUMERATION, PERSON, PLACE
from bot.core.quiz import gen_bank_shape, generator
from bot.core.quiz.gen_tpl_shared import BLANK
from bot.core.quiz.generator import QUALITY_CUTOFF, generate_items
from bot.core.quiz.items import CLOZE, FLASHCARD, MULTIPLE_CHOICE, TRUE_FALSE, make_item_id
from tests.conftest import DEFAULT_CORPUS

NOTE = "china-under-mao.txt"


@pytest.fixture(scope="module")
def chunks() -> list[Chunk]:
    return chunk_document(load_document(DEFAULT_CORPUS / NOTE, NOTE), max_chars=900)


@pytest.fixture(scope="module")
def items(chunks):
    # Every item the templates make, those under the learned quality cut-off too: each must be sound
    # (what the cut-off posts is checked in tests/quiz/test_quality.py).
    return generate_items(chunks, learned_cutoff=False)


def of_kind(items, kind):
    return [i for i in items if i.kind == kind]


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'%–-]+", text)


def chunk(text: str, heading: tuple[str, ...] = ("History", "Events"), document: str = "notes.txt") -> Chunk:
    return Chunk(make_chunk_id(document, heading, text, 0), document, heading, None, 0, text)


def one_chunk_a_line(text: str, heading: str) -> list[Chunk]:
    """Wrong options never come from the passage of the question itself, so made-up notes are
    split the way real ones are: a passage a paragraph."""
    return [Chunk(make_chunk_id("notes.txt", (heading,), line, i), "notes.txt", (heading,), None, i, line)
            for i, line in enumerate(text.splitlines())]


def test_the_default_note_gives_enough_items_of_every_kind(items):
    # The issue asks one kept item per 200 words (11 here); the generator makes fewer rather than
    # weak ones (see bench/RESULTS.md, section 8): this bar is what it does, not the target. (5 since
    # the "which does NOT belong" item on communes, heavy against local industry, judged borderline or
    # dropped in rounds 7, 8a and 8, is no longer made: RESULTS 8.17.)
    assert 5 <= len(items) <= 40
    assert {i.kind for i in items} >= {MULTIPLE_CHOICE, TRUE_FALSE, FLASHCARD}
    assert all(i.tests for i in items) and all(i.quality >= QUALITY_CUTOFF for i in items)


def test_every_item_keeps_its_source(items, chunks):
    by_id = {c.id: c for c in chunks}
    for item in items:
        src = item.source
        c = by_id[src.chunk_id]
        assert src.document == NOTE and src.section == " > ".join(c.heading_path)
        assert src.quote in c.text.replace("\n- ", "\n")  # the exact sentence, without the list mark
        assert not src.quote.startswith("- ")
        assert item.topic == src.section and item.origin == "generated"
        assert item.id == make_item_id(item.kind, item.prompt, item.answer)


def test_one_item_per_sentence(items):
    quotes = [i.source.quote for i in items]
    assert len(quotes) == len(set(quotes))


def test_every_answer_appears_in_its_quote(items, chunks):
    by_id = {c.id: c for c in chunks}
    for item in items:
        if item.kind == TRUE_FALSE:
            continue  # checked below: the statement is the quote, or the quote with one swap
        if item.tests == ENUMERATION:  # the answer is the one option the list does not hold
            # A list under a lead-in ("Key targets included:") is the lines after its quote.
            held = by_id[item.source.chunk_id].text if item.source.quote.endswith(":") else item.source.quote
            assert item.answer not in held
            assert all(o in held for o in item.options if o != item.answer)
            continue
        if item.tests == "actor" and item.kind == MULTIPLE_CHOICE:  # gen_actors: "Mao" asked as "Mao Zedong"
            assert any(part in item.source.quote for part in item.answer.split()), item
            continue
        if item.tests == "cause" and item.kind == FLASHCARD:  # "To modernise ...": the quote's words, capitalised
            assert item.answer[:1].lower() + item.answer[1:].rstrip(".") in item.source.quote, item
            continue
        assert item.answer in item.source.quote, item


def test_multiple_choice_has_exactly_one_right_option(items):
    mcs = of_kind(items, MULTIPLE_CHOICE)
    assert len(mcs) >= 2
    for item in mcs:
        assert len(item.options) in (3, 4)
        assert item.options.count(item.answer) == 1
        assert len({o.casefold() for o in item.options}) == len(item.options)
        if item.tests == ENUMERATION:
            continue
        for wrong in (o for o in item.options if o != item.answer):
            assert wrong not in item.source.quote  # never a name or year of the sentence
            if item.tests in (PERSON, PLACE, DATE):
                assert not set(words(wrong)) - {"and", "to"} & set(words(item.answer))
                assert len(words(wrong)) == len(words(item.answer))  # same form


def test_year_options_are_an_even_grid_and_periods_never_overlap(items):
    """gen_year_options: the answer and its wrong years 3-5 years apart, a period moved as a whole."""
    years = [i for i in of_kind(items, MULTIPLE_CHOICE) if i.answer[:4].isdigit()]
    assert years
    for item in years:
        right = [int(y) for y in re.findall(r"\d{4}", item.answer)]
        starts = sorted(int(re.findall(r"\d{4}", o)[0]) for o in item.options)
        steps = {b - a for a, b in zip(starts, starts[1:])}
        assert len(steps) == 1 and 3 <= steps.pop() <= 5
        for option in item.options:
            if option == item.answer:
                continue
            wrong = [int(y) for y in re.findall(r"\d{4}", option)]
            shift = wrong[0] - right[0]
            assert [w - shift for w in wrong] == right  # a period moves as a whole
            assert wrong[-1] < right[0] or wrong[0] > right[-1]


def test_true_false_statements_are_the_quote_or_differ_by_one_swap(items):
    tfs = of_kind(items, TRUE_FALSE)
    keyed_true = sum(1 for i in tfs if i.answer == "True")
    assert tfs and abs(keyed_true - (len(tfs) - keyed_true)) <= 1  # always "False" scores half
    for item in tfs:
        assert item.options == ("True", "False")
        statement = item.prompt.removeprefix("True or false? ")
        if item.answer == "True":
            assert statement == item.source.quote
            continue
        a, b = words(item.source.quote), words(statement)
        ops = [op for op in difflib.SequenceMatcher(a=a, b=b).get_opcodes() if op[0] != "equal"]
        assert len(ops) == 1 and ops[0][0] == "replace", (item.source.quote, statement)
        removed = " ".join(a[ops[0][1]:ops[0][2]])
        assert removed in item.explanation  # "False: the notes say 1949, not 1944."


def test_years_are_at_most_a_third_of_the_bank(items):
    # Issue 8: "years at most a third of a bank" (version 17's one year per 600 words gave round 8
    # 48% years; the judges' first complaint was incidental years).
    assert sum(1 for i in items if i.tests == DATE) <= len(items) / 3


def test_blanked_prompts_show_the_section_only_when_it_says_something(items):
    for item in items:
        if item.kind not in (MULTIPLE_CHOICE, CLOZE) or item.tests == ENUMERATION or item.prompt.endswith("?"):
            continue  # a question asked with options ("Who believed ...?", gen_actors) has no blank
        assert item.prompt.count(BLANK) == 1
        # The quote with its answer blanked; an additive "also" is left out of what a student reads.
        assert item.source.quote.replace(item.answer, BLANK, 1).replace(" also ", " ") in item.prompt
        # No section label opens a prompt: judges read it as noise (issue 8, round 6).
        assert not item.prompt.startswith("In '")
    notes = [chunk("The Treaty of Westphalia was signed in 1648 and ended the Thirty Years War in Europe.",
                   heading=("Early Modern Europe",)),
             chunk("The Peace of Utrecht was signed in 1713 between several European powers and Spain.",
                   heading=("Early Modern Europe",))]
    made = generate_items(notes)
    assert made and not any("Early Modern Europe" in i.prompt for i in made)  # the title of the whole note


def test_flashcards_from_abbreviations_and_term_lines(items):
    cards = {i.prompt: i.answer for i in of_kind(items, FLASHCARD)}
    # A name sharing no word with the notes' title or headings is general knowledge, not the subject's
    # own term: judged too trivial (CCP, NSF, IP in round 6).
    assert "What does the abbreviation CCP stand for?" not in cards
    assert cards["What does the abbreviation APCs stand for?"] == "Agricultural Producers’ Cooperatives"
    # The Great Leap Forward is a heading of the notes: asking to expand "GLF" teaches nothing.
    assert "What does the abbreviation GLF stand for?" not in cards
    assert any(a.startswith("Villages built small furnaces") for a in cards.values())


def test_a_person_is_blanked_only_with_a_role_a_year_or_as_a_figure_the_notes_are_about(items):
    # "Leaders such as _____ and Deng Xiaoping emerged ...": judged dropped in rounds 3 and 4 (Peng
    # Dehuai, an option, called for moderate policies too); no role, no year, a minor figure here.
    assert not any(i.answer == "Liu Shaoqi" and i.kind == MULTIPLE_CHOICE for i in items)
    people = {"Lin Biao", "Nikita Khrushchev", "Peng Dehuai", "Mao Zedong", "Liu Shaoqi", "Deng Xiaoping"}
    for item in items:
        if item.kind == MULTIPLE_CHOICE and item.tests == PERSON:
            assert set(item.options) <= people


def test_a_pronoun_led_sentence_is_asked_with_the_sentence_it_points_back_to():
    text = ("The engineer Thomas Telford surveyed the northern canal route across the plain in 1801. "
            "He completed the northern canal across the plain in 1832, after long delays over money.")
    made = generate_items([chunk(text)])
    for item in made:
        if item.source.quote.startswith("He completed"):
            assert "Thomas Telford surveyed" in item.prompt


def test_generation_is_deterministic(chunks, items):
    again = generate_items(chunks, learned_cutoff=False)
    assert [(i.id, i.options) for i in again] == [(i.id, i.options) for i in items]
    assert generate_items(chunks) == generate_items(chunks)


def test_no_items_from_the_note_itself_instructions_headers_or_practice(items):
    for item in items:
        quote = item.source.quote
        assert not quote.startswith(("This section", "Explain", "Analyse"))
        # An abbreviation may sit in a lead-in; a list's own item quotes the lead-in of the list it asks.
        assert not quote.endswith(":") or item.kind == FLASHCARD or item.tests == ENUMERATION
        assert "Practice" not in item.source.section


def test_hard_filters_on_made_up_notes():
    text = "\n".join([
        "This section explores the reforms of 1911 and what followed them in the republic.",
        "Explain how the revolution of 1912 changed the lives of peasants in the provinces.",
        "In 1913, the assembly voted on a long list of measures, resulting in:",
        "He was elected president in 1914 after a long campaign across the country.",
        "Short sentence of 1915.",
        "The railway between the two largest cities opened in 1916 after delays.",
        "The new bridge was opened to traffic in 1917 by the mayor of the city.",  # which bridge?
    ])
    made = generate_items([chunk(text)])
    quotes = {i.source.quote for i in made}
    assert quotes == {"The railway between the two largest cities opened in 1916 after delays."}


def test_a_frequent_key_or_one_in_the_heading_is_not_asked():
    frequent = "\n".join(f"Event number {n} of the busy year 1920 was reported in the press." for n in range(5))
    assert generate_items([chunk(frequent)]) == []
    in_heading = "The treaty that ended the long war was signed in 1921 by both governments."
    assert generate_items([chunk(in_heading, heading=("The Peace of 1921",))]) == []


def test_a_year_after_by_or_since_is_not_asked():
    # "By _____, ..." is true of every later year too: judges found no single answer.
    made = generate_items([chunk("By 1930, the factories of the valley had doubled the output of the whole region.")])
    assert made == []


def test_reference_marks_are_removed_and_formulas_skipped():
    text = "\n".join([
        "The first railway between the two northern cities opened in 1825 after long delays.[citation needed]",
        "The best known algorithm for the problem runs in time 2O(√(n log(n))) on every input of size n.",
        "The committee published its final report in 1847 (Goldreich 2008, Chapter 1.2).",
    ])
    made = generate_items([chunk(text)])
    assert made
    for item in made:
        assert "[citation" not in item.prompt and "Goldreich" not in item.prompt and "√" not in item.prompt


def test_a_sentence_leaning_on_the_previous_one_shows_it_or_is_not_used():
    text = ("The great canal across the northern plain was completed in 1832 by the engineer Thomas Telford. "
            "Because of this, trade between the two ports grew quickly in the years after 1836.")
    for item in generate_items([chunk(text)]):
        if item.source.quote.startswith("Because of this"):
            assert "The great canal" in item.prompt


NAMES_NOTE = """\
Thomas Telford built the first iron bridge over the river near Shrewsbury in the spring.
John Rennie designed the harbour walls at Plymouth after the great storm had destroyed the old ones.
Isambard Kingdom Brunel laid out the western railway from London to Bristol with a wide gauge.
George Stephenson built the Locomotion engine for the railway that opened at Darlington.
Robert Stephenson designed the tubular bridge that crosses the strait near Bangor.
Marc Brunel dug the first tunnel under the Thames at Rotherhithe with a tunnelling shield.
The engineer Thomas Telford also surveyed roads and canals across the hills of Wales near Shrewsbury.
The engineer John Rennie also surveyed docks and canals along the coast of Devon near Plymouth.
The engineer Isambard Kingdom Brunel also surveyed docks and railways along the river at Bristol.
The engineer George Stephenson also surveyed railways and bridges in the north near Darlington.
The engineer Robert Stephenson also surveyed railways and bridges across the hills of Wales near Bangor.
The engineer Marc Brunel also surveyed tunnels and docks along the river in London at Rotherhithe.
"""


def test_wrong_options_are_names_of_the_same_kind(monkeypatch):
    # A note of names only: keep every name item (none is dropped to make room for concepts).
    monkeypatch.setattr(gen_bank_shape, "MIN_WORDS_PER_ITEM", 1)
    # Who-did-what cards would take these sentences (one item per sentence): under the cut-off here,
    # so the multiple-choice template's wrong options are what is checked.
    monkeypatch.setattr(generator, "ACTOR_CARD_QUALITY", 0.1)
    # ... and a person's deed asked over the cut-off (session 23) is kept under it with them.
    monkeypatch.setattr(generator._Generator, "_person_deed", lambda self, question, doc: False)
    made = generate_items(one_chunk_a_line(NAMES_NOTE, "Engineers"), learned_cutoff=False)  # every template's items
    people = {"Thomas Telford", "John Rennie", "Isambard Kingdom Brunel", "George Stephenson",
              "Robert Stephenson", "Marc Brunel"}
    places = {"Shrewsbury", "Plymouth", "London", "Bristol", "Darlington", "Bangor", "Rotherhithe"}
    asked = [i for i in made if i.kind == MULTIPLE_CHOICE and i.tests in (PERSON, PLACE)]
    assert len(asked) >= 3
    for item in asked:
        assert set(item.options) <= (people if item.tests == PERSON else places), item.options


DEFINITIONS_NOTE = """\
A compound engine is a steam engine that expands steam in two or more stages of cylinders.
A steam turbine is a rotary machine that extracts thermal energy from pressurised steam.
A safety valve is a device that releases steam when the boiler pressure rises too high.
A feedwater heater is a heat exchanger that warms the water before it enters the boiler.
The compound engine and the steam turbine both need a safety valve and a feedwater heater.
Heat sources such as coal, wood and oil were burned in the firebox of the locomotive boiler.
Early boilers were fed with rainwater, river water and well water by hand pumps or injectors.
"""


def test_definitions_and_lists_become_concept_items():
    made = generate_items(one_chunk_a_line(DEFINITIONS_NOTE, "Steam"), learned_cutoff=False)
    definitions = [i for i in made if i.tests == "definition"]
    assert len(definitions) >= 2
    for item in definitions:
        # Only "What is a compound engine?", the notes' sentence as the answer: never a definition
        # made false by another term, nor the term blanked among others (judged wrong, and 0 of 28).
        assert item.kind == FLASHCARD
        assert item.prompt.startswith("What is a ") and item.answer == item.source.quote
    lists = [i for i in made if i.tests == ENUMERATION]
    for item in lists:
        assert "NOT" in item.prompt and item.answer not in item.source.quote


DATED_NOTE = """\
The first iron bridge of Abraham Darby over the northern river was opened to traffic in 1781.
The canal company of Abraham Darby finished the long aqueduct across the valley in 1805.
The railway from the port to the coalfield opened for passengers in 1830.
The great exhibition of engines and machines was held in the capital in 1851.
"""


def test_dated_events_make_a_which_came_first_item():
    from bot.core.quiz.gen_sequence import event_of

    assert event_of("The railway from the port to the coalfield opened for passengers in 1830.") == (
        "The railway from the port to the coalfield opened for passengers", 1830)
    assert event_of("Starting in 1313 the examinations were held again for officials.") is None
    assert event_of("The canal opened in 1805 and was widened in 1820 by the company.") is None  # two years
    made = generate_items(one_chunk_a_line(DATED_NOTE, "Transport"))
    [sequence] = [i for i in made if i.tests == "sequence"]
    assert sequence.kind == MULTIPLE_CHOICE and len(sequence.options) == 4
    # One story: a name in two of the events (round 6: four unrelated events of a city made trivia).
    assert sequence.answer == "The first iron bridge of Abraham Darby over the northern river was opened to traffic"
    assert sequence.answer in sequence.source.quote
    assert not any(i.tests == "date" and i.source.quote in {e + "." for e in sequence.options} for i in made)


LONG_SENTENCES_NOTE = """\
The Harbour Board was a body of merchants and shipowners of the town that set the dues paid by every ship entering the basin of the port during the long years of the herring trade with the Baltic ports and the towns of Flanders.
The old canal basin silted up within twenty years because the river carried far more mud and sand into it than the small steam dredgers of the canal company could ever lift out.
The Harbour Board raised the dues on foreign ships twice during the long war with the Dutch.
"""


def test_a_long_sentence_gives_only_cards_answered_in_the_notes_words():
    made = generate_items(one_chunk_a_line(LONG_SENTENCES_NOTE, "Port"))
    long_quote = LONG_SENTENCES_NOTE.splitlines()[0]
    assert len(long_quote.split()) > 35
    from_long = [i for i in made if i.source.quote == long_quote]
    assert [i.prompt for i in from_long] == ["What was the Harbour Board?"]
    assert from_long[0].kind == FLASHCARD and from_long[0].answer.startswith("A body of merchants and shipowners")


MINOR_PEOPLE_NOTE = """\
The engineer Thomas Telford built the Menai bridge and many roads across the hills of Wales.
Thomas Telford also surveyed canals, harbours and docks along the coasts of Scotland and England.
Thomas Telford was elected the first president of the institution of civil engineers in London.
Thomas Telford built the Caledonian canal across the highlands with many locks and basins.
Thomas Telford designed the Pontcysyllte aqueduct over the Dee valley near Llangollen.
Thomas Telford laid out the Holyhead road between London and the port for the Irish mails.
John Rennie and William Jessop surveyed the river between the mills and the harbour wall.
William Jessop and Ralph Walker drained the marshes east of the city before the new docks.
Ralph Walker and John Rennie inspected the docks on the river near the city with the merchants.
"""


def test_a_minor_person_is_not_blanked_without_a_role_or_a_year(monkeypatch):
    monkeypatch.setattr(gen_bank_shape, "MIN_WORDS_PER_ITEM", 1)
    made = generate_items(one_chunk_a_line(MINOR_PEOPLE_NOTE, "Engineers"))
    people = [i for i in made if i.kind == MULTIPLE_CHOICE and i.tests == PERSON]
    # John Rennie, William Jessop and Ralph Walker are named without a role or a year: a student
    # could defend any of them in the others' sentences, so none of them is the blank.
    assert not any(i.answer in {"John Rennie", "William Jessop", "Ralph Walker"} for i in people)


def test_an_answer_is_asked_once():
    made = generate_items(one_chunk_a_line(NAMES_NOTE, "Engineers"))
    answers = [i.answer for i in made if i.kind != TRUE_FALSE]
    assert len(answers) == len(set(answers))

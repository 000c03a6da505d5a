"""Generated quiz items: every one answerable from its quote, one right option, no broken templates."""

from __future__ import annotations

import difflib
import re

import pytest

from bot.core.chunking import chunk_document
from bot.core.documents import Chunk, make_chunk_id
from bot.core.loaders import load_document
from bot.core.quiz.generator import BLANK, generate_items
from bot.core.quiz.items import CLOZE, FLASHCARD, MULTIPLE_CHOICE, TRUE_FALSE, make_item_id
from tests.conftest import DEFAULT_CORPUS

NOTE = "china-under-mao.txt"


@pytest.fixture(scope="module")
def chunks() -> list[Chunk]:
    return chunk_document(load_document(DEFAULT_CORPUS / NOTE, NOTE), max_chars=900)


@pytest.fixture(scope="module")
def items(chunks):
    return generate_items(chunks)


def of_kind(items, kind):
    return [i for i in items if i.kind == kind]


def words(text: str) -> list[str]:
    return re.findall(r"[\w’'%–-]+", text)


def chunk(text: str, heading: tuple[str, ...] = ("History", "Events"), document: str = "notes.txt") -> Chunk:
    return Chunk(make_chunk_id(document, heading, text, 0), document, heading, None, 0, text)


def test_the_default_note_gives_enough_items_of_every_kind(items):
    assert 15 <= len(items) <= 40
    assert {i.kind for i in items} == {MULTIPLE_CHOICE, TRUE_FALSE, CLOZE, FLASHCARD}


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


def test_every_answer_appears_in_its_quote(items):
    for item in items:
        if item.kind == TRUE_FALSE:
            continue  # checked below: the statement is the quote, or the quote with one swap
        assert item.answer in item.source.quote, item


def test_multiple_choice_has_exactly_one_right_option(items):
    mcs = of_kind(items, MULTIPLE_CHOICE)
    assert len(mcs) >= 5
    for item in mcs:
        assert len(item.options) in (3, 4)
        assert item.options.count(item.answer) == 1
        assert len({o.casefold() for o in item.options}) == len(item.options)
        for wrong in (o for o in item.options if o != item.answer):
            assert wrong not in item.source.quote  # never a name or year of the sentence
            assert not set(words(wrong)) - {"and", "to"} & set(words(item.answer))
            assert len(words(wrong)) == len(words(item.answer))  # same form


def test_year_distractors_are_shifted_3_to_6_and_periods_never_overlap(items):
    years = [i for i in of_kind(items, MULTIPLE_CHOICE) if i.answer[:4].isdigit()]
    assert years
    for item in years:
        right = [int(y) for y in re.findall(r"\d{4}", item.answer)]
        for option in item.options:
            if option == item.answer:
                continue
            wrong = [int(y) for y in re.findall(r"\d{4}", option)]
            shift = wrong[0] - right[0]
            assert 3 <= abs(shift) <= 6
            assert [w - shift for w in wrong] == right  # a period moves as a whole
            assert wrong[-1] < right[0] or wrong[0] > right[-1]


def test_true_false_statements_are_the_quote_or_differ_by_one_swap(items):
    tfs = of_kind(items, TRUE_FALSE)
    assert any(i.answer == "False" for i in tfs) and any(i.answer == "True" for i in tfs)
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


def test_cloze_prompts_blank_the_key_in_the_quote_with_the_section(items):
    clozes = of_kind(items, CLOZE)
    assert clozes
    for item in clozes:
        assert item.prompt.count(BLANK) == 1
        assert item.source.quote.replace(item.answer, BLANK, 1) in item.prompt
        assert item.prompt.startswith(f"In '{item.source.section}': ")


def test_flashcards_from_abbreviations_and_term_lines(items):
    cards = {i.prompt: i.answer for i in of_kind(items, FLASHCARD)}
    assert cards["What does the abbreviation GLF stand for?"] == "Great Leap Forward"
    assert cards["What does the abbreviation CCP stand for?"] == "Chinese Communist Party"
    assert cards["What does the abbreviation APCs stand for?"] == "Agricultural Producers’ Cooperatives"
    assert any(a.startswith("Villages built small furnaces") for a in cards.values())


def test_people_questions_use_other_people_as_distractors(items):
    lin = next(i for i in items if i.answer == "Lin Biao")
    assert lin.kind == MULTIPLE_CHOICE
    assert set(lin.options) - {"Lin Biao"} <= {"Liu Shaoqi", "Deng Xiaoping", "Nikita Khrushchev"}
    # The pronoun-led sentence is shown after the sentence that says who "he" is.
    assert "Peng was denounced" in lin.prompt and "He was stripped" in lin.prompt


def test_generation_is_deterministic(chunks, items):
    again = generate_items(chunks)
    assert [(i.id, i.options) for i in again] == [(i.id, i.options) for i in items]


def test_no_items_from_the_note_itself_instructions_headers_or_practice(items):
    for item in items:
        quote = item.source.quote
        assert not quote.startswith(("This section", "Explain", "Analyse"))
        assert not quote.endswith(":") or item.kind == FLASHCARD  # an abbreviation may sit in a lead-in
        assert "Practice" not in item.source.section


def test_hard_filters_on_made_up_notes():
    text = "\n".join([
        "This section explores the reforms of 1911 and what followed them in the republic.",
        "Explain how the revolution of 1912 changed the lives of peasants in the provinces.",
        "In 1913, the assembly voted on a long list of measures, resulting in:",
        "He was elected president in 1914 after a long campaign across the country.",
        "Short sentence of 1915.",
        "The new railway between the two largest cities opened in 1916 after delays.",
    ])
    made = generate_items([chunk(text)])
    quotes = {i.source.quote for i in made}
    assert quotes == {"The new railway between the two largest cities opened in 1916 after delays."}


def test_a_frequent_key_or_one_in_the_heading_is_not_asked():
    frequent = "\n".join(f"Event number {n} of the busy year 1920 was reported in the press." for n in range(5))
    assert generate_items([chunk(frequent)]) == []
    in_heading = "The treaty that ended the long war was signed in 1921 by both governments."
    assert generate_items([chunk(in_heading, heading=("The Peace of 1921",))]) == []


def test_a_year_after_by_or_since_is_only_a_cloze():
    made = generate_items([chunk("By 1930, the new factories had doubled the output of the whole region.")])
    assert [i.kind for i in made] == [CLOZE] and made[0].answer == "1930"

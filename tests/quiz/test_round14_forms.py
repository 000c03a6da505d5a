"""Held-out round 14's commonest drop: a why-card that does not stand alone because its subject or
answer leans on what came before (bench/RESULTS.md 8.29, gen_precision.unanchored_subject): "the
<noun>" of a snippet shown just before ("Why does the INFO message not appear?"), a predicate ranked
among nothing named ("Why is water the fluid of choice?"), a comparison kept in front and a purpose
about people the question never named ("Like Java, why does Python have a large standard library?"
... "so that students can ..."), and code flattened into prose ("Because of the greedy nature of.*.").
Real spaCy, on made-up notes of no course of the pool (a scripting language for looms, a timber
yard); each generator-level test also shows the card made without its check."""

from __future__ import annotations

import re

import pytest

from bot.core import nlp
from bot.core.documents import Chunk
from bot.core.quiz import gen_finished_forms, gen_text
from bot.core.quiz.gen_precision import unanchored_subject
from bot.core.quiz.gen_purpose import opened_question
from bot.core.quiz.gen_text import is_code_line, readable_text, shows_code
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import chunks_of


def _items(chunks: list[Chunk]):
    return generate_items(chunks, learned_cutoff=False)


def _prompts(chunks: list[Chunk]) -> list[str]:
    return [i.prompt for i in _items(chunks)]


def parse(text: str):
    return nlp.parse_lines([text])[0]


def _no_check(monkeypatch):
    monkeypatch.setattr("bot.core.quiz.gen_tpl_questions.unanchored_subject", lambda *a, **k: "")


# --- 1. "the <noun>" of the example shown just before ----------------------------------------------

@pytest.mark.parametrize("line, code", [
    ("NOTICE:loom:Warp is slack!", True),  # a program's output
    ("loom.warn('Warp is slack')  # prints a notice", True),
    ("<.*>", True),
    ("x = 1", True),
    ("The Quillet loom reads its pattern cards from left to right.", False),
    ("NOTICE | A thread is about to run out.", False),  # a table row
    ("printed on the panel. The DEBUG notice does not show because the default threshold is NOTICE.", False),
])
def test_a_line_of_code(line, code):
    assert is_code_line(line) is code, line


@pytest.mark.parametrize("sentence, after_code, code_near, unanchored", [
    ("The DEBUG notice does not show because the default threshold is NOTICE.", True, True, True),
    ("The DEBUG message does not show because the default threshold is NOTICE.", False, True, True),
    ("The short pattern for matching a warp knot fails because it stops at the first knot.", False, True, True),
    ("The DEBUG notice does not show because the default threshold is NOTICE.", False, False, False),
    ("The loom controller stops because every spindle reports a slack thread.", True, True, True),
    ("The loom controller stops because every spindle reports a slack thread.", False, True, False),  # no example noun
    ("Quillet stops the loom because every spindle reports a slack thread.", True, True, False),  # a name
])
def test_the_subject_of_an_example(sentence, after_code, code_near, unanchored):
    found = unanchored_subject(parse(sentence), frozenset({"the", "short", "loom"}), frozenset(),
                               after_code=after_code, code_near=code_near)
    assert bool(found) is unanchored, (sentence, found)


def test_a_capitalised_word_the_code_beside_writes():
    """"the DEBUG level" beside a line of output "DEBUG:loom:..." names the one the example shows."""
    doc = parse("The ALERT threshold stays quiet because the loom controller starts at a lower one.")
    words = frozenset({"ALERT", "loom", "Warp", "is", "slack"})
    assert unanchored_subject(doc, frozenset({"the", "loom"}), code_near=True, code_shows=words)
    assert not unanchored_subject(doc, frozenset({"the", "loom"}), code_near=True)  # not written in the code
    assert not unanchored_subject(doc, frozenset({"the", "loom"}), code_shows=words)  # no code beside it


LOOM_NOTES = [
    "Quillet is a scripting language that drives weaving looms from a small controller.",
    "A very short script is:\nimport loom\nloom.shout('Warp is slack')  # prints a line\n"
    "loom.whisper('Shuttle moved')  # prints nothing\nRun it and the panel shows:\nNOTICE:loom:Warp is slack\n"
    "shown on the panel. The DEBUG notice does not appear because the default threshold is NOTICE.",
    "Quillet scripts run on the loom controller, which reads one line of the script at a time.",
    "Quillet threads pause when a spindle jams because the controller waits for the weaver.",
]


def test_no_why_card_on_the_example_shown_before(monkeypatch):
    """"Why does the INFO message not appear?" (held-out round 14: dropped; the message of the snippet above)."""
    prompts = _prompts(chunks_of(LOOM_NOTES, "Quillet scripting", ".md"))
    assert not any("DEBUG notice" in p for p in prompts)
    _no_check(monkeypatch)
    assert any("DEBUG notice" in p for p in _prompts(chunks_of(LOOM_NOTES, "Quillet scripting", ".md")))


# --- 2. "the <noun> of choice" for nothing named ---------------------------------------------------

@pytest.mark.parametrize("sentence, unanchored", [
    ("Normally oak is the timber of choice due to its hardness and its resistance to rot.", True),
    ("Normally salt water is the coolant of choice due to its low cost and its high density.", True),
    ("Oak is the preferred timber because it resists rot.", True),
    ("Oak is the best timber because it resists rot.", True),
    ("Oak is the timber of choice for ship hulls because it resists rot.", False),
    ("Oak is the preferred timber in shipyards because it resists rot.", False),
    ("Oak is a hard timber because its fibres are dense.", False),
])
def test_a_ranked_predicate_says_among_what(sentence, unanchored):
    assert bool(unanchored_subject(parse(sentence))) is unanchored, sentence


TIMBER_NOTES = [
    "A cooling plant keeps the rollers of a steel mill below the heat at which they warp.",
    "The coolant of a plant must carry heat away from the rollers without harming them. "
    "Normally salt water is the coolant of choice due to its low cost and its high density.",
    "Steel rollers crack in winter because cold water hardens their surface too quickly.",
    "Cooling plants pump coolant through the rollers every minute of a shift.",
]


def test_no_why_card_on_a_choice_for_nothing_named(monkeypatch):
    """"Why is water the fluid of choice?" (held-out round 14: the fluid of choice for what?)."""
    prompts = _prompts(chunks_of(TIMBER_NOTES, "Timber yards", ".md"))
    assert "Why is salt water the coolant of choice?" not in prompts
    _no_check(monkeypatch)
    assert "Why is salt water the coolant of choice?" in _prompts(chunks_of(TIMBER_NOTES, "Timber yards", ".md"))


# --- 3. "Like X," in front, and a purpose about people the question never named -----------------------

def test_a_comparison_is_no_setting():
    doc = parse("Like Lumen, Quillet has a small core because its designers wanted fast controllers.")
    assert opened_question(doc) is None
    kept = opened_question(parse("In the workshop, Quillet has a small core because its designers wanted fast "
                                 "controllers."))
    assert kept is not None and kept.prompt.startswith("In the workshop, why does Quillet")


@pytest.mark.parametrize("sentence, unanchored", [
    ("Quillet has a small core so that pupils can write useful scripts in the first week.", True),
    ("Quillet has a small core so that the weavers can learn it in a day.", True),
    ("Quillet has a small core so that its users can write useful scripts in the first week.", False),
    ("Quillet looms have a water tank so that they may be run continuously.", False),
    ("Quillet looms have a water tank so that the looms may be run continuously.", False),  # the question's own
])
def test_a_purpose_speaks_of_what_the_question_names(sentence, unanchored):
    assert bool(unanchored_subject(parse(sentence))) is unanchored, sentence


LANGUAGE_NOTES = [
    "Quillet is a scripting language for weaving looms, taught to apprentices in guild schools.",
    "Like Lumen, Quillet has a large pattern library so that apprentices can be assigned real cloths very "
    "early in the course.",
    "Quillet scripts are short because each line drives a single shuttle.",
    "Lumen is an older language for looms that Quillet replaced in most guild schools.",
]


def test_no_why_card_with_a_comparison_in_front(monkeypatch):
    """"Like Java, why does Python have a large standard library?" ... "so that students can be
    assigned programming projects very early in the course" (held-out round 14: dropped)."""
    prompts = _prompts(chunks_of(LANGUAGE_NOTES, "Loom scripting", ".md"))
    assert not any("pattern library" in p and p.startswith(("Like", "Why")) for p in prompts)
    monkeypatch.setattr("bot.core.quiz.gen_purpose._COMPARISON_OPENER", re.compile(r"(?!)"))
    _no_check(monkeypatch)
    assert "Like Lumen, why does Quillet have a large pattern library?" in _prompts(
        chunks_of(LANGUAGE_NOTES, "Loom scripting", ".md"))


# --- 4. code flattened into prose ------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("Because of the greedy nature of.*.", True),
    ("Because \\d+ matches every run of digits.", True),
    ("Because the class [a-z] takes one letter.", True),
    ("Because the empty call () returns nothing.", True),
    ("Because x{3} repeats it three times.", True),
    ("Because C++ and Java came later.", False),
    ("Because the ratio was 3:1 in 1901.", False),
])
def test_regex_punctuation_counts_as_code(text, code):
    assert bool(shows_code(text)) is code, text


def test_a_character_class_is_not_cut_out_as_a_reference_mark():
    assert readable_text("A knot matcher accepts [a-z] letters only.") is None
    assert readable_text("Warsaw grew quickly.[12]") == "Warsaw grew quickly."


GREEDY_NOTES = [
    "Quillet matchers find knots in a warp by reading the thread map as text.",
    "Quillet matchers overrun long threads because of the greedy nature of .*.",
    "Quillet matchers stop at the first knot when they are told to be lazy.",
]


def test_no_card_shows_a_flattened_pattern(monkeypatch):
    """"Because of the greedy nature of.*." (held-out round 14: a code fragment glued to a word)."""
    texts = [t for i in _items(chunks_of(GREEDY_NOTES, "Knot matching", ".md")) for t in (i.prompt, i.answer, *i.options)]
    assert not any(".*" in t for t in texts)
    monkeypatch.setattr(gen_text, "_CODE", re.compile(gen_text._PROSE_CODE))  # the rule before round 14
    # (an answer ending on "of" once the pattern is read as punctuation is also cut short since set 22; that check
    # is left out here so the code rule alone is shown to hold the card back)
    monkeypatch.setattr(gen_finished_forms, "cut_short", lambda answer_doc: False)
    texts = [t for i in _items(chunks_of(GREEDY_NOTES, "Knot matching", ".md")) for t in (i.prompt, i.answer, *i.options)]
    assert any(".*" in t for t in texts)

"""When an answer is confident, hedged or declined, on notes other than the default one, with the
real model: heavily misspelt questions about the notes are answered, and the tier of a question
does not change when the course holds more notes about other things."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.answering import CONFIDENT, NOT_COVERED
from tests.conftest import make_settings
from tests.core.test_answer_kinds import NOTES

DATA = Path(__file__).resolve().parents[1] / "data"
DEFAULT_NOTES = Path(__file__).resolve().parents[2] / "corpus" / "china-under-mao.txt"


def _course(root: Path, embedder, extra: list[Path]):
    from bot.service import StudyService

    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in NOTES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    for path in extra:
        shutil.copy(path, corpus / path.name)
    service = StudyService(make_settings(corpus, root / "index"), embedder)
    service.reindex()
    return service


@pytest.fixture(scope="module")
def small(tmp_path_factory, real_embedder):
    return _course(tmp_path_factory.mktemp("small"), real_embedder, [])


@pytest.fixture(scope="module")
def larger(tmp_path_factory, real_embedder):
    """The same five documents beside notes on China under Mao and on photosynthesis: several
    times as many passages, none about the questions asked below."""
    return _course(tmp_path_factory.mktemp("larger"), real_embedder,
                   [DEFAULT_NOTES, DATA / "courses" / "photosynthesis.md"])


@pytest.mark.parametrize("question, fact", [
    ("wat hapend to king harrold godwinsen at the batle of hastings", "killed"),
    ("wen did the vikngs raid the monastary of lindisfarne", "793"),
    ("were does the krebs cycel take place", "mitochondria"),
])
def test_heavily_misspelt_questions_about_the_notes_are_answered(small, question, fact):
    answer = small.ask(question)
    assert not answer.abstained, answer.reason
    assert fact in answer.text, answer.sentences


def test_misspelt_words_of_another_subject_are_still_declined(small):
    # Edit distance against the notes' own words: a word of another subject is not made one of them.
    assert small.ask("wat is the speed of lihgt in a vacum").tier == NOT_COVERED


@pytest.mark.parametrize("question", [
    "In what year was the Magna Carta sealed?",
    "When was the Battle of Hastings fought?",
    "Which monastery did the Vikings raid in 793?",
    "Where does the Krebs cycle take place?",
    "What does a loop repeat?",
    "Who sealed the Magna Carta, and in what year?",  # two parts, both answered by one sentence
])
def test_the_tier_does_not_depend_on_how_many_notes_the_course_holds(small, larger, question):
    alone, among_more = small.ask(question), larger.ask(question)
    assert larger.info().manifest.chunk_count >= 3 * small.info().manifest.chunk_count
    assert alone.tier == CONFIDENT, (question, alone.sentences)
    assert (among_more.tier, among_more.sentences[:1]) == (alone.tier, alone.sentences[:1])


@pytest.mark.parametrize("question, fact", [
    # The notes say "Christian Europe": a name of the question in another word of the same family
    # is the notes' name, not another subject's.
    ("Which monastery did the Vikings raid in 793, to the shock of Christian Europeans?", "Lindisfarne"),
])
def test_names_written_in_another_form_of_the_notes_words_are_answered(small, question, fact):
    answer = small.ask(question)
    assert not answer.abstained, answer.reason
    assert fact in answer.text, answer.sentences


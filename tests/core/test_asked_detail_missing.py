"""A question asking for a figure or a date ("How large is the error ...?", "In which year did ...?")
on notes that speak of its topic but give no figure or date for it: no sentence of the passages
holds what was asked, so the notes do not answer it, however well a sentence on the topic matches
its words (ans23's adversarial questions, RESULTS 6au kind K8). A numbered subsection's heading
("4.2.1 Loops") holds no figure either. Made-up notes on a mapping program, with the real model."""

from __future__ import annotations

import pytest

from bot.core.answering import CONFIDENT
from bot.core.question_kind import asks_for_a_figure, expected_kind, placed_year
from bot.core.sentences import _SECTION_LABEL, _without_label
from tests.conftest import indexed_course

NOTES = {
    "mapper.md": """# The mapper program

## Measuring distances

The mapper assumes a spherical earth for all distance measurements, which is accurate enough for
most purposes. You can measure the distance between two places with the ruler tool from the toolbar.
The ruler shows the total length of the path in the status bar.

## 4.2 Scripts

### 4.2.1 Loops in the scripting language

Scripts that work on whole arrays at once are likely to be both clearer and faster than explicit
loops. Loops are still needed when each step depends on the previous step.

## History of the grid

The survey office adopted the metric grid in 1921 after a long debate among its engineers. The grid
divides every sheet into squares of 4 kilometres on each side.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("asked_detail"), NOTES, real_embedder)


def test_a_size_the_notes_never_give_is_not_answered(course):
    answer = course.ask("How large is the error from the mapper assuming a spherical earth?")
    # (without the rule: "The mapper assumes a spherical earth ... accurate enough", closest)
    assert answer.abstained, answer.sentences
    assert "figure" in answer.reason


def test_a_subsection_number_is_no_figure(course):
    answer = course.ask("How much faster are scripts on whole arrays than explicit loops?")
    # (without the section label rule: "4.2.1 Loops in the scripting language: Scripts that ...",
    # confident, the heading's number read as the figure asked)
    assert answer.tier != CONFIDENT and answer.abstained, (answer.tier, answer.sentences)


def test_figures_and_dates_the_notes_give_are_answered(course):
    year = course.ask("In which year did the survey office adopt the metric grid?")
    assert not year.abstained and "1921" in year.sentences[0], year.sentences
    size = course.ask("How large are the squares of the grid?")
    assert not size.abstained and "4 kilometres" in " ".join(size.sentences), size.sentences


@pytest.mark.parametrize("heading, label", [
    ("9.2.2 Repetitive execution", True),
    ("9.2 Control statements", True),
    ("12. Trade", True),
    ("2.5 million years of tools", False),  # one dot: a figure may be written so
    ("1921 and after", False),
])
def test_section_labels(heading, label):
    assert bool(_SECTION_LABEL.search(heading)) is label


def test_a_chapter_number_is_no_figure_when_its_sections_are_numbered_under_it():
    path = ("R notes", "9 Grouping and loops", "9.2 Control statements", "9.2.2 Repetitive execution")
    assert [_without_label(h, path).strip() for h in path] == [
        "R notes", "Grouping and loops", "Control statements", "Repetitive execution"]
    # a number opening a heading with no numbered section under it may be a figure
    assert _without_label("3 estates of the realm", ("History", "3 estates of the realm")) == "3 estates of the realm"
    assert "TWO" not in _without_label("CHAPTER TWO. THE DEBIAN ARCHIVE", ())


@pytest.mark.parametrize("question, asks", [
    ("How large is the error of a spherical earth?", True),
    ("In which year did the IUPAC adopt the new numbering?", True),
    ("When was the Lisbon Treaty signed?", True),
    ("When may a licence restrict the distribution of modified source?", False),  # a condition
    ("When should a country name be part of the directory name?", False),
    ("Can the program show which elements were known by a given year?", False),  # yes or no
    ("What does the ruler tool show?", False),
])
def test_asks_for_a_figure(question, asks):
    assert asks_for_a_figure(question, expected_kind(question)) is asks


def test_a_year_of_three_digits_placed_in_time_may_answer_a_date():
    # (tests/core/test_answer_kinds.py: "When did the Vikings raid Lindisfarne?" / "... in 793")
    assert placed_year("The Vikings raided Lindisfarne in 793, an attack that shocked Europe.", "When?")
    assert not placed_year("It numbers each column from 1 through 18.", "In which year was 1-18 adopted?")
    assert not placed_year("The raid in 793 is told below.", "When did the raid in 793 end?")  # the question's own

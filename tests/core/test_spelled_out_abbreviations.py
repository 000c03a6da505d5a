""""What does iid stand for?" is answered where the notes spell the abbreviation out next to it,
whichever side and however bracketed: "independently and identically distributed (iid)" (the
long form first, the abbreviation in lower case), "termed HAC (heteroskedasticity and
autocorrelation consistent)" (the long form in brackets, lower case), "IUPAC (default) is the
International Union of Pure and Applied Chemistry" (a bracket between). Not the sentences using
the abbreviation, which name it as often. And "What does numeration mean?" where the notes say
"The numeration is the way of numbering ...", not where they only use the word. Made-up notes of statistics and chemistry, with the
real model (ans23, RESULTS 6au kind K6)."""

from __future__ import annotations

import pytest

from bot.core.abbreviations import asked_abbreviation, asked_meaning, defines_word, spells_out
from tests.conftest import indexed_course

NOTES = {
    "errors.md": """# Error terms

## Assumptions

The classical model assumes that the errors are independently and identically distributed (iid).
If the iid assumption fails, the usual standard errors of the coefficients are wrong. Under iid
errors the variance of the estimator has a simple form. Many tests check the iid assumption first.

## Robust variants

Estimators that allow for both problems are termed HAC (heteroskedasticity and autocorrelation
consistent). The HAC estimator needs a choice of lag length. HAC estimation is the default for time
series in many packages, and HAC standard errors are usually larger.
""",
    "tables.md": """# Periodic tables

## Numbering schemes

The table can show the group numbers in several schemes. IUPAC (default) is the International Union
of Pure and Applied Chemistry. The IUPAC scheme numbers the groups from 1 to 18. Older books use the
IUPAC names with letters as well.

## Numeration

The numeration shown in the table can be changed in the View menu of the numeration toolbar. The
numeration is the way of numbering the 18 groups. Numeration in older books differs from the
numeration of newer books, and the numeration menu lists both.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("spelled"), NOTES, real_embedder)


@pytest.mark.parametrize("question, long_form", [
    ("What does iid stand for?", "independently and identically distributed"),
    ("What does HAC stand for?", "heteroskedasticity and autocorrelation"),
    ("What does IUPAC stand for?", "International Union"),
    # not an abbreviation: "What does X mean?" is answered by the sentence saying what X is
    ("What does numeration mean in the table?", "way of numbering"),
])
def test_the_sentence_spelling_the_abbreviation_out_leads(course, question, long_form):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    assert long_form in answer.sentences[0], answer.sentences


@pytest.mark.parametrize("text, abbreviation, spelled", [
    ("errors are independently and identically distributed (iid).", "iid", True),
    ("are termed HAC (heteroskedasticity and autocorrelation consistent).", "HAC", True),
    ("IUPAC (default) is the International Union of Pure and Applied Chemistry.", "IUPAC", True),
    ("If the iid assumption fails, the usual standard errors are wrong.", "iid", False),
    ("HAC estimation is the default for time series, and HAC standard errors are larger.", "HAC", False),
    # initials far from the abbreviation spell nothing it stands for
    ("The HAC estimator was tried on many series, and then heteroskedasticity and autocorrelation came.", "HAC", False),
])
def test_spells_out(text, abbreviation, spelled):
    assert spells_out(text, abbreviation) is spelled


def test_the_abbreviation_asked():
    assert asked_abbreviation("What does iid stand for?") == "iid"
    assert asked_abbreviation("What does the abbreviation TCO stand for?") == "TCO"
    assert asked_abbreviation("What is the capital of France?") == ""


def test_the_word_whose_meaning_is_asked():
    assert asked_meaning("What does numeration mean in Kalzium?") == "numeration"
    assert asked_meaning("What does it mean for the dollar to float?") == ""  # a situation, not a word
    assert asked_meaning("What does IUPAC stand for?") == ""


@pytest.mark.parametrize("text, defines", [
    ("The numeration is the way of numbering the 18 groups.", True),
    ("Numeration: the way of numbering the groups.", True),
    ("The numeration shown in the table can be changed.", False),
    ("Numbering by the numeration is hard.", False),
    # the word in brackets after what it means (ansdev24)
    ("Groups are counted from the left (numeration) in the table.", True),
    ("(Numeration) Groups are counted from the left.", False),
])
def test_defines_word(text, defines):
    assert defines_word(text, "numeration") is defines

"""A figure the question gives (a year, a count) says which statement of the notes it asks about:
"What was Eling's population in 1851?" is answered by "At the 1851 census ... 2,140 inhabitants"
before a sentence closer in meaning about the population at another time, since the model's
cosine reads figures poorly. Made-up notes of a parish and a college, with the real model."""

from __future__ import annotations

import pytest

from tests.conftest import indexed_course

NOTES = {
    "parish.md": """# The parish of Eling

## People

Eling's population grew quickly in the railway age, and the village's population soon made it the
largest in the parish. At the 1851 census Eling counted 2,140 inhabitants, most of them
labourers at the tide mill. The tide mill ground flour for the town until 1946.
""",
    "college.md": """# Kelso College

Kelso College admitted its first women students in 1892. Enrolment at Kelso College rose every
year after the war. In 1921 the college enrolled 640 students, a third of them women.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("figures"), NOTES, real_embedder)


@pytest.mark.parametrize("question, first", [
    ("What was Eling's population in 1851?", "At the 1851 census"),
    ("How many students did Kelso College enrol in 1921?", "In 1921 the college"),
])
def test_the_sentence_holding_the_figure_the_question_gives_leads(course, question, first):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.sentences[0].startswith(first), answer.sentences


def test_figures_are_read_whole():
    from bot.core.question_kind import figures_given, holds_figures

    assert figures_given("What was Warsaw's population in 1901?") == ("1901",)
    assert figures_given("How many of the 2,500 men were lost in 2008-09?") == ("2,500", "2008", "09")
    assert figures_given("Who founded the college?") == ()
    assert holds_figures("According to the 1901 census, out of 711,988 inhabitants ...", ("1901",))
    assert not holds_figures("In 19015 ...", ("1901",))
    assert not holds_figures("About 2,5000 men.", ("2,500",))
    assert not holds_figures("Any sentence at all.", ())

"""A who- or where-question is answered by a sentence naming someone or somewhere new; a month in a
date and a day of the week are capitalised but name a time ("The case was argued on January 15, 1963"
was shown before "the Court appointed Abe Fortas ... to argue for him" for "Who argued Gideon's case
before the Supreme Court?", ans28; "Committee meetings take place on Tuesday ..." before "Committees
can also meet at other locations throughout Scotland", pool)."""

from __future__ import annotations

from bot.core.question_kind import PERSON, PLACE, has_kind


def test_a_date_names_no_one():
    question = "Who argued Gideon's case before the Supreme Court?"
    assert not has_kind("The case was argued on January 15, 1963.", PERSON, question)
    assert not has_kind("The case was argued on 15 January 1963.", PERSON, question)
    assert has_kind("The Court appointed Abe Fortas to argue for him.", PERSON, question)


def test_a_day_of_the_week_names_no_place():
    question = "Where might committees meet outside of Parliament?"
    assert not has_kind("Committee meetings take place on Tuesday and Thursday morning.", PLACE, question)
    assert has_kind("Committees can also meet at other locations throughout Scotland.", PLACE, question)


def test_a_month_not_in_a_date_may_be_a_name():
    assert has_kind("The bill was brought by Theresa May.", PERSON, "Who brought the bill?")

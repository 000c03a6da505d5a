"""The readers several templates share, one definition each (RESULTS 8.41): the content words wrong
options are checked against (gen_text), how the notes name a body, office or party (gen_roles, read by
gen_parties too), and the forms of one actor's name (gen_actors, read by the generator's deed and year
checks too). Real spaCy on made-up sentences of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_actors import name_forms
from bot.core.quiz.gen_roles import body_name, body_of
from bot.core.quiz.gen_text import content_words


def _subject(sentence: str):
    doc = nlp.parse_lines([sentence])[0]
    return next(t for t in doc if t.dep_ == "nsubj")


def test_content_words_count_a_plural_and_its_singular_as_one_word():
    assert content_words("The wardens set road tolls") & content_words("a warden sets the roads")
    assert content_words("The Harbour Board may fine merchants") == {"harbo", "board", "fine", "merch"}
    # the title's words tell no sentence of the document apart
    assert content_words("The Harbour Board may fine merchants", frozenset({"harbour"})) == {"board", "fine", "merch"}


@pytest.mark.parametrize("sentence, party, body", [
    ("The Harbour Board appoints the Keeper of the Lights.", "Harbour Board", "the Harbour Board"),
    ("The Guild Court can fine a merchant who sells short measures.", "Guild Court", "the Guild Court"),
    # a group of members is a party of a set of rules, but no one body that plays a role
    ("The Wardens may close the bridge in a flood.", "Wardens", None),
    # what the Chair is of, an option could not show
    ("The Chair of the Guild Court may call a meeting.", None, None),
    ("We may close the bridge in a flood.", None, None),
])
def test_one_reading_of_how_the_notes_name_a_body(sentence, party, body):
    subject = _subject(sentence)
    assert body_name(subject) == party
    assert body_of(subject) == body


def test_the_forms_of_an_actors_name():
    full_names = {"Kublai": {"Kublai Khan"}, "Khan": {"Kublai Khan", "Genghis Khan"}, "Genghis": {"Genghis Khan"},
                  "Zhu": {"Zhu Shijie", "Zhu Yuanzhang"}, "Shijie": {"Zhu Shijie"}}
    assert name_forms("Kublai Khan", full_names) == ("Kublai Khan", "Kublai")  # not "Khan": Genghis's too
    assert name_forms("Kublai", full_names) == ("Kublai", "Kublai Khan")  # its one full name
    assert name_forms("Zhu", full_names) == ("Zhu",)  # two full names: which one, the notes do not say

"""Session 23 (quizhist2, issue 8: volume on narrative history): the notes' people recognised by the form
of their names, so a person's deed is asked of them (generator._Generator._person_deed) and they stand
among the people of who-did-what options (gen_actors.notes_people): a middle initial ("Charles W. Eliot",
read before as an acronym), a full name written as one word with a particle hyphened inside
("Zia-ul-Haq"), and a title before the name that the notes never write in lower case ("General
Zia-ul-Haq") but whose name they write without it. Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

from collections import Counter

from bot.core import nlp
from bot.core.quiz import generator as generator_module
from bot.core.quiz.gen_actors import _one_word_person, _person
from bot.core.quiz.gen_lexicon import PERSON, name_shape_ok
from bot.core.quiz.gen_questions import who_question
from tests.quiz.parsed_notes import chunks_of


def test_a_middle_initial_is_no_acronym():
    assert name_shape_ok("Charles W. Eliot", PERSON)
    assert name_shape_ok("T. S. Eliot", PERSON)
    assert not name_shape_ok("NPL Team", PERSON)  # acronyms are still no people
    assert not name_shape_ok("U.S. Grant", PERSON)  # two letters: an abbreviation, not an initial
    assert not name_shape_ok("Charles W.", PERSON)  # a name does not end on an initial


class _Lexicon:
    def __init__(self, counts: dict[str, int]):
        self.counts = counts

    def occurrences(self, name: str) -> int:
        return self.counts.get(name, 0)


def test_a_one_word_name_is_a_person_only_by_its_form_and_its_labels_at_most_occurrences():
    lexicon = _Lexicon({"Rafiq-ul-Hassan": 4, "Jamaat-e-Harun": 3, "Saint-Pierre": 4, "Amir-al-Sadr": 1})
    assert _one_word_person(lexicon, "Rafiq-ul-Hassan", Counter({PERSON: 4}))
    # the form, but a person at one of three occurrences: a party, a movement
    assert not _one_word_person(lexicon, "Jamaat-e-Harun", Counter({PERSON: 1}))
    assert not _one_word_person(lexicon, "Saint-Pierre", Counter({PERSON: 4}))  # no particle: a place as often
    assert not _one_word_person(lexicon, "Amir-al-Sadr", Counter({PERSON: 1}))  # met once: a side figure
    assert _person("Rafiq-ul-Hassan", {}, frozenset({"Rafiq-ul-Hassan"})) == "Rafiq-ul-Hassan"
    assert _person("Rafiq-ul-Hassan", {}, frozenset()) == ""


NOTES = [
    "Edward Hale governed Calvary for the crown until 1877. Edward Hale raised the harbour tolls twice.",
    "Rafiq-ul-Hassan commanded the army of Calvary for ten years. Rafiq-ul-Hassan was an admirer of the guilds.",
    "The guilds of Calvary backed Rafiq-ul-Hassan against Edward Hale. Rafiq-ul-Hassan ruled Calvary until 1888.",
    "Rafiq-ul-Hassan was killed in 1888, but the guilds kept his laws in Calvary.",
    "Thomas Harlow founded the Northern League in the port of Calvary in 1862.",
]


def test_a_title_the_notes_write_only_before_a_name_they_also_write_alone(monkeypatch):
    generator = generator_module._Generator(chunks_of(NOTES, "The Calvary Guilds"))
    assert "Rafiq-ul-Hassan" in generator.people
    doc = nlp.parse_lines(["In July 1877, General Rafiq-ul-Hassan overthrew Governor Edward Hale's regime in Calvary."])[0]
    question = who_question(doc, generator._is_term, generator.lexicon.lowercase_words.__contains__, fronted=True)
    assert question is not None and question.answer == "General Rafiq-ul-Hassan"
    assert "general" not in generator.lexicon.lowercase_words
    assert generator._person_deed(question, doc)
    # Without the one-word name the people set does not hold him, and the deed stays under the cut-off.
    generator.people = frozenset(generator.people - {"Rafiq-ul-Hassan"})
    assert not generator._person_deed(question, doc)

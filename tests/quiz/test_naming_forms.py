"""Session 28 (qnaming): names the notes give in forms no naming reader took (gen_naming): a thing named where
the sentence passes by it ("convert to sexual forms called gametocytes", "there are weaker attractions called
..."), a subject named after an intransitive verb with a dated participle phrase ("followed, known as X, fought
from 1562 to 1598"), a named subject after a fronted time phrase, a class named ("a class of tools known as
X"), and a name glossed with ", meaning "Y"". Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_naming import gloss_question, participle_naming_question, passing_naming_question
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import chunks_of


def _doc(sentence: str):
    return nlp.parse_lines([sentence])[0]


def test_a_thing_named_in_a_phrase_after_the_verb_is_asked_with_the_sentence_around_it():
    question = passing_naming_question(_doc("Decisions were made by consensus at assemblies called Dunmoots."))
    assert question is not None
    assert question.prompt == "What were the assemblies at which decisions were made by consensus called?"
    assert question.answer == "Dunmoots."
    question = passing_naming_question(_doc(
        "A small share of the river spores convert to winged forms called drifters (male and female)."))
    assert question is not None and question.answer == "Drifters."
    assert question.prompt == "What are the winged forms to which a small share of the river spores convert called?"
    # Not when the sentence goes on after the name, nor inside an "of" phrase whose owner only says where.
    assert passing_naming_question(_doc(
        "The traders landed on a small peninsula called Gull Point after a long crossing.")) is None
    assert passing_naming_question(_doc(
        "The fort stood at the confluence of the Arden and Vell rivers, called the Forks of the Arden.")) is None
    # The subject and object readers do not take it: the generator asks it only of a name the notes use again.
    assert participle_naming_question(_doc("Decisions were made by consensus at assemblies called Dunmoots.")) is None


def test_there_are_things_named_where_a_fronted_phrase_places_them():
    question = passing_naming_question(_doc(
        "Between separate grain stores there are much weaker ties called store bonds."))
    assert question is not None
    assert question.prompt == "What are the much weaker ties between separate grain stores called?"
    assert question.answer == "Store bonds."
    # Nothing says whose: not asked.
    assert passing_naming_question(_doc(
        "There were many smaller settlements called trading posts, including posts as far away as Aberdeen.")) is None


def test_a_class_of_things_is_named_as_a_group_is():
    question = passing_naming_question(_doc("Habeas corpus belongs to a class of legal tools known as great writs."))
    assert question is not None and question.answer == "Great writs."
    assert question.prompt.startswith("What is the class of legal tools to which")


def test_a_subject_named_after_a_verb_with_no_object_is_asked_with_its_dated_phrase():
    question = participle_naming_question(_doc(
        "A series of salt disputes followed, known as the Brine Quarrels, fought intermittently from 1512 to 1548."))
    assert question is not None
    assert question.prompt == "What was the series of salt disputes fought intermittently from 1512 to 1548 known as?"
    assert question.answer == "The Brine Quarrels."
    # Without the phrase that says when, nothing says which.
    assert participle_naming_question(_doc(
        "A series of salt disputes followed, known as the Brine Quarrels.")) is None


def test_a_named_subject_after_a_fronted_time_phrase():
    question = participle_naming_question(_doc(
        "In the early 14th century, a coastal league known as the Tidewardens rose against the salt lords of "
        "Harrow Bay, burning warehouses and seizing boats."))
    assert question is not None
    assert question.prompt == ("What was the coastal league that rose against the salt lords of Harrow Bay in the "
                               "early 14th century known as?")
    assert question.answer == "The Tidewardens."
    # "the bay" with nothing to say which: it points back to the sentence before.
    assert participle_naming_question(_doc(
        "In the early 14th century, a coastal league known as the Tidewardens rose against the salt lords in the "
        "bay, burning warehouses and seizing boats.")) is None


def test_a_name_glossed_with_meaning_is_asked_what_it_means():
    question = gloss_question(_doc('He took the throne name Solvar, meaning "bright harbour".'))
    assert question is not None
    assert question.prompt == "What does the throne name Solvar mean?"
    assert question.answer == "Bright harbour."
    # A common word's gloss, or the gloss with more after it: not asked.
    assert gloss_question(_doc('The bay was shallow, meaning "hard to reach" for ships.')) is None


def test_the_generator_asks_a_passing_name_only_when_the_notes_use_it_again():
    notes = [
        "The river spores of the Venn marshes live for one season.",
        "A small share of the river spores convert to winged forms called drifters (male and female).",
        "Drifters are carried by the wind to new marshes, where they settle and breed.",
        "The traders landed on a small peninsula called Gull Point.",
        'The first queen of the marsh towns took the throne name Solvar, meaning "bright harbour".',
    ]
    items = generate_items(chunks_of(notes, "River Spores of Venn"), learned_cutoff=False)
    asked = {i.prompt: i.answer for i in items}
    assert asked.get("What are the winged forms to which a small share of the river spores convert called?") \
        == "Drifters."
    assert not any("peninsula" in p for p in asked)  # a place passed by, named once
    assert asked.get("What does the throne name Solvar mean?") == "Bright harbour."


def test_a_passing_name_the_glossary_defines_gives_way_to_the_glossary():
    notes = [
        "The river spores of the Venn marshes live for one season.",
        "A small share of the river spores convert to winged forms called drifters (male and female).",
        "Drifters are carried by the wind to new marshes, where they settle and breed.",
        "Drifter: a winged form of the river spore carried by the wind.",
    ]
    items = generate_items(chunks_of(notes, "River Spores of Venn"), learned_cutoff=False)
    assert not any(i.prompt.startswith("What are the winged forms") for i in items)

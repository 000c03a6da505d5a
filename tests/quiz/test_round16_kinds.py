"""Round 16's kinds, each taken out by a rule about form: a condition naming a thing of the text
before ("the general principles of the bill"), a whole (100%) swapped for a share in a true/false
statement, and a term asked among options of another kind (a person, an activity among files).
Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

import random

from bot.core import nlp
from bot.core.quiz.gen_concept_terms import CentralTerms, term_question
from bot.core.quiz.gen_conditions import outcome_card
from bot.core.quiz.gen_keys import number_distractors, number_keys
from tests.quiz.parsed_notes import parsed_notes


def test_a_condition_naming_a_thing_the_question_never_sets_is_not_asked():
    # "the motion": which one the notes told before; "a motion's" names one of any.
    asked = "If a majority of members approve a motion's first clause, a second reading follows within a week."
    not_asked = "If a majority of members approve the first clause of the motion, a second reading follows within a week."
    assert outcome_card(nlp.parse_line(asked)) is not None
    assert outcome_card(nlp.parse_line(not_asked)) is None
    # A possessive asks of any such thing ("the logger's level", judged keep in round 16).
    possessive = "If the keeper's rank is higher than a visitor's, no entry is actually recorded."
    assert outcome_card(nlp.parse_line(possessive)) is not None


def _percent_swaps(sentence: str) -> list[str]:
    key = next(k for k in number_keys(nlp.parse_line(sentence)) if k.text.endswith("%"))
    return number_distractors(key, sentence, random.Random(0))


def test_a_whole_is_not_swapped_for_a_share():
    # "will remain 100% free" made "85% free" is absurd beside notes that say "entirely free".
    assert _percent_swaps("The club's charter promised that the orchard would remain 60% common land.")
    assert _percent_swaps("The club's charter promised that the orchard would remain 100% common land.") == []
    assert _percent_swaps("The club's charter promised that the orchard would pay 0% interest to members.") == []


# Made-up notes on a village archive: four books (a parish register, an estate ledger, a manor survey,
# a rent account), a deed roll (a roll), the village archivist (a person: "a village archivist who
# ...") and archive cataloguing (an activity), each central.
NOTES = """\
A parish register is a book listing the baptisms, marriages and burials of the parish.
The parish register names every child baptised since 1620.
Each parish register was read aloud at the spring meeting.
The archive stands behind the church.
An estate ledger is a book recording every payment the manor made in one year.
The estate ledger was kept in the vestry chest.
Each estate ledger was copied by hand every spring.
A manor survey is a book of drawings showing the fields and the tenants who held them.
The manor survey was drawn in 1841.
Every manor survey was kept beside the parish register.
A rent account is a book of the rents each farm paid to the manor.
The rent account was closed in 1836.
Every rent account was signed by the vicar.
A deed roll is a roll of parchment holding copies of the village's land deeds.
The deed roll was unrolled only on the green.
Every deed roll was sealed with wax.
The village archivist is an officer who keeps the papers of the village in order.
The village archivist opens the chest twice a year.
A village archivist who retires chooses the next one.
Archive cataloguing is the activity of giving each paper a number and a line in the index.
Archive cataloguing took the archivist three winters.
Archive cataloguing ended in 1902."""


def test_a_term_is_not_asked_among_a_person_or_a_term_of_another_class():
    lines = NOTES.splitlines()
    docs, lexicon = parsed_notes(NOTES)
    terms = CentralTerms(lines, ["Village archive"], docs, lexicon, ["Village archive"])
    assert "village archivist" in terms.people and terms.term_class.get("archive cataloguing") == "activity"
    question = term_question(docs[4], terms, "Village archive")
    assert question is not None and question.answer == "Estate ledger"
    # The archivist (a person), cataloguing (an activity) and the deed roll ("a roll", where the question
    # asks "which of these is a book ...") could not be what is asked; only the other books are offered.
    assert sorted(question.options) == ["Estate ledger", "Manor survey", "Parish register", "Rent account"]

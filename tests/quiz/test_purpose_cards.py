"""Why-cards on a purpose given with a bare "to" (gen_purpose), and a person's different deeds asked
more than once (gen_bank_shape.MAX_SAME_ACTOR). Real spaCy on made-up sentences of no course of the pool."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.core import nlp
from bot.core.quiz.gen_lexicon import CAUSE
from bot.core.quiz.gen_purpose import opened_question, purpose_question
from bot.core.quiz.gen_bank_shape import MAX_SAME_ACTOR, MAX_SAME_ANSWER, _Candidates, _shape_bank
from bot.core.quiz.items import MULTIPLE_CHOICE, QuizItem, QuizSource


def parse(text: str):
    return nlp.parse_lines([text])[0]


@pytest.mark.parametrize("sentence, prompt, answer", [
    ("The harbour board built a breakwater of granite to shelter the fishing fleet from winter storms.",
     "Why did the harbour board build a breakwater of granite?", "To shelter the fishing fleet from winter storms."),
    ("The miners dug a second shaft to drain the flooded galleries.",
     "Why did the miners dig a second shaft?", "To drain the flooded galleries."),
])
def test_a_purpose_with_a_bare_to_is_asked_as_why(sentence, prompt, answer):
    question = purpose_question(parse(sentence))
    assert question is not None and question.asks == "cause"
    assert (question.prompt, question.answer) == (prompt, answer)


@pytest.mark.parametrize("sentence", [
    "A hard winter led many farmers to sell their cattle at the autumn fair.",  # "led X to": what followed
    "The villagers came to be known as the salt makers of the coast.",  # "came to be"
    "A labourer need not be paid in coin for the contract to be valid.",  # the clause has its own subject
    "Any member can put a motion forward to be debated on Fridays.",  # a modal: what may be, not why
    "The miller rebuilt the wheel in 1802, only to see it burn the next winter.",  # what followed, not why
    "The harbour board raised the tolls on the quay to pay his debts.",  # whose? the question names no person
    # a deed with no doer: introduced where, by whom? (round 10a: every passive one dropped)
    "Night patrols were introduced to protect the orchards.",
    "Copper sulphate was added to the reservoirs to stop the growth of algae.",
    "The council set ambitious targets to rebuild the harbour and the market.",  # what the targets were
    # what the thing provided is for, not why it is provided (held-out round 12: "Why does the gc module
    # provide functions?")
    "The darkroom kit provides trays to develop prints and a lamp to check the negatives.",
    "The weaving guild offered looms to train apprentices in the winter months.",
])
def test_no_purpose_card_where_to_is_not_a_purpose(sentence):
    assert purpose_question(parse(sentence)) is None


def _actor_item(n: int, answer: str, document: str = "story.txt") -> QuizItem:
    # each deed its own option set: one set of names repeated is one item (test_round14_repeats)
    quote = f"{answer} did deed{n} with thing{n} at place{n} in manner{n} for reason{n}."
    return QuizItem(id=f"{document}{answer}{n}", kind=MULTIPLE_CHOICE, prompt=f"Who did deed{n}?", answer=answer,
                    options=(f"a{n}", "b", "c", answer), source=QuizSource(document, "", quote), tests="actor",
                    quality=0.77)


def _shaped(items: list[QuizItem]) -> list[QuizItem]:
    candidates = [_Candidates(i.source.quote, i.source.document, [i]) for i in items]
    return _shape_bank(candidates, {}, Counter({"story.txt": 5000}))


def test_a_persons_different_deeds_are_asked_up_to_max_same_actor_times():
    bank = _shaped([_actor_item(n, "Edmund Hale") for n in range(5)] + [_actor_item(9, "Ann Price")])
    answers = Counter(i.answer for i in bank)
    assert MAX_SAME_ACTOR > MAX_SAME_ANSWER
    assert answers == {"Edmund Hale": MAX_SAME_ACTOR, "Ann Price": 1}
    assert [i.id for i in bank if i.answer == "Edmund Hale"] == [f"story.txtEdmund Hale{n}" for n in range(MAX_SAME_ACTOR)]


def test_one_fact_told_twice_is_still_one_item_whatever_its_answer():
    first = _actor_item(1, "Edmund Hale")
    again = QuizItem(id="again", kind=MULTIPLE_CHOICE, prompt="Who did deed1 again?", answer="Edmund Hale",
                     options=first.options, source=QuizSource("story.txt", "", first.source.quote.replace(".", " too.")),
                     tests="actor", quality=0.77)
    assert [i.id for i in _shaped([first, again])] == [first.id]


def test_other_kinds_keep_one_item_an_answer():
    items = [QuizItem(id=f"y{n}", kind=MULTIPLE_CHOICE, prompt=f"In _____ thing{n} happened at place{n}.",
                      answer="1802", options=("1799", "1802", "1805", "1808"),
                      source=QuizSource("story.txt", "", f"In 1802 thing{n} happened at place{n} by way{n} of road{n}."),
                      tests=CAUSE, quality=0.8) for n in range(3)]
    assert len(_shaped(items)) == 1


# --- a reason given after the main clause with "as" or "since" (gen_purpose.reason_question) ---------

@pytest.mark.parametrize("sentence, prompt, answer", [
    ("The miller raised the sluice gates every spring, as the river flooded the lower fields in April.",
     "Why did the miller raise the sluice gates every spring?", "Because the river flooded the lower fields in April."),
    ("The glassworks moved to the coast, since the nearby forests had been cut for charcoal.",
     "Why did the glassworks move to the coast?", "Because the nearby forests had been cut for charcoal."),
])
def test_a_reason_after_as_or_since_is_asked_as_why(sentence, prompt, answer):
    from bot.core.quiz.gen_purpose import reason_question
    question = reason_question(parse(sentence))
    assert question is not None and question.asks == "cause"
    assert (question.prompt, question.answer) == (prompt, answer)


@pytest.mark.parametrize("sentence", [
    "The weavers of Bradwell, as they are now known, founded a school of design.",  # a name, no reason
    "Anna Brask was born in Holmfirth, as was her brother Piet, the painter.",  # "as was X": an aside
    "The mill was rebuilt in stone, as described by the town surveyor in 1811.",  # no subject: how, not why
    "The council widened the bridge, as if to invite more carts into the market.",  # "as if": a guess
])
def test_no_reason_card_where_as_is_no_reason(sentence):
    from bot.core.quiz.gen_purpose import reason_question
    assert reason_question(parse(sentence)) is None


@pytest.mark.parametrize("sentence, prompt, answer", [
    ("In the valley, the weavers abandoned their looms because the new mills paid twice as much.",
     "In the valley, why did the weavers abandon their looms?", "Because the new mills paid twice as much."),
    ("In the winter of 1790, the miller built a second wheel to grind more flour for the town.",
     "In the winter of 1790, why did the miller build a second wheel?", "To grind more flour for the town."),
    ("In 1812 the copper mine closed because the lower galleries flooded.",  # no comma, but a year ends it
     "In 1812, why did the copper mine close?", "Because the lower galleries flooded."),
    ("Usually copper is the metal of choice due to its low cost and its softness.",  # a bare adverb: left out
     "Why is copper the metal of choice?", "Due to its low cost and its softness."),
])
def test_a_reason_behind_an_opening_phrase_is_asked_with_the_phrase(sentence, prompt, answer):
    question = opened_question(parse(sentence))
    assert question is not None and question.asks == "cause"
    assert (question.prompt, question.answer) == (prompt, answer)


@pytest.mark.parametrize("sentence", [
    "When the war ended, the weavers moved north because the mills closed.",  # a clause: its own setting
    "In his reign, the weavers moved north because the mills closed.",  # a setting told before
    "At that time, the weavers moved north because the mills closed.",
    "In the valley the weavers moved north because the mills closed.",  # no comma, no year: where does it end?
    "The weavers moved north because the mills closed.",  # nothing in front: why_question's own
])
def test_no_opened_card_without_a_setting_that_stands(sentence):
    assert opened_question(parse(sentence)) is None

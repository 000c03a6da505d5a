"""Why-cards (gen_concept_causes, gen_questions.why_question): a cause stated before its effect
("Because X, Y."), purposes, a phrase before the verb; no "What did X lead to?" card. Real spaCy
on made-up sentences of no course of the pool."""

from __future__ import annotations


from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_concept_causes import fronted_cause_question
from bot.core.quiz.gen_lexicon import SEQUENCE
from bot.core.quiz.gen_questions import why_question
from bot.core.quiz.gen_sequence import event_of
from bot.core.quiz.generator import generate_items


def parse(text: str):
    return nlp.parse_lines([text])[0]


def test_a_cause_stated_first_is_asked_as_why():
    question = fronted_cause_question(parse("Because the river flooded every spring, farmers built their houses "
                                            "on the hills."))
    assert question is not None
    assert question.prompt == "Why did farmers build their houses on the hills?"
    assert question.answer == "Because the river flooded every spring."


def test_no_fronted_cause_when_the_clause_holds_an_aside():
    """A list closed by "and" ends where the main clause's subject begins (session 26, lane qcause: the whole
    list is the cause, "Because of floods, droughts and locusts."); an aside or a clause inside the cause
    leaves where it ends unsure."""
    assert fronted_cause_question(parse("Because of the floods, which came every spring, farmers left the valley.")) is None
    assert fronted_cause_question(parse("Because of floods, in the spring, farmers left the valley.")) is None
    question = fronted_cause_question(parse("Because of floods, droughts and locusts, farmers left the valley."))
    assert question is not None and question.answer == "Because of floods, droughts and locusts."


def test_why_card_on_an_effect_that_is_only_a_verb():
    """"Grain prices rose because ...": the verb is what is asked about (only "X is due to Y" has
    nothing left)."""
    question = why_question(parse("Grain prices in the valley rose because the harvest failed."))
    assert question is not None and question.prompt == "Why did grain prices in the valley rise?"
    assert why_question(parse("The rise in grain prices is possibly due to the failed harvest.")) is None


def test_generator_makes_no_card_on_what_a_cause_led_to():
    """"What did the Ostra drought lead to?" has as many answers as the drought had effects (round 8a
    kept 1 of 5 such cards). The same notes made that card when it was a template."""
    notes = ["A great drought began in the Ostra valley in the spring of 1971 and lasted three years.",
             "The Ostra drought led to the failure of the barley harvest in the northern villages.",
             "Farmers of the Ostra valley sold their cattle during the Ostra drought.",
             "The barley harvest is the main income of the northern villages."]
    chunks = [Chunk(make_chunk_id("ostra.txt", ("Ostra",), line, i), "ostra.txt", ("Ostra",), None, i, line)
              for i, line in enumerate(notes)]
    prompts = [i.prompt for i in generate_items(chunks, learned_cutoff=False)]
    assert not any(p.startswith("What did") and p.endswith(("lead to?", "result in?", "cause?")) for p in prompts)


def test_why_card_on_a_purpose():
    question = why_question(parse("Farmers of the valley dug deep wells in order to water their orchards in summer."))
    assert question is not None and question.prompt == "Why did farmers of the valley dig deep wells?"
    assert question.answer == "In order to water their orchards in summer."
    # The purpose completes a bare verb: "Why were the old canals used?" asks nothing the notes answer.
    assert why_question(parse("The old canals of the valley were used in order to carry water to the fields.")) is None


def test_why_card_keeps_a_phrase_between_subject_and_verb():
    question = why_question(parse("The second expedition of the valley farmers in 1881 failed because of an early frost."))
    assert question is not None
    assert question.prompt == "Why did the second expedition of the valley farmers in 1881 fail?"
    # A comma between them is an aside whose place in the question is not sure.
    assert why_question(parse("The second expedition, in 1881, failed because of an early frost.")) is None


def test_why_card_agrees_with_a_plural_subject():
    question = why_question(parse("Member farms comes under a duty to store grain, in order to prevent famine."))
    assert question is not None and question.prompt == "Why do Member farms come under a duty to store grain?"


def test_a_dated_event_goes_to_a_sequence_before_its_why_card():
    """Sequences need four dated events of one story and are rare; a why-card on one of them gives way
    (one sentence, one item), as a year item does."""
    notes = ["In 1702 King Barlo conquered the port of Ostra on the northern coast.",
             "King Barlo's first campaign against the river tribes failed in 1708 because of an early winter.",
             "In 1715 King Barlo signed a trade treaty with the merchants of Velm.",
             "In 1721 King Barlo moved the royal court from Ostra to Dunmar.",
             "The river tribes traded furs and salt with the merchants of Velm."]
    chunks = [Chunk(make_chunk_id("barlo.txt", ("Barlo",), line, i), "barlo.txt", ("Barlo",), None, i, line)
              for i, line in enumerate(notes)]
    items = generate_items(chunks, learned_cutoff=False)
    assert [i.tests for i in items if i.tests == SEQUENCE] == [SEQUENCE]
    assert not any(i.prompt.startswith("Why") for i in items)


def test_an_event_may_open_with_a_title_ending_like_a_participle():
    assert event_of("In 1702 King Barlo conquered the port of Ostra on the northern coast.") == \
        ("King Barlo conquered the port of Ostra on the northern coast", 1702)
    assert event_of("Founded in 1702 as a fishing port, Ostra grew into the largest town of the coast.") is None


def test_a_negated_auxiliary_moved_to_the_front_leaves_not_behind():
    # "doesn't" is two tokens; moving "does" to the front left "n't" behind (held-out round 11).
    question = why_question(parse("The old mill doesn't turn in August because the river runs dry."))
    assert question is not None and question.prompt == "Why does the old mill not turn in August?", question

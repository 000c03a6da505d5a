"""Cards on what a numbered clause of a charter or set of rules says (gen_clauses), and on what a
thing of a technical note does (gen_function). Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_clauses import clause_card, clause_name, rule_verb
from bot.core.quiz.gen_function import function_question
from bot.core.quiz.generator import generate_items

CHARTER = "The Allotment Charter"
CLAUSES = [
    ("Our commitments", "1. We will keep the gates open",
     "We will keep every gate of the allotments open from dawn to dusk. Visitors will be welcome on every path."),
    ("The Plot Rules", "1. Shared Water",
     "A plot holder must not take water from the tanks of another plot. Each tank serves one plot only."),
    ("The Plot Rules", "2. Fair Sharing of Produce",
     "A plot holder may give surplus produce to the village pantry without asking the committee."),
    ("The Plot Rules", "3. Plot Sizes",
     "The eastern plots were measured in 1921 by the parish surveyor and divided into halves."),  # no rule
]


def _charter() -> list[Chunk]:
    return [Chunk(make_chunk_id("charter.txt", (part, heading), body, i), "charter.txt", (part, heading), None, i, body)
            for i, (part, heading, body) in enumerate(CLAUSES)]


def parse(text: str):
    return nlp.parse_lines([text])[0]


def test_a_numbered_rule_is_asked_by_its_name_with_the_rules_it_belongs_to():
    items = {i.prompt: i for i in generate_items(_charter(), learned_cutoff=False)}
    required = "According to the Plot Rules, what does “Shared Water” require?"
    allowed = "According to the Plot Rules, what does “Fair Sharing of Produce” allow?"
    assert required in items and allowed in items
    # "Our commitments" names no text: "According to the notes, what does “We will keep the gates open”
    # promise?" reads a heading as the one who promises (held-out rounds 14-15: mostly borderline)
    assert not any("gates open" in p for p in items)
    assert items[required].answer.startswith("A plot holder must not take water from the tanks of another plot.")
    assert items[required].answer.endswith("Each tank serves one plot only.")  # the clause, as long as it is short
    assert items[allowed].source.quote.startswith("A plot holder may give surplus produce")
    assert not any("Plot Sizes" in p for p in items)  # a clause of facts, not of rules


@pytest.mark.parametrize("sentence, verb", [
    ("The tenant must repair the fences of his plot.", "require"),
    ("The tenant shall not keep bees near the path.", "require"),
    ("The tenant may not sell the produce of the plot.", "require"),
    ("The tenant may keep two hens on the plot.", "allow"),
    ("We will publish the accounts every spring.", "promise"),
    ("The tenant will find the tool shed behind the pond.", ""),  # a forecast, not a promise
    ("The tenant can grow flowers as well as vegetables.", ""),  # what is possible
    ("It must not be sold.", ""),  # a clause told before
    ("The plots were divided in 1921.", ""),
])
def test_what_a_rule_says_of_its_subject(sentence, verb):
    assert rule_verb(parse(sentence)) == verb


def test_only_a_numbered_heading_with_a_name_is_a_clause():
    assert clause_name("4. Integrity of the Hedges") == "Integrity of the Hedges"
    assert clause_name("12.3 Fair Sharing") == "Fair Sharing"
    assert clause_name("Fair Sharing") == ""
    doc = parse("The tenant must repair the fences of his plot.")
    assert clause_card(("Rules", "7. Definitions"), [doc.text], doc) is None  # one word names no rule
    assert clause_card(("Rules", "Fences"), [doc.text], doc) is None  # not numbered


@pytest.mark.parametrize("sentence, prompt, answer", [
    ("Connection-oriented pumping requires a priming phase in each valve before any water is moved.",
     "What does connection-oriented pumping require?", "A priming phase in each valve before any water is moved."),
    ("Sluice gates may hold back the water of the upper pond.",
     "What may sluice gates hold?", "Back the water of the upper pond."),
])
def test_what_a_thing_does_is_asked_of_its_object(sentence, prompt, answer):
    question = function_question(parse(sentence))
    if prompt == "What may sluice gates hold?":
        assert question is None  # "hold back": a particle makes the object half an idiom
        return
    assert question is not None and (question.prompt, question.answer) == (prompt, answer)


@pytest.mark.parametrize("sentence", [
    "The miller patented a new kind of sluice in 1802.",  # past: a deed, who-did-what asks it
    "Thomas Hale requires a priming phase in each valve.",  # a name's deed
    "Sluice gates do not require a priming phase in each valve.",  # a negation
    "Sluice gates take place in the upper pond.",  # not a verb of function
    "Engineers name their own valves by painting a number on each.",  # a means follows the object
    "Famous millers include Thomas Hale and Henry Walsh.",  # examples, not a function
    "Sluice gates were required by the canal act.",  # a passive
])
def test_no_function_card_where_the_sentence_is_no_general_statement(sentence):
    assert function_question(parse(sentence)) is None

""""What is X?" and "What does X stand for?" on notes other than the default one (biology, law,
economics, banking), with the real model: a sentence defining X, or giving X with its other name, answers
confidently when the notes name X both ways, and only such a sentence answers "stand for"
(issue 15.1's kind)."""

from __future__ import annotations

import pytest

from bot.core.answering import CONFIDENT
from tests.conftest import indexed_course

NOTES = {
    # The passage naming the ETC most often is about poisons: the word search puts it first.
    "respiration.md": """# Cell respiration

## Aerobic respiration

Aerobic respiration has three stages: glycolysis, the Krebs cycle and the electron transport chain (ETC).
Glycolysis takes place in the cytoplasm and splits glucose into pyruvate.

## The electron transport chain

The ETC is a series of protein complexes in the inner mitochondrial membrane that pass electrons from NADH to oxygen.
As electrons move along it, protons are pumped into the intermembrane space, and ATP synthase uses them to make ATP.

## Poisons

Cyanide blocks the ETC at its last complex. When the ETC stops, no protons are pumped across the membrane by the ETC,
and cells that depend on the ETC for their ATP die within minutes.
""",
    "disputes.md": """# Resolving disputes

## Before court

Many commercial contracts require the parties to try alternative dispute resolution (ADR) before they sue.

## What it is

ADR is any way of settling a legal dispute without a trial, such as mediation, conciliation or arbitration.
In mediation a neutral person helps the parties reach their own agreement.

## Costs

A court may order costs against a party that unreasonably refused ADR. ADR clauses are common in building
contracts, and ADR is usually cheaper than a trial, though an ADR award can be hard to enforce abroad.
""",
    "treaties.md": """# European treaties

## Signing

In 1986 the member states signed the Single European Act (SEA) in Luxembourg and The Hague.

## What it did

The SEA was the first major revision of the Treaty of Rome:
- It set a deadline of 1992 for the internal market.
- It extended qualified majority voting in the Council.
""",
    "prices.md": """# Comparing economies

Economists compare incomes across countries at purchasing power parity (PPP) rather than at market exchange rates.

PPP is an exchange rate at which the same basket of goods costs the same in both countries.

Under PPP, poorer countries look richer than at market rates, because PPP values their cheap services
at the prices of richer ones; PPP figures are published by the World Bank.
""",
    "courts.md": """# Human rights in Europe

The European Court of Human Rights (ECtHR) sits in Strasbourg.

The ECtHR is the court of the Council of Europe that rules on complaints that a state breached the Convention.
States comply with most ECtHR judgments, and the ECtHR can award compensation.
""",
    "hosts.md": """# Naming hosts

The Domain Name System (DNS) translates host names such as example.org into IP addresses.

A resolver asks DNS servers in turn until one of them knows the address of the host.
""",
    "banks.md": """# Credit unions

## Origins

When credit unions were first introduced in Germany in the 1850s, farmers and craftsmen were wary of lending to each other.
Credit unions reached Canada in 1900 and the United States in 1909.

## How they work

A credit union is a cooperative bank owned by its members, who elect its board and share its profits.
Members usually need a common bond, such as an employer or a town.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("definitions"), NOTES, real_embedder)


@pytest.mark.parametrize("question, definition", [
    # The word search prefers the passages naming ADR most often, not the one saying what it is.
    ("What is ADR?", "ADR is any way of settling"),
    ("What is alternative dispute resolution?", "ADR is any way of settling"),
    ("What is the electron transport chain?", "The ETC is a series of protein complexes"),
    ("What is PPP?", "PPP is an exchange rate"),
])
def test_a_definition_of_what_was_asked_is_confident(course, question, definition):
    answer = course.ask(question)
    assert answer.sentences[0].startswith(definition), answer.sentences
    assert answer.tier == CONFIDENT, (question, answer.sentences[0])


def test_a_definition_under_the_other_name_is_confident_though_far_in_meaning(course):
    # "The SEA was ..." is far from "the Single European Act" for the model, which does not know the
    # notes' two names are one.
    answer = course.ask("What was the Single European Act?")
    assert answer.sentences[0].startswith("The SEA was the first major revision"), answer.sentences
    assert answer.similarity < course.policy.confident_similarity  # what used to make it "closest"
    assert answer.tier == CONFIDENT


def test_a_clause_setting_the_scene_is_no_definition(course):
    # "When credit unions were first introduced, ..." names them before "were" and says when, not what.
    answer = course.ask("What were credit unions?")
    assert answer.sentences[0].startswith("A credit union is a cooperative bank"), answer.sentences


@pytest.mark.parametrize("question, expansion", [
    ("What does ETC stand for?", "electron transport chain (ETC)"),
    ("What does ADR stand for?", "alternative dispute resolution (ADR)"),
    ("What does PPP stand for?", "purchasing power parity (PPP)"),
    ("What does the abbreviation SEA stand for?", "Single European Act (SEA)"),
    ("What does ECtHR stand for?", "European Court of Human Rights (ECtHR)"),  # its capitals are the initials
    ("What does DNS stand for?", "Domain Name System (DNS)"),  # "Name", a common word, gives an initial
])
def test_what_an_abbreviation_stands_for_is_the_sentence_giving_both_names(course, question, expansion):
    # The sentence that states the long form is about something else ("Aerobic respiration has three
    # stages"); one that uses the abbreviation and shares a word with its long form ("The ETC ... pass
    # electrons") is closer in meaning and says nothing of what ETC stands for.
    answer = course.ask(question)
    assert expansion in answer.sentences[0], answer.sentences
    assert answer.tier == CONFIDENT


def test_an_abbreviation_the_notes_never_spell_out_is_not_confident(course):
    answer = course.ask("What does ATP stand for?")
    assert answer.tier != CONFIDENT, answer.sentences

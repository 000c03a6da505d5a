"""Which sentence answers, on notes of another subject (geology and shipping, not the default note),
with the real model: a sentence may leave implicit a name its passage has already given, a century
spelt out is a date, a "when" clause that sets the scene does not make a question ask for a date,
and the answer is drawn from every passage the search returns, not only the first five."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.answering import answer_question
from bot.core.question_kind import DATE, EXPLANATION, PERSON, expected_kind, has_kind
from tests.conftest import indexed_course

NOTES = {
    "volcanoes.md": """# Volcanoes of Iceland

The Eyjafjallajokull volcano in southern Iceland erupted in April 2010 after two centuries of quiet.
Air traffic over northern Europe stopped for six days. The ash cloud rose to a height of nine
kilometres. Farmers near the glacier moved their sheep away from the falling ash.
""",
    "glaciers.md": """# Glaciers

A glacier forms where more snow falls in winter than melts in summer. The weight of the snow
presses the lower layers into ice, which flows slowly downhill under its own weight.
""",
    "harbours.md": """# The harbour of Valdora

The harbour of Valdora was dredged by Dutch engineers in the eighteenth century. Its breakwater
shelters a fleet of fishing boats. The harbour master is elected by the fishermen's guild.
""",
    "tides.md": """# Tides

Tides are caused mainly by the pull of the Moon on the oceans. Spring tides come when the Sun and
the Moon line up; neap tides come when they pull at right angles.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("geology"), NOTES, real_embedder)


def test_a_sentence_may_leave_out_a_name_its_passage_gave_before_it(course):
    # "Air traffic ... stopped for six days" does not repeat "Eyjafjallajokull": the sentence before
    # it names the volcano, as notes do. It answers; before, it was taken for a sentence about
    # something else, and the answer was the sentence naming the eruption.
    answer = course.ask("How long did air traffic stop after the Eyjafjallajokull eruption?")
    assert not answer.abstained, answer.reason
    assert "six days" in answer.sentences[0], answer.sentences


def test_a_century_spelt_out_answers_when(course):
    assert has_kind("It was dredged in the eighteenth century.", DATE)
    assert has_kind("in the twenty-first century", DATE)
    assert not has_kind("The first engineers came from Holland.", DATE)
    answer = course.ask("When was the harbour of Valdora dredged?")
    assert not answer.abstained, answer.reason
    assert "eighteenth century" in answer.sentences[0], answer.sentences


@pytest.mark.parametrize("question, kind", [
    ("When the volcano erupted, who moved their sheep?", PERSON),
    ("When imperialism shapes social norms, what is it called?", EXPLANATION),
    ("When did the volcano erupt?", DATE),
])
def test_a_when_clause_that_sets_the_scene_does_not_ask_for_a_date(question, kind):
    assert expected_kind(question) == kind


def test_the_answer_may_come_from_any_passage_the_search_returned(course):
    # The search returns up to eight passages; the one answering is put last, below seven others.
    retriever = course.retriever()
    result = retriever.search("Who elects the harbour master of Valdora?", k=8)
    answering = [h for h in result.hits if "guild" in h.chunk.text]
    assert answering, [h.chunk.text for h in result.hits]
    others = [h for h in result.hits if h not in answering]
    padded = (others * 8)[:7]  # enough passages above it, whatever the search found
    moved = replace(result, hits=[*padded, *answering])
    answer = answer_question(moved, retriever.lexical, course.policy, course.sentence_vectors,
                             course.embedder.knows_word, lambda: retriever.vocabulary)
    assert not answer.abstained, answer.reason
    assert "guild" in answer.sentences[0], answer.sentences

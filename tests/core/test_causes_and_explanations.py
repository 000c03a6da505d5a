"""Issue 15.3 on notes other than the default one, with the real model: a why-question is answered
by the sentence giving the cause even when that sentence leaves the question's names to the event
before it ("Caesar was assassinated ... A group of senators feared that ..."), and "explain X"
leads with the sentence saying what X is or does even when it has no "is" ("Longshore drift moves
sand ..."), then goes on."""

from __future__ import annotations

import pytest

from tests.conftest import indexed_course

NOTES = {
    "rome.md": """# The end of the Republic

Julius Caesar crossed the Rubicon in 49 BC and won the civil war that followed. Caesar was assassinated
in the Senate on the Ides of March, 44 BC. A group of senators feared that a dictator for life would
make himself king and end the Republic. His heir Octavian later defeated Mark Antony at Actium and
became the first emperor.
""",
    "arctic.md": """# Polar expeditions

The Brun expedition left Tromso for Spitsbergen in June 1911 with twelve men and forty dogs. The Brun
expedition turned back at the Nordenskiold glacier in August 1911. Supplies had run short because a
storm sank the supply ship off Bear Island. The party reached Tromso again in October.
""",
    "coasts.md": """# Coastal processes

## Longshore drift

Longshore drift moves sand and shingle along a coastline. Waves approach the beach at an angle set by
the prevailing wind, while the backwash pulls material straight back down the slope. Over many tides
this zigzag carries sediment far along the shore. Councils build groynes to slow it down.

## Cliff erosion

Hydraulic action and abrasion wear away the foot of a cliff. The overhang above eventually collapses.
""",
    "plants.md": """# Plant biology

## Transpiration

Transpiration carries water from the roots to the leaves of a plant. Water evaporates from the
leaves through tiny pores called stomata, and more water is drawn up the xylem to replace it. On hot
days guard cells close the stomata to save water.

## Germination

A seed germinates when it has water, warmth and oxygen. The root emerges first.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("causes"), NOTES, real_embedder)


@pytest.mark.parametrize("question, cause", [
    ("Why was Caesar assassinated?", "feared that a dictator for life would make himself king"),
    ("Why did the Brun expedition turn back?", "because a storm sank the supply ship"),
])
def test_why_leads_with_the_cause_that_leaves_the_names_to_the_sentence_before(course, question, cause):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    assert cause in answer.sentences[0], answer.sentences


@pytest.mark.parametrize("question, definition, after", [
    ("explain longshore drift", "Longshore drift moves sand", "Waves approach the beach"),
    ("Describe transpiration", "Transpiration carries water", "Water evaporates from the leaves"),
])
def test_explain_leads_with_what_the_thing_does_and_goes_on(course, question, definition, after):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.sentences[0].startswith(definition), answer.sentences
    assert any(s.startswith(after) for s in answer.sentences[1:]), answer.sentences


def test_a_definition_with_is_still_leads_where_the_notes_give_one(default_service):
    # A sentence opening with the name goes on as a definition would, without outranking the one
    # saying what the thing is ("The Great Leap Forward failed primarily due to ..." led before).
    answer = default_service.ask("explain the great leap forward")
    assert answer.sentences[0].startswith("The GLF was"), answer.sentences


# A cause told without a cause word (issue 15.3's leftover): what had happened before the event,
# or a state that made it happen, in the sentence after it; and a story going on, which is none.
UNWORDED_CAUSES = {
    "mills.md": """# Textile mills of the Calder valley

## Ashworth Mill

Ashworth Mill opened on the River Calder in 1854 and spun cotton yarn for export. At its height it
employed four hundred hands. Ashworth Mill closed in 1921. Cheap yarn from the new mills of Bombay had
taken its export markets. The building was later converted into flats.

## Kessel Dam

Engineers planned the Kessel Dam to store water for the growing town of Hebden in 1908. The Kessel Dam
project was abandoned in 1911. Surveys had shown that the valley floor was too porous to hold a
reservoir. The land was sold to a local farmer.
""",
    "harbour.md": """# Harbour history

The Lyle ferry ran between Greenock and Dunoon from 1890. The Lyle ferry stopped running in 1936. Motor
buses on the new coast road were faster and cheaper. Its last master, Angus Reid, later kept the
harbour light.
""",
}


@pytest.fixture(scope="module")
def unworded(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("unworded"), UNWORDED_CAUSES, real_embedder)


@pytest.mark.parametrize("question, cause, not_shown", [
    ("Why did Ashworth Mill close?", "had taken its export markets", "converted into flats"),
    ("Why was the Kessel Dam project abandoned?", "Surveys had shown", "sold to a local farmer"),
    ("Why did the Lyle ferry stop running?", "were faster and cheaper", "harbour light"),
])
def test_why_shows_the_cause_given_without_a_cause_word(unworded, question, cause, not_shown):
    answer = unworded.ask(question)
    assert not answer.abstained, answer.reason
    assert cause in answer.sentences[0], answer.sentences
    assert not any(not_shown in s for s in answer.sentences), answer.sentences


@pytest.mark.parametrize("sentence, explains", [
    ("Cheap yarn from the new mills of Bombay had taken its export markets.", True),
    ("Its two classrooms could no longer hold the children of the new terraces.", True),
    ("Motor buses on the new coast road were faster and cheaper.", True),
    ("The valley floor was too porous to hold a reservoir.", True),
    # the story going on, a relative clause's pluperfect, "had" as "owned": no cause
    ("The building was later converted into flats.", False),
    ("The world price, which had peaked in 1974, fell by half.", False),
    ("Each imported the same amount of oil that it had consumed in 1972.", False),
    ("The mill had four hundred looms.", False),
])
def test_which_sentences_give_a_cause_without_a_cause_word(sentence, explains):
    from bot.core.question_kind import explains as gives

    assert gives(sentence) is explains

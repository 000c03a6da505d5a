"""Match questions (gen_concept): "Which of these was <what the notes say X was>?", with other things
the notes describe the same way as wrong options. Real spaCy on made-up notes."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_concept import ACTOR, DescriptionPool, descriptions_in, match_questions
from bot.core.quiz.gen_context import NameContexts
from bot.core.quiz.gen_lexicon import DEFINITION
from bot.core.quiz.generator import generate_items
from bot.core.quiz.items import MULTIPLE_CHOICE
from tests.quiz.parsed_notes import parsed_notes

# Made-up notes on networks: four networks the notes describe as networks, people with roles.
NOTES = """\
Telnora was the first public data network in the kingdom of Ardia.
Telnora carried traffic between the banks of Ardia from 1971 onwards.
Brevnet was an international data network headquartered in the port city of Ostra.
Brevnet linked the universities of Ardia and Veldt.
Kalnet was a regional data network operated by the Veldt postal service.
Kalnet served the farms of Veldt.
Marnet was a research network designed by Ilse Varga.
Marnet tested new protocols for the universities of Ardia.
Ilse Varga, the chief engineer of the Ardian Research Council, designed Marnet in 1972.
Ilse Varga later led the Ardian Research Council.
Tomas Brenn, the founder of the Ostra Telegraph Company, opposed public networks.
Tomas Brenn sold the Ostra Telegraph Company in 1975.
Karel Dusek, the postmaster general of Veldt, built Kalnet.
Karel Dusek retired in 1980.
Anna Holm, a minister of trade in Ardia, funded Telnora.
Anna Holm praised Telnora in 1973.
Jan Kowal, the mayor of Ostra, opposed Brevnet.
Jan Kowal welcomed Kalnet in 1976."""


def chunks() -> list[Chunk]:
    return [Chunk(make_chunk_id("nets.txt", ("Networks",), line, i), "nets.txt", ("Networks",), None, i, line)
            for i, line in enumerate(NOTES.splitlines())]


@pytest.fixture(scope="module")
def pool():
    docs, lexicon = parsed_notes(NOTES)
    return DescriptionPool(docs, lexicon, NameContexts(docs))


def test_a_copular_definition_and_an_apposition_are_descriptions(pool):
    described = {d.subject: d for d in pool.described}
    assert described["Telnora"].class_noun == "network"
    assert described["Telnora"].description == "the first public data network in the kingdom of Ardia"
    assert described["Telnora"].verb == "was" and described["Telnora"].tests == DEFINITION
    assert described["Tomas Brenn"].description == "the founder of the Ostra Telegraph Company"
    assert described["Tomas Brenn"].tests == ACTOR


def test_wrong_options_are_other_things_the_notes_describe_the_same_way(pool):
    line = NOTES.splitlines()[0]
    (question,) = match_questions(line, pool, line)
    assert question.prompt == ("According to the notes, which of these was the first public data network in the "
                               "kingdom of Ardia?")
    assert question.answer == "Telnora"
    assert set(question.options) == {"Telnora", "Brevnet", "Kalnet", "Marnet"}  # every one a network
    assert question.same_class == 3


def test_a_person_is_matched_among_people():
    line = NOTES.splitlines()[10]
    docs, lexicon = parsed_notes(NOTES)
    pool = DescriptionPool(docs, lexicon, NameContexts(docs))
    questions = match_questions(line, pool, line)
    (question,) = questions
    assert question.answer == "Tomas Brenn" and question.tests == ACTOR
    assert set(question.options) == {"Tomas Brenn", "Karel Dusek", "Anna Holm", "Jan Kowal"}


@pytest.mark.parametrize("sentence", [
    "Most draft laws are government bills introduced by ministers.",  # a quantifier, no one thing
    "It was the first network.",  # a pronoun subject
    "Telnora was the pride of its founders.",  # the description points back ("its")
    "Telnora was not a research network.",  # a negation describes nothing
    "Anna Holm, a minister of trade in Ardia, funded Telnora.",  # misparsed: the verb read into the phrase
])
def test_no_description_of_what_leans_on_context_or_negates(pool, sentence):
    assert descriptions_in(nlp.parse_line(sentence), pool.lexicon) == []


def test_the_generator_makes_match_questions_postable_and_sound():
    items = generate_items(chunks(), learned_cutoff=False)
    matches = [i for i in items if i.prompt.startswith("According to the notes, which of these")
               and "NOT" not in i.prompt and "happened first" not in i.prompt]
    assert matches, [i.prompt for i in items]
    for item in matches:
        assert item.kind == MULTIPLE_CHOICE and len(item.options) == 4 and item.answer in item.options
        assert item.answer in item.source.quote  # the answer is the thing the quoted sentence describes
        assert len({o.lower() for o in item.options}) == 4

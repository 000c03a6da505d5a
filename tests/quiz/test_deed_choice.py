"""What a named actor did, asked with other actors' deeds as options (gen_deeds). Real spaCy on made-up
sentences of no course of the pool."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_deeds import EVENT, DeedPool, deed_of
from bot.core.quiz.gen_text import Sentence
from bot.core.quiz.generator import _Generator


def parse(text: str):
    return nlp.parse_lines([text])[0]


PEOPLE = {"Harold Quist": "person", "Quist": "person", "Marta Oberg": "person", "Oberg": "person",
          "Ivo Salter": "person", "Salter": "person", "Lena Brandt": "person", "Brandt": "person",
          "Tobias Wren": "person", "Wren": "person"}
kind_of = PEOPLE.get


@pytest.mark.parametrize("sentence, actor, deed, when, opener", [
    ("Harold Quist founded a weavers' guild in the river town of Dunmere.",
     "Harold Quist", "Founded a weavers' guild in the river town of Dunmere", "", ""),
    ("In 1612, Marta Oberg closed the salt roads to foreign carts.",
     "Marta Oberg", "Closed the salt roads to foreign carts", "", "In 1612"),
    # a date in the deed goes into the question: the options do not differ by dates
    ("Ivo Salter rebuilt the stone bridge over the Kell in 1630.",
     "Ivo Salter", "Rebuilt the stone bridge over the Kell", "in 1630", ""),
    # a participle clause after a comma is a side fact, not the deed
    ("Lena Brandt signed the harbour charter with the merchants of Ostry, ending the long toll dispute.",
     "Lena Brandt", "Signed the harbour charter with the merchants of Ostry", "", ""),
])
def test_the_deed_of_a_named_actor(sentence, actor, deed, when, opener):
    found = deed_of(parse(sentence), kind_of)
    assert found is not None
    assert (found.actor, found.deed, found.when, found.opener) == (actor, deed, when, opener)


@pytest.mark.parametrize("sentence", [
    "Harold Quist was the first mayor of Dunmere.",  # being, not a deed
    "Marta Oberg said that the salt roads should close.",  # saying: the claim is the fact
    "Ivo Salter had rebuilt the stone bridge over the Kell.",  # not the simple past
    "Lena Brandt did not sign the harbour charter with the merchants.",  # a negation
    "Harold Quist and Marta Oberg founded a weavers' guild in Dunmere.",  # two actors
    "Ivo Salter also rebuilt the stone bridge over the Kell.",  # "also": one more of something told before
    "Lena Brandt rebuilt it after the great flood of the valley.",  # "it": what, only the sentence before says
    "Tobias Wren took bold action against his inertia.",  # whose inertia?
    "Faced with this threat, Ivo Salter closed the salt roads to foreign carts.",  # which threat?
    "The young weavers founded a guild in the river town of Dunmere.",  # no named actor
    "Because the tolls rose, Marta Oberg closed the salt roads to foreign carts.",  # a cause: the why-card's
])
def test_no_deed_where_the_sentence_does_not_tell_one_on_its_own(sentence):
    assert deed_of(parse(sentence), kind_of) is None


STORY = [
    "Harold Quist founded a weavers' guild in the river town of Dunmere.",
    "Marta Oberg closed the salt roads to foreign carts.",
    "Ivo Salter rebuilt the stone bridge over the Kell.",
    "Lena Brandt signed the harbour charter with the merchants of Ostry.",
    "Tobias Wren mapped the northern marshes for the survey office.",
    "Quist later sold his looms to a dyer of Dunmere.",
]


def _pool(sentences=STORY):
    deeds = [d for d in (deed_of(doc, kind_of) for doc in nlp.parse_lines(sentences)) if d is not None]
    return deeds, DeedPool(deeds, sentences)


def test_the_options_are_deeds_of_other_actors_of_its_kind():
    deeds, pool = _pool()
    asked = next(d for d in deeds if d.actor == "Ivo Salter")
    question = pool.question(asked, ("Salter",))
    assert question is not None and question.tests == EVENT
    assert question.prompt == "What did Ivo Salter do?"
    assert question.answer == "Rebuilt the stone bridge over the Kell"
    assert len(question.options) == 4 and question.answer in question.options
    others = {d.deed for d in deeds if d.actor != "Ivo Salter"}
    assert set(question.options) - {question.answer} <= others


def test_no_option_the_notes_may_tell_of_the_actor_asked_about():
    # Dunmere is named in Quist's own sentences: "founded a guild in Dunmere" is not offered for him,
    # and a deed told of someone in a sentence that names him is not offered either.
    sentences = [*STORY, "Marta Oberg founded a school in Dunmere.", "Quist and Wren quarrelled over Dunmere."]
    deeds, pool = _pool(sentences)
    asked = next(d for d in deeds if d.actor == "Tobias Wren")
    question = pool.question(asked, ("Wren",))
    assert question is None or all("Dunmere" not in o for o in question.options)


def test_no_question_without_three_deeds_of_others():
    deeds, pool = _pool(STORY[:3])
    assert pool.question(deeds[0], ("Quist",)) is None



TOWNS = {"Kellburg": "place", "New Kellburg": "place", "Dunmere": "place", "Halden": "place", "Estmark": "place"}


@pytest.mark.parametrize("sentence", [
    "Halden followed suit with a toll on the river road.",  # "followed suit": whose example, only the text before says
    "Dunmere pressed for action to improve its respective claims.",  # "respective": beside another's claims
])
def test_no_deed_that_is_one_only_beside_another(sentence):
    assert deed_of(parse(sentence), TOWNS.get) is None


def test_a_town_is_asked_by_its_own_name_not_a_longer_one_ending_in_it():
    # A full name the notes give is shown for a person ("Kublai" -> "Kublai Khan"); "Kellburg" ending
    # "New Kellburg" is another town, so "What did New Kellburg do?" would ask about the wrong one.
    sentences = ["Kellburg sent grain to the northern garrisons.", "Dunmere raised a new toll on the river road.",
                 "Halden closed its harbour to foreign grain ships.", "Estmark built a stone wall around its market."]
    deeds = [d for d in (deed_of(doc, TOWNS.get) for doc in nlp.parse_lines(sentences)) if d is not None]
    assert [d.kind for d in deeds] == ["collective"] * 4
    question = DeedPool(deeds, sentences).question(deeds[0], ("New Kellburg",), shown="New Kellburg")
    assert question is not None and question.prompt == "What did Kellburg do?"
    deeds, pool = _pool()
    salter = next(d for d in deeds if d.actor == "Ivo Salter")
    question = pool.question(salter, ("Salter",), shown="Ivo Salter the Elder")
    assert question is not None and question.prompt == "What did Ivo Salter the Elder do?"


@pytest.mark.parametrize("sentence", [
    "Harold Quist died in the great flood of the valley.",  # a death befell him: not a deed to ask about
    "Marta Oberg passed away after a long illness.",
])
def test_a_death_is_not_a_deed(sentence):
    assert deed_of(parse(sentence), kind_of) is None


KHANS = [
    "Temur Khan united the river clans of the northern steppe.",
    "Ogul Khan promoted trade along the caravan roads.",
    "Ogul Khan ruled the steppe for thirty years.",
    "Ogul led the siege of the Serat capital at Velm.",
    "Sarna Dey rebuilt the temple of the river goddess at Orun.",
    "Vessa Lor mapped the salt lakes of the western desert.",
    "Bator Khan commenced a long campaign against the Serat kingdom.",
    "Emperor Ogul Khan invited the scholar Pell Dara to the court at Karsh.",
    "Pell Dara wrote a chronicle of the river clans for the emperor.",
    "The tomb of Emperor Ogul Khan stands on a hill above the river.",
    # Pell Dara's chronicle is asked as an item of its own, so it is no wrong option here: another
    # actor's deed keeps three.
    "Idris Mol dug the first canal across the eastern plain.",
]


def test_a_titled_actor_is_known_by_the_names_inside_its_title():
    # "Emperor Ogul Khan" is Ogul Khan, whom the notes also call "Ogul": the siege of the Serat capital
    # is his, so "commenced a campaign against the Serat kingdom" (Bator's) is not offered for him.
    # "Khan" ends every khan's name and is not taken as his.
    g = _Generator([Chunk(make_chunk_id("khans.txt", ("Khans",), line, i), "khans.txt", ("Khans",), None, i, line)
                    for i, line in enumerate(KHANS)])
    within = g._names_within("Emperor Ogul Khan")
    assert "Ogul Khan" in within and "Khan" not in within
    text = KHANS[7]
    s = Sentence(text, Chunk(make_chunk_id("khans.txt", ("Khans",), text, 7), "khans.txt", ("Khans",), None, 7, text),
                 0, False)
    item = g._deed_item(s, g.docs[text])
    assert item is not None and item.prompt == "What did Emperor Ogul Khan do?"
    assert not any("Serat" in o for o in item.options)


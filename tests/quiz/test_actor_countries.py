"""Countries as the actors of deeds (gen_actors): a country the notes make the subject of what happened
is asked among other countries that act in the notes; never a name also written after a title (a duke,
a lord: session 10's "Newcastle" and "Loudoun"), never a town, never the same polity by another name."""

from __future__ import annotations

import dataclasses

from bot.core.quiz.gen_actors import _acting_places, _one_stem, actor_choice
from bot.core.quiz.gen_places import written_as_town
from bot.core.quiz.generator import _Generator
from tests.quiz.test_actor_choice import _notes

TITLE = "The Salt Convention"
SALT = [
    "The Salt Convention of 1890 fixed the duties on sea salt traded across the North Sea.",
    "Portugal proposed the convention after a long dispute over the salt pans of Setubal.",
    "In 1888, Portugal sent a delegation to London to open talks on the duties.",
    "Denmark refused the first draft because it taxed salted herring from the Faroe Islands.",
    "Denmark signed the convention in 1891 after the herring duty was halved.",
    "Norway demanded a separate quota for the fisheries of the Lofoten Islands.",
    "Norway withdrew from the talks in 1889 and rejoined them a year later.",
    "Chile sold nitrate to Portugal in exchange for salt from the Setubal pans.",
    "Chile opened a consulate in Lisbon to manage the nitrate trade.",
    "Sweden bought most of its salt from Portugal before the convention.",
    "Sweden joined the convention in 1895 on the same terms as Denmark.",
    "Salt from Denmark, from Norway and from Chile filled the warehouses of London.",
    "Ships sailed to Sweden and to Chile with salt from the Setubal pans.",
]
COUNTRIES = {"Portugal", "Denmark", "Norway", "Chile", "Sweden"}


def _generator(lines: list[str]) -> _Generator:
    return _Generator(_notes(lines, name="salt.txt", title=TITLE))


def _country_items(g: _Generator, levels=None) -> dict[str, object]:
    common = g.lexicon.lowercase_words.__contains__
    found = (actor_choice(doc, g.descriptions, text, full_names=g.full_names, met_often=g._met_often,
                          is_term=g._is_term, common=common, title=TITLE, people=g.people,
                          levels=g.place_levels if levels is None else levels)
             for text, doc in g.docs.items())
    return {q.prompt: q for q in found if q}


def test_a_country_s_deed_is_asked_among_other_countries_that_act():
    items = _country_items(_generator(SALT))
    item = items["Which of these opened a consulate in Lisbon to manage the nitrate trade?"]
    assert item.answer == "Chile" and len(item.options) == 4
    assert set(item.options) <= COUNTRIES
    assert items["In 1888, which of these sent a delegation to London to open talks on the duties?"].answer == "Portugal"


def test_no_country_is_asked_without_the_notes_places_read():
    g = _generator(SALT)
    common = g.lexicon.lowercase_words.__contains__
    asked = [actor_choice(doc, g.descriptions, text, full_names=g.full_names, met_often=g._met_often,
                          is_term=g._is_term, common=common, title=TITLE, people=g.people)
             for text, doc in g.docs.items()]
    assert not any(asked)


def test_a_name_after_a_title_or_written_as_a_town_is_never_offered():
    g = _generator(SALT)
    titled = dataclasses.replace(g.place_levels, titled={"Sweden"})  # as "the Duke of Sweden" would make it
    assert "Sweden" in _acting_places(g.descriptions, "Chile", g.place_levels)
    assert "Sweden" not in _acting_places(g.descriptions, "Chile", titled)
    assert all("Sweden" not in item.options for item in _country_items(g, titled).values())
    town = _generator([*SALT, "Traders from the port of Sweden carried the salt north."])
    assert "Sweden" not in _acting_places(town.descriptions, "Chile", town.place_levels)
    assert written_as_town("the port of Sweden", "Sweden") and not written_as_town("ships to Sweden", "Sweden")


def test_a_place_met_only_where_things_happen_is_no_option():
    # Chile acts twice but is never written after a preposition of place ("to", "from", "in"): the
    # small model's place may be a lord or a duke acting (session 10), so it is not offered.
    lines = [line for line in SALT if not line.startswith(("Salt from", "Ships sailed"))]
    g = _generator(lines)
    assert g.descriptions.acting["Chile"] >= 2
    assert "Chile" not in _acting_places(g.descriptions, "Denmark", g.place_levels)


def test_a_deed_done_as_one_of_several_is_not_asked():
    # "as a participant in the Herring War": the war's other participants are right answers too.
    line = "Norway blockaded the Lofoten Islands as a participant in the Herring War of 1886."
    items = _country_items(_generator([*SALT, line]))
    assert not any("Herring War" in prompt for prompt in items)
    assert any(item.answer == "Norway" for item in items.values())


def test_the_same_polity_by_another_name_is_no_wrong_option():
    assert _one_stem("British Empire", "Britain") and _one_stem("German Empire", "Germany")
    assert not _one_stem("Norway", "Denmark") and not _one_stem("Chile", "China")

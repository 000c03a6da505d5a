"""Who did what, asked with options: every wrong option is a person the notes place near the deed's
time (round 11: "Sadat, Saddam Hussein, bin Laden" offered as founders of a party in 1941; Genghis
Khan offered for a deed of 1260). Made-up notes on a river over a century and a half."""

from __future__ import annotations

from bot.core.quiz.gen_periods import PersonPeriods, fits_period
from tests.quiz.test_actor_choice import _actor_items
from tests.quiz.parsed_notes import parsed_notes

RIVER = [
    "Richard Arden built the first fulling mill on the Lune in 1702.",
    "Richard Arden sold the mill to the weavers' guild in 1731.",
    "Thomas Hale founded the Riverton Canal company in 1818.",
    "Thomas Hale designed the staircase of locks at Garstang in 1822.",
    "Henry Walsh surveyed the route across the marshes in 1816.",
    "Henry Walsh resigned from the company after the embankment collapsed in 1824.",
    "Henry Walsh quarrelled with the contractors over the drainage of Pilling Moss.",
    "Edward Price built the aqueduct over the Lune in 1821.",
    "Edward Price supplied the navvies for the western section in 1820.",
    "Margaret Cole raised the money for the eastern extension in 1827.",
    "Margaret Cole bought the toll house at Carnforth in 1830.",
    "George Finch closed the canal to traffic in 1889.",
    "George Finch sold the towpath to the railway company in 1891.",
]


def _prompts(lines):
    return {i.prompt: i for i in _actor_items(lines, name="river.txt", title="The Lune valley")}


def test_wrong_options_are_people_of_the_deeds_time():
    items = _prompts(RIVER)
    item = items.get("Who built the aqueduct over the Lune in 1821?")
    assert item is not None and item.answer == "Edward Price"
    # The mill owner of 1702 and the man who closed the canal in 1889 could not have built it in 1821.
    assert set(item.options) == {"Thomas Hale", "Henry Walsh", "Edward Price", "Margaret Cole"}
    # A deed with no year of its own is placed by when the notes place its doer (1816-1824).
    item = items.get("Who quarrelled with the contractors over the drainage of Pilling Moss?")
    assert item is not None and "Richard Arden" not in item.options and "George Finch" not in item.options


def test_no_item_when_too_few_people_of_the_time():
    """The mill owner's deed: nobody else the notes place in the 1700s, so no options of his time."""
    items = _prompts(RIVER)
    assert not any("fulling mill" in p for p in items)


def test_a_sentence_about_someone_else_places_nobody_else():
    docs, _ = parsed_notes("\n".join([
        "Anna Berg founded the school in 1890.",
        "In 1950, Karl Moss renamed the hall after Anna Berg.",
        "Karl Moss led the school from 1946 to 1961.",
    ]))
    periods = PersonPeriods(docs)
    assert periods.of(["Anna Berg"]) == {1890}  # not 1950: that deed is Karl Moss's
    assert periods.of(["Karl Moss"]) == {1946, 1950, 1961}


def test_fitting_a_period():
    assert fits_period({1930, 1934}, {1941, 1972}, set())  # active a few years before the deed
    assert not fits_period({1975, 1981}, {1941, 1972}, set())  # the deed's first year is what counts
    assert not fits_period(set(), {1941}, set())  # placed nowhere: fits no stated time
    assert fits_period({1251}, set(), {1260, 1294})  # no year in the stem: near the answer's years
    assert not fits_period({1206}, set(), {1260, 1294})
    assert fits_period(set(), set(), set())  # no time anywhere: nothing to fit


def test_a_person_blank_or_swap_offers_no_one_of_another_time(monkeypatch):
    """The same rule for a person blanked in a sentence ("The engineer _____ built the first fulling
    mill on the Lune in 1702") and for the person swapped into a true/false statement."""
    from bot.core.quiz.generator import _Generator, generate_items
    from tests.quiz.test_actor_choice import _notes

    lines = [f"The engineer {line}" if line.split()[0] in {"Thomas", "Henry", "Edward", "Richard", "George"} else line
             for line in RIVER]
    chunks = _notes(lines, name="river.txt", title="The Lune valley")

    def people_items():
        return [i for i in generate_items(chunks, learned_cutoff=False) if i.tests == "person"]

    early, late = {"Richard Arden"}, {"Thomas Hale", "Henry Walsh", "Edward Price", "Margaret Cole"}
    for item in people_items():
        named = {o for o in item.options if o not in ("True", "False")} | {item.answer}
        assert not (named & early and named & late), item.prompt
    monkeypatch.setattr(_Generator, "_of_the_time", lambda self, person, answer, stem: True)
    assert any({o for o in i.options} & early and {o for o in i.options} & late for i in people_items())

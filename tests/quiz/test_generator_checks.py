"""The generator's checks one by one, on made-up sentences: a sentence that leans on what came before,
a stem that gives its answer away, dated events, and names the notes list side by side."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_lexicon import NotesLexicon
from bot.core.quiz.gen_sequence import Event, event_of, sequences
from bot.core.quiz.gen_standalone import full_names_of, gives_away, leans_on_context

FULL_NAMES = full_names_of(["Thomas Telford", "Peng Dehuai", "Scottish Constitutional Convention"])


@pytest.mark.parametrize("sentence", [
    "He completed the northern canal across the plain after long delays.",  # a pronoun, nobody before it
    "The expedition covered about three thousand miles between June and November.",  # which expedition?
    "The new building was opened to the public by the mayor of the city.",  # new as of when?
    "Publishing its blueprint for devolution, the Convention shaped the structure of the Parliament.",
    "Peng was denounced as a right opportunist by the party leaders at the conference.",  # part of a full name
    "Others migrated to the islands of the south and founded new towns there.",
    "The canal company subsequently built a long aqueduct across the valley of the river.",
    "Over dinner, the envoy presented the letter from the governor to the commander.",
    "A few other Yuan emperors actively sponsored painting, poetry and the compilation of books.",  # other than whom?
    "Orders for the deportation were given by the governor without direction from London.",  # which deportation?
    "The armed struggle was then taken up by a radical organisation of young officers in Cairo.",  # after what?
])
def test_sentences_that_lean_on_what_came_before(sentence):
    assert leans_on_context(nlp.parse_line(sentence), FULL_NAMES)


@pytest.mark.parametrize("sentence", [
    "Thomas Telford completed the northern canal across the plain after long delays.",
    "The railway between the two largest cities opened to passengers after long delays.",
    "Many peasants cooperated willingly, hoping for protection from economic uncertainty.",
    "After the founding of the republic in 1949, the Communist leadership turned to the Soviet Union for guidance.",
    "The emperors of the dynasty married into other Mongol clans to keep the imperial blood pure.",  # "other" as a kind
    "The merchants traded with each other across the river and paid tolls at the bridge.",
    "Brooklyn, then known as Boschwick, was settled by refugees from France in 1624.",  # "then" of a name
])
def test_sentences_that_stand_alone(sentence):
    assert leans_on_context(nlp.parse_line(sentence), FULL_NAMES) == ""


@pytest.mark.parametrize("sentence", [
    "Historically, canal companies had only allowed their own boats to use their locks.",  # a viewpoint
    "In principle, a merchant was entitled to plead that a royal charter conflicted with burgh law.",
    "In the late 18th century, the canal company built a long aqueduct across the valley.",  # a time of its own
])
def test_an_opening_phrase_that_places_the_sentence_by_itself(sentence):
    assert leans_on_context(nlp.parse_line(sentence), FULL_NAMES) == ""


@pytest.mark.parametrize("sentence", [
    "Conversely, the canal company refused to carry coal for the mine owners of the valley.",
    "In the spring, the canal company built a long aqueduct across the valley.",  # which spring?
    "Disappointed, the envoy returned to the capital with the letter from the governor.",  # after what?
])
def test_an_opening_phrase_that_places_the_sentence_only_after_another(sentence):
    assert leans_on_context(nlp.parse_line(sentence), FULL_NAMES)


def test_a_short_form_the_notes_use_as_a_name_of_its_own_stands_alone():
    sentence = nlp.parse_line("The Convention published its blueprint for devolution after long debate.")
    assert leans_on_context(sentence, FULL_NAMES)  # which convention?
    # ...unless the notes call it "the Convention" so often that it needs no introduction.
    assert leans_on_context(sentence, FULL_NAMES, short_form=lambda word: word == "Convention") == ""
    person = nlp.parse_line("Peng was denounced as a right opportunist by the party leaders at the conference.")
    assert leans_on_context(person, FULL_NAMES, short_form=lambda word: word == "Peng") == ""


def test_a_stem_that_repeats_the_answer_or_spells_its_initials_gives_it_away():
    assert gives_away("The _____ (CSNET) was a computer network funded by the foundation.",
                      "Computer Science Network", ["Bell System", "RAND Corporation"])
    assert gives_away("The _____ was a French research network designed by Louis Pouzin.",
                      "CYCLADES network", ["Frame relay", "sequence number"])
    # A word every option shares tells nothing: "cycle" is in all of them.
    assert not gives_away("The _____ is the thermodynamic cycle of the steam engine.",
                          "Rankine cycle", ["Carnot cycle", "Otto cycle"])


def test_an_event_is_a_sentence_dated_by_one_year_that_comes_out_cleanly():
    assert event_of("In 1825 George Stephenson built the Locomotion for the railway.") == (
        "George Stephenson built the Locomotion for the railway", 1825)
    assert event_of("When the emperor died in Shangdu in 1328, his son was recalled to the capital.") == (
        "When the emperor died in Shangdu, his son was recalled to the capital", 1328)
    assert event_of("By 1883, engines that could provide 10,000 hp had become feasible.") is None  # a bound
    # What someone learned or said is the event: never cut inside it ("... when he learned that his brother").
    assert event_of("The regent returned from fighting in the south in 1260 when he learned that his brother, "
                    "the prince, was challenging his claim to the throne.") is None


def test_sequences_take_four_neighbouring_events_years_apart():
    events = [Event(f"event {n}", year, f"quote {n}", n) for n, year in enumerate([1800, 1801, 1805, 1810, 1815])]
    [group] = sequences(events)
    assert [e.year for e in group] == [1800, 1805, 1810, 1815]  # 1801 is too close to 1800 to tell apart


def test_two_sequences_never_have_the_same_year_first():
    # Two tellings of one dated fact ("obtained the first patent in 1606", "received patents in 1606")
    # would be the answer of two items.
    years = [1606, 1712, 1769, 1804, 1606, 1830, 1850, 1870, 1900]
    events = [Event(f"event {n}", year, f"quote {n}", n) for n, year in enumerate(years)]
    firsts = [min(e.year for e in group) for group in sequences(events)]
    assert firsts and len(firsts) == len(set(firsts))


def test_names_written_as_a_list_are_kin_and_a_city_with_its_country_is_not():
    lexicon = NotesLexicon("")
    for line in ["The treaty was signed by France, Italy and Belgium in the spring.",
                 "Delegates from Belgium and the Netherlands met again in the autumn.",
                 "The brotherhood was founded in Ismailiyah, Egypt by a schoolteacher."]:
        lexicon.add_doc(nlp.parse_line(line))
    assert {"Italy", "Belgium"} <= lexicon.kin("France")
    assert "Netherlands" in lexicon.kin("France")  # two steps: France - Belgium - the Netherlands
    assert "Egypt" not in lexicon.kin("Ismailiyah") and "Ismailiyah" not in lexicon.kin("Egypt")


def test_a_long_event_loses_its_detail_but_never_its_main_clause():
    assert event_of("In 1698 Thomas Savery patented a steam pump that used steam in direct contact with "
                    "the water being pumped.") == ("Thomas Savery patented a steam pump", 1698)
    assert event_of("In 1354, when Toghtogha led a large army to crush the rebels near the great river "
                    "and the canal, the emperor suddenly dismissed him for fear of betrayal.") is None
    assert event_of("Founded as a broad coalition in 1989 it was led by a preacher of the capital.") is None


def test_an_additive_also_is_left_out_of_what_a_student_reads():
    from bot.core.quiz.gen_text import readable_text
    assert readable_text("The canal company also built a long aqueduct.") == "The canal company built a long aqueduct."
    assert readable_text("The boats were not only slow but also costly.") == "The boats were not only slow but also costly."

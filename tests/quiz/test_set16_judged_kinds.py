"""Set 16's and rounds 27-28's judged kinds, fixed by form: a stem whose "the <noun>" is told only by a
relative clause set off by commas (which government? the clause adds to one known before), a past deed
of a bare plural or a passive with nobody named, asked with no setting (to what? when?), a numbered
heading of a textbook's stage ("Step two: <topic>") read as a clause of rules, and a "Who was X?" made
of a sentence that names X by a part of the name the notes give in full (a later side fact, not who X
was), and a "which of these" keyed to what the notes are about when their headings are flat (no title). Real spaCy on made-up notes of no course of the pool (a harbour town, a mill, digestion)."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_clauses import clause_card
from bot.core.quiz.gen_concept_causes import lacks_setting
from bot.core.quiz.gen_standalone import leans_on_context
from bot.core.documents import Chunk, make_chunk_id
from bot.core.quiz.gen_questions import identity_question
from bot.core.quiz.gen_text import Sentence
from bot.core.quiz.generator import DEFINITION, _Generator


# --- kind 1: a stem without its referent ------------------------------------------------------------------

def test_a_definite_subject_told_only_by_a_clause_set_off_by_commas_leans_on_the_notes():
    doc = nlp.parse_line("The council, which had the sole right to levy tolls, borrowed money for repairs.")
    assert leans_on_context(doc, {})


def test_a_definite_subject_with_a_clause_that_picks_it_out_stands_alone():
    doc = nlp.parse_line("The council that had the sole right to levy tolls borrowed money for repairs.")
    assert not leans_on_context(doc, {})


def test_a_past_deed_of_a_bare_plural_is_asked_nowhere_and_at_no_time():
    doc = nlp.parse_line("Councils had no effective answer, because no one knew where the floods came from.")
    assert lacks_setting(doc, "Why did councils have no effective answer?")


def test_a_general_truth_of_a_bare_plural_or_a_past_deed_of_named_ones_keeps_its_card():
    present = nlp.parse_line("Enzymes speed up reactions because they lower the energy a reaction needs.")
    assert not lacks_setting(present, "Why do enzymes speed up reactions?")
    named = nlp.parse_line("The councils of Ashby had no effective answer, because no one knew the cause.")
    assert not lacks_setting(named, "Why did the councils of Ashby have no effective answer?")


MILLS = ["The mill owners of Ashby cut wages in 1871.",
         "Striking weavers were often labelled as “agitators” or accused of disloyalty.",
         "The strike of the Ashby weavers ended in 1872."]


def test_what_a_passive_with_nobody_named_labels_is_not_asked():
    chunks = [Chunk(make_chunk_id("ashby.txt", ("Ashby Mills",), line, i), "ashby.txt", ("Ashby Mills",), None, i, line)
              for i, line in enumerate(MILLS)]
    g = _Generator(chunks)
    items = g._sentence_items(Sentence(MILLS[1], chunks[1], 0, False), g.docs[MILLS[1]])
    assert not any(i is not None and "labelled as" in i.prompt for i in items)


# --- kind 2: a stage of a textbook's account read as a clause ---------------------------------------------

def test_a_labelled_stage_heading_is_no_clause():
    doc = nlp.parse_line("With many litres a day passing through the gut, most of the water must be taken back.")
    card = clause_card(("The Digestive Tract", "4. Stage three: absorption in the colon"),
                       ["With many litres a day passing through the gut, most of the water must be taken back."],
                       doc, title="The Digestive Tract")
    assert card is None


def test_a_numbered_clause_of_rules_is_still_asked():
    sentence = "A vessel must be moored at a licensed berth and must show a light at night."
    card = clause_card(("The Harbour Rules of Port Ellis", "3. Mooring of Vessels"), [sentence],
                       nlp.parse_line(sentence), title="The Harbour Rules of Port Ellis")
    assert card is not None and "Mooring of Vessels" in card.prompt


# --- kind 4: "Who was X?" keyed to a side fact ------------------------------------------------------------

TOWN = [
    "The harbour of Port Ellis was dredged in 1890.",
    "One figure in the growth of the town was a surveyor named Edith Crane.",
    "Crane was the secretary of the Harbour Society in 1902.",
    "Three years later, Edith Crane charted the sandbanks of the estuary.",
    "As a result of her charts, Edith Crane would come to be known as the pilot of the estuary.",
    "Edith Crane published the charts of the estuary in 1904.",
    "The railway reached Port Ellis in 1912.",
]


def _who_was(notes_text: str):
    """The "Who was Edith Crane?" card of the third line as the generator asks it: written in full
    ("Crane" -> "Edith Crane"), the notes' own words kept as `notes_text`."""
    chunks = [Chunk(make_chunk_id("town.txt", ("Port Ellis",), line, i), "town.txt", ("Port Ellis",), None, i, line)
              for i, line in enumerate(TOWN)]
    g = _Generator(chunks)
    text = "Edith Crane was the secretary of the Harbour Society in 1902."
    s = Sentence(text, chunks[2], 0, False, quote=TOWN[2], notes_text=notes_text)
    doc = nlp.parse_line(text)
    return g._question_card(s, identity_question(doc), DEFINITION, doc=doc)


def test_who_was_is_not_keyed_to_a_sentence_naming_the_person_by_a_part_of_the_name():
    assert _who_was(TOWN[2]) is None


def test_who_was_of_a_sentence_giving_the_full_name_is_still_asked():
    card = _who_was("")
    assert card is not None and card.prompt == "Who was Edith Crane?"


# --- kind 3: an option given away by the course's own name -------------------------------------------------

EROSION = [
    (("Erosion: Agents, Rates and Control",), "Erosion is the wearing away of soil and rock by water, wind and ice."),
    (("1. Agents of erosion",), "Rainfall loosens soil on bare slopes. Wind carries dry soil across open plains."),
    (("Sources",), "Soil survey reports of the county, 1935 and 1950."),
]


def test_the_subject_of_the_heading_a_flat_document_opens_with_is_what_the_notes_are_about():
    # A PDF's headings are flat: no heading holds every chunk, so the notes have no title (`_is_title`), but
    # "Which of these took off in the 1930s?" keyed "Erosion" among "Rainfall" and "Wind" is given away all
    # the same (set 16: "Inflation" among "Hiring" and "Spending").
    chunks = [Chunk(make_chunk_id("erosion.pdf", path, text, i), "erosion.pdf", path, None, i, text)
              for i, (path, text) in enumerate(EROSION)]
    g = _Generator(chunks)
    assert not g._is_title("Erosion", chunks[1])
    assert g._opens_with("Erosion", chunks[1]) and g._opens_with("erosion", chunks[2])
    assert not g._opens_with("Rainfall", chunks[1]) and not g._opens_with("Control", chunks[1])

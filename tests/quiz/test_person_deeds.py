"""Session 23 (quizhist, issue 8: volume on narrative history): a person's deed asked as a who-did-what
card over the cut-off ("Who spearheaded the effort to create ...?"), also when the sentence puts a time
before its subject ("In 1262, who instigated a revolt against Mongol rule?") or gives the person's part
in the passive ("Who was elected president of ...?"). gen_questions.who_question(fronted=True),
generator._Generator._person_deed. Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz import generator as generator_module
from bot.core.quiz.gen_questions import who_question
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import chunks_of


def _doc(sentence: str):
    return nlp.parse_lines([sentence])[0]


def test_a_time_before_a_persons_deed_is_kept_in_front_of_the_question():
    doc = _doc("In July 1877, General Thomas Harlow overthrew Governor Edward Hale's regime in Calvary.")
    question = who_question(doc, fronted=True)
    assert question is not None
    assert question.prompt == "In July 1877, who overthrew Governor Edward Hale's regime in Calvary?"
    assert question.answer == "General Thomas Harlow"
    assert who_question(doc) is None  # the reader shared with gen_actors is unchanged
    doc = _doc("On August 15, 1871, Thomas Harlow pulled Calvary out of the Northern Accord.")
    assert who_question(doc, fronted=True).prompt == "On August 15, 1871, who pulled Calvary out of the Northern Accord?"


def test_no_deed_is_asked_after_a_clause_a_comparison_a_by_date_or_with_a_body_as_answer():
    for sentence in ("While studying law in Vessen, Thomas Harlow became a member of the Northern League.",
                     "Like Edward Hale, Thomas Harlow believed in the rule of the guilds over Calvary.",
                     "By July 1877, Thomas Harlow had negotiated a withdrawal of the Vessen troops.",
                     "In 1879, the Northern League deployed its army into the province of Calvary."):
        assert who_question(_doc(sentence), fronted=True) is None, sentence


def test_a_persons_part_given_in_the_passive_is_asked_only_of_a_person():
    question = who_question(_doc("Thomas Harlow was elected president of the Northern League in 1880."), fronted=True)
    assert question is not None
    assert question.prompt == "Who was elected president of the Northern League in 1880?"
    assert question.answer == "Thomas Harlow"
    assert who_question(_doc("The Northern League was established in Calvary in 1880 by the guilds."),
                        fronted=True) is None


NOTES = [
    "Thomas Harlow was a merchant of Calvary who led the guilds against the crown for twenty years.",
    "In 1862, Thomas Harlow founded the Northern League in the port of Calvary. The league soon held every "
    "harbour of the coast.",
    "Edward Hale governed Calvary for the crown until 1870. Edward Hale raised the harbour tolls twice.",
    "Thomas Harlow died in the winter of 1881. Edward Hale outlived him by a decade.",
    "Thomas Harlow negotiated the Treaty of Vessen with the crown in 1874. The treaty ended the tolls.",
    "Edward Hale signed the Treaty of Vessen for the crown. Thomas Harlow refused to meet Edward Hale again "
    "after the signing.",
]


def test_the_generator_asks_a_persons_deed_and_not_a_life_event(monkeypatch):
    prompts = [i.prompt for i in generate_items(chunks_of(NOTES, "The Northern League"))]
    deeds = [p for p in prompts if p.startswith("Who ") or ", who " in p]
    assert any("founded the Northern League" in p or "negotiated the Treaty of Vessen" in p for p in deeds), prompts
    assert not any("died" in p for p in deeds)
    # Without the rule the card stays under the cut-off (ACTOR_CARD_QUALITY), as before.
    monkeypatch.setattr(generator_module._Generator, "_person_deed", lambda self, question, doc: False)
    prompts = [i.prompt for i in generate_items(chunks_of(NOTES, "The Northern League"))]
    assert not any(p.startswith(("Who ", "In 1862, who")) and ("founded" in p or "negotiated" in p) for p in prompts)


def _deed(generator, sentence: str):
    doc = _doc(sentence)
    question = who_question(doc, generator._is_term, generator.lexicon.lowercase_words.__contains__, fronted=True)
    assert question is not None, sentence
    return generator._person_deed(question, doc)


def test_a_deed_is_asked_over_the_cut_off_only_when_it_picks_out_one_person_of_the_notes():
    notes = NOTES + ["The general Thomas Harlow kept the guilds armed. General Thomas Harlow took Vessen in 1876.",
                     "Thomas Harlow built the steam dredger of Calvary. The steam dredger cleared the harbour."]
    generator = generator_module._Generator(chunks_of(notes, "The Northern League"))
    assert _deed(generator, "Thomas Harlow negotiated the Treaty of Vessen with the crown in 1874.")
    assert _deed(generator, "In 1862, Thomas Harlow founded the Northern League in the port of Calvary.")
    # A title the notes also write in lower case stands before the person's name.
    assert _deed(generator, "General Thomas Harlow took the port of Vessen from the crown.")
    # A term of two words the notes use picks out the deed as a name does.
    assert _deed(generator, "Thomas Harlow built the steam dredger for the harbour.")
    # An event of a life, a stem leaning on a pronoun, a second claim, a deed naming nothing: not asked so.
    assert not _deed(generator, "Thomas Harlow died in the port of Vessen.")
    assert not _deed(generator, "Thomas Harlow invited the guilds to settle in his town of Vessen.")
    assert not _deed(generator, "Thomas Harlow raised the tolls of Vessen, and the guilds left the port.")
    assert not _deed(generator, "Thomas Harlow promoted commercial and cultural growth.")


def test_a_deed_another_person_of_the_notes_also_does_to_its_object_is_not_asked_over_the_cut_off():
    """Rounds 25 and 26: "Who commenced a military campaign against the Chinese Song dynasty?" (Möngke
    Khan) was dropped: the notes also have Kublai fighting the Song, so two answers are defensible.
    The notes' own subject is no such object: everyone in notes on the league acts on the league."""
    notes = NOTES + ["John Morgan was a captain of the crown. In 1866, John Morgan fought the Marrow pirates off Vessen.",
                     "Thomas Harlow commanded the fleet of the Northern League. The fleet was small."]
    generator = generator_module._Generator(chunks_of(notes, "The Northern League"))
    assert not _deed(generator, "Thomas Harlow commenced a naval campaign against the Marrow pirates in the south.")
    assert _deed(generator, "Thomas Harlow negotiated the Treaty of Vessen with the crown in 1874.")
    # The notes' title names what everyone acts on: no rival is sought for it.
    assert _deed(generator, "In 1862, Thomas Harlow founded the Northern League in the port of Calvary.")
    assert "John Morgan" in generator.people
    # Without the rival, the same deed is asked.
    alone = generator_module._Generator(chunks_of(NOTES + notes[-1:], "The Northern League"))
    assert _deed(alone, "Thomas Harlow commenced a naval campaign against the Marrow pirates in the south.")

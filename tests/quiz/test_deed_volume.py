"""Session 24 (qvol, issue 8: volume): a person's deed placed in time by a date with no comma after it
("In 1825 George Stephenson built the Locomotion ...") is asked as "In 1825, who built ...?"
(gen_questions._time_opener), and a person's deed card (generator._Generator._person_deed) is exempt
from the learned cut-off as the who-did-what items with options are (generator._Generator.keep_likely).
Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz import gen_quality
from bot.core.quiz import generator as generator_module
from bot.core.quiz.gen_questions import who_question
from bot.core.quiz.generator import generate_items

from tests.quiz.test_person_deeds import NOTES, chunks_of


def _doc(sentence: str):
    return nlp.parse_lines([sentence])[0]


def test_a_date_with_no_comma_before_a_persons_deed_is_kept_in_front_of_the_question():
    question = who_question(_doc("In 1825 Thomas Harlow built the Northern Lighthouse for the Calvary Harbour Company."),
                            fronted=True)
    assert question is not None
    assert question.prompt == "In 1825, who built the Northern Lighthouse for the Calvary Harbour Company?"
    assert question.answer == "Thomas Harlow"
    question = who_question(_doc("In July 1877 Thomas Harlow signed the Treaty of Vessen with the crown."), fronted=True)
    assert question is not None and question.prompt == "In July 1877, who signed the Treaty of Vessen with the crown?"


def test_no_deed_is_asked_after_a_phrase_that_is_not_a_date_alone_or_after_by():
    for sentence in ("By 1825 Thomas Harlow had built the Northern Lighthouse for the Calvary Harbour Company.",
                     "In the port Thomas Harlow built the Northern Lighthouse for the Calvary Harbour Company.",
                     "In 1825 the Northern League built the Northern Lighthouse for the Calvary Harbour Company."):
        assert who_question(_doc(sentence), fronted=True) is None, sentence
    # Without `fronted` (the reader gen_actors shares) nothing changes.
    assert who_question(_doc("In 1825 Thomas Harlow built the Northern Lighthouse for the Calvary Harbour Company.")) \
        is None


class _CutEverything:
    """A learned model whose cut-off no item passes."""
    cutoff = 2.0

    def score(self, features):
        return 0.0


def test_a_persons_deed_card_is_not_taken_out_by_the_learned_cut_off(monkeypatch):
    monkeypatch.setattr(gen_quality, "default_model", lambda: _CutEverything())
    prompts = [i.prompt for i in generate_items(chunks_of(NOTES, "The Northern League"))]
    deeds = [p for p in prompts if p.startswith("Who ") or ", who " in p]
    assert any("founded the Northern League" in p or "negotiated the Treaty of Vessen" in p for p in deeds), prompts
    # A who-card that is no person's deed (under ACTOR_CARD_QUALITY) is not exempt.
    monkeypatch.setattr(generator_module._Generator, "_person_deed", lambda self, question, doc: False)
    prompts = [i.prompt for i in generate_items(chunks_of(NOTES, "The Northern League"))]
    assert not any(p.startswith(("Who ", "In 1862, who")) and ("founded" in p or "negotiated" in p) for p in prompts)


def test_a_passive_with_one_person_as_doer_is_asked_in_the_active():
    from bot.core.quiz.gen_questions import passive_who_question
    question = passive_who_question(_doc("The northern lighthouse was designed by Thomas Harlow for the Calvary Harbour "
                                         "Company in 1825 after the old tower fell into the sea."))
    assert question is not None
    # The closing clause of time is cut: the deed holds without it.
    assert question.prompt == "Who designed the northern lighthouse for the Calvary Harbour Company in 1825?"
    assert question.answer == "Thomas Harlow" and question.asks == "actor"
    question = passive_who_question(_doc("In 1825 the northern lighthouse was designed by Thomas Harlow."))
    assert question is not None and question.prompt == "In 1825, who designed the northern lighthouse?"
    question = passive_who_question(_doc("The harbour toll was first introduced by Thomas Harlow in 1825."))
    assert question is not None and question.prompt == "Who first introduced the harbour toll in 1825?"


def test_a_participle_not_ending_in_ed_is_asked_only_when_the_notes_write_it_as_a_past_tense():
    from bot.core.quiz.gen_questions import passive_who_question
    doc = _doc("The harbour chain was built by Thomas Harlow in 1830.")
    assert passive_who_question(doc) is None
    question = passive_who_question(doc, lambda participle: participle if participle == "built" else None)
    assert question is not None and question.prompt == "Who built the harbour chain in 1830?"


def test_no_passive_is_asked_with_two_doers_an_aside_a_pronoun_a_body_or_an_adverb():
    from bot.core.quiz.gen_questions import passive_who_question
    for sentence in ("The harbour chain was designed by Thomas Harlow in 1825 and by Edward Hale in 1829.",
                     "The harbour chain was designed by Thomas Harlow, the town's engineer, in 1825.",
                     "It was designed by Thomas Harlow in 1825.",
                     "The harbour chain was designed by the Calvary Harbour Company in 1825.",
                     "The harbour chain was later designed by Thomas Harlow in 1825.",
                     "The harbour chain was designed by Thomas Harlow, who was then the town's engineer."):
        assert passive_who_question(_doc(sentence)) is None, sentence


def test_the_generator_asks_a_persons_deed_given_in_the_passive():
    notes = NOTES + ["The harbour chain of Calvary was designed by Thomas Harlow in 1868 after pirates raided "
                     "Calvary. The chain closed the harbour at night."]
    chunks = chunks_of(notes, "The Northern League")
    generator = generator_module._Generator(chunks)
    made = {i.prompt: i for c in chunks for entry in generator.chunk_candidates(c) for i in entry.items}
    card = made.get("Who designed the harbour chain of Calvary in 1868?")
    assert card is not None, list(made)
    # A person's deed the notes return to: over the templates' cut-off and exempt from the learned one.
    assert card.answer == "Thomas Harlow" and card.quality >= generator_module.QUALITY_CUTOFF
    assert card.id in generator.actor_choices

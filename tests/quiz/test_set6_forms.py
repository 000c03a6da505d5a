"""Held-out set 6's kinds of failure (judged at versions 52/53), on made-up notes: a why-card on a
particle verb with nothing after it, a FAQ answer the next sentence turns or completes, and a card
whose answer names nothing the notes return to (gen_left_open)."""

from __future__ import annotations

import pytest

from bot.core import nlp
from bot.core.quiz.gen_left_open import learns_nothing, noun_sentence_counts, object_left_open, turned_or_completed
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks


_chunks = section_chunks


@pytest.mark.parametrize("sentence, left_open", [
    ("Beekeepers familiar with wasps will pick up quickly, as wasps build the same comb.", True),
    ("Beekeepers familiar with wasps will pick up the method quickly, as wasps build the same comb.", False),
    ("The swarm settled down in the orchard, as the queen was tired.", False),  # where it settled: said
    ("The colony grew quickly, as the spring was warm.", False),  # no particle: nothing is left open
])
def test_a_particle_verb_with_nothing_after_it_leaves_its_object_open(sentence, left_open):
    assert object_left_open(nlp.parse_line(sentence)) is left_open


def test_no_why_card_asks_what_users_pick_up():
    notes = _chunks("hives.md", [(("Hive tools", "The frame lister"),
                                  "The frame lister offers a powerful system for searching frames. "
                                  "Beekeepers familiar with wasps will pick up quickly, as wasps were the model "
                                  "for the search syntax. The frame lister records every frame of the apiary.")])
    prompts = [i.prompt for i in generate_items(notes, learned_cutoff=False)]
    assert not any("pick up" in p for p in prompts)


@pytest.mark.parametrize("after, goes_on", [
    ("However, a hive scale might be helpful in weighing it.", True),  # a linking word the shown text drops
    ("But the club lends one to members.", True),
    ("Alternatively, the club lends one to members.", True),
    ("The club lends one to members.", False),
    ("Hive scales weigh the whole colony.", False),
])
def test_a_next_sentence_that_turns_or_completes_the_answer(after, goes_on):
    from bot.core.quiz.gen_text import readable_text
    assert turned_or_completed(after, nlp.parse_line(readable_text(after))) is goes_on


def test_a_faq_heading_answered_by_half_an_answer_is_not_asked():
    notes = _chunks("bees-faq.md", [
        (("Beekeeping FAQ", "5.12. Where is the hive scale?"),
         "The hive scale is available from the Apiarists Guild shop in Leeds, but is not sold to non-members. "
         "However, a spring balance from the club store might be helpful in weighing hives."),
        (("Beekeeping FAQ", "5.13. Where is the honey extractor?"),
         "The honey extractor is kept in the Apiarists Guild shed in Leeds beside the wax press. "
         "Members book it for a day at a time."),
    ])
    prompts = {i.prompt for i in generate_items(notes, learned_cutoff=False)}
    assert "Where is the hive scale?" not in prompts
    assert "Where is the honey extractor?" in prompts  # the next sentence adds no turn: the first answers


def _span(sentence: str, answer: str):
    doc = nlp.parse_line(sentence)
    start = doc.text.index(answer)
    return doc.char_span(start, start + len(answer), alignment_mode="expand")


def test_an_answer_with_no_noun_the_notes_return_to_learns_nothing():
    sentences = ["The queen excluder gives benefits in certain special cases.",
                 "The queen excluder keeps the queen out of the honey supers.",
                 "A benefit of the excluder is cleaner honey.",
                 "Honey supers hold the frames where honey is stored.",
                 "The honey is taken from the supers in August.",
                 "Frames of honey are spun in the extractor."]
    counts = noun_sentence_counts(nlp.parse_lines(sentences))
    assert learns_nothing(_span(sentences[0], "benefits in certain special cases"), counts)
    # "supers" and "honey" recur in other sentences: terms of the notes
    assert not learns_nothing(_span(sentences[1], "the queen out of the honey supers"), counts)
    # a number or a name is something to learn even when met once
    assert not learns_nothing(_span("The excluder gives 12 frames of room.", "12 frames of room"), counts)


def test_no_card_asks_what_a_thing_provides_when_the_answer_is_empty():
    notes = _chunks("excluder.md", [(("Queen excluders",),
                                     "A queen excluder is a grid placed between the brood box and the honey supers. "
                                     "The queen excluder keeps the queen out of the honey supers. "
                                     "The queen excluder provides benefits in certain special cases. "
                                     "A benefit of the queen excluder is cleaner honey. "
                                     "The queen excluder provides a barrier that workers can pass and the queen cannot. "
                                     "The barrier of the excluder is made of wire. "
                                     "Workers pass the barrier to store honey in the supers.")])
    items = {i.prompt: i.answer for i in generate_items(notes, learned_cutoff=False)}
    answers = set(items.values())
    assert "Benefits in certain special cases." not in answers
    assert any(a.startswith("A barrier") for a in answers), items  # a term the notes return to stays asked


def test_a_why_answer_is_not_refused_for_a_turn_after_it():
    notes = _chunks("bees-faq.md", [
        (("Beekeeping FAQ", "Why do hives need a queen excluder?"),
         "Hives are fitted with a queen excluder to keep the queen out of the honey supers. "
         "However, in a small hive, this is not a serious problem.")])
    prompts = {i.prompt for i in generate_items(notes, learned_cutoff=False)}
    assert "Why do hives need a queen excluder?" in prompts  # the reason is the whole answer

"""Session 28 (qnaming): a term a heading names is defined under it, where the heading is the section's parent
("8. Fulling > 8.1 Definition"), the words after the heading's colon ("How cloth is finished: teasel passes"),
or a phrase with a tail that the heading names whole ("Barriers to entry") (gen_keys.headed_definition_key,
heading_terms; generator._sentence_items). Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_keys import heading_terms, headed_definition_key
from bot.core.quiz.generator import generate_items
from tests.quiz.parsed_notes import section_chunks


def test_heading_terms_read_the_words_after_the_colon():
    assert "teasel passes" in heading_terms("3. How cloth is finished: teasel passes")
    assert "how cloth is finished" in heading_terms("3. How cloth is finished: teasel passes")


def test_a_subject_with_a_tail_is_a_term_only_when_the_heading_names_it_whole():
    def key(sentence, heading):
        return headed_definition_key(nlp.parse_line(sentence), heading)
    found = key("Barriers to trade are the legal or market forces that keep rival weavers out of a town.",
                "3. How guilds kept control: barriers to trade")
    assert found is not None and found.text == "Barriers to trade"
    assert key("Barriers to trade are the legal or market forces that keep rival weavers out.", "3. Guild rules") is None
    assert key("Fulling of wool is the pounding of cloth in water.", "3.2 Fulling") is None


def test_the_term_of_a_parent_heading_is_asked_under_a_definition_subsection():
    sections = [(("Weaving: Looms and Cloth", "1. Introduction"),
                 "Weavers turn yarn into cloth on a loom. Mills on rivers drove the hammers."),
                (("Weaving: Looms and Cloth", "8. Open shedding", "8.1 Definition"),
                 "Open shedding is the method of lifting warp threads used in the oldest looms. "
                 "Weavers lifted each thread by hand.")]
    cards = {i.prompt: i.answer for i in generate_items(section_chunks("weaving.md", sections), learned_cutoff=False)}
    assert cards.get("What is open shedding?", "").startswith("Open shedding is the method of lifting warp threads")

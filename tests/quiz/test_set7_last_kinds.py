"""Held-out set 7's last kinds (round 16), on made-up notes: "the <compound>" that the stem never says
which one is ("the copyright file"), a condition the notes state again with another outcome, the
notes' subject named with the article the notes' own sentences give it, and "What is X?" answered by
what the name stands for in the glossary and FAQ templates too. Real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_genus import asks_what_it_is, explanation_as_sentence, genus_about_the_word
from bot.core.quiz.gen_conditions import outcome_card, outcome_prompt, stated_elsewhere
from bot.core.quiz.gen_rules import setting
from bot.core.quiz.gen_standalone import leans_on_context
from bot.core.quiz.gen_subject import as_written
from bot.core.quiz.gen_text import Sentence
from bot.core.quiz.generator import _Generator, generate_items
from tests.quiz.parsed_notes import section_chunks


_chunks = section_chunks


def _prompts(notes) -> set[str]:
    return {i.prompt for i in generate_items(notes, learned_cutoff=False)}


# --- 1. "the <compound>" set only by the sentences before --------------------------------------------

def test_a_compound_after_the_is_introduced_only_when_the_notes_name_one_thing_by_it():
    sentence = nlp.parse_line("The ledger book records every sale made by the shop.")
    # One passage: "the ledger book" is a kind of book, which one the sentences before told.
    assert "ledger book" in leans_on_context(sentence, {}, named=lambda phrase: False)
    # The notes use the pair all through as the name of one thing: it needs no introduction.
    assert leans_on_context(sentence, {}, named=lambda phrase: True) == ""
    # A phrase after the noun says which one whatever the notes do.
    which = nlp.parse_line("The ledger book of the harbour shop records every sale made by the shop.")
    assert "ledger book" not in leans_on_context(which, {}, named=lambda phrase: False)
    placed = nlp.parse_line("The lock gates were broken at Carnforth in the night.")
    assert "lock gates" not in leans_on_context(placed, {}, named=lambda phrase: False)
    # In a clause of the answer ("because ..."), not the stem: the notes' own words there are no fault.
    answer = nlp.parse_line("No sale is recorded because the ledger book is closed at noon.")
    assert "ledger book" not in leans_on_context(answer, {}, named=lambda phrase: False)


_SHOP_BEFORE = ("Each harbour shop keeps five books in a cupboard behind the counter. Every book is bound in "
                "leather. The books are checked by the harbour master each spring. ")
_LEDGER = "The ledger book includes information about every sale."


def _unasked(sections) -> str:
    """Why the generator would not ask the ledger sentence ("" when it would)."""
    notes = _chunks("harbour.md", sections)
    generator = _Generator(notes)
    chunk = next(c for c in notes if _LEDGER in c.text)
    return generator.unasked(Sentence(_LEDGER, chunk, 0, False), generator.docs[_LEDGER])


def test_the_generator_does_not_ask_a_sentence_of_a_compound_it_never_sets():
    assert _unasked([(("Harbour shops", "Papers"), _SHOP_BEFORE + _LEDGER)]) == "context"
    # The same sentence in notes that name the ledger book in passage after passage: a named thing.
    assert _unasked([
        (("Harbour shops", "Papers"), _SHOP_BEFORE + _LEDGER),
        (("Harbour shops", "Audits"), "Every year the harbour master reads the ledger book of each shop. "
                                      "Errors in the ledger book are fined."),
        (("Harbour shops", "Closing"), "A shop that closes hands the ledger book to the harbour master."),
    ]) == ""


def test_a_compound_whose_first_word_the_notes_use_alone_is_introduced():
    # "ledger" met alone in three passages ("the ledger", "a ledger"): a name of the notes, as
    # "itertools" beside "the itertools module".
    alone = [(("Harbour shops", s), f"Every shop keeps a ledger. The ledger of {s.lower()} is read aloud.")
             for s in ("Audits", "Closing", "Fairs")]
    assert _unasked([(("Harbour shops", "Papers"), _SHOP_BEFORE + _LEDGER), *alone]) == ""


def test_a_compound_naming_one_of_a_class_is_introduced():
    # "the ledger book" among a dozen books the notes name by a word before "book": one of a class of
    # named things, as "the re module" among the modules of a library (round 15: kept).
    names = ["price", "stock", "rent", "wage", "tithe", "toll", "debt", "loan", "tax", "fee"]
    others = " ".join(f"The {n} book lists every {n} of the year." for n in names)
    assert _unasked([(("Harbour shops", "Papers"), _SHOP_BEFORE + _LEDGER), (("Harbour shops", "Books"), others)]) == ""


# --- 2. a condition stated again with another outcome ---------------------------------------------

_STAGES = [
    "If a majority of members approves the general principles of a motion, it proceeds to the amendment stage.",
    "At the amendment stage, committees may change any clause of the motion.",
    "After a last debate, members decide whether they approve the general principles of the amended motion.",
    "Members sit in a horseshoe-shaped chamber.",
    "Committees meet on Tuesday and Wednesday mornings.",
]


def _stated_elsewhere(sentences: list[str]) -> bool:
    docs = nlp.parse_lines(sentences)
    card = outcome_card(docs[0], sentences[0])
    assert card is not None
    return stated_elsewhere(docs[0], card, docs)


def test_a_condition_stated_again_with_another_outcome_is_not_asked():
    assert _stated_elsewhere(_STAGES)
    # Without the last vote on the same principles the condition has one outcome.
    assert not _stated_elsewhere([s for s in _STAGES if not s.startswith("After a last debate")])


def test_words_used_all_through_the_notes_do_not_make_the_same_condition():
    # "level", "ranger" and "set" are in most sentences of notes on rangers: sharing them is no restatement.
    sentences = [
        "If a level is not explicitly set on a ranger, the level of its warden is used instead.",
        "The head ranger always has a level set by the park.",
        "The level set on a ranger decides which paths the ranger may walk.",
        "A ranger with a low level set walks the lower paths only.",
        "Levels are set on rangers by the park office.",
    ]
    docs = nlp.parse_lines(sentences)
    card = outcome_card(docs[0], sentences[0])
    assert card is not None and not stated_elsewhere(docs[0], card, docs)


def test_the_generator_leaves_out_a_condition_stated_again():
    notes = _chunks("motions.md", [(("Motions", "Stages"), " ".join(_STAGES))])
    assert not any("what happens if a majority of members approves" in p for p in _prompts(notes))
    once = _chunks("motions.md", [(("Motions", "Stages"),
                                   " ".join(s for s in _STAGES if not s.startswith("After a last debate")))])
    assert any("what happens if a majority of members approves" in p for p in _prompts(once))


# --- 3. the notes' subject as the notes write it ------------------------------------------------

_COUNCIL = ("The Harbour Council meets in the old customs house. Members of the Harbour Council are elected "
            "every four years. A seat on the Harbour Council is unpaid. Maritime law governs the docks. "
            "Disputes under Maritime law go to the port court. The history of Maritime law is long.")


def test_the_article_of_a_name_is_the_one_the_notes_write():
    assert as_written("Harbour Council", _COUNCIL) == "the Harbour Council"
    assert as_written("Maritime law", _COUNCIL) == "Maritime law"
    assert as_written("Harbour dues", _COUNCIL) is None  # never written: the caller keeps its own form
    # A title capitalises its first word; the notes' sentences write it in lower case.
    assert as_written("Steam whistle", "Every boat had the steam whistle on its funnel. Crews loved the "
                                       "steam whistle.") == "the steam whistle"


def test_prompts_that_name_the_notes_take_the_notes_form():
    written = lambda name: as_written(name, _COUNCIL)  # noqa: E731
    assert outcome_prompt("a member resigns", "Harbour Council", written).startswith(
        "In the notes on the Harbour Council, ")
    assert outcome_prompt("a member resigns", "Maritime law", written).startswith("In the notes on Maritime law, ")
    assert setting("Harbour Council", written) == "According to the notes on the Harbour Council"
    # A one-word name the capitals alone would leave bare takes "the" when the notes write it so.
    assert setting("Commons", lambda name: "the Commons") == "According to the notes on the Commons"


# --- 4. "What is X?" answered by what the name stands for, in every template that asks it ----------

def _glossary_prompts(line: str) -> list[str]:
    notes = _chunks("bees.md", [(("Beekeeping", "Words"), line)])
    return [i.prompt for c in _Generator(notes)._flashcards(notes[0]) for i in c.items]


def test_a_glossary_line_that_says_what_the_name_is_makes_no_what_is_meant_card():
    assert _glossary_prompts("HIVE: It is a contraction of two first names.") == []
    assert _glossary_prompts("HIVE: It is a wooden box that holds the frames of one colony of bees.") == [
        'What is meant by "HIVE"?']


def test_explanations_read_as_sentences():
    assert genus_about_the_word(nlp.parse_line(explanation_as_sentence("HIVE", "A recursive acronym, standing for "
                                                                                 "HIVE Is Very Excellent.")))
    assert not genus_about_the_word(nlp.parse_line(explanation_as_sentence("HIVE", "A wooden box holding frames.")))
    assert explanation_as_sentence("HIVE", "Keepers call it a box.") == "Keepers call it a box."
    assert asks_what_it_is("What is HIVE?") and asks_what_it_is('What is meant by "HIVE"?')
    assert not asks_what_it_is("What is the largest hive?") and not asks_what_it_is("What does HIVE stand for?")


def test_a_faq_what_is_answered_by_what_the_name_is_makes_no_card():
    def faq(answer: str):
        return _chunks("hive-faq.md", [(("Hive FAQ", "What is HIVE?"), answer + " Keepers have used it since 1990.")])
    assert not any(p.startswith("What is HIVE") for p in _prompts(faq(
        "HIVE is a recursive acronym, standing for HIVE Is Very Excellent.")))
    assert any(p.startswith("What is HIVE") for p in _prompts(faq(
        "HIVE is a free program that records the weight of every hive in an apiary.")))

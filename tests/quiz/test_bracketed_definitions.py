"""Definitions whose term is followed by its expansion or short form in brackets ("SELinux (Security
Enhanced Linux) is a Mandatory Access Control system ...", "The MCS level (Multi-Category Security) is a
parameter ..."), a name written with capitals inside it asked as written, and a called word the prose
uses after an ordinal ("the first interface"). Session 20, quiztech: held-out set 10's SELinux note made
no item, though the AppArmor note's sentence of the same shape, its brackets after the class noun, did.
Made-up notes of no course of the pool; real spaCy."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_code_words import prose_words
from bot.core.quiz.gen_keys import bracketed_aside
from bot.core.quiz.gen_term_form import term_as_asked
from tests.quiz.parsed_notes import flashcards, note_chunks


HIVE = [
    "A brood frame (Langstroth pattern) is a wooden rack that holds a comb of wax cells.",
    "Each brood frame hangs from two ledges, and the keeper lifts the brood frame out by its lugs.",
    "A keeper checks every brood frame for queen cells once a week in spring.",
]


def test_a_term_with_its_long_form_in_brackets_is_defined():
    cards = flashcards("Keeping Bees", HIVE)
    assert "What is a brood frame?" in cards, cards
    assert cards["What is a brood frame?"].startswith("A brood frame (Langstroth pattern) is a wooden rack")


def test_a_tail_after_the_term_is_still_no_term():
    # "A brood frame of the old hive is ...": a phrase with a tail names one frame, not the term.
    paragraphs = ["A brood frame of the old hive (Langstroth pattern) is a wooden rack that holds a comb of wax cells.",
                  *HIVE[1:]]
    cards = flashcards("Keeping Bees", paragraphs)
    assert not any(p.startswith("What is a brood frame") for p in cards), cards


def test_bracketed_aside_reads_the_brackets():
    bracketed, tailed, clause = nlp.parse_lines([
        "The brood frame (Langstroth pattern) is a wooden rack that holds a comb of wax cells.",
        "The brood frame, a Langstroth pattern, is a wooden rack that holds a comb of wax cells.",
        "The brood frame (which the keeper lifts) is a wooden rack.",
    ])
    def asides(doc):
        subject = next(t for t in doc if t.dep_ == "nsubj" and t.head.dep_ == "ROOT")
        return [c.text for c in subject.children if bracketed_aside(c)]
    assert asides(bracketed) == ["pattern"]
    assert asides(tailed) == []  # commas, not brackets: identity_question's apposition, not this one
    assert asides(clause) == []  # a relative clause in brackets is no second name


def test_a_name_with_capitals_inside_keeps_them_in_the_question():
    # "selinux-activate", a command in lower case, made "What is sELinux?": a word with capitals inside is
    # written so wherever it stands; a capital that only opens the sentence is lowered as before.
    lower = {"hiveos", "colonialism"}
    assert term_as_asked("HiveOS", lower) == "HiveOS"
    assert term_as_asked("IPv6 routing", {"ipv6"}) == "IPv6 routing"
    assert term_as_asked("Colonialism", lower) == "colonialism"
    assert term_as_asked("Hive frames", set()) == "Hive frames"


def test_a_called_word_after_an_ordinal_is_a_prose_word():
    called = {"ledge", "zorp"}
    texts = ["The first ledge holds the frame.", "Each ledge is nailed to the wall.",
             "```\nledge(3)\nzorp(1)\n```", "The first zorp() call sets it."]
    # "the first ledge" and "Each ledge" (a capital opening the sentence) are the prose's word;
    # "zorp" is only called.
    assert prose_words(texts, called) == {"ledge"}


def test_brackets_without_a_class_leave_the_description_to_be_asked():
    # "The mermaid (syrenka) is Warsaw's symbol" was asked "What is Warsaw's symbol?" (kept in ten rounds);
    # read as a definition of "mermaid" it became a card that was refused, and the kept item went.
    from bot.core.quiz.gen_keys import definition_key
    from bot.core.quiz.generator import _Generator
    paragraphs = ["The lighthouse (latarnia) is Harbourtown's symbol and can be found on statues throughout the town.",
                  "The lighthouse was lit by the harbour master, and the lighthouse was seen from the cape.",
                  "A lighthouse (Fresnel pattern) is a tower with a ring of lenses that throws a beam out to sea."]
    generator = _Generator(note_chunks("Harbourtown", paragraphs))
    symbol, lamp = (generator.docs[p] for p in (paragraphs[0], paragraphs[2]))
    assert definition_key(symbol, generator.lexicon) is None
    assert definition_key(lamp, generator.lexicon).text == "lighthouse"

"""A word the notes define where they introduce it, met once (gen_keys.lone_noun_definition): "A
flamewar is an exceedingly impassioned debate, which ...", "Locales are a feature of the C library
intended to help ...". definition_key asks a term to be met twice (so that "An attractive feature" is
no term), and these were never asked. Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_keys import lone_noun_definition
from bot.core.quiz.gen_lexicon import NotesLexicon
from tests.quiz.parsed_notes import flashcards

TITLE = "Tools of the Apiary"


def _cards(paragraphs: list[str]) -> dict[str, str]:
    return flashcards(TITLE, paragraphs, "bees.md")


HIVE = ["The keeper opens each hive in the morning and checks the brood frames for the queen.",
        "A swarmbox is a wooden crate in which a keeper carries a caught swarm back to the apiary.",
        "Frames are lifted out one at a time and set back in the order they came."]


def test_a_word_defined_once_is_asked():
    assert "What is a swarmbox?" in _cards(HIVE)


def test_a_quoted_word_defined_once_is_asked():
    paragraphs = [*HIVE[:1], "A “swarmbox” is a wooden crate in which a keeper carries a caught swarm back to the apiary.",
                  *HIVE[2:]]
    assert "What is a swarmbox?" in _cards(paragraphs)


def test_only_a_lone_noun_classed_by_the_sentence():
    lexicon = NotesLexicon("")
    parsed = nlp.parse_lines([
        "A swarmbox is a wooden crate in which a keeper carries a caught swarm back to the apiary.",
        "Heavy swarmboxes are crates that two keepers carry together.",  # a judgement on the noun
        "The swarmbox is the keeper's oldest tool.",  # a distinction, not a class
        "A swarmbox is useful.",  # no noun: says nothing of what it is
    ])
    assert [lone_noun_definition(doc, lexicon) is not None for doc in parsed] == [True, False, False, False]


def test_a_short_noun_the_sentence_classes():
    # term_of's five-letter floor kept "A set is an unordered collection ..." from ever being asked.
    lexicon = NotesLexicon("")
    short, pronoun, bare = nlp.parse_lines([
        "A comb is a wax frame in which the bees store honey and raise their brood.",
        "It is a wax frame in which the bees store honey.",
        "Wax is a substance that the bees make.",  # a capitalised opener: no article says it is a common noun
    ])
    key = lone_noun_definition(short, lexicon)
    assert key is not None and key.text == "comb"
    assert lone_noun_definition(pronoun, lexicon) is None
    assert lone_noun_definition(bare, lexicon) is None


def test_a_two_word_term_defined_once_is_asked():
    # "A named pipe is a particular type of file that operates like a traditional pipe, but via a file."
    # (held-out set 10's syslog note): a participle or a noun before the noun names a kind of it, so the
    # phrase is the word the notes introduce; an adjective is a judgement ("A typical cell", "An
    # attractive feature") and stays refused.
    paragraphs = ["A sealed frame is a sheet of wide wax cells whose eggs hatch as male bees.",
                  "Keepers count them in spring, when the colony grows fastest.",
                  "A keeper never opens one before the bees have left it."]
    cards = _cards(paragraphs)
    assert "What is a sealed frame?" in cards, cards
    paragraphs[0] = "A typical frame is a sheet of wide wax cells whose eggs hatch as male bees."
    cards = _cards(paragraphs)
    assert not any("typical frame" in p for p in cards), cards

"""The thing a note is about, asked "What is X?" when a sentence says what kind of thing it is
(generator._title_definition_card, gen_genus.classifies). Before, no card was asked of the title's
subject at all ("What was the French and Indian War?" in notes on that war: the whole course), so a
technical note on one protocol or one tool lost its first definition ("DHCP is a protocol by which
...": handbook-dhcp made no item). Real spaCy on made-up notes of no course of the pool."""

from __future__ import annotations

from bot.core import nlp
from bot.core.quiz.gen_genus import classifies
from tests.quiz.parsed_notes import flashcards


KILN = [
    "A glaze kiln is a chamber in which pottery is heated until its glaze melts into glass.",
    "Every glaze kiln needs a cone on its shelf, and the potter watches the cone through a spy hole.",
    "The glaze kiln cools for a day before the pots are taken out, or the glaze cracks.",
]


def test_the_title_subject_is_asked_when_the_sentence_classes_it():
    cards = flashcards("Glaze Kilns", KILN)
    assert "What is a glaze kiln?" in cards, cards


def test_a_distinction_of_the_title_subject_is_not_asked():
    # "the largest ...": one thing the notes say of their subject, not what kind of thing it is; the
    # notes say many such things of what they are about, and a card keys only one.
    paragraphs = ["The harvest fair was the largest market of the valley for two centuries.",
                  "Every harvest fair needs a licence from the council, and the council sends a clerk to the harvest fair.",
                  "Traders at the harvest fair paid a toll to the miller for each cart."]
    cards = flashcards("Harvest Fairs", paragraphs)
    assert not any(p.startswith("What was the harvest fair") for p in cards), cards
    paragraphs[0] = "The harvest fair was a market of the valley where hill villages sold wool to river towns."
    assert "What was the harvest fair?" in flashcards("Harvest Fairs", paragraphs)


def test_classifies_reads_the_genus():
    parsed = nlp.parse_lines([
        "A glaze kiln is a chamber in which pottery is heated until its glaze melts into glass.",
        "Glaze kilns are brick chambers in which pottery is heated.",
        "The harvest fair was the largest market of the valley for two centuries.",
        "The mermaid is the town's symbol.",
        "The kiln is hot.",
    ])
    assert [classifies(doc) for doc in parsed] == [True, True, False, False, False]


def _parsed(rows: list[tuple[str, int, str, str, str, str]]):
    """A parse given token by token (word, head, dep, pos, tag, lemma): spaCy attaches the comma that
    closes an apposition to the verb in some sentences and to the subject in others, so the form is
    built as the IPv6 note's sentence was parsed."""
    from spacy.tokens import Doc
    words, heads, deps, pos, tags, lemmas = (list(column) for column in zip(*rows))
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", "."} for i in range(len(words))]
    return Doc(nlp.pipeline().vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
               lemmas=lemmas)


def test_an_apposition_closed_by_a_comma_before_the_verb():
    # "IPv6, successor to IPv4, is a newer version of ...": the comma closing the apposition stood
    # between subject and verb, and the sentence was read as having an opener there.
    from bot.core.quiz.gen_questions import identity_question
    opening = [("Hive6", 6, "nsubj", "PROPN", "NNP", "Hive6"), (",", 0, "punct", "PUNCT", ",", ","),
               ("successor", 0, "appos", "NOUN", "NN", "successor"), ("to", 2, "prep", "ADP", "IN", "to"),
               ("Hive4", 3, "pobj", "PROPN", "NNP", "Hive4")]
    rest = [("is", 6, "ROOT", "AUX", "VBZ", "be"), ("a", 9, "det", "DET", "DT", "a"),
            ("newer", 9, "amod", "ADJ", "JJR", "new"), ("version", 6, "attr", "NOUN", "NN", "version"),
            ("of", 9, "prep", "ADP", "IN", "of"), ("the", 13, "det", "DET", "DT", "the"),
            ("hive", 13, "compound", "NOUN", "NN", "hive"), ("protocol", 10, "pobj", "NOUN", "NN", "protocol"),
            ("designed", 13, "acl", "VERB", "VBN", "design"), ("to", 16, "aux", "PART", "TO", "to"),
            ("fix", 14, "xcomp", "VERB", "VB", "fix"), ("its", 18, "poss", "PRON", "PRP$", "its"),
            ("flaws", 16, "dobj", "NOUN", "NNS", "flaw"), (".", 6, "punct", "PUNCT", ".", ".")]
    question = identity_question(_parsed([*opening, (",", 6, "punct", "PUNCT", ",", ","), *rest]))
    assert question is not None and question.prompt == "What is Hive6?"
    assert question.answer == "A newer version of the hive protocol designed to fix its flaws."
    # An adverb between subject and verb is still an opener: "Hive6, however, is ...".
    adverb = [("Hive6", 4, "nsubj", "PROPN", "NNP", "Hive6"), (",", 4, "punct", "PUNCT", ",", ","),
              ("however", 4, "advmod", "ADV", "RB", "however"), (",", 4, "punct", "PUNCT", ",", ",")]
    assert identity_question(_parsed([*adverb, *[(w, h - 2 if h >= 6 else h, d, p, t, l) for w, h, d, p, t, l in rest]])) is None

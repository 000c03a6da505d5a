"""A definition card's stem agrees with its term (issue 8, round 22: "What is assets?", "What is
Liabilities?" on set 13's accounting note; "What is Logging?" on the dev notes): "What are X?" for a
plural common noun whatever verb the notes used, "What is X?" for a singular one or a name ending in
s, and a one-word common noun without the capital its sentence gave it when the notes write it in
lower case elsewhere. Real spaCy on made-up notes of no course of the pool (a bakery's ledger)."""

from __future__ import annotations

from types import SimpleNamespace

from bot.core import nlp
from bot.core.quiz.gen_questions import Question
from bot.core.quiz.gen_term_form import agreeing_be, plural_term
from bot.core.quiz.generator import _Generator
from tests.quiz.parsed_notes import flashcards, note_chunks

LEDGER = [
    "Receipts is the group of slips that record each sale of the bakery.",
    "Your receipts could include a slip for bread, a slip for cakes, or anything else that was sold.",
    "Each receipt is kept in the drawer until the end of the week.",
    "Debts is the group of sums that the bakery still owes to its suppliers.",
    "The debts of the bakery include the flour bill and the rent of the oven.",
    "A debt is paid on the first day of each month.",
]


def _subject(sentence: str):
    doc = nlp.parse_line(sentence)
    root = next(t for t in doc if t.dep_ == "ROOT")
    return next(c for c in root.children if c.dep_ == "nsubj")


def _lexicon(lowercase: set[str], nouns: set[str]):
    return SimpleNamespace(lowercase_words=lowercase, common_nouns=nouns)


def test_plural_common_nouns_are_asked_with_are():
    cards = flashcards("Ledger", LEDGER)
    assert "What are receipts?" in cards
    assert not any(p.startswith(("What is receipts", "What is Receipts", "What is debts", "What is Debts"))
                   for p in cards)
    assert not any(p.startswith("What are Receipts") or p.startswith("What are Debts") for p in cards)


def test_gen_questions_stems_are_mended_in_the_same_place():
    # gen_questions' "What is X?" of a subject the parse read as a name ("Logging", "Liabilities"):
    # the same number and capital as the definition card's.
    notes = ["Proofing is a means of letting the dough rise before it is baked.",
             "The baker leaves the loaves for proofing in a warm cupboard.",
             "Debts is the group of sums that the bakery still owes to its suppliers.",
             "The debts of the bakery include the flour bill and the rent of the oven.",
             "A debt is paid on the first day of each month.",
             "The Frame Relay is a line the bakery rents.", "Each frame holds a tray.",
             "Panniers are wicker baskets that hang on each side of the delivery bicycle.",
             "A pannier holds twelve loaves."]
    generator = _Generator(note_chunks("Bakery", notes))
    for prompt, sentence, mended in [("What is Proofing?", notes[0], "What is proofing?"),
                                     ("What is Debts?", notes[2], "What are debts?"),
                                     ("What is the Frame Relay?", notes[5], "What is the Frame Relay?"),
                                     # never written in lower case: the notes' verb and capital stand
                                     ("What are Panniers?", notes[7], "What are Panniers?")]:
        question = Question(prompt, "An answer.", "identity")
        assert generator._agreeing(question, nlp.parse_line(sentence)).prompt == mended


def test_plural_by_parse_or_by_the_singular_the_notes_write():
    lexicon = _lexicon({"assets", "liabilities", "generators", "news", "series"},
                       {"asset", "liability", "new"})
    assert plural_term(_subject("Assets is the group of things that you own."), lexicon)
    # Parsed as a name (NNP) for its capital; the notes' "liability" says it is a plural.
    assert plural_term(_subject("Liabilities is the group of things on which you owe money."), lexicon)
    assert plural_term(_subject("Generators are functions that yield values."), lexicon)


def test_no_plural_of_names_or_of_words_singular_by_form():
    lexicon = _lexicon({"physics", "economics", "news", "series", "analysis", "means", "statistics"},
                       {"mean", "new", "statistic"})
    for sentence in ["Physics is the study of matter.", "Economics is a social science.",
                     "Statistics is the science of data.", "The news is a report of events.",
                     "A series is a sum of terms.", "Analysis is the study of limits.",
                     "Means is a word.", "Mars is the fourth planet.", "Windows is an operating system.",
                     "DNS is a protocol that maps names to addresses."]:
        assert not plural_term(_subject(sentence), lexicon), sentence


def test_the_verb_keeps_its_tense():
    assert agreeing_be("is", True) == "are"
    assert agreeing_be("was", True) == "were"
    assert agreeing_be("are", False) == "is"
    assert agreeing_be("were", False) == "was"

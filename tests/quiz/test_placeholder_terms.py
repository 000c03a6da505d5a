"""A "Term: definition" line whose term is a placeholder is no card (set 14: 'What is meant by "XXX"?'
keyed to a converter's leftover "Unknown layout Plain Layout: ...", judged wrong)."""

from bot.core.quiz.gen_cards import term_definition


def test_a_placeholder_is_not_a_term():
    assert term_definition("XXX: Unknown layout Plain Layout: Note that we use p for the chance of success.") is None
    assert term_definition("Yyy: A name is still to be chosen for this part of the process.") is None


def test_a_term_of_repeated_letters_inside_a_word_still_is():
    term = term_definition("Bookkeeping: Every transaction is recorded in the books of account.")
    assert term is not None and term.term == "Bookkeeping"

"""Term lines that make no card (set 14, judged): a placeholder term ('What is meant by "XXX"?' keyed
to a converter's leftover "Unknown layout Plain Layout: ...", wrong) and a definition that points around
the notes ("In this text editor ... as explained in detail in Scripting", dropped)."""

from bot.core.quiz.gen_cards import term_definition


def test_a_placeholder_is_not_a_term():
    assert term_definition("XXX: Unknown layout Plain Layout: Note that we use p for the chance of success.") is None
    assert term_definition("Yyy: A name is still to be chosen for this part of the process.") is None


def test_a_term_of_repeated_letters_inside_a_word_still_is():
    term = term_definition("Bookkeeping: Every transaction is recorded in the books of account.")
    assert term is not None and term.term == "Bookkeeping"


def test_a_definition_that_points_around_the_notes_is_no_card():
    # Set 14's dropped 'What is meant by "Script Editor"?': its answer opens "In this text editor" and
    # sends the student to another section.
    assert term_definition("Route Planner: In this planner you draw the routes, as explained in detail in Routing.") is None
    term = term_definition("Route Planner: The window where you draw each ferry's route is opened from the menu.")
    assert term is not None

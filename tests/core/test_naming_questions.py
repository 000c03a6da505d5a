"""A question asking what something is called ("What is another term for the sails of a tower
mill?") is answered where the notes give a name right after its words ("the sails (sweeps)",
"a network, called Fenlink"), though that sentence shares the question's words no more than the
sentences telling what the thing does. A name given to something else does not count. Made-up
notes of windmills and a regional data network, with the real model."""

from __future__ import annotations

import pytest

from tests.conftest import indexed_course

NOTES = {
    "windmills.md": """# Windmills of Lincolnshire

## Machinery

The sails of a tower mill turn the brake wheel inside the cap of the tower. The miller sets the
sails of the tower mill each morning. The four sails (sweeps) of a tower mill carry wooden shutters that
open and close with the wind. A fantail at the back of the cap keeps the sails facing the wind.

## Grinding

The runner stone turns above the fixed bed stone. Grain falls through the eye of the runner stone
and leaves the stones as meal. A small mill called the Maud Foster mill ground oats for the town.
""",
    "network.md": """# Data networks in the Fens

The first regional data network of the Fens linked the colleges of Boston and Spalding in 1979.
The county council paid for the first regional network's leased lines for five years. Its second
version, a regional network called Fenlink, carried traffic for the hospitals as well.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("naming"), NOTES, real_embedder)


@pytest.mark.parametrize("question, name", [
    ("What is another term for the sails of a tower mill?", "sweeps"),
    ("What was the second regional data network named?", "Fenlink"),
])
def test_a_question_asking_what_something_is_called_leads_with_the_name(course, question, name):
    answer = course.ask(question)
    assert not answer.abstained, answer.reason
    assert name in answer.sentences[0], answer.sentences


@pytest.mark.parametrize("question, asks", [
    ("What is another term for rotors?", True),
    ("What was the Yuan's paper money called?", True),
    ("What are engines using four expansion stages known as?", True),
    ("What is the name of the movement that seeks renewed use of steam power?", True),
    ("Who called for an agency to be created?", False),  # asking someone to act
    ("Who was the school named after?", False),
    ("What did the sails turn?", False),
])
def test_which_questions_ask_what_something_is_called(question, asks):
    from bot.core.question_kind import asks_a_name

    assert asks_a_name(question) is asks


def test_a_name_counts_only_right_after_a_word_of_the_question():
    from bot.core.query import QueryTerm
    from bot.core.sentences import names_what_was_asked
    from bot.core.tokens import tokenize

    def term(word):
        stem = tokenize(word)[0]
        return QueryTerm(stem, 1.0, frozenset({stem}))

    terms = [term("rotors")]
    assert names_what_was_asked("A turbine consists of one or more rotors (rotating discs) on a shaft.", terms)
    assert names_what_was_asked("The rotors are also known as rotating discs.", terms)
    assert not names_what_was_asked("The stators (static discs) redirect the steam onto the rotors.", terms)
    assert not names_what_was_asked("The rotors were built in 1884 (by Parsons).", [term("stators")])


def test_a_table_rule_line_is_no_name_and_the_guard_keeps_the_names_found():
    from bot.core.query import QueryTerm
    from bot.core.sentences import names_what_was_asked
    from bot.core.tokens import tokenize

    def term(word):
        stem = tokenize(word)[0]
        return QueryTerm(stem, 1.0, frozenset({stem}))

    # Without the guard (_NAMING_SIGN) the naming pattern tries every split of these dash runs
    # between a word and a gap: this quoted Markdown table rule alone took minutes (ans24, session 22).
    assert not names_what_was_asked("> |-------------------|------------|-----------------------|",
                                      [term("distribution")])
    assert names_what_was_asked("The rotors are so-called rotating discs.", [term("rotors")])


@pytest.mark.parametrize("question", [
    "What was Temur Khan's Chinese-style name?",
    "What was the Chinese name for the Central Secretariat?",
    "What was Isiah Bowman nick name, as known by the public.",
])
def test_a_question_ending_on_a_name_or_asking_a_name_for_something_asks_what_it_is_called(question):
    """A name the question ends on, or a name *for* something it names, is what it asks: the
    sentence giving it ("Tugh Temur (Emperor Wenzong)", "... would come to be known as Wilson's
    geographer") leads, not the one telling what the person did."""
    from bot.core.question_kind import asks_a_name

    assert asks_a_name(question)


def test_a_second_name_after_a_comma_and_or_is_a_name_given():
    """"ruled as Temür Khan, or Emperor Chengzong, from 1294": a capitalised name after ", or" gives
    the name of what the words before it name, as brackets do; lower case ("apples, or pears") does not."""
    from bot.core.query import QueryTerm
    from bot.core.sentences import names_what_was_asked
    from bot.core.tokens import tokenize

    def term(word):
        stem = tokenize(word)[0]
        return QueryTerm(stem, 1.0, frozenset({stem}))

    said = "Zhenjin's third son succeeded the throne and ruled as Temür Khan, or Emperor Chengzong, from 1294 to 1307."
    assert names_what_was_asked(said, [term("Khan")])
    assert not names_what_was_asked("The farmers grew apples, or pears in poor years.", [term("apples")])

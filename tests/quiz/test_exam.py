"""Exam mode decides which questions would give an open quiz question away."""

from bot.core.quiz.exam import asks_about, conflicting, reveals
from bot.core.quiz.items import MULTIPLE_CHOICE, QuizItem, QuizSource

ITEM = QuizItem(
    id="x", kind=MULTIPLE_CHOICE, answer="1949", options=("1954", "1949", "1955", "1945"),
    prompt="After the founding of the PRC in _____, the Communist leadership turned to the Soviet Union.",
    source=QuizSource("notes.txt", "Soviet Influence", "After the founding of the PRC in 1949, the Communist "
                      "leadership turned to the Soviet Union for guidance.", chunk_id="c1"))


def test_same_words_are_declined_other_questions_are_not():
    assert asks_about("When was the PRC founded?", ITEM)
    assert asks_about("Who did the Communist leadership turn to after the founding of the PRC?", ITEM)
    assert not asks_about("Who replaced Peng Dehuai?", ITEM)
    assert not asks_about("Soviet?", ITEM)  # too short to judge
    assert conflicting("When was the PRC founded?", [ITEM]) is ITEM


def test_an_answer_quoting_the_source_with_the_answer_reveals_it():
    assert reveals("After the founding of the PRC in 1949, the leadership…", ["c1"], ITEM)
    assert not reveals("After the founding of the PRC in 1949…", ["c2"], ITEM)
    assert not reveals("The leadership turned to Moscow.", ["c1"], ITEM)

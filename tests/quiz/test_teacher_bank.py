"""Teachers' YAML banks: valid files become items; each kind of bad file gives a readable error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.quiz.items import FLASHCARD, MULTIPLE_CHOICE, TRUE_FALSE
from bot.core.quiz.teacher_bank import (ADDED_FILE, QuizBankError, add_teacher_question,
                                        load_teacher_banks, load_teacher_file)
from tests.conftest import DEFAULT_CORPUS

GOOD = """
questions:
  - question: In which year was the PRC founded?
    answer: 1949
    wrong: [1945, 1953, 1958]
    explanation: The notes open with the founding of the PRC in 1949.
    topic: First Five-Year Plan
  - question: The Great Leap Forward began in 1958.
    type: true_false
    answer: true
  - question: What does GLF stand for?
    answer: Great Leap Forward
    source: china-under-mao.txt
"""


def write(corpus: Path, name: str, text: str) -> Path:
    folder = corpus / "quizzes"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_gives_items_of_each_kind(tmp_path):
    write(tmp_path, "week1.yaml", GOOD)
    items, errors = load_teacher_banks(tmp_path)
    assert errors == {}
    mc, tf, card = items
    assert mc.kind == MULTIPLE_CHOICE and mc.answer == "1949"
    assert sorted(mc.options) == ["1945", "1949", "1953", "1958"] and mc.options.count("1949") == 1
    assert mc.origin == "teacher" and mc.topic == "First Five-Year Plan" and mc.source is None
    assert tf.kind == TRUE_FALSE and tf.answer == "True" and tf.options == ("True", "False")
    assert card.kind == FLASHCARD and card.options == () and card.source.document == "china-under-mao.txt"
    again, _ = load_teacher_banks(tmp_path)
    assert [(i.id, i.options) for i in again] == [(i.id, i.options) for i in items]  # stable


def test_the_shipped_example_bank_is_valid():
    items = load_teacher_file(DEFAULT_CORPUS / "quizzes" / "example.yaml")
    assert len(items) == 3
    assert {i.kind for i in items} == {MULTIPLE_CHOICE, TRUE_FALSE, FLASHCARD}


def question(**fields) -> str:
    return yaml.safe_dump({"questions": [{"question": "Who replaced Peng Dehuai?", "answer": "Lin Biao",
                                          "wrong": ["Liu Shaoqi"]}, fields]}, allow_unicode=True)


BAD_FILES = {
    "not-yaml": ("questions: [unclosed\n  - {question: x", ["not valid YAML", "line"]),
    "not-a-mapping": ("- just\n- a list\n", ["should be a mapping", "not a list"]),
    "missing-questions": ("quizz:\n  - question: x\n", ["field 'quizz'", "unknown field"]),
    "no-questions-key": ("{}\n", ["field 'questions'", "missing"]),
    "empty-questions": ("questions: []\n", ["field 'questions'", "empty"]),
    "missing-field": (question(question="What was the GLF?"), ["question 2", "field 'answer'", "missing"]),
    "unknown-field": (question(question="Q?", answer="A", explanaton="typo"),
                      ["question 2", "field 'explanaton'", "unknown field"]),
    "answer-among-wrong": (question(question="Q?", answer="Lin Biao", wrong=["Liu Shaoqi", "lin biao"]),
                           ["question 2", "field 'wrong'", "right answer is also listed"]),
    "duplicate-options": (question(question="Q?", answer="Lin Biao", wrong=["Liu Shaoqi", "LIU SHAOQI"]),
                          ["question 2", "field 'wrong'", "same"]),
    "too-many-wrong": (question(question="Q?", answer="A", wrong=["B", "C", "D", "E"]),
                       ["question 2", "field 'wrong'", "1 to 3", "found 4"]),
    "option-too-long": (question(question="Q?", answer="A", wrong=["B" * 81]),
                        ["question 2", "field 'wrong'", "81 characters", "80"]),
    "question-too-long": (question(question="Q" * 257, answer="A"),
                          ["question 2", "field 'question'", "256"]),
    "bad-true-false": (question(question="Q?", type="true_false", answer="maybe"),
                       ["question 2", "field 'answer'", "true or false"]),
    "question-not-a-mapping": ("questions:\n  - just a string\n", ["question 1", "should be a mapping"]),
    "empty-file": ("", ["empty"]),
    "comments-only": ("# nothing yet\n", ["empty"]),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_each_kind_of_bad_file_gives_a_readable_error(tmp_path, case):
    text, expected = BAD_FILES[case]
    write(tmp_path, "week1.yaml", text)
    with pytest.raises(QuizBankError) as info:
        load_teacher_file(tmp_path / "quizzes" / "week1.yaml")
    message = info.value.message
    assert message.startswith("quizzes/week1.yaml")
    for words in expected:
        assert words in message, message
    items, errors = load_teacher_banks(tmp_path)
    reason = message.removeprefix("quizzes/week1.yaml").removeprefix(": ").removeprefix(", ")
    assert items == [] and errors == {"quizzes/week1.yaml": reason}


def test_one_bad_file_never_hides_the_good_ones(tmp_path):
    write(tmp_path, "a-good.yaml", GOOD)
    write(tmp_path, "b-bad.yml", "questions: 3\n")
    write(tmp_path, "notes.txt", "not a bank: ignored")
    items, errors = load_teacher_banks(tmp_path)
    assert len(items) == 3
    assert list(errors) == ["quizzes/b-bad.yml"] and "should be a list" in errors["quizzes/b-bad.yml"]


def test_added_questions_are_appended_validated_and_loadable(tmp_path):
    first = add_teacher_question(tmp_path, "Who replaced Peng Dehuai?", "Lin Biao",
                                 ["Liu Shaoqi", "Deng Xiaoping"], "See the purge section.", "teacher#1")
    second = add_teacher_question(tmp_path, "What does CCP stand for?", "Chinese Communist Party", [], "", "")
    assert first.kind == MULTIPLE_CHOICE and second.kind == FLASHCARD
    items, errors = load_teacher_banks(tmp_path)
    assert errors == {} and [i.id for i in items] == [first.id, second.id]
    data = yaml.safe_load((tmp_path / "quizzes" / ADDED_FILE).read_text(encoding="utf-8"))
    assert data["questions"][0]["author"] == "teacher#1"
    before = (tmp_path / "quizzes" / ADDED_FILE).read_text(encoding="utf-8")
    with pytest.raises(QuizBankError, match="right answer is also listed"):
        add_teacher_question(tmp_path, "Q?", "A", ["a"], "", "")
    with pytest.raises(QuizBankError, match="already in the bank"):
        add_teacher_question(tmp_path, "What does CCP stand for?", "Chinese Communist Party", [], "", "")
    assert (tmp_path / "quizzes" / ADDED_FILE).read_text(encoding="utf-8") == before
    assert [p.name for p in (tmp_path / "quizzes").iterdir()] == [ADDED_FILE]  # no temp file left

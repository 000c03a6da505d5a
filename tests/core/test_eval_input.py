"""The question files of `studybot eval`: what is accepted, what is refused, and what is scored.
A fake `ask` stands in for the service: these tests are about reading and counting, not answers."""

from __future__ import annotations

import json

import pytest

from bot.core.answering import CONFIDENT, Answer, Citation
from bot.core.evaluation import EXAMPLE_LINE, load_questions, run_eval
from bot.errors import InvalidInputError


def write(tmp_path, *lines):
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines),
                    encoding="utf-8")
    return path


def test_a_string_is_one_phrase_not_its_characters(tmp_path):
    questions = load_questions(write(tmp_path, {"question": "Q?", "evidence": "Lin Biao", "answer": "Lin"}))
    assert questions[0].evidence == ("Lin Biao",) and questions[0].answer == ("Lin",)


def test_the_documented_example_line_is_accepted(tmp_path):
    (question,) = load_questions(write(tmp_path, EXAMPLE_LINE))
    assert question.question.endswith("?") and question.evidence and question.answer


@pytest.mark.parametrize("line, field", [
    ({"question": "Q?", "evidence": 3}, "evidence"),
    ({"question": "Q?", "answer": {"a": 1}}, "answer"),
    ({"question": "Q?", "evidence": ["ok", 7]}, "evidence"),
    ({"question": "Q?", "answerable": "no"}, "answerable"),
    ({"question": ["Q?"]}, "question"),
    ({"evidence": ["x"]}, "question"),
    (["Q?"], "line"),
])
def test_a_wrong_type_names_the_line_and_the_field(tmp_path, line, field):
    path = write(tmp_path, {"question": "Fine?", "evidence": ["x"]}, "", line)
    with pytest.raises(InvalidInputError) as error:
        load_questions(path)
    message = error.value.user_message()
    assert "line 3" in message and repr(field) in message


def test_a_line_that_is_not_json_names_the_line(tmp_path):
    with pytest.raises(InvalidInputError, match="line 1: not valid JSON"):
        load_questions(write(tmp_path, '{"question": "Q?",'))


def _answer(quote: str, text: str) -> Answer:
    citation = Citation("notes.txt", "S", None, quote, 0.9, "c1")  # eval searches the passages' quotes
    return Answer("", CONFIDENT, (text,), (citation,), passages=(citation,))


def test_unrelated_evidence_given_as_a_string_is_a_miss(tmp_path):
    path = write(tmp_path, {"question": "Q?", "evidence": "Sino-Soviet Treaty", "answer": "Treaty"})
    report = run_eval(load_questions(path), lambda q: _answer("Mao met Khrushchev.", "Mao met Khrushchev."))
    assert report.metrics["recall@1"] == 0.0 and report.metrics["answer_hit_rate"] == 0.0


def test_a_question_without_evidence_is_left_out_of_recall(tmp_path):
    path = write(tmp_path, {"question": "A?", "evidence": ["Khrushchev"]}, {"question": "B?", "answer": ["Mao"]})
    report = run_eval(load_questions(path), lambda q: _answer("Mao met Khrushchev.", "Mao met Khrushchev."))
    assert report.metrics["recall@1"] == 1.0 and report.metrics["mrr"] == 1.0
    assert report.metrics["answer_hit_rate"] == 1.0 and report.metrics["covered"] == 2
    assert "evidence_rank" not in report.records[1]

"""`studybot chat`: commands, leaving quiz mode, and the order quiz questions come in."""

from __future__ import annotations

import io
import random

from rich.console import Console

from bot.chat import ChatSession
from bot.cli_quiz import ChatQuiz
from bot.core.quiz.items import CLOZE, TRUE_FALSE, QuizItem, QuizSource
from tests.chat_fakes import FakeChatService

SOURCE = QuizSource("notes.txt", "Cells", "Mitochondria release energy.", None, "c1")


def chat(lines: list[str], items=(), seed: int = 0) -> tuple[str, FakeChatService]:
    out = io.StringIO()
    console = Console(file=out, width=200)
    service = FakeChatService(items)
    session = ChatSession(service, console)
    session.quiz = ChatQuiz(service, console, random.Random(seed), items=lambda: service.quiz_bank().items)
    console.input = lambda prompt="": lines.pop(0) if lines else (_ for _ in ()).throw(EOFError())
    session.run()
    return out.getvalue(), service


def test_an_unknown_command_is_not_taken_for_a_question():
    out, service = chat(["/foo", "/quiz"])
    assert "Unknown command /foo" in out and service.asked == []


def test_ask_alone_says_what_to_do():
    out, service = chat(["/ask"])
    assert "Type your question" in out and service.asked == []
    tf = QuizItem("tf1", TRUE_FALSE, "True or false? Mitochondria release energy.", "True",
                  ("True", "False"), SOURCE)
    out, service = chat(["/quiz", "/ask", "Mitochondria?"], [tf])
    assert "Back to questions" in out and service.asked == ["Mitochondria?"]


def test_a_true_false_question_gives_one_instruction():
    tf = QuizItem("tf1", TRUE_FALSE, "True or false? Mitochondria release energy.", "True",
                  ("True", "False"), SOURCE)
    out, _ = chat(["/quiz"], [tf])
    assert out.count("True or False") == 1


def test_quiz_questions_do_not_repeat_until_every_one_was_asked():
    items = [QuizItem(f"c{n}", CLOZE, f"Question number {n} _____.", f"answer {n}", source=SOURCE)
             for n in range(25)]
    for seed in range(5):
        lines = [line for _ in range(30) for line in ("/quiz", "/skip")]
        out, _ = chat(lines, items, seed)
        asked = [line.split("] ", 1)[1] for line in out.splitlines() if line.startswith("[cloze]")]
        assert len(asked) == 30
        assert len(set(asked[:25])) == 25  # one round: each question once
        assert asked[25] != asked[24]  # a new round does not start with the question just asked

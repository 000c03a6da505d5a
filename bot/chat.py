"""`studybot chat`: an interactive terminal session over the service."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from bot.cli_quiz import ChatQuiz
from bot.cli_render import render_answer
from bot.errors import StudyBotError

HELP = ("Type a question about the course notes. Commands: /quiz (a question for you; your next "
        "line answers it), /ask, /help, /quit (or Ctrl-D).")


class ChatSession:
    def __init__(self, service, console: Console) -> None:
        self.service = service
        self.console = console
        self.quiz = ChatQuiz(service, console)

    def run(self) -> None:
        self.console.print(f"[bold]StudyBot[/] — {HELP}")
        while True:
            try:
                line = self.console.input("[bold cyan]you>[/] ").strip()
            except EOFError:
                self.console.print()
                return
            if not line:
                continue
            if line.lower() in {"/quit", "/exit", "quit", "exit"}:
                return
            if line.lower() in {"/help", "help", "?"}:
                self.console.print(HELP)
                continue
            if self.quiz_turn(line):
                continue
            self.handle(line)

    def quiz_turn(self, line: str) -> bool:
        """Quiz mode and commands: /quiz asks, the next line answers; /ask leaves. False: `line` is
        a question."""
        command = line.split(maxsplit=1)[0].lower()
        try:
            if command == "/quiz":
                self.quiz.ask()
                return True
            if command == "/ask":
                left_quiz = self.quiz.pending is not None
                self.quiz.cancel()
                rest = line[len(command):].strip()
                if rest:
                    self.handle(rest)
                elif left_quiz:
                    self.console.print("Back to questions: type a question about the notes.")
                else:
                    self.console.print("Type your question (with or without /ask in front).")
                return True
            if self.quiz.pending is not None:
                self.quiz.answer(line)  # it tells an unknown /command from an answer itself
                return True
            if command.startswith("/"):
                self.console.print(f"Unknown command {escape(command)}. {HELP}", highlight=False)
                return True
        except StudyBotError as exc:
            self.console.print(f"[red]{escape(exc.user_message())}[/]")
            return True
        return False

    def handle(self, question: str) -> None:
        try:
            render_answer(self.console, self.service.ask(question))
        except StudyBotError as exc:
            self.console.print(f"[red]{exc.user_message()}[/]")
        self.console.print()

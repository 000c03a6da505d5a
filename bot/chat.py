"""`studybot chat`: an interactive terminal session over the service."""

from __future__ import annotations

from rich.console import Console

from bot.cli_render import render_answer
from bot.errors import StudyBotError

HELP = "Type a question about the course notes. Commands: /help, /quit (or Ctrl-D)."


class ChatSession:
    def __init__(self, service, console: Console) -> None:
        self.service = service
        self.console = console

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
            self.handle(line)

    def handle(self, question: str) -> None:
        try:
            render_answer(self.console, self.service.ask(question))
        except StudyBotError as exc:
            self.console.print(f"[red]{exc.user_message()}[/]")
        self.console.print()

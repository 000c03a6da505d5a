"""`studybot quiz ...`: the question bank on the command line, and the quiz mode of `studybot chat`."""

from __future__ import annotations

import getpass
import random
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from bot.cli_common import cli_context
from bot.core.quiz.bank import askable_in_chat
from bot.core.quiz.grading import CLOSE, CORRECT, WRONG, grade, normalise
from bot.core.quiz.items import CLOZE, MULTIPLE_CHOICE, TRUE_FALSE, QuizItem
from bot.errors import StudyBotError

quiz_app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                       help="Quiz questions: generated from the notes and from teachers' files.")

CountOpt = Annotated[int, typer.Option("--count", "-n", min=1, help="How many items (best first).")]
CorpusOpt = Annotated[Optional[Path], typer.Option(
    "--corpus", help="Folder of course documents: (re)build the index from it first if needed.")]
IndexOpt = Annotated[Optional[Path], typer.Option("--index", help="Folder of the built index.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
CourseOpt = Annotated[Optional[str], typer.Option(
    "--course", help="The course whose questions to use (`studybot courses` lists them).")]
LETTERS = "ABCD"


def item_json(item: QuizItem) -> dict:
    """The public shape of an item: what `--json` prints and what tools read."""
    src = item.source
    return {
        "id": item.id, "type": item.kind, "kind": item.tests, "prompt": item.prompt, "options": list(item.options),
        "answer": item.answer, "explanation": item.explanation, "origin": item.origin,
        "topic": item.topic, "aliases": list(item.aliases),
        "source": {"document": src.document, "section": src.section, "quote": src.quote,
                   "page": src.page} if src else None,
    }


def _current_bank(ctx: typer.Context, corpus: Path | None, index: Path | None, course: str | None = None):
    """(cli context, service, bank of the current index). An index is built or brought up to date
    only from a corpus the user named, or for the default index of the configured corpus: never
    is `--index DIR` rebuilt from notes it was not made of. A bank that cannot be read is reported
    with the way to rebuild it, not silently replaced."""
    cli = cli_context(ctx)
    service = cli.service(corpus, index, course)
    may_build = corpus is not None or index is None
    opening = service.open_index(build=may_build)
    if opening.report is not None:
        cli.err_console.print("Built the index and its question bank first.")
    # A bank its build did not finish is made here, from the notes the index is made of.
    bank = service.quiz_bank(missing="make" if may_build else "keep")
    if not bank.stored:
        command = (f"`studybot index{f' --course {course}' if course else ''}`" if index is None else
                   f"`studybot index --index {index} --corpus FOLDER`, FOLDER being the notes it was made from")
        raise StudyBotError(f"The question bank of the index in {service.index_dir} is missing or damaged.",
                            hint=f"Rebuild it with {command}.")
    return cli, service, bank


@quiz_app.command()
def generate(ctx: typer.Context, count: CountOpt = 10, corpus: CorpusOpt = None, index: IndexOpt = None,
             course: CourseOpt = None, as_json: JsonOpt = False) -> None:
    """Questions generated from the notes (best first), with the passage each one quotes."""
    cli, service, bank = _current_bank(ctx, corpus, index, course)
    items = bank.generated[:count]
    if as_json:
        with _drafts(service) as drafts:
            statuses = drafts.statuses(items)  # draft, approved or rejected (see `studybot quiz drafts`)
        cli.print_json([{**item_json(i), "status": s} for i, s in zip(items, statuses)])
        return
    if not items:
        cli.console.print("The notes gave no question that passes the quality checks.")
    for number, item in enumerate(items, 1):
        render_item(cli.console, item, number, reveal=True)


@quiz_app.command("drafts")
def drafts_command(ctx: typer.Context, corpus: CorpusOpt = None, index: IndexOpt = None,
                   course: CourseOpt = None) -> None:
    """Approve, edit or reject the generated questions waiting for a teacher, one at a time."""
    from bot.cli_drafts import review_drafts

    cli, service, _ = _current_bank(ctx, corpus, index, course)
    with _drafts(service) as drafts:
        review_drafts(drafts, cli.console, getpass.getuser(), lambda console, item: render_item(console, item,
                                                                                                reveal=True))


def approved_items(service) -> list[QuizItem]:
    """Teachers' items and approved generated ones (as edited), from the bot's database."""
    with _drafts(service) as drafts:
        return drafts.postable()


@contextmanager
def _drafts(service):
    """The drafts service over the bot's database (where Discord's decisions are kept too)."""
    from bot.services.drafts import drafts_of
    from bot.store.database import open_database

    db = open_database(service.settings)
    try:
        yield drafts_of(service, db)
    finally:
        db.close()


@quiz_app.command("bank")
def bank_command(ctx: typer.Context, corpus: CorpusOpt = None, index: IndexOpt = None,
                 course: CourseOpt = None, as_json: JsonOpt = False) -> None:
    """The stored bank: teachers' and generated items, with counts per kind."""
    cli, service, bank = _current_bank(ctx, corpus, index, course)
    manifest = service.info().manifest
    errors = {k: v for k, v in (manifest.skipped if manifest else {}).items() if k.startswith("quizzes/")}
    if as_json:
        cli.print_json({"counts": bank.counts(), "generated": len(bank.generated),
                        "teacher": len(bank.teacher), "errors": errors,
                        "items": [item_json(i) for i in bank.items]})
        return
    counts = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in bank.counts().items())
    cli.console.print(f"{len(bank)} items ({len(bank.teacher)} from teachers, "
                      f"{len(bank.generated)} generated): {counts}.")
    for item in bank.items:
        origin = "teacher" if item.origin == "teacher" else "notes"
        cli.console.print(f"  [dim]{item.id}[/] {item.kind:<15} {origin:<7} {escape(_short(item.prompt))}",
                          highlight=False)
    for name, error in errors.items():
        cli.console.print(f"  [yellow]skipped {escape(name)}[/]: {escape(error)}", highlight=False)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_item(console: Console, item: QuizItem, number: int | None = None, *, reveal: bool) -> None:
    head = f"{number}. " if number is not None else ""
    label = escape(f"{head}[{item.kind.replace('_', ' ')}]")
    console.print(f"[bold]{label}[/] {escape(item.prompt)}", highlight=False)
    for letter, option in zip(LETTERS, item.options if item.kind == MULTIPLE_CHOICE else ()):
        console.print(f"   {letter}) {escape(option)}", highlight=False)
    if reveal:
        console.print(f"   [green]Answer:[/] {escape(_labelled(item))}", highlight=False)
        _render_source(console, item)


def _labelled(item: QuizItem) -> str:
    index = item.answer_index
    if item.kind == MULTIPLE_CHOICE and index is not None:
        return f"{LETTERS[index]}) {item.answer}"
    return item.answer


def _render_source(console: Console, item: QuizItem) -> None:
    if item.source is None:
        return
    quote = f" — “{item.source.quote}”" if item.source.quote else ""
    console.print(f"   [dim]Source: {escape(item.source.label())}{escape(quote)}[/]", highlight=False)


class ChatQuiz:
    """The quiz mode of `studybot chat`: /quiz asks one question, the next line answers it."""

    def __init__(self, service, console: Console, rng: random.Random | None = None,
                 items: Callable[[], list[QuizItem]] | None = None) -> None:
        self.service = service
        self.console = console
        self.rng = rng or random.Random()
        # What may be asked: teachers' own items and approved generated ones, as schedules and
        # /quiz now draw them (a draft no teacher has approved is never asked).
        self.items = items or (lambda: approved_items(service))
        self.pending: QuizItem | None = None
        self._unasked: list[QuizItem] = []  # this round's items not asked yet, in random order
        self._last: QuizItem | None = None

    def ask(self) -> None:
        self.pending = self._draw()
        if self.pending is None:
            self.console.print("No approved quiz question yet: a teacher approves drafts with "
                               "`studybot quiz drafts` (or run `studybot index` first).")
            return
        render_item(self.console, self.pending, reveal=False)
        hint = {MULTIPLE_CHOICE: "a letter", TRUE_FALSE: "True or False", CLOZE: "the missing words"}
        self.console.print(f"[dim]Type {hint.get(self.pending.kind, 'your answer')} "
                           "(/skip to see the answer, /ask to go back to questions).[/]")

    def _draw(self) -> QuizItem | None:
        """Every item once, in random order, before any comes back; a new round does not start
        with the question just asked."""
        if not self._unasked:
            self._unasked = list(askable_in_chat(self.items()))
            self.rng.shuffle(self._unasked)
            if len(self._unasked) > 1 and self._unasked[-1] is self._last:
                self._unasked[0], self._unasked[-1] = self._unasked[-1], self._unasked[0]
        if not self._unasked:
            return None
        self._last = self._unasked.pop()
        return self._last

    def cancel(self) -> None:
        self.pending = None

    def answer(self, text: str) -> str | None:
        """Grade a typed answer to the pending item, show the verdict and the source; None (and
        a hint) when the input is not an answer of the expected form."""
        item = self.pending
        if item is None:
            return None
        if text.strip().lower() == "/skip":
            verdict = "skipped"
        elif text.startswith("/"):
            self.console.print("Answer the question, /skip it, or /ask to go back to questions.")
            return None
        else:
            verdict = typed_verdict(item, text)
            if verdict is None:
                expected = (f"a letter A-{LETTERS[len(item.options) - 1]}" if item.kind == MULTIPLE_CHOICE
                            else "True or False")
                self.console.print(f"Please answer with {expected} (or /skip).")
                return None
        self.pending = None
        shown = escape(_labelled(item))
        if verdict == CORRECT:
            self.console.print(f"[bold green]Right![/] {shown}", highlight=False)
        elif verdict == CLOSE:
            self.console.print(f"[yellow]Almost: the notes say[/] {shown}", highlight=False)
        else:
            lead = "The answer is" if verdict == "skipped" else "Not quite: the answer is"
            self.console.print(f"[red]{lead}[/] {shown}", highlight=False)
        if item.explanation:
            self.console.print(f"   {escape(item.explanation)}", highlight=False)
        _render_source(self.console, item)
        self.console.print("[dim]/quiz for another question, or ask anything.[/]")
        return verdict


def typed_verdict(item: QuizItem, text: str) -> str | None:
    """correct/close/wrong for a typed answer; None when it is not a usable answer for the item."""
    given = text.strip()
    if item.kind == MULTIPLE_CHOICE:
        letter = given.upper().rstrip(").")
        if len(letter) == 1 and letter in LETTERS[: len(item.options)]:
            return CORRECT if item.options[LETTERS.index(letter)] == item.answer else WRONG
        chosen = [o for o in item.options if normalise(o) == normalise(given)]
        if chosen:
            return CORRECT if chosen[0] == item.answer else WRONG
        return None
    if item.kind == TRUE_FALSE:
        value = {"t": "True", "true": "True", "yes": "True", "y": "True",
                 "f": "False", "false": "False", "no": "False", "n": "False"}.get(given.lower())
        if value is None:
            return None
        return CORRECT if value == item.answer else WRONG
    return grade(item.answer, given, item.aliases)

"""How the command line shows answers, index reports and progress (rich on a terminal, plain text
otherwise)."""

from __future__ import annotations

import time
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from bot.core.answering import CLOSEST, NOT_COVERED, NOTES_EMPTY, Answer
from bot.core.indexer import ANSWERS_READY, STAGE_LABELS, IndexReport
from bot.core.text import CODE_FENCE



def render_answer(console: Console, answer: Answer) -> None:
    if answer.reason == NOTES_EMPTY:
        console.print("[bold yellow]The notes are empty:[/] there is nothing to answer from yet. Put "
                      "documents in the corpus folder and run `studybot index`.")
        return
    if answer.tier == NOT_COVERED:
        console.print("[bold yellow]That is not in the course notes.[/]")
        if answer.nearest_topics:
            console.print("The nearest topics in the notes: " + "; ".join(escape(t) for t in answer.nearest_topics))
        return
    if answer.tier == CLOSEST:
        console.print("[yellow]The closest passage in the notes, which may not answer this:[/]")
    for number, (sentence, citation) in enumerate(zip(answer.sentences, answer.citations), 1):
        # after code (a fenced block) the source's number goes on a line of its own
        space = "\n" if sentence.endswith(CODE_FENCE) else " "
        console.print(f"{escape(sentence)}{space}[dim]\\[{number}][/]")
    console.print()
    console.print("[bold]Sources[/]")
    for number, citation in enumerate(answer.citations, 1):
        console.print(f"  [dim]\\[{number}][/] {escape(citation.label())}")


def render_report(console: Console, report: IndexReport) -> None:
    if report.unchanged:
        console.print(f"The index is up to date: {report.documents} documents, {report.chunks} chunks, "
                      f"nothing to embed; {report.quiz_items} quiz questions.")
    else:
        console.print(f"Indexed {report.documents} documents into {report.chunks} chunks "
                      f"({report.embedded} embedded, {report.reused} reused) in {report.seconds:.1f} s: "
                      f"answers ready after {report.answers_seconds:.1f} s, {ready_quiz(report)}.")
        for label, names in (("Added", report.added), ("Changed", report.changed), ("Removed", report.removed)):
            if names:
                console.print(f"{label}: " + ", ".join(escape(n) for n in names))
    for name, reason in report.skipped.items():
        console.print(f"[yellow]Skipped {escape(name)}:[/] {escape(reason)}")


def ready_quiz(report: IndexReport) -> str:
    return f"the quiz bank ({report.quiz_items} questions) after {report.seconds:.1f} s"


@contextmanager
def index_progress(console: Console, enabled: bool):
    """A progress bar per stage on a terminal, and a line when answers come from the new index
    (its quiz bank is made after); a callback that does nothing otherwise."""
    if not enabled:
        yield lambda stage, done, total: None
        return
    started = time.monotonic()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, int] = {}
        last = [0.0]

        def update(stage: str, done: int, total: int) -> None:
            if stage == ANSWERS_READY:
                bar.console.print(f"Answers ready from the new index after {time.monotonic() - started:.1f} s; "
                                  "its sentence vectors and quiz questions are made next.")
                return
            if stage not in tasks:
                tasks[stage] = bar.add_task(STAGE_LABELS.get(stage, stage), total=max(total, 1))
            now = time.monotonic()
            if total == 0:  # nothing to do in this stage (say, every chunk was embedded before)
                bar.update(tasks[stage], completed=1, total=1)
            elif done >= total or now - last[0] > 0.1:
                bar.update(tasks[stage], completed=done, total=total)
                last[0] = now

        yield update


def render_courses(console: Console, rows, servers: dict[str, list[int]]) -> None:
    """One line per course (bot.services.courses.CourseSummary), with the ids of its servers."""
    console.print(f"{'course':<24} {'documents':>9} {'chunks':>8} {'notes':>10} {'index':>10}  servers")
    for row in rows:
        ids = ", ".join(map(str, servers.get(row.name, []))) or "-"
        if not row.built:
            console.print(f"{escape(row.name):<24} {row.documents:>9} {'not indexed yet':>30}  {ids}",
                          highlight=False)
            continue
        console.print(f"{escape(row.name):<24} {row.documents:>9} {row.chunks:>8} {_size(row.notes_bytes):>10} "
                      f"{_size(row.index_bytes):>10}  {ids}", highlight=False)


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count / 1e3:.0f} kB"

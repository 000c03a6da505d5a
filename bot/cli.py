"""`studybot`: the command-line adapter over the same service the Discord bot uses."""

from __future__ import annotations

import signal
import threading
from importlib import metadata
from pathlib import Path
from typing import Annotated, Optional

import typer

from bot.chat import ChatSession
from bot.cli_common import CliContext, cli_context, configure_logging, quiet_libraries
from bot.cli_quiz import quiz_app
from bot.cli_render import index_progress, render_answer, render_courses, render_report
from bot.core.evaluation import EXAMPLE_LINE, FORMAT_HELP, load_questions, run_eval
from bot.core.indexer import ProgressFn
from bot.errors import StudyBotError

try:  # typer >= 0.20 carries its own copy of click; older versions use click itself
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - depends on the installed typer
    from click.exceptions import ClickException

app = typer.Typer(add_completion=False, no_args_is_help=False, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="StudyBot: answers from the course notes, with citations.")
app.add_typer(quiz_app, name="quiz")

CorpusOpt = Annotated[Optional[Path], typer.Option("--corpus", help="Folder of course documents.")]
IndexOpt = Annotated[Optional[Path], typer.Option("--index", help="Folder of the built index.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
CourseOpt = Annotated[Optional[str], typer.Option(
    "--course", help="The course to use (`studybot courses` lists them); default: the default course.")]


def _print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"studybot {metadata.version('studybot')}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context,
          verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show log messages.")] = False,
          version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_print_version,
                                                help="Show the version and exit.")] = False) -> None:
    quiet_libraries()
    configure_logging(verbose)
    if ctx.invoked_subcommand is None:
        start(ctx)


@app.command()
def start(ctx: typer.Context) -> None:
    """The main job: the Discord bot when DISCORD_TOKEN is set, otherwise a terminal chat."""
    cli = cli_context(ctx)
    settings = cli.settings()
    if settings.has_discord_token:
        from bot.discord_bot.runner import run_bot

        run_bot(settings)
        return
    cli.console.print("[dim]No DISCORD_TOKEN is set: starting a terminal chat over the notes in "
                      f"{settings.corpus_dir}/.[/]")
    _chat(cli, cli.make_service(settings))


@app.command()
def index(ctx: typer.Context, corpus: CorpusOpt = None, index: IndexOpt = None, course: CourseOpt = None,
          as_json: JsonOpt = False) -> None:
    """Build or update the index from the corpus (only new text is embedded)."""
    cli = cli_context(ctx)
    service = cli.service(corpus, index, course)
    with index_progress(cli.err_console, enabled=not as_json and cli.err_console.is_terminal) as progress:
        report = service.reindex(stop_checked(progress))
    if as_json:
        cli.print_json(report.to_dict())
    else:
        render_report(cli.console, report)


@app.command()
def ask(ctx: typer.Context, question: str, corpus: CorpusOpt = None, index: IndexOpt = None,
        course: CourseOpt = None, as_json: JsonOpt = False) -> None:
    """Answer one question from the notes, with citations."""
    if not question.strip():
        raise typer.BadParameter("the question is empty.", param_hint="'QUESTION'")
    cli = cli_context(ctx)
    service = cli.service(corpus, index, course)
    _open_for_questions(cli, service, index_without_corpus=index is not None and corpus is None)
    answer = service.ask(question)
    if as_json:
        cli.print_json({"question": answer.question, "answer": answer.text, "abstained": answer.abstained,
                        "tier": answer.tier, "citations": [c.to_dict() for c in answer.citations],
                        "nearest_topics": list(answer.nearest_topics)})
    else:
        render_answer(cli.console, answer)


@app.command()
def chat(ctx: typer.Context, corpus: CorpusOpt = None, index: IndexOpt = None, course: CourseOpt = None) -> None:
    """An interactive session: ask questions, get answers with citations."""
    cli = cli_context(ctx)
    _chat(cli, cli.service(corpus, index, course))


def _chat(cli: CliContext, service) -> None:
    """Open the index (building it, or indexing notes changed since it was built), then chat."""
    with index_progress(cli.err_console, enabled=cli.err_console.is_terminal) as progress:
        said = []

        def announce(stage: str, done: int, total: int) -> None:
            if not said:
                said.append(True)
                cli.console.print("Indexing the notes first...")
            progress(stage, done, total)

        opening = service.open_index(stop_checked(announce))
    if opening.report is not None:
        render_report(cli.console, opening.report)
    ChatSession(service, cli.console).run()


def _open_for_questions(cli: CliContext, service, *, index_without_corpus: bool = False) -> None:
    """Load the index without changing it, and say which notes it does not include yet. The notes are
    the corpus folder's: an index named without its folder (`--index` alone) is compared with the
    configured one, so the note names the folder and says how to name the right one."""
    changed = service.open_index(build=False).changed
    if changed:
        names = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
        hint = (" (or, if this index was built from another folder, name it with --corpus)"
                if index_without_corpus else "")
        cli.err_console.print(f"[yellow]Note:[/] the notes in {service.corpus_dir} changed since the index was "
                              f"built ({names}); run `studybot index` to include the changes{hint}.",
                              highlight=False)


@app.command("eval", help="Measure retrieval and answers on a question set (JSON lines).\n\n"
             f"{FORMAT_HELP}\n\nExample line:\n\n\b\n{EXAMPLE_LINE}")
def evaluate(ctx: typer.Context, file: Path, corpus: CorpusOpt = None, index: IndexOpt = None,
             course: CourseOpt = None, as_json: JsonOpt = False) -> None:
    cli = cli_context(ctx)
    questions = load_questions(file)  # a bad file is refused before the model is loaded
    service = cli.service(corpus, index, course)
    _open_for_questions(cli, service, index_without_corpus=index is not None and corpus is None)
    report = run_eval(questions, service.ask)
    if as_json:
        cli.print_json({"metrics": report.metrics, "kinds": report.by_kind, "questions": report.records})
        return
    for name, value in report.metrics.items():
        cli.console.print(f"{name:>26}: {value if value is not None else '-'}")
    for kind, figures in report.by_kind.items():
        cli.console.print(f"{kind}:")
        for name, value in figures.items():
            cli.console.print(f"{name:>26}: {value if value is not None else '-'}")


@app.command()
def info(ctx: typer.Context, index: IndexOpt = None, course: CourseOpt = None, as_json: JsonOpt = False) -> None:
    """What the index holds and how it was built."""
    cli = cli_context(ctx)
    data = cli.service(index=index, course=course).info().to_dict()
    if as_json:
        cli.print_json(data)
        return
    console = cli.console
    if not data["built"]:
        console.print(f"No index in {data['index_dir']} yet: run `studybot index`.")
        return
    for key in ("index_dir", "model", "dimension", "index_kind", "built_at", "document_count", "chunk_count"):
        console.print(f"{key:>15}: {data[key]}")
    for name, doc in data["documents"].items():
        console.print(f"  {name}: {doc['chunks']} chunks, indexed {doc['indexed_at']}")
    for name, reason in data["skipped"].items():
        console.print(f"  [yellow]skipped {name}[/]: {reason}")


@app.command("courses")
def list_courses(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """The courses: the Discord servers given each, its documents, chunks and size."""
    cli = cli_context(ctx)
    courses = cli.courses()
    rows = [courses.summary(name) for name in courses.names()]
    servers = cli.course_servers()
    if as_json:
        cli.print_json([{"course": r.name, "servers": servers.get(r.name, []), "documents": r.documents,
                         "chunks": r.chunks, "notes_bytes": r.notes_bytes, "index_bytes": r.index_bytes,
                         "built": r.built} for r in rows])
        return
    render_courses(cli.console, rows, servers)


class Stopped(BaseException):
    """Ctrl-C. A BaseException, like KeyboardInterrupt, so that no `except Exception` on the way
    swallows it; and not KeyboardInterrupt itself, which typer turns into a silent exit code."""


# Set by Ctrl-C as well as raised: Python drops an exception raised inside a finaliser (a
# `__del__` that the garbage collector runs while a model loads, say), so a raised Stopped alone can
# be lost and the work go on. Each progress report of long work raises it again (`stop_checked`).
_stop_requested = threading.Event()


def _stop(signum, frame) -> None:
    _stop_requested.set()
    raise Stopped


def stop_checked(progress: ProgressFn) -> ProgressFn:
    """`progress`, raising Stopped once Ctrl-C was pressed (even if the first Stopped was lost)."""
    def checked(stage: str, done: int, total: int) -> None:
        if _stop_requested.is_set():
            raise Stopped
        progress(stage, done, total)
    return checked


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one place turns expected errors into a message and an exit code."""
    _stop_requested.clear()
    previous = signal.signal(signal.SIGINT, _stop)
    try:
        _run(argv)
    finally:
        signal.signal(signal.SIGINT, previous)  # main() may run inside another program (the tests)


def _run(argv: list[str] | None) -> None:
    cli = CliContext()
    try:
        code = app(args=argv, prog_name="studybot", standalone_mode=False, obj=cli)
    except StudyBotError as exc:
        cli.err_console.print(f"[bold red]Error:[/] {exc.user_message()}", highlight=False)
        raise SystemExit(1) from None
    except (Stopped, KeyboardInterrupt, typer.Abort):
        cli.err_console.print("\nStopped.")
        raise SystemExit(130) from None
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except ClickException as exc:  # usage mistakes: the usual usage line and message, exit 2
        exc.show()
        raise SystemExit(exc.exit_code) from None
    # Without standalone mode, typer returns the code of an exit it handled (--help, --version).
    raise SystemExit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()

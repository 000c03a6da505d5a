"""`studybot`: the command-line adapter over the same service the Discord bot uses."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from bot.cli_quiz import quiz_app
from bot.cli_render import index_progress, render_answer, render_report
from bot.config import Settings, load_settings
from bot.core.evaluation import EXAMPLE_LINE, FORMAT_HELP, load_questions, run_eval
from bot.errors import IndexMissingError, StudyBotError

app = typer.Typer(add_completion=False, no_args_is_help=False, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="StudyBot: answers from the course notes, with citations.")
app.add_typer(quiz_app, name="quiz")
console = Console()
err_console = Console(stderr=True)

CorpusOpt = Annotated[Optional[Path], typer.Option("--corpus", help="Folder of course documents.")]
IndexOpt = Annotated[Optional[Path], typer.Option("--index", help="Folder of the built index.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


def _quiet_libraries() -> None:
    # Set before the model libraries are imported: they read these once.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TQDM_DISABLE", "1")


def _settings(corpus: Path | None = None, index: Path | None = None) -> Settings:
    settings = load_settings(corpus_dir=corpus, index_dir=index)
    if not settings.allow_model_download:
        os.environ["HF_HUB_OFFLINE"] = "1"
    return settings


def _service(settings: Settings):
    from bot.service import StudyService

    return StudyService(settings)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context,
          verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show log messages.")] = False) -> None:
    _quiet_libraries()
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if ctx.invoked_subcommand is None:
        start()


@app.command()
def start() -> None:
    """The main job: the Discord bot when DISCORD_TOKEN is set, otherwise a terminal chat."""
    settings = _settings()
    if settings.has_discord_token:
        from bot.discord_bot.runner import run_bot

        run_bot(settings)
        return
    console.print("[dim]No DISCORD_TOKEN is set: starting a terminal chat over the notes in "
                  f"{settings.corpus_dir}/.[/]")
    _chat(settings)


@app.command()
def index(corpus: CorpusOpt = None, index: IndexOpt = None, as_json: JsonOpt = False) -> None:
    """Build or update the index from the corpus (only new text is embedded)."""
    service = _service(_settings(corpus, index))
    with index_progress(err_console, enabled=not as_json and err_console.is_terminal) as progress:
        report = service.reindex(progress)
    if as_json:
        _print_json(report.to_dict())
    else:
        render_report(console, report)


@app.command()
def ask(question: str, index: IndexOpt = None, as_json: JsonOpt = False) -> None:
    """Answer one question from the notes, with citations."""
    answer = _service(_settings(index=index)).ask(question)
    if as_json:
        _print_json({"question": answer.question, "answer": answer.text, "abstained": answer.abstained,
                     "tier": answer.tier, "citations": [c.to_dict() for c in answer.citations],
                     "nearest_topics": list(answer.nearest_topics)})
    else:
        render_answer(console, answer)


@app.command()
def chat(corpus: CorpusOpt = None, index: IndexOpt = None) -> None:
    """An interactive session: ask questions, get answers with citations."""
    _chat(_settings(corpus, index))


def _chat(settings: Settings) -> None:
    from bot.chat import ChatSession

    service = _service(settings)
    try:
        service.load()
    except IndexMissingError:
        console.print("Building the index for the first time...")
        with index_progress(err_console, enabled=err_console.is_terminal) as progress:
            render_report(console, service.reindex(progress))
    ChatSession(service, console).run()


@app.command("eval", help="Measure retrieval and answers on a question set (JSON lines).\n\n"
             f"{FORMAT_HELP}\n\nExample line:\n\n\b\n{EXAMPLE_LINE}")
def evaluate(file: Path, index: IndexOpt = None, as_json: JsonOpt = False) -> None:
    service = _service(_settings(index=index))
    report = run_eval(load_questions(file), service.ask)
    if as_json:
        _print_json({"metrics": report.metrics, "kinds": report.by_kind, "questions": report.records})
        return
    for name, value in report.metrics.items():
        console.print(f"{name:>26}: {value if value is not None else '-'}")
    for kind, figures in report.by_kind.items():
        console.print(f"{kind}:")
        for name, value in figures.items():
            console.print(f"{name:>26}: {value if value is not None else '-'}")


@app.command()
def info(index: IndexOpt = None, as_json: JsonOpt = False) -> None:
    """What the index holds and how it was built."""
    data = _service(_settings(index=index)).info().to_dict()
    if as_json:
        _print_json(data)
        return
    if not data["built"]:
        console.print(f"No index in {data['index_dir']} yet: run `studybot index`.")
        return
    for key in ("index_dir", "model", "dimension", "index_kind", "built_at", "document_count", "chunk_count"):
        console.print(f"{key:>15}: {data[key]}")
    for name, doc in data["documents"].items():
        console.print(f"  {name}: {doc['chunks']} chunks, indexed {doc['indexed_at']}")
    for name, reason in data["skipped"].items():
        console.print(f"  [yellow]skipped {name}[/]: {reason}")


def main() -> None:
    """Console entry point: one place turns expected errors into a message and an exit code."""
    try:
        app(standalone_mode=False)
    except StudyBotError as exc:
        err_console.print(f"[bold red]Error:[/] {exc.user_message()}", highlight=False)
        raise SystemExit(1) from None
    except (typer.Abort, KeyboardInterrupt):
        err_console.print("Stopped.")
        raise SystemExit(130) from None
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except Exception as exc:  # click's usage errors
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            raise SystemExit(exc.exit_code) from None
        raise


if __name__ == "__main__":
    main()

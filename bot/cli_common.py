"""What every `studybot` command shares: the consoles, the settings, JSON output and the way a
service is made. They travel in one `CliContext` object on typer's context, so a test hands the
commands its own (a service with the test run's model) instead of patching module globals."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from bot.config import Settings, load_settings

if TYPE_CHECKING:
    from bot.service import StudyService
    from bot.services.courses import Courses


def _real_service(settings: Settings) -> StudyService:
    from bot.service import StudyService  # late: it imports the model libraries

    return StudyService(settings)


@dataclass
class CliContext:
    make_service: Callable[[Settings], StudyService] = _real_service
    console: Console = field(default_factory=Console)
    err_console: Console = field(default_factory=lambda: Console(stderr=True))

    def settings(self, corpus: Path | None = None, index: Path | None = None) -> Settings:
        settings = load_settings(corpus_dir=corpus, index_dir=index)
        if not settings.allow_model_download:
            os.environ["HF_HUB_OFFLINE"] = "1"
        return settings

    def service(self, corpus: Path | None = None, index: Path | None = None,
                course: str | None = None) -> StudyService:
        """The service of the default course (CORPUS_DIR and INDEX_DIR, or the folders named), or
        of the course named (`--course`), which has its folders of its own."""
        if course is None:
            return self.make_service(self.settings(corpus, index))
        if corpus is not None or index is not None:
            raise typer.BadParameter("a course has its own notes and index folders: give --course, or "
                                     "--corpus/--index, not both.", param_hint="'--course'")
        return self.courses().get(course)

    def courses(self) -> Courses:
        from bot.services.courses import Courses  # late: it imports the model libraries

        settings = self.settings()
        return Courses(settings, default=self.make_service(settings))

    def course_servers(self) -> dict[str, list[int]]:
        """{course: ids of the Discord servers given it}, from the bot's database (none yet: {})."""
        settings = self.settings()
        if not settings.database_url and not settings.database_path.exists():
            return {}
        from bot.store.course_servers import CourseServers
        from bot.store.database import open_database

        db = open_database(settings)
        try:
            return CourseServers(db).guilds_by_course()
        finally:
            db.close()

    def print_json(self, data: object) -> None:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def cli_context(ctx: typer.Context) -> CliContext:
    """The CliContext of this invocation: the one a caller passed as `obj`, else a default one."""
    root = ctx.find_root()
    if not isinstance(root.obj, CliContext):
        root.obj = CliContext()
    return root.obj


def quiet_libraries() -> None:
    """Set before the model libraries are imported: they read these once."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TQDM_DISABLE", "1")


def configure_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # pypdfium2 warns about a file's internals ("Unsupported PDF feature"); what matters, that the
    # file is skipped and why, is in the index report. faiss logs at INFO which CPU builds it tried, with
    # ModuleNotFoundError in the text, which reads as a failure when all is well.
    logging.getLogger("pypdfium2").setLevel(logging.WARNING if verbose else logging.ERROR)
    logging.getLogger("faiss").setLevel(logging.WARNING)

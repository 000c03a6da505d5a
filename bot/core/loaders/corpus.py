"""Which files in the corpus folder are course documents."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from bot.core.abbreviations import NAMES_FILE

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm"}
)
# Question banks and the teacher's list of names live next to the notes but are not notes: they
# must not answer questions, nor be reported as files that could not be indexed.
_QUIZ_FOLDER = "quizzes"


def iter_corpus_files(corpus_dir: Path) -> list[tuple[Path, str]]:
    """Every file under `corpus_dir` that a teacher put there as notes, as (path, name), sorted by
    name; files of a type StudyBot cannot read are included, so that the index report names them
    with the reason instead of leaving them out unseen.

    `name` is the path relative to `corpus_dir` with "/" separators, the document's identity in the
    index. Hidden files and folders, Office lock files ("~$notes.docx"), the top-level `quizzes/`
    folder and `names.yaml` are not notes and are left out.
    """
    if not corpus_dir.is_dir():
        logger.warning("corpus folder %s does not exist", corpus_dir)
        return []
    found: list[tuple[Path, str]] = []
    for folder, subfolders, files in os.walk(corpus_dir):
        relative_folder = Path(folder).relative_to(corpus_dir)
        subfolders[:] = [name for name in subfolders if _is_visible_folder(relative_folder, name)]
        for file_name in files:
            if _is_document_file(file_name) and not (relative_folder == Path(".") and file_name == NAMES_FILE):
                path = Path(folder) / file_name
                found.append((path, (relative_folder / file_name).as_posix()))
    return sorted(found, key=lambda item: item[1])


def _is_visible_folder(parent: Path, name: str) -> bool:
    if name.startswith("."):
        return False
    return not (parent == Path(".") and name == _QUIZ_FOLDER)


def _is_document_file(name: str) -> bool:
    return not name.startswith((".", "~$"))

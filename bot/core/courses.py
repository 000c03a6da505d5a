"""Courses: one bot serves many classes, each with its own notes, index and question bank.

A course is a name and two folders. The default course is the installation's own top-level notes
and index (`corpus/`, `index/`), exactly as before courses existed, so an existing installation
becomes the default course with nothing moved or re-embedded. Every other course lives in a
folder of its own under the courses folder (a setting): `<courses>/<name>/corpus` and
`<courses>/<name>/index`. Plain values only: nothing here knows who asks or from where."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.errors import InvalidInputError

DEFAULT_COURSE = "default"
MAX_NAME = 40
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
CORPUS, INDEX = "corpus", "index"


@dataclass(frozen=True)
class Course:
    name: str
    corpus_dir: Path
    index_dir: Path

    @property
    def is_default(self) -> bool:
        return self.name == DEFAULT_COURSE


@dataclass(frozen=True)
class CourseFolders:
    """Where courses live: the default course's two folders, and the folder of the others."""

    corpus_dir: Path
    index_dir: Path
    courses_dir: Path

    def course(self, name: str) -> Course:
        name = check_course_name(name)
        if name == DEFAULT_COURSE:
            return Course(name, self.corpus_dir, self.index_dir)
        return Course(name, self.courses_dir / name / CORPUS, self.courses_dir / name / INDEX)

    def exists(self, name: str) -> bool:
        course = self.course(name)
        return course.is_default or course.corpus_dir.is_dir()

    def names(self) -> list[str]:
        """The default course first, then every course folder (one with a notes folder), by name."""
        found = []
        if self.courses_dir.is_dir():
            found = sorted(p.name for p in self.courses_dir.iterdir()
                           if p.is_dir() and _NAME.match(p.name) and (p / CORPUS).is_dir() and p.name != DEFAULT_COURSE)
        return [DEFAULT_COURSE, *found]

    def create(self, name: str) -> Course:
        course = self.course(name)
        course.corpus_dir.mkdir(parents=True, exist_ok=True)
        return course


def check_course_name(name: str) -> str:
    """A course name as it is stored: lower case letters, digits, - and _ (it names a folder)."""
    clean = name.strip().lower()
    if not clean or len(clean) > MAX_NAME or not _NAME.match(clean):
        raise InvalidInputError(f"“{name}” cannot name a course.",
                                hint=f"Use up to {MAX_NAME} lower-case letters, digits, - or _, "
                                "starting with a letter or digit.")
    return clean


def name_from(text: str, taken: set[str]) -> str:
    """A course name made from a title (a server's name), unlike any name in `taken`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[: MAX_NAME - 4].strip("-") or "course"
    if base == DEFAULT_COURSE:
        base = "course"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name

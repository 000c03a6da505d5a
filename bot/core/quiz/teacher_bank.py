"""Teachers' own questions: YAML files in `<corpus>/quizzes/` (schema in corpus/quizzes/README.md).

Every error names the file, the question number (from 1) and the field, in words a teacher can act
on; one bad file is reported and skipped, it never hides the good ones.
"""

from __future__ import annotations

import hashlib
import logging
import random
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.core.files import write_atomically
from bot.core.quiz.items import (CLOZE, FLASHCARD, MULTIPLE_CHOICE, TRUE_FALSE, TRUE_FALSE_OPTIONS,
                                 QuizItem, QuizSource, make_item_id)
from bot.errors import StudyBotError

log = logging.getLogger(__name__)

QUIZ_FOLDER = "quizzes"
ADDED_FILE = "added-from-discord.yaml"
SUFFIXES = (".yaml", ".yml")
# Discord limits: an embed title holds 256 characters and a button label 80.
MAX_QUESTION = 256
MAX_OPTION = 80
MAX_ANSWER = 1000  # flashcard/cloze answers are shown in a message, not on a button
MAX_TEXT = 1000  # explanation, source
MAX_TOPIC = 100
_FILE_LOCK = threading.Lock()


class QuizBankError(StudyBotError):
    """A teacher's question file that cannot be used; the message names the file, question and field."""


class TeacherQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    question: str = Field(min_length=1, max_length=MAX_QUESTION)
    answer: str = Field(min_length=1, max_length=MAX_ANSWER)
    wrong: list[str] | None = None
    type: Literal["multiple_choice", "true_false", "flashcard", "cloze"] | None = None
    explanation: str = Field("", max_length=MAX_TEXT)
    topic: str = Field("", max_length=MAX_TOPIC)
    source: str = Field("", max_length=MAX_TEXT)
    id: str | None = Field(None, min_length=1, max_length=64)
    author: str = Field("", max_length=100)

    @field_validator("answer", "question", mode="before")
    @classmethod
    def _yaml_scalars(cls, value: object) -> object:
        return _as_text(value)

    @field_validator("wrong", mode="before")
    @classmethod
    def _wrong_list(cls, value: object) -> object:
        if isinstance(value, list):
            return [_as_text(v) for v in value]
        if value is not None and not isinstance(value, dict):
            return [_as_text(value)]  # a single wrong option written without a list
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "TeacherQuestion":
        kind = self.kind
        if kind == TRUE_FALSE:
            if self.answer.lower() not in ("true", "false"):
                raise _FieldError("answer", "a true/false question needs the answer true or false")
            if self.wrong is not None:
                raise _FieldError("wrong", "a true/false question has no wrong options")
        elif kind == MULTIPLE_CHOICE:
            wrong = [w.strip() for w in self.wrong or []]
            if not 1 <= len(wrong) <= 3:
                raise _FieldError("wrong", f"give 1 to 3 wrong options (found {len(wrong)})")
            if any(not w for w in wrong):
                raise _FieldError("wrong", "a wrong option is empty")
            for option in [self.answer, *wrong]:
                if len(option) > MAX_OPTION:
                    field = "answer" if option == self.answer else "wrong"
                    raise _FieldError(field, f"the option {option[:30]!r}... is {len(option)} characters "
                                      f"long; an answer button holds at most {MAX_OPTION}")
            folded = [w.casefold() for w in wrong]
            if self.answer.casefold() in folded:
                raise _FieldError("wrong", "the right answer is also listed as a wrong option")
            if len(set(folded)) != len(folded):
                raise _FieldError("wrong", "two wrong options are the same")
        elif self.wrong is not None:
            raise _FieldError("wrong", f"a {kind.replace('_', ' ')} question has no wrong options")
        if kind == CLOZE and "___" not in self.question:
            raise _FieldError("question", "a cloze question marks the blank with _____")
        return self

    @property
    def kind(self) -> str:
        if self.type:
            return self.type
        return MULTIPLE_CHOICE if self.wrong is not None else FLASHCARD

    def to_item(self) -> QuizItem:
        kind = self.kind
        answer, options = self.answer, ()
        if kind == MULTIPLE_CHOICE:
            options_list = [self.answer, *(w.strip() for w in self.wrong or [])]
            seed = int.from_bytes(hashlib.sha256(self.question.encode()).digest()[:8], "big")
            random.Random(seed).shuffle(options_list)  # deterministic: same file, same order
            options = tuple(options_list)
        elif kind == TRUE_FALSE:
            answer, options = self.answer.capitalize(), TRUE_FALSE_OPTIONS
        source = QuizSource(self.source, "", "") if self.source else None
        item_id = self.id or make_item_id(kind, self.question, answer, origin="teacher")
        return QuizItem(id=item_id, kind=kind, prompt=self.question, answer=answer, options=options,
                        source=source, explanation=self.explanation, origin="teacher",
                        topic=self.topic)


def _as_text(value: object) -> object:
    """YAML reads `answer: true` as a boolean, `1949` as a number and `1949-10-01` as a date; a
    teacher meant the text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


class _FieldError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


# --- reading --------------------------------------------------------------------------------


def quiz_files(corpus_dir: Path) -> list[Path]:
    folder = corpus_dir / QUIZ_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))


def quiz_file_hashes(corpus_dir: Path) -> dict[str, str]:
    """{"quizzes/name.yaml": sha256 of its bytes}: an edited file must rebuild the bank."""
    found = {}
    for path in quiz_files(corpus_dir):
        try:
            found[display_name(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            found[display_name(path)] = "unreadable"
    return found


def display_name(path: Path) -> str:
    return f"{QUIZ_FOLDER}/{path.name}"


def load_teacher_banks(corpus_dir: Path) -> tuple[list[QuizItem], dict[str, str]]:
    """Items of every valid file, and {"quizzes/name.yaml": reason} for the others (the reason
    without the file name: "question 3, field 'wrong': the right answer is also listed...")."""
    items: list[QuizItem] = []
    errors: dict[str, str] = {}
    seen: set[str] = set()
    for path in quiz_files(corpus_dir):
        try:
            for item in load_teacher_file(path):
                if item.id in seen:  # the same question copied into two files: keep the first
                    log.warning("%s repeats question %s of another file; skipped", display_name(path), item.id)
                    continue
                seen.add(item.id)
                items.append(item)
        except QuizBankError as exc:
            name = display_name(path)
            # The report names the file already: keep "question 3, field 'wrong': ..." as the reason.
            errors[name] = exc.message.removeprefix(f"{name}: ").removeprefix(f"{name}, ")
            log.warning("Skipped %s", exc.message)
    return items, errors


def load_teacher_file(path: Path) -> list[QuizItem]:
    name = display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuizBankError(f"{name}: the file cannot be read as UTF-8 text ({type(exc).__name__}).") from exc
    questions = parse_questions(text, name)
    items, seen = [], {}
    for number, raw in enumerate(questions, 1):
        item = _question(raw, name, number).to_item()
        if item.id in seen:
            raise QuizBankError(f"{name}, question {number}, field 'id': the id {item.id!r} is already "
                                f"used by question {seen[item.id]}")
        seen[item.id] = number
        items.append(item)
    return items


def parse_questions(text: str, name: str) -> list:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise QuizBankError(f"{name}: this is not valid YAML{where}: "
                            f"{getattr(exc, 'problem', None) or exc}.") from exc
    if data is None:
        raise QuizBankError(f"{name}: the file is empty; it should hold a `questions:` list.")
    if not isinstance(data, dict):
        raise QuizBankError(f"{name}: the file should be a mapping with a `questions:` list, "
                            f"not a {_yaml_type(data)}.")
    unknown = sorted(str(k) for k in data if k != "questions")
    if unknown:
        raise QuizBankError(f"{name}, field {unknown[0]!r}: unknown field; the top level holds only `questions:`.")
    if "questions" not in data:
        raise QuizBankError(f"{name}, field 'questions': missing; list the questions under `questions:`.")
    questions = data["questions"]
    if not isinstance(questions, list):
        raise QuizBankError(f"{name}, field 'questions': should be a list of questions, "
                            f"not a {_yaml_type(questions)}.")
    if not questions:
        raise QuizBankError(f"{name}, field 'questions': the list is empty.")
    return questions


def _question(raw: object, name: str, number: int) -> TeacherQuestion:
    where = f"{name}, question {number}"
    if not isinstance(raw, dict):
        raise QuizBankError(f"{where}: should be a mapping with `question:` and `answer:`, not a {_yaml_type(raw)}.")
    try:
        return TeacherQuestion.model_validate(raw)
    except ValidationError as exc:
        raise QuizBankError(f"{where}, {_describe(exc)}") from None


def validated_question(raw: dict, where: str) -> TeacherQuestion:
    """One question checked by the file rules; QuizBankError names `where` and the field at fault."""
    try:
        return TeacherQuestion.model_validate(raw)
    except ValidationError as exc:
        raise QuizBankError(f"{where}, {_describe(exc)}") from None


def _describe(exc: ValidationError) -> str:
    error = exc.errors()[0]
    field = str(error["loc"][0]) if error["loc"] else ""
    kind, context = error["type"], error.get("ctx") or {}
    original = context.get("error")
    if isinstance(original, _FieldError):
        return f"field {original.field!r}: {original.message}"
    if kind == "missing":
        return f"field {field!r}: missing (every question needs `question:` and `answer:`)"
    if kind == "extra_forbidden":
        allowed = ", ".join(TeacherQuestion.model_fields)
        return f"field {field!r}: unknown field (allowed: {allowed})"
    if kind == "string_too_long":
        return f"field {field!r}: too long (at most {context.get('max_length')} characters)"
    if kind == "string_too_short":
        return f"field {field!r}: empty"
    if kind == "literal_error":
        return f"field {field!r}: should be one of multiple_choice, true_false, flashcard, cloze"
    return f"field {field!r}: {error['msg']}"


def _yaml_type(value: object) -> str:
    return {list: "list", str: "text", int: "number", float: "number", bool: "true/false value"}.get(
        type(value), type(value).__name__)


# --- writing --------------------------------------------------------------------------------


def add_teacher_question(corpus_dir: Path, question: str, answer: str, wrong: list[str] | None = None,
                         explanation: str = "", author: str = "") -> QuizItem:
    """Validate one question and append it to quizzes/added-from-discord.yaml (written aside and
    renamed, so a reader never sees half a file). Returns the new item."""
    entry = {"question": question, "answer": answer}
    if wrong:
        entry["wrong"] = list(wrong)
    if explanation:
        entry["explanation"] = explanation
    if author:
        entry["author"] = author
    path = corpus_dir / QUIZ_FOLDER / ADDED_FILE
    with _FILE_LOCK:
        questions = parse_questions(path.read_text(encoding="utf-8"), display_name(path)) if path.exists() else []
        item = _question(entry, display_name(path), len(questions) + 1).to_item()
        if item.id in {_question(q, display_name(path), n).to_item().id for n, q in enumerate(questions, 1)}:
            raise QuizBankError(f"{display_name(path)}: this question is already in the bank.")
        questions.append(entry)
        _write_atomically(path, yaml.safe_dump({"questions": questions}, allow_unicode=True,
                                               sort_keys=False, width=100))
    log.info("Added a teacher question to %s", display_name(path))
    return item


def _write_atomically(path: Path, text: str) -> None:
    write_atomically(path, text.encode("utf-8"))
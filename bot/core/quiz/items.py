"""A quiz item: one question with its right answer and the passage of the notes it comes from."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
CLOZE = "cloze"
FLASHCARD = "flashcard"
KINDS = (MULTIPLE_CHOICE, TRUE_FALSE, CLOZE, FLASHCARD)
# Kinds a student can answer with buttons in a channel (A-D, or True/False).
POSTABLE_KINDS = (MULTIPLE_CHOICE, TRUE_FALSE)
TRUE_FALSE_OPTIONS = ("True", "False")


@dataclass(frozen=True)
class QuizSource:
    document: str
    section: str
    quote: str  # the sentence of the notes that holds the answer
    page: int | None = None
    chunk_id: str = ""

    def label(self) -> str:
        parts = [self.document] + ([self.section] if self.section else []) + (
            [f"p. {self.page}"] if self.page is not None else [])
        return ", ".join(parts)


@dataclass(frozen=True)
class QuizItem:
    id: str  # stable across reindexes: see make_item_id
    kind: str  # one of KINDS
    prompt: str
    answer: str  # the right option (multiple choice, true/false) or the expected text
    options: tuple[str, ...] = ()  # every option, the right one included; empty for cloze/flashcard
    source: QuizSource | None = None  # None only for a teacher's question without a source
    explanation: str = ""
    origin: str = "generated"  # "generated" | "teacher"
    topic: str = ""  # the document and section path, for /quiz schedule topic:
    aliases: tuple[str, ...] = field(default=())  # other accepted answers (typed answers)
    # What the item asks about: person, place, organisation, group, date, number (with its unit),
    # term, definition, cause, enumeration; empty for a teacher's question.
    tests: str = ""
    quality: float = 0.0  # the generator's score (0-1); items under its cut-off are never made

    @property
    def answer_index(self) -> int | None:
        return self.options.index(self.answer) if self.answer in self.options else None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["options"] = list(self.options)
        data["aliases"] = list(self.aliases)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "QuizItem":
        data = dict(data)
        source = data.get("source")
        data["source"] = QuizSource(**source) if source else None
        data["options"] = tuple(data.get("options", ()))
        data["aliases"] = tuple(data.get("aliases", ()))
        return cls(**data)


def make_item_id(kind: str, prompt: str, answer: str, origin: str = "generated") -> str:
    """Same question, same id: a reindex keeps the history (posts, reports, retirement) of an item."""
    key = "\x1f".join((origin, kind, prompt.strip(), answer.strip()))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

"""The question bank of one index build: items generated from the notes plus teachers' items.

It is made at index time and stored as `quiz_bank.jsonl` in the build folder. A reindex reuses the
items of every chunk whose id did not change (a chunk id is a hash of its document, headings and
text) and runs the generator only on new chunks, so an unchanged passage keeps exactly its items.
"""

from __future__ import annotations

import json
import logging
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.documents import Chunk
from bot.core.tokens import fold
from bot.core.quiz import generator
from bot.core.quiz.gen_rank import rank_items
from bot.core.quiz.items import CLOZE, KINDS, POSTABLE_KINDS, QuizItem
from bot.core.quiz.teacher_bank import load_teacher_banks, quiz_file_hashes

log = logging.getLogger(__name__)

BANK_FILE = "quiz_bank.jsonl"
BANK_FORMAT = 1
# The generator parses every sentence it reads with spaCy and holds the parsed notes while it
# runs: measured on the twelve pool notes (411,000 characters), 50 s of CPU and 405 MB at peak.
# So its cost is bounded: a course larger than this (about 80,000 words, a whole textbook) gets
# its questions from an even spread of its passages. Answers still use all of the notes.
QUIZ_NOTES_LIMIT = 500_000


@dataclass
class QuestionBank:
    generated: list[QuizItem] = field(default_factory=list)  # best first (see gen_rank)
    teacher: list[QuizItem] = field(default_factory=list)
    chunk_ids: tuple[str, ...] = ()  # every chunk the generator has seen, items or not
    stored: bool = True  # False when the build has no bank file (built before quizzes existed)

    @property
    def items(self) -> list[QuizItem]:
        return [*self.teacher, *self.generated]

    def __len__(self) -> int:
        return len(self.generated) + len(self.teacher)

    def get(self, item_id: str) -> QuizItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    def counts(self) -> dict[str, int]:
        """Items per kind, teachers' and generated together."""
        return {kind: sum(1 for i in self.items if i.kind == kind) for kind in KINDS}

    def generated_by_chunk(self) -> dict[str, list[QuizItem]]:
        """{chunk id: its items}, with an empty list for chunks that gave none (they are not
        generated again either)."""
        found: dict[str, list[QuizItem]] = {cid: [] for cid in self.chunk_ids}
        for item in self.generated:
            if item.source and item.source.chunk_id:
                found.setdefault(item.source.chunk_id, []).append(item)
        return found


def postable(items: list[QuizItem]) -> list[QuizItem]:
    """Items a student answers with buttons (multiple choice, true/false)."""
    return [item for item in items if item.kind in POSTABLE_KINDS]


def askable_in_chat(items: list[QuizItem]) -> list[QuizItem]:
    """Items a typed answer can be graded for: postable ones and cloze items."""
    return [item for item in items if item.kind in POSTABLE_KINDS or item.kind == CLOZE]


def by_topic(items: list[QuizItem], topic: str) -> list[QuizItem]:
    """Items whose document name, any part of the section path, or teacher topic matches `topic`
    (case- and accent-insensitive, whole part or a part's beginning)."""
    wanted = fold(topic).strip()
    if not wanted:
        return list(items)

    def names(item: QuizItem) -> list[str]:
        parts = [item.topic, *item.topic.split(" > ")]
        if item.source:
            parts += [item.source.document, Path(item.source.document).stem,
                      *item.source.section.split(" > ")]
        return [fold(p).strip() for p in parts if p]

    return [item for item in items if any(n == wanted or n.startswith(wanted) for n in names(item))]


def quiz_state(corpus_dir: Path) -> dict[str, object]:
    """What a stored bank depends on besides the chunks: the generator and the teachers' files.
    Kept in the manifest, so that an edited YAML file makes a reindex rebuild."""
    return {"generator": generator.GENERATOR_VERSION, "files": quiz_file_hashes(corpus_dir)}


def quiz_source(chunks: list[Chunk], limit: int | None = None) -> list[Chunk]:
    """The chunks the generator reads: all of them while the notes hold at most `limit` characters;
    past that, every k-th chunk of each document, so the bank still spreads over every document
    and its sections. Chosen by position within a document, so adding a document leaves the others'
    choice (and their reusable items) as it was."""
    limit = QUIZ_NOTES_LIMIT if limit is None else limit
    total = sum(len(c.text) for c in chunks)
    if total <= limit:
        return chunks
    step = math.ceil(total / limit)
    chosen = [c for c in chunks if c.position % step == 0]
    log.info("Quiz bank: the notes hold %d characters; questions are made from every %d. passage "
             "(%d of %d)", total, step, len(chosen), len(chunks))
    return chosen


def build_bank(chunks: list[Chunk], corpus_dir: Path,
               previous_generated_by_chunk: dict[str, list[QuizItem]] | None = None, *,
               teacher: tuple[list[QuizItem], dict[str, str]] | None = None
               ) -> tuple[QuestionBank, dict[str, str]]:
    """The bank for these chunks: previous items for known chunk ids, fresh ones for the rest, and
    the teachers' files (`teacher`: already loaded ones). Returns (bank, {"quizzes/file.yaml":
    error} for bad teacher files)."""
    previous = previous_generated_by_chunk or {}
    chunks = quiz_source(chunks)
    new_chunks = [c for c in chunks if c.id not in previous]
    fresh: dict[str, list[QuizItem]] = {c.id: [] for c in new_chunks}
    failed = False
    if new_chunks:
        try:
            for item in generator.generate_items(new_chunks, notes=chunks):
                fresh[item.source.chunk_id].append(item)
        except Exception:  # a generator bug must not stop the notes from being indexed
            log.exception("Generating quiz items failed; the new chunks get none this time")
            fresh, failed = {c.id: [] for c in new_chunks}, True
    generated = [item for c in chunks for item in (fresh[c.id] if c.id in fresh else previous[c.id])]
    teacher_items, errors = teacher if teacher is not None else load_teacher_banks(corpus_dir)
    log.info("Quiz bank: %d generated (%d chunks generated anew, %d reused), %d from teachers",
             len(generated), len(new_chunks), len(chunks) - len(new_chunks), len(teacher_items))
    # Chunks the generator failed on are left out of `chunk_ids`, so a later build tries them again.
    seen = tuple(c.id for c in chunks if not (failed and c.id in fresh))
    bank = QuestionBank(rank_items(generated), list(teacher_items), seen)
    return bank, errors


# --- storage --------------------------------------------------------------------------------


def save_bank(bank: QuestionBank, folder: Path) -> None:
    """One JSON object a line: a header (format, generator version, chunk ids), then the items.
    Written aside and renamed into place: the folder may be a build already published, whose
    readers then see no bank or the whole of it."""
    header = {"format": BANK_FORMAT, "generator": generator.GENERATOR_VERSION,
              "chunks": list(bank.chunk_ids)}
    aside = folder / f".{BANK_FILE}.partial"
    with aside.open("w", encoding="utf-8") as out:
        out.write(json.dumps(header, ensure_ascii=False) + "\n")
        for item in bank.items:
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(aside, folder / BANK_FILE)


def load_bank(folder: Path | None) -> QuestionBank:
    """The bank stored in a build folder; an empty bank with `stored=False` when there is none or
    it cannot be read (a reindex then makes it anew)."""
    if not bank_is_current(folder):
        return QuestionBank(stored=False)
    try:
        with (folder / BANK_FILE).open(encoding="utf-8") as lines:
            header = json.loads(next(lines))
            items = [QuizItem.from_dict(json.loads(line)) for line in lines if line.strip()]
    except (OSError, ValueError, TypeError, KeyError, StopIteration) as exc:
        log.warning("The quiz bank in %s is unreadable (%s)", folder, exc)
        return QuestionBank(stored=False)
    return QuestionBank(generated=[i for i in items if i.origin != "teacher"],
                        teacher=[i for i in items if i.origin == "teacher"],
                        chunk_ids=tuple(header.get("chunks", ())))


def bank_is_current(folder: Path | None) -> bool:
    """Whether the folder holds a bank made by this format and this generator version."""
    try:
        with (folder / BANK_FILE).open(encoding="utf-8") as lines:  # type: ignore[operator]
            header = json.loads(next(lines, "") or "{}")
    except (OSError, TypeError, ValueError):
        return False
    return (isinstance(header, dict) and header.get("format") == BANK_FORMAT
            and header.get("generator") == generator.GENERATOR_VERSION)


def reusable_items(folder: Path | None) -> dict[str, list[QuizItem]]:
    """Generated items of a previous build by chunk id, when this generator made them; otherwise
    nothing, and everything is generated anew."""
    bank = load_bank(folder)
    return bank.generated_by_chunk() if bank.stored else {}

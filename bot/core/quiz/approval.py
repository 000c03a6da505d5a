"""Teachers approve what is posted: a generated quiz item is a draft until a teacher approves it
(or edits it, which approves the edited version) or rejects it.

A decision is keyed by the item's content (its kind, prompt, options, answer and the sentence of
the notes it comes from), not by its place in a build, so it survives reindexing and restarts: a
rejected item never comes back, and an item whose source sentence changed is a new draft.
Teachers' own questions need no approval. A setting can approve every generated item at once
(rejections still hold)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from bot.core.quiz.items import POSTABLE_KINDS, TRUE_FALSE, QuizItem
from bot.core.quiz.teacher_bank import validated_question

DRAFT, APPROVED, REJECTED = "draft", "approved", "rejected"
TEACHER = "teacher"


def content_key(item: QuizItem) -> str:
    """The same question made from the same sentence has the same key, build after build."""
    quote = item.source.quote if item.source else ""
    parts = (item.kind, item.prompt.strip(), item.answer.strip(), *sorted(o.strip() for o in item.options),
             "\x1e", quote.strip())
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Decision:
    key: str  # content_key of the item as generated
    item_id: str
    status: str  # APPROVED or REJECTED
    decided_by: str
    decided_at: datetime
    reason: str = ""  # why it was rejected
    edited: QuizItem | None = None  # the teacher's version, posted instead of the generated one


def status_of(item: QuizItem, decisions: dict[str, Decision], auto_approve: bool) -> str:
    if item.origin == TEACHER:
        return APPROVED
    decision = decisions.get(content_key(item))
    if decision is not None:
        return decision.status
    return APPROVED if auto_approve else DRAFT


def postable(items: Iterable[QuizItem], decisions: dict[str, Decision], auto_approve: bool) -> list[QuizItem]:
    """The items schedules and `/quiz now` may draw from: teachers' own and approved ones, each
    as the teacher last edited it."""
    chosen = []
    for item in items:
        if status_of(item, decisions, auto_approve) == APPROVED:
            decision = decisions.get(content_key(item))
            chosen.append(decision.edited if decision and decision.edited else item)
    return chosen


def drafts(items: Iterable[QuizItem], decisions: dict[str, Decision]) -> list[QuizItem]:
    """Generated items that could be posted and wait for a teacher's decision, in bank order (best
    first). With auto-approve on they are posted meanwhile; a decision still counts."""
    return [i for i in items if i.origin != TEACHER and i.kind in POSTABLE_KINDS
            and content_key(i) not in decisions]


def edited_item(item: QuizItem, question: str, answer: str, wrong: list[str], explanation: str) -> QuizItem:
    """The item as a teacher rewrote it, checked by the same rules as a teacher's own question
    (InvalidInputError-like QuizBankError naming the field). It keeps its id and source, so its
    history (posts, reports, review cards) stays with it."""
    entry: dict = {"question": question, "answer": answer, "type": item.kind, "explanation": explanation}
    if item.kind != TRUE_FALSE:
        entry["wrong"] = wrong
    checked = validated_question(entry, "Your edit").to_item()
    return replace(item, prompt=checked.prompt, answer=checked.answer, options=checked.options,
                   explanation=checked.explanation)

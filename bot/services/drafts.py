"""Teachers' review of generated quiz items before anything is posted: the drafts one at a time,
approve, edit (which approves the edited version) and reject with a reason. Schedules and
`/quiz now` draw only from what `postable` returns (see bot.core.quiz.approval for the rules)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from bot.core.quiz.approval import (APPROVED, REJECTED, Decision, content_key, drafts, edited_item, postable,
                                    status_of)
from bot.core.quiz.items import QuizItem
from bot.errors import InvalidInputError, NotFoundError
from bot.service import StudyService
from bot.store.database import Database
from bot.store.quiz_decisions import QuizDecisions


@dataclass(frozen=True)
class Draft:
    item: QuizItem
    key: str  # what the decision will be filed under
    position: int  # 1-based, in the queue as it is now
    waiting: int  # drafts waiting, this one included


class DraftsService:
    def __init__(self, decisions: QuizDecisions, bank: Callable[[], list[QuizItem]], auto_approve: bool,
                 clock: Callable[[], datetime]) -> None:
        self.decisions = decisions
        self.bank = bank  # every item of the bank being served, drafts included
        self.auto_approve = auto_approve
        self.clock = clock

    def postable(self) -> list[QuizItem]:
        return postable(self.bank(), self.decisions.all(), self.auto_approve)

    def statuses(self, items: list[QuizItem]) -> list[str]:
        """draft, approved or rejected, for each item (in order)."""
        decisions = self.decisions.all()
        return [status_of(item, decisions, self.auto_approve) for item in items]

    def waiting(self) -> list[QuizItem]:
        return drafts(self.bank(), self.decisions.all())

    def next_draft(self, after: int = 0) -> Draft | None:
        """The first draft waiting (or the one `after` drafts further on, for a teacher who skips)."""
        queue = self.waiting()
        if after >= len(queue):
            return None
        return Draft(queue[after], content_key(queue[after]), after + 1, len(queue))

    def find(self, key: str) -> QuizItem:
        item = next((i for i in self.waiting() if content_key(i) == key), None)
        if item is None:
            raise NotFoundError("That draft is not waiting any more: it was decided already, or the notes changed.",
                                hint="Open the drafts again to see the next one.")
        return item

    def approve(self, key: str, by: str) -> QuizItem:
        item = self.find(key)
        self.decisions.record(Decision(key, item.id, APPROVED, by, self.clock()))
        return item

    def edit(self, key: str, by: str, *, question: str, answer: str, wrong: list[str],
             explanation: str = "") -> QuizItem:
        """Approve the teacher's version of a draft (checked like a teacher's own question)."""
        item = self.find(key)
        edited = edited_item(item, question, answer, wrong, explanation)
        self.decisions.record(Decision(key, item.id, APPROVED, by, self.clock(), edited=edited))
        return edited

    def reject(self, key: str, by: str, reason: str) -> QuizItem:
        reason = reason.strip()
        if not reason:
            raise InvalidInputError("Say why the question is rejected.", hint="A few words help the next reviewer.")
        item = self.find(key)
        self.decisions.record(Decision(key, item.id, REJECTED, by, self.clock(), reason=reason))
        return item


def drafts_of(study: StudyService, db: Database, clock: Callable[[], datetime] | None = None) -> DraftsService:
    """The drafts of the bank of `study`'s course, with the course's decisions kept in `db`."""
    return DraftsService(QuizDecisions(db, study.name), lambda: list(study.quiz_bank().items),
                         study.settings.quiz_auto_approve, clock or (lambda: datetime.now(timezone.utc)))

"""Teachers' approval of generated quiz items, without Discord: drafts, approve, edit, reject,
decisions that outlive a rebuild of the bank, and the auto-approve setting."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from bot.core.quiz.approval import APPROVED, DRAFT, REJECTED, content_key
from bot.core.quiz.items import MULTIPLE_CHOICE, TRUE_FALSE, QuizItem, QuizSource, make_item_id
from bot.errors import InvalidInputError, NotFoundError, StudyBotError
from bot.services.drafts import DraftsService
from bot.store.database import Database
from bot.store.quiz_decisions import QuizDecisions

NOW = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def generated(n: int, quote: str | None = None) -> QuizItem:
    prompt, answer = f"Which city hosted conference {n}?", f"Lushan {n}"
    return QuizItem(id=make_item_id(MULTIPLE_CHOICE, prompt, answer), kind=MULTIPLE_CHOICE, prompt=prompt,
                    answer=answer, options=(f"Beijing {n}", answer, f"Wuhan {n}", f"Nanjing {n}"),
                    source=QuizSource("notes.md", "Party", quote or f"Conference {n} met at Lushan {n}."))


TEACHERS = QuizItem(id="t1", kind=TRUE_FALSE, prompt="The PRC was founded in 1949.", answer="True",
                    options=("True", "False"), origin="teacher")


class Bank:
    def __init__(self, tmp_path, auto_approve: bool = False) -> None:
        self.items = [generated(1), generated(2), generated(3), TEACHERS]
        self.db = Database(tmp_path / "state.db")
        self.service = DraftsService(QuizDecisions(self.db), lambda: list(self.items), auto_approve, lambda: NOW)


@pytest.fixture
def bank(tmp_path):
    return Bank(tmp_path)


def test_generated_items_wait_as_drafts_and_teachers_own_are_approved(bank):
    assert bank.service.statuses(bank.items) == [DRAFT, DRAFT, DRAFT, APPROVED]
    assert bank.service.postable() == [TEACHERS]
    first = bank.service.next_draft()
    assert (first.item, first.position, first.waiting) == (bank.items[0], 1, 3)
    assert bank.service.next_draft(after=2).item == bank.items[2] and bank.service.next_draft(after=3) is None


def test_approve_edit_and_reject(bank):
    one, two, three = bank.items[:3]
    bank.service.approve(content_key(one), "teacher")
    edited = bank.service.edit(content_key(two), "teacher", question="Where did conference 2 meet?",
                               answer="Lushan 2", wrong=["Beijing 2", "Wuhan 2"], explanation="The notes say so.")
    assert edited.id == two.id and edited.source == two.source and edited.prompt == "Where did conference 2 meet?"
    assert sorted(edited.options) == ["Beijing 2", "Lushan 2", "Wuhan 2"]
    bank.service.reject(content_key(three), "teacher", "Asks about trivia.")
    assert bank.service.statuses(bank.items) == [APPROVED, APPROVED, REJECTED, APPROVED]
    assert bank.service.postable() == [one, edited, TEACHERS]
    assert bank.service.next_draft() is None
    with pytest.raises(NotFoundError):  # decided already: a second click on a stale button
        bank.service.approve(content_key(three), "teacher")
    [rejected] = [d for d in QuizDecisions(bank.db).all().values() if d.status == REJECTED]
    assert rejected.reason == "Asks about trivia." and rejected.item_id == three.id


def test_an_edit_is_checked_like_a_teachers_question_and_a_rejection_needs_a_reason(bank):
    key = content_key(bank.items[0])
    with pytest.raises(StudyBotError, match="field 'wrong'"):
        bank.service.edit(key, "teacher", question="Where?", answer="Lushan 1", wrong=["lushan 1"])
    with pytest.raises(InvalidInputError):
        bank.service.reject(key, "teacher", "   ")
    assert bank.service.statuses(bank.items)[0] == DRAFT  # nothing was decided


def test_decisions_outlive_a_rebuild_and_a_changed_sentence_is_a_draft_again(bank, tmp_path):
    one, two = bank.items[:2]
    bank.service.reject(content_key(one), "teacher", "Wrong by the notes.")
    bank.service.approve(content_key(two), "teacher")
    # A reindex rebuilds the bank: equal items, new objects; item 2's sentence was rewritten.
    rebuilt = [replace(one), generated(2, quote="Conference 2, in 1959, met at Lushan 2."), generated(3), TEACHERS]
    reopened = DraftsService(QuizDecisions(Database(tmp_path / "state.db")), lambda: rebuilt, False, lambda: NOW)
    assert reopened.statuses(rebuilt) == [REJECTED, DRAFT, DRAFT, APPROVED]
    assert [d.item for d in (reopened.next_draft(0), reopened.next_draft(1))] == rebuilt[1:3]


def test_auto_approve_posts_drafts_but_rejections_hold(tmp_path):
    bank = Bank(tmp_path, auto_approve=True)
    bank.service.reject(content_key(bank.items[0]), "teacher", "Ambiguous.")
    assert bank.service.statuses(bank.items) == [REJECTED, APPROVED, APPROVED, APPROVED]
    assert bank.service.postable() == bank.items[1:]

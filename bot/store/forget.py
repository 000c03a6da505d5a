"""/quiz forget-me: erase every row about one student, in one transaction, and say what went.

What is erased (in one guild, or everywhere when guild_id is None):

* quiz answers (their scores, streaks and leaderboard places are computed from these, so they go
  too), and the student's reports of broken questions;
* spaced-review cards and their review log;
* the questions they asked the bot (`answers`), with every vote on those answers, and the votes
  they gave on other people's answers;
* the course they chose for their direct messages (whatever the scope: it belongs to no one
  server, and without it they are simply asked again).

Not erased: the posts themselves (they belong to the class), and teachers' audit columns
(`quiz_schedules.created_by`, `quiz_retired.retired_by`), which record a teacher's action, not a
student's data. Counting and deleting happen in one transaction, so the counts are exactly
what was deleted.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Table, delete, func, select

from bot.store.database import Database
from bot.store.schema import (answers, dm_courses, feedback, quiz_answers, quiz_posts, quiz_reports, review_cards,
                              review_log)

KEYS = ("quiz answers", "reports", "review cards", "questions asked", "votes", "direct-message course choice")


def _scope(guild_id: int | None, user_id: int) -> dict[str, tuple[Table, ColumnElement[bool]]]:
    """{what: (table, condition)} selecting the user's rows in scope."""
    everywhere = guild_id is None

    def own(table: Table) -> ColumnElement[bool]:
        return table.c.user_id == user_id if everywhere else (table.c.user_id == user_id) & (table.c.guild_id == guild_id)

    def mine_in(table: Table, key, parent: Table) -> ColumnElement[bool]:
        if everywhere:
            return table.c.user_id == user_id
        return (table.c.user_id == user_id) & key.in_(select(parent.c.id).where(parent.c.guild_id == guild_id))

    return {
        "quiz answers": (quiz_answers, mine_in(quiz_answers, quiz_answers.c.post_id, quiz_posts)),
        "reports": (quiz_reports, mine_in(quiz_reports, quiz_reports.c.post_id, quiz_posts)),
        "review log": (review_log, own(review_log)),
        "review cards": (review_cards, own(review_cards)),
        "votes": (feedback, mine_in(feedback, feedback.c.answer_id, answers)),
        # Others' votes on this student's questions: they would point at a deleted question.
        "votes on their questions": (feedback, feedback.c.answer_id.in_(select(answers.c.id).where(own(answers)))),
        "questions asked": (answers, own(answers)),
        "direct-message course choice": (dm_courses, dm_courses.c.user_id == user_id),
    }


# Children before parents, and votes before the questions they point at.
_DELETE_ORDER = ("quiz answers", "reports", "review log", "review cards", "votes", "votes on their questions",
                 "questions asked", "direct-message course choice")


def preview(db: Database, guild_id: int | None, user_id: int) -> dict[str, int]:
    """What forget_user would erase now, for the confirmation prompt (nothing is deleted)."""
    scope = _scope(guild_id, user_id)
    return {label: int(db.scalar(select(func.count()).select_from(scope[label][0]).where(scope[label][1])))
            for label in KEYS}


def forget_user(db: Database, guild_id: int | None, user_id: int) -> dict[str, int]:
    """Delete every row about `user_id`; returns {what: how many} for the confirmation message.

    "votes" counts the student's own votes; votes of others on the student's questions are deleted
    as well but not counted (they are not the student's data).
    """
    scope = _scope(guild_id, user_id)
    # One transaction: no other thread adds a row between the counting and the deleting (on
    # PostgreSQL, the student's key also keeps another process's review of their cards out).
    with db.atomic(f"student:{user_id}"):
        counts = preview(db, guild_id, user_id)
        for label in _DELETE_ORDER:
            table, condition = scope[label]
            db.execute(delete(table).where(condition))
    return counts

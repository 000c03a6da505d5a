"""/quiz forget-me: erase every row about one student, in one transaction, and say what went.

What is erased (in one guild, or everywhere when guild_id is None):

* quiz answers (their scores, streaks and leaderboard places are computed from these, so they go
  too), and the student's reports of broken questions;
* spaced-review cards and their review log;
* the questions they asked the bot (`answers`), with every vote on those answers, and the votes
  they gave on other people's answers.

Not erased: the posts themselves (they belong to the class), and teachers' audit columns
(`quiz_schedules.created_by`, `quiz_retired.retired_by`), which record a teacher's action, not a
student's data. Counting and deleting happen in one transaction, so the counts are exactly
what was deleted.
"""

from __future__ import annotations

from bot.store.database import Database

KEYS = ("quiz answers", "reports", "review cards", "questions asked", "votes")


def _scope(guild_id: int | None, user_id: int) -> dict[str, tuple[str, str, tuple]]:
    """{what: (table, WHERE clause, params)} selecting the user's rows in scope."""
    everywhere = guild_id is None
    params: tuple = (user_id,) if everywhere else (user_id, guild_id)
    in_guild_posts = "" if everywhere else " AND post_id IN (SELECT id FROM quiz_posts WHERE guild_id = ?)"
    in_guild_answers = "" if everywhere else " AND answer_id IN (SELECT id FROM answers WHERE guild_id = ?)"
    own = "user_id = ?" + ("" if everywhere else " AND guild_id = ?")
    return {
        "quiz answers": ("quiz_answers", "user_id = ?" + in_guild_posts, params),
        "reports": ("quiz_reports", "user_id = ?" + in_guild_posts, params),
        "review log": ("review_log", own, params),
        "review cards": ("review_cards", own, params),
        "votes": ("feedback", "user_id = ?" + in_guild_answers, params),
        # Others' votes on this student's questions: they would point at a deleted question.
        "votes on their questions": ("feedback", f"answer_id IN (SELECT id FROM answers WHERE {own})", params),
        "questions asked": ("answers", own, params),
    }


# Children before parents, and votes before the questions they point at.
_DELETE_ORDER = ("quiz answers", "reports", "review log", "review cards", "votes", "votes on their questions",
                 "questions asked")


def preview(db: Database, guild_id: int | None, user_id: int) -> dict[str, int]:
    """What forget_user would erase now, for the confirmation prompt (nothing is deleted)."""
    scope = _scope(guild_id, user_id)
    return {label: int(db.query(f"SELECT COUNT(*) AS n FROM {scope[label][0]} WHERE {scope[label][1]}",
                                scope[label][2])[0]["n"]) for label in KEYS}


def forget_user(db: Database, guild_id: int | None, user_id: int) -> dict[str, int]:
    """Delete every row about `user_id`; returns {what: how many} for the confirmation message.

    "votes" counts the student's own votes; votes of others on the student's questions are deleted
    as well but not counted (they are not the student's data).
    """
    scope = _scope(guild_id, user_id)
    # One transaction: no other thread adds a row between the counting and the deleting.
    with db.atomic():
        counts = preview(db, guild_id, user_id)
        for label in _DELETE_ORDER:
            db.execute(f"DELETE FROM {scope[label][0]} WHERE {scope[label][1]}", scope[label][2])
    return counts

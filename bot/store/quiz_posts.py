"""Posted quiz questions, the students' answers, reports and retired items.

A post is reserved under the unique key (schedule, local date, slot) before anything is sent to
Discord, so two ticks (or a restart) can never post the same occurrence twice; every answer is
written the moment it is clicked."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from bot.core.quiz.items import QuizItem
from bot.core.quiz.records import FAILED, OPEN, POSTING, REVEALED, Post, Tally
from bot.store.database import Database


def _post(row: sqlite3.Row) -> Post:
    return Post(
        id=row["id"], schedule_id=row["schedule_id"], guild_id=row["guild_id"], channel_id=row["channel_id"],
        local_date=date.fromisoformat(row["local_date"]), slot=row["slot"],
        item=QuizItem.from_dict(json.loads(row["item_json"])), message_id=row["message_id"],
        opens_at=datetime.fromisoformat(row["opens_at"]), closes_at=datetime.fromisoformat(row["closes_at"]),
        status=row["status"],
        revealed_at=datetime.fromisoformat(row["revealed_at"]) if row["revealed_at"] else None)


class QuizPosts:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- posts ---------------------------------------------------------------------------------

    def reserve(self, *, schedule_id: int | None, guild_id: int, channel_id: int, local_date: date,
                items: list[QuizItem], opens_at: datetime, closes_at: datetime) -> list[Post]:
        """Claim an occurrence before posting it. Returns [] when it was claimed already."""
        statements = [(
            "INSERT INTO quiz_posts (schedule_id, guild_id, channel_id, local_date, slot, item_id, item_json,"
            " opens_at, closes_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (schedule_id, guild_id, channel_id, local_date.isoformat(), slot, item.id,
             json.dumps(item.to_dict()), opens_at.isoformat(), closes_at.isoformat(), POSTING))
            for slot, item in enumerate(items, 1)]
        try:
            self.db.transaction(statements)
        except sqlite3.IntegrityError:
            return []
        rows = self.db.query(
            "SELECT * FROM quiz_posts WHERE schedule_id IS ? AND local_date = ? AND guild_id = ? AND channel_id = ?"
            " AND status = ? ORDER BY id DESC LIMIT ?",
            (schedule_id, local_date.isoformat(), guild_id, channel_id, POSTING, len(items)))
        return sorted((_post(r) for r in rows), key=lambda p: p.slot)

    def posted_dates(self, schedule_id: int) -> set[date]:
        rows = self.db.query("SELECT DISTINCT local_date FROM quiz_posts WHERE schedule_id = ?", (schedule_id,))
        return {date.fromisoformat(r["local_date"]) for r in rows}

    def mark_open(self, post_id: int, message_id: int) -> None:
        self.db.execute("UPDATE quiz_posts SET message_id = ?, status = ? WHERE id = ?", (message_id, OPEN, post_id))

    def mark_failed(self, post_id: int) -> None:
        self.db.execute("UPDATE quiz_posts SET status = ? WHERE id = ?", (FAILED, post_id))

    def mark_revealed(self, post_id: int, at: datetime) -> None:
        self.db.execute("UPDATE quiz_posts SET status = ?, revealed_at = ? WHERE id = ?",
                        (REVEALED, at.isoformat(), post_id))

    def get(self, post_id: int) -> Post | None:
        rows = self.db.query("SELECT * FROM quiz_posts WHERE id = ?", (post_id,))
        return _post(rows[0]) if rows else None

    def with_status(self, status: str) -> list[Post]:
        return [_post(r) for r in self.db.query("SELECT * FROM quiz_posts WHERE status = ? ORDER BY id", (status,))]

    def open_in_guild(self, guild_id: int, now: datetime) -> list[Post]:
        rows = self.db.query("SELECT * FROM quiz_posts WHERE guild_id = ? AND status = ? AND closes_at > ?",
                             (guild_id, OPEN, now.isoformat()))
        return [_post(r) for r in rows]

    def item_use(self, guild_id: int) -> dict[str, str]:
        """{item id: when it was last posted in the guild}, to avoid repeats until the bank is used up."""
        rows = self.db.query("SELECT item_id, MAX(opens_at) AS last FROM quiz_posts WHERE guild_id = ?"
                             " AND status != ? GROUP BY item_id", (guild_id, FAILED))
        return {r["item_id"]: r["last"] for r in rows}

    # --- answers ------------------------------------------------------------------------------

    def record_answer(self, post_id: int, user_id: int, user_name: str, choice: int, correct: bool,
                      at: datetime) -> str:
        """Store a student's choice at once. Returns "new", "changed" or "same"."""
        rows = self.db.query("SELECT choice FROM quiz_answers WHERE post_id = ? AND user_id = ?", (post_id, user_id))
        if rows and rows[0]["choice"] == choice:
            return "same"
        self.db.execute(
            "INSERT INTO quiz_answers (post_id, user_id, user_name, choice, correct, answered_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (post_id, user_id) DO UPDATE SET choice = excluded.choice,"
            " correct = excluded.correct, answered_at = excluded.answered_at, user_name = excluded.user_name,"
            " changes = changes + 1",
            (post_id, user_id, user_name, choice, int(correct), at.isoformat()))
        return "changed" if rows else "new"

    def answers_of(self, post_id: int) -> list[tuple[int, int, bool]]:
        """(user id, choice, correct) of every answer to a post."""
        rows = self.db.query("SELECT user_id, choice, correct FROM quiz_answers WHERE post_id = ?", (post_id,))
        return [(int(r["user_id"]), int(r["choice"]), bool(r["correct"])) for r in rows]

    def open_everywhere(self, now: datetime) -> list[Post]:
        rows = self.db.query("SELECT * FROM quiz_posts WHERE status = ? AND closes_at > ?", (OPEN, now.isoformat()))
        return [_post(r) for r in rows]

    def tally(self, post_id: int) -> Tally:
        rows = self.db.query("SELECT choice, correct, COUNT(*) AS n FROM quiz_answers WHERE post_id = ?"
                             " GROUP BY choice, correct", (post_id,))
        by_choice = {r["choice"]: int(r["n"]) for r in rows}
        return Tally(by_choice, sum(by_choice.values()), sum(int(r["n"]) for r in rows if r["correct"]))

    # --- reports and retirement ----------------------------------------------------------------

    def report(self, post: Post, user_id: int, at: datetime) -> bool:
        cursor = self.db.execute("INSERT OR IGNORE INTO quiz_reports VALUES (?, ?, ?, ?)",
                                 (post.id, user_id, post.item.id, at.isoformat()))
        return cursor.rowcount == 1

    def reported(self, guild_id: int) -> list[tuple[QuizItem, int]]:
        """Reported items of a guild that are not retired yet, most reported first."""
        rows = self.db.query(
            "SELECT r.item_id, COUNT(*) AS n, MAX(p.item_json) AS item_json FROM quiz_reports r"
            " JOIN quiz_posts p ON p.id = r.post_id WHERE p.guild_id = ? AND r.item_id NOT IN"
            " (SELECT item_id FROM quiz_retired WHERE guild_id = ?) GROUP BY r.item_id ORDER BY n DESC",
            (guild_id, guild_id))
        return [(QuizItem.from_dict(json.loads(r["item_json"])), int(r["n"])) for r in rows]

    def retire(self, guild_id: int, item_id: str, by: int, at: datetime) -> None:
        self.db.execute("INSERT OR REPLACE INTO quiz_retired VALUES (?, ?, ?, ?)",
                        (guild_id, item_id, by, at.isoformat()))

    def retired(self, guild_id: int) -> set[str]:
        return {r["item_id"] for r in self.db.query("SELECT item_id FROM quiz_retired WHERE guild_id = ?",
                                                    (guild_id,))}

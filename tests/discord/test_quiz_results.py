"""Results over a few days of quiz posts (fixed clock): the leaderboard, /quiz me, /quiz stats
(with its chart), /quiz export and /review all show the same facts; exam mode; forget-me."""

from __future__ import annotations

import asyncio

import csv
import io
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from tests.discord.test_quiz import bot_messages, click, schedule
from tests.fake_discord import EPHEMERAL

DAY1 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)  # Monday; 09:00 London is 09:00 UTC in March


async def run_days(env, bot, clock, plan):
    """plan: one dict per day, {user: True (right) | False (wrong)}; returns the posts."""
    posts = []
    for day, answers in enumerate(plan):
        clock[0] = DAY1 + timedelta(days=day, hours=1, minutes=1)
        await bot.quiz.tick()
        message = bot_messages(env)[-1]
        post = env.ctx.quiz.posts.get(day + 1)
        right = post.item.answer_index
        for user, is_right in answers.items():
            choice = right if is_right else (right + 1) % len(post.item.options)
            await click(env, message, f"qa:{post.id}:{choice}", user)
        clock[0] = DAY1 + timedelta(days=day, hours=3, minutes=1)
        await bot.quiz.tick()  # reveal
        posts.append(env.ctx.quiz.posts.get(post.id))
    return posts


async def slash(env, name, user, **options):
    rec = await env.fake.invoke_slash(name, user=env.user(user), options=options)
    await env.fake.wait_for_response(rec, timeout=10)
    return rec


def final_message(rec):
    return rec.original if rec.callback_type == 5 else None


PLAN = [{"alice": True, "bob": False, "carol": True},
        {"alice": True, "bob": True},
        {"alice": False, "carol": True}]


@pytest.fixture
def clock(env):
    now = [DAY1]
    env.ctx.clock = lambda: now[0]
    return now


async def test_results_agree_across_leaderboard_me_stats_export_and_review(env, clock):
    async with env.run() as bot:
        await schedule(env, days="daily", open_for="2h")
        posts = await run_days(env, bot, clock, PLAN)

        board = await slash(env, "quiz leaderboard", "bob", period="all")
        embed = board.callback["data"]["embeds"][0]
        assert board.callback["data"].get("flags", 0) & EPHEMERAL == 0  # posted for the class, once
        lines = embed["description"].split("\n")
        assert lines[0].startswith("**1.**") and lines[1].startswith("**1.**")  # alice and carol tie
        assert "alice: 2 right of 3" in embed["description"] and "carol: 2 right of 2" in embed["description"]
        assert lines[2] == "**3.** bob: 1 right of 2"
        assert embed["footer"]["text"] == "Your rank: 3 (1 right of 2)"

        me = await slash(env, "quiz me", "bob")
        assert me.callback["data"]["flags"] == EPHEMERAL
        fields = {f["name"]: f["value"] for f in me.callback["data"]["embeds"][0]["fields"]}
        assert fields["Answered"] == "2" and fields["Right"].startswith("1")
        assert fields["Streak"] == "0 (best 2)"  # missed day 3, which has closed
        assert posts[0].item.source.section.split(" > ")[-1][:20] in fields["Weakest sections"]

        stats = await slash(env, "quiz stats", "owner")
        message = final_message(stats)
        assert message.ephemeral
        desc = message.embeds[0]["description"]
        assert "2/3 right (67%)" in desc and "2/2 right (100%)" in desc and "1/2 right (50%)" in desc
        assert "most chosen wrong" in desc
        [chart] = message.files
        assert chart.filename == "quiz-stats.png" and chart.data.startswith(b"\x89PNG")
        assert message.embeds[0]["image"]["url"] == "attachment://quiz-stats.png"

        export = await slash(env, "quiz export", "owner")
        [csv_file] = final_message(export).files
        rows = list(csv.DictReader(io.StringIO(csv_file.data.decode("utf-8-sig"))))
        assert len(rows) == 7
        bob_rows = [r for r in rows if r["student_name"] == "bob"]
        assert sorted(r["correct"] for r in bob_rows) == ["right", "wrong"]
        assert {r["question"] for r in rows} == {p.item.prompt for p in posts}

        # Bob's wrong answer of day 1 is due for review by day 3.
        review = await slash(env, "review", "bob")
        assert review.callback["data"]["flags"] == EPHEMERAL
        card_message = review.original
        assert posts[0].item.prompt[:50] in card_message.embeds[0]["description"]
        right = posts[0].item.answer_index
        card_button = next(c for c in card_message.custom_ids() if c.split(":")[2] == str(right))
        graded = await env.fake.click_button(card_message, card_button, env.user("bob"))
        await env.fake.wait_for_response(graded)
        assert graded.callback["type"] == 7 and "Right!" in graded.callback["data"]["content"]
        assert "Nothing due right now" in graded.callback["data"]["content"]
        again = await slash(env, "review", "bob")
        assert "next card is due" in again.callback["data"]["content"]


async def test_students_cannot_see_stats_or_export(env, clock):
    async with env.run():
        for name in ("quiz stats", "quiz export"):
            rec = await slash(env, name, "alice")
            assert rec.callback["data"]["flags"] == EPHEMERAL and "Manage Server" in rec.callback["data"]["content"]


async def test_exam_mode_declines_the_open_question_only(env, clock):
    async with env.run() as bot:
        await schedule(env, days="daily", open_for="2h")
        clock[0] = DAY1 + timedelta(hours=1, minutes=1)
        await bot.quiz.tick()
        post = env.ctx.quiz.posts.get(1)
        quoted = post.item.source.quote
        declined = await slash(env, "ask", "alice", question=quoted.rstrip("."))
        assert declined.callback["type"] == 4 and declined.callback["data"]["flags"] == EPHEMERAL
        assert "Answer today's quiz first" in declined.callback["data"]["content"]
        unrelated = await slash(env, "ask", "alice", question="What were backyard furnaces?")
        assert unrelated.callback_type == 5 and "furnace" in unrelated.original.embeds[0]["description"].lower()
        clock[0] = DAY1 + timedelta(hours=3, minutes=1)
        await bot.quiz.tick()
        after = await slash(env, "ask", "alice", question=quoted.rstrip("."))
        assert after.callback_type == 5  # answered once the quiz is revealed


async def test_forget_me_leaves_no_row_of_that_student(env, clock):
    async with env.run() as bot:
        await schedule(env, days="daily", open_for="2h")
        await run_days(env, bot, clock, PLAN[:2])
        await slash(env, "ask", "bob", question="Who replaced Peng Dehuai?")
        # The course bob chose for his direct messages (as the course menu records it).
        await asyncio.to_thread(bot.ctx.servers.servers.choose_for_dm, int(env.user("bob").id), "default", clock[0])
        rec = await slash(env, "quiz forget-me", "bob")
        prompt = rec.original
        confirm = next(c for c in prompt.custom_ids() if c)  # the first button is "Erase my data"
        done = await env.fake.click_button(prompt, confirm, env.user("bob"))
        await env.fake.wait_for_response(done)
        text = done.callback["data"]["content"]
        assert text.startswith("Done. Erased:") and "quiz answers" in text
    bob = int(env.user("bob").id)
    conn = sqlite3.connect(env.tmp / "state.db")
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        if "user_id" in columns:
            assert conn.execute(f"SELECT COUNT(*) FROM {table} WHERE user_id = ?", (bob,)).fetchone()[0] == 0, table
    alice = int(env.user("alice").id)
    assert conn.execute("SELECT COUNT(*) FROM quiz_answers WHERE user_id = ?", (alice,)).fetchone()[0] == 2

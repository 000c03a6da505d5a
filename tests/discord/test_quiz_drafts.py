"""Teachers approve what is posted, end to end: `/quiz drafts` shows the generated questions
privately, one at a time, with Approve, Edit (a prefilled form) and Reject (with a reason); a
schedule and `/quiz now` post only approved questions; decisions survive a reindex and a restart."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest

from tests.discord.conftest import make_env
from tests.discord.test_quiz import bot_messages, schedule
from tests.fake_discord import EPHEMERAL

START = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)  # a Monday, 08:00 in London (GMT)


@pytest.fixture
async def env(tmp_path, default_service, real_embedder):
    """Approval required, as a class gets it by default (QUIZ_AUTO_APPROVE off)."""
    async for made in make_env(tmp_path, default_service, real_embedder, quiz_auto_approve=False):
        yield made


@pytest.fixture
def clock(env):
    now = [START]
    env.ctx.clock = lambda: now[0]
    return now


async def open_drafts(env, user="owner"):
    rec = await env.fake.invoke_slash("quiz drafts", user=env.user(user))
    await env.fake.wait_for_response(rec, timeout=10)
    return rec


async def press(env, message, action, user="owner"):
    """Click a draft button; returns the interaction record (type 7: the message was edited)."""
    custom_id = next(c for c in message.custom_ids() if c.startswith(f"qd:{action}:"))
    rec = await env.fake.click_button(message, custom_id, env.user(user))
    await env.fake.wait_for_response(rec, timeout=10)
    return rec


def modal_fields(modal: dict) -> dict[str, str]:
    """custom_id -> prefilled value of each text input of a modal the bot opened."""
    fields = {}
    for row in modal["components"]:
        for comp in row.get("components", [row.get("component")]):
            if comp and comp.get("type") == 4:
                fields[comp["custom_id"]] = comp.get("value") or ""
    return fields


def draft_prompt(env, message) -> str:
    return env.fake.message(message.id).embeds[0]["description"].split("\n\n")[0]


async def post_now(env) -> str:
    """`/quiz now` by the teacher; returns what the teacher is told (privately)."""
    rec = await env.fake.invoke_slash("quiz now", user=env.user("owner"))
    return await env.fake.wait_for(lambda: (rec.followups and rec.followups[-1].content)
                                   or (rec.original and "Posted" in rec.original.content and rec.original.content),
                                   timeout=10)


async def test_approving_a_draft_lets_it_be_posted_and_only_it(env, clock):
    async with env.run():
        assert "no quiz questions to post" in await post_now(env)  # nothing approved yet
        rec = await open_drafts(env)
        message = rec.original
        assert rec.callback["data"]["flags"] == EPHEMERAL
        title = message.embeds[0]["title"]
        assert title.startswith("Draft 1 of ")
        waiting = int(title.rsplit(" ", 1)[1])
        prompt = draft_prompt(env, message)
        assert {c.split(":")[1] for c in message.custom_ids()} == {"approve", "edit", "reject", "skip"}

        approved = await press(env, message, "approve")
        assert approved.callback["type"] == 7 and "Approved" in approved.callback["data"]["content"]
        assert env.fake.message(message.id).embeds[0]["title"] == f"Draft 1 of {waiting - 1}"
        for _ in range(2):
            assert "Posted 1" in await post_now(env)
        posted = bot_messages(env)
        assert len(posted) == 2 and all(prompt[:60] in m.embeds[0]["description"] for m in posted)


async def test_editing_a_draft_posts_the_teachers_version(env, clock):
    async with env.run():
        message = (await open_drafts(env)).original
        opened = await press(env, message, "edit")
        assert opened.callback_type == 9
        modal = opened.modal
        fields = modal_fields(modal)
        question_id = next(k for k, v in fields.items() if v == draft_prompt(env, message))  # prefilled
        values = {**fields, question_id: "Rewritten by the teacher: " + fields[question_id][:200]}
        submitted = await env.fake.submit_modal(modal["custom_id"], values, env.user("owner"))
        await env.fake.wait_for_response(submitted, timeout=10)
        assert "Edited and approved" in submitted.callback["data"]["content"]
        assert "Posted 1" in await post_now(env)
        [posted] = bot_messages(env)
        assert posted.embeds[0]["description"].startswith("Rewritten by the teacher: ")


async def test_a_rejected_draft_never_comes_back(env, clock):
    async with env.run():
        message = (await open_drafts(env)).original
        rejected_prompt = draft_prompt(env, message)
        waiting = int(env.fake.message(message.id).embeds[0]["title"].removeprefix("Draft 1 of "))
        opened = await press(env, message, "reject")
        [reason_id] = modal_fields(opened.modal)
        submitted = await env.fake.submit_modal(opened.modal["custom_id"], {reason_id: "Two options are right."},
                                                env.user("owner"))
        await env.fake.wait_for_response(submitted, timeout=10)
        assert "Rejected" in submitted.callback["data"]["content"]
    env.ctx.service.reindex()  # a rebuild of the index and its bank, then a restart
    async with env.run():
        message = (await open_drafts(env)).original
        seen = []
        for _ in range(40):  # walk the whole queue with Skip
            seen.append(draft_prompt(env, message))
            await press(env, env.fake.message(message.id), "skip")
            if draft_prompt(env, message) == seen[0]:
                break
        # Every other draft waits (the default note makes only two postable ones over the quality
        # cut-off, so this may be a single one).
        assert rejected_prompt not in seen and len(seen) == waiting - 1 >= 1
    row = env.ctx.drafts.decisions.db.query("SELECT status, reason, decided_by FROM quiz_decisions")
    assert [tuple(r) for r in row] == [("rejected", "Two options are right.", "owner")]


async def test_a_schedule_posts_only_approved_questions(env, clock, caplog):
    async with env.run() as bot:
        await schedule(env, days="daily", open_for="1h")
        clock[0] = START + timedelta(hours=1, minutes=1)
        with caplog.at_level(logging.WARNING):
            await bot.quiz.tick()
        assert bot_messages(env) == []  # nothing approved: the day is logged as missed
        assert any("no quiz questions available" in r.getMessage() for r in caplog.records)
        message = (await open_drafts(env)).original
        await press(env, message, "skip")
        prompt = draft_prompt(env, message)  # the second draft
        await press(env, env.fake.message(message.id), "approve")
        clock[0] = START + timedelta(days=1, hours=1, minutes=1)
        await bot.quiz.tick()
        [posted] = bot_messages(env)
        assert posted.embeds[0]["description"].startswith(prompt[:60])


async def test_students_and_other_teachers_cannot_decide(env, clock):
    async with env.run():
        refused = await open_drafts(env, "alice")
        assert "Manage Server" in refused.callback["data"]["content"]
        message = (await open_drafts(env)).original
        other = await press(env, message, "approve", user="alice")
        assert other.callback["data"]["flags"] == EPHEMERAL and "another teacher" in other.callback["data"]["content"]
        assert env.fake.message(message.id).embeds[0]["title"] == message.embeds[0]["title"]

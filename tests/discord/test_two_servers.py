"""One bot, two class servers, no leaks. "Study Hall" (A) used the bot before courses existed and owns
the default course (the history notes); "Biology Lab" (B) joins later, serves the default course
until its first upload gives it a course of its own, and from then on neither server sees the
other's notes, quiz items or index changes. Real model, real indexes, real database; only Discord
is faked."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest_asyncio

from bot.core import indexer
from tests.discord.conftest import make_env, study_world
from tests.fake_discord import EPHEMERAL, Upload

PHOTOSYNTHESIS = (Path(__file__).resolve().parent.parent / "data" / "courses" / "photosynthesis.md").read_bytes()
BIOLOGY_QUESTION = "What pigment absorbs the light in photosynthesis?"
HISTORY_QUESTION = "When did the Great Leap Forward start?"
TEACHER_QUESTIONS = """questions:
  - question: Which pigment absorbs most of the light used in photosynthesis?
    answer: Chlorophyll
    wrong: [Haemoglobin, Keratin, Melanin]
    source: photosynthesis.md, "The light reactions"
  - question: Where in the chloroplast does the Calvin cycle take place?
    answer: In the stroma
    wrong: [In the thylakoid membranes, In the nucleus, In the cell wall]
    source: photosynthesis.md, "The Calvin cycle"
"""


def two_servers():
    world = study_world()
    study_hall = world.guild
    teacher = world.add_user("teacher")  # a moderator in A who owns B
    study_hall.add_member(teacher, (next(r for r in study_hall.roles.values() if r.name == "Moderators"),))
    lab = world.add_guild("Biology Lab", owner=teacher)
    lab.add_text_channel("lab")
    lab.add_member(world.add_user("dave"))  # B only
    lab.add_member(world.user("carol"))  # in both servers
    return world


@pytest_asyncio.fixture
async def env(tmp_path, default_service, real_embedder):
    async for made in make_env(tmp_path, default_service, real_embedder, world=two_servers(),
                               quiz_auto_approve=True):
        yield made


def servers(env):
    a, b = env.world.guilds.values()
    return a, b


async def ask(env, question, user, guild):
    rec = await env.fake.invoke_slash("ask", user=env.user(user), guild=guild, options={"question": question})
    await env.fake.wait_for_response(rec, timeout=20)
    await env.fake.wait_for(lambda: rec.original and rec.original.embeds, timeout=20)
    return rec.original.embeds[0]


def cited(embed) -> str:
    return " ".join(f["value"] for f in embed.get("fields", []) if f["name"] == "Sources")


async def upload(env, guild, user="teacher", name="photosynthesis.md", data=PHOTOSYNTHESIS):
    rec = await env.fake.invoke_slash("corpus upload", user=env.user(user), guild=guild,
                                      attachments={"file": Upload(name, data)})
    await env.fake.wait_for(lambda: rec.original and "Added" in rec.original.content, timeout=60)
    return rec.original.content


def index_files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()
            and p.name != ".lock" and "embedding-cache" not in p.name}


async def test_the_first_upload_gives_a_server_its_own_course_and_no_answer_crosses_over(env):
    a, b = servers(env)
    before = index_files(env.tmp / "index")
    async with env.run():
        # Before its first upload, B is served the default course.
        assert "1958" in (await ask(env, HISTORY_QUESTION, "dave", b))["description"]
        text = await upload(env, b)
        assert "photosynthesis.md" in text
        assert (env.tmp / "courses" / "biology-lab" / "corpus" / "photosynthesis.md").read_bytes() == PHOTOSYNTHESIS
        assert not (env.tmp / "corpus" / "photosynthesis.md").exists()
        assert index_files(env.tmp / "index") == before  # A's notes and index untouched

        in_b = await ask(env, BIOLOGY_QUESTION, "dave", b)
        assert "chlorophyll" in in_b["description"].lower() and "photosynthesis.md" in cited(in_b)
        in_a = await ask(env, BIOLOGY_QUESTION, "alice", a)
        assert "photosynthesis.md" not in cited(in_a) and "chlorophyll" not in in_a["description"].lower()
        history_in_b = await ask(env, HISTORY_QUESTION, "dave", b)
        assert "china-under-mao.txt" not in cited(history_in_b) and "1958" not in history_in_b["description"]
        assert "1958" in (await ask(env, HISTORY_QUESTION, "alice", a))["description"]

        for guild, expected, absent in ((a, "china-under-mao.txt", "photosynthesis.md"),
                                        (b, "photosynthesis.md", "china-under-mao.txt")):
            listing = await env.fake.invoke_slash("corpus list", user=env.user("teacher"), guild=guild)
            await env.fake.wait_for_response(listing)
            description = listing.callback["data"]["embeds"][0]["description"]
            assert expected in description and absent not in description
        status = await env.fake.invoke_slash("status", user=env.user("dave"), guild=b)
        await env.fake.wait_for_response(status)
        fields = {f["name"]: f["value"] for f in status.callback["data"]["embeds"][0]["fields"]}
        assert fields["Course"] == "biology-lab" and "1 documents" in fields["Notes"]


async def test_a_quiz_in_one_server_never_posts_the_other_servers_items(env):
    a, b = servers(env)
    async with env.run():
        await upload(env, b)
        # B's teacher adds questions of their own beside B's notes (whatever the generator makes of
        # a short note, these are B's and postable).
        lab = env.ctx.servers.of_guild(int(b.id))
        (lab.corpus_dir / "quizzes").mkdir()
        (lab.corpus_dir / "quizzes" / "plants.yaml").write_text(TEACHER_QUESTIONS, encoding="utf-8")
        rec = await env.fake.invoke_slash("reindex", user=env.user("teacher"), guild=b)
        await env.fake.wait_for(lambda: "Reindex finished" in (rec.original.content if rec.original else ""),
                                timeout=60)
        b_items = {i.id for i in env.ctx.quiz.items(int(b.id))}
        assert len(b_items) >= 2 and not b_items & {i.id for i in env.ctx.quiz.items(int(a.id))}
        for guild, teacher in ((a, "owner"), (b, "teacher"), (a, "owner"), (b, "teacher")):  # Manage Server there
            rec = await env.fake.invoke_slash("quiz now", user=env.user(teacher), guild=guild,
                                              options={"questions": 2})
            await env.fake.wait_for(lambda: rec.original and "Posted" in rec.original.content, timeout=10)
        posts = [p for p in (env.ctx.quiz.posts.get(i) for i in range(1, 20)) if p is not None]
        in_a = [p.item.source.document for p in posts if p.guild_id == int(a.id)]
        in_b = [p.item.source.document for p in posts if p.guild_id == int(b.id)]
        assert in_a and all(d.startswith("china-under-mao.txt") for d in in_a)
        assert in_b and all(d.startswith("photosynthesis.md") for d in in_b)  # a teacher's source names its section too
        assert not {p.item.id for p in posts if p.guild_id == int(a.id)} & b_items


async def test_a_reindex_in_one_server_changes_nothing_in_the_other_which_is_answered_meanwhile(env, monkeypatch):
    a, b = servers(env)
    gate = threading.Event()
    real = indexer._embeddings_for

    def held(chunks, cache_path, embedder, progress):
        progress("embedding", 0, 1)
        assert gate.wait(60)
        return real(chunks, cache_path, embedder, progress)

    async with env.run():
        await upload(env, b)
        lab = env.tmp / "courses" / "biology-lab" / "index"
        lab_before = index_files(lab)
        (env.tmp / "corpus" / "extra.md").write_text("# Extra\n\nThe Hundred Flowers Campaign began in 1956.\n")
        monkeypatch.setattr(indexer, "_embeddings_for", held)
        rec = await env.fake.invoke_slash("reindex", user=env.user("mod"), guild=a)
        await env.fake.wait_for(lambda: any("Embedding new chunks" in e.get("content", "")
                                            for e in rec.original_edits), timeout=20)
        # A's reindex is waiting in the middle of its build: B answers, and may reindex itself.
        during = await ask(env, BIOLOGY_QUESTION, "dave", b)
        assert "photosynthesis.md" in cited(during)
        assert env.ctx.servers.of_guild(int(a.id)).reindexing
        assert not env.ctx.servers.of_guild(int(b.id)).reindexing
        gate.set()
        await env.fake.wait_for(lambda: "Reindex finished" in (rec.original.content if rec.original else ""),
                                timeout=60)
        assert index_files(lab) == lab_before  # nothing of B's index was rewritten
        assert "photosynthesis.md" in cited(await ask(env, BIOLOGY_QUESTION, "dave", b))
        assert "extra.md" not in env.ctx.servers.of_guild(int(b.id)).documents()


async def test_a_direct_message_from_a_member_of_both_asks_which_course_and_remembers(env):
    a, b = servers(env)
    async with env.run():
        await upload(env, b)
        carol, dave = env.user("carol"), env.user("dave")
        # dave shares only B: his direct message goes to B's course at once.
        await env.fake.send_dm(dave, BIOLOGY_QUESTION)
        reply = await env.fake.wait_for(lambda: [m for m in env.fake.dm_history(dave)
                                                 if m.author_id == env.fake.bot.id and m.embeds], timeout=20)
        assert "photosynthesis.md" in cited(reply[0].embeds[0])

        # carol is in both: she is asked which course, and her question is answered after she chooses.
        await env.fake.send_dm(carol, BIOLOGY_QUESTION)
        menu = await env.fake.wait_for(lambda: [m for m in env.fake.dm_history(carol)
                                                if m.author_id == env.fake.bot.id and m.components], timeout=20)
        assert "which course" in menu[0].content
        options = [o["value"] for row in menu[0].components for o in row["components"][0]["options"]]
        assert options == ["biology-lab", "default"]
        rec = await env.fake.select(menu[0], f"course:pick:{carol.id}", ["biology-lab"], carol)
        await env.fake.wait_for_response(rec, timeout=20)
        assert "biology-lab" in rec.callback["data"]["content"]
        answer = await env.fake.wait_for(lambda: rec.followups and rec.followups[-1], timeout=20)
        assert "chlorophyll" in answer.embeds[0]["description"].lower()

        # The choice is remembered: the next direct message is answered from B without asking.
        seen = len(env.fake.dm_history(carol))
        await env.fake.send_dm(carol, "Where does the Calvin cycle take place?")
        later = await env.fake.wait_for(lambda: [m for m in env.fake.dm_history(carol)[seen:]
                                                 if m.author_id == env.fake.bot.id], timeout=20)
        assert later[0].embeds and "photosynthesis.md" in cited(later[0].embeds[0])
        assert not any(c.startswith("course:pick") for c in later[0].custom_ids())

        # And it can be changed.
        change = await env.fake.invoke_slash("course choose", user=carol, guild=a)
        await env.fake.wait_for_response(change)
        assert change.callback["data"]["flags"] == EPHEMERAL and change.callback["data"]["components"]


async def test_a_teacher_who_manages_the_owning_server_can_share_its_course(env):
    a, b = servers(env)
    async with env.run():
        await upload(env, b)

        async def offered(user: str) -> list[str]:
            rec = await env.fake.autocomplete("course use", "name", "", env.user(user), guild=a)
            await env.fake.wait_for_response(rec, timeout=20)
            return [c["value"] for c in rec.choices]

        # The names offered are those each may pick: B's course only to B's owner.
        assert await offered("mod") == ["default"] and await offered("teacher") == ["default", "biology-lab"]
        # mod manages A but not B: B's course is not theirs to share.
        refused = await env.fake.invoke_slash("course use", user=env.user("mod"), guild=a,
                                              options={"name": "biology-lab"})
        await env.fake.wait_for_response(refused)
        assert refused.callback["data"]["flags"] == EPHEMERAL
        assert "Manage Server in the server that owns" in refused.callback["data"]["content"]
        assert "1958" in (await ask(env, HISTORY_QUESTION, "alice", a))["description"]
        # teacher owns B and moderates A: A now uses B's notes.
        shared = await env.fake.invoke_slash("course use", user=env.user("teacher"), guild=a,
                                             options={"name": "biology-lab"})
        await env.fake.wait_for_response(shared)
        assert "now uses the course **biology-lab**" in shared.callback["data"]["content"]
        assert "photosynthesis.md" in cited(await ask(env, BIOLOGY_QUESTION, "alice", a))
        # A may not change notes it was lent.
        removal = await env.fake.invoke_slash("corpus remove", user=env.user("teacher"), guild=a,
                                              options={"name": "photosynthesis.md"})
        await env.fake.wait_for_response(removal)
        assert "of another server" in removal.callback["data"]["content"]
        assert (env.tmp / "courses" / "biology-lab" / "corpus" / "photosynthesis.md").exists()


async def test_gaps_are_the_course_s_own(env):
    """/corpus gaps lists the questions the server's course could not answer: not another
    course's, and those of every server the course serves."""
    a, b = servers(env)

    async def gaps_in(guild, user) -> str:
        rec = await env.fake.invoke_slash("corpus gaps", user=env.user(user), guild=guild)
        await env.fake.wait_for_response(rec, timeout=20)
        data = rec.callback["data"]
        return data["embeds"][0]["description"] if data.get("embeds") else data["content"]

    async with env.run():
        await upload(env, b)
        await ask(env, "Who painted the Mona Lisa?", "alice", a)
        await ask(env, "Who won the 1998 football World Cup?", "dave", b)
        in_a, in_b = await gaps_in(a, "teacher"), await gaps_in(b, "teacher")
        assert "Mona Lisa" in in_a and "World Cup" not in in_a
        assert "World Cup" in in_b and "Mona Lisa" not in in_b
        shared = await env.fake.invoke_slash("course use", user=env.user("teacher"), guild=a,
                                             options={"name": "biology-lab"})
        await env.fake.wait_for_response(shared)
        await ask(env, "Who wrote Don Quixote?", "alice", a)  # A's question, now to B's course
        in_b = await gaps_in(b, "teacher")
        assert "Don Quixote" in in_b and "World Cup" in in_b and "Mona Lisa" not in in_b

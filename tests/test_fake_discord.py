"""Tests of the fake Discord harness itself, driven through a tiny throwaway bot.

The bot is a real ``commands.Bot``: it logs in over HTTP, connects over the WebSocket
gateway and answers interactions through discord.py's own code paths.
"""

from __future__ import annotations

import asyncio
import io

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fake_discord import EPHEMERAL, FakeDiscord, Upload, permissions as P
from tests.fake_discord.fixtures import FAST_BOT_OPTIONS, fake_discord, running_bot  # noqa: F401 (fixture)

ACK_ID = "harness:ack"
CLOSE_ID = "harness:close"
NOTE_MODAL_ID = "harness:note"


class AckView(discord.ui.View):
    """Persistent view: fixed custom_id + timeout=None, registered with bot.add_view."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Acknowledge", style=discord.ButtonStyle.primary, custom_id=ACK_ID)
    async def ack(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_message(f"acknowledged by {interaction.user.name}", ephemeral=True)

    @discord.ui.button(label="Close", style=discord.ButtonStyle.secondary, custom_id=CLOSE_ID)
    async def close(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.edit_message(content="closed", embed=None, view=None)  # callback type 7


class PickView(discord.ui.View):
    """Non-persistent view: found through the message id discord.py got from the callback."""

    @discord.ui.select(custom_id="harness:pick", options=[discord.SelectOption(label=t) for t in ("a", "b", "c")])
    async def pick(self, interaction: discord.Interaction, select: discord.ui.Select) -> None:
        await interaction.response.defer()  # callback type 6: no new message
        await interaction.edit_original_response(content=f"picked {select.values}", view=None)


class NoteModal(discord.ui.Modal, title="Add a note"):
    text = discord.ui.TextInput(label="Note", custom_id="note_text", max_length=200)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"noted: {self.text.value}", ephemeral=True)


TOPICS = ["biology", "biochemistry", "physics", "chemistry"]


class HarnessBot(commands.Bot):
    def __init__(self, guild_id: str) -> None:
        # Intents.default(): no MESSAGE_CONTENT, so only mentions and DMs carry content.
        super().__init__(command_prefix=commands.when_mentioned, intents=discord.Intents.default(),
                         **FAST_BOT_OPTIONS)
        self.guild_obj = discord.Object(int(guild_id))
        self.seen: list[tuple[str, str]] = []  # (channel kind, content) of every user message
        self.observed: list[object] = []  # outcomes the commands report back to tests
        self._add_commands()

    async def before_identify_hook(self, shard_id, *, initial: bool = False) -> None:
        pass  # the default sleeps 5 s before every re-IDENTIFY

    async def setup_hook(self) -> None:
        self.add_view(AckView())
        await self.tree.sync(guild=self.guild_obj)
        await self.tree.sync()

    def _add_commands(self) -> None:
        tree, guild = self.tree, self.guild_obj

        @tree.command(description="Summarize a text", guild=guild)
        async def summarize(interaction: discord.Interaction, text: str,
                            times: app_commands.Range[int, 1, 5] = 1) -> None:
            await interaction.response.defer(thinking=True)
            embed = discord.Embed(title="Summary", description=(text + " ") * times)
            await interaction.edit_original_response(content="Here you go:", embed=embed, view=AckView())

        @tree.command(description="A secret", guild=guild)
        async def secret(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("psst", ephemeral=True)

        @tree.command(description="Defer, then answer with a followup", guild=guild)
        async def think(interaction: discord.Interaction) -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            await interaction.followup.send("thought about it")

        @tree.command(description="Pick from a select menu", guild=guild)
        async def pick(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("choose:", view=PickView())

        @tree.command(description="Open a modal", guild=guild)
        async def note(interaction: discord.Interaction) -> None:
            await interaction.response.send_modal(NoteModal(custom_id=NOTE_MODAL_ID))

        @tree.command(description="Respond too late", guild=guild)
        async def slow(interaction: discord.Interaction) -> None:
            await asyncio.sleep(0.15)
            try:
                await interaction.response.defer()
            except discord.NotFound as exc:
                self.observed.append(exc)

        @tree.command(description="Mention a user", guild=guild)
        async def poke(interaction: discord.Interaction, who: discord.User, safe: bool) -> None:
            allowed = discord.AllowedMentions.none() if safe else discord.AllowedMentions.all()
            await interaction.response.send_message(f"hey {who.mention}", allowed_mentions=allowed)

        @tree.command(description="Files everywhere", guild=guild)
        async def report(interaction: discord.Interaction) -> None:
            await interaction.response.defer(ephemeral=True)
            await interaction.edit_original_response(
                content="report", attachments=[discord.File(io.BytesIO(b"a,b\n1,2\n"), filename="r.csv")])
            await interaction.followup.send("raw", file=discord.File(io.BytesIO(b"raw"), filename="raw.txt"),
                                            ephemeral=True)

        @tree.command(description="A file in the initial response", guild=guild)
        async def card(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("card", file=discord.File(io.BytesIO(b"front"), "card.txt"))

        @tree.command(description="Ping (global, works in DMs)")
        async def ping(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("pong")

        corpus = app_commands.Group(name="corpus", description="Course corpus", guild_ids=[guild.id])
        admin = app_commands.Group(name="admin", description="Admin tools", parent=corpus)

        @corpus.command(description="Upload a file")
        async def upload(interaction: discord.Interaction, file: discord.Attachment) -> None:
            data = await file.read()
            first = data.decode().splitlines()[0]
            await interaction.response.send_message(f"{file.filename}: {len(data)} bytes, starts {first!r}")

        @corpus.command(description="Search the corpus")
        async def search(interaction: discord.Interaction, query: str) -> None:
            await interaction.response.send_message(f"searching {query}")

        @search.autocomplete("query")
        async def search_complete(interaction: discord.Interaction, current: str):
            return [app_commands.Choice(name=t, value=t) for t in TOPICS if t.startswith(current)]

        @admin.command(description="Purge the corpus")
        async def purge(interaction: discord.Interaction, confirm: bool) -> None:
            await interaction.response.send_message(f"purged={confirm}", ephemeral=True)

        tree.add_command(corpus)

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        kind = "dm" if message.guild is None else "guild"
        self.seen.append((kind, message.content))
        if kind == "dm":
            async with message.channel.typing():
                await message.channel.send(f"dm: {message.content}")
        elif self.user in message.mentions:
            question = message.content.replace(self.user.mention, "").strip()
            await message.reply(f"you asked: {question}", mention_author=False)


@pytest.fixture
def make_bot(fake_discord: FakeDiscord):
    return lambda: HarnessBot(fake_discord.world.guild.id)


# -- login, commands, interactions -----------------------------------------------------------


async def test_login_and_ready(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord) as bot:
        assert bot.is_ready() and bot.user.id == int(fake_discord.bot.id)
        guild = bot.get_guild(int(fake_discord.world.guild.id))
        assert guild is not None and guild.get_channel(int(fake_discord.world.channel.id)) is not None
        names = {c["name"] for c in fake_discord.commands(fake_discord.world.guild)}
        assert {"summarize", "corpus", "note"} <= names
        assert [c["name"] for c in fake_discord.commands()] == ["ping"]
        identify = await fake_discord.wait_for_gateway_op(2)
        assert identify.d["intents"] == discord.Intents.default().value


async def test_slash_round_trip_defer_and_edit(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        rec = await fake_discord.invoke_slash("summarize", user="alice", options={"text": "ping", "times": 2})
        await fake_discord.wait_for_response(rec)
        assert rec.callback == {"type": 5}
        msg = rec.original
        assert msg.content == "Here you go:" and not rec.ephemeral
        assert msg.embeds[0]["title"] == "Summary" and msg.embeds[0]["description"] == "ping ping "
        assert msg.custom_ids() == [ACK_ID, CLOSE_ID]
        assert fake_discord.history()[-1] is msg


async def test_ephemeral_flags(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        rec = await fake_discord.invoke_slash("secret", user="bob")
        await fake_discord.wait_for_response(rec)
        assert rec.callback["data"]["flags"] & EPHEMERAL and rec.ephemeral
        assert rec.original.content == "psst" and rec.original not in fake_discord.history()


async def test_button_click(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        rec = await fake_discord.wait_for_response(
            await fake_discord.invoke_slash("summarize", user="alice", options={"text": "x"}))
        click = await fake_discord.click_button(rec.original.id, ACK_ID, user="bob")
        await fake_discord.wait_for_response(click)
        assert click.original.content == "acknowledged by bob" and click.ephemeral
        with pytest.raises(LookupError):
            await fake_discord.click_button(rec.original.id, "no-such-button", user="bob")
        close = await fake_discord.wait_for_response(await fake_discord.click_button(rec.original, CLOSE_ID, "bob"))
        assert close.callback_type == 7 and close.original is rec.original  # edited in place
        assert rec.original.content == "closed" and rec.original.components == [] and rec.original.embeds == []
        with pytest.raises(LookupError):  # the buttons are gone now
            await fake_discord.click_button(rec.original, ACK_ID, user="bob")


async def test_select_menu_and_deferred_update(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        rec = await fake_discord.wait_for_response(await fake_discord.invoke_slash("pick", user="alice"))
        with pytest.raises(LookupError):  # a select is not a button
            await fake_discord.click_button(rec.original, "harness:pick", "bob")
        choice = await fake_discord.select(rec.original, "harness:pick", ["b"], "bob")
        await fake_discord.wait_for(lambda: choice.original_edits)
        assert choice.callback == {"type": 6} and choice.original is rec.original
        assert rec.original.content == "picked ['b']" and rec.original.components == []


async def test_button_still_works_after_restart(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        rec = await fake_discord.wait_for_response(
            await fake_discord.invoke_slash("summarize", user="alice", options={"text": "x"}))
    async with running_bot(make_bot, fake_discord) as second:  # a new bot instance, same world
        assert fake_discord.gateway.identify_count == 2
        click = await fake_discord.click_button(rec.original.id, ACK_ID, user="alice")
        await fake_discord.wait_for_response(click)
        assert click.original.content == "acknowledged by alice"
        assert second.is_ready()


async def test_defer_then_followup_completes_loading_message(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        rec = await fake_discord.wait_for_response(await fake_discord.invoke_slash("think", user="alice"))
        # Discord turns the first followup after a defer into the deferred message itself.
        assert rec.followups == [rec.original] and rec.original.content == "thought about it"
        assert rec.ephemeral and not rec.original.loading


async def test_modal_submit(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        rec = await fake_discord.wait_for_response(await fake_discord.invoke_slash("note", user="alice"))
        assert rec.callback_type == 9 and rec.modal["custom_id"] == NOTE_MODAL_ID
        assert rec.modal["title"] == "Add a note"
        submit = await fake_discord.submit_modal(NOTE_MODAL_ID, {"note_text": "osmosis is diffusion"}, user="alice")
        await fake_discord.wait_for_response(submit)
        assert submit.original.content == "noted: osmosis is diffusion" and submit.ephemeral
        with pytest.raises(LookupError):
            await fake_discord.submit_modal(NOTE_MODAL_ID, {"typo": "x"}, user="alice")


async def test_autocomplete(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        rec = await fake_discord.autocomplete("corpus search", "query", "bio", user="bob")
        await fake_discord.wait_for_response(rec)
        assert rec.callback_type == 8
        assert [c["name"] for c in rec.choices] == ["biology", "biochemistry"]


async def test_attachment_download_and_subcommands(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        rec = await fake_discord.invoke_slash(
            "corpus upload", user="alice", attachments={"file": Upload("notes.txt", b"Cells\nare small\n")})
        await fake_discord.wait_for_response(rec)
        assert rec.original.content == "notes.txt: 16 bytes, starts 'Cells'"
        assert any(r.method == "GET" and r.path.startswith("/attachments/") for r in fake_discord.requests)
        nested = await fake_discord.invoke_slash("corpus admin purge", user="alice", options={"confirm": True})
        await fake_discord.wait_for_response(nested)
        assert nested.original.content == "purged=True"
        with pytest.raises(LookupError):
            await fake_discord.invoke_slash("corpus admin", user="alice")
        with pytest.raises(ValueError):
            await fake_discord.invoke_slash("summarize", user="alice", options={"text": "x", "times": 9})
        with pytest.raises(LookupError):
            await fake_discord.invoke_slash("nope", user="alice")


async def test_global_command_in_dm(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        dm = fake_discord.world.dm_channel(fake_discord.world.user("alice"))
        rec = await fake_discord.wait_for_response(await fake_discord.invoke_slash("ping", user="alice", channel=dm))
        assert rec.original.content == "pong" and "guild_id" not in rec.payload


async def test_files_in_edits_and_followups(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        rec = await fake_discord.invoke_slash("report", user="alice")
        await fake_discord.wait_for(lambda: len(rec.followups) == 1)
        # The PATCH @original (multipart) replaced the loading message; the followup is a new message.
        assert rec.original.content == "report" and rec.ephemeral
        assert [(f.filename, f.data) for f in rec.original.files] == [("r.csv", b"a,b\n1,2\n")]
        assert rec.followups[0] is not rec.original and rec.followups[0].flags & EPHEMERAL
        assert {f.filename for f in rec.files} == {"r.csv", "raw.txt"}
        patch = await fake_discord.wait_for_request("PATCH", r"/messages/@original$")
        assert patch.body["attachments"][0]["filename"] == "r.csv" and patch.files[0].field == "files[0]"
        card = await fake_discord.wait_for_response(await fake_discord.invoke_slash("card", user="bob"))
        assert card.callback_files[0].data == b"front" and card.original.attachments[0]["filename"] == "card.txt"


async def test_allowed_mentions_recorded(fake_discord: FakeDiscord, make_bot) -> None:
    alice = fake_discord.world.user("alice")
    async with running_bot(make_bot, fake_discord):
        safe = await fake_discord.invoke_slash("poke", user="bob", options={"who": alice, "safe": True})
        loud = await fake_discord.invoke_slash("poke", user="bob", options={"who": alice, "safe": False})
        await fake_discord.wait_for_response(safe)
        await fake_discord.wait_for_response(loud)
        assert safe.original.content == f"hey {alice.mention}"
        assert safe.original.allowed_mentions == {"parse": []} and not safe.original.pings
        assert loud.original.pings.users == {alice.id}


async def test_interaction_deadline(fake_discord: FakeDiscord, make_bot) -> None:
    fake_discord.interaction_deadline = 0.1
    async with running_bot(make_bot, fake_discord) as bot:
        rec = await fake_discord.invoke_slash("slow", user="alice")
        await fake_discord.wait_for(lambda: bot.observed)
        assert isinstance(bot.observed[0], discord.NotFound) and bot.observed[0].code == 10062
        assert rec.errors[0][1:] == (404, {"message": "Unknown interaction", "code": 10062})


async def test_callback_rules_over_http(fake_discord: FakeDiscord) -> None:
    # No bot: play the bot's side by hand. (Through discord.py a second callback never reaches
    # the server: it raises InteractionResponded client-side.) Register a command as if synced.
    fake_discord.store.commands[None] = [{"id": "1", "name": "ping", "type": 1, "options": []}]
    rec = await fake_discord.invoke_slash("ping", user="alice")
    base = f"{fake_discord.base_url}/api/v10"
    async with aiohttp.ClientSession() as http:
        followup = f"{base}/webhooks/{fake_discord.bot.id}/{rec.token}?wait=1"
        async with http.post(followup, json={"content": "early"}) as resp:
            assert resp.status == 404 and (await resp.json())["code"] == 10015
        callback = f"{base}/interactions/{rec.id}/{rec.token}/callback?with_response=1"
        async with http.post(callback, json={"type": 4, "data": {"content": "x" * 2001}}) as resp:
            assert resp.status == 400 and "data" in (await resp.json())["errors"]
        async with http.post(callback, json={"type": 4, "data": {"content": "ok"}}) as resp:
            assert resp.status == 200 and resp.headers["Content-Type"] == "application/json"
            assert (await resp.json())["resource"]["message"]["content"] == "ok"
        async with http.post(callback, json={"type": 4, "data": {"content": "again"}}) as resp:
            assert resp.status == 400 and (await resp.json())["code"] == 40060


async def test_privileged_intents_must_be_granted(fake_discord: FakeDiscord) -> None:
    fake_discord.app_flags = 0  # the developer portal grants nothing
    intents = discord.Intents.default()
    intents.message_content = True

    def make() -> discord.Client:
        return discord.Client(intents=intents, **FAST_BOT_OPTIONS)

    with pytest.raises(discord.PrivilegedIntentsRequired):
        async with running_bot(make, fake_discord):
            pass


async def test_member_chunking_is_answered(fake_discord: FakeDiscord) -> None:
    intents = discord.Intents.default()
    intents.members = True  # chunk_guilds_at_startup defaults to True: the client sends op 8

    def make() -> discord.Client:
        return discord.Client(intents=intents)  # default timers: running_bot lowers them

    loop = asyncio.get_running_loop()
    started = loop.time()
    async with running_bot(make, fake_discord) as bot:
        assert loop.time() - started < 1.0  # an unanswered op 8 would cost 5 s
        guild = bot.get_guild(int(fake_discord.world.guild.id))
        assert guild.chunked and {m.name for m in guild.members} == {"StudyBot", "owner", "alice", "bob"}
        assert (await fake_discord.wait_for_gateway_op(8)).d["query"] == ""


async def test_rest_extras(fake_discord: FakeDiscord, make_bot) -> None:
    world = fake_discord.world
    async with running_bot(make_bot, fake_discord) as bot:
        guild = await bot.fetch_guild(int(world.guild.id))
        assert guild.name == "Study Hall" and len(guild.roles) == 2
        member = await guild.fetch_member(int(world.user("alice").id))
        assert member.name == "alice"
        channel = await bot.fetch_channel(int(world.channel.id))
        assert channel.name == "general" and isinstance(channel, discord.TextChannel)
        with pytest.raises(discord.NotFound):
            await bot.fetch_channel(1)


# -- messages ---------------------------------------------------------------------------------


async def test_dm_reply(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord) as bot:
        await fake_discord.send_dm("alice", "hello bot")
        reply = await fake_discord.wait_for(lambda: [m for m in fake_discord.dm_history("alice")
                                                     if m.author_id == fake_discord.bot.id])
        assert reply[0].content == "dm: hello bot"
        assert await fake_discord.wait_for_request("POST", r"^/channels/\d+/typing$")
        assert bot.seen == [("dm", "hello bot")]  # DMs carry content without MESSAGE_CONTENT
        # The bot can also open a DM itself (POST /users/@me/channels).
        user = await bot.fetch_user(int(fake_discord.world.user("bob").id))
        await user.send("hi bob")
        assert fake_discord.dm_history("bob")[-1].content == "hi bob"


async def test_mention_reply_and_content_gating(fake_discord: FakeDiscord, make_bot) -> None:
    channel = fake_discord.world.channel
    async with running_bot(make_bot, fake_discord) as bot:
        await fake_discord.send_message(channel, "bob", "not for the bot")
        question = await fake_discord.send_message(channel, "bob", "what is osmosis?", mentions=[fake_discord.bot])
        reply = await fake_discord.wait_for(lambda: [m for m in fake_discord.history(channel)
                                                     if m.author_id == fake_discord.bot.id])
        assert reply[0].content == "you asked: what is osmosis?"
        assert reply[0].data["message_reference"]["message_id"] == question.id
        assert not reply[0].pings  # mention_author=False
        # Without the MESSAGE_CONTENT intent the non-mention message arrived blank.
        assert bot.seen == [("guild", ""), ("guild", f"{fake_discord.bot.mention} what is osmosis?")]


async def test_message_limits_are_enforced(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord) as bot:
        channel = bot.get_channel(int(fake_discord.world.channel.id))
        await channel.send("x" * 2000)  # exactly at the limit is fine
        with pytest.raises(discord.HTTPException) as info:
            await channel.send("x" * 2001)
        assert info.value.status == 400 and info.value.code == 50035 and "content" in info.value.text
        with pytest.raises(discord.HTTPException, match="embeds.0.title"):
            await channel.send(embed=discord.Embed(title="t" * 257))
        too_big = [discord.Embed(description="d" * 4000) for _ in range(2)]  # 8000 chars in total
        with pytest.raises(discord.HTTPException, match="6000"):
            await channel.send(embeds=too_big)
        fields = discord.Embed(title="f")
        for i in range(26):
            fields.add_field(name=str(i), value="v")
        with pytest.raises(discord.HTTPException, match="embeds.0.fields"):
            await channel.send(embed=fields)
        assert [m.content for m in fake_discord.history()] == ["x" * 2000]


async def test_missing_permissions_surface_as_forbidden(fake_discord: FakeDiscord, make_bot) -> None:
    guild, bot_user = fake_discord.world.guild, fake_discord.bot
    locked = guild.add_text_channel("locked")
    locked.set_overwrite(bot_user, deny=P.SEND_MESSAGES)
    plain = guild.add_text_channel("plain-text")
    plain.set_overwrite(guild.everyone, deny=P.EMBED_LINKS | P.ATTACH_FILES)
    async with running_bot(make_bot, fake_discord) as bot:
        with pytest.raises(discord.Forbidden) as info:
            await bot.get_channel(int(locked.id)).send("hi")
        assert info.value.code == 50013
        # discord.py computes the same permissions from its cache as the fake does.
        me = bot.get_guild(int(guild.id)).me
        assert bot.get_channel(int(plain.id)).permissions_for(me).value == guild.permissions_in(plain, bot_user)
        target = bot.get_channel(int(plain.id))
        with pytest.raises(discord.Forbidden):
            await target.send(file=discord.File(io.BytesIO(b"x"), filename="x.txt"))
        sent = await target.send("with embed", embed=discord.Embed(title="dropped"))
        assert sent.embeds == [] and fake_discord.history(plain)[-1].embeds == []  # silently stripped


async def test_edits_deletes_and_files_update_history(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord) as bot:
        channel = bot.get_channel(int(fake_discord.world.channel.id))
        first = await channel.send("draft", file=discord.File(io.BytesIO(b"hello"), filename="a.txt"))
        stored = fake_discord.message(str(first.id))
        assert [(f.filename, f.data) for f in stored.files] == [("a.txt", b"hello")]
        assert await first.attachments[0].read() == b"hello"  # served by the fake CDN
        await first.edit(content="final")
        second = await channel.send("temporary")
        await second.delete()
        assert [m.content for m in fake_discord.history()] == ["final"]
        assert [e["content"] for e in stored.edits] == ["final"] and stored.data["edited_timestamp"]


LIMIT_CASES = {
    "content": {"content": "x" * 2001},
    "embeds.0.title": {"embeds": [{"title": "t" * 257}]},
    "embeds.0.description": {"embeds": [{"description": "d" * 4097}]},
    "embeds.0.fields": {"embeds": [{"fields": [{"name": "n", "value": "v"}] * 26}]},
    "embeds.0.fields.0.name": {"embeds": [{"fields": [{"name": "n" * 257, "value": "v"}]}]},
    "embeds.0.fields.0.value": {"embeds": [{"fields": [{"name": "n", "value": "v" * 1025}]}]},
    "embeds.0.footer.text": {"embeds": [{"footer": {"text": "f" * 2049}}]},
    "embeds.0.author.name": {"embeds": [{"author": {"name": "a" * 257}}]},
    "In embeds:": {"embeds": [{"description": "d" * 3500}, {"description": "d" * 3500}]},
    "In embeds: Must be 10": {"embeds": [{"title": "t"}] * 11},
    "In components: Must be 5": {"components": [
        {"type": 1, "components": [{"type": 2, "style": 1, "label": "b", "custom_id": f"r{i}"}]} for i in range(6)]},
    "components.0.components": {"components": [
        {"type": 1, "components": [{"type": 2, "style": 1, "label": "b", "custom_id": f"b{i}"} for i in range(6)]}]},
    "components.0.components.0.label": {"components": [
        {"type": 1, "components": [{"type": 2, "style": 1, "label": "l" * 81, "custom_id": "c"}]}]},
    "components.0.components.0.custom_id": {"components": [
        {"type": 1, "components": [{"type": 2, "style": 1, "label": "l", "custom_id": "c" * 101}]}]},
}


@pytest.mark.parametrize("where", list(LIMIT_CASES))
async def test_raw_limits_rejected_with_invalid_form_body(fake_discord: FakeDiscord, where: str) -> None:
    url = f"{fake_discord.base_url}/api/v10/channels/{fake_discord.world.channel.id}/messages"
    headers = {"Authorization": f"Bot {fake_discord.token}"}
    async with aiohttp.ClientSession(headers=headers) as http:
        async with http.post(url, json={"content": "ok", **LIMIT_CASES[where]}) as resp:
            body = await resp.json()
    assert resp.status == 400 and body["code"] == 50035 and body["message"] == "Invalid Form Body"
    flat = discord.errors._flatten_error_dict(body["errors"])  # how discord.py renders it
    assert any(f"In {k}: {v}".startswith(where) or k == where for k, v in flat.items()), flat
    assert fake_discord.history() == []


# -- gateway and rate limits ----------------------------------------------------------------


@pytest.mark.parametrize("how", ["close-4000", "abrupt", "op7-reconnect"])
async def test_gateway_outage_then_resume(fake_discord: FakeDiscord, make_bot, how: str) -> None:
    async with running_bot(make_bot, fake_discord) as bot:
        resumed = asyncio.Event()

        async def on_resumed() -> None:
            resumed.set()

        bot.add_listener(on_resumed)
        if how == "op7-reconnect":
            fake_discord.hold_gateway()  # keep the reconnect waiting so the event lands in the buffer
            fake_discord.send_reconnect()
            await fake_discord.wait_for(lambda: not any(s.conn for s in fake_discord.gateway.live_sessions()))
        else:
            fake_discord.drop_gateway(4000, abrupt=how == "abrupt", hold=True)
        rec = await fake_discord.invoke_slash("secret", user="alice")  # sent during the outage
        assert rec.delivered_to == 1 and not rec.responded
        fake_discord.release_gateway()
        await fake_discord.wait_for_response(rec)
        await asyncio.wait_for(resumed.wait(), 2)
        assert rec.original.content == "psst" and fake_discord.gateway.resume_count == 1
        resume = await fake_discord.wait_for_gateway_op(6)
        assert resume.d["session_id"] in fake_discord.gateway.sessions


async def test_invalid_session_reidentifies(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord):
        fake_discord.invalidate_sessions()
        await fake_discord.wait_for(lambda: fake_discord.gateway.identify_count == 2
                                    and any(s.conn for s in fake_discord.gateway.live_sessions()))
        rec = await fake_discord.wait_for_response(await fake_discord.invoke_slash("secret", user="bob"))
        assert rec.original.content == "psst"


async def test_rate_limit_429_is_honoured(fake_discord: FakeDiscord, make_bot) -> None:
    async with running_bot(make_bot, fake_discord) as bot:
        channel = bot.get_channel(int(fake_discord.world.channel.id))
        fake_discord.rate_limit_next("POST", r"^/channels/\d+/messages$", retry_after=0.3)
        start = fake_discord.mark()
        await channel.send("after the wait")
        limited, ok = [r for r in fake_discord.requests[start:] if r.method == "POST"]
        assert (limited.status, ok.status) == (429, 200)
        assert ok.time - limited.time >= 0.3 and ok.body["nonce"] == limited.body["nonce"]
        # Without "Via" discord.py treats a 429 as a Cloudflare ban and raises at once.
        fake_discord.rate_limit_next("POST", r"^/channels/\d+/messages$", with_via=False)
        with pytest.raises(discord.HTTPException) as info:
            await channel.send("banned")
        assert info.value.status == 429

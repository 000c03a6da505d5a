"""REST routes for login, command sync, users and guilds (prefix /api/v10 added by server.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from .errors import HttpError, not_found, UNKNOWN_GUILD, UNKNOWN_MEMBER, UNKNOWN_USER
from .server import BODY

if TYPE_CHECKING:
    from .harness import FakeDiscord


def register(api: web.RouteTableDef, fake: "FakeDiscord") -> None:
    world, store = fake.world, fake.store

    @api.get("/users/@me")
    async def me(request: web.Request):
        return {**world.bot.payload(), "verified": True, "mfa_enabled": False, "flags": 0}

    @api.get("/users/{user_id}")
    async def get_user(request: web.Request):
        user = world.users.get(request.match_info["user_id"])
        if user is None:
            raise not_found(UNKNOWN_USER, "User")
        return user.payload()

    @api.get("/oauth2/applications/@me")
    async def application(request: web.Request):
        owner = world.guild.members[world.guild.owner_id].user if world.guilds else world.bot
        # appinfo.py requires id, name, description, icon, bot_public, bot_require_code_grant,
        # owner, verify_key. A non-null interactions_endpoint_url would make discord.py warn.
        return {
            "id": world.bot.id, "name": world.bot.username, "description": "", "icon": None,
            "bot_public": True, "bot_require_code_grant": False, "owner": owner.payload(),
            "verify_key": "0" * 64, "flags": fake.app_flags, "team": None,
            "interactions_endpoint_url": None, "bot": world.bot.payload(),
        }

    @api.get("/gateway")
    async def gateway(request: web.Request):
        return {"url": fake.gateway_url}

    @api.get("/gateway/bot")
    async def gateway_bot(request: web.Request):
        return {"url": fake.gateway_url, "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}}

    # -- application commands ----------------------------------------------------------
    def _sync(guild_id, commands: list[dict]) -> list[dict]:
        previous = {c["name"]: c for c in store.commands.get(guild_id, [])}
        synced = []
        for command in commands:
            old = previous.get(command["name"])
            entry = {**command, "id": old["id"] if old else world.ids.next(), "application_id": world.bot.id,
                     "version": world.ids.next()}
            if guild_id is not None:
                entry["guild_id"] = guild_id
            synced.append(entry)
        store.commands[guild_id] = synced
        return synced

    def _check_app(request: web.Request) -> None:
        if request.match_info["app_id"] != world.bot.id:
            raise HttpError(403, 50001, "Missing Access")

    @api.put("/applications/{app_id}/commands")
    async def sync_global(request: web.Request):
        _check_app(request)
        return _sync(None, request[BODY] or [])

    @api.get("/applications/{app_id}/commands")
    async def list_global(request: web.Request):
        _check_app(request)
        return store.commands.get(None, [])

    @api.put("/applications/{app_id}/guilds/{guild_id}/commands")
    async def sync_guild(request: web.Request):
        _check_app(request)
        guild_id = request.match_info["guild_id"]
        if guild_id not in world.guilds:
            raise HttpError(403, 50001, "Missing Access")
        return _sync(guild_id, request[BODY] or [])

    @api.get("/applications/{app_id}/guilds/{guild_id}/commands")
    async def list_guild(request: web.Request):
        _check_app(request)
        return store.commands.get(request.match_info["guild_id"], [])

    # -- guilds --------------------------------------------------------------------------
    def _guild(request: web.Request):
        guild = world.guilds.get(request.match_info["guild_id"])
        if guild is None or world.bot.id not in guild.members:
            raise not_found(UNKNOWN_GUILD, "Guild")
        return guild

    @api.get("/guilds/{guild_id}")
    async def get_guild(request: web.Request):
        return _guild(request).payload()

    @api.get("/guilds/{guild_id}/channels")
    async def guild_channels(request: web.Request):
        return [c.payload() for c in _guild(request).channels.values()]

    @api.get("/guilds/{guild_id}/roles")
    async def guild_roles(request: web.Request):
        return [r.payload() for r in _guild(request).roles.values()]

    @api.get("/guilds/{guild_id}/members/{user_id}")
    async def guild_member(request: web.Request):
        member = _guild(request).members.get(request.match_info["user_id"])
        if member is None:
            raise not_found(UNKNOWN_MEMBER, "Member")
        return member.payload()

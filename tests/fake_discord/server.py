"""The aiohttp application: routing, body parsing, auth, rate limits, recording, CDN.

Handlers return plain Python data (dict/list -> 200 JSON, ``None`` -> 204, ``(status,
data)``) or raise ``HttpError``; the middleware turns that into a response with
``Content-Type: application/json`` exactly (discord.py compares the header string), and
records every call.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import socket
from typing import TYPE_CHECKING, Any, Optional

from aiohttp import web

from .errors import HttpError
from .records import RestRecord, SentFile

if TYPE_CHECKING:
    from .harness import FakeDiscord

log = logging.getLogger(__name__)
_API_PREFIX = re.compile(r"^/api/v\d+")
# Interaction callbacks and webhooks carry their token in the URL and no Authorization header.
_NO_AUTH = re.compile(r"^/(interactions|webhooks)/")
BODY: web.RequestKey[Any] = web.RequestKey("fake_discord_body", object)
FILES: web.RequestKey[list[SentFile]] = web.RequestKey("fake_discord_files", list)


def json_response(data: Any, status: int = 200, headers: Optional[dict] = None) -> web.Response:
    # Not web.json_response(): its "application/json; charset=utf-8" makes discord.py see a str.
    return web.Response(status=status, body=json.dumps(data).encode(), content_type="application/json",
                        headers=headers)


async def parse_body(request: web.Request) -> tuple[Any, list[SentFile]]:
    """JSON body, or ``payload_json`` + ``files[n]`` parts of a multipart body."""
    if request.content_type.startswith("multipart/"):
        body, files = None, []
        reader = await request.multipart()
        async for part in reader:
            if part.name == "payload_json":
                body = json.loads(await part.text())
            else:
                files.append(SentFile(part.name or "", part.filename or "", part.headers.get("Content-Type"),
                                      bytes(await part.read())))
        return body, files
    raw = await request.read()
    return (json.loads(raw) if raw else None), []


class FakeServer:
    def __init__(self, fake: "FakeDiscord") -> None:
        self.fake = fake
        self.app = web.Application(middlewares=[self._middleware], client_max_size=64 * 1024 * 1024)
        self.port = 0
        self._runner: Optional[web.AppRunner] = None
        self._add_routes()

    def _add_routes(self) -> None:
        from . import channels, rest, webhooks  # route modules need the server to exist first

        self.app.router.add_get("/gateway", self.fake.gateway.handle)
        self.app.router.add_get("/gateway-resume", self.fake.gateway.handle)
        self.app.router.add_get("/attachments/{path:.+}", self._cdn)
        api = web.RouteTableDef()
        for module in (rest, channels, webhooks):
            module.register(api, self.fake)
        for route in api:
            self.app.router.add_route(route.method, "/api/v{version:\\d+}" + route.path, route.handler)

    async def start(self) -> None:
        # Loopback only, random port: tests never expose anything beyond this machine.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self._runner = web.AppRunner(self.app, handle_signals=False, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        await self.fake.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _cdn(self, request: web.Request) -> web.Response:
        blob = self.fake.store.cdn.get(request.match_info["path"])
        if blob is None:
            raise HttpError(404, 0, "404: Not Found")
        return web.Response(body=blob[0], content_type=blob[1])

    @web.middleware
    async def _middleware(self, request: web.Request, handler) -> web.StreamResponse:
        if request.path.startswith("/gateway"):
            return await handler(request)
        store, loop = self.fake.store, asyncio.get_running_loop()
        path = _API_PREFIX.sub("", request.path)
        body, files = await parse_body(request) if request.path.startswith("/api/") else (None, [])
        request[BODY], request[FILES] = body, files
        status, data, response = await self._respond(request, handler, path)
        record = RestRecord(len(store.requests), request.method, path, dict(request.query), dict(request.headers),
                            body, files, status, data, loop.time())
        store.requests.append(record)
        if status == 404 and isinstance(data, dict) and data.get("message") == "404: Not Found" and path != request.path:
            store.unhandled.append(record)
            log.warning("fake discord: no route for %s %s", request.method, path)
        await store.changed()
        return response

    async def _respond(self, request: web.Request, handler, path: str) -> tuple[int, Any, web.StreamResponse]:
        rule = self.fake.store.take_rate_limit(request.method, path)
        if rule is not None:
            data = {"message": "You are being rate limited.", "retry_after": rule.retry_after,
                    "global": rule.is_global}
            # Without "Via" discord.py assumes a Cloudflare ban and raises instead of retrying.
            headers = {"Via": "1.1 google", "X-RateLimit-Scope": "global" if rule.is_global else "user"}
            if not rule.with_via:
                headers.pop("Via")
            if not rule.is_global:
                headers.update({"X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0",
                                "X-RateLimit-Reset-After": str(rule.retry_after), "X-RateLimit-Bucket": "fake"})
            return 429, data, json_response(data, 429, headers)
        try:
            if request.path.startswith("/api/") and not _NO_AUTH.match(path):
                if request.headers.get("Authorization") != f"Bot {self.fake.token}":
                    raise HttpError(401, 0, "401: Unauthorized")
            result = await handler(request)
        except HttpError as exc:
            return exc.status, exc.body(), json_response(exc.body(), exc.status)
        except (web.HTTPNotFound, web.HTTPMethodNotAllowed):
            data = {"message": "404: Not Found", "code": 0}
            return 404, data, json_response(data, 404)
        except Exception as exc:  # a bug in the fake: surface it, don't let the bot retry
            log.exception("fake discord crashed on %s %s", request.method, path)
            self.fake.server_errors.append(exc)
            # 503 (not 500): discord.py retries 500/502/504 with multi-second sleeps.
            data = {"message": f"fake discord internal error: {exc!r}", "code": 0}
            return 503, data, json_response(data, 503)
        if isinstance(result, web.StreamResponse):
            return result.status, None, result
        status, data = result if isinstance(result, tuple) else (200 if result is not None else 204, result)
        if status == 204:
            return 204, None, web.Response(status=204)
        return status, data, json_response(data, status)

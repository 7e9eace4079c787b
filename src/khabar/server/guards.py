"""Request guards: body size, per-client rate, API token, and security headers on every response."""

from __future__ import annotations

import hmac
import json
import math
import time
from collections import defaultdict, deque

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from khabar.server.settings import Settings

# The UI loads nothing from elsewhere, so the browser may refuse everything else: an injected <script> or
# inline handler would not run even if escaping ever failed. Swagger UI sets inline styles, hence style-src.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SlidingWindow:
    """At most `limit` hits per key in any 60-second window."""

    MAX_KEYS = 10_000  # past this many clients, forget those idle for a whole window

    def __init__(self, limit: int, window_s: float = 60.0):
        self.limit = limit
        self.window_s = window_s
        self.hits: dict[str, deque[float]] = defaultdict(deque)

    def retry_after(self, key: str, now: float | None = None) -> int:
        """0 when the hit is allowed (and counted), else the seconds until it would be."""
        now = time.monotonic() if now is None else now
        if len(self.hits) > self.MAX_KEYS:
            self.hits = defaultdict(deque, {k: v for k, v in self.hits.items() if v and v[-1] > now - self.window_s})
        hits = self.hits[key]
        while hits and hits[0] <= now - self.window_s:
            hits.popleft()
        if len(hits) >= self.limit:
            return max(1, math.ceil(hits[0] + self.window_s - now))
        hits.append(now)
        return 0


async def _send_json_error(send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Pure ASGI (not BaseHTTPMiddleware) so it can count body bytes as they stream in, chunked uploads included."""

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.settings = settings
        self.api_window = SlidingWindow(settings.rate_per_minute)
        self.analyze_window = SlidingWindow(settings.analyze_rate_per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        client = (scope.get("client") or ("?", 0))[0]
        if not scope["path"].startswith("/static/"):
            window = self.analyze_window if _is_analysis(scope) else self.api_window
            wait = window.retry_after(client)
            if wait:
                await _send_json_error(send_with_headers, 429, f"rate limit: {window.limit} requests per minute; retry in {wait} s",
                                       [(b"retry-after", str(wait).encode())])
                return

        limit = self.settings.max_body_bytes
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _send_json_error(send_with_headers, 413, f"request body over {limit} bytes")
            return

        received = 0
        too_large = False

        async def counting_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Look like a client that went away: the app stops reading, and its answer is replaced below.
                    too_large = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not too_large:
                await send_with_headers(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not too_large:
                raise
        if too_large:
            await _send_json_error(send_with_headers, 413, f"request body over {limit} bytes")


def _is_analysis(scope: Scope) -> bool:
    return scope["method"] == "POST" and scope["path"] in ("/api/analyze", "/api/articles", "/analyze")


bearer = HTTPBearer(auto_error=False, description="the server's KHABAR_API_TOKEN, when one is set")


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    """Dependency for write endpoints."""
    expected = request.app.state.settings.api_token
    if expected is None:
        return
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "this endpoint needs Authorization: Bearer <token> (KHABAR_API_TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})

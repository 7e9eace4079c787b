"""A polite HTTP client: identifies itself, obeys robots.txt, waits between requests to one host, times out,
and retries.

Only transient failures (timeouts, connection errors, 429 and 5xx) are retried, with exponential backoff; a
`Retry-After` header is honoured up to `max_backoff` seconds.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from urllib.robotparser import RobotFileParser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from khabar import __version__

USER_AGENT = f"khabar/{__version__} (+https://github.com/khabar-project/khabar; Arabic news research)"
_RETRY_STATUS = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A page that could not be fetched; the message is the reason stored with the failure."""


@dataclass
class Response:
    url: str
    status: int
    content_type: str
    body: bytes

    def text(self) -> str:
        charset = "utf-8"
        for part in self.content_type.split(";"):
            if part.strip().lower().startswith("charset="):
                charset = part.split("=", 1)[1].strip().strip('"') or charset
        return self.body.decode(charset, errors="replace")


@dataclass
class Fetcher:
    user_agent: str = USER_AGENT
    timeout: float = 20.0
    retries: int = 3
    per_host_delay: float = 1.0
    backoff: float = 1.0
    max_backoff: float = 60.0
    max_bytes: int = 20_000_000
    obey_robots: bool = True
    _last_request: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            ready = self._last_request.get(host, 0.0) + self.per_host_delay
            self._last_request[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc.lower()}"
        if site not in self._robots:
            robots = RobotFileParser()
            try:
                robots.parse(self._request(f"{site}/robots.txt").text().splitlines())
            except FetchError:
                robots.parse([])  # no readable robots.txt: everything is allowed
            self._robots[site] = robots
        return self._robots[site].can_fetch(self.user_agent, url)

    def get(self, url: str) -> Response:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url}")
        if self.obey_robots and not self._allowed(url):
            raise FetchError("disallowed by robots.txt")
        return self._request(url)

    def _request(self, url: str) -> Response:
        host = urlsplit(url).netloc.lower()
        last_error = "no attempt"
        for attempt in range(self.retries + 1):
            self._wait_for_host(host)
            request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "identity"})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                    body = reply.read(self.max_bytes + 1)
                    if len(body) > self.max_bytes:
                        raise FetchError(f"response larger than {self.max_bytes} bytes")
                    return Response(reply.geturl(), reply.status, reply.headers.get("Content-Type", ""), body)
            except urllib.error.HTTPError as exc:
                last_error = f"HTTP {exc.code} {exc.reason}"
                if exc.code not in _RETRY_STATUS:
                    raise FetchError(last_error) from None
                delay = _retry_after(exc.headers.get("Retry-After"))
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                last_error = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"
                delay = None
            if attempt < self.retries:
                time.sleep(min(self.max_backoff, delay if delay is not None else self.backoff * 2**attempt))
        raise FetchError(f"{last_error} (after {self.retries + 1} attempts)")


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None

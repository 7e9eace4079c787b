"""Server limits and the optional API token, read from the environment so `khabar serve` keeps a short signature."""

from __future__ import annotations

import os
from dataclasses import dataclass

TOKEN_ENV = "KHABAR_API_TOKEN"


@dataclass(frozen=True)
class Settings:
    # Write endpoints need `Authorization: Bearer <api_token>` when it is set; without it they are open,
    # which is fine for the default loopback bind and wrong for anything exposed.
    api_token: str | None = None
    max_body_bytes: int = 2_000_000  # a long article as HTML is well under 1 MB
    rate_per_minute: int = 120  # requests (pages and API, not static files) per client address
    analyze_rate_per_minute: int = 20  # analysing is CPU-bound, so it gets its own, lower budget
    max_page_size: int = 200

    @classmethod
    def from_env(cls) -> Settings:
        def number(name: str, default: int) -> int:
            value = os.environ.get(name)
            return int(value) if value else default

        return cls(
            api_token=os.environ.get(TOKEN_ENV) or None,
            max_body_bytes=number("KHABAR_MAX_BODY_BYTES", cls.max_body_bytes),
            rate_per_minute=number("KHABAR_RATE_PER_MINUTE", cls.rate_per_minute),
            analyze_rate_per_minute=number("KHABAR_ANALYZE_RATE_PER_MINUTE", cls.analyze_rate_per_minute),
        )

"""PLOVER event types and their colours (static/event-types.json, shared with the page scripts)."""

from __future__ import annotations

import json
from importlib import resources

_DATA = json.loads(resources.files("khabar.server").joinpath("static", "event-types.json").read_text(encoding="utf-8"))
EVENT_TYPES: dict[str, str] = _DATA["types"]
OTHER_COLOUR: str = _DATA["other"]

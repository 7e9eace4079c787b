"""Corpus store: articles and their analyses in SQLite or PostgreSQL, with search, stories, merged events, exports.

`Store`, `default_url` and `open_store` (khabar.store.core) are imported on first use, so that the command line
does not load the database stack for commands that do not use it.
"""

from __future__ import annotations

__all__ = ["Store", "default_url", "open_store"]


def __getattr__(name: str):
    if name in __all__:
        from khabar.store import core

        return getattr(core, name)
    raise AttributeError(name)

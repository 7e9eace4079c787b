"""Corpus store: articles and their analyses in SQLite or PostgreSQL, with search, stories, merged events, exports."""

from khabar.store.core import Store, default_url, open_store

__all__ = ["Store", "default_url", "open_store"]

"""Entity linking: names to KB entries, in-document coreference, descriptions to officeholders, and
actor codes as of the article's date."""

from __future__ import annotations

from khabar.link.describe import resolve_description
from khabar.link.linker import Linker, resolve_overlaps

__all__ = ["Linker", "resolve_description", "resolve_overlaps"]

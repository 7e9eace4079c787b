"""Stable keys shared across articles: entities by KB id (else type + normalised name), events by their content."""

from __future__ import annotations

import hashlib

from khabar.text.normalize import normalize


def entity_key(type_: str, name: str, kb_id: str | None) -> str:
    return kb_id if kb_id else f"NIL:{type_}:{' '.join(normalize(name).split())}"


def event_key(type_: str, actors: list[str], recipients: list[str], date: str | None, article_pk: int) -> str:
    """Same type, actors, recipients and date → one event, however many articles report it.

    Without a date or without any participant two reports cannot be told apart from two different events,
    so such an event stays private to its article.
    """
    if date and (actors or recipients):
        basis = f"{type_}|{','.join(sorted(actors))}|{','.join(sorted(recipients))}|{date}"
    else:
        basis = f"{type_}|{','.join(sorted(actors))}|{','.join(sorted(recipients))}|{date}|article:{article_pk}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()

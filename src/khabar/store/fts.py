"""Arabic-aware full-text search: SQLite FTS5 or PostgreSQL tsvector over normalised, clitic-stripped terms.

Both sides of a search go through `search_terms`: normalisation (hamza, alef, yaa, taa marbuta, diacritics), the
text layer's proclitic splitting ("والرئيس" → "الرئيس") and then the article ("الرئيس" → "رئيس"), so that a
query for "رئيس" finds "والرئيس" and "الرئيس" alike. The engines only ever see these plain terms.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from khabar.document import Document, Token
from khabar.text.tokenize import tokenize

_ARTICLE = "ال"
_MIN_TERM = 2


def _term(norm: str) -> str:
    if norm.startswith(_ARTICLE) and len(norm) - len(_ARTICLE) >= _MIN_TERM:
        return norm[len(_ARTICLE):]
    return norm


def token_terms(tokens: list[Token]) -> list[str]:
    return [_term(t.norm).lower() for t in tokens if t.norm and t.norm[0].isalnum()]


def search_terms(value: str) -> list[str]:
    """The indexable terms of a text, in order; punctuation dropped."""
    return token_terms(tokenize(value))


def document_terms(doc: Document) -> str:
    """Title and text terms; the text's tokens come from the pipeline's text layer when it ran."""
    tokens = doc.tokens or tokenize(doc.text)
    return " ".join(search_terms(doc.title or "") + token_terms(tokens))


def term_spans(value: str) -> list[tuple[str, int, int]]:
    """(term, start, end) in the original text, for snippets."""
    return [(_term(t.norm).lower(), t.start, t.end) for t in tokenize(value) if t.norm and t.norm[0].isalnum()]


def create(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        # contentless: the article text lives in `articles`; the index only maps terms to article pks
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS article_terms USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 0')"))
    else:
        conn.execute(text("CREATE TABLE IF NOT EXISTS article_terms (article_pk INTEGER PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE, terms tsvector NOT NULL)"))
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_article_terms ON article_terms USING GIN (terms)"))


def drop(conn: Connection) -> None:
    conn.execute(text("DROP TABLE IF EXISTS article_terms"))


def index(conn: Connection, rows: list[tuple[int, str]]) -> None:
    """Index (article_pk, terms) pairs, the terms from `document_terms`."""
    params = [{"pk": pk, "terms": terms} for pk, terms in rows]
    if not params:
        return
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO article_terms(rowid, terms) VALUES (:pk, :terms)"), params)
    else:
        conn.execute(text("INSERT INTO article_terms(article_pk, terms) VALUES (:pk, to_tsvector('simple', :terms))"), params)


def search(conn: Connection, query: str, limit: int, offset: int) -> list[int]:
    """Article pks matching every term of `query` (in that order, adjacent, when it is "quoted"), best first."""
    terms = search_terms(query)
    if not terms:
        return []
    phrase = len(query.strip()) > 1 and query.strip()[0] == query.strip()[-1] == '"'
    params = {"limit": limit, "offset": offset}
    if conn.dialect.name == "sqlite":
        quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
        params["q"] = " + ".join(quoted) if phrase else " AND ".join(quoted)
        sql = "SELECT rowid FROM article_terms WHERE article_terms MATCH :q ORDER BY bm25(article_terms), rowid LIMIT :limit OFFSET :offset"
    else:
        params["q"] = " ".join(terms)
        parser = "phraseto_tsquery" if phrase else "plainto_tsquery"
        sql = (
            f"SELECT article_pk FROM article_terms, {parser}('simple', :q) AS q WHERE terms @@ q "
            "ORDER BY ts_rank(terms, q) DESC, article_pk LIMIT :limit OFFSET :offset"
        )
    return [row[0] for row in conn.execute(text(sql), params)]


def snippet(value: str, query: str, width: int = 80) -> str:
    """The original text around the first query term, with the matched word in «»."""
    wanted = set(search_terms(query))
    for term, start, end in term_spans(value):
        if term in wanted:
            left = max(0, start - width)
            right = min(len(value), end + width)
            prefix = "…" if left else ""
            suffix = "…" if right < len(value) else ""
            return f"{prefix}{value[left:start]}«{value[start:end]}»{value[end:right]}{suffix}".replace("\n", " ")
    return value[: 2 * width].replace("\n", " ")

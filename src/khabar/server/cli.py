"""`khabar serve`: a plain Typer command function; the main CLI registers it with `app.command()(serve)`.

The server stack is imported when the command runs, so that every other `khabar` command starts fast."""

from __future__ import annotations

from typing import Annotated

import typer

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(
    db: Annotated[str | None, typer.Option(help="Store URL: sqlite:///path or postgresql://… (default: $KHABAR_DB, else a SQLite file in the user data directory).")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web UI (/), the JSON API (/api/) and its docs (/docs) over the article store."""
    import uvicorn

    from khabar.server import Settings, create_app
    from khabar.server.settings import TOKEN_ENV
    from khabar.store import open_store

    settings = Settings.from_env()
    if settings.api_token is None and host not in LOOPBACK:
        typer.echo(f"warning: listening on {host} with write endpoints open; set {TOKEN_ENV} to require a token", err=True)
    store = open_store(db)
    typer.echo(f"khabar: store {store.url} · UI http://{host}:{port}/ · API docs http://{host}:{port}/docs", err=True)
    try:
        uvicorn.run(create_app(store=store, settings=settings), host=host, port=port, log_level="info")
    finally:
        store.close()

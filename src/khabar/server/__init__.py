"""khabar's HTTP API and web UI for analysts (`khabar serve`).

`create_app` (khabar.server.app) and `Settings` (khabar.server.settings) are imported on first use, so that
importing `khabar.server.cli` for the command line does not load the web stack.
"""

from __future__ import annotations

__all__ = ["Settings", "create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from khabar.server.app import create_app

        return create_app
    if name == "Settings":
        from khabar.server.settings import Settings

        return Settings
    raise AttributeError(name)

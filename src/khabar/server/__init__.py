"""khabar's HTTP API and web UI for analysts (`khabar serve`)."""

from khabar.server.app import create_app
from khabar.server.settings import Settings

__all__ = ["Settings", "create_app"]

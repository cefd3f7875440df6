"""The web UI and HTTP API: server-rendered pages over the store, each with a JSON twin under /api/."""

from .app import create_app

__all__ = ["create_app"]

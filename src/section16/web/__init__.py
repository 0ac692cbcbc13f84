"""The web app: JSON API, HTML pages and static assets from one FastAPI application.

::

    from section16.store import open_store
    from section16.web import create_app
    import uvicorn

    uvicorn.run(create_app(open_store("insiders.duckdb")), host="127.0.0.1", port=8016)
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]

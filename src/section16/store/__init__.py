"""The store: every filing in SQL, in an embedded DuckDB file (the default) or in PostgreSQL.

::

    from section16.store import open_store
    with open_store() as store:                       # ~/.local/share/section16/section16.duckdb
        result = store.load(filings)                  # idempotent by accession number
        store.query("SELECT * FROM filings WHERE issuer_ticker = ?", ["AAPL"]).to_pandas()

The tables are documented in ``schema.sql`` (shipped beside this module) and in docs/store.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .base import BATCH_SIZE, LoadResult, Store, convert

#: Environment variable naming the database (a path or a ``postgresql://`` URL).
DB_ENV = "SECTION16_DB"


def default_db_path() -> Path:
    """Where the DuckDB file lives when no ``--db`` or ``SECTION16_DB`` is given.

    The user's data directory: ``$XDG_DATA_HOME/section16`` (default ``~/.local/share/section16``) on
    Linux and other Unixes, ``~/Library/Application Support/section16`` on macOS,
    ``%LOCALAPPDATA%\\section16`` on Windows.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "section16" / "section16.duckdb"


def resolve_db(db: str | os.PathLike[str] | None = None) -> str:
    """The database to open: ``db`` if given, else ``$SECTION16_DB``, else :func:`default_db_path`."""
    if db is not None and str(db) != "":
        return os.fspath(db)
    env = os.environ.get(DB_ENV)
    if env:
        return env
    return str(default_db_path())


def is_postgres_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_store(db: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open (creating when needed) a store: None for the default DuckDB file, a path for another
    DuckDB file (``:memory:`` for a throwaway one), or a ``postgresql://`` URL.

    ``read_only`` opens a DuckDB file without taking the write lock, so a reader can run beside a
    writer process; it is ignored for PostgreSQL (whose server arbitrates).
    """
    target = resolve_db(db)
    if is_postgres_url(target):
        from .postgres import PostgresStore

        return PostgresStore(target)
    from .duck import DuckDBStore

    return DuckDBStore(target, read_only=read_only)


__all__ = [
    "BATCH_SIZE",
    "DB_ENV",
    "LoadResult",
    "Store",
    "convert",
    "default_db_path",
    "is_postgres_url",
    "open_store",
    "resolve_db",
]

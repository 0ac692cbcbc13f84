"""The store fixtures (DuckDB and a real PostgreSQL) serve the data-set tests too."""

from tests.store.conftest import db_url, fixture_filings, pg_server, store  # noqa: F401 - pytest fixtures

"""Store fixtures: the same tests run on DuckDB and on a real PostgreSQL server."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from section16 import parse
from section16.model import Filing
from section16.store import Store, open_store
from tests.conftest import FIXTURES

from .pg import fresh_database, postgres_server

#: Real filings for the store tests (copied from the corpus): an original and its 4/A, two 4/As whose
#: original is absent, joint filings, Forms 3 and 5, schema versions X0202 to X0609, an XML twin of a
#: submission.
STORE_FIXTURES = FIXTURES / "store"

_names = itertools.count()


def store_fixture_paths() -> list[Path]:
    return sorted(p for p in STORE_FIXTURES.iterdir() if p.suffix in (".xml", ".txt"))


@pytest.fixture(scope="session")
def fixture_filings() -> list[Filing]:
    return [parse(p) for p in store_fixture_paths()]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["duckdb", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each kind: a DuckDB file path or a PostgreSQL URL."""
    if request.param == "duckdb":
        return str(tmp_path / "test.duckdb")
    server = request.getfixturevalue("pg_server")
    return fresh_database(server, f"section16_test_{next(_names)}")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as s:
        yield s

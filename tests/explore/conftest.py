"""Explore fixtures: stores loaded with real filings (tests/fixtures/explore, copied from the corpus).

* ABBV (AbbVie) summer 2019: five insiders bought on the open market from 29 July to 16 September,
  a real cluster buy (submissions, so acceptance times are known).
* AFRM (Affirm): Keith Rabois sold in January of 2022 and 2023 after buying in January 2021, and sold
  again in 2024: a routine insider in the sense of Cohen, Malloy and Pomorski.
* RGLS (Regulus) 2020: one purchase filed jointly by four owners.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from section16 import parse
from section16.model import Filing
from section16.store import Store, open_store
from tests.conftest import FIXTURES
from tests.store.pg import fresh_database, postgres_server

EXPLORE_FIXTURES = FIXTURES / "explore"
ABBV_CLUSTER = [
    "0001179110-19-008937", "0001179110-19-008938", "0001179110-19-009037",
    "0001179110-19-009703", "0001179110-19-009960", "0001179110-19-010451",
]  # fmt: skip
RGLS_JOINT = "0001209191-20-061962"
RABOIS = {
    "2021-01": "0001209191-21-003765",
    "2022-01": "0001628280-22-000351",
    "2023-01": "0001628280-23-000526",
    "2023-02": "0001628280-23-002257",
    "2024-03": "0001628280-24-011724",
}

_names = itertools.count()


def fixture_path(accession: str) -> Path:
    for suffix in (".txt", ".xml"):
        p = EXPLORE_FIXTURES / f"{accession}{suffix}"
        if p.exists():
            return p
    raise FileNotFoundError(accession)


def filings(*accessions: str) -> list[Filing]:
    return [parse(fixture_path(a)) for a in accessions]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A fresh, empty database of each kind (one per test module: the screens only read)."""
    if request.param == "duckdb":
        return str(tmp_path_factory.mktemp("explore") / "explore.duckdb")
    server = request.getfixturevalue("pg_server")
    return fresh_database(server, f"section16_explore_{next(_names)}")


@pytest.fixture(scope="module")
def main_store(db_url: str) -> Iterator[Store]:
    """The ABBV cluster and the RGLS joint filing, on DuckDB and on PostgreSQL."""
    with open_store(db_url) as s:
        result = s.load(filings(*ABBV_CLUSTER, RGLS_JOINT))
        assert result.stored == 7 and not result.failed
        yield s


def duck_store(tmp_path: Path, items: list[Filing]) -> Store:
    s = open_store(tmp_path / f"s{next(_names)}.duckdb")
    result = s.load(items)
    assert not result.failed, result.failed
    return s

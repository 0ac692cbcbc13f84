"""The fake EDGAR and clients pointed at it, for the tests of section16.edgar."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from section16.edgar.client import EdgarClient
from section16.edgar.config import EdgarConfig, load_config
from section16.edgar.ratelimit import TokenBucket
from section16.store.base import Store
from section16.store.rows import COLUMNS
from tests.conftest import FIXTURES

from .fake_edgar import FakeEdgar

#: Real full submissions (Feb 2020 and a few from 2019Q4 and 2020Q2) served by the fake EDGAR.
SUBMISSIONS = FIXTURES / "edgar" / "submissions"
EDGAR_SAMPLES = FIXTURES / "edgar"
UA = "section16 tests tests@example.com"


def submission_files() -> list[Path]:
    return sorted(SUBMISSIONS.glob("*.txt"))


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A real PostgreSQL server (the store tests' helper starts one, or skips with the reason)."""
    from tests.store.pg import fresh_database, postgres_server

    with postgres_server() as server:
        yield fresh_database(server, "section16_edgar_sync")


@pytest.fixture
def fake() -> Iterator[FakeEdgar]:
    with FakeEdgar(submission_files()) as f:
        yield f


def make_config(fake: FakeEdgar, **kw: object) -> EdgarConfig:
    rate, pause = kw.pop("rate", 50), kw.pop("pause", 1.0)
    cfg = load_config(user_agent=UA, edgar_url=fake.url, rate=rate, block_pause=pause, env={})  # type: ignore[arg-type]
    return replace(cfg, backoff=0.05, max_backoff=0.5, timeout=kw.pop("timeout", 5.0), **kw)  # type: ignore[arg-type]


def table_contents(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every filing table (and the sync state), sorted, without the load times: two stores
    holding the same filings compare equal however and whenever they were loaded."""
    out: dict[str, list[tuple[object, ...]]] = {}
    for table, cols in [*COLUMNS.items(), ("sync_state", (("key", "text"), ("value", "text")))]:
        names = [c for c, _ in cols if c not in ("loaded_at", "updated_at")]
        rows = store.query(f"SELECT {', '.join(names)} FROM {table}").to_pylist()
        out[table] = sorted((tuple(r[n] for n in names) for r in rows), key=repr)
    return out


def make_client(fake: FakeEdgar, **kw: object) -> EdgarClient:
    cfg = make_config(fake, **kw)
    return EdgarClient(cfg, bucket=TokenBucket(cfg.rate))

"""Chunks: what crosses from a parsing worker to the loader comes back the same."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime

from section16.model import Filing
from section16.store.chunks import SCHEMAS
from section16.store.columns import build_chunk


def test_chunk_pickles_through_ipc_unchanged(fixture_filings: list[Filing]) -> None:
    some = [f for f in fixture_filings if not f.derivative_holdings]  # so one table is empty
    chunk = build_chunk(some, datetime(2026, 1, 2, tzinfo=UTC))
    assert chunk.duplicates > 0 and chunk.tables["deriv_holdings"].num_rows == 0
    assert chunk.tables["field_footnotes"].num_rows > 0
    back = pickle.loads(pickle.dumps(chunk))
    assert back.meta == chunk.meta and back.duplicates == chunk.duplicates
    assert list(back.tables) == list(chunk.tables)
    for t, tb in chunk.tables.items():
        assert back.tables[t].schema == SCHEMAS[t]
        assert back.tables[t].equals(tb), t

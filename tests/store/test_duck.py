"""DuckDB specifics: every table of a filing's rows has an index on accession alone (DuckDB reads a
filing through them; the primary keys on (accession, row_no) do not serve ``accession = ?``)."""

from __future__ import annotations

from pathlib import Path

from section16.model import Filing
from section16.store import open_store
from section16.store.duck import _ACCESSION_INDEXES

TABLES = ("reporting_owners", "footnotes", "signatures", "nonderiv_transactions", "nonderiv_holdings",
          "deriv_transactions", "deriv_holdings")  # fmt: skip


def test_a_filing_is_read_through_accession_indexes(tmp_path: Path, fixture_filings: list[Filing]) -> None:
    items = fixture_filings
    with open_store(tmp_path / "s.duckdb") as store:
        store.load(items)
        indexed = {r["table_name"] for r in store.query("SELECT table_name FROM duckdb_indexes()").to_pylist()
                   if r["table_name"] in TABLES}  # fmt: skip
        assert indexed == set(TABLES) and len(_ACCESSION_INDEXES) == len(TABLES)
        accession = store.query("SELECT accession FROM filings ORDER BY accession LIMIT 1").column(0)[0].as_py()
        cols = {r["table_name"]: r["expressions"] for r in store.query("SELECT * FROM duckdb_indexes()").to_pylist()
                if str(r["index_name"]).endswith("_accession")}  # fmt: skip
        assert all(cols[t] == "[accession]" for t in TABLES), cols
        back = store.filing(accession)
        assert back is not None and back.reporting_owners
    # An existing store gains the indexes when opened for writing.
    with open_store(tmp_path / "s.duckdb") as store:
        for stmt in ("DROP INDEX footnotes_accession", "DROP INDEX deriv_holdings_accession"):
            store.connection.execute(stmt)
    with open_store(tmp_path / "s.duckdb") as store:
        names = set(store.query("SELECT index_name FROM duckdb_indexes()").column(0).to_pylist())
        assert {"footnotes_accession", "deriv_holdings_accession"} <= names

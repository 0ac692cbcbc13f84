"""The embedded default: a DuckDB file. Bulk appends go through Arrow (``INSERT ... SELECT FROM`` an
Arrow table), never row by row."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from .base import Store
from .rows import COLUMNS, FILING_TABLES

# Columns matched by name, each value cast to its column's type by the INSERT itself (decimal text to
# DECIMAL(38,12), JSON text taken as it is): a statement's fixed cost (~5 ms, paid by each table of
# each transaction) is about half that of naming every column with an explicit CAST.
_INSERT = {t: f"INSERT INTO {t} BY NAME SELECT * FROM _section16_rows" for t in COLUMNS}

# DuckDB looks rows up through an index only when it covers the filter's columns alone: the primary
# keys (accession, position) and (accession, row_no) do not serve ``WHERE accession = ?``, which then
# reads the whole table (Store.filing took ~0.2 s at 10 million rows). PostgreSQL uses the keys' prefix.
_ACCESSION_INDEXES = tuple(
    f"CREATE INDEX IF NOT EXISTS {t}_accession ON {t} (accession)"
    for t in ("reporting_owners", "footnotes", "signatures", "nonderiv_transactions", "nonderiv_holdings",
              "deriv_transactions", "deriv_holdings")
)  # fmt: skip


class DuckDBStore(Store):
    dialect = "duckdb"

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.location = str(path)
        if read_only and self.location != ":memory:" and not Path(self.location).expanduser().exists():
            raise StoreError(f"{self.location}: no database here yet; load filings first (section16 load PATH)")
        if self.location != ":memory:":
            try:
                Path(self.location).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"{self.location}: cannot create its folder: {e.strerror or e}") from None
        try:
            self._con = duckdb.connect(str(Path(self.location).expanduser()) if self.location != ":memory:"
                                       else ":memory:", read_only=read_only)  # fmt: skip
        except duckdb.Error as e:
            hint = ""
            if "lock" in str(e).lower():
                hint = " (another process has it open for writing, e.g. section16 sync or load: wait for it to end)"
            raise StoreError(f"{self.location}: cannot open the DuckDB database{hint}: {e}") from None
        if not read_only:
            # DuckDB checkpoints (rewrites tables and indexes into the file) every 16 MB of WAL by
            # default; during a bulk load that repeats the work over and over. The WAL is durable, so
            # checkpoint rarely and once more on close.
            self._con.execute("SET checkpoint_threshold = '256MB'")
            self._create_schema()
            for stmt in _ACCESSION_INDEXES:
                self._con.execute(stmt)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._con.execute(sql, list(params))

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._con.execute(sql, list(params)).fetchall()

    def _arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        try:
            rel = self._con.sql(sql, params=list(params) if params else None)
            if rel is None:  # a statement without a result (INSERT, CREATE ...)
                return pa.table({})
            return rel.to_arrow_table()
        except duckdb.Error as e:
            raise StoreError(f"SQL error: {e}") from None

    def _insert(self, table: str, rows: pa.Table) -> None:
        # The Arrow table read by name from this frame (DuckDB's replacement scan): not register(), which
        # imports pandas (~1-2 s of CPU) to check whether it was handed a DataFrame, and a third of the
        # fixed cost of a relation's query() (~2 ms of each of ten inserts per transaction).
        _section16_rows = rows  # read by DuckDB, by name
        self._con.execute(_INSERT[table])

    def _existing(self, accessions: list[str]) -> dict[str, tuple[str, str]]:
        if not accessions:
            return {}
        # A list parameter: no Arrow table to build (building one from Python objects imports pandas).
        got = self._con.execute(
            "SELECT accession, source_format, parser_version FROM filings"
            " WHERE accession IN (SELECT unnest(?::VARCHAR[]))",
            [accessions],
        ).fetchall()
        return {a: (s, v) for a, s, v in got}

    def _delete(self, accessions: list[str]) -> None:
        for table in reversed(FILING_TABLES):
            self._con.execute(f"DELETE FROM {table} WHERE accession IN (SELECT unnest(?::VARCHAR[]))", [accessions])

    @contextmanager
    def beside_workers(self) -> Iterator[None]:
        # DuckDB's threads spread an append over the cores; beside a pool that keeps them busy that only
        # adds the cost of handing work between threads (about a tenth of the append's CPU).
        threads = self._con.execute("SELECT current_setting('threads')").fetchall()[0][0]
        self._con.execute("SET threads = 1")
        try:
            yield
        finally:
            self._con.execute(f"SET threads = {int(threads)}")

    def _begin(self) -> None:
        self._con.execute("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self._con.execute("COMMIT")

    def _rollback(self) -> None:
        try:
            self._con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # nothing to roll back: the transaction already ended with the error

    def close(self) -> None:
        self._con.close()  # checkpoints a writable database

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection itself, for DuckDB-only work (``.sql(...).pl()``, extensions...)."""
        return self._con

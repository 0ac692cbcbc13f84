"""The Store: one small interface over DuckDB and PostgreSQL.

A backend (duck.py, postgres.py) supplies a handful of primitives (execute, query to Arrow, bulk
insert, transactions); everything else - loading with its replace rules, amendment links, state, the
query helpers - lives here once, written in SQL both databases run.
"""

from __future__ import annotations

import abc
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, Literal

import pyarrow as pa

from ..errors import StoreError
from ..model import Filing
from .chunks import Chunk, supersedes, to_chunk_isolating
from .columns import NO_ACCESSION, filings_chunk
from .dialect import SCHEMA_VERSION, Dialect, schema_statements
from .queries import Queries
from .rows import COLUMNS, FILING_TABLES, FilingRows

As = Literal["arrow", "pandas", "polars"]

#: Filings written per transaction by :meth:`Store.load` and ``section16 load``: each transaction also
#: links amendments and checks what is stored already, a cost per transaction that a larger one spreads
#: thinner (4,000 take ~25% less CPU per filing than 2,000 on DuckDB).
BATCH_SIZE = 4000


@dataclass
class LoadResult:
    """What a load did: counts, and each failure with the filing (accession or source) and the reason."""

    inserted: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.inserted + self.replaced

    def __iadd__(self, other: LoadResult) -> LoadResult:
        self.inserted += other.inserted
        self.replaced += other.replaced
        self.skipped += other.skipped
        self.failed.extend(other.failed)
        return self

    def __str__(self) -> str:
        return f"{self.inserted} inserted, {self.replaced} replaced, {self.skipped} skipped, {len(self.failed)} failed"


_LINK_AMENDMENTS = """
UPDATE filings SET amends = (
    SELECT o.accession FROM filings o
    WHERE o.is_amendment = FALSE AND o.form = filings.form AND o.issuer_cik = filings.issuer_cik
      AND o.owner_ciks = filings.owner_ciks AND o.accession <> filings.accession
      AND ((filings.date_of_original_submission IS NOT NULL AND o.filing_date = filings.date_of_original_submission)
           OR ((filings.date_of_original_submission IS NULL OR o.filing_date IS NULL)
               AND o.period_of_report = filings.period_of_report))
    ORDER BY CASE WHEN o.period_of_report = filings.period_of_report THEN 0 ELSE 1 END,
             o.filing_date DESC NULLS LAST, o.accession DESC
    LIMIT 1)
WHERE is_amendment AND amends IS NULL
  AND issuer_cik IN (SELECT issuer_cik FROM filings WHERE loaded_at = ?)
"""


class Store(Queries, abc.ABC):
    """A section16 database. Open one with :func:`section16.store.open_store` (or ``section16.open``).

    SQL given to :meth:`query` uses ``?`` placeholders on both databases.
    """

    dialect: Dialect
    #: What the store was opened from: a file path, ``:memory:`` or a URL without its password.
    location: str

    # -- backend primitives ---------------------------------------------------------------------------

    @abc.abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    @abc.abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    @abc.abstractmethod
    def _arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table: ...

    @abc.abstractmethod
    def _insert(self, table: str, rows: pa.Table) -> None:
        """Bulk-append rows (an Arrow table with the schema ``chunks.SCHEMAS[table]``)."""

    @abc.abstractmethod
    def _existing(self, accessions: list[str]) -> dict[str, tuple[str, str]]:
        """accession -> (source_format, parser_version) for those of ``accessions`` already stored."""

    @abc.abstractmethod
    def _delete(self, accessions: list[str]) -> None:
        """Delete every row of these filings from every filing table."""

    @abc.abstractmethod
    def _begin(self) -> None: ...

    @abc.abstractmethod
    def _commit(self) -> None: ...

    @abc.abstractmethod
    def _rollback(self) -> None: ...

    def _lock_schema(self) -> None:
        """Serialise schema creation between processes opening the same database at once."""

    @contextmanager
    def beside_workers(self) -> Iterator[None]:
        """While parsing processes keep every core busy: the backend does its own work on one thread,
        which costs less CPU in all than spreading it over cores that have none to spare."""
        yield

    @abc.abstractmethod
    def close(self) -> None:
        """Close the connection. The store cannot be used afterwards."""

    # -- schema -----------------------------------------------------------------------------------------

    def _create_schema(self) -> None:
        self._begin()
        try:
            self._lock_schema()
            for stmt in schema_statements(self.dialect):
                self._execute(stmt)
            got = self._fetch("SELECT value FROM schema_info WHERE key = 'schema_version'")
            if not got:
                self._execute("INSERT INTO schema_info (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            elif got[0][0] != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.location}: store schema version {got[0][0]}, this section16 needs {SCHEMA_VERSION};"
                    " load into a new database (or delete this one and reload)"
                )
            self._commit()
        except BaseException:
            self._rollback()
            raise

    # -- loading ----------------------------------------------------------------------------------------

    def load(
        self,
        filings: Iterable[Filing],
        *,
        findings: Mapping[str, Sequence[Any]] | None = None,
        replace: bool = False,
        batch_size: int = BATCH_SIZE,
    ) -> LoadResult:
        """Store filings, idempotently by accession number, one transaction per batch.

        An accession already stored is skipped unless the new copy comes from a richer source
        (submission > XML > rendered page > SEC data set) or a newer parser, or ``replace`` is true;
        then it is replaced, all its rows at once. ``findings`` maps accession -> check findings to keep
        with the filing. A filing that cannot be stored (no accession number) is counted as failed with
        the reason; the others are stored.
        """
        result = LoadResult()
        batch: list[tuple[str, Filing, Sequence[Any] | None]] = []
        loaded_at = datetime.now(UTC)

        def write() -> None:
            chunk, failed = filings_chunk(batch, loaded_at)
            result.__iadd__(self.load_chunks([chunk], replace=replace))
            result.failed.extend(failed)

        for f in filings:
            try:
                acc = f.accession_number
                name = f.source.path or acc or "<filing>"
            except AttributeError as e:
                result.failed.append(("<filing>", str(e)))
                continue
            if not acc:
                result.failed.append((name, NO_ACCESSION))
                continue
            batch.append((name, f, (findings or {}).get(acc)))
            if len(batch) >= batch_size:
                write()
                batch = []
        if batch:
            write()
        return result

    def load_rows(self, batch: Sequence[FilingRows], *, replace: bool = False) -> LoadResult:
        """Write prepared rows (see :func:`section16.store.rows.filing_rows`) in one transaction; a
        filing whose values do not fit their columns fails alone."""
        chunk, failed = to_chunk_isolating(batch)
        result = self.load_chunks([chunk], replace=replace)
        result.failed.extend(failed)
        return result

    def load_chunks(self, chunks: Sequence[Chunk], *, replace: bool = False) -> LoadResult:
        """Write chunks of rows (see :mod:`section16.store.chunks`) in one transaction.

        If the transaction fails as a whole, each filing is retried alone so a bad one fails alone.
        """
        try:
            return self._write_chunks(chunks, replace)
        except StoreError:
            raise
        except Exception:
            if sum(len(c) for c in chunks) <= 1:
                raise
        result = LoadResult()
        for c in chunks:
            result.skipped += c.duplicates
            for acc, _, _ in c.meta:
                try:
                    result += self._write_chunks([c.only({acc})], replace)
                except Exception as e:
                    result.failed.append((acc, f"{type(e).__name__}: {e}"))
        return result

    def _write_chunks(self, chunks: Sequence[Chunk], replace: bool) -> LoadResult:
        result = LoadResult(skipped=sum(c.duplicates for c in chunks))
        # The best copy of each accession across the chunks (each chunk has an accession once).
        best: dict[str, tuple[int, str, str]] = {}
        for i, c in enumerate(chunks):
            for acc, fmt, version in c.meta:
                cur = best.get(acc)
                if cur is None:
                    best[acc] = (i, fmt, version)
                else:
                    result.skipped += 1
                    if supersedes(fmt, version, cur[1], cur[2]):
                        best[acc] = (i, fmt, version)
        self._begin()
        try:
            existing = self._existing(list(best))
            to_delete: list[str] = []
            keep: list[set[str]] = [set() for _ in chunks]
            for acc, (i, fmt, version) in best.items():
                old = existing.get(acc)
                if old is None:
                    result.inserted += 1
                elif replace or supersedes(fmt, version, *old):
                    to_delete.append(acc)
                    result.replaced += 1
                else:
                    result.skipped += 1
                    continue
                keep[i].add(acc)
            if to_delete:
                self._delete(to_delete)
            parts = [c.only(k) for c, k in zip(chunks, keep, strict=True) if k]
            if parts:
                # Every filing of a transaction gets one loaded_at, which names the batch for the links.
                loaded_at = datetime.now(UTC)
                for table in FILING_TABLES:
                    tb = pa.concat_tables([p.tables[table] for p in parts])
                    if table == "filings":
                        idx = tb.schema.get_field_index("loaded_at")
                        stamp = _stamp(loaded_at, tb.num_rows, tb.schema.field(idx).type)
                        tb = tb.set_column(idx, "loaded_at", stamp)
                    if tb.num_rows:
                        self._insert(table, tb)
                self._execute(_LINK_AMENDMENTS, (loaded_at,))
            self._commit()
        except BaseException:
            self._rollback()
            raise
        return result

    # -- lookups and state ------------------------------------------------------------------------------

    def has(self, accession: str) -> bool:
        """Whether a filing of this accession number is stored."""
        return bool(self._fetch("SELECT 1 FROM filings WHERE accession = ?", (accession,)))

    def accessions(self) -> set[str]:
        """Every stored accession number."""
        return {r[0] for r in self._fetch("SELECT accession FROM filings")}

    def filing(self, accession: str) -> Filing | None:
        """The stored filing of this accession number as a :class:`~section16.model.Filing`, else None."""
        from .filings import read_filings

        got = read_filings(self, [accession])
        return got[0] if got else None

    def iter_filings(self, where: str = "", params: Sequence[Any] = ()) -> Iterator[Filing]:
        """Every stored filing as a Filing, in accession order; ``where`` filters on the filings table."""
        from .filings import iter_filings

        return iter_filings(self, where, params)

    def count(self, table: str = "filings") -> int:
        """Rows in one of the store's tables."""
        if table not in COLUMNS and table != "sync_state":
            raise StoreError(f"no table {table!r}; tables: {', '.join(COLUMNS)}")
        return int(self._fetch(f"SELECT COUNT(*) FROM {table}")[0][0])

    def get_state(self, key: str) -> str | None:
        """A value saved with :meth:`set_state` (sync cursors and the like), else None."""
        got = self._fetch("SELECT value FROM sync_state WHERE key = ?", (key,))
        return got[0][0] if got else None

    def set_state(self, key: str, value: str | None) -> None:
        """Save a small value under a key, durably (its own transaction). None deletes the key."""
        self._begin()
        try:
            self._execute("DELETE FROM sync_state WHERE key = ?", (key,))
            if value is not None:
                self._execute(
                    "INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)", (key, value, datetime.now(UTC))
                )
            self._commit()
        except BaseException:
            self._rollback()
            raise

    # -- queries ----------------------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = (), *, as_: As = "arrow") -> Any:
        """Run SQL with ``?`` placeholders; the result as an Arrow table (or pandas/polars with ``as_``)."""
        table = self._arrow(sql, params)
        return convert(table, as_)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<section16 store {self.dialect} {self.location}>"


def _stamp(at: datetime, n: int, type_: pa.DataType) -> pa.Array:
    """``n`` copies of a UTC timestamp as a microsecond Arrow array, built from its bytes: converting
    Python objects (``pa.array``, ``pa.scalar``) makes pyarrow import pandas, ~1-2 s per process."""
    micros = (at - _EPOCH) // _MICRO
    return pa.Array.from_buffers(type_, n, [None, pa.py_buffer(micros.to_bytes(8, sys.byteorder, signed=True) * n)])


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def convert(table: pa.Table, as_: As) -> Any:
    """An Arrow table as ``arrow`` (itself), ``pandas`` or ``polars``."""
    if as_ == "arrow":
        return table
    if as_ == "pandas":
        return table.to_pandas()
    if as_ == "polars":
        try:
            import polars as pl
        except ImportError:
            raise StoreError("polars is not installed: pip install 'section16[dataframes]'") from None
        return pl.from_arrow(table)
    raise StoreError(f"unknown result type {as_!r}: use arrow, pandas or polars")

"""Rows of many filings as Arrow tables: the unit a worker hands the loader and a backend appends.

Arrow tables pickle as a few flat buffers, so a worker process returns a chunk of parsed filings to the
parent at little cost, and DuckDB appends them without touching a Python object per cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from .rows import COLUMNS, FILING_TABLES, SOURCE_RANK, FilingRows, Kind

ARROW_TYPES: dict[Kind, pa.DataType] = {
    "text": pa.string(),
    "int": pa.int32(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "decimal": pa.string(),  # exact text; the database casts it to its decimal type
    "json": pa.string(),
    "timestamp": pa.timestamp("us", tz="UTC"),
}

#: Table -> Arrow schema of its rows (COLUMNS order).
SCHEMAS: dict[str, pa.Schema] = {t: pa.schema([(c, ARROW_TYPES[k]) for c, k in cols]) for t, cols in COLUMNS.items()}


def _version_key(v: str | None) -> tuple[int, ...]:
    parts = []
    for p in (v or "0").split("."):
        digits = "".join(ch for ch in p if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def supersedes(new_format: str, new_version: str, old_format: str, old_version: str) -> bool:
    """Whether a copy replaces the stored one of its accession: a richer source (submission > XML >
    rendered page > SEC data set), or an equally rich one read by a newer parser (a reparse)."""
    new_rank = SOURCE_RANK.get(new_format, 1)
    old_rank = SOURCE_RANK.get(old_format, 1)
    if new_rank != old_rank:
        return new_rank > old_rank
    return _version_key(new_version) > _version_key(old_version)


@dataclass
class Chunk:
    """Filings' rows as Arrow tables, one filing per accession; ``meta`` is (accession, source format,
    parser version) per filing; ``duplicates`` counts copies dropped for a better one in the chunk."""

    meta: list[tuple[str, str, str]]
    tables: dict[str, pa.Table]
    duplicates: int = 0

    def __len__(self) -> int:
        return len(self.meta)

    def __reduce__(self) -> tuple[Any, ...]:
        # Between processes each table travels as one Arrow IPC stream: a quarter of the CPU of pickling
        # its columns one by one (the way a pyarrow Table pickles), on both sides.
        return _from_ipc, (self.meta, {t: _to_ipc(tb) for t, tb in self.tables.items()}, self.duplicates)

    def only(self, accessions: set[str]) -> Chunk:
        """The chunk restricted to some of its accessions."""
        if len(accessions) == len(self.meta):
            return self
        # The keys taken from the chunk's own filings rows (in meta order) through a mask built from
        # bytes: pa.array() over Python strings would make pyarrow import pandas (~1-2 s) in the loader.
        keep = bytes(m[0] in accessions for m in self.meta)
        mask = pa.Array.from_buffers(pa.uint8(), len(keep), [None, pa.py_buffer(keep)]).cast(pa.bool_())
        keys = self.tables["filings"].column("accession").combine_chunks().filter(mask)
        import pyarrow.compute as pc  # here: importing it costs ~0.1 s per process, and few loads get here

        tables = {t: tb.filter(pc.is_in(tb.column("accession"), value_set=keys)) for t, tb in self.tables.items()}
        return Chunk([m for m in self.meta if m[0] in accessions], tables)


def _to_ipc(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    data: bytes = sink.getvalue().to_pybytes()
    return data


def _from_ipc(meta: list[tuple[str, str, str]], streams: dict[str, bytes], duplicates: int) -> Chunk:
    return Chunk(meta, {t: pa.ipc.open_stream(b).read_all() for t, b in streams.items()}, duplicates)


def to_chunk(rows: Sequence[FilingRows]) -> Chunk:
    """Build a chunk; of several copies of one accession the best (see :func:`supersedes`) is kept.

    Raises ``pyarrow.ArrowException`` (or TypeError/ValueError) when a value does not fit its column.
    """
    best: dict[str, FilingRows] = {}
    duplicates = 0
    for r in rows:
        cur = best.get(r.accession)
        if cur is None:
            best[r.accession] = r
            continue
        duplicates += 1
        if supersedes(r.source_format, r.parser_version, cur.source_format, cur.parser_version):
            best[r.accession] = r
    kept = list(best.values())
    tables = {}
    for t in FILING_TABLES:
        schema = SCHEMAS[t]
        flat = [row for r in kept for row in r.tables[t]]
        if flat:
            columns = list(zip(*flat, strict=True))
            arrays = [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)]
        else:
            arrays = [pa.array([], type=f.type) for f in schema]
        tables[t] = pa.Table.from_arrays(arrays, schema=schema)
    return Chunk([(r.accession, r.source_format, r.parser_version) for r in kept], tables, duplicates)


def to_chunk_isolating(rows: Sequence[FilingRows]) -> tuple[Chunk, list[tuple[str, str]]]:
    """:func:`to_chunk`, but a filing whose values do not fit their columns is left out and reported
    as (accession, reason) instead of failing the whole chunk."""
    try:
        return to_chunk(rows), []
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        pass
    good: list[FilingRows] = []
    failed: list[tuple[str, str]] = []
    for one in rows:
        try:
            to_chunk([one])
            good.append(one)
        except (pa.ArrowException, TypeError, ValueError, OverflowError) as e:
            failed.append((one.accession, f"{type(e).__name__}: {e}"))
    return to_chunk(good), failed

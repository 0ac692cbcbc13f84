"""PostgreSQL by URL (``postgresql://user@host:port/db``), with psycopg 3. Bulk appends use COPY."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pyarrow as pa

from ..errors import StoreError
from .base import Store
from .dialect import to_pyformat
from .rows import COLUMNS, FILING_TABLES

# PostgreSQL type OIDs -> Arrow types, so an empty result still has typed columns.
_OID_ARROW: dict[int, pa.DataType] = {
    16: pa.bool_(),
    20: pa.int64(),
    21: pa.int16(),
    23: pa.int32(),
    700: pa.float32(),
    701: pa.float64(),
    25: pa.string(),
    1043: pa.string(),
    1042: pa.string(),
    19: pa.string(),
    114: pa.string(),
    3802: pa.string(),
    1082: pa.date32(),
    1114: pa.timestamp("us"),
    1184: pa.timestamp("us", tz="UTC"),
}


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _numeric_type(values: list[Any]) -> pa.DataType:
    """A decimal128 wide enough for every value of a NUMERIC column (else text, to stay exact)."""
    scale = 0
    int_digits = 1
    for v in values:
        if isinstance(v, Decimal):
            if not v.is_finite():
                return pa.string()
            exp = v.as_tuple().exponent
            assert isinstance(exp, int)
            scale = max(scale, -exp)
            int_digits = max(int_digits, v.adjusted() + 1)
    precision = int_digits + scale
    return pa.string() if precision > 38 else pa.decimal128(precision, scale)


class PostgresStore(Store):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'section16[postgres]'") from None
        self.location = redact(url)
        self._psycopg = psycopg
        try:
            self._con = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"{self.location}: cannot connect to PostgreSQL: {e}") from None
        self._create_schema()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._con.execute(to_pyformat(sql), list(params))

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._con.execute(to_pyformat(sql), list(params)).fetchall()

    def _arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        try:
            cur = self._con.execute(to_pyformat(sql), list(params))
        except self._psycopg.Error as e:
            raise StoreError(f"SQL error: {e}") from None
        if cur.description is None:
            return pa.table({})
        rows = cur.fetchall()
        names = [d.name for d in cur.description]
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
        arrays = []
        for desc, col in zip(cur.description, columns, strict=True):
            values = list(col)
            if desc.type_code == 1700:  # NUMERIC
                t = _numeric_type(values)
                if pa.types.is_string(t):
                    values = [None if v is None else str(v) for v in values]
                arrays.append(pa.array(values, type=t))
            elif desc.type_code in (114, 3802):  # json, jsonb: psycopg gives Python objects; keep JSON text
                arrays.append(pa.array([None if v is None else json.dumps(v) for v in values], pa.string()))
            elif desc.type_code in _OID_ARROW:
                arrays.append(pa.array(values, type=_OID_ARROW[desc.type_code]))
            else:
                arrays.append(pa.array([None if v is None else _text(v) for v in values], pa.string()))
        # Duplicate column names are legal in SQL; Arrow takes them too.
        return pa.Table.from_arrays(arrays, names=names)

    def _insert(self, table: str, rows: pa.Table) -> None:
        names = ", ".join(c for c, _ in COLUMNS[table])
        columns = [col.to_pylist() for col in rows.columns]
        with self._con.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in zip(*columns, strict=True):
                copy.write_row(row)

    def _existing(self, accessions: list[str]) -> dict[str, tuple[str, str]]:
        if not accessions:
            return {}
        got = self._con.execute(
            "SELECT accession, source_format, parser_version FROM filings WHERE accession = ANY(%s)", (accessions,)
        ).fetchall()
        return {a: (s, v) for a, s, v in got}

    def _delete(self, accessions: list[str]) -> None:
        for table in reversed(FILING_TABLES):
            self._con.execute(f"DELETE FROM {table} WHERE accession = ANY(%s)", (accessions,))

    def _lock_schema(self) -> None:
        # Two processes running CREATE TABLE IF NOT EXISTS at once can collide in the catalog.
        self._con.execute("SELECT pg_advisory_xact_lock(160016)")

    def _begin(self) -> None:
        self._con.execute("BEGIN")

    def _commit(self) -> None:
        self._con.execute("COMMIT")

    def _rollback(self) -> None:
        self._con.execute("ROLLBACK")

    def close(self) -> None:
        self._con.close()


def _text(v: Any) -> str:
    return v if isinstance(v, str) else str(v)

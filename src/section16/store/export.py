"""Every store table (and the effective-transactions view) as Parquet or CSV files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from ..errors import StoreError
from .base import Store
from .rows import COLUMNS

#: What ``export_tables`` writes: every table, plus the view most people want.
EXPORTED = (*COLUMNS, "sync_state", "effective_transactions")


def export_tables(
    store: Store, out_dir: str | os.PathLike[str], fmt: Literal["parquet", "csv"] | str
) -> dict[str, int]:
    """Write ``out_dir/<table>.parquet`` (or ``.csv``) for each table; rows written per table."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot create {out}: {e.strerror or e}") from None
    counts: dict[str, int] = {}
    for name in EXPORTED:
        table = store.query(f"SELECT * FROM {name}")
        path = out / f"{name}.{fmt}"
        try:
            if fmt == "parquet":
                pq.write_table(table, path)
            elif fmt == "csv":
                pa_csv.write_csv(table, path)
            else:
                raise StoreError(f"unknown export format {fmt!r}: use parquet or csv")
        except OSError as e:
            raise StoreError(f"cannot write {path}: {e.strerror or e}") from None
        counts[name] = table.num_rows
    return counts

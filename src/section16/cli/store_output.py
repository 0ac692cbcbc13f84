"""Query results on the terminal: a rich table, JSON lines or CSV. Shared by ``sql`` and ``trades``."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pyarrow as pa
from rich.console import Console
from rich.table import Table


def cell(v: Any) -> str:
    """A value as text: exact decimals without padding zeros, ISO dates, '' for none."""
    if v is None:
        return ""
    if isinstance(v, Decimal):
        if v == v.to_integral_value():
            return f"{v.quantize(Decimal(1)):,}"
        s = format(v.normalize(), "f")
        whole, _, frac = s.partition(".")
        return f"{int(whole):,}.{frac}" if whole.lstrip("-").isdigit() else s
    if isinstance(v, float):
        return f"{v:,.2f}"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, datetime | date):
        return v.isoformat()
    return str(v)


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, datetime | date):
        return v.isoformat()
    return v


def print_table(table: pa.Table, *, max_rows: int = 200, title: str | None = None) -> None:
    console = Console()
    numeric = {
        f.name
        for f in table.schema
        if pa.types.is_decimal(f.type) or pa.types.is_floating(f.type) or pa.types.is_integer(f.type)
    }
    t = Table(title=title, header_style="bold", show_lines=False)
    for name in table.column_names:
        t.add_column(name, justify="right" if name in numeric else "left", overflow="fold")
    rows = table.to_pylist() if not max_rows else table.slice(0, max_rows).to_pylist()
    for r in rows:
        t.add_row(*(cell(v) for v in r.values()))
    console.print(t)
    shown = len(rows)
    if shown < table.num_rows:
        console.print(f"[dim]{shown} of {table.num_rows} rows shown (--max-rows 0 for all, or --csv/--json)[/]")
    else:
        console.print(f"[dim]{table.num_rows} rows[/]")


def write_json(table: pa.Table) -> None:
    out = sys.stdout
    for r in table.to_pylist():
        out.write(json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False) + "\n")


def write_csv(table: pa.Table) -> None:
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(table.column_names)
    for r in table.to_pylist():
        w.writerow(["" if v is None else _plain(v) for v in r.values()])

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


def print_table(
    table: pa.Table,
    *,
    max_rows: int = 200,
    title: str | None = None,
    headers: dict[str, str] | None = None,
    drop_order: tuple[str, ...] = (),
) -> None:
    """A rich table. When it is wider than the terminal, columns in ``drop_order`` go first, in order;
    numbers are never cut, text columns shorten with an ellipsis."""
    console = Console()
    rows = table.to_pylist() if not max_rows else table.slice(0, max_rows).to_pylist()
    texts = {name: [cell(r[name]) for r in rows] for name in table.column_names}
    labels = {name: (headers or {}).get(name, name) for name in table.column_names}
    widths = {n: max([len(labels[n]), *(len(x) for x in texts[n])]) + 3 for n in table.column_names}
    names = list(table.column_names)
    for name in drop_order:
        if sum(widths[n] for n in names) + 1 <= console.width:
            break
        if name in names:
            names.remove(name)
    types = {f.name: f.type for f in table.schema}
    t = Table(title=title, header_style="bold", show_lines=False)
    for name in names:
        ty = types[name]
        number = pa.types.is_decimal(ty) or pa.types.is_floating(ty) or pa.types.is_integer(ty)
        if number or pa.types.is_date(ty) or pa.types.is_timestamp(ty):
            t.add_column(labels[name], justify="right" if number else "left", no_wrap=True, min_width=widths[name] - 3)
        else:
            t.add_column(labels[name], overflow="ellipsis", no_wrap=True, min_width=min(len(labels[name]), 8))
    for i in range(len(rows)):
        t.add_row(*(texts[n][i] for n in names))
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

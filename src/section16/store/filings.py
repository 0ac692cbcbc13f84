"""Stored rows -> Filing: the inverse of rows.py, through the model's JSON shape (write/json).

What no column holds (the submission header, unknown elements, notes, values a column could not hold
exactly) comes back from ``filings.extras``. DuckDB keeps numbers at a fixed 12 places, so from DuckDB
a number comes back with its trailing zeros dropped (``10000.0000`` -> ``10000``): the same value.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..model import Filing
from ..write.json import filing_from_dict
from .rows import _ROW_FIELDS, COLUMNS, ROW_TABLES

if TYPE_CHECKING:
    from .base import Store

#: Accessions fetched per round of queries when reading many filings.
READ_BATCH = 500


def _num(d: Decimal, fixed_scale: bool) -> str:
    if fixed_scale and d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    elif fixed_scale:
        d = d.normalize()
    s = str(d)
    return format(d, "f") if "E" in s else s


def _j(v: Any, fixed_scale: bool) -> Any:
    """A database value in the JSON shape write/json reads: dates ISO, decimals as text."""
    if isinstance(v, Decimal):
        return _num(v, fixed_scale)
    if isinstance(v, datetime | date):
        return v.isoformat()
    return v


def _fns(text: str | None, exact: dict[str, str], where: str) -> list[str]:
    if where in exact:
        return list(json.loads(exact[where]))
    return text.split(",") if text else []


def _row_dict(table: str, row: dict[str, Any], exact: dict[str, str], fixed: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    n = row["row_no"]
    for name, _kind in _ROW_FIELDS[table]:
        where = f"{table}/{n}/{name}"
        if name == "coding":
            if row["has_coding"]:
                out["coding"] = {
                    "form_type": row["transaction_form_type"],
                    "code": row["transaction_code"],
                    "equity_swap_involved": row["equity_swap_involved"],
                    "footnote_ids": _fns(row["transaction_coding_fn"], exact, where),
                }
            continue
        value = exact[where] if where in exact else _j(row[name], fixed)
        out[name] = {"value": value, "footnotes": _fns(row[f"{name}_fn"], exact, f"{where}_fn")}
    return out


def _filing_dict(f: dict[str, Any], parts: dict[str, list[dict[str, Any]]], fixed: bool) -> dict[str, Any]:
    extras = json.loads(f["extras"]) if f["extras"] else {}
    exact: dict[str, str] = extras.get("exact", {})
    owners = []
    for o in parts["reporting_owners"]:
        address = None
        if o["has_address"]:
            address = {
                k: o[k]
                for k in ("street1", "street2", "city", "state", "zip_code", "state_description", "non_us",
                          "non_us_state_territory", "country", "good_address")
            }  # fmt: skip
        owners.append({
            "cik": o["cik_filed"], "name": o["name"], "ccc": o["ccc"], "address": address,
            "relationship": {k: o[k] for k in ("is_director", "is_officer", "is_ten_percent_owner", "is_other",
                                               "officer_title", "other_text")},
        })  # fmt: skip
    d: dict[str, Any] = {
        "document_type": f["document_type"],
        "period_of_report": _j(f["period_of_report"], fixed),
        "issuer": {"cik": f["issuer_cik_filed"], "name": f["issuer_name"], "trading_symbol": f["issuer_ticker"],
                   "foreign_trading_symbol": f["issuer_foreign_ticker"]},
        "reporting_owners": owners,
        "schema_version": f["schema_version"],
        "date_of_original_submission": _j(f["date_of_original_submission"], fixed),
        "remarks": f["remarks"],
        "footnotes": [{"id": r["footnote_id"], "text": r["text"]} for r in parts["footnotes"]],
        "signatures": [{"name": r["name"], "date": _j(r["signature_date"], fixed)} for r in parts["signatures"]],
        "source": {"path": f["source_path"], "format": f["source_format"], "parser_version": f["parser_version"]},
    }  # fmt: skip
    for k in ("no_securities_owned", "not_subject_to_section16", "form3_holdings_reported",
              "form4_transactions_reported", "aff10b5one"):  # fmt: skip
        d[k] = f[k]
    for table, attr in ROW_TABLES.items():
        d[attr] = [_row_dict(table, r, exact, fixed) for r in parts[table]]
    for k in ("submission", "unknown", "notes", "missing"):
        if k in extras:
            d[k] = extras[k]
    return d


def read_filings(store: Store, accessions: Sequence[str]) -> list[Filing]:
    """The stored filings of these accession numbers, in the order given (unknown ones left out)."""
    if not accessions:
        return []
    marks = ", ".join("?" for _ in accessions)
    params = list(accessions)
    fixed = store.dialect == "duckdb"
    heads = {
        r["accession"]: r
        for r in store.query(f"SELECT * FROM filings WHERE accession IN ({marks})", params).to_pylist()
    }
    parts: dict[str, dict[str, list[dict[str, Any]]]] = {a: {t: [] for t in COLUMNS} for a in heads}
    order = {"reporting_owners": "position", "footnotes": "position", "signatures": "position",
             **dict.fromkeys(ROW_TABLES, "row_no")}  # fmt: skip
    for table, key in order.items():
        sql = f"SELECT * FROM {table} WHERE accession IN ({marks}) ORDER BY accession, {key}"
        for r in store.query(sql, params).to_pylist():
            parts[r["accession"]][table].append(r)
    out = []
    for acc in accessions:
        head = heads.get(acc)
        if head is not None:
            out.append(filing_from_dict(_filing_dict(head, parts[acc], fixed)))
    return out


def iter_filings(store: Store, where: str = "", params: Sequence[Any] = ()) -> Iterator[Filing]:
    """Every stored filing (optionally ``WHERE`` a condition on ``filings``), in accession order."""
    sql = "SELECT accession FROM filings" + (f" WHERE {where}" if where else "") + " ORDER BY accession"
    accs = store.query(sql, params).column(0).to_pylist()
    for i in range(0, len(accs), READ_BATCH):
        yield from read_filings(store, accs[i : i + READ_BATCH])

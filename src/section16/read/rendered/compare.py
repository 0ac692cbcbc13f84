"""Field-by-field comparison of a rendered reading with the XML reading of the same filing.

A printed page shows numbers as the stylesheet formats them (at most 4 decimals) and no CIKs, so the
comparison is of what a page shows: fields listed in ``Filing.missing`` are left out, numbers are
compared at 4 decimals, text with white space collapsed, and a flag the XML leaves out counts as false.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from ...model import Coding, Filing, Value

_SKIP = frozenset(("cik", "ccc", "schema_version", "submission", "unknown", "notes", "missing", "source",
                   "state_description", "non_us", "non_us_state_territory", "country", "good_address",
                   "timeliness", "foreign_trading_symbol"))  # fmt: skip
_BOOL_FIELDS = frozenset(("not_subject_to_section16", "aff10b5one", "form3_holdings_reported",
                          "form4_transactions_reported", "no_securities_owned"))  # fmt: skip


def _norm(v: object) -> object:
    if isinstance(v, Decimal):
        return v.quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN).normalize() + 0
    if isinstance(v, str):
        return " ".join(v.split()) or None
    return v


def flatten(f: Filing) -> dict[str, object]:
    """Field path -> comparable value for every field a rendered page can show."""
    out: dict[str, object] = {}

    def walk(prefix: str, obj: object) -> None:
        if isinstance(obj, Value):
            out[prefix] = _norm(obj.value)
            out[prefix + ".footnotes"] = tuple(sorted(obj.footnote_ids)) or None
        elif isinstance(obj, Coding):
            out[prefix + ".code"] = obj.code
            out[prefix + ".footnotes"] = tuple(sorted(obj.footnote_ids)) or None
            out[prefix + ".equity_swap"] = bool(obj.equity_swap_involved)
            out[prefix + ".form_type"] = obj.form_type
        elif is_dataclass(obj) and not isinstance(obj, type):
            for fl in fields(obj):
                if fl.name in _SKIP:
                    continue
                walk(f"{prefix}.{fl.name}" if prefix else fl.name, getattr(obj, fl.name))
        elif isinstance(obj, tuple):
            for i, item in enumerate(obj):
                walk(f"{prefix}[{i}]", item)
        else:
            out[prefix] = _norm(obj) if not isinstance(obj, date | bool) else obj

    walk("", f)
    out["footnotes"] = None
    for fn in f.footnotes:
        out[f"footnote.{fn.id}"] = _norm(fn.text)
    for k in [k for k in out if k.startswith("footnotes[")]:
        del out[k]
    del out["footnotes"]
    return out


def _generic(path: str) -> str:
    """``derivative_transactions[3].shares`` -> ``derivative_transactions.shares`` (for per-field tallies)."""
    import re

    return re.sub(r"\[\d+\]", "", path)


def _is_missing(path: str, missing: tuple[str, ...]) -> bool:
    import re

    if path.startswith("footnote."):  # footnote.F3 is footnotes[F3] in Filing.missing
        path = f"footnotes[{path.split('.', 1)[1]}]"
    generic = re.sub(r"\[\d+\]", "[*]", path)
    rows = re.sub(r"^(non_derivative|derivative)_(transactions|holdings)\[\*\]", "rows[*]", generic)
    for m in missing:
        for p in (path, generic, rows):
            if p == m or p.startswith(m + ".") or p.startswith(m + "["):
                return True
    return False


def compare(expected: Filing, got: Filing, missing: tuple[str, ...] | None = None) -> list[tuple[str, object, object]]:
    """Every shown field as (path, expected, got); equal ones included, so callers can count.

    A field is left out when ``missing`` names it (by default ``got.missing``, what the reading says its
    source could not show). Passing what the page itself cannot show instead (the HTML reading's
    ``missing``) keeps the fields a reading could not read in the count, as misses.
    """
    e, g = flatten(expected), flatten(got)
    skip = got.missing if missing is None else missing
    out = []
    for path in sorted(set(e) | set(g)):
        if _is_missing(path, skip):
            continue
        ev, gv = e.get(path), g.get(path)
        name = path.rsplit(".", 1)[-1]
        if name in _BOOL_FIELDS or name.startswith("is_") or name == "equity_swap":
            ev, gv = bool(ev), bool(gv)
            if not ev and not gv:
                continue
        if ev is None and gv is None:
            continue
        out.append((path, ev, gv))
    return out


__all__ = ["_generic", "_is_missing", "compare", "flatten"]

"""HTML rendering: the Jinja2 environment (autoescaping everything) and the display formats.

Every value that came from a filing reaches the page through ``{{ ... }}``, which escapes it; no
template marks filing text as safe. Chart data goes out through ``tojson`` (which escapes ``<``, ``>``
and ``&``) inside ``<script type="application/json">``, read by chart.js, never executed.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

EASTERN = ZoneInfo("America/New_York")


def number(v: Any, places: int = 4) -> str:
    """1234567.5 -> '1,234,567.5'; exact decimals keep their digits (up to ``places``)."""
    if v is None:
        return ""
    if isinstance(v, Decimal):
        q = v.quantize(Decimal(1).scaleb(-places)) if v.as_tuple().exponent < -places else v  # type: ignore[operator]
        s = f"{q:,f}"
        return s.rstrip("0").rstrip(".") if "." in s else s
    if isinstance(v, float):
        s = f"{v:,.{places}f}"
        return s.rstrip("0").rstrip(".") if "." in s else s
    return f"{v:,}" if isinstance(v, int) else str(v)


def money(v: Any) -> str:
    """Dollars without cents above $1,000: '$1,234,567'; small prices keep cents: '$12.34'."""
    if v is None:
        return ""
    x = float(v)
    if abs(x) >= 1000:
        return f"${x:,.0f}"
    s = f"${x:,.4f}".rstrip("0")
    return s + "00" if s.endswith(".") else (s + "0" if len(s.split(".")[1]) == 1 else s)


def percent(v: Any) -> str:
    if v is None:
        return ""
    return f"{float(v):+.1f}%"


def eastern(v: Any) -> str:
    """An acceptance time as EDGAR shows it: US Eastern, to the second."""
    if v is None:
        return ""
    if isinstance(v, datetime):
        if v.tzinfo is not None:
            v = v.astimezone(EASTERN)
        return str(v.strftime("%Y-%m-%d %H:%M:%S"))
    return str(v)


def iso(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, date | datetime):
        return v.isoformat()
    return str(v)


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """The query string of a screen URL with some parameters changed (None drops one)."""
    merged: dict[str, Any] = {**params, **changes}
    pairs: list[tuple[str, str]] = []
    for k, v in merged.items():
        if v is None or v == "" or v == []:
            continue
        if isinstance(v, list | tuple):
            pairs.extend((k, str(x)) for x in v)
        elif isinstance(v, bool):
            pairs.append((k, str(v).lower()))
        elif isinstance(v, float) and v.is_integer():
            pairs.append((k, str(int(v))))
        else:
            pairs.append((k, str(v)))
    return urlencode(pairs)


def make_env() -> Environment:
    env = Environment(
        loader=PackageLoader("section16.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(number=number, money=money, percent=percent, eastern=eastern, iso=iso)
    env.globals.update(query_string=query_string)
    return env

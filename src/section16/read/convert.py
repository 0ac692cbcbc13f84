"""Scalar converters of the XML reader: filed text -> typed value, noting what does not fit.

Each takes the stripped text, the reading's context (anything with a ``notes`` list) and the field path
for the note. None means "no value": the text was empty, or it could not be read (then a Note says so).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from ..model import Note


def _to_str(text: str, ctx: Any, where: str) -> str | None:
    return text or None


def _to_date(text: str, ctx: Any, where: str) -> date | None:
    if not text:
        return None
    try:
        d = date.fromisoformat(text[:10])
    except ValueError:
        d = None
    rest = text[10:]
    if d is not None and (not rest or _TZ_RE.fullmatch(rest)):
        return d
    m = _US_DATE_RE.fullmatch(text)
    if m:
        try:
            d = date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
            ctx.notes.append(Note(where, "date written as MM/DD/YYYY; read as ISO date", text))
            return d
        except ValueError:
            pass
    ctx.notes.append(Note(where, "not a date; kept as text here", text))
    return None


_TZ_RE = re.compile(r"Z|[+-]\d{2}:?\d{2}|T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?")
_US_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_NUM_JUNK_RE = re.compile(r"[\s,$]")
_DECIMAL_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")


def _to_decimal(text: str, ctx: Any, where: str) -> Decimal | None:
    # xs:decimal only: digits with an optional sign and point. Decimal() alone would also take
    # exponents ("1e999999", a million digits when written out), "NaN", "Infinity" and "1_000".
    if not text:
        return None
    if _DECIMAL_RE.match(text):
        return Decimal(text)
    cleaned = _NUM_JUNK_RE.sub("", text)
    if cleaned.startswith("(") and cleaned.endswith(")"):
        cleaned = "-" + cleaned[1:-1]
    if _DECIMAL_RE.match(cleaned):
        ctx.notes.append(Note(where, "number written with separators or symbols; read as " + cleaned, text))
        return Decimal(cleaned)
    ctx.notes.append(Note(where, "not a number; kept as text here", text))
    return None


_TRUE = frozenset(("1", "true", "y", "yes", "x"))
_FALSE = frozenset(("0", "false", "n", "no"))


def _to_bool(text: str, ctx: Any, where: str) -> bool | None:
    if not text:
        return None
    t = text.lower()
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    ctx.notes.append(Note(where, "not a boolean; kept as text here", text))
    return None


def _to_code(text: str, ctx: Any, where: str) -> str | None:
    # Single-letter codes (A/D, D/I, E/L): case is not significant (EDGAR stores upper case).
    return text.upper() if text else None


Conv = Callable[[str, Any, str], Any]

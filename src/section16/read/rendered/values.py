"""Reading one printed cell: the value as the page shows it, and the footnote marks beside it."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from ...model import EMPTY, Value

_MARK_RE = re.compile(r"\(\s*(\d{1,3})\s*\)")
_STAR_RE = re.compile(r"(?<![\w*])\*{1,2}(?![\w*])")
_DATE_RE = re.compile(r"^(\d{1,2})[/-](\d{1,2})(?:[-+]\d{2}:\d{2}|Z)?[/-](\d{4}|\d{2})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NUM_RE = re.compile(r"^\(?-?\$?\s*-?[\d,]*\.?\d+\)?$")


class BadValue(ValueError):
    """A cell that does not read as the type its column holds."""


def split_marks(text: str) -> tuple[str, tuple[str, ...]]:
    """``"1,598 (1)(2)"`` -> ``("1,598", ("F1", "F2"))``."""
    if "(" not in text:  # no mark possible: most cells
        return " ".join(text.split()).strip(" ,;"), ()
    ids = tuple(f"F{m.group(1)}" for m in _MARK_RE.finditer(text))
    if ids:
        text = _MARK_RE.sub(" ", text)
    text = " ".join(text.replace(",  ", ", ").split())
    return text.strip(" ,;"), ids


def parse_date(text: str) -> date:
    m = _DATE_RE.match(text)
    try:
        if m:
            month, day, year = int(m.group(1)), int(m.group(2)), m.group(3)
            y = int(year) if len(year) == 4 else 2000 + int(year) if int(year) < 70 else 1900 + int(year)
            return date(y, month, day)
        m = _ISO_RE.match(text)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        pass
    raise BadValue(f"not a date: {text!r}")


def parse_decimal(text: str) -> Decimal:
    t = text.replace("$", "").replace(",", "").replace(" ", "")
    if not t:
        raise BadValue(f"not a number: {text!r}")
    neg = t.startswith("(") and t.endswith(")")
    t = t.strip("()")
    if not _NUM_RE.match(t):
        raise BadValue(f"not a number: {text!r}")
    try:
        d = Decimal(t)
    except InvalidOperation:
        raise BadValue(f"not a number: {text!r}") from None
    return -d if neg else d


def text_value(cell: str) -> Value[str]:
    if not cell:  # most cells of a row: one shared empty value
        return EMPTY  # type: ignore[return-value]
    text, ids = split_marks(cell)
    return Value(text or None, ids)


def date_value(cell: str) -> Value[date]:
    if not cell:
        return EMPTY  # type: ignore[return-value]
    text, ids = split_marks(cell)
    return Value(parse_date(text) if text else None, ids)


def decimal_value(cell: str) -> Value[Decimal]:
    if not cell:
        return EMPTY  # type: ignore[return-value]
    text, ids = split_marks(cell)
    text = text.strip(" $")
    return Value(parse_decimal(text) if text else None, ids)


def is_money(cell: str) -> bool:
    return "$" in cell


def strip_stars(text: str) -> str:
    return " ".join(_STAR_RE.sub(" ", text).split())

"""Table I and Table II: which printed column holds which field, and turning a row of cells into a row.

Column layouts are the printed forms' (SEC stylesheets, every era). A data row is recognised by its
title cell (never empty on a real row) and must have exactly one cell per column; a row that does not
fit, or whose cells do not read as their column's type (a date column holding "D", say), is an error:
a shifted row would put values in the wrong fields, which is worse than no value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ...model import (
    Coding,
    DerivativeHolding,
    DerivativeTransaction,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Value,
)
from .cells import CLIPPED, Row, flat
from .values import BadValue, date_value, decimal_value, is_money, split_marks, text_value

T1_F4 = ("title", "date", "deemed", "code", "v", "amount", "ad", "price", "after", "di", "nature")
T1_F5 = ("title", "date", "deemed", "code5", "amount", "ad", "price", "after", "di", "nature")
T1_F3 = ("title", "after", "di", "nature")
T2_F4 = ("title", "conv", "date", "deemed", "code", "v", "a", "d", "exer", "exp", "utitle", "ushares",
         "price", "after", "di", "nature")  # fmt: skip
T2_F5 = ("title", "conv", "date", "deemed", "code5", "a", "d", "exer", "exp", "utitle", "ushares",
         "price", "after", "di", "nature")  # fmt: skip
T2_F3 = ("title", "exer", "exp", "utitle", "ushares", "conv", "di", "nature")

_HEADER_CELL_RE = re.compile(
    r"^(?:\d{1,2}[A-Za-z]?\s*\.\s*\D|\(Instr\.|\(Month/Day/Year\)|Table\s+I|\(e\.\s*g\.|"
    r"\((?:Country|City|Street|Last|First|Middle|State|Zip)[^)]*\)\s*$|"
    r"(?:Code|V|Amount|\(A\)\s*or\s*\(D\)|Price|\(A\)|\(D\)|Date\s+Exercisable|Expiration\s+Date|Title|"
    r"Amount\s+or\s+Number\s+of\s+Shares|Date\s+Exer|Exercisable|Expiration|Date|Shares|Amount\s+or|"
    r"Number\s+of\s+Shares)\s*$)",
    re.IGNORECASE,
)
_CODE_RE = re.compile(r"^([A-Z])?\s*(/\s*K)?$")
_DATE_CELL_RE = re.compile(r"^\d{1,2}/\d{1,2}(?:[-+]\d{2}:\d{2}|Z)?/\d{2,4}$|^\d{4}-\d{2}-\d{2}$")
_NUMBER_CELL_RE = re.compile(r"^\$?\s*-?[\d,]*\.?\d+$")
_CODE5_RE = re.compile(r"^([A-Z])?\s*(/\s*K)?\s*([345])?$")


def columns(form: str, table: int) -> tuple[str, ...]:
    if table == 1:
        return {"3": T1_F3, "5": T1_F5}.get(form, T1_F4)
    return {"3": T2_F3, "5": T2_F5}.get(form, T2_F4)


def is_header_cell(cell: str) -> bool:
    return bool(_HEADER_CELL_RE.match(flat(cell)))


class RowError(ValueError):
    """A row whose cells do not fit the table's columns."""


class LoneCell(ValueError):
    """Text alone on a line inside a table: a wrapped caption or cell, not a row."""


LABEL_CELL_RE = re.compile(r"^\d{1,2}[A-Za-z]?\.\s*[A-Z]|\(Instr\.|Month/Day/Year")


def data_cells(row: Row) -> Row:
    """The row without the header cells some converters put in front of the data on the same line."""
    last = -1
    for i, cell in enumerate(row):
        if not cell.strip():
            continue
        if is_header_cell(cell):
            last = i
            continue
        break
    return row[last + 1 :] if last >= 0 else row


# LABEL_CELL_RE over a row's cells joined behind NULs (one search, not one per cell): a gate that
# finds every cell it matches (and maybe more, where a cell holds a NUL), each then checked alone.
_LABEL_JOINED_RE = re.compile(r"(?:^|\x00)\s*\d{1,2}[A-Za-z]?\.\s*[A-Z]|\(Instr\.|Month/Day/Year")


def _has_label_cell(cells: Row) -> bool:
    if not _LABEL_JOINED_RE.search("\x00".join(cells)):
        return False
    return any(LABEL_CELL_RE.search(flat(c)) for c in cells)


def split_rows(row: Row, n: int, padded: list[str] | None = None) -> list[Row]:
    """One printed row, or several run together (a nested table flattened onto one line)."""
    cells = data_cells(row)
    if not any(c.strip() for c in cells):
        return []
    if _has_label_cell(cells):
        return []  # a header line wrapped by the converter
    if len(cells) < n and sum(1 for c in cells if c.strip()) == 1:
        raise LoneCell(flat(next(c for c in cells if c.strip())))
    if len(cells) == n:
        return [cells]
    if len(cells) < n:
        # Converters drop the empty cells at the end of a row; nothing else can be missing.
        if len(cells) >= 2 and cells[0].strip():
            if padded is not None:
                padded.append(f"{flat(cells[0])}: {len(cells)} of {n} cells; the last {n - len(cells)} taken as empty")
            return [cells + [""] * (n - len(cells))]
        raise RowError(f"a row has {len(cells)} cells where the table has {n} columns")
    out: list[Row] = []
    i = 0
    while i < len(cells):
        while i < len(cells) and not cells[i].strip():
            i += 1
        if i >= len(cells):
            break
        chunk = cells[i : i + n]
        if len(chunk) < n and not chunk[0].strip():
            break
        out.append(chunk + [""] * (n - len(chunk)))
        i += n
    return out


def check_cell(kind: str, text: str) -> bool:
    """Does the cell read as its column's type (a date column holding a date, say)?"""
    return _check(kind, text)


def _check(kind: str, text: str) -> bool:
    t, _ids = split_marks(text)
    if kind in ("amount", "price", "after", "conv", "ushares", "a", "d"):
        t = t.strip(" $")
    if not t:
        return True
    if kind in ("date", "deemed", "exer", "exp"):
        return bool(_DATE_CELL_RE.match(t))
    if kind in ("amount", "price", "after", "conv", "ushares", "a", "d"):
        return bool(_NUMBER_CELL_RE.match(t))
    if kind == "code":
        return bool(_CODE_RE.match(t))
    if kind == "code5":
        return bool(_CODE5_RE.match(t))
    if kind == "v":
        return t in ("V",)
    if kind == "ad":
        return t in ("A", "D")
    if kind == "di":
        return t in ("D", "I")
    return True


#: Columns whose cells may hold any text (:func:`check_cell` accepts every cell there).
_TEXT_KINDS = frozenset(("title", "utitle", "nature"))


def fit(cells: Row, cols: tuple[str, ...]) -> dict[str, str]:
    if any(CLIPPED in c for c in cells):
        raise RowError("a row runs past the page edge: its last cells are cut off")
    out: dict[str, str] = {}
    for k, c in zip(cols, cells, strict=True):
        f = flat(c)
        if f and k not in _TEXT_KINDS and not _check(k, f):  # (an empty cell fits every column)
            raise RowError(f"cell {f!r} does not read as column {k!r}: columns shifted or cells merged")
        out[k] = f
    return out


@dataclass
class Money:
    """A number column that may print a $ value (value owned) instead of a share count."""

    shares: Value[Decimal]
    value: Value[Decimal]


def _money(cell: str) -> Money:
    v = decimal_value(cell)
    if is_money(cell):
        return Money(Value(), v)
    return Money(v, Value())


def _coding(cells: dict[str, str], form: str) -> tuple[Coding | None, Value[str], bool]:
    """Coding, timeliness marks (from the V column) and whether the row reads as a transaction."""
    if "code5" in cells:
        text, ids = split_marks(cells["code5"])
        m = _CODE5_RE.match(text)
        if not m:
            raise RowError(f"transaction code {text!r} does not read")
        code, swap, ftype = m.group(1), m.group(2), m.group(3)
        if not text and not ids:
            return None, Value(), False
        if ftype is None and code:
            ftype = "5"
        # A "3" alone is a holding that belonged on a Form 3 (Form 5's late holding), not a transaction.
        return Coding(ftype, code, True if swap else None, ids), Value(), not (ftype == "3" and not code)
    text, ids = split_marks(cells.get("code", ""))
    vtext, vids = split_marks(cells.get("v", ""))
    if not text and not ids and not vtext:
        return None, Value(None, vids), False
    m = _CODE_RE.match(text)
    if not m:
        raise RowError(f"transaction code {text!r} does not read")
    ftype = "5" if vtext == "V" else None
    return Coding(ftype, m.group(1), True if m.group(2) else None, ids), Value(None, vids), True


Builder = Callable[[dict[str, str], str], object]


def non_derivative(c: dict[str, str], form: str) -> NonDerivativeTransaction | NonDerivativeHolding:
    coding, timeliness, is_tx = _coding(c, form)
    after = _money(c.get("after", ""))
    title = text_value(c["title"])
    di, nature = text_value(c["di"]), text_value(c["nature"])
    if form != "3" and (is_tx or c.get("date") or c.get("amount")):
        amount = _money(c["amount"])
        return NonDerivativeTransaction(
            security_title=title,
            transaction_date=date_value(c["date"]),
            deemed_execution_date=date_value(c["deemed"]),
            coding=coding,
            timeliness=timeliness if timeliness.footnote_ids else Value(),
            shares=amount.shares,
            price_per_share=decimal_value(c.get("price", "")),
            acquired_disposed=text_value(c["ad"]),
            shares_owned_after=after.shares,
            value_owned_after=after.value,
            direct_indirect=di,
            nature_of_ownership=nature,
        )
    return NonDerivativeHolding(
        security_title=title,
        coding=coding,
        shares_owned_after=after.shares,
        value_owned_after=after.value,
        direct_indirect=di,
        nature_of_ownership=nature,
    )


def derivative(c: dict[str, str], form: str) -> DerivativeTransaction | DerivativeHolding:
    coding, timeliness, is_tx = _coding(c, form)
    after = _money(c.get("after", ""))
    under = _money(c["ushares"])
    common = dict(
        security_title=text_value(c["title"]),
        conversion_or_exercise_price=decimal_value(c.get("conv", "")),
        exercise_date=date_value(c["exer"]),
        expiration_date=date_value(c["exp"]),
        underlying_title=text_value(c["utitle"]),
        underlying_shares=under.shares,
        underlying_value=under.value,
        shares_owned_after=after.shares,
        value_owned_after=after.value,
        direct_indirect=text_value(c["di"]),
        nature_of_ownership=text_value(c["nature"]),
    )
    if form != "3" and (is_tx or c.get("date") or c.get("a") or c.get("d")):
        a, d = c.get("a", ""), c.get("d", "")
        if split_marks(a)[0] and split_marks(d)[0]:
            raise RowError("a derivative row has amounts in both (A) and (D)")
        side, cell = ("D", d) if split_marks(d)[0] or (not split_marks(a)[0] and split_marks(d)[1]) else ("A", a)
        amount = _money(cell)
        ad_marks = ()
        return DerivativeTransaction(
            transaction_date=date_value(c["date"]),
            deemed_execution_date=date_value(c["deemed"]),
            coding=coding,
            timeliness=timeliness if timeliness.footnote_ids else Value(),
            shares=amount.shares,
            total_value=amount.value,
            price_per_share=decimal_value(c.get("price", "")),
            acquired_disposed=Value(side if (split_marks(cell)[0] or split_marks(cell)[1]) else None, ad_marks),
            **common,  # type: ignore[arg-type]
        )
    return DerivativeHolding(coding=coding, **common)  # type: ignore[arg-type]


def read_table(rows: list[Row], form: str, table: int, skipped: list[str] | None = None) -> list[object]:
    cols = columns(form, table)
    build: Builder = non_derivative if table == 1 else derivative
    out: list[object] = []
    for row in rows:
        try:
            chunks = split_rows(row, len(cols), skipped)
        except LoneCell as e:
            if skipped is not None:
                skipped.append(str(e))
            continue
        for cells in chunks:
            try:
                out.append(build(fit(cells, cols), form))
            except BadValue as e:
                raise RowError(str(e)) from None
    return out

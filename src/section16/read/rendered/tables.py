"""Table I and Table II: which printed column holds which field, and turning a row of cells into a row.

Column layouts are the printed forms' (SEC stylesheets, every era). A data row is recognised by its
title cell (never empty on a real row) and must have exactly one cell per column; a row that does not
fit, or whose cells do not read as their column's type (a date column holding "D", say), is an error:
a shifted row would put values in the wrong fields, which is worse than no value.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ...model import (
    EMPTY,
    Coding,
    DerivativeHolding,
    DerivativeTransaction,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Value,
)
from .cells import CLIPPED, MEMO, Row, flat
from .values import BadValue, is_money, parse_date, parse_decimal, split_marks

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


@functools.lru_cache(maxsize=MEMO)
def is_header_cell(cell: str) -> bool:
    return bool(_HEADER_CELL_RE.match(flat(cell)))


class RowError(ValueError):
    """A row whose cells do not fit the table's columns."""


class LoneCell(ValueError):
    """Text alone on a line inside a table: a wrapped caption or cell, not a row."""


LABEL_CELL_RE = re.compile(r"^\d{1,2}[A-Za-z]?\.\s*[A-Z]|\(Instr\.|Month/Day/Year")


def is_heading_row(cells: Sequence[str]) -> bool:
    """A row of the table's heading: a numbered column label or an instruction in it, or only
    sub-headings ("Code", "V", "(A)", "Date Exercisable"...)."""
    filled = [c for c in cells if c]
    return any(LABEL_CELL_RE.search(" ".join(c.split())) for c in filled) or all(is_header_cell(c) for c in filled)


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


# LABEL_CELL_RE over a row's cells each behind a NUL (one search, not one per cell): a gate that
# finds every cell it matches (and maybe more, where a cell holds a NUL), each then checked alone.
# (Its number opening a cell, searched from the NUL; the two notes by str.find: an alternation that
# opens with no literal is tried at every character.)
_LABEL_JOINED_RE = re.compile(r"\x00\s*\d{1,2}[A-Za-z]?\.\s*[A-Z]")


def _has_label_cell(cells: Row) -> bool:
    joined = "\x00" + "\x00".join(cells)
    if "(Instr." not in joined and "Month/Day/Year" not in joined and not _LABEL_JOINED_RE.search(joined):
        return False
    return any(LABEL_CELL_RE.search(flat(c)) for c in cells)


def split_rows(row: Row, n: int, padded: list[str] | None = None) -> list[Row]:
    """One printed row, or several run together (a nested table flattened onto one line)."""
    cells = data_cells(row)
    if not "".join(cells).strip():  # (every cell blank: one join and strip, not a strip a cell)
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
        if out and sum(1 for c in chunk if c.strip()) == 1:
            # One text past a row's columns is no row of its own (every row shows at least its title,
            # an amount and its D or I): a cell was inserted, the row's columns shifted (a broken page).
            raise RowError(f"a row has {len(cells)} cells where the table has {n} columns")
        out.append(chunk + [""] * (n - len(chunk)))
        i += n
    return out


def check_cell(kind: str, text: str) -> bool:
    """Does the cell read as its column's type (a date column holding a date, say)?"""
    return _check(kind, _unmarked(text))


@functools.lru_cache(maxsize=MEMO)
def _unmarked(text: str) -> str:
    """The cell's text without its footnote marks: once a text, whichever columns ask of it (the
    laid-out reader asks of a run of words for each kind of column it may stand in)."""
    return split_marks(text)[0]


_NUMBER_KINDS = frozenset(("amount", "price", "after", "conv", "ushares", "a", "d"))
_DATE_KINDS = frozenset(("date", "deemed", "exer", "exp"))


def _check(kind: str, t: str) -> bool:
    """:func:`check_cell` for the cell's text without its footnote marks."""
    if kind in _NUMBER_KINDS:
        t = t.strip(" $")
        return not t or bool(_NUMBER_CELL_RE.match(t))
    if not t:
        return True
    if kind in _DATE_KINDS:
        return bool(_DATE_CELL_RE.match(t))
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

#: A cell read once: as printed (flat), its text without footnote marks, and the marks' ids.
Cell = tuple[str, str, tuple[str, ...]]
_NO_CELL: Cell = ("", "", ())


@functools.lru_cache(maxsize=MEMO)
def _read(cell: str) -> Cell:
    """A cell of a row read once (memoised: a title or code recurs on page after page)."""
    return _cell(flat(cell))


def _cell(text: str) -> Cell:
    """A flat cell read once."""
    if not text:
        return _NO_CELL
    if "(" not in text:  # no mark: split_marks would only strip (the text is flat already)
        return text, text.strip(" ,;"), ()
    return (text, *split_marks(text))


#: Put in a row's cell by a front end that found the row's values and its heading's words in the
#: same cells (a converter drew the heading into the row): such a row is not read by position.
UNPLACED = "\ue0fd"
#: Put in a row's cell by a front end that found a row's values run together as text (a list item, a
#: paragraph): where one cell ends and the next begins is not shown, so the row is not read.
RUN_TOGETHER = "\ue0fc"
#: Put in a row's cell by a front end that saw a cell's next line go elsewhere (a PDF-to-Markdown
#: converter's cell ending in a line break, the line drawn into the text below the table): the row
#: is read, and :func:`read_table` hands it over as not whole (the form reader lists it missing).
LOST = "\ue0fb"
#: A row's cell put by a front end that found the row's words read several ways, this cell's words not
#: the same in all (a row run together as text: "472" under (A) or under (D)): the row is read with the
#: cell empty, and :func:`read_table` hands over the row and its unsure columns (the fields they give
#: are listed missing: ``unsure_cells.blank_unsure_cells``).
UNSURE = "\ue0fa"
#: Put after a cell's value where the readings agree on the value but not on its footnote marks ("472"
#: and "472 (3)"): the cell is read without marks, and only the marks of the fields it gives are listed
#: missing (its column handed over with :data:`MARKS_ONLY` after its name).
UNSURE_MARKS = "\ue0f9"
MARKS_ONLY = ".footnotes"


def _fit(cells: Row, cols: tuple[str, ...]) -> dict[str, Cell]:
    """The row's cells read, by column, when each reads as its column's type; else RowError. (The
    mapping is shared with the memo below: read it, do not change it.)"""
    got = _fitted(tuple(cells), cols)
    if isinstance(got, str):
        raise RowError(got)
    return got


# A row's fit memoised by its cells (a small memo: a Markdown page's rows are fitted twice, once to
# tell whether the reader would refuse them and once when read; what other pages left is pushed out).
@functools.lru_cache(maxsize=1 << 10)
def _fitted(cells: tuple[str, ...], cols: tuple[str, ...]) -> dict[str, Cell] | str:
    """:func:`_fit`'s mapping, or why the row does not fit (the RowError's message)."""
    joined = "".join(cells)  # (the marks looked for once in the row, not in each cell)
    if CLIPPED in joined or UNPLACED in joined or RUN_TOGETHER in joined:
        if RUN_TOGETHER in joined:
            return "a row's cells run together as text (a list item or paragraph): not placed on the columns"
        if UNPLACED in joined:
            return "a row's values and the heading's words share its cells: not placed on the columns"
        return "a row runs past the page edge: its last cells are cut off"
    out: dict[str, Cell] = {}
    for k, c in zip(cols, cells, strict=True):
        p = _read(c)
        if p[0] and k not in _TEXT_KINDS and not _check(k, p[1]):  # (an empty cell fits every column)
            return f"cell {p[0]!r} does not read as column {k!r}: columns shifted or cells merged"
        out[k] = p
    return out


def fit(cells: Row, cols: tuple[str, ...]) -> dict[str, str]:
    """The row's cells (flat) by column, when each reads as its column's type; else RowError."""
    return {k: p[0] for k, p in _fit(cells, cols).items()}


def fits(cells: Row, cols: tuple[str, ...]) -> bool:
    """Does each of the row's cells read as its column's type (:func:`fit` would not raise)?"""
    return not isinstance(_fitted(tuple(cells), cols), str)


@dataclass(frozen=True)
class Money:
    """A number column that may print a $ value (value owned) instead of a share count."""

    shares: Value[Decimal]
    value: Value[Decimal]


# The values of a cell read once (:data:`Cell`); the same as values.text_value & co. of its text.
# Memoised as the cell is (values are immutable): a title, a date or a "D" recurs across pages.
@functools.lru_cache(maxsize=MEMO)
def _text(p: Cell) -> Value[str]:
    return Value(p[1] or None, p[2]) if p[0] else EMPTY  # type: ignore[return-value]


@functools.lru_cache(maxsize=MEMO)
def _date(p: Cell) -> Value[date]:
    return Value(parse_date(p[1]) if p[1] else None, p[2]) if p[0] else EMPTY  # type: ignore[return-value]


@functools.lru_cache(maxsize=MEMO)
def _decimal(p: Cell) -> Value[Decimal]:
    if not p[0]:
        return EMPTY  # type: ignore[return-value]
    t = p[1].strip(" $")
    return Value(parse_decimal(t) if t else None, p[2])


@functools.lru_cache(maxsize=MEMO)
def _money(p: Cell) -> Money:
    v = _decimal(p)
    if is_money(p[0]):
        return Money(Value(), v)
    return Money(v, Value())


def _coding(cells: dict[str, Cell], form: str) -> tuple[Coding | None, Value[str], bool]:
    """Coding, timeliness marks (from the V column) and whether the row reads as a transaction."""
    if "code5" in cells:
        _f, text, ids = cells["code5"]
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
    _f, text, ids = cells.get("code", _NO_CELL)
    _f, vtext, vids = cells.get("v", _NO_CELL)
    if not text and not ids and not vtext:
        return None, Value(None, vids), False
    m = _CODE_RE.match(text)
    if not m:
        raise RowError(f"transaction code {text!r} does not read")
    ftype = "5" if vtext == "V" else None
    return Coding(ftype, m.group(1), True if m.group(2) else None, ids), Value(None, vids), True


def _split_all(c: dict[str, str]) -> dict[str, Cell]:
    return {k: (v, *split_marks(v)) if v else _NO_CELL for k, v in c.items()}


def non_derivative(c: dict[str, str], form: str) -> NonDerivativeTransaction | NonDerivativeHolding:
    """A Table I row from its cells by column (names as in :data:`T1_F4`)."""
    return _non_derivative(_split_all(c), form)


def derivative(c: dict[str, str], form: str) -> DerivativeTransaction | DerivativeHolding:
    """A Table II row from its cells by column (names as in :data:`T2_F4`)."""
    return _derivative(_split_all(c), form)


def _non_derivative(c: dict[str, Cell], form: str) -> NonDerivativeTransaction | NonDerivativeHolding:
    coding, timeliness, is_tx = _coding(c, form)
    after = _money(c.get("after", _NO_CELL))
    title = _text(c["title"])
    di, nature = _text(c["di"]), _text(c["nature"])
    if form != "3" and (is_tx or c.get("date", _NO_CELL)[0] or c.get("amount", _NO_CELL)[0]):
        amount = _money(c["amount"])
        return NonDerivativeTransaction(
            security_title=title,
            transaction_date=_date(c["date"]),
            deemed_execution_date=_date(c["deemed"]),
            coding=coding,
            timeliness=timeliness if timeliness.footnote_ids else Value(),
            shares=amount.shares,
            price_per_share=_decimal(c.get("price", _NO_CELL)),
            acquired_disposed=_text(c["ad"]),
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


def _price_dollar_back(under: Cell, price: Cell) -> Cell:
    """The underlying amount's cell without the "$" a layout set there off the price beside it: the
    form prints every price as "$" and its number, so a price read without its "$" while the amount's
    cell holds one "$" (squeezed text: "2,587,070 (3) $ | 6.22", "$ 45,659 | 69.35") lost it to that
    cell, and the amount is shares, not a value (a value and the price would print a "$" each)."""
    if "$" not in under[0] or under[0].count("$") != 1 or not price[1][:1].isdigit() or "$" in price[0]:
        return under
    raw, text = (" ".join(t.replace("$", " ").split()) for t in under[:2])
    return (raw, text, under[2]) if any(ch.isdigit() for ch in text) else under


def _derivative(c: dict[str, Cell], form: str) -> DerivativeTransaction | DerivativeHolding:
    coding, timeliness, is_tx = _coding(c, form)
    after = _money(c.get("after", _NO_CELL))
    under = _money(_price_dollar_back(c["ushares"], c.get("price", _NO_CELL)))
    common = dict(
        security_title=_text(c["title"]),
        conversion_or_exercise_price=_decimal(c.get("conv", _NO_CELL)),
        exercise_date=_date(c["exer"]),
        expiration_date=_date(c["exp"]),
        underlying_title=_text(c["utitle"]),
        underlying_shares=under.shares,
        underlying_value=under.value,
        shares_owned_after=after.shares,
        value_owned_after=after.value,
        direct_indirect=_text(c["di"]),
        nature_of_ownership=_text(c["nature"]),
    )
    a, d = c.get("a", _NO_CELL), c.get("d", _NO_CELL)
    when = c.get("date", _NO_CELL)
    if form != "3" and not is_tx and when[0] and not when[1] and not (a[0] or d[0]):
        # A transaction prints its date and its code: a footnote mark alone under the date, with no
        # code and no amount, is another cell's (a conversion price's "(4)" a layout set there).
        raise RowError(f"a row's transaction date holds only the mark {when[0]!r}, no code nor amount")
    if form != "3" and (is_tx or when[0] or a[0] or d[0]):
        if a[1] and d[1]:
            raise RowError("a derivative row has amounts in both (A) and (D)")
        side, cell = ("D", d) if d[1] or (not a[1] and d[2]) else ("A", a)
        amount = _money(cell)
        ad_marks = ()
        return DerivativeTransaction(
            transaction_date=_date(c["date"]),
            deemed_execution_date=_date(c["deemed"]),
            coding=coding,
            timeliness=timeliness if timeliness.footnote_ids else Value(),
            shares=amount.shares,
            total_value=amount.value,
            price_per_share=_decimal(c.get("price", _NO_CELL)),
            acquired_disposed=Value(side if (cell[1] or cell[2]) else None, ad_marks),
            **common,  # type: ignore[arg-type]
        )
    return DerivativeHolding(coding=coding, **common)  # type: ignore[arg-type]


def read_table(
    rows: list[Row],
    form: str,
    table: int,
    skipped: list[str] | None = None,
    lost: list[object] | None = None,
    unsure: list[tuple[object, tuple[str, ...]]] | None = None,
) -> list[object]:
    """The table's rows read. ``lost`` gets the rows a front end marked :data:`LOST` (read without
    the mark; not whole); ``unsure`` each row with cells marked :data:`UNSURE` and their columns (read
    with those cells empty; without ``unsure``, such a row is not read)."""
    cols = columns(form, table)
    build = _non_derivative if table == 1 else _derivative
    out: list[object] = []
    for row in rows:
        if any(RUN_TOGETHER in c for c in row):
            # A front end's mark: the row's values run together as text, maybe after the heading's
            # words (a paragraph opening with the column labels, the rows run on after them).
            raise RowError(_fitted((RUN_TOGETHER,), ("title",)))  # (the mark's message)
        try:
            chunks = split_rows(row, len(cols), skipped)
        except LoneCell as e:
            if skipped is not None:
                skipped.append(str(e))
            continue
        for cells in chunks:
            cut = lost is not None and any(LOST in c for c in cells)
            if cut:
                cells = [c.replace(LOST, "") for c in cells]
            doubt = tuple(
                k if UNSURE in c else k + MARKS_ONLY
                for k, c in zip(cols, cells, strict=False)
                if UNSURE in c or UNSURE_MARKS in c
            )
            if doubt:
                if unsure is None:
                    raise RowError("a row's words read several ways: its cells are not settled")
                cells = [c.replace(UNSURE, "").replace(UNSURE_MARKS, "") for c in cells]
            try:
                out.append(build(_fit(cells, cols), form))
            except BadValue as e:
                raise RowError(str(e)) from None
            if cut and lost is not None:
                lost.append(out[-1])
            if doubt and unsure is not None:
                unsure.append((out[-1], doubt))
    return out

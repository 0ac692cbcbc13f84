"""Rows read with some cells unsure (:data:`.tables.UNSURE`): the fields those cells give emptied and
listed missing, with why.

A front end that finds a row's words read several ways (a row run together as text, cut into cells
by its words' types: Table II's "472" may stand under (A) or under (D), a lone "(2)" may be the
title's footnote mark or the conversion price's) keeps the cells every reading agrees on and marks
the others; the row is read with those cells empty, and here the fields they give are said missing
(never a reading presented as right where the page shows two).
"""

from __future__ import annotations

import dataclasses

from ...model import Coding, Filing, Note, Value
from .cells import ROW_FIELDS
from .tables import MARKS_ONLY

#: The row's fields each column's cell gives (an amount's column gives the shares and the (A) or (D)
#: its side shows; the amount owned after, shares or a value).
COLUMN_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("security_title",),
    "conv": ("conversion_or_exercise_price",),
    "date": ("transaction_date",),
    "deemed": ("deemed_execution_date",),
    "code": ("coding",),
    "code5": ("coding", "timeliness"),
    "v": ("coding",),
    "amount": ("shares",),
    "ad": ("acquired_disposed",),
    "a": ("shares", "acquired_disposed"),
    "d": ("shares", "acquired_disposed"),
    "price": ("price_per_share",),
    "after": ("shares_owned_after", "value_owned_after"),
    "di": ("direct_indirect",),
    "nature": ("nature_of_ownership",),
    "exer": ("exercise_date",),
    "exp": ("expiration_date",),
    "utitle": ("underlying_title",),
    "ushares": ("underlying_shares", "underlying_value"),
}
WHY = "a row's words read several ways, this cell's not the same in all: not read"


def _emptied(value: object) -> object:
    if isinstance(value, Value):
        return Value()
    if isinstance(value, Coding):  # (the form type is the page's, not the cell's)
        return Coding(form_type=value.form_type)
    return None


def blank_unsure_cells(filing: Filing, unsure: list[tuple[object, tuple[str, ...]]]) -> Filing:
    """The filing with the fields of each row's unsure columns (``unsure``: a row, told by identity,
    and the columns its front end marked) emptied and listed missing, with a note each."""
    if not unsure:
        return filing
    doubt = {id(row): cols for row, cols in unsure}
    missing: list[str] = []
    notes: list[Note] = []
    rows: dict[str, tuple[object, ...]] = {}
    for kind in ROW_FIELDS:
        out = []
        for i, row in enumerate(getattr(filing, kind)):
            cols = doubt.get(id(row))
            if cols is None:
                out.append(row)
                continue
            # (A column handed over as "title.footnotes": its value settled, its marks not.)
            whole = {f for c in cols if not c.endswith(MARKS_ONLY) for f in COLUMN_FIELDS.get(c, ())}
            marks = {f for c in cols if c.endswith(MARKS_ONLY) for f in COLUMN_FIELDS.get(c[: -len(MARKS_ONLY)], ())}
            changes: dict[str, object] = {}
            for n in dict.fromkeys(f for c in cols for f in COLUMN_FIELDS.get(c.removesuffix(MARKS_ONLY), ())):
                if not hasattr(row, n):
                    continue
                value = getattr(row, n)
                if n in whole:
                    changes[n], path = _emptied(value), f"{kind}[{i}].{n}"
                elif n in marks and isinstance(value, (Value, Coding)):
                    changes[n], path = dataclasses.replace(value, footnote_ids=()), f"{kind}[{i}].{n}{MARKS_ONLY}"
                else:
                    continue
                missing.append(path)
                notes.append(Note(path, WHY))
            out.append(dataclasses.replace(row, **changes))
        rows[kind] = tuple(out)
    return dataclasses.replace(
        filing,
        **rows,  # type: ignore[arg-type]
        missing=tuple(dict.fromkeys([*filing.missing, *missing])),
        notes=(*filing.notes, *notes),
    )

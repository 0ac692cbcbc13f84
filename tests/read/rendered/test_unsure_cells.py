"""Rows read with cells a front end marked unsure (tables.UNSURE, unsure_cells): the row is read with
those cells empty, and the fields they give are emptied and listed missing, with why."""

from __future__ import annotations

import pytest

from section16.read.rendered import tables
from section16.read.rendered.form import read_doc
from section16.read.rendered.tables import T2_F4, UNSURE, UNSURE_MARKS, RowError, read_table
from section16.read.rendered.unsure_cells import WHY, blank_unsure_cells

_ROW = dict(zip(T2_F4, [
    UNSURE, UNSURE, "01/15/2024", "", "M", "", UNSURE, UNSURE, UNSURE, UNSURE,
    "Common Stock", "472", "$ 0", "473", "D", "",
], strict=True))  # fmt: skip


def test_a_row_with_unsure_cells_is_read_without_them_only_where_asked() -> None:
    row = [_ROW[k] for k in T2_F4]
    unsure: list[tuple[object, tuple[str, ...]]] = []
    (got,) = read_table([row], "4", 2, unsure=unsure)
    assert unsure == [(got, ("title", "conv", "a", "d", "exer", "exp"))]
    assert got.transaction_date.value is not None and got.underlying_shares.value == 472
    # Not asked for (a front end that never marks cells): the row is not read, never read as empty.
    with pytest.raises(RowError):
        read_table([row], "4", 2)
    assert tables.UNSURE not in "".join(tables.T2_F4)


def test_the_unsure_cells_fields_are_emptied_and_listed_missing() -> None:
    doc = [
        ["FORM 4"],
        ["Table I - Non-Derivative Securities Acquired"],
        ["Table II - Derivative Securities Acquired"],
        [_ROW[k] for k in T2_F4],
    ]
    filing = read_doc(doc, None, "markdown")
    (row,) = filing.derivative_transactions
    # (A) or (D) empty: the row's side would read "A" by default; emptied with the shares.
    for field in ("security_title", "conversion_or_exercise_price", "shares", "acquired_disposed",
                  "exercise_date", "expiration_date"):  # fmt: skip
        assert getattr(row, field).value is None
        assert f"derivative_transactions[0].{field}" in filing.missing
        assert any(n.where == f"derivative_transactions[0].{field}" and n.message == WHY for n in filing.notes)
    assert row.coding is not None and row.coding.code == "M" and row.shares_owned_after.value == 473
    assert "derivative_transactions[0].coding" not in filing.missing
    assert blank_unsure_cells(filing, []) is filing


def test_a_cell_whose_readings_differ_only_in_marks_keeps_its_value() -> None:
    # "Restricted Stock Units (2)": the "(2)" is the title's mark or the conversion price's; the title's
    # words are the same in every reading. The value is read, its marks emptied and listed missing.
    cells = dict(_ROW, title="Restricted Stock Units" + UNSURE_MARKS)
    doc = [
        ["FORM 4"],
        ["Table I - Non-Derivative Securities Acquired"],
        ["Table II - Derivative Securities Acquired"],
        [cells[k] for k in T2_F4],
    ]
    filing = read_doc(doc, None, "markdown")
    (row,) = filing.derivative_transactions
    assert row.security_title.value == "Restricted Stock Units" and row.security_title.footnote_ids == ()
    assert "derivative_transactions[0].security_title.footnotes" in filing.missing
    assert "derivative_transactions[0].security_title" not in filing.missing
    assert "derivative_transactions[0].shares" in filing.missing  # (its whole cell unsure, as before)

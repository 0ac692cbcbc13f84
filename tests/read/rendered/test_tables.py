"""Table I and Table II rows: the gate that finds a heading's label among a row's cells."""

from __future__ import annotations

import pytest

from section16.read.rendered.tables import _has_label_cell


@pytest.mark.parametrize(
    ("cells", "label"),
    [
        (["1. Title of Security", "", "x"], True),  # a column's number opening a cell
        (["Common Stock", " 2A. Deemed Execution Date"], True),
        (["", "(Instr. 3)"], True),
        (["Date", "(Month/Day/Year)"], True),
        (["Common Stock", "11/28/2023", "S", "1,598", "D", "$180.4183"], False),
        (["12.5 shares"], False),  # a number, then no capital: a value, not a label
        (["x 1. Title"], False),  # the number does not open the cell
        (["a\x001. Title"], False),  # a NUL inside a cell: gated in, then each cell checked alone
    ],
)
def test_label_cell_found_among_a_rows_cells(cells: list[str], label: bool) -> None:
    assert _has_label_cell(cells) is label

"""Table rows written a cell a line (trafilatura), read by their titles where every row cuts one way."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.compare import _is_missing
from section16.read.rendered.paragraph_rows import place_paragraph_rows

from .conftest import PAGES, misses, reference

#: Table I of 0000912728-20-000168 as trafilatura writes it (each cell a paragraph, empty cells gone).
_ROWS = [
    "Common Stock", "11/27/2020", "M", "3,033", "A", "$", "47.82", "35,011.9545", "D",
    "Common Stock", "11/27/2020", "S", "4,800", "D", "$", "74.0517", "31,978.9545", "D",
    "Common Stock", "29", "I", "By Son", "(1)",
]  # fmt: skip


def test_rows_found_by_their_titles_and_natures_after_d_or_i() -> None:
    rows = place_paragraph_rows(_ROWS, "4", 1)
    assert rows is not None and len(rows) == 3
    first, second, held = rows
    assert first.shares.value is not None and str(first.shares.value) == "3033"  # type: ignore[attr-defined]
    assert second.coding.code == "S" and second.acquired_disposed.value == "D"  # type: ignore[attr-defined]
    assert held.nature_of_ownership.value == "By Son"  # type: ignore[attr-defined]
    assert held.nature_of_ownership.footnote_ids == ("F1",)  # type: ignore[attr-defined]


def test_lines_that_do_not_settle_leave_the_table_unread() -> None:
    # Words that open no row (no value after them) and follow no D or I: whose they are is not shown.
    assert place_paragraph_rows(["Common Stock", "By Son", "29", "I"], "4", 1) is None
    # A value before any title.
    assert place_paragraph_rows(["11/27/2020", *_ROWS], "4", 1) is None
    # Words after the last row's values that are no nature (a D or I does not come before them).
    assert place_paragraph_rows([*_ROWS[:9], "Reminder"], "4", 1) is not None  # (after its D: a nature)
    assert place_paragraph_rows([*_ROWS[:8], "Reminder"], "4", 1) is None


def test_trafilaturas_table_i_read_as_its_xml() -> None:
    # trafilatura (held out), 0000912728-20-000168: three transactions and a holding, a cell a line.
    name = "0000912728-20-000168"
    got = parse(PAGES / f"{name}.trafilatura.md")
    ref = reference(name)
    assert len(got.non_derivative_transactions) == len(ref.non_derivative_transactions) == 3
    assert len(got.non_derivative_holdings) == len(ref.non_derivative_holdings) == 1
    assert [r.shares.value for r in got.non_derivative_transactions] == [
        r.shares.value for r in ref.non_derivative_transactions
    ]
    assert "non_derivative_transactions" not in got.missing
    assert not any("values alone" in n.message for n in got.notes)
    assert [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)] == []

"""Text whose cells are parted by tabs (tabbed.py): a browser's select-all-copy of the SEC page."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.tabbed import ROW_LINES, _rows, is_tabbed, tabbed_to_doc

from .conftest import PAGES, misses, reference


def test_a_browsers_copied_page_reads_as_the_xml() -> None:
    name = "0000080424-26-000034"
    got = parse(PAGES / f"{name}.browser-text.txt")
    assert got.source.format == "text"
    expected = reference(name)
    assert misses(expected, got) == []
    assert got.issuer.name == expected.issuer.name and got.period_of_report == expected.period_of_report
    assert len(got.non_derivative_transactions) == len(expected.non_derivative_transactions)


def test_table_rows_the_page_broke_over_lines_are_joined_by_their_tabs() -> None:
    """Form 5's Table II: the amount, the amount owned and the D or I are blocks in their cells, so the
    copied text breaks each holding's row over five lines. The holdings were read without them."""
    name = "0001127602-20-005216"
    got = parse(PAGES / f"{name}.browser-text.txt")
    expected = reference(name)
    assert [(h.shares_owned_after, h.direct_indirect) for h in got.derivative_holdings] == [
        (h.shares_owned_after, h.direct_indirect) for h in expected.derivative_holdings
    ]
    assert [m for m in misses(expected, got) if m[2] is not None] == []  # the check boxes: said missing


def test_only_rows_that_come_to_the_tables_columns_are_joined() -> None:
    lines = [
        "Table I - Non-Derivative Securities",
        "Common Stock\t01/02/2024\t",
        "100",
        "\tS\t\t100\tA\t$ 1\t900\tD\t ",
    ]
    assert _rows(lines, "4") == [lines[0], "\n".join(lines[1:])]
    short = ["Table I - Non-Derivative Securities", "Common Stock\t01/02/2024", "Reminder: Report on a separate line"]
    assert _rows(short, "4") == short  # never comes to 10 tabs before the table ends: left as it was


def test_laid_out_text_is_not_taken_for_tab_parted() -> None:
    laid = "\n".join("Common Stock      01/02/2024      S      100\tD" for _ in range(20))
    assert not is_tabbed(laid)
    assert is_tabbed("\n".join("a\tb\tc" for _ in range(20)))
    assert tabbed_to_doc("a\tb\n\t\n c \t d") == [["a", "b"], ["c", "d"]]


def test_a_row_is_looked_for_over_a_bounded_number_of_lines() -> None:
    # A hostile page of lines that come to a row's tabs only far down: each is looked at over at most
    # ROW_LINES lines (joining them all, line after line, took minutes), and nothing is joined.
    lines = ["Table I - Non-Derivative Securities", "Stock\t1", *(["more"] * (ROW_LINES + 5)), "\t" * 9]
    assert _rows(lines, "4") == lines
    near = ["Table I - Non-Derivative Securities", "Stock\t1", *(["more"] * 3), "\t" * 9]
    assert _rows(near, "4") == [near[0], "\n".join(near[1:])]

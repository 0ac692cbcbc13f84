"""Table I and Table II rows: the gate that finds a heading's label among a row's cells; a row fitted
to the columns."""

from __future__ import annotations

import re

import pytest

from section16 import parse
from section16.errors import ParseError
from section16.read import parse_bytes
from section16.read.rendered import tables
from section16.read.rendered.cells import CLIPPED
from section16.read.rendered.tables import T1_F4, RowError, _has_label_cell, fit, fits, split_rows

from .conftest import PAGES, html_of, misses, reference


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


_ROW = ["Common Stock", "11/28/2023", "", "S", "", "1,598 (1)", "D", "$180.4183", "20,516", "D", ""]


@pytest.mark.parametrize(
    ("row", "why"),
    [
        (_ROW, None),
        (["Common Stock", "D", *_ROW[2:]], "does not read as column 'date'"),  # shifted: "D" under the date
        ([*_ROW[:-1], f"By Trust{CLIPPED}"], "runs past the page edge"),
    ],
)
def test_a_row_fits_its_columns_or_says_why_each_time_it_is_asked(row: list[str], why: str | None) -> None:
    # (Asked twice: the second answer is the memo's, and must be the first's.)
    for _ in range(2):
        assert fits(row, T1_F4) is (why is None)
        if why is None:
            got = fit(row, T1_F4)
            assert [got[k] for k in ("title", "amount", "di")] == ["Common Stock", "1,598 (1)", "D"]
        else:
            with pytest.raises(RowError, match=why):
                fit(row, T1_F4)


# Broken pages (bench/rendered_damage.py): an empty cell inserted in a row.


def test_rows_run_together_split_but_one_text_past_the_columns_is_no_row() -> None:
    assert split_rows(["Common Stock", "100", "D", "", "Common Stock", "200", "I", "By Trust"], 4) == [
        ["Common Stock", "100", "D", ""],
        ["Common Stock", "200", "I", "By Trust"],
    ]
    with pytest.raises(RowError, match="5 cells where the table has 4"):
        split_rows(["Common Stock", "100", "I", "", "By Trust"], 4)


def test_an_empty_cell_inserted_before_a_nature_is_an_error_on_the_html_page() -> None:
    html = html_of("0000899243-21-019441")
    leaf = re.compile(r"<td\b[^>]*>((?:(?!<td\b|<table\b|<tr\b).)*?)</td>", re.S)
    cell = next(
        m
        for m in leaf.finditer(html, html.index("Table I -"))
        if re.sub(r"<[^>]+>", "", m.group(1)).strip().startswith("See Footnote")
    )
    parse(html.encode())
    with pytest.raises(ParseError, match="Table I"):
        parse((html[: cell.start()] + "<td></td>" + html[cell.start() :]).encode())


def test_a_price_s_dollar_set_in_the_underlying_amount_is_the_price_s() -> None:
    # pdftotext -layout of chromium's fitted print (held out) squeezes Table II's row: the price's
    # "$" stands after the underlying amount ("2,587,070 (3) $" | "6.22"). The form prints every
    # price with its "$": the amount was read as a value ("$"), not as shares.
    name = "0001209191-20-061962"
    got = parse_bytes((PAGES / f"{name}.pdftotext-layout-fit.txt").read_bytes(), name)
    row = got.derivative_transactions[1]
    assert row.underlying_shares.value == 2587070 and row.underlying_value.value is None
    assert [m for m in misses(reference(name), got) if m[0] not in got.missing] == []
    back = tables._price_dollar_back
    cut = ("2,587,070 (3) $", "2,587,070 $", ("F3",))
    assert back(cut, ("6.22", "6.22", ())) == ("2,587,070 (3)", "2,587,070", ("F3",))
    # A price with its "$" leaves a value's own "$"; so does a cell of two "$" or no number.
    value = ("$ 45,659", "$ 45,659", ())
    assert back(value, ("$ 69.35", "$ 69.35", ())) == value
    assert back(("$ 1 $", "$ 1 $", ()), ("6.22", "6.22", ())) == ("$ 1 $", "$ 1 $", ())
    assert back(("$", "$", ()), ("6.22", "6.22", ())) == ("$", "$", ())


def test_a_mark_alone_under_the_transaction_date_makes_no_transaction() -> None:
    # pdftotext -layout of chromium's DejaVu print (held out): Table II's holdings print their
    # conversion price as a mark alone, "(4)", which the layout set under the transaction date's
    # heading: the two holdings were read as transactions (dated by a mark, no code), 36 wrong
    # values. A transaction prints its date and code: the table is not read, and says so.
    name = "0001820953-21-000036"
    got = parse_bytes((PAGES / f"{name}.pdftotext-layout-dejavu.txt").read_bytes(), name)
    assert got.derivative_transactions == () and got.derivative_holdings == ()
    assert "derivative_holdings" in got.missing
    assert [m for m in misses(reference(name), got) if m[0] not in got.missing] == []
    cols = tables.columns("4", 2)
    cells = ["Class B Common Stock", "", "(4)", "", "", "", "", "", "(4)", "(4)", "Class A Common Stock"]
    cells += ["735,294.00", "", "735,294", "I", "By Trust (3)"]
    assert len(cells) == len(cols)
    with pytest.raises(RowError, match="holds only the mark"):
        tables._derivative(tables._fit(cells, cols), "4")
    cells[2] = ""  # (the mark where it belongs, under the conversion price: a holding)
    cells[1] = "(4)"
    assert type(tables._derivative(tables._fit(cells, cols), "4")).__name__ == "DerivativeHolding"

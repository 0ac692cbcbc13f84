"""Placing a Markdown table row by what its cells hold (markdown_rows), for tables a converter drew
from a PDF's lines: real rows from pymupdf4llm pages, and the ambiguous ones that must not be placed."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.markdown_rows import place_row, place_tables
from section16.read.rendered.tables import T1_F3, T1_F4, T2_F4, UNPLACED

from .conftest import PAGES, misses, reference


def test_two_columns_sharing_a_cell_and_a_dropped_column() -> None:
    # pymupdf4llm, 0000002488-24-000005: V dropped, (A)/(D) and the price in one cell.
    row = ["Common Stock", "01/15/2024", "", "M", "472", "A\n$ 0", "6,076", "D", ""]
    want = ["Common Stock", "01/15/2024", "", "M", "", "472", "A", "$ 0", "6,076", "D", ""]
    assert place_row(row, T1_F4, "T1") == want


def test_a_mark_opening_a_line_is_the_value_above_it() -> None:
    # "4,100" / "(2) D": the mark follows the amount, D is (A)/(D).
    row = ["Common Stock", "", "11/23/2021", "S\n(1)", "4,100\n(2) D", "$ 1,138.668\n(12)", "1,530,781", "D", ""]
    placed = place_row(row, T1_F4, "T1")
    assert placed is not None
    assert placed[T1_F4.index("amount")] == "4,100 (2)" and placed[T1_F4.index("ad")] == "D"
    assert placed[T1_F4.index("date")] == "11/23/2021" and placed[T1_F4.index("deemed")] == ""


def test_an_empty_cell_more_from_a_heading_cut_in_two() -> None:
    # Form 3, 0001057352-20-000121: "2. Amount of Secu" | "rities Beneficially" gives the rows an empty
    # cell more; by position "D" would be the nature of ownership.
    assert place_row(["Common Stock, par value $0.01 per share", "22,076\n(1)", "", "D", "", ""], T1_F3, "T1") == [
        "Common Stock, par value $0.01 per share",
        "22,076 (1)",
        "D",
        "",
    ]


def test_values_that_fit_two_ways_are_not_placed() -> None:
    # One date for two date columns (exercisable or expiration?); a lone number after (A)/(D).
    assert place_row(["Option", "$ 10", "01/01/2020", "Common Stock", "100", "100", "D"], T2_F4, "T2") is None
    assert place_row(["Common Stock", "11/28/2023", "S", "1,598", "D", "104,141", "D"], T1_F4, "T1") is None
    # A holding shows no date, code, amount or price; a row without its D or I is no row.
    assert place_row(["Common Stock", "11/28/2023", "1,598"], T1_F4, "T1") is None


def test_heading_words_in_a_row_with_values_refuse_the_table() -> None:
    doc = [
        ["FORM 4"],
        ["STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES"],
        ["Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned"],
        ["Option\n(2)", "$ 87.72", "02/21/2020", "Code\nV\nA", "(A)\n(D)\n130,298", "(Instr. 4)\nD"],
    ]
    out = place_tables(doc)
    assert out[:3] == doc[:3] and out[3][1] == UNPLACED


def test_pymupdf4llm_pages_read_table_one_by_its_values() -> None:
    for name, rows in (("0000002488-24-000005", 2), ("0001057352-20-000121", 1)):
        got = parse(PAGES / f"{name}.pymupdf4llm.md")
        ref = reference(name)
        assert len(got.non_derivative_transactions) + len(got.non_derivative_holdings) == rows
        assert "non_derivative_transactions" not in got.missing
        assert misses(ref, got) == [], name  # every value given is the filed one


def test_a_dollar_sign_without_its_number_is_no_price() -> None:
    # pymupdf4llm, 0000740260-20-000022: "1,683" / "D" / "$" -- the price's digits went to another row.
    row = ["Common Stock", "01/18/2020", "", "F", "1,683\nD\n$", "78381\n(2)", "", "", "D", ""]
    assert place_row(row, T1_F4, "T1") is None
    # The same row with its price is placed.
    placed = place_row([*row[:4], "1,683\nD\n$ 58.81", *row[5:]], T1_F4, "T1")
    assert placed is not None and placed[T1_F4.index("price")] == "$ 58.81"


def test_rows_saying_table_found_as_row_by_row() -> None:
    from section16.read.rendered.markdown_rows import _TABLE_GATE_RE, _rows_saying_table

    docs = [
        [["Table I - Non-Derivative"], ["a", "b"], ["x", "TaBlE"], ["no"]],
        [["\u0130 table"], ["İx"], ["tab", "le"]],  # "\u0130" lower-cases to two characters: row by row
        [["a\x01b", "table"], ["c"]],  # a cell holding the rows' separator: row by row
        [],
        [[], ["table"]],
    ]
    for doc in docs:
        expected = {i for i, row in enumerate(doc) if _TABLE_GATE_RE.search("\x00".join(row))}
        assert _rows_saying_table(doc) == expected
    assert _rows_saying_table(docs[0]) == {0, 2}


def test_a_nature_s_last_line_under_the_table_with_its_mark_empties_the_row() -> None:
    # "Maria<br>Cristina<br>Alban<br>2007" in the row, "Declaration of Trust (5)" a paragraph under it.
    got = parse(PAGES / "0001179110-20-002137.pymupdf4llm.md")
    assert "non_derivative_holdings[0]" in got.missing
    assert got.non_derivative_holdings[0].nature_of_ownership.value is None


def test_a_natures_wrapped_line_alone_in_a_wide_row_is_no_row() -> None:
    # MarkItDown's pipe tables of a PDF: row 2's nature wrapped, its "Fund, L.P." drawn alone in a row
    # of 8 cells between rows 2 and 3, and row 1's nature drawn above the row after the heading's
    # "(Instr. 5)". Counted a row, "Fund, L.P." shifted rows 4 and 5 one down (a sixth holding, 11
    # wrong values); it is no row: the rows around it, and row 1 whose nature stands apart, are said
    # missing, the last two read.
    name = "0001062993-21-010767"
    page = (PAGES / f"{name}.markitdown-pdf.md").read_text()
    assert "|     |     |     |     |     | Fund, L.P.  |     |     |" in page
    assert "(Instr. 5)\nSequoia Capital U.S. Growth Fund VII, L.P. (1)\n| Class A Common Stock |" in page
    got = parse(PAGES / f"{name}.markitdown-pdf.md")
    expected = reference(name)
    assert len(got.non_derivative_holdings) == len(expected.non_derivative_holdings) == 5
    assert [f"non_derivative_holdings[{i}]" in got.missing for i in range(5)] == [True, True, True, False, False]
    assert [r.shares_owned_after.value for r in got.non_derivative_holdings[3:]] == [1178530, 414691]
    assert misses(expected, got) == []


def test_a_natures_end_drawn_under_the_table_marks_the_last_row() -> None:
    # pymupdf4llm ends Table I's last row with the nature "US<br>Venture" and draws its "2010<br>Seed
    # (3)" as picture text under the table: the row was read with the nature "US Venture" and no
    # footnote. Its number stands among words (no amount, price or date): the end of a cell, so the
    # row is said missing; the rows above are read.
    name = "0001062993-21-007940"
    page = (PAGES / f"{name}.pymupdf4llm.md").read_text()
    assert "|32,746|I|US<br>Venture|" in page and "2010<br>Seed (3)<br>" in page
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    expected = reference(name)
    assert "non_derivative_holdings[1]" in got.missing
    assert "non_derivative_holdings[0]" not in got.missing
    assert misses(expected, got) == []

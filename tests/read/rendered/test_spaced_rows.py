"""Table rows on a grid of their own, cells two blanks apart (spaced_rows): real inscriptis pages
(held out), where each HTML table is laid out row by row and a row's cells do not stand under their
headings. Rows read one way (or settled by where their cells stand) are read; the rest of the
table is listed missing with why, never guessed."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.compare import _is_missing
from section16.read.rendered.spaced_rows import (
    line_cells,
    read_spaced,
    row_ways,
    settle,
    unglue_heading,
    unglue_headings,
)
from section16.read.rendered.tables import T1_F4, T2_F4

from .conftest import PAGES, at, misses, reference

# 0000002488-24-000005 (inscriptis): Table I's first row, its cells under other columns' headings.
_ROW = "Common Stock         01/15/2024" + " " * 86 + "M" + " " * 58 + "472" + " " * 75 + "A   $ 0   6,076  D"
_HEAD = "1.Title of Security  2. Transaction Date (Month/Day/Year)  2A. Deemed Execution Date, if any (Month/Day/Year)"
_SUB = "        Code                          V                                          Amount     (A) or (D)    Price"


def test_a_rows_cells_are_its_runs_of_words_two_blanks_apart() -> None:
    assert [c[2] for c in line_cells("Common Stock  01/15/2024   M  189 (1)  D  $ 146.56")] == [
        "Common Stock", "01/15/2024", "M", "189 (1)", "D", "$ 146.56",
    ]  # fmt: skip
    assert line_cells("  A  B")[0] == (2, 3, "A")


def test_a_row_read_one_way_by_its_values_and_their_order() -> None:
    ways = row_ways(line_cells(_ROW), T1_F4)
    assert len(ways) == 1
    # title, date, code, amount, (A) or (D), price, amount owned, D or I: the deemed date, V and nature empty.
    assert [T1_F4[c] for c in ways[0]] == ["title", "date", "code", "amount", "ad", "price", "after", "di"]
    # A holding: title, amount owned, D or I, nature.
    (way,) = row_ways(line_cells("Common Stock   83,333 (1)   I   By Trust (2)"), T1_F4)
    assert [T1_F4[c] for c in way] == ["title", "after", "di", "nature"]


def test_a_row_the_form_cannot_print_has_no_reading() -> None:
    assert row_ways(line_cells("Common Stock  01/15/2024  472  A  $ 0  6,076  D"), T1_F4) == []  # no code
    assert row_ways(line_cells("Common Stock 3  736  I"), T1_F4) == []  # a title ending in a number apart
    assert row_ways(line_cells("01/15/2024  M  472"), T1_F4) == []  # no title


def test_a_number_under_a_or_d_is_read_only_where_the_cells_stand_tell() -> None:
    # Table II: "472" may be under (A) or under (D), and the line alone does not say which.
    line = at((0, "Options"), (20, "$ 10"), (30, "01/15/2024"), (45, "M"), (60, "472"), (80, "Common Stock"),
              (95, "472"), (105, "$ 0"), (112, "0"), (118, "D"))  # fmt: skip
    assert len(row_ways(line_cells(line), T2_F4)) == 2
    lines = [_HEAD, line]
    assert read_spaced(lines, 0, 2, T2_F4, [0, 0]) == ([_readings(line)], None)
    # Another row of the same table with both amounts shown: "472" shares its left edge with the
    # amount under (D), so the row is settled.
    both = at((0, "Options"), (20, "$ 10"), (30, "01/16/2024"), (45, "J"), (52, "5"), (60, "300"),
              (80, "Common Stock"), (95, "300"), (105, "$ 0"), (112, "5"), (118, "D"))  # fmt: skip
    got = read_spaced([_HEAD, both, line], 0, 3, T2_F4, [0, 0, 0])
    assert got is not None and got[1] is not None
    assert got[1][1][T2_F4.index("d")] == "472" and got[1][1][T2_F4.index("a")] == ""


def _readings(line: str) -> list[list[str]]:
    out = []
    for way in row_ways(line_cells(line), T2_F4):
        row = [""] * len(T2_F4)
        for cell, c in zip(line_cells(line), way, strict=True):
            row[c] = cell[2]
        out.append(row)
    return out


def test_a_cell_wrapped_to_a_line_of_its_own_leaves_the_table_to_the_layout_reader() -> None:
    lines = [_HEAD, _SUB, _ROW, "     Class A"]
    assert read_spaced(lines, 0, 4, T1_F4, [0] * 4) is None
    # So does a table over a page break (each page on a grid of its own).
    assert read_spaced([_HEAD, _ROW, _ROW], 0, 3, T1_F4, [0, 0, 1]) is None


def test_the_layout_readers_rows_are_kept_only_where_the_lines_read_the_same() -> None:
    lines = [_HEAD, _SUB, _ROW]
    row = ["Common Stock", "01/15/2024", "", "M", "", "472", "A", "$ 0", "6,076", "D", ""]
    assert settle(lines, 0, 3, T1_F4, [0] * 3, [], "no row") == ([row], None)
    assert settle(lines, 0, 3, T1_F4, [0] * 3, [row], None) == ([row], None)
    # "$ 0" run into the title by a layout reader placing cells by headings they do not stand under.
    wrong = ["Common Stock $ 0", "01/15/2024", "", "M", "", "472", "A", "", "6,076", "D", ""]
    rows, why = settle(lines, 0, 3, T1_F4, [0] * 3, [wrong], None)
    assert rows == [] and why is not None and "grid of their own" in why


def test_table_twos_title_run_into_its_heading_is_blanked() -> None:
    line = "(e.g., puts, calls, warrants, options, convertible securities)1. Title of Derivative Security  2. Conv"
    got = unglue_heading(line)
    assert len(got) == len(line) and got.lstrip().startswith("1. Title of Derivative Security  2. Conv")
    assert unglue_heading("(e.g., puts, calls)") == "(e.g., puts, calls)"


def test_an_inscriptis_page_reads_its_rows_and_nothing_wrong() -> None:
    # 0000002488-24-000005: Table I's two rows read; Table II's one row ("472" under (A) or (D), which
    # its values alone do not settle) read by the grid the heading's labels draw (spaced_grid): 472
    # stands in the 8th grid column, (D)'s.
    name = "0000002488-24-000005"
    got, ref = parse(PAGES / f"{name}.inscriptis.txt"), reference(name)
    assert [m for m in misses(ref, got) if m[0].startswith("non_derivative")] == []
    assert len(got.non_derivative_transactions) == 2
    assert "derivative_transactions" not in got.missing
    assert got.derivative_transactions == ref.derivative_transactions[:1] or not misses(ref, got)
    assert got.derivative_transactions[0].acquired_disposed.value == "D"
    # 0001179110-20-001325 (Form 5): Table II's title run into its heading; its 14 options read.
    name = "0001179110-20-001325"
    got, ref = parse(PAGES / f"{name}.inscriptis.txt"), reference(name)
    assert len(got.derivative_holdings) == len(ref.derivative_holdings) == 14
    assert len(got.non_derivative_transactions) == len(ref.non_derivative_transactions)
    assert [m for m in misses(ref, got) if m[0].startswith(("derivative", "non_derivative"))] == []
    assert [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)] == []  # nothing read wrong


def test_table_twos_whole_title_run_into_its_heading_gets_a_line_of_its_own() -> None:
    # Form 3 (0001057352-20-000121, inscriptis): the title, its note and the heading's first label
    # on one line; each word keeps its place, the title above the heading.
    title = "Table II - Derivative Securities Beneficially Owned (e.g., puts, calls, warrants, options)"
    line = title + "1. Title of Derivative Security  2. Date Exercisable"
    got = unglue_headings(["x", line], paged=False)
    assert got[0] == "x" and got[1] == title
    assert got[2] == " " * len(title) + "1. Title of Derivative Security  2. Date Exercisable"
    # A page laid out page by page keeps its lines (their pages are counted before).
    assert unglue_headings([line], paged=True) == [line]


def test_a_title_ending_in_a_mark_apart_is_not_settled() -> None:
    # 0000899243-21-019441 (inscriptis): the filer's title "Class B Common Stock (2)" prints as a title
    # "Class B Common Stock" with its note (2) prints: "(2)" neither raised nor linked. The rows are
    # read (the grid settles their cells), the titles ending so are said missing, never read wrong.
    name = "0000899243-21-019441"
    got, ref = parse(PAGES / f"{name}.inscriptis.txt"), reference(name)
    assert len(got.derivative_transactions) == len(ref.derivative_transactions)
    assert ref.derivative_transactions[2].security_title.value == "Class B Common Stock (2)"
    assert "derivative_transactions[2].security_title" in got.missing
    assert got.derivative_transactions[2].security_title.value is None
    assert [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)] == []  # nothing read wrong
    # A title without a mark is read: "Class B Common Stock Warrant (Right to buy)".
    assert got.derivative_transactions[0].security_title == ref.derivative_transactions[0].security_title

"""Tables over several pages of laid-out text (layout_pages.py): a later page's words moved to the
heading page's grid of characters."""

from __future__ import annotations

import pytest

from section16 import parse
from section16.read.rendered import layout, layout_pages, tables
from section16.read.rendered.layout_words import Tok

from .conftest import PAGES, at, misses, reference, toks


def test_rows_on_a_later_page_are_moved_to_the_heading_pages_grid() -> None:
    # pdftotext lays page 2 out on a narrower grid: the same row's D stands at 129, not 172.
    cells = [(0, "Shares"), (44, "01/06/2025"), (88, "S(1)"), (103, "4,424"), (114, "D"), (120, "402.841"),
             (135, "100,976"), (172, "D")]  # fmt: skip
    row1 = at(*cells)
    row2 = at(*[(round(x * 0.75), text) for x, text in cells])
    lines = ["heading", row1, row2]
    scales = layout_pages._page_scales(lines, 1, 3, [0, 0, 1], 1, [0.0] * 11)
    moved = layout_pages._scaled(toks(row2, 2), scales[1])
    # The left edge, the date and the D land where page 1 prints them, the rest within a few
    # characters: near enough for the cells to be cut by type and order.
    assert [t.x0 for t in moved[:2]] == [0, 44]
    assert abs(moved[-1].x0 - 172) <= 1
    assert all(abs(a.x0 - b.x0) <= 3 for a, b in zip(moved, toks(row1, 1), strict=True))
    # Without the move the row's D would stand 43 characters off its column.
    assert toks(row2, 2)[-1].x0 == 129


def test_the_d_or_i_column_is_the_rightmost_column_of_lone_ds_and_is() -> None:
    # The (A)/(D) column's D's at 129 are many; the Ownership Form's at 262 are the column.
    assert layout_pages._rightmost_column([129.0, 129.5, 130.0, 262.0, 262.5, 263.0, 129.0]) == 262.5
    # A stray "I" of a nature of ownership ("Fund I") is not a column.
    assert layout_pages._rightmost_column([262.0, 262.5, 263.0, 262.0, 300.0]) == 262.5
    assert layout_pages._rightmost_column([]) is None


def test_a_later_page_is_also_mapped_by_where_its_natures_of_ownership_start() -> None:
    # Page 2 squeezes the gap between the D or I and the nature of ownership (4 characters, not 10):
    # a footnote mark on a line of its own there is the nature's, and lands in the nature's column.
    row1 = at((0, "Class A Common Stock"), (44, "05/05/2021"), (88, "M(1)"), (103, "3,262 A"), (129, "3,262"),
              (180, "I"), (190, "See Footnote"))  # fmt: skip
    row2 = at((0, "Class A Common Stock"), (23, "05/05/2021"), (34, "M(1)"), (40, "975,652"), (56, "I"),
              (60, "See Footnote"))  # fmt: skip
    lines = ["heading", row1, row2, at((60, "(7)"))]
    scales = layout_pages._page_scales(lines, 1, 4, [0, 0, 1, 1], 1, [0.0] * 11)
    assert scales[1][-1] == (60.0, 190.0)
    mark = layout_pages._scaled(toks(lines[3], 3), scales[1])[0]
    assert mark.x0 == 190
    # The D or I and the nature alone do not move a page (its title column may shrink more than the
    # rest): a date or an amount owned must place the columns between.
    bare = [
        at((0, "Class A Common Stock"), (130, "I"), (140, "See Footnote")),
        at((0, "Stock"), (56, "I"), (60, "See")),
    ]
    assert layout_pages._page_scales(["heading", *bare], 1, 3, [0, 0, 1], 1, [0.0] * 11) == {}


def test_rows_on_a_later_page_are_cut_by_their_words_types_where_positions_fail() -> None:
    # Table I runs on to pages pdftotext squeezed to half the heading page's width, where a row's
    # cells stand up to 15 characters off their columns: each row is cut by its words' types and
    # order, its one date going to the transaction date's column, the nearer one by far.
    got = parse(PAGES / "0001209191-20-053427.pdftotext-layout.txt")
    expected = reference("0001209191-20-053427")
    assert len(got.non_derivative_transactions) == len(expected.non_derivative_transactions) > 10
    assert [m for m in misses(expected, got) if m[0].startswith("non_derivative")] == []
    assert not any(n.where == "Table I" for n in got.notes)


def test_a_footnote_mark_the_page_break_put_under_a_nature_stays_with_it() -> None:
    # Table I: a row's nature "See Footnote" ends the page, its "(7)" starts the next one (laid out
    # on a narrower grid); the mark is the nature's, not the Ownership Form's.
    got = parse(PAGES / "0000899243-21-018773.pdftotext-layout.txt")
    expected = reference("0000899243-21-018773")
    assert len(got.non_derivative_holdings) == len(expected.non_derivative_holdings) > 10
    assert [m for m in misses(expected, got) if m[0].startswith("non_derivative")] == []
    # Table II's later page (holdings without dates) is mapped by the values its rows print as the
    # heading page's rows do (layout_grid.py): every field read right.
    assert misses(expected, got) == []
    assert not [m for m in got.missing if m.startswith("derivative")]


def test_rows_of_one_page_cut_on_different_grids_are_refused() -> None:
    cols = tables.columns("4", 1)

    def cut(**at_x: int) -> list[list[Tok]]:
        return [[Tok(0, at_x[c], at_x[c] + 5, "1,000")] if c in at_x else [] for c in cols]

    one_grid = [cut(amount=40, after=56), cut(amount=41, price=48, after=57)]
    layout._check_one_grid(one_grid, cols, None)
    # The second row's amount stands where the first row's amount owned after does.
    with pytest.raises(tables.RowError, match="different grids"):
        layout._check_one_grid([cut(amount=40, after=56), cut(amount=56, after=70)], cols, None)
    # The second row's price reaches under the first row's amount: two grids, a few characters apart.
    with pytest.raises(tables.RowError, match="different grids"):
        layout._check_one_grid([cut(amount=40, after=56), cut(price=43, after=56)], cols, None)


def test_a_cut_by_types_keeps_a_footnote_mark_far_from_the_word_before_it_out_of_a_cell() -> None:
    # Table II runs on to a page laid out on its own grid, where each row is cut by its words'
    # types. A cut putting the conversion price's "(6)", 12 characters right of "Common", into the
    # title ("Class B Common (6) Stock") fits the types as well, but a mark follows its value or
    # text one space after it: that cut is left aside (as cuts by position leave it), and the rows
    # are read, only the later page's acquired or disposed left untold.
    got = parse(PAGES / "0000899243-20-016402.pdftotext-layout.txt")
    expected = reference("0000899243-20-016402")
    assert len(got.derivative_transactions) == len(expected.derivative_transactions) == 5
    assert [m for m in misses(expected, got) if m[0].startswith("derivative")] == []
    assert [m for m in got.missing if m.startswith("derivative")] == [
        "derivative_transactions[3].acquired_disposed",
        "derivative_transactions[4].acquired_disposed",
    ]
    assert [t.security_title.value for t in got.derivative_transactions] == ["Class B Common Stock"] * 5


def test_a_d_or_i_ending_a_natures_words_is_not_the_ownership_form_column() -> None:
    # Table I runs on to a later page; a nature of ownership wraps its last words ("Fund I") on to a
    # line of their own, whose "I" one space after the word is the nature's, not a D or I of the
    # Ownership Form's column: taken as one, it spoilt the later page's map and the table went
    # unread (64 fields; "Trust I" in 0001209191-20-009703 likewise, 55).
    name = "0001062993-24-014684"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.non_derivative_transactions) == len(expected.non_derivative_transactions) > 0
    assert [m for m in misses(expected, got) if m[0].startswith("non_derivative")] == []
    assert not any(n.where == "Table I" for n in got.notes)


def test_landmarks_take_only_a_d_or_i_standing_apart_from_the_word_before_it() -> None:
    rows = [
        at((0, "Class A Common Shares"), (24, "08/06/2024"), (37, "P"), (41, "313,139 A"), (63, "434,405"),
           (75, "I"), (79, "Fund I")),
        at((79, "Trust I")),
        at((0, "Class A Common Shares"), (63, "120,000"), (75, "D")),
    ]  # fmt: skip
    marks = layout_pages._landmarks(rows, [0, 1, 2])
    assert marks.di == 75.5
    # (Before: the lone I of "Fund I" and "Trust I" at 86.5 made the rightmost column of lone D's and I's.)
    assert layout_pages._rightmost_column([75.5, 75.5, 86.5, 86.5]) == 86.5


def test_a_heading_the_page_break_cut_keeps_its_upper_grid_and_the_rows_are_moved_to_it() -> None:
    # Table II's numbered labels end page 1, its sub-headings and the row stand on page 2, laid out
    # on a narrower grid: the heading laid out again by one stretch loses its (A) and (D) columns,
    # so the heading stays on page 1's grid and the row is moved to it by its transaction's date
    # and its D or I, as a later page's rows are. The number stands between the code and the (A)
    # column there: acquired or disposed is listed missing, everything else is read.
    name = "0001209191-21-021966"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.derivative_transactions) == len(expected.derivative_transactions) == 1
    assert misses(expected, got) == []
    assert got.derivative_transactions[0].acquired_disposed.value is None
    assert [m for m in got.missing if m.startswith("derivative")] == ["derivative_transactions[0].acquired_disposed"]
    assert any(n.where == "Table II" and n.message.startswith("rows read") for n in got.notes)

"""Which cuts of a laid-out row the form prints and the page shows (layout_fit.py)."""

from __future__ import annotations

from section16 import parse
from section16.read import parse_bytes
from section16.read.rendered import layout_cells, layout_fit, tables
from section16.read.rendered.layout_words import Tok

from .conftest import PAGES, html_of, misses, reference

COLS = tables.columns("4", 2)


def _row(line: int, amount: str, x0: int, column: str) -> list[list[Tok]]:
    cut: list[list[Tok]] = [[] for _ in COLS]
    cut[COLS.index("code")] = [Tok(line, 70, 71, "M")]
    cut[COLS.index(column)] = [Tok(line, x0, x0 + len(amount), amount)]
    return cut


def test_a_moved_number_printed_where_the_unmoved_rows_print_theirs_is_settled() -> None:
    # The heading page's row prints its amount at 87-92 under (D) (3 characters right of the line
    # between (A) and (D)), read there with no map. A moved page's number the map put in that very
    # place (its rows' amounts are the map's landmarks) is that column's too; one 3 characters off,
    # or where an unmoved row prints an (A) nearby, stays unsure.
    placed = {
        0: (0, _row(10, "1,987", 87, "d")),
        1: (1, _row(20, "2,072", 87, "d")),
        2: (1, _row(25, "2,845", 90, "d")),
    }
    unsure: dict[int, str | None] = {1: "2,072", 2: "2,845"}
    layout_fit.settle_where_unmoved_rows_print(unsure, placed, COLS)
    assert unsure == {1: None, 2: "2,845"}
    # An unmoved row printing an (A) amount within 3 characters: the place shows no one column.
    placed[3] = (0, _row(12, "1,500", 84, "a"))
    unsure = {1: "2,072", 2: None}
    layout_fit.settle_where_unmoved_rows_print(unsure, placed, COLS)
    assert unsure == {1: "2,072", 2: None}
    # Nothing unsure, nothing asked (Table I has no (A) and (D) columns).
    layout_fit.settle_where_unmoved_rows_print({}, {}, tables.columns("4", 1))


def test_a_holding_whose_nearest_cut_is_no_row_the_form_prints_takes_the_one_that_is() -> None:
    # Form 5, Table II, a holding on the table's fifth page, mapped to the heading's grid: its
    # exercise date's "(1)" lands half a character inside the (D) column. The nearest cut puts it
    # there (a holding with a disposed amount, and no amount owned: no row the form prints); of the
    # cuts within reach of their columns, one only makes a row the form prints.
    cols = tables.columns("5", 2)
    starts = [0.0, 15.0, 27.0, 44.0, 63.0, 81.0, 86.0, 91.0, 106.0, 117.0, 126.0, 141.0, 153.0, 163.0, 178.0]
    words = [Tok(313, 0, 5, "Class"), Tok(313, 6, 7, "B"), Tok(314, 0, 6, "Common"), Tok(315, 0, 5, "Stock"),
             Tok(314, 91, 94, "(1)"), Tok(314, 102, 105, "(1)"), Tok(313, 113, 118, "Class"), Tok(313, 124, 125, "A"),
             Tok(314, 113, 119, "Common"), Tok(315, 113, 118, "Stock"), Tok(314, 132, 135, "563"),
             Tok(314, 150, 153, "563"), Tok(314, 170, 171, "I"), Tok(313, 178, 182, "Held"), Tok(313, 183, 185, "by"),
             Tok(315, 178, 184, "Spouse"), Tok(315, 185, 188, "(2)")]  # fmt: skip
    nearest = layout_cells.assign(words, starts, cols)
    assert nearest is not None
    assert nearest[cols.index("d")] == "(1)" and not nearest[cols.index("after")]
    got = layout_fit.nearest_printable_cut(words, starts, cols)
    assert got is not None
    cells = dict(zip(cols, got[0], strict=True))
    assert (cells["d"], cells["exer"], cells["exp"]) == ("", "(1)", "(1)")
    assert (cells["ushares"], cells["price"], cells["after"], cells["di"]) == ("563", "", "563", "I")
    # A lone "(1)" on the line between the exercise and expiration dates' columns: two printable
    # cuts as near as each other, none is chosen.
    lone = [*words[:4], Tok(314, 104, 107, "(1)"), *words[6:]]
    assert layout_fit.nearest_printable_cut(lone, starts, cols) is None


def test_a_form_5_table_over_five_pages_reads() -> None:
    # 0001127602-20-005231: Table II runs from page 4 to page 8, each page on its own grid; its
    # holdings on page 8 were refused ("a row's words do not fit the table's columns in order").
    # (The SEC's page itself does not show the conversion price's footnote of the 17 holdings.)
    name = "0001127602-20-005231"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    on_the_page = parse_bytes(html_of(name).encode(), f"{name}.html")
    assert misses(expected, got) == misses(expected, on_the_page)
    assert not [m for m in got.missing if m.startswith("derivative")]
    assert len(got.derivative_holdings) == len(expected.derivative_holdings) > 0


def test_a_moved_pages_two_columns_of_numbers_are_its_a_and_d() -> None:
    # pdftotext, 0000899243-17-024633's third page of Table II, mapped to the heading's grid: the
    # conversions' "572,704" (disposed) land at 88-95, a few characters inside (A) and so read
    # there, the Class B rows' "2,977,085" (acquired) at 66-75, left of (A). The page prints them
    # in two columns with blanks between: the left is (A), the right (D), whatever the map says.
    placed = {
        10: (3, _row(150, "572,704", 88, "a")),
        11: (3, _row(151, "25,233", 88, "a")),
        12: (3, _row(158, "2,977,085", 66, "a")),
        13: (3, _row(170, "66,057", 68, "a")),
        20: (4, _row(180, "3,387,282", 86, "a")),  # a page of one column: left as the map put it
    }
    cells = {k: [layout_cells._join(c) for c in cut] for k, (_p, cut) in placed.items()}
    unsure: dict[int, str | None] = {10: None, 11: None, 12: "2,977,085", 13: "66,057", 20: "3,387,282"}
    layout_fit.two_amount_columns(unsure, placed, cells, COLS)
    a, d = COLS.index("a"), COLS.index("d")
    assert [(cells[k][a], cells[k][d]) for k in (10, 11, 12, 13, 20)] == [
        ("", "572,704"), ("", "25,233"), ("2,977,085", ""), ("66,057", ""), ("3,387,282", "")
    ]  # fmt: skip
    assert [t.text for t in placed[10][1][d]] == ["572,704"] and not placed[10][1][a]
    assert unsure == {10: None, 11: None, 12: None, 13: None, 20: "3,387,282"}


def test_numbers_that_touch_are_one_column_and_a_row_with_two_words_leaves_its_page_unsure() -> None:
    # One column's numbers overlap or touch (a short number beside a long one): not two columns.
    placed = {1: (1, _row(10, "1,000", 70, "a")), 2: (1, _row(12, "2,977,085", 75, "a"))}
    cells = {k: [layout_cells._join(c) for c in cut] for k, (_p, cut) in placed.items()}
    unsure: dict[int, str | None] = {1: "1,000", 2: "2,977,085"}
    layout_fit.two_amount_columns(unsure, placed, cells, COLS)
    assert unsure == {1: "1,000", 2: "2,977,085"}
    # Two groups apart, but a row holds a mark in (D) beside its number in (A): the page is untold.
    placed = {1: (1, _row(10, "1,000", 66, "a")), 2: (1, _row(12, "2,500", 88, "d"))}
    placed[1][1][COLS.index("d")] = [Tok(10, 80, 83, "(4)")]
    cells = {k: [layout_cells._join(c) for c in cut] for k, (_p, cut) in placed.items()}
    unsure = {1: "1,000", 2: "2,500"}
    layout_fit.two_amount_columns(unsure, placed, cells, COLS)
    assert unsure == {1: "1,000", 2: "2,500"}


def test_cuts_differing_only_in_a_or_d_are_one_and_a_near_twin_leaves_that_unsure() -> None:
    near = _row(10, "5,952", 85, "a")
    far = _row(10, "5,952", 85, "d")
    other = _row(10, "5,952", 85, "a")
    other[COLS.index("code")] = [Tok(10, 60, 61, "M")]
    fit, unsure = layout_fit.ad_twins([(40.0, near), (42.5, far), (80.0, other)], COLS, 6.0)
    assert [cost for cost, _cut in fit] == [40.0, 80.0] and unsure == "5,952"
    # The twin 6 characters farther off or more: the nearest is sure.
    fit, unsure = layout_fit.ad_twins([(40.0, near), (46.0, far)], COLS, 6.0)
    assert [cost for cost, _cut in fit] == [40.0] and unsure is None


def test_a_mark_standing_where_the_page_prints_another_columns_values_is_that_columns() -> None:
    # 0001209191-12-017317, Table II on the page after its heading: the row above printed its
    # price as marks alone, "(2) (3)" at 166-173, and its conversion price's "(1)" at 18-21. In
    # the next row a cut giving those marks to the underlying amount ("61,704" at 153-159) or to
    # the title (whose words end at 11) stands off the page's grid; the one giving them to the
    # price and the conversion price does not.
    known = {COLS.index("conv"): (18, 21), COLS.index("ushares"): (146, 159), COLS.index("price"): (166, 173)}
    marks = [Tok(55, 166, 169, "(2)"), Tok(55, 170, 173, "(3)")]
    shares = Tok(56, 153, 159, "61,704")
    title = [Tok(53, 0, 6, "Series"), Tok(54, 0, 11, "Convertible"), Tok(57, 0, 9, "Preferred")]
    right: list[list[Tok]] = [[] for _ in COLS]
    right[COLS.index("title")] = title
    right[COLS.index("conv")] = [Tok(56, 18, 21, "(1)")]
    right[COLS.index("ushares")] = [shares]
    right[COLS.index("price")] = marks
    assert layout_fit._on_grid(right, known, COLS)
    to_shares = [list(c) for c in right]
    to_shares[COLS.index("ushares")], to_shares[COLS.index("price")] = [*marks, shares], []
    assert not layout_fit._on_grid(to_shares, known, COLS)
    to_title = [list(c) for c in right]
    to_title[COLS.index("title")], to_title[COLS.index("conv")] = [*title, Tok(56, 18, 21, "(1)")], []
    assert not layout_fit._on_grid(to_title, known, COLS)
    # A title's mark after its words (not where another column prints) stays the title's.
    own = [list(c) for c in right]
    own[COLS.index("title")] = [*title, Tok(57, 10, 13, "(4)")]
    assert layout_fit._on_grid(own, known, COLS)


def test_a_price_in_a_title_is_told() -> None:
    cut = _row(10, "2,960", 88, "a")
    cut[COLS.index("title")] = [Tok(9, 0, 10, "RESTRICTED"), Tok(10, 0, 5, "STOCK"), Tok(10, 23, 25, "$0")]
    assert layout_fit.price_in_text(cut, COLS)
    cut[COLS.index("title")] = cut[COLS.index("title")][:2]
    assert not layout_fit.price_in_text(cut, COLS)


def test_a_number_on_the_line_between_acquired_and_disposed_is_neither() -> None:
    # pdftotext -layout of a print in DejaVu (where Liberation is missing) sets the heading's
    # "(A)   (D) Date" tighter than the row below: the row's acquired "784" stands across the line
    # between the two columns, where (D) begins (it was read disposed). Listed missing; the rest read.
    name = "0001179110-14-007110"
    got = parse_bytes((PAGES / f"{name}.pdftotext-layout-dejavu.txt").read_bytes(), name)
    (row,) = got.derivative_transactions
    assert row.acquired_disposed.value is None and row.shares.value == 784
    assert "derivative_transactions[0].acquired_disposed" in got.missing
    assert not misses(reference(name), got)  # (what it says missing aside)


def test_astride_acquired_and_disposed() -> None:
    starts = [0.0] * len(COLS)
    a, d = COLS.index("a"), COLS.index("d")
    starts[a], starts[d], starts[d + 1] = 72.0, 76.5, 82.0
    assert layout_fit.astride_acquired_and_disposed(_row(1, "784", 76, "d"), starts, COLS) == "784"  # mid 77.5
    assert layout_fit.astride_acquired_and_disposed(_row(1, "784", 78, "d"), starts, COLS) is None  # under (D)
    assert layout_fit.astride_acquired_and_disposed(_row(1, "784", 72, "a"), starts, COLS) is None  # under (A)
    # (past (D), as rows cut by their words' types off the headings stand: their cut tells)
    assert layout_fit.astride_acquired_and_disposed(_row(1, "1,784", 84, "d"), starts, COLS) is None


def test_a_dollar_cut_off_its_price_into_a_title_leaves_the_table_unread() -> None:
    # pdftotext -layout of a DejaVu print sets the wrapped title "(right to" a space from the
    # conversion price "$ 87.72": cut there, the "$" went to the title ("Option (right to $ buy)").
    # Where the title ends cannot be told: Table II is listed missing, nothing read wrong.
    name = "0001179110-20-002274"
    got = parse_bytes((PAGES / f"{name}.pdftotext-layout-dejavu.txt").read_bytes(), name)
    assert got.derivative_transactions == ()
    assert "derivative_transactions" in got.missing
    assert not misses(reference(name), got)
    cut: list[list[Tok]] = [[] for _ in COLS]
    cut[COLS.index("title")] = [Tok(3, 0, 6, "Option"), Tok(4, 0, 6, "(right"), Tok(4, 7, 9, "to"), Tok(4, 10, 11, "$")]
    cut[COLS.index("conv")] = [Tok(4, 12, 17, "87.72")]
    assert layout_fit.dollar_in_title(cut, COLS) == "(right to $"
    cut[COLS.index("conv")] = [Tok(3, 12, 17, "87.72")]  # (the price on another line: no cut "$")
    assert layout_fit.dollar_in_title(cut, COLS) is None


def test_a_row_on_the_page_after_the_heading_sub_labels_leaves_acquired_or_disposed_unsaid() -> None:
    # pdftotext -layout of a DejaVu print: the page break falls inside Table II's heading, after
    # "(A)   (D)" and before "of / Shares"; the row stands on the next page, laid out on that page's
    # own grid, taken for the heading's page (its last heading lines are there). Its acquired
    # "9,735" stood under "(D)" of the page before and was read disposed.
    name = "0001179110-20-005179"
    got = parse_bytes((PAGES / f"{name}.pdftotext-layout-dejavu.txt").read_bytes(), name)
    (row,) = got.derivative_transactions
    assert row.acquired_disposed.value is None and row.shares.value == 9735
    assert "derivative_transactions[0].acquired_disposed" in got.missing
    assert not misses(reference(name), got)  # (what it says missing aside)


def test_off_label_page() -> None:
    starts = [0.0] * len(COLS)
    a, d = COLS.index("a"), COLS.index("d")
    starts[a], starts[d], starts[d + 1] = 72.0, 77.5, 83.5
    pages = [0] * 10 + [1] * 10
    # "9,735" at 78-83 (middle 80.5, 3 from the line): on the label's page, not unsure here...
    assert layout_fit.off_label_page(_row(5, "9,735", 78, "d"), starts, COLS, pages, 0) is None
    # ...on the next page, as unsure as a moved page's number; one well inside (D) is not.
    assert layout_fit.off_label_page(_row(15, "9,735", 78, "d"), starts, COLS, pages, 0) == "9,735"
    assert layout_fit.off_label_page(_row(15, "457", 78, "d"), starts, COLS, pages, 0) == "457"
    assert layout_fit.off_label_page(_row(15, "9", 82, "d"), starts, COLS, pages, 0) is None
    lines = ["Code V (A) (D) Date", "Exercisable", "of", "Shares"]
    assert layout_fit.ad_label_page(lines, 0, 4, [3, 3, 4, 4]) == 3
    assert layout_fit.ad_label_page(lines[1:], 0, 3, [3, 4, 4]) is None


def test_a_moved_pages_amount_of_three_digits_is_as_unsure_as_a_grouped_one() -> None:
    # A moved page's "854" on the line between (A) and (D) was read disposed: the unsure check
    # looked only for grouped numbers ("1,854") and prices. (An ungrouped amount is unsure on the
    # line itself only, as on the heading's page: a Form 5's "111" 4 characters off it is read.)
    name = "0000320193-20-000032"
    got = parse_bytes((PAGES / f"{name}.pdftotext-layout-dejavu.txt").read_bytes(), name)
    (row,) = got.derivative_transactions
    assert row.acquired_disposed.value is None and row.shares.value == 854
    assert not misses(reference(name), got)


def test_rows_of_one_page_on_grids_of_their_own_are_not_read() -> None:
    # pypdf's layout lays Table II's second to fifth rows narrower than the first: their D stands 16
    # characters left of the first row's, their amount "100,000" under (A) where the first row's
    # "60,000" stands under (D), and the exercise date's mark "(3)" beside the amount, the expiration
    # date under the exercise date's heading (16 wrong values). Where rows' D or I stand so far apart,
    # where a row's cells stand tells no column: the table is said missing.
    name = "input_08455750"
    got = parse(PAGES / f"{name}.pypdf-layout.txt")
    assert got.derivative_transactions == () and "derivative_transactions" in got.missing
    assert any("grids of their own" in n.message for n in got.notes)
    assert got.reporting_owners and got.reporting_owners[0].name == reference(name).reporting_owners[0].name

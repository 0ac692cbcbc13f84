"""Tables laid out as text (layout.py): columns from the headings, rows anchored on their D or I, each
row's words cut into cells by type and position; and the parts below the tables read from positions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from section16 import parse
from section16.errors import ParseError
from section16.read.rendered import box_one_street, layout, layout_cells, layout_rows, tables
from section16.read.rendered.text_notes import _footnote_of_lines

from .conftest import PAGES, at, misses, reference, shown, toks

COLS_T1 = tables.columns("4", 1)
# Column starts as a Form 4 Table I heading gives them: title, date, deemed, code, V, amount, (A)/(D),
# price, after, D/I, nature.
STARTS = [0.0, 44.0, 61.0, 80.0, 92.0, 98.0, 110.0, 119.0, 128.0, 170.0, 182.0]


def test_cells_one_space_apart_are_told_apart_by_type() -> None:
    # pdftotext prints "16,000 A" and "217.4669 8,549" with one space between two cells.
    line = at((0, "Common Stock"), (44, "04/24/2025"), (82, "P"), (99, "16,000 A"), (119, "217.4669 8,549"), (172, "D"))
    cells = layout.assign(toks(line), STARTS, COLS_T1)
    assert cells is not None
    got = dict(zip(COLS_T1, cells, strict=True))
    assert (got["amount"], got["ad"], got["price"], got["after"], got["di"]) == (
        "16,000",
        "A",
        "217.4669",
        "8,549",
        "D",
    )
    assert got["title"] == "Common Stock" and got["date"] == "04/24/2025" and got["code"] == "P"


def test_a_row_a_few_characters_off_its_headings_still_fits() -> None:
    # Every cell four to six characters right of its heading.
    shifted = at((0, "Common Stock"), (49, "04/24/2025"), (86, "P"), (104, "16,000"), (115, "A"), (124, "$ 5.36"),
                 (134, "8,536,067"), (176, "I"))  # fmt: skip
    cells = layout.assign(toks(shifted), STARTS, COLS_T1)
    assert cells is not None
    got = dict(zip(COLS_T1, cells, strict=True))
    assert (got["date"], got["code"], got["amount"], got["price"], got["di"]) == (
        "04/24/2025",
        "P",
        "16,000",
        "$ 5.36",
        "I",
    )


def test_a_row_no_assignment_fits_is_refused() -> None:
    # Two dates and no Ownership Form: no cut of these words reads as the table's columns.
    assert layout.assign(toks("Common Stock  04/24/2025  04/25/2025 05/01/2025"), STARTS, COLS_T1) is None


def test_footnote_mark_under_a_value_stays_with_it() -> None:
    line = at((0, "Common Stock"), (44, "04/24/2025"), (82, "P"), (99, "16,000 A"), (119, "217.4669 8,549"), (172, "D"))
    rows = toks(line, 1)
    mark = toks(at((128, "(1)")), 0)  # above "8,549"
    cells = layout.assign(mark + rows, STARTS, COLS_T1)
    assert cells is not None
    assert dict(zip(COLS_T1, cells, strict=True))["after"] == "(1) 8,549"


def test_rows_without_blank_lines_go_to_the_anchor_they_are_centred_on() -> None:
    # Row 1 on line 0; row 2's "189" stands on line 1, stacked under row 1's "472", and centred on
    # row 2's anchor line 2 together with its "(1)" on line 3.
    lines = [
        "Common Stock     01/15/2024     M      472      A    $0      6,076     D",
        "                                       189           $",
        "Common Stock     01/15/2024     F               D           5,887     D",
        "                                       (1)           146.56",
    ]
    data = [0, 1, 2, 3]
    runs = {i: [layout.Tok(i, m.start(), m.end(), m.group(0)) for m in layout._CHUNK_RE.finditer(ln)]
            for i, ln in enumerate(lines)}  # fmt: skip
    assert layout_rows.bands(data, [0, 2], runs) == {0: 0, 1: 1, 2: 1, 3: 1}


def test_column_starts_need_the_first_and_last_labels() -> None:
    head = [
        "1.Title of Security   2. Transaction   2A. Deemed   3. Transaction     4. Securities Acquired   5. Amount",
        "(Instr. 3)            Date             Execution    Code (Instr. 8)    (A) or Disposed of (D)",
    ]
    # "6." and "7." are cut off at the page edge: the columns are not placed by guesswork.
    assert layout.column_starts(head, "4", 1) is None


def test_pdftotext_page_split_row_is_read_right_or_refused() -> None:
    # chromium cut a row of this filing across two pages, and pdftotext printed the rows without
    # blank lines: where the lines fit two rows alike, Table I is refused rather than guessed.
    page = PAGES / "0000320193-20-000023.pdftotext-layout.txt"
    expected = reference("0000320193-20-000023")
    try:
        got = parse(page)
    except ParseError as e:
        assert e.where == "Table I"
        return
    assert [m for m in misses(expected, got) if ".address." not in m[0]] == []


def test_footnotes_parted_by_blank_lines() -> None:
    # (1) on line 0 with a continuation on line 1; blank line; (2) on line 3.
    assert _footnote_of_lines([0, 1, 3], [0, 3], set()) == {0: 0, 1: 0, 3: 1}


def test_footnotes_centred_on_their_numbers() -> None:
    # A PDF prints "(2)" beside the middle of its three lines (lines 10-14), with no blank lines
    # telling the footnotes apart; footnote 1 is the single line 7.
    assert _footnote_of_lines([7, 10, 12, 14], [7, 12], set()) == {7: 0, 10: 1, 12: 1, 14: 1}


@pytest.mark.parametrize(
    ("box", "owners", "street"),
    [
        # The older stylesheets join street lines with ", " in box 1; the owners table prints them apart.
        (["C/O MICROSOFT CORPORATION, ONE MICROSOFT WAY"], ["Walmsley Emma N", "C/O MICROSOFT CORPORATION",
         "ONE MICROSOFT WAY", "REDMOND, WA 98052-6399"], ["C/O MICROSOFT CORPORATION", "ONE MICROSOFT WAY"]),
        # A PDF wrapped box 1 after "ONE": the owners table does not break there, so that is a wrap.
        (["C/O MICROSOFT CORPORATION, ONE", "MICROSOFT WAY"], ["Walmsley Emma N", "C/O MICROSOFT CORPORATION",
         "ONE MICROSOFT WAY", "REDMOND, WA 98052-6399"], ["C/O MICROSOFT CORPORATION", "ONE MICROSOFT WAY"]),
        # A street1 ending in a comma keeps it.
        (["C/O SEQUOIA CAPITAL,", "2800 SAND HILL ROAD, SUITE 101"],
         ["BOTHA ROELOF", "C/O SEQUOIA CAPITAL,", "2800 SAND HILL ROAD, SUITE 101", "MENLO PARK, CA 94025"],
         ["C/O SEQUOIA CAPITAL,", "2800 SAND HILL ROAD, SUITE 101"]),
        # One street wrapped in both places, at different words: one street line.
        (["100 VERY LONG INDUSTRIAL", "PARKWAY"], ["X CORP", "100 VERY LONG", "INDUSTRIAL PARKWAY", "TOWN, CA 90000"],
         ["100 VERY LONG INDUSTRIAL PARKWAY"]),
        # The owners table does not show the street: it cannot tell.
        (["1 MAIN ST", "SUITE 2"], ["SOMEONE ELSE", "9 OTHER RD", "TOWN, CA 90000"], None),
    ],
)  # fmt: skip
def test_wrapped_box_one_street(box: list[str], owners: list[str], street: list[str] | None) -> None:
    assert box_one_street.unwrap_street(box, owners) == street


def test_pdf_wrapped_street_is_split_where_the_owners_table_breaks() -> None:
    got = parse(PAGES / "0000789019-26-000064.chromium-pdf.pdf")
    address = got.reporting_owners[0].address
    assert address is not None
    assert (address.street1, address.street2) == ("C/O MICROSOFT CORPORATION", "ONE MICROSOFT WAY")
    expected = reference("0000789019-26-000064")
    assert shown(expected, got) > 20
    assert misses(expected, got) == []


@pytest.mark.parametrize(
    "name",
    [
        "0000034088-26-000049",  # rows without blank lines, natures over three lines, marks risen apart
        "0000899243-19-021682",  # natures ending "(2)" over four lines, Table I running on to page 2
        "0000019446-06-000081",  # Table II values printed ten characters left of their headings
        "0000320193-20-000032",  # sub-headings "Code V (A) (D)" right of their labels "4." and "5."
        "0000950170-25-003585",  # Table I over three pages, each laid out on its own grid
        "0000899243-21-044060",  # 30 rows, the value and its D a line below the rest, over two pages
        "0000899243-18-029394",  # box 3's date printed one space after a long box-1 street line
    ],
)
def test_pdftotext_pages_read_whole(name: str) -> None:
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert got.source.format == "text"
    assert shown(expected, got) > 20
    assert misses(expected, got) == []


def test_a_cell_holds_each_footnote_mark_once() -> None:
    # Marks printed one over the other stand in one spot, one cell; "(4)" over "(4)" is two cells'
    # marks run together, and no cut of the row reads it.
    cols = tables.columns("4", 2)
    starts = [0.0, 12.0, 24.0, 41.0, 60.0, 75.0, 78.5, 86.0, 96.0, 110.5, 126.0, 137.0, 149.0, 161.0, 174.0, 188.0]
    row = at((0, "Notes"), (24, "05/22/2026"), (71, "H"), (87, "150,000"), (110, "09/21/2026"), (125, "Shares"),
             (138, "636"), (164, "0"), (175, "D"))  # fmt: skip

    def with_marks(upper: str, lower: str) -> list[layout.Tok]:
        return toks(at((145, upper)), 0) + toks(row, 1) + toks(at((146, lower)), 2)

    assert layout.assign(with_marks("(4)", "(4)"), starts, cols) is None
    cells = layout.assign(with_marks("(4)", "(5)"), starts, cols)
    assert cells is not None
    assert dict(zip(cols, cells, strict=True))["ushares"] == "(4) 636 (5)"


def test_a_lone_dollar_sign_is_the_values_not_the_titles() -> None:
    # "$" of the conversion price stands alone on a line inside the title's column range.
    cols = tables.columns("4", 2)
    starts = [0.0, 18.0, 29.0, 48.0, 62.0, 75.0, 80.0, 86.5, 95.0, 111.5, 125.0, 134.5, 148.0, 160.0, 173.0, 187.0]
    lines = [
        at((0, "Non-Qualifed")),
        at((0, "Stock")),
        at((14, "$")),
        at(
            (16, "2.79"),
            (28, "03/08/2023"),
            (73, "M"),
            (87, "5,250"),
            (112, "03/08/2033"),
            (125, "Common"),
            (137, "5,250"),
            (150, "$0"),
            (162, "0"),
            (175, "D"),
        ),
        at((0, "Option")),
    ]
    cells = layout.assign([t for i, ln in enumerate(lines) for t in toks(ln, i)], starts, cols)
    assert cells is not None
    got = dict(zip(cols, cells, strict=True))
    assert (got["title"], got["conv"]) == ("Non-Qualifed Stock Option", "$ 2.79")


def test_footnotes_parted_by_the_short_last_lines_of_their_paragraphs() -> None:
    # A page break put "(14)" on the first line of its text, not beside its middle: lines 10-12 are
    # footnote 14 (line 12 short, ending a sentence), 13-15 footnote 15 with "(15)" centred.
    got = _footnote_of_lines([10, 11, 12, 13, 14, 15], [10, 14], set(), {12, 15})
    assert got == {10: 0, 11: 0, 12: 0, 13: 1, 14: 1, 15: 1}


def test_a_number_between_acquired_and_disposed_on_a_moved_page_is_not_guessed() -> None:
    cols = tables.columns("4", 2)
    starts = [0.0, 14.0, 26.0, 43.0, 62.0, 75.5, 80.0, 86.5, 95.0, 111.5, 125.0, 134.5, 148.0, 160.0, 173.0, 187.0]

    def row(x: int) -> list[layout.Tok]:
        cells = [(0, "Option"), (16, "$ 10.29"), (28, "11/20/2020"), (63, "M"), (x, "2,565"), (112, "04/12/2028"),
                 (125, "Common"), (137, "2,565"), (150, "$0"), (162, "0"), (175, "D")]  # fmt: skip
        return toks(at(*cells), 1)

    near, clear, outside = row(84), row(89), row(73)
    for words in (near, clear, outside):
        assert layout.assign(words, starts, cols) is not None
    ad = cols.index("a"), cols.index("d")

    def unsure(words: list[layout.Tok]) -> str | None:
        got = layout.assign_placed(words, starts, cols)
        assert got is not None
        return layout._unsure_acquired_or_disposed(got[1], starts, cols)

    assert unsure(clear) is None  # well inside (D): read
    assert unsure(near) == "2,565"  # on the line between (A) and (D)
    assert unsure(row(80)) == "2,565"  # its middle 4 characters left of that line: either's
    assert unsure(outside) == "2,565"  # left of (A): the map stretched the page's closed-up columns
    assert ad == (6, 7)


def test_a_moved_pages_acquired_or_disposed_the_map_cannot_place_is_said_missing() -> None:
    # 26 option exercises, 2 on the heading's page and 18 on the next, which pdftotext lays out on
    # its own grid with the empty columns closed up: the code "M" and the number ("2,072", under
    # (D)) stand 4 characters apart, and the map between the dates put the number left of (A). The
    # third page's 6 numbers stand inside (D), the map's place for them is kept.
    name = "0001179110-20-011380"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert misses(expected, got) == []
    unsure = [f"derivative_transactions[{i}].acquired_disposed" for i in range(2, 20)]
    assert [m for m in got.missing if m.startswith("derivative")] == unsure
    rows = got.derivative_transactions
    assert [r.acquired_disposed.value for r in rows[:2]] == ["D", "D"]
    assert [r.acquired_disposed.value for r in rows[2:20]] == [None] * 18
    assert [r.acquired_disposed.value for r in rows[20:]] == ["D"] * 6
    assert [r.shares.value for r in rows] == [r.shares.value for r in expected.derivative_transactions]
    assert any("acquired or disposed cannot be told" in n.message for n in got.notes)


def test_a_mark_follows_its_value_and_a_dollar_leads_it() -> None:
    # Two cells one space apart on a moved page: "(2)" left of "10,714,287" is the cell before's, and
    # "$" right of the number is the cell after's.
    line = [layout.Tok(1, 80, 83, "(2)"), layout.Tok(1, 86, 92, "Common")]
    assert layout_cells._mark_before_value(line)
    assert not layout_cells._mark_before_value([layout.Tok(1, 80, 86, "Common"), layout.Tok(1, 87, 90, "(2)")])
    assert layout_cells._mark_before_value([layout.Tok(1, 105, 115, "10,714,287"), layout.Tok(1, 125, 126, "$")])
    assert not layout_cells._mark_before_value([layout.Tok(1, 125, 126, "$"), layout.Tok(1, 127, 132, "15.89")])
    # A mark on the line above its value is its own (a superscript risen off the line).
    assert not layout_cells._mark_before_value([layout.Tok(0, 120, 123, "(1)"), layout.Tok(1, 125, 130, "8,549")])


def test_a_number_alone_on_a_line_right_of_a_title_is_not_the_titles() -> None:
    common, stock = layout.Tok(0, 127, 133, "Common"), layout.Tok(2, 128, 133, "Stock")
    assert not layout_cells._left_aligned([common, layout.Tok(1, 138, 140, "12"), stock])
    # A year wrapped on to its own line at the cell's edge is the cell's ("By Sequoia / 2010 / Fund").
    assert layout_cells._left_aligned([common, layout.Tok(1, 127, 131, "2010"), stock])


def test_a_rows_d_or_i_squeezed_left_of_its_column_is_still_its_ownership_form() -> None:
    # pdftotext squeezes a row's right end towards its left: the D stands 10.5 characters left of
    # its column's range (farther than any other cell may), within what anchors it as the row's D.
    line = at((0, "Common Stock"), (44, "04/24/2025"), (82, "P"), (99, "16,000 A"), (119, "217.4669 8,549"), (158, "D"))
    cells = layout.assign(toks(line), STARTS, COLS_T1)
    assert cells is not None
    got = dict(zip(COLS_T1, cells, strict=True))
    assert (got["after"], got["di"], got["nature"]) == ("8,549", "D", "")
    # A word that is not a D or I is held to the usual reach.
    words = at((0, "Common Stock"), (44, "04/24/2025"), (82, "P"), (99, "16,000 A"), (119, "217.4669 8,549"),
               (158, "Dx"))  # fmt: skip
    assert layout.assign(toks(words), STARTS, COLS_T1) is None


def test_a_cell_stands_on_its_pages_grid_where_the_pages_other_rows_print_its_column() -> None:
    cols = tables.columns("4", 2)
    # The page's other rows print the exercisable date's marks at 87-90, the expiration date's at
    # 99-102, the amount owned at 145-155.
    known = {cols.index("exer"): (87, 90), cols.index("exp"): (99, 102), cols.index("after"): (145, 155)}

    def cut(**at_x: tuple[int, str]) -> list[list[layout.Tok]]:
        return [
            [layout.Tok(0, at_x[c][0], at_x[c][0] + len(at_x[c][1]), at_x[c][1])] if c in at_x else [] for c in cols
        ]

    assert layout._on_grid(cut(exer=(87, "(2)"), exp=(99, "(2)"), d=(71, "3,330,804")), known, cols)
    # The same marks cut as the expiration date and the title's: the first stands under the
    # exercisable dates, not the expiration dates.
    assert not layout._on_grid(cut(exp=(87, "(2)"), ushares=(99, "(2)")), known, cols)
    # A value reaching under the next column's cells.
    assert not layout._on_grid(cut(price=(140, "1,000,000")), known, cols)
    assert layout._extents([cut(exer=(87, "(2)")), cut(exer=(88, "(2)"), exp=(99, "05/01/2030"))], cols) == {
        cols.index("exer"): (87, 91),
        cols.index("exp"): (99, 109),
    }


def test_rows_the_headings_cannot_place_are_cut_on_their_pages_grid() -> None:
    # Table II's transaction row stands off its headings, and its cuts by type put "(2)" "(2)" in
    # the exercisable and expiration dates or elsewhere alike: the page's holdings rows print their
    # dates' marks at the same places, which settles the cut.
    got = parse(PAGES / "0001209191-23-055596.pdftotext-layout.txt")
    expected = reference("0001209191-23-055596")
    assert (len(got.derivative_transactions), len(got.derivative_holdings)) == (1, 4)
    assert got.derivative_transactions[0].acquired_disposed.value == "D"
    assert misses(expected, got) == []
    assert shown(expected, got) > 140


def test_a_table_of_many_rows_off_their_headings_is_refused_not_weighed_row_by_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each row cut by its words' types weighs up to thousands of cuts: a table of more such rows
    # than any filing has is listed missing (a hostile page would take seconds).
    page = PAGES / "0001209191-23-055596.pdftotext-layout.txt"
    assert len(parse(page).derivative_transactions) == 1
    monkeypatch.setattr(layout, "_MAX_TYPED_ROWS", 0)
    got = parse(page)
    assert {"derivative_transactions", "derivative_holdings"} <= set(got.missing)
    assert got.derivative_transactions == ()
    # The page's Table II rows repeated 20 times: more rows off the grid than weighed.
    monkeypatch.setattr(layout, "_MAX_TYPED_ROWS", 40)
    lines = page.read_text().split("\n")
    many = parse("\n".join(lines[:92] + lines[92:114] * 20 + lines[114:]).encode())
    assert {"derivative_transactions", "derivative_holdings"} <= set(many.missing)


def test_rows_under_a_heading_cut_by_the_page_break_are_anchored_by_their_last_d_or_i() -> None:
    # Table II's heading runs over a page break: its labels stand on page 1's grid, its rows on
    # page 2's, so no row's D stands under the Ownership Form's label. Cut by type, each row is
    # anchored by the last lone D or I of a line that reads as a row.
    got = parse(PAGES / "0001209191-12-001744.pdftotext-layout.txt")
    expected = reference("0001209191-12-001744")
    assert (len(got.derivative_transactions), len(got.derivative_holdings)) == (2, 1)
    assert not any(n.where.startswith("Table") for n in got.notes)
    assert misses(expected, got) == []


def test_sub_headings_shifted_right_of_their_labels_still_place_acquired_and_disposed() -> None:
    # "Code V (A) (D)" stand 7 to 14 characters right of the labels "4." and "5." above them: "(D)"
    # starts 14 past label "6.", still left of group 6's own "Date Exercisable". "76,198" under
    # "(A)" is acquired.
    name = "0001179110-20-002276"
    head = (PAGES / f"{name}.pdftotext-layout.txt").read_text().split("\n")[48:64]
    starts = layout.column_starts(head, "4", 2)
    assert starts is not None
    cols = tables.columns("4", 2)
    assert starts[cols.index("a")] < 87 < starts[cols.index("d")]  # "76,198" at 84-90
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert misses(reference(name), got) == []
    assert got.derivative_transactions[0].acquired_disposed.value == "A"


def test_a_heading_cut_by_a_page_break_is_not_laid_out_again_where_that_loses_its_a_and_d() -> None:
    # The heading's labels on one page, "Code V (A) (D)" and the row on the next, whose grid is not
    # one stretch of the first: laid out again, "(A)" and "(D)" no longer stand under "5." (the row
    # read so gave its transaction date as the deemed date and "1,248" as disposed). Read as printed
    # instead, by the words' types near the headings.
    name = "0001179110-20-000860"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert misses(reference(name), got) == []
    row = got.derivative_transactions[0]
    assert (row.transaction_date.value, row.deemed_execution_date.value) == (date(2020, 1, 24), None)
    assert row.acquired_disposed.value == "A"


def test_a_rows_words_that_read_as_heading_words_below_its_values_are_not_taken_as_heading() -> None:
    # The row's lines "Stock" / "(1) (1) Common" / "Equivalent (1) 03/31/2020 A 399" / "Shares"
    # stand right under "Code V (A) (D) ... of Shares", no blank line between, its D two lines
    # further down: "Shares" reads as heading words, and taken as the heading's end it lost the
    # four lines above it (the row was read as a holding titled "Units"). The heading ends above
    # the first line holding a value ("(1) (1) Common"): the words below it are the row's.
    name = "0001179110-20-004563"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert misses(reference(name), got) == []
    assert len(got.derivative_transactions) == len(reference(name).derivative_transactions) > 0
    assert not {"derivative_transactions", "derivative_holdings"} & set(got.missing)
    assert not any(n.where == "Table II" for n in got.notes)


def test_a_holdings_number_under_the_price_column_is_cut_by_type_not_dropped() -> None:
    # Each option holding prints its underlying amount and its amount owned ("77,547  77,547 D"),
    # both a little right of their headings: by position the first fell under "8. Price", which a
    # holding does not show, and the form read the row without it. Cut by the words' types, it is
    # the underlying amount.
    name = "0001209191-20-003926"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert misses(reference(name), got) == []
    assert [h.underlying_shares.value for h in got.derivative_holdings] == [182006, 77547, 40292]


def test_a_footnote_mark_raised_a_line_one_space_after_its_value_is_the_values() -> None:
    # "(2)" on the line above, one space after "04/08/2018" and one before "04/08/2026": a mark
    # follows its value, so it is the exercise date's.
    name = "0001140361-20-003111"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert misses(reference(name), got) == []
    row = got.derivative_holdings[1]
    assert (row.exercise_date.footnote_ids, row.expiration_date.footnote_ids) == (("F2",), ())


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("0001062993-23-018084", 2),  # "Restricted" / "Stock" / "Units" twice, no line between
        ("0001209191-21-051298", 3),  # "Series A" / "Preferred" / "Stock", then B, then C
    ],
)
def test_titles_of_back_to_back_rows_that_may_run_on_are_said_missing(name: str, rows: int) -> None:
    # The rows' cut leaves each title ending as the next one starts ("Restricted Stock Units
    # Restricted", "Series A Preferred Stock Series B"): the page does not tell which row that line
    # is, so the titles are said missing and the rest of the rows read.
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert misses(reference(name), got) == []
    titles = [f"derivative_transactions[{i}].security_title" for i in range(rows)]
    assert [m for m in got.missing if m.startswith("derivative_transactions[")] == titles
    assert [r.security_title.value for r in got.derivative_transactions] == [None] * rows
    assert all(r.shares.value for r in got.derivative_transactions)


def test_an_amount_printed_one_space_after_a_long_title_is_the_amount_owned() -> None:
    # Form 3, Table I: pdftotext prints the holding's "700" one space after its title ("... Series
    # 2020-1 700"), 22 characters left of the amount's column. By position the title takes it and
    # the row shows no amount owned, which no row of the form lacks: the row is cut by its words'
    # types instead, and the amount is read, not silently dropped.
    got = parse(PAGES / "0000899243-20-030949.pdftotext-layout.txt")
    [holding] = got.non_derivative_holdings
    assert holding.security_title.value == "Variable Rate MuniFund Term Preferred Shares, Series 2020-1"
    assert holding.shares_owned_after.value == 700
    assert misses(reference("0000899243-20-030949"), got) == []


def test_a_transactions_date_under_the_deemed_dates_heading_is_cut_by_types() -> None:
    # Table II's heading is cut by a page break, its labels laid out on another grid than its rows:
    # by position the row's one date lands under "3A. Deemed", leaving a transaction (code "A")
    # without its date, which the form never prints. Cut by its words' types, the lone date next
    # to the transaction date's column is that date.
    got = parse(PAGES / "0001179110-20-002278.pdftotext-layout.txt")
    [row] = got.derivative_transactions
    assert row.transaction_date.value == date(2020, 2, 21)
    assert row.deemed_execution_date.value is None
    assert [m for m in misses(reference("0001179110-20-002278"), got) if m[0].startswith("derivative")] == []


@pytest.mark.parametrize(
    ("name", "nature"),
    [
        ("0001104659-20-016112", "Shares owned of record by Gull Global Limited"),
        ("0001193125-26-236842", "See Explanation of Responses"),
    ],
)
def test_a_first_rows_nature_that_starts_above_its_values_is_not_heading(name: str, nature: str) -> None:
    # The first row's nature of ownership, centred on its row, starts lines above the row's values,
    # right under the heading; its words ("Shares", "owned", "of", "record"; "See", "Explanation",
    # "of") read as heading words. Below the line that ends the nature column's heading ("(Instr.
    # 4)"), lines with words in that column alone (a "$" at most left of it) are the row's.
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert got.non_derivative_transactions[0].nature_of_ownership.value == nature
    assert [m for m in misses(reference(name), got) if m[0].startswith("non_derivative")] == []


def test_a_footnote_mark_ending_a_prices_stack_is_the_prices() -> None:
    # The last row's price wraps as "$" / "941.25" / "(9)"; pdftotext sets the small "(9)" 15
    # characters right of "941.25", nearer the amount owned ("15,657", two lines up) than the
    # price. A mark alone on its line under a "$" stack's value, nothing right above it, ends that
    # stack: it is the price's.
    name = "0001850865-26-000012"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    last = got.non_derivative_transactions[8]
    assert last.price_per_share.footnote_ids == ("F9",)
    assert last.shares_owned_after.footnote_ids == ()
    assert [m for m in misses(reference(name), got) if m[0].startswith("non_derivative")] == []


def test_a_footnote_mark_under_a_one_line_price_stays_the_prices() -> None:
    # "$ 69.35" over "(3)" (a price and its mark, one line apart), and "7,958" on the line between,
    # left of the mark: the mark stands under the price, no "$" stack ends above it, so it is not
    # moved to the amount.
    name = "0001127602-19-019390"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert got.derivative_transactions[1].price_per_share.footnote_ids == ("F3",)
    assert [m for m in misses(reference(name), got) if m[0].startswith("derivative")] == []


def test_a_page_break_with_a_value_on_the_next_pages_first_line_parts_rows_as_a_blank_line() -> None:
    # pdftotext parts each of Table I's 21 rows by a blank line, but prints none at a page break:
    # there two rows' lines stood as one group with two D's, and the rows were cut as back to back
    # (the next row's "$ 1,100.287" taken into the row above). A page whose first line holds a
    # value (what a row the break cut runs on with holds none) starts a row there.
    name = "0000899243-21-046681"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert len(got.non_derivative_transactions) == 21
    assert [m for m in misses(reference(name), got) if m[0].startswith("non_derivative")] == []


def test_a_nature_run_on_past_a_page_break_is_not_parted_from_its_row() -> None:
    # "By Reprogrammed" ends a page and "Interchange LLC" starts the next, words and no value: the
    # break does not part the rows there (the run-on words are the row's above).
    name = "0001819848-23-000411"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert got.non_derivative_holdings[0].nature_of_ownership.value == "By Reprogrammed Interchange LLC"
    assert [m for m in misses(reference(name), got) if m[0].startswith("non_derivative")] == []


def test_a_footnote_mark_raised_clear_left_of_a_titles_words_is_the_column_befores() -> None:
    # Table II holdings: "(6)" and "(7)" (the exercise and expiration dates, shown by their marks)
    # stand a line above "Common", the "(7)" ten characters left of it. A mark follows its text, so
    # a mark on a line of its own clear left of every word of a title is not that title's: by
    # position it went to the underlying title, now to the expiration date.
    name = "0001209191-22-024552"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert [h.expiration_date.footnote_ids for h in got.derivative_holdings] == [("F7",)] * 3
    assert [h.underlying_title.footnote_ids for h in got.derivative_holdings] == [()] * 3
    assert [m for m in misses(reference(name), got) if m[0].startswith("derivative")] == []


def test_a_row_whose_only_cut_gives_a_title_a_mark_clear_left_of_it_is_not_given() -> None:
    # On a later page laid out on its own grid, the raised "(1)" of the expiration date stands clear
    # left of "Class B" / "Common" / "Stock (2)": the only cut by position put it in the underlying
    # title (a wrong footnote there and none on the date), so the row is cut by type. Its cuts giving
    # the price's raised "(2) (3)" to the underlying amount, or the conversion price's "(1)" to the
    # title, stand off the page's grid (the row above prints those columns there:
    # layout_fit._marks_in_other_columns); the one left reads every field right (before, the table
    # was said missing: 84 fields).
    name = "0001209191-12-017317"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert not [m for m in got.missing if m.startswith("derivative")]
    assert len(got.derivative_transactions) == len(expected.derivative_transactions) == 6
    assert [r.exercise_date.footnote_ids for r in got.derivative_transactions][:2] == [("F1",), ("F1",)]
    assert misses(expected, got) == []


def test_a_table_whose_rows_show_no_d_or_i_does_not_withhold_the_other() -> None:
    # pdftotext, 0001246360-20-001800: Table II's rows print their D far right of its Ownership Form
    # column and no D or I of theirs is found under it (said missing, with why); Table I's rows, read
    # on their own lines and columns, are given. (0000899243-21-032834, this test's page before,
    # now reads its Table I: test_layout_rows.)
    name = "0001246360-20-001800"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert "derivative_transactions" in got.missing and got.derivative_transactions == ()
    assert any(n.where == "Table II" and "Ownership Form (D or I)" in n.message for n in got.notes)
    assert "non_derivative_holdings" not in got.missing
    assert len(got.non_derivative_holdings) == len(reference(name).non_derivative_holdings) == 2
    assert not any(n.where == "Table I" for n in got.notes)
    assert misses(reference(name), got) == []


def test_rows_tied_over_a_page_break_whose_titles_may_run_on_are_read_both_ways() -> None:
    # pdftotext, 0001062993-24-008173: Table I's twelve rows run over a page break, back to back,
    # each title "Class A Common Stock, par value" / "$0.0001 per share". Weighed with the break, the
    # rows fit two cuts alike (a nature's "See" and a title's first line between two rows); read as
    # centred, a title ends with its own first line (the next holding's title may start there).
    # Both ties are told, and the two readings differ only in natures and titles: those five are
    # said missing, the rest of the table read (it was said missing whole: 126 fields).
    name = "0001062993-24-008173"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.non_derivative_transactions) == len(expected.non_derivative_transactions) == 9
    assert len(got.non_derivative_holdings) == len(expected.non_derivative_holdings) == 3
    assert [m for m in got.missing if m.startswith("non_")] == [
        "non_derivative_holdings[0].security_title",
        "non_derivative_transactions[4].nature_of_ownership",
        "non_derivative_transactions[5].nature_of_ownership",
        "non_derivative_transactions[7].security_title",
        "non_derivative_transactions[8].security_title",
    ]
    assert misses(expected, got) == []


def test_a_number_that_fits_a_and_d_alike_on_the_headings_page_leaves_only_that_unsaid() -> None:
    # pdftotext, 0001018724-24-000077: Table II's one row, on its heading's page, prints its
    # exercise date's "(2)" a line above the date, so the row is cut by its words' types; its
    # "5,952" stands under "(A)", two characters from the narrow "(D)", and both cuts lie within
    # a few characters of each other. The table was not read (15 fields said missing); now
    # everything is read but acquired or disposed, said missing (the page does not tell it).
    name = "0001018724-24-000077"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert [m for m in got.missing if m.startswith("derivative")] == ["derivative_transactions[0].acquired_disposed"]
    row = got.derivative_transactions[0]
    assert (row.shares.value, row.acquired_disposed.value) == (Decimal("5952"), None)
    assert misses(expected, got) == []


def test_a_moved_rows_number_that_fits_a_and_d_alike_is_read_but_for_that() -> None:
    # pdftotext, 0001065280-19-000262: Table II's heading ends a page and its one row, an option
    # exercise, stands on the next, laid out on its own grid and moved to the heading's by its
    # dates. Its "55,342" fits (A) and (D) alike there (the map does not place the line between
    # them, and the page shows no other row): cut by type, the two cuts differ only in that, and
    # the row is read with acquired or disposed said missing (before, the table was: 13 fields).
    name = "0001065280-19-000262"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert [m for m in got.missing if m.startswith("derivative")] == ["derivative_transactions[0].acquired_disposed"]
    row = got.derivative_transactions[0]
    assert (row.shares.value, row.acquired_disposed.value, row.conversion_or_exercise_price.value) == (
        Decimal("55342"),
        None,
        Decimal("6.0214"),
    )
    assert misses(expected, got) == []


def test_a_last_rows_title_that_starts_as_it_ends_is_tied_with_the_row_before() -> None:
    # ELinks puts each row's one-line values on the first of its two lines ("Restricted Stock $ 0
    # ... Common 77,547" / "Units ... Stock", twice). Centred, the second row takes the first's
    # "Units" / "Stock" ("Units Restricted Stock Units"); read as centred rows the page fits both cuts
    # alike and the titles were said missing. On the browser's grid (layout_browser_rows) the page
    # settles them: "Units" cannot go on with "Restricted", which would have fitted on its line (the
    # column is as wide as "Restricted Stock"), so each row's title is its own two lines.
    name = "0001209191-20-003926"
    got = parse((PAGES / f"{name}.elinks-dump.txt").read_bytes())
    expected = reference(name)
    for k in (1, 2):
        assert got.derivative_holdings[k].security_title.value == "Restricted Stock Units"
        assert got.derivative_holdings[k].underlying_title.value == "Common Stock"
    assert [m for m in misses(expected, got) if m[2] is not None and m[0] not in got.missing] == []
    # Read as centred rows (not a browser's grid), the titles stay missing, never the wrong row's.
    page = (PAGES / f"{name}.elinks-dump.txt").read_text()
    centred = parse(page.replace("^*", "*").replace("^(", " (").encode())
    assert "derivative_holdings[1].security_title" in centred.missing
    assert [h.shares_owned_after.value for h in got.derivative_holdings[1:]] == [Decimal("77547"), Decimal("40292")]


def test_a_middle_rows_title_that_starts_as_it_ends_is_tied_with_the_row_before_too() -> None:
    # pypdf sets each row's values on the second of its title's four lines ("Series C-" / "1 ..." /
    # "Preferred" / "Stock"); centred exactly, the first row's "Stock" went to the second row
    # ("Stock Series C-2 Preferred Stock") and the first read "Series C-1 Preferred". That title's
    # first line may end the row before's as its last may start the next's: the titles the readings
    # differ in are said missing, never given short.
    name = "0000950170-24-012830"
    got = parse(PAGES / f"{name}.pypdf-layout.txt")
    expected = reference(name)
    assert got.derivative_transactions[0].security_title.value is None
    assert "derivative_transactions[0].security_title" in got.missing
    wrong = [m for m in misses(expected, got) if m[2] is not None and m[0] not in got.missing]
    assert [m for m in wrong if m[0].startswith("derivative")] == []
    assert got.derivative_transactions[0].shares == expected.derivative_transactions[0].shares

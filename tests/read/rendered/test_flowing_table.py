"""Text pages whose tables and boxes a converter did not lay out (``lynx -dump``, held out): the tables'
headings run together as paragraphs and each row is one line of its cells' words (flowing_table);
the boxes' cells follow each other as flowing text (flowing_boxes). Rows are cut by their values'
types where one cut alone fits, a row that two cuts fit is said missing (never guessed), and the
boxes' pieces go to the box whose label or caption they follow."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered import tables
from section16.read.rendered.cells import LITERAL
from section16.read.rendered.flowing_boxes import flowing_boxes, runs_together
from section16.read.rendered.flowing_rows import cut_flowing
from section16.read.rendered.flowing_table import NOT_CUT, Unsettled, read_flowing_table
from section16.read.rendered.text_normal import normalize_layout

from .conftest import PAGES, misses, reference

_HEADING = [
    "   1.Title of Security",
    "   (Instr. 3) 2. Transaction Date (Month/Day/Year) 2A. Deemed Execution Date, if any (Month/Day/Year) "
    "3. Transaction Code",
    "   (Instr. 8) 4. Securities Acquired (A) or Disposed of (D)",
    "   Code V Amount (A) or (D) Price",
]


def _read(rows: list[str], unsettled: Unsettled | None = None) -> list[list[str]] | str | None:
    raw = [*_HEADING, *rows]
    lines = normalize_layout("\n".join(raw)).split("\n")
    return read_flowing_table(lines, raw, 0, len(lines), "4", 1, unsettled)


def test_lynx_page_reads_as_its_xml() -> None:
    # 0000002488-24-000005: Table I's two rows cut by their values; box 2's issuer run into box 5's
    # label, box 1's street and city lines run into boxes 3's and 4's labels.
    name = "0000002488-24-000005"
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    ref = reference(name)
    assert misses(ref, got) == []
    assert got.issuer.name == "ADVANCED MICRO DEVICES INC" and got.issuer.trading_symbol == "AMD"
    assert str(got.period_of_report) == "2024-01-15"
    address = got.reporting_owners[0].address
    assert address is not None and (address.street1, address.city, address.zip_code) == (
        "2485 AUGUSTINE DRIVE",
        "SANTA CLARA",
        "95054",
    )
    assert len(got.non_derivative_transactions) == 2
    assert got.non_derivative_transactions[1].shares.footnote_ids == ("F1",)
    # Table II's row "... M     472   ^(3)   ^(3) ...": 472 under (A) or under (D) is not shown by the
    # words alone, but by the blanks before it (flowing_blanks: V's and (A)'s empty cells print a
    # space each): (D). Whose "(2)" is, the title's or the price's, and whose "(3)" after 472 is,
    # are not shown: those fields are said missing, not guessed (the cells' values every cut reads
    # alike are kept, their marks said missing); the cells every cut agrees on are read.
    [row] = got.derivative_transactions
    for path in ("shares", "security_title", "conversion_or_exercise_price", "exercise_date"):
        assert f"derivative_transactions[0].{path}.footnotes" in got.missing
        assert f"derivative_transactions[0].{path}" not in got.missing
    assert "derivative_transactions[0].acquired_disposed" not in got.missing
    assert row.acquired_disposed.value == "D" and row.shares.value == 472 and row.shares.footnote_ids == ()
    assert row.security_title.value == "Restricted Stock Units" and row.security_title.footnote_ids == ()
    assert (str(row.transaction_date.value), row.underlying_shares.value, row.shares_owned_after.value) == (
        "2024-01-15",
        472,
        473,
    )
    assert row.coding is not None and row.coding.code == "M" and row.direct_indirect.value == "D"


def test_form_three_holding_with_its_ownership_form_on_a_line_apart() -> None:
    # 0000898432-20-000437 (Form 3): "Common Stock 0 ^(1)" then, lines below, "D": one holding.
    name = "0000898432-20-000437"
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    assert misses(reference(name), got) == []
    [holding] = got.non_derivative_holdings
    assert holding.direct_indirect.value == "D"
    assert holding.shares_owned_after.footnote_ids == ("F1",)


def test_a_mark_touching_a_code_is_the_codes() -> None:
    # "S^(1)" touching: the code's mark; set apart ("S ^(1)") it could be the V column's (a late
    # filing's footnote): the row is then said missing.
    [row] = _read(["   Common Stock 10/12/2020   S^(1)   24,233 D $ 42 108,370 D"])  # type: ignore[misc]
    assert row[:6] == ["Common Stock", "10/12/2020", "", "S(1)", "", "24,233"]
    [apart] = _read(["   Common Stock 10/12/2020   S ^(1)   24,233 D $ 42 108,370 D"])  # type: ignore[misc]
    assert tables.LOST in "".join(apart)  # (no page to list its fields in: the row is marked not whole)
    unsettled = Unsettled()
    [kept] = _read(["   Common Stock 10/12/2020   S ^(1)   24,233 D $ 42 108,370 D"], unsettled=unsettled)  # type: ignore[misc]
    # (The code's letter every cut reads alike is kept; whose mark it is, the code's or V's, is not.)
    assert kept[3:5] == ["S", ""] and kept[5] == "24,233"
    # (Only the marks are unsettled: the code's, or V's, the late filing's; the code's letter is read.)
    assert unsettled.paths == [
        "non_derivative_transactions[0].coding.footnotes",
        "non_derivative_transactions[0].timeliness.footnotes",
    ]


def test_a_title_mark_before_the_date_is_not_a_date_cell() -> None:
    # A transaction's date is never a mark alone: "(1)" is the title's, not a date before a deemed date.
    [row] = _read(["   Common Stock ^(1) 05/04/2022   S   9,136 D $ 159.94 ^(2) 468,198 D"])  # type: ignore[misc]
    assert row[:3] == ["Common Stock (1)", "05/04/2022", ""]
    assert tables.LOST not in "".join(row)


def test_a_line_that_is_no_row_leaves_the_table_unread() -> None:
    got = _read(["   Common Stock 01/15/2024   M   472 A $ 0 6,076 D", "   By Trust"])
    assert isinstance(got, str) and "a row's words do not fit" in got
    # A row whose words fit no cut ("Q" is no (A) or (D)): the table is not read, with why.
    assert _read(["   Common Stock 01/15/2024   M   472 Q $ 5 6,076 D"]) == NOT_CUT


def test_an_empty_table_under_a_run_together_heading_has_no_rows() -> None:
    assert _read([]) == []


def test_a_laid_out_heading_is_left_to_the_layout_reader() -> None:
    raw = [
        "1.Title of Security    2. Transaction    2A. Deemed",
        "(Instr. 3)             Date              Execution Date",
        "Common Stock           01/15/2024        M   472 A $ 0 6,076 D",
    ]
    assert read_flowing_table(raw, raw, 0, len(raw), "4", 1) is None


def test_boxes_run_together_go_to_the_label_or_caption_they_follow() -> None:
    lines = normalize_layout((PAGES / "0000898432-20-000437.lynx-dump.txt").read_text()).split("\n")
    start = next(i for i, ln in enumerate(lines) if "1. Name and Address" in ln)
    end = next(i for i, ln in enumerate(lines) if "Table I -" in ln) + 1
    rows = [r[0] for r in flowing_boxes(lines, start, end) or []]
    # Form 3: box 2's date before box 3's label, box 1's street before box 4's, its city before box 6's.
    assert rows[rows.index("2. Date of Event Requiring Statement (Month/Day/Year)") + 1] == "03/26/2020"
    street = rows.index("(Middle)") + 1
    assert rows[street] == "C/O MACKAY SHIELDS LLC, 1345 AVENUE OF THE AMERICAS"
    assert rows[rows.index("(Street)") + 1] == "NEW YORK, NY 10105"
    assert rows[rows.index("3. Issuer Name and Ticker or Trading Symbol") + 1].endswith("[RFM]")


def test_laid_out_labels_one_space_apart_are_not_boxes_run_together() -> None:
    # pdfplumber's layout sets labels, and a caption and a label, a space apart: not flowing text.
    lines = [
        "    1. Name and Address of Reporting Person * 2. Issuer Name and Ticker or Trading Symbol",
        "         (Last)      (First)    (Middle) 3. Date of Earliest Transaction (Month/Day/Year)",
        "                    (Street)            4. If Amendment, Date Original Filed(Month/Day/Year)",
    ]
    assert not runs_together(lines)
    assert flowing_boxes(lines, 0, len(lines)) is None


def test_form_three_holdings_set_cell_by_cell_on_lines_apart() -> None:
    # 0001062993-21-010767 (Form 3): each holding's title and amount on one line, its "I" on the next,
    # its nature on the one after ("Sequoia Grove II, LLC ^(3)"): one row each, nature included.
    name = "0001062993-21-010767"
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    assert misses(reference(name), got) == []
    assert len(got.non_derivative_holdings) == 5
    assert got.non_derivative_holdings[3].nature_of_ownership.value == "Sequoia Grove II, LLC"
    assert got.non_derivative_holdings[3].nature_of_ownership.footnote_ids == ("F3",)


def test_the_2026_designs_box_one_and_its_country_caption_past_table_ones_title() -> None:
    # 0000070858-26-000321 (the 2026 design): two street lines, the second run into box 3's label,
    # "(City) (State) (Zip/Postal Code)" on one line and "(Country)" printed after Table I's title.
    name = "0000070858-26-000321"
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    ref = reference(name)
    assert [m for m in misses(ref, got) if m[0].startswith(("reporting_owners[0]", "issuer", "period"))] == []
    address = got.reporting_owners[0].address
    assert address is not None
    assert (address.street1, address.street2) == ("BANK OF AMERICA CORPORATE CENTER", "100 N TRYON ST")


def test_a_bare_number_in_parentheses_on_a_page_of_raised_marks_is_the_filers_text() -> None:
    # lynx prints every footnote mark raised ("^(2)"): a bare "(2)" is the filer's own text
    # ("Class B Common Stock (2)", 0000899243-21-019441), not a mark.
    raw = [*_HEADING, "   Class B Common Stock (2) 05/01/2021   C   100 ^(1) D $ 0 900 D"]
    lines = normalize_layout("\n".join(raw)).split("\n")
    [row] = read_flowing_table(lines, raw, 0, len(lines), "4", 1)  # type: ignore[misc]
    assert row[0] == f"Class B Common Stock ({LITERAL}2)" and row[5] == "100 (1)"


def test_runs_of_words_joined_for_the_search_give_the_same_cuts() -> None:
    # A title's or a nature's words are weighed as one (no value column takes them): same cells.
    row = "Class A Common Stock 06/20/2019 J(3) 744,271 D $ 0 0 I By Sequoia Capital U.S. Venture 2010 Fund, LP (2)"
    [cut] = cut_flowing(row, tables.T1_F4)
    assert cut[0] == "Class A Common Stock" and cut[-1] == "By Sequoia Capital U.S. Venture 2010 Fund, LP (2)"
    assert cut[1:10] == ("06/20/2019", "", "J(3)", "", "744,271", "D", "$ 0", "0", "I")


def test_a_rows_amounts_and_ownership_form_on_lines_apart_go_on_the_row() -> None:
    # 0001179110-20-001325 (Form 5): each option's row "... $ 59.77 06/01/2014^(1) 06/01/2023 Common
    # Stock", then its underlying amount, its amount owned and its "D" each on a line of its own:
    # amounts alone and a D or I alone go on the row above while it shows no D or I yet.
    name = "0001179110-20-001325"
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    ref = reference(name)
    assert len(got.derivative_holdings) == len(ref.derivative_holdings) == 14
    assert [m for m in misses(ref, got) if m[0].startswith("derivative")] == []
    # A line of amounts under a row that shows its D or I already is no piece of it: the table is not read.
    got = _read(["   Common Stock 01/15/2024   M   472 A $ 0 6,076 D", "   1,700"])
    assert isinstance(got, str) and "a row's words do not fit" in got


def test_a_holdings_nature_is_not_the_next_rows_title() -> None:
    # 0001209191-20-051619 (Form 3): "Class A Common Stock 3,257,826" / "D" / "Class A Common Stock
    # 641,400" / "I" / "See Footnote ^(1)": the line after the first "D" is the next holding's, as the
    # "I" after it (a D or I alone, which only a row without one takes) shows; not the first's nature.
    name = "0001209191-20-051619"
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    ref = reference(name)
    assert len(got.non_derivative_holdings) == len(ref.non_derivative_holdings)
    assert [m for m in misses(ref, got) if m[0].startswith("non_derivative")] == []
    assert got.non_derivative_holdings[0].nature_of_ownership.value is None
    assert got.non_derivative_holdings[1].nature_of_ownership.value == "See Footnote"

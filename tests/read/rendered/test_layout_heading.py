"""Where a laid-out table's heading starts and what it says of the table: labels wrapped above
"1. Title of" (a print narrower than chromium's), a heading the paper's edge cut, a table with no
rows, the form's number under Table I; on real pages of ``pdftotext -layout`` of weasyprint's print."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered import layout_heading
from section16.read.rendered.compare import _is_missing
from section16.read.rendered.layout_fit import ends_pushed
from section16.read.rendered.layout_lines import _run_on
from section16.read.rendered.layout_pages import before_form_number
from section16.read.rendered.layout_words import Tok

from .conftest import PAGES, at, misses, reference


def _page(name: str) -> list[str]:
    return (PAGES / f"{name}.pdftotext-layout-weasyprint.txt").read_text().replace("\f", "").split("\n")


def _wrong(name: str) -> list[tuple[str, object, object]]:
    got = parse(PAGES / f"{name}.pdftotext-layout-weasyprint.txt")
    return [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)]


def _line(lines: list[str], start: int, text: str) -> int:
    return next(i for i in range(start, len(lines)) if text in lines[i])


def test_labels_wrapped_above_the_title_label_start_the_heading() -> None:
    # "3." over "Transaction" beside "2A. Deemed", "2." a line above "1.Title of": the heading
    # starts at its first line of labels, where every column's label is found.
    lines = _page("0000070858-26-000320")
    title = _line(lines, 0, "Table I - ")
    head = _line(lines, title, "1.Title of")
    top = layout_heading.heading_top(lines, title, head)
    assert top < head
    assert lines[top].split()[0] == "3."
    starts = layout_heading.column_starts(lines[top : head + 10], "4", 1)
    assert starts is not None and len(starts) == 11
    assert layout_heading.wrapped_above(lines[top]) and not layout_heading.wrapped_above(lines[head])
    # A heading whose labels all stand on its "1. Title of" line starts there (a blank line and the
    # title above it are not heading).
    assert layout_heading.heading_top(["Table I - X", "", "1. Title of   2. Amount"], 0, 2) == 2


def test_a_heading_cut_at_the_papers_edge_over_no_row_is_an_empty_table() -> None:
    # Table II runs past the paper's right edge ("9. Number of" is the last label shown): its
    # columns cannot all be placed, but no row stands under it (no title in its first column), so
    # the table is empty and Table I, whose heading wraps above "1.Title of", is read.
    name = "0000070858-26-000320"
    lines = _page(name)
    t2 = _line(lines, 0, "Table II - ")
    head = layout_heading.heading_top(lines, t2, _line(lines, t2, "1. Title of"))
    end = _line(lines, head, "Reporting Owners")
    assert lines[head].split() == ["5."]  # ("5." over "Number" over "of": the heading's top)
    assert layout_heading.cut_at_edge(lines, head, end, "4", 2)
    assert layout_heading.no_rows(lines, head, end)
    got = parse(PAGES / f"{name}.pdftotext-layout-weasyprint.txt")
    ref = reference(name)
    assert len(got.non_derivative_transactions) == len(ref.non_derivative_transactions) == 2
    assert got.derivative_transactions == () and got.derivative_holdings == ()
    assert "non_derivative_transactions" not in got.missing
    assert _wrong(name) == []


def test_a_cut_table_with_rows_is_said_missing_and_costs_the_other_table() -> None:
    # Table II cut at the edge over a row ("Restricted Stock Units"): its rows cannot be read whole,
    # so both tables are listed missing (a layout that cut one table may have moved the other's),
    # and nothing is read wrong.
    name = "0000002488-24-000005"
    lines = _page(name)
    t2 = _line(lines, 0, "Table II - ")
    head = _line(lines, t2, "1. Title of")
    end = _line(lines, head, "Reporting Owners")
    assert layout_heading.cut_at_edge(lines, head, end, "4", 2)
    assert not layout_heading.no_rows(lines, head, end)
    got = parse(PAGES / f"{name}.pdftotext-layout-weasyprint.txt")
    assert {"derivative_transactions", "non_derivative_transactions"} <= set(got.missing)
    assert any("paper's edge" in n.message for n in got.notes)
    assert _wrong(name) == []


def test_a_heading_that_shows_its_last_label_is_not_cut() -> None:
    lines = _page("0000070858-26-000320")
    t1 = _line(lines, 0, "Table I - ")
    head = _line(lines, t1, "1.Title of")
    end = _line(lines, head, "Reminder:")
    top = layout_heading.heading_top(lines, t1, head)
    assert not layout_heading.cut_at_edge(lines, top, end, "4", 1)
    assert not layout_heading.no_rows(lines, top, end)


def test_the_forms_number_under_table_one_is_no_row() -> None:
    # "SEC" over "1473" over "(7-02)", centred on the "Reminder:" line that ends Table I: its "SEC"
    # stands a line above the table's end and was read as the last row's nature of ownership.
    for name in ("0000100493-20-000092", "0001209191-20-010664"):
        lines = _page(name)
        t1 = _line(lines, 0, "Table I - ")
        end = _line(lines, t1, "Reminder:")
        sec = before_form_number(lines, t1, end)
        assert sec < end and lines[sec].strip() == "SEC"
        got = parse(PAGES / f"{name}.pdftotext-layout-weasyprint.txt")
        ref = reference(name)
        assert got.non_derivative_holdings == ref.non_derivative_holdings
        assert _wrong(name) == []
    # A Form 3 whose Table II fits the paper: both tables read.
    got = parse(PAGES / "0001209191-20-010664.pdftotext-layout-weasyprint.txt")
    assert got.derivative_holdings == reference("0001209191-20-010664").derivative_holdings
    # Not so where the line before the section holds more than "SEC", or the section no number.
    assert before_form_number(["head", "x SEC", "Reminder: ... 1474"], 0, 2) == 2
    assert before_form_number(["head", "SEC", "Reminder: owned directly"], 0, 2) == 2


def test_a_value_past_a_page_break_does_not_run_on_a_title() -> None:
    # The page break cut a row under its title's "Stock"; its price, "$" over "305.62" over "(1)",
    # stands at the top of the next page: a value goes on no title, so it is not moved under it
    # (the row's words then fit no columns: Table I is said missing, not read with "Common Stock $
    # 305.62" as its title).
    toks = [Tok(0, 1, 7, "Common"), Tok(1, 8, 18, "05/08/2020"), Tok(1, 100, 101, "D"), Tok(2, 1, 6, "Stock")]
    later = [Tok(3, 72, 73, "$"), Tok(4, 72, 78, "305.62"), Tok(5, 72, 75, "(1)")]
    pages = [0, 0, 0, 1, 1, 1]
    assert _run_on(toks + later, pages, set()) == toks + later
    # Words past the break do go on the cell the break cut ("(Right to" / "Buy)").
    words = [Tok(3, 40, 43, "Buy)")]
    moved = _run_on(toks + words, pages, set())
    assert moved[-1].x0 == 1
    name = "0000320193-20-000056"
    got = parse(PAGES / f"{name}.pdftotext-layout-weasyprint.txt")
    assert "non_derivative_transactions" in got.missing
    assert _wrong(name) == []


def test_labels_run_together_are_found_in_order() -> None:
    # (at() lays a line out as pdftotext does: each text at its column.)
    head = [at((1, "1.Title of"), (20, "2. Amount of"), (40, "3. Ownership"), (60, "4. Nature of"))]
    starts = layout_heading.column_starts(head, "3", 1)
    assert starts == [1.0, 20.0, 40.0, 60.0]


def test_labels_a_squeezed_line_pushed_right_start_where_their_columns_do() -> None:
    # pdfplumber's layout squeezes the heading's first line: every label from "2A." on stands one
    # space after the words before it, pushed right ("6. 7. Nature"); the columns' lower lines of
    # heading words ("Form:", "Direct (D)", "(I)") stand where the columns start. Table I's rows are
    # read (the Ownership Form's "D" under "Form:"), and nothing is read wrong.
    name = "0001493152-25-009612"
    page = PAGES / f"{name}.pdfplumber-layout.txt"
    lines = page.read_text().split("\n")
    head = _line(lines, 0, "1.Title of Security")
    assert layout_heading.squeezed(lines[head])
    starts = layout_heading.column_starts(lines[head : head + 7], "4", 1)
    assert starts is not None
    label_six = lines[head].index(" 6. ") + 1
    assert starts[-2] < label_six - 20  # (the Ownership Form column starts far left of its label)
    got = parse(page)
    ref = reference(name)
    assert len(got.non_derivative_transactions) == len(ref.non_derivative_transactions) >= 1
    assert "non_derivative_transactions" not in got.missing
    assert [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)] == []


def test_a_heading_set_at_its_places_is_not_squeezed() -> None:
    # chromium's Table II heading under pdftotext -layout: labels one space apart in places, but
    # set two spaces apart elsewhere on the line: its labels stand where their columns start.
    line = at((0, "1. Title of"), (18, "2."), (29, "3. Transaction"), (48, "3A. Deemed"), (67, "4."),
              (79, "5. Number of 6. Date Exercisable and"), (118, "7. Title and Amount of 8. Price of 9. Number of"),
              (167, "10."), (177, "11. Nature"))  # fmt: skip
    assert not layout_heading.squeezed(line)
    assert layout_heading.squeezed(
        "1.Title of Security  2. Transaction 2A. Deemed 3. Transaction 4. Amount 5. Own 6. 7. Nature"
    )


def test_a_squeezed_title_ending_with_a_number_or_a_mark_is_not_read() -> None:
    # A Form 5's form type "3" set against the title, a conversion price shown by its mark "(1)":
    # on a squeezed line nothing tells them from the title's own words.
    assert ends_pushed([Tok(0, 4, 10, "Common"), Tok(0, 11, 16, "Stock"), Tok(0, 49, 50, "3")])
    assert ends_pushed([Tok(0, 4, 10, "Common"), Tok(0, 11, 16, "Stock"), Tok(0, 17, 20, "(1)")])
    assert not ends_pushed([Tok(0, 4, 10, "Common"), Tok(0, 11, 16, "Stock"), Tok(1, 4, 9, "Units")])


def test_a_transaction_placed_without_its_a_or_d_is_not_read() -> None:
    # pdfplumber squeezes this heading narrower than its words; the row's amount, (D) and price were
    # placed a column to the right (16,600,000 as owned after, "$ 0 I" in the nature). A Table I
    # transaction always prints its (A) or (D): placed without one, the table is said missing.
    name = "0001193125-26-236842"
    got = parse(PAGES / f"{name}.pdfplumber-layout.txt")
    assert got.non_derivative_transactions == ()
    assert "non_derivative_transactions" in got.missing
    assert [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)] == []


def test_an_amount_set_one_space_after_the_underlying_title_is_not_read_into_it() -> None:
    # w3m sets a short amount one space after its underlying title, short of the amount's column
    # ("Common Stock 938"): read as a title "Common Stock 938" with no amount, it would be two wrong
    # values. An underlying title ending in a number over an empty amount: the rows are said missing.
    name = "0001140361-20-013188"
    got = parse(PAGES / f"{name}.w3m-dump.txt")
    assert got.derivative_holdings == ()
    assert "derivative_holdings" in got.missing
    assert [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)] == []

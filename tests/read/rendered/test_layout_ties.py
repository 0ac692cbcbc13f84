"""A laid-out table whose back-to-back rows fit two cuts alike, read both ways (layout_ties.py): what
both readings agree on is read; natures of ownership they differ in are listed missing; any other
difference leaves the table unread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from section16 import parse
from section16.model import Filing, Value
from section16.read.rendered import layout_rows, tables
from section16.read.rendered.layout_ties import (
    MARK_TIED,
    mark_beside_ad,
    mark_over_code,
    marks_out_of_ad,
    marks_past_date,
    read_both_ways,
)
from section16.read.rendered.layout_words import Tok

from .conftest import PAGES, at, misses, reference
from .test_layout_rows import runs


def test_natures_between_two_rows_are_listed_missing_and_the_rest_read() -> None:
    # pdftotext: "Estate" / "Planning" / "US" / "Venture" / "2010" / "Seed (2)" stand between two
    # holdings' D's; centred on their rows, "Planning" and "US" fit either row alike. Both cuts give
    # the same rows but for the two natures: those are not given, the rest of Table I is read.
    got = parse(PAGES / "0001475115-21-000008.pdftotext-layout.txt")
    expected = reference("0001475115-21-000008")
    assert len(got.non_derivative_holdings) == len(expected.non_derivative_holdings) == 2
    assert [h.shares_owned_after.value for h in got.non_derivative_holdings] == [Decimal("48382"), Decimal("42102")]
    assert [h.nature_of_ownership for h in got.non_derivative_holdings] == [Value(), Value()]
    assert {"non_derivative_holdings[0].nature_of_ownership", "non_derivative_holdings[1].nature_of_ownership"} <= set(
        got.missing
    )
    assert len(got.non_derivative_transactions) == 1
    assert any(n.where == "Table I" and n.message.startswith("rows read") for n in got.notes)
    assert misses(expected, got) == []


def test_readings_that_differ_in_anything_else_leave_the_table_unread() -> None:
    ref = reference("0001475115-21-000008")
    holding = ref.non_derivative_holdings[0]
    other_nature = replace(ref, non_derivative_holdings=(replace(holding, nature_of_ownership=Value("X")),
                                                         *ref.non_derivative_holdings[1:]))  # fmt: skip
    other_amount = replace(ref, non_derivative_holdings=(replace(holding, shares_owned_after=Value(Decimal(1))),
                                                         *ref.non_derivative_holdings[1:]))  # fmt: skip

    def reading(late: Filing, unread: set[int] | None = None) -> Callable[[str], tuple[Filing, set[int]]]:
        return lambda tie: (ref if tie == "early" else late, unread or set())

    both = read_both_ways(reading(other_nature), {1})
    assert both is not None and both[1] == ["non_derivative_holdings[0].nature_of_ownership"]
    assert both[0].non_derivative_holdings[0].nature_of_ownership == Value()
    assert read_both_ways(reading(other_amount), {1}) is None  # a value differs
    assert read_both_ways(reading(ref), {1}) is None  # nothing differs: the tie settles nothing
    assert read_both_ways(reading(other_nature, {1}), {1}) is None  # still not read one way
    assert read_both_ways(reading(other_nature), {2}) is None  # the nature is not the tied table's


def test_readings_that_differ_in_a_fields_marks_only_keep_its_value() -> None:
    # The exercise and expiration dates' footnotes differ, their values agree: only the footnotes are
    # unknown (listed as the fields' ".footnotes"); a differing date is unknown whole.
    ref = reference("0001567619-20-006874")
    row = ref.derivative_holdings[0]
    date = row.exercise_date.value
    moved = replace(row, exercise_date=Value(date, ("F2",)), expiration_date=Value(None, ("F6",)))
    both_marks = replace(row, exercise_date=Value(date, ("F2", "F6")), expiration_date=Value())
    early = replace(ref, derivative_holdings=(both_marks, *ref.derivative_holdings[1:]))
    late = replace(ref, derivative_holdings=(moved, *ref.derivative_holdings[1:]))
    fields = {2: ("exercise_date", "expiration_date")}
    both = read_both_ways(lambda tie: (early if tie == "early" else late, set()), {2}, fields)
    assert both is not None and both[1] == [
        "derivative_holdings[0].exercise_date.footnotes",
        "derivative_holdings[0].expiration_date.footnotes",
    ]
    assert both[0].derivative_holdings[0].exercise_date == Value(date)
    assert both[0].derivative_holdings[0].expiration_date == Value()
    other = replace(ref, derivative_holdings=(replace(moved, exercise_date=Value(None, ("F2",))),
                                              *ref.derivative_holdings[1:]))  # fmt: skip
    both = read_both_ways(lambda tie: (early if tie == "early" else other, set()), {2}, fields)
    assert both is not None and both[1][0] == "derivative_holdings[0].exercise_date"
    assert both[0].derivative_holdings[0].exercise_date == Value()
    assert read_both_ways(lambda tie: (early if tie == "early" else late, set()), {2}) is None  # (natures only)


def test_a_mark_a_space_after_a_dates_own_beside_an_empty_date_is_either_dates() -> None:
    cols = tables.columns("4", 2)
    exer, exp = cols.index("exer"), cols.index("exp")

    def row(first: str, second: str) -> list[str]:
        cells = [""] * len(cols)
        cells[exer], cells[exp] = first, second
        return cells

    unsure = {0: row("05/06/2020(2) (6)", "")}
    try:
        marks_past_date(dict(unsure), cols, None)
        raise AssertionError("not refused")
    except tables.RowError as e:
        assert str(e).endswith(MARK_TIED) and "05/06/2020(2) (6)" in str(e)
    early, late = dict(unsure), dict(unsure)
    marks_past_date(early, cols, "early")
    marks_past_date(late, cols, "late")
    assert (early[0][exer], early[0][exp]) == ("05/06/2020(2) (6)", "")
    assert (late[0][exer], late[0][exp]) == ("05/06/2020(2)", "(6)")
    assert unsure[0][exer] == "05/06/2020(2) (6)"  # (the row's cells are not changed in place)
    lone = {0: row("06/03/2013 (3)", "")}
    marks_past_date(lone, cols, "late")
    assert (lone[0][exer], lone[0][exp]) == ("06/03/2013", "(3)")
    for cells in (row("05/06/2020(2) (6)", "05/06/2030"), row("05/06/2020(2)", ""), row("05/06/2020", ""),
                  row("(2) (6)", "")):  # fmt: skip
        told = {0: cells}
        marks_past_date(told, cols, None)  # (settled: the next date printed, one mark, or no date)
        assert told[0] is cells


def test_an_expiration_dates_lone_mark_a_space_after_the_exercise_date_is_said_missing() -> None:
    # pdftotext, 0001720088-20-000003 (its Table II heading cut by a page break): "06/03/2013 (3)"
    # beside an empty expiration date. The "(3)" is the expiration date's (given by its mark alone)
    # or the exercise date's: both dates' footnotes are said missing, the rest is read right.
    name = "0001720088-20-000003"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.derivative_holdings) == len(expected.derivative_holdings) == 2
    assert {
        "derivative_holdings[0].exercise_date.footnotes",
        "derivative_holdings[0].expiration_date.footnotes",
    } <= set(got.missing)
    assert got.derivative_holdings[0].exercise_date == Value(expected.derivative_holdings[0].exercise_date.value)
    # (the first row's price is given by its mark alone, which this printed page does not show)
    price_mark = "derivative_holdings[0].conversion_or_exercise_price.footnotes"
    assert [p for p, _e, _g in misses(expected, got)] == [price_mark]


def test_a_tied_table_neither_cut_reads_stays_unread_and_the_other_is_read_both_ways() -> None:
    ref = reference("0001475115-21-000008")
    holding = ref.non_derivative_holdings[0]
    other_nature = replace(ref, non_derivative_holdings=(replace(holding, nature_of_ownership=Value("X")),
                                                         *ref.non_derivative_holdings[1:]))  # fmt: skip

    def reading(unread_early: set[int], unread_late: set[int]) -> Callable[[str], tuple[Filing, set[int]]]:
        return lambda tie: (ref, unread_early) if tie == "early" else (other_nature, unread_late)

    both = read_both_ways(reading({2}, {2}), {1, 2})
    assert both is not None
    paths = ["non_derivative_holdings[0].nature_of_ownership", "derivative_transactions", "derivative_holdings"]
    assert both[1] == paths
    assert both[0].derivative_transactions == () and both[0].derivative_holdings == ()
    assert both[0].non_derivative_holdings[1] == ref.non_derivative_holdings[1]
    assert read_both_ways(reading({2}, set()), {1, 2}) is None  # read one way only
    assert read_both_ways(reading({1, 2}, {1, 2}), {1, 2}) is None  # neither tied table read


def test_natures_of_many_lines_over_page_breaks_are_read_where_both_cuts_agree() -> None:
    # pdftotext, 0001127602-20-004550: Table I's natures run 5 to 9 lines in one column ("Child's" /
    # "proportionate" / ... / "shares held" / "by Rankin" / "Associates VI"), back to back, and two
    # rows are cut by page breaks (their natures start on the values' line and run on at the top of
    # the next page). A "by" under "shares held" goes on that phrase (it does not start a nature as
    # "By Trust" does), so the cuts that fit best are those whose natures are centred on their rows;
    # they still fit two ways
    # where a nature's line ("child's") could end one row or start the next. Table II's rows fit no
    # columns either way: it stays unread, and Table I is read, the natures the two cuts differ in
    # listed missing, every other field right.
    name = "0001127602-20-004550"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.non_derivative_transactions) == len(expected.non_derivative_transactions) == 13
    assert [t.shares.value for t in got.non_derivative_transactions][:3] == [Decimal(378), Decimal(377), Decimal(377)]
    unsure = {m for m in got.missing if m.startswith("non_derivative")}
    assert unsure and all(m.endswith(".nature_of_ownership") for m in unsure)
    assert "non_derivative_transactions[0].nature_of_ownership" not in unsure
    first = got.non_derivative_transactions[0].nature_of_ownership
    assert first == expected.non_derivative_transactions[0].nature_of_ownership
    assert {"derivative_transactions", "derivative_holdings"} <= set(got.missing) and got.derivative_holdings == ()
    assert any(n.where == "Table I" and n.message.startswith("rows read") for n in got.notes)
    assert any(n.where == "Table II" and n.message.startswith("rows not read") for n in got.notes)
    assert misses(expected, got) == []
    # ("by" under a line ending "held" or "owned" goes on its phrase; under another, it starts a
    # nature: "by Pension" over "by Spouse" are two)
    held = [at((90, "shares held")), at((90, "by Rankin"))]
    other = [at((90, "Pension")), at((90, "by Spouse"))]
    assert layout_rows.band_cost([0, 1], 0.5, runs(held)) < layout_rows.band_cost([0, 1], 0.5, runs(other))


def test_rows_that_fit_two_cuts_alike_are_cut_the_earliest_or_the_latest_way_when_asked() -> None:
    # Two one-line rows and, between them, one nature line as near the one as the other.
    lines = [
        at((0, "Common Stock"), (50, "48,382"), (80, "I"), (90, "Estate")),
        at((90, "Planning")),
        at((0, "Common Stock"), (50, "42,102"), (80, "I"), (90, "Seed")),
    ]
    data, anchors = [0, 1, 2], [0, 2]
    assert layout_rows.bands(data, anchors, runs(lines)) is None
    assert layout_rows.bands(data, anchors, runs(lines), "early") == {0: 0, 1: 1, 2: 1}
    assert layout_rows.bands(data, anchors, runs(lines), "late") == {0: 0, 1: 0, 2: 1}


def test_a_tie_in_one_table_does_not_withhold_the_other() -> None:
    # pdftotext, 0001127602-20-004550: Table II's rows fit two cuts that differ in more than natures,
    # so Table II is said missing; a tie among one table's own rows says nothing of the other
    # table's lines, so Table I (its own tie read both ways) is given, every field it gives right.
    name = "0001127602-20-004550"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert {"derivative_holdings", "derivative_transactions"} <= set(got.missing)
    assert got.derivative_holdings == () and got.derivative_transactions == ()
    assert any(n.where == "Table II" and n.message.startswith("rows not read") for n in got.notes)
    assert "non_derivative_holdings" not in got.missing and "non_derivative_transactions" not in got.missing
    assert len(got.non_derivative_transactions) == len(expected.non_derivative_transactions) > 0
    assert len(got.non_derivative_holdings) == len(expected.non_derivative_holdings) > 0
    assert misses(expected, got) == []


def test_a_lone_mark_beside_a_moved_number_is_a_dates_and_the_rows_are_read_both_ways() -> None:
    # pdftotext, 0000899243-18-025227: Table II's heading ends a page and every row stands on later
    # pages laid out on other grids. Mapped to the heading's grid, a row's "2,052,147" lands in (A)
    # and the exercise date's "(4)" (raised a line above it) in (D): the form prints neither column
    # with a lone mark, so it is the first date's, and the dates' marks keep their order. Each
    # number then stands unsure between (A) and (D): acquired or disposed is listed missing for
    # the rows of those pages, and everything else the table shows is read. (One page prints its
    # numbers in two columns, the conversions' "539,380" right of the "J(1)" rows' "10,723,565":
    # (A) and (D), its rows 9 to 13 read disposed and acquired; layout_fit.two_amount_columns.)
    name = "0000899243-18-025227"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.derivative_transactions) == len(expected.derivative_transactions) == 18
    first = got.derivative_transactions[0]
    assert (first.shares.value, first.exercise_date.footnote_ids, first.expiration_date.footnote_ids) == (
        Decimal("2052147"),
        ("F4",),
        ("F4",),
    )
    assert first.acquired_disposed == Value()
    unsure = [*range(9), *range(14, 18)]
    assert {f"derivative_transactions[{i}].acquired_disposed" for i in unsure} <= set(got.missing)
    rows = got.derivative_transactions
    assert [rows[i].acquired_disposed.value for i in range(9, 14)] == ["D", "D", "D", "A", "A"]
    assert misses(expected, got) == []


def test_a_tie_in_a_table_moved_from_a_later_page_is_read_both_ways() -> None:
    # pdftotext, 0000899243-20-025994: Table II runs on to pages laid out on other grids, and two
    # natures' lines ("Sequoia" / "Capital" / "Global" / "Growth" / "Fund, L.P.") fit two rows
    # alike. Cut each way, the readings differ only in those natures and in the moved rows'
    # acquired or disposed (their numbers unsure between (A) and (D)): those are listed missing,
    # the rest of the table is read.
    name = "0000899243-20-025994"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.derivative_transactions) == len(expected.derivative_transactions) == 12
    unsure = {m for m in got.missing if m.startswith("derivative_transactions[")}
    assert {
        "derivative_transactions[3].nature_of_ownership",
        "derivative_transactions[4].nature_of_ownership",
    } <= unsure
    assert all(m.endswith((".nature_of_ownership", ".acquired_disposed")) for m in unsure)
    assert any(n.where == "Table II" and n.message.startswith("rows read") for n in got.notes)
    assert misses(expected, got) == []


def test_a_mark_one_space_after_its_number_stays_the_numbers() -> None:
    cols = tables.columns("4", 2)
    a, d, exer, exp = (cols.index(c) for c in ("a", "d", "exer", "exp"))

    def row(number: Tok, mark: Tok, dates: tuple[str, ...] = ("", "(4)")) -> list[list[Tok]]:
        cut: list[list[Tok]] = [[] for _ in cols]
        cut[a], cut[d] = [number], [mark]
        for c, text in zip((exer, exp), dates, strict=True):
            cut[c] = [Tok(4, 60 + 10 * c, 63 + 10 * c, text)] if text else []
        return cut

    # The date's mark, raised a line above the number and right of it: moved to the first date.
    cut = row(Tok(5, 40, 49, "2,052,147"), Tok(4, 52, 55, "(4)"))
    assert mark_beside_ad(cut, cols)
    moved = marks_out_of_ad(cut, cols)
    assert moved is not None
    assert [" ".join(t.text for t in moved[c]) for c in (a, d, exer, exp)] == ["2,052,147", "", "(4)", "(4)"]
    # One space after the number on its line, or wrapped under it: the number's own mark.
    assert marks_out_of_ad(row(Tok(5, 40, 49, "2,052,147"), Tok(5, 50, 53, "(4)")), cols) is None
    assert marks_out_of_ad(row(Tok(5, 40, 49, "2,052,147"), Tok(6, 40, 43, "(4)")), cols) is None
    # The dates already hold two marks: no room for a third.
    assert marks_out_of_ad(row(Tok(5, 40, 49, "2,052,147"), Tok(4, 52, 55, "(4)"), ("(4)", "(4)")), cols) is None
    # A number in one column and nothing, or a number, in the other: not a mark beside it.
    assert not mark_beside_ad(row(Tok(5, 40, 49, "2,052,147"), Tok(5, 60, 63, "500")), cols)


def test_cuts_by_type_with_a_lone_mark_beside_a_moved_number_are_left_aside() -> None:
    # pdftotext, 0001415889-24-008184: Table II runs on to a page laid out on another grid, where a
    # stock option's row is cut by its words' types. Its cheapest cut puts the exercise date's mark
    # in (D) beside the number in (A), which the form never prints: left aside, the row is cut with
    # its marks under the dates, and the table is read (acquired or disposed listed missing: its
    # numbers stand unsure between the columns on that page).
    name = "0001415889-24-008184"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.derivative_transactions) == len(expected.derivative_transactions) == 9
    assert "derivative_transactions" not in got.missing
    assert misses(expected, got) == []


def test_a_titles_mark_raised_far_right_of_its_words_reads_the_row_but_its_marks() -> None:
    # pypdf's layout text sets each row's title mark "(1)" on the line above, ten characters past
    # "Common Stock" (farther than a raised mark stands) and 28 left of the date. A date cell of
    # marks alone is no date, so the mark was the title's or a stray: the rows are read with it
    # and without it, and only the titles' footnotes are said missing (the mark was read as the
    # date's, the date as the deemed date's: 28 wrong values).
    name = "0000320193-22-000061"
    got = parse(PAGES / f"{name}.pypdf-layout.txt")
    expected = reference(name)
    rows = got.non_derivative_transactions
    assert len(rows) == len(expected.non_derivative_transactions) == 7
    assert all(
        r.transaction_date == e.transaction_date
        for r, e in zip(rows, expected.non_derivative_transactions, strict=True)
    )
    assert all(r.deemed_execution_date.value is None for r in rows)
    assert all(r.security_title.value == "Common Stock" for r in rows)
    assert {f"non_derivative_transactions[{i}].security_title.footnotes" for i in range(7)} <= set(got.missing)
    assert [m for m in misses(expected, got) if m[0] not in got.missing] == []


def test_a_mark_raised_between_an_amount_and_its_code_is_either_cells() -> None:
    # pypdf's layout of a Form 4 row: "3,492" and "D" on the row's line, the "(7)" raised a line above,
    # three characters past the amount and four left of the code. A raised mark may drift a space or
    # two left of its value: the shares' mark or the code's, which the page does not settle.
    cols = ["title", "date", "deemed", "code", "v", "amount", "ad", "price", "after", "di", "nature"]
    cut: list[list[Tok]] = [[] for _ in cols]
    cut[cols.index("amount")] = [Tok(2, 115, 120, "3,492")]
    mark = Tok(1, 123, 126, "(7)")
    cut[cols.index("ad")] = [mark, Tok(2, 127, 128, "D")]
    assert mark_over_code(cut, cols) == mark
    cut[cols.index("ad")] = [Tok(1, 128, 131, "(7)"), Tok(2, 127, 128, "D")]  # (right of the code: its own)
    assert mark_over_code(cut, cols) is None
    name = "wf-form4_156694501621463_2146e63f"
    got = parse(PAGES / f"{name}.pypdf-layout.txt")
    row = got.non_derivative_transactions[4]
    assert row.shares.value == reference(name).non_derivative_transactions[4].shares.value
    assert row.acquired_disposed.value == "D"
    tied = {f"non_derivative_transactions[4].{f}.footnotes" for f in ("shares", "acquired_disposed")}
    assert tied <= set(got.missing)
    assert [p for p, _e, _g in misses(reference(name), got) if p not in got.missing] == []

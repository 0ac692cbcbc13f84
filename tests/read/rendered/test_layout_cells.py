"""One laid-out row cut into cells (layout_cells.py) where its words stand far off their headings: the
cut its words' types and order allow, or, of several, one far nearer the columns than any other."""

from __future__ import annotations

from decimal import Decimal

from section16 import parse
from section16.read.rendered import layout_cells, tables

from .conftest import PAGES, at, misses, reference, shown, toks

COLS_T1 = tables.columns("4", 1)
# Table I's column starts as a heading gives them: title, date, deemed, code, V, amount, (A)/(D),
# price, after, D/I, nature.
STARTS = [0.0, 44.0, 61.0, 80.0, 92.0, 99.0, 108.0, 117.0, 126.0, 180.0, 192.0]
# A row of a later page mapped onto the heading's grid by its date and D or I only: the cells between
# stand up to 15 characters off their columns (too far for the cut by positions).
ROW = at((0, "Class A Common Stock"), (44, "02/28/2019"), (84, "C"), (101, "92,481"), (130, "A"), (142, "$ 0"),
         (153, "92,481"), (179, "I"), (184, "By Sequoia Capital"))  # fmt: skip


def test_a_row_far_off_its_headings_is_not_cut_by_positions() -> None:
    assert layout_cells.assign(toks(ROW), STARTS, COLS_T1) is None
    # Types and order alone allow two cuts: the one date is the transaction's or the deemed one.
    assert layout_cells.assign(toks(ROW), STARTS, COLS_T1, by_order=True) is None


def test_of_several_cuts_by_type_the_one_far_nearer_the_columns_is_taken() -> None:
    got = layout_cells.assign_placed(toks(ROW), STARTS, COLS_T1, by_order=True, margin=6.0)
    assert got is not None
    cells, placed = got
    row = dict(zip(COLS_T1, cells, strict=True))
    assert (row["date"], row["deemed"], row["code"], row["amount"], row["ad"], row["price"], row["after"]) == (
        "02/28/2019", "", "C", "92,481", "A", "$ 0", "92,481"
    )  # fmt: skip
    assert (row["di"], row["nature"]) == ("I", "By Sequoia Capital")
    # Each cell's words come with it (where the page prints its columns).
    assert [t.text for t in placed[COLS_T1.index("price")]] == ["$", "0"]


def test_two_cuts_about_as_near_are_not_guessed() -> None:
    # The date at 52, about as near the transaction date's column (44-61) as the deemed date's (61-80).
    row = at((0, "Class A Common Stock"), (52, "02/28/2019"), (84, "C"), (101, "92,481"), (130, "A"), (142, "$ 0"),
             (153, "92,481"), (179, "I"))  # fmt: skip
    assert layout_cells.assign_placed(toks(row), STARTS, COLS_T1, by_order=True, margin=6.0) is None


def test_a_value_with_its_dollar_and_mark_stacked_is_not_a_titles_words() -> None:
    # pdftotext prints Table II's conversion price ("$" / "48.8935" / "(1)") between the lines of the
    # title ("2.0% / Convertible / Senior / Notes due / 2027"), in the title's column: the value is the
    # price's, not the title's words.
    got = parse(PAGES / "0001062993-22-021877.pdftotext-layout.txt")
    expected = reference("0001062993-22-021877")
    assert got.derivative_transactions[0].security_title.value == "2.0% Convertible Senior Notes due 2027"
    assert got.derivative_transactions[0].conversion_or_exercise_price.value == Decimal("48.8935")
    assert misses(expected, got) == []
    assert shown(expected, got) > 30

"""A laid-out row's words grouped into units that must share a cell, and where footnote marks go
(layout_units.py)."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered import layout_units
from section16.read.rendered.layout_words import Tok

from .conftest import PAGES, misses, reference


def test_a_mark_after_a_word_does_not_join_a_value_over_it() -> None:
    # "Stock (3)" ends the underlying title; the amount of underlying shares, printed one space after
    # "Common" on the line above, stands over that "(3)". The mark is the title's (one space after
    # its word): it does not also take the amount, which would run the two cells into one.
    words = [Tok(1, 135, 140, "Class"), Tok(1, 141, 142, "B"), Tok(2, 135, 141, "Common"),
             Tok(2, 142, 151, "1,412,997"), Tok(3, 135, 140, "Stock"), Tok(3, 141, 144, "(3)")]  # fmt: skip
    units = [sorted(t.text for t in u) for u in layout_units._units(words)]
    assert units == [["(3)", "B", "Class", "Common", "Stock"], ["1,412,997"]]
    # A mark alone under its value is still the value's.
    words = [Tok(2, 142, 151, "1,412,997"), Tok(3, 144, 147, "(3)")]
    assert [len(u) for u in layout_units._units(words)] == [2]


def test_a_mark_a_line_off_far_right_of_a_value_is_not_its() -> None:
    # The price shown by its mark alone, "(2)", a line below the amount of underlying shares and 10
    # characters right of it: not the amount's mark (a superscript stands a few characters off).
    amount = Tok(1, 147, 156, "3,109,744")
    assert layout_units._mark_apart([amount, Tok(2, 166, 169, "(2)")])
    assert not layout_units._mark_apart([amount, Tok(2, 160, 163, "(2)")])
    # Under or over the cell's words, or beside a word of its own line, it is weighed as before.
    assert not layout_units._mark_apart([amount, Tok(0, 150, 153, "(2)"), Tok(1, 170, 175, "words")])


def test_a_row_whose_underlying_title_runs_into_its_amount_reads() -> None:
    # Table II on the page after its heading: "Class B / Common 3,109,744 / Stock (3)", and the
    # price's "(2)" a line below. Both rows were refused ("a row's words do not fit the table's
    # columns in order"); now every field reads right. The page is mapped to the heading's grid,
    # whose page has no row to show where its numbers stand; but the page prints its two numbers
    # in two columns, the conversion's "3,109,744" right of the Class B row's: (D) and (A)
    # (layout_fit.two_amount_columns; before, acquired or disposed was said missing).
    name = "0001209191-11-062562"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert misses(expected, got) == []
    assert [m for m in got.missing if m.startswith("derivative")] == []
    assert [r.acquired_disposed.value for r in got.derivative_transactions] == ["D", "A"]
    row = got.derivative_transactions[0]
    assert (row.underlying_shares.footnote_ids, row.price_per_share.footnote_ids) == ((), ("F2",))
    assert row.underlying_shares.value == 3109744

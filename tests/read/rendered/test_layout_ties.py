"""A laid-out table whose back-to-back rows fit two cuts alike, read both ways (layout_ties.py): what
both readings agree on is read; natures of ownership they differ in are listed missing; any other
difference leaves the table unread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from section16 import parse
from section16.model import Filing, Value
from section16.read.rendered import layout_rows
from section16.read.rendered.layout_ties import read_both_ways

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
    # pdftotext, 0001567619-20-006874 (a Form 3): Table II's "Common" over "Stock" fits two rows
    # alike, so Table II is said missing; a tie among one table's own rows says nothing of the other
    # table's lines, so Table I (read on its own) is given, every field right.
    name = "0001567619-20-006874"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert "derivative_holdings" in got.missing and got.derivative_holdings == ()
    assert "non_derivative_holdings" not in got.missing
    assert len(got.non_derivative_holdings) == len(expected.non_derivative_holdings) > 0
    assert not any(n.where == "Table I" for n in got.notes)
    assert misses(expected, got) == []

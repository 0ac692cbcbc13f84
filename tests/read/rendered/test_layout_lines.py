"""Which lines make which row of a laid-out table (layout_lines.py): a row's nature of ownership that
holds two natures, each starting "By", is two rows' lines cut into one, and the table is not read."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.layout_lines import _natures_joined
from section16.read.rendered.layout_words import Tok

from .conftest import PAGES, misses, reference, toks


def test_two_natures_are_not_cut_into_one_row() -> None:
    # pdftotext, 0001140361-20-021384: Table I's natures ("By Philip" / "Singleton" / "Irrevocable" /
    # "Trust," / "Dated" / "December" / "24, 2015") are each row's tallest cell; the first row's
    # values stand a line low, so the cut centred on them ran the next row's first three nature
    # lines into this row, and the table was said missing (NATURES_JOINED). A cell holding two
    # lines that start "By" now costs as two values stacked (layout_rows.band_cost): the cut keeps
    # each nature whole and the table reads (Table II, whose D's and I's are not found, stays missing).
    name = "0001140361-20-021384"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.non_derivative_transactions) == len(expected.non_derivative_transactions) == 3
    assert {t.nature_of_ownership.value for t in got.non_derivative_transactions} == {
        "By Philip Singleton Irrevocable Trust, Dated December 24, 2015"
    }
    assert not any(n.where == "Table I" for n in got.notes)
    assert got.derivative_transactions == () and "derivative_transactions" in got.missing
    assert misses(expected, got) == []


def test_a_nature_starting_by_twice_is_two_natures() -> None:
    def cut(*lines: str) -> list[list[Tok]]:
        return [[t for k, ln in enumerate(lines) for t in toks(ln, k)]]

    assert _natures_joined([cut("By Philip", "Trust", "By Philip")], 0) == "By Philip Trust By Philip"
    # One "By" (a nature that starts so), a lowercase "by" inside a nature, and one line: one nature.
    assert _natures_joined([cut("By Philip", "Singleton", "Trust")], 0) is None
    assert _natures_joined([cut("shares held", "by Rankin", "Associates")], 0) is None
    assert _natures_joined([cut("Held by", "By Trust")], 0) is None

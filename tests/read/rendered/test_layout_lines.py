"""Which lines make which row of a laid-out table (layout_lines.py): a row's nature of ownership that
holds two natures, each starting "By", is two rows' lines cut into one, and the table is not read."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.layout_lines import NATURES_JOINED, _natures_joined
from section16.read.rendered.layout_words import Tok

from .conftest import PAGES, misses, reference, toks


def test_two_natures_cut_into_one_row_leave_the_table_unread() -> None:
    # pdftotext, 0001140361-20-021384: Table I's natures ("By Philip" / "Singleton" / "Irrevocable" /
    # "Trust," / "Dated" / "December" / "24, 2015") are each row's tallest cell; the first row's
    # values stand a line low, so the cut centred on them runs the next row's first three nature
    # lines into this row. The nature then starts "By" twice: the table is said missing, with why,
    # not read with two wrong natures (Table II, whose D's and I's are not found, stays missing too).
    name = "0001140361-20-021384"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    assert got.non_derivative_transactions == () and "non_derivative_transactions" in got.missing
    assert any(n.where == "Table I" and n.message.endswith(NATURES_JOINED) for n in got.notes)
    assert misses(reference(name), got) == []


def test_a_nature_starting_by_twice_is_two_natures() -> None:
    def cut(*lines: str) -> list[list[Tok]]:
        return [[t for k, ln in enumerate(lines) for t in toks(ln, k)]]

    assert _natures_joined([cut("By Philip", "Trust", "By Philip")], 0) == "By Philip Trust By Philip"
    # One "By" (a nature that starts so), a lowercase "by" inside a nature, and one line: one nature.
    assert _natures_joined([cut("By Philip", "Singleton", "Trust")], 0) is None
    assert _natures_joined([cut("shares held", "by Rankin", "Associates")], 0) is None
    assert _natures_joined([cut("Held by", "By Trust")], 0) is None

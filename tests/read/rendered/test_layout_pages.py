"""Tables over several pages of laid-out text (layout_pages.py): a later page's words moved to the
heading page's grid of characters."""

from __future__ import annotations

from section16.read.rendered import layout_pages

from .conftest import at, toks


def test_rows_on_a_later_page_are_moved_to_the_heading_pages_grid() -> None:
    # pdftotext lays page 2 out on a narrower grid: the same row's D stands at 129, not 172.
    cells = [(0, "Shares"), (44, "01/06/2025"), (88, "S(1)"), (103, "4,424"), (114, "D"), (120, "402.841"),
             (135, "100,976"), (172, "D")]  # fmt: skip
    row1 = at(*cells)
    row2 = at(*[(round(x * 0.75), text) for x, text in cells])
    lines = ["heading", row1, row2]
    scales = layout_pages._page_scales(lines, 1, 3, [0, 0, 1], 1, [0.0] * 11)
    moved = layout_pages._scaled(toks(row2, 2), scales[1])
    # The left edge, the date and the D land where page 1 prints them, the rest within a few
    # characters: near enough for the cells to be cut by type and order.
    assert [t.x0 for t in moved[:2]] == [0, 44]
    assert abs(moved[-1].x0 - 172) <= 1
    assert all(abs(a.x0 - b.x0) <= 3 for a, b in zip(moved, toks(row1, 1), strict=True))
    # Without the move the row's D would stand 43 characters off its column.
    assert toks(row2, 2)[-1].x0 == 129


def test_the_d_or_i_column_is_the_rightmost_column_of_lone_ds_and_is() -> None:
    # The (A)/(D) column's D's at 129 are many; the Ownership Form's at 262 are the column.
    assert layout_pages._rightmost_column([129.0, 129.5, 130.0, 262.0, 262.5, 263.0, 129.0]) == 262.5
    # A stray "I" of a nature of ownership ("Fund I") is not a column.
    assert layout_pages._rightmost_column([262.0, 262.5, 263.0, 262.0, 300.0]) == 262.5
    assert layout_pages._rightmost_column([]) is None

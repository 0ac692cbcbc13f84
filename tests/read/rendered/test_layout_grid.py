"""A later page of a laid-out table mapped by the values its rows print as the heading page's rows do
(layout_grid.py)."""

from __future__ import annotations

import pytest

from section16 import parse
from section16.read.rendered import layout_grid, layout_pages

from .conftest import PAGES, at, misses, reference, toks


def test_a_form_3_page_without_dates_is_mapped_by_its_rows_values() -> None:
    # Form 3, Table II: 18 holdings, 2 on the heading's page, 16 on the next, which pdftotext lays out
    # on a grid half as wide ("(1)" under the exercise date at 29, not 61). No row prints a date, so
    # the dates and the D or I alone did not move the page: its rows' D's and I's anchored no row
    # and the whole page ran into the heading page's last row (162 fields said missing). The rows'
    # lines of values ("Series B Preferred Stock  71,678  $ (1)  I", "(1)  (1)  Common") print on
    # both pages alike and place the columns.
    name = "0001209191-13-009116"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert len(got.derivative_holdings) == len(expected.derivative_holdings) == 18
    assert misses(expected, got) == []
    assert not [m for m in got.missing if m.startswith("derivative")]
    assert not got.notes


def _page(rows: list[list[tuple[int, str]]]) -> list[str]:
    return [at(*row) for row in rows]


def test_lines_that_print_alike_place_the_columns_between_the_date_and_the_d_or_i() -> None:
    # The heading page's row and a later page's, squeezed more on the right than on the left: the
    # date and the D or I alone put the code under the deemed date's heading; the code, the amount
    # and the price on a line of the same kinds place each where the heading page prints it.
    heading_row = [(0, "Preferred"), (17, "(1)"), (28, "02/21/2013"), (69, "C"), (85, "2,246,338"),
                   (133, "2,246,338"), (154, "$0"), (168, "0"), (182, "I")]  # fmt: skip
    later_row = [(0, "Preferred"), (16, "(1)"), (25, "02/21/2013"), (61, "C"), (75, "12,584"), (113, "12,584"),
                 (122, "$0"), (127, "0"), (131, "I")]  # fmt: skip
    lines = ["heading", *_page([heading_row, later_row])]
    knots = layout_grid.with_row_landmarks([(0.0, 0.0), (25.0, 28.0), (131.5, 182.5)], lines, [1], [2])
    moved = layout_pages._scaled(toks(lines[2], 2), tuple(knots))
    # Each value lands where the heading page prints its own (within 2 characters: a word is moved
    # by its left end, the map made of middles): the code, both amounts, the price.
    got = [t.mid for t in moved if t.text in ("C", "12,584", "$0")]
    assert all(abs(g - e) <= 2 for g, e in zip(got, [69.5, 89.5, 137.5, 155.0], strict=True))
    # The date and the D or I only (the map before): the code 11 characters right of its place.
    coarse = layout_pages._scaled(toks(lines[2], 2), ((0.0, 0.0), (25.0, 28.0), (131.5, 182.5)))
    assert [t.x0 for t in coarse if t.text == "C"] == [80]


def test_a_value_its_lines_print_in_two_places_is_no_landmark() -> None:
    # Two rows of one signature: one prints its amount under (A), the other under (D). That value
    # shows no one column (left aside); the code and the D or I still place theirs.
    page1 = _page([[(30, "10/23/2017"), (60, "C"), (84, "404,743"), (140, "I")],
                   [(30, "10/23/2017"), (60, "J"), (98, "2,977,085"), (140, "I")]])  # fmt: skip
    page2 = _page([[(20, "10/23/2017"), (40, "C"), (60, "81,699"), (90, "I")]])
    lines = ["heading", *page1, *page2]
    knots = layout_grid.with_row_landmarks([(0.0, 0.0)], lines, [1, 2], [3])
    assert [b for _a, b in knots] == [0.0, 35.0, 60.5, 140.5]


def test_knots_that_would_cross_those_found_are_left_aside() -> None:
    # A later page's line of a date and a number whose places cross the knots already found (its
    # number stands left of where the map has the D or I): no knot from it.
    page1 = _page([[(30, "10/23/2017"), (90, "1,000")]])
    page2 = _page([[(20, "10/23/2017"), (95, "1,000")]])
    lines = ["heading", *page1, *page2]
    found = [(0.0, 0.0), (80.0, 170.0)]
    assert layout_grid.with_row_landmarks(found, lines, [1], [2]) == found


def test_lines_are_also_matched_by_their_values_alone() -> None:
    # The heading page prints a holding's "(1)  (1)" among its values; the later page raises them to
    # the line above. The whole lines differ, their values alone (the amounts, "$", the D or I) do
    # not: those still place their columns.
    page1 = _page([[(69, "G"), (81, "111"), (96, "(1)"), (108, "(1)"), (133, "111"), (142, "$"), (156, "2,045"),
                    (171, "I")]])  # fmt: skip
    page2 = _page([[(40, "(1)"), (46, "(1)")], [(23, "G"), (28, "111"), (55, "111"), (61, "$"), (70, "9,451"),
                                                (77, "I")]])  # fmt: skip
    lines = ["heading", *page1, *page2]
    knots = layout_grid.with_row_landmarks([(0.0, 0.0)], lines, [1], [2, 3])
    assert knots == [(0.0, 0.0), (23.5, 69.5), (29.5, 82.5), (56.5, 134.5), (61.5, 142.5), (72.5, 158.5), (77.5, 171.5)]


def test_a_hostile_page_of_many_different_lines_weighs_few_signatures(monkeypatch: pytest.MonkeyPatch) -> None:
    # 3,000 lines on each page, each of its own signature: at most 64 signatures of each kind (whole
    # lines, values alone) are weighed against the knots found, not thousands.
    def line(k: int, number: str) -> str:  # (a number or a code for each bit of k: 3,000 signatures)
        return "   ".join(number if k >> bit & 1 else "A" for bit in range(12))

    page1 = [line(k, "1,000") for k in range(3000)]
    page2 = [line(k, "2,000") for k in range(3000)]
    lines = ["heading", *page1, *page2]
    weighed = []
    places = layout_grid._places

    def counted(rows: list[tuple[float, ...]]) -> list[float | None]:
        weighed.append(len(rows))
        return places(rows)

    monkeypatch.setattr(layout_grid, "_places", counted)
    knots = layout_grid.with_row_landmarks([(0.0, 0.0)], lines, range(1, 3001), range(3001, 6001))
    assert 0 < len(weighed) <= 2 * 2 * layout_grid._MOST
    assert layout_grid._in_order(knots)

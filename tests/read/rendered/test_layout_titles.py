"""Back-to-back rows whose titles wrap over lines (layout_titles.py); whole pages in test_layout.py."""

from __future__ import annotations

import pytest

from section16.read.rendered import tables
from section16.read.rendered.layout_ties import TITLE_TIED
from section16.read.rendered.layout_titles import titles_run_on
from section16.read.rendered.layout_words import Tok


def _rows() -> tuple[dict[int, tuple[int, list[list[Tok]]]], dict[int, list[str]]]:
    # Row 0's title "Restricted" / "Stock" / "Units" / "Restricted": its last line starts as its
    # first, so it may be the next row's first line ("Restricted" / "Stock Units" below).
    first = [Tok(1, 0, 10, "Restricted"), Tok(2, 0, 5, "Stock"), Tok(3, 0, 5, "Units"), Tok(4, 0, 10, "Restricted")]
    second = [Tok(5, 0, 5, "Stock"), Tok(5, 6, 11, "Units")]
    placed = {0: (0, [first, [Tok(2, 20, 24, "1,000")]]), 1: (0, [second, [Tok(5, 20, 24, "2,000")]])}
    cells = {0: ["Restricted Stock Units Restricted", "1,000"], 1: ["Stock Units", "2,000"]}
    return placed, cells


def test_a_title_that_starts_as_it_ends_is_refused_when_untold() -> None:
    placed, cells = _rows()
    with pytest.raises(tables.RowError, match=TITLE_TIED):
        titles_run_on(placed, cells, ("title", "shares"), None)


def test_told_late_the_last_line_goes_to_the_next_rows_title() -> None:
    placed, cells = _rows()
    titles_run_on(placed, cells, ("title", "shares"), "late")
    assert cells[0][0] == "Restricted Stock Units"
    assert cells[1][0] == "Restricted Stock Units"
    assert cells[0][1] == "1,000" and cells[1][1] == "2,000"


def test_told_early_a_first_row_keeps_its_title() -> None:
    placed, cells = _rows()
    titles_run_on(placed, cells, ("title", "shares"), "early")
    assert cells == _rows()[1]

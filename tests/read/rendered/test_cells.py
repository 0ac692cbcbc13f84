"""One spelling for marks and white space (cells.normalize), on the cells pages actually print."""

from __future__ import annotations

import pytest

from section16.read.rendered.cells import normalize


@pytest.mark.parametrize(
    ("cell", "want"),
    [
        ("  Common   Stock ", "Common Stock"),
        ("a \n\n  b  \n", "a\nb"),
        ("\u00a0", ""),  # an &nbsp; cell is empty
        (" \u00a0 (1) ", "(1)"),
        ("a\u00a0\u00a0b\n\u00a0\nc\u00a0", "a b\nc"),
        # The older stylesheets join street and city lines with ",&nbsp;": those are line breaks.
        ("MENLO PARK,\u00a0CA\u00a094025", "MENLO PARK\nCA 94025"),
        ("x\u00a0[x]\u00a0y \u2610 z", "x [X] y [ ] z"),
        ("1,598\u00b9\u207e", "1,598(1)"),
        ("price^2^", "price(2)"),
        ("a\r\nb", "a\nb"),
    ],
)
def test_normalize(cell: str, want: str) -> None:
    assert normalize(cell) == want

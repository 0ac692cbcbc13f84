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


@pytest.mark.parametrize(
    ("text", "line", "joined"),
    [
        ("Newlight GP LLC (f/k/", "a Strategic", "Newlight GP LLC (f/k/a Strategic"),
        ("as of 12/31/", "2019", "as of 12/31/2019"),
        ("Rule 10b5-", "1 plan", "Rule 10b5-1 plan"),
        # A token that opens with its "/" closes with it: the line breaks at the space after it.
        ("Signed /s/", "Jane Doe", "Signed /s/ Jane Doe"),
        ("BANK OF AMERICA CORP /DE/", "By: Its", "BANK OF AMERICA CORP /DE/ By: Its"),
        ("and/", "or", "and/or"),
    ],
)
def test_a_line_broken_inside_a_word_goes_on_without_a_space(text: str, line: str, joined: str) -> None:
    from section16.read.rendered.cells import run_on

    assert run_on(text, line) == joined


def test_remarks_a_browser_broke_after_a_slash_read_whole() -> None:
    # w3m broke the remarks' line inside "(f/k/a Strategic ...)": read "f/k/ a" before.
    from section16 import parse

    from .conftest import PAGES, misses, reference

    name = "0000899243-20-021530"
    got = parse(PAGES / f"{name}.w3m-dump.txt")
    assert got.remarks is not None and "(f/k/a Strategic" in got.remarks
    assert [m for m in misses(reference(name), got) if m[0] == "remarks"] == []


def test_a_cells_lines_broken_inside_a_word_are_one_word_again() -> None:
    # pymupdf4llm writes the lines the paper wrapped a cell into as "<br>": "Venture 2010-" over
    # "Seed Fund, L.P." was read "2010- Seed".
    from section16 import parse
    from section16.read.rendered.cells import flat

    from .conftest import PAGES, reference

    assert flat("Sequoia Capital U.S.\nVenture 2010-\nSeed Fund, L.P.") == (
        "Sequoia Capital U.S. Venture 2010-Seed Fund, L.P."
    )
    assert flat("By\nTrust -\nsee note") == "By Trust - see note"
    name = "0001209191-18-023842"
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    want = reference(name).non_derivative_holdings[0].nature_of_ownership
    assert want is not None and got.non_derivative_holdings[0].nature_of_ownership == want


@pytest.mark.parametrize(
    ("text", "line", "joined"),
    [
        ("par value $.", "0001 per share", "par value $.0001 per share"),
        ("FIRST COMMUNITY BANKSHARES INC /", "VA/", "FIRST COMMUNITY BANKSHARES INC /VA/"),
        ("ratio 2 /", "3 of", "ratio 2 / 3 of"),  # (not a state's tail)
        ("paid $", "5.00", "paid $ 5.00"),
    ],
)
def test_a_price_or_a_names_state_broken_at_a_line_is_one_again(text: str, line: str, joined: str) -> None:
    from section16.read.rendered.cells import run_on

    assert run_on(text, line) == joined

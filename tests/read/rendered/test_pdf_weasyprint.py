"""PDF printed by weasyprint (issue 3 names it beside chromium): read as the XML reads.

weasyprint draws the SEC page differently from chromium: each cell's border is filled between an outer
and an inner rectangle (two edges 2.3 points apart), cells stand apart (cell spacing), a tall heading's
words are centred in their cells (so its "1. Title of" line stands low in the heading's band), and a
heading may be cut by the page break. Each page below is compared with its XML field by field, strictly:
only what the SEC page itself cannot show (the HTML page's own ``missing``) is left out.
"""

from __future__ import annotations

import pytest

from section16 import parse
from section16.read.rendered.compare import compare

from .conftest import PAGES, html_of, misses, reference

CASES = {
    "0001626431-20-000036": "Table I and a Table II row; the heading's words centred low in its band",
    "0001861449-22-000013": "Table II's heading cut by the page break ('of Shares' on the next page)",
    "0000899243-20-001780": "an empty Table II: the heading drawn and no row",
    "0001225208-26-005409": "the Rule 10b5-1 box checked: a square drawn in the box, centred on its label's lines",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_weasyprint_pdf_reads_as_the_xml(name: str) -> None:
    got = parse(PAGES / f"{name}.weasyprint-pdf.pdf")
    assert got.source.format == "pdf"
    expected = reference(name)
    page_missing = parse(html_of(name).encode()).missing  # what no rendering of the page shows
    fields = compare(expected, got, missing=page_missing)
    assert len(fields) > 20
    assert [(p, e, g) for p, e, g in fields if e != g] == [], CASES[name]
    assert len(got.non_derivative_transactions) + len(got.non_derivative_holdings) == len(
        expected.non_derivative_transactions
    ) + len(expected.non_derivative_holdings)
    assert len(got.derivative_transactions) + len(got.derivative_holdings) == len(
        expected.derivative_transactions
    ) + len(expected.derivative_holdings)


@pytest.mark.parametrize(
    ("name", "where"),
    [
        # "par value $." over "0001 per share": a price of cents broken after its point.
        ("0000899866-20-000022", "non_derivative_transactions[0].security_title"),
        # "BANKSHARES INC /" over "VA/": the state EDGAR appends to a name, broken after its first "/".
        ("0001209191-20-007132", "issuer.name"),
    ],
)
def test_lines_weasyprint_broke_inside_a_value_go_on_without_a_space(name: str, where: str) -> None:
    got = parse(PAGES / f"{name}.weasyprint-pdf.pdf")
    assert [m for m in misses(reference(name), got) if m[0] == where] == []

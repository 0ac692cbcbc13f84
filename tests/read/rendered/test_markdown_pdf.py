"""Markdown made from the printed PDF by a PDF-to-Markdown converter (pymupdf4llm, committed pages):
pipe tables drawn from the PDF's rules, so a table may take in the next section's cells and a cell
boundary may cut a word. One table that cannot be read leaves its rows unread, listed missing with
why; the rest of the page is read."""

from __future__ import annotations

import pytest

from section16 import parse
from section16.errors import ParseError
from section16.read.rendered.form import TABLE_FIELDS

from .conftest import PAGES, misses, reference

HESS = PAGES / "0000093410-26-000117.pymupdf4llm.md"


def test_one_table_unread_does_not_refuse_the_page() -> None:
    # pymupdf4llm drew the Reporting Owners table into Table II's pipe table: Table II's cells do not
    # fit its columns. Table I, the boxes and the footnotes are read; Table II's rows are missing.
    got = parse(HESS)
    assert got.source.format == "markdown"
    assert set(TABLE_FIELDS[2]) <= set(got.missing)
    assert not set(TABLE_FIELDS[1]) & set(got.missing)
    assert any(n.where == "Table II" and n.message.startswith("rows not read") for n in got.notes)
    assert got.derivative_transactions == () and got.derivative_holdings == ()
    ref = reference("0000093410-26-000117")
    assert len(got.non_derivative_transactions) == len(ref.non_derivative_transactions) == 3
    assert len(got.non_derivative_holdings) == len(ref.non_derivative_holdings) == 5
    assert got.period_of_report == ref.period_of_report
    # Nothing the reading gives (not listed missing) is wrong.
    wrong = [m for m in misses(ref, got) if m[0].startswith(("non_derivative", "period", "document_type"))]
    assert wrong == []


def test_a_page_without_the_form_still_refuses() -> None:
    text = HESS.read_text()
    cut = text[: text.index("Table I - Non-Derivative")]  # the page cut off above Table I
    with pytest.raises(ParseError, match="Table I"):
        parse(cut.encode())


def test_html_tables_still_refuse_as_a_whole() -> None:
    # Only Markdown reads table by table: an HTML page whose Table I row does not fit is refused.
    from section16.read.rendered import parse_html

    row = "<tr><td>Common Stock</td><td>D</td><td>05/06/2026</td></tr>"
    page = (
        "<html><body><p>FORM 4</p><p>1. Name and Address of Reporting Person</p>"
        "<table><tr><td>Table I - Non-Derivative Securities Acquired</td></tr>" + row + "</table></body></html>"
    )
    with pytest.raises(ParseError):
        parse_html(page.encode())

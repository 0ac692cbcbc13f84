"""HTML pages: the SEC stylesheets' output (rendered here from XML fixtures) and pages saved from EDGAR."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from section16 import parse
from section16.read.rendered.html import _bare_mark, html_to_doc
from section16.read.sniff import sniff

from .conftest import FILINGS, RENDERED, html_of, misses, reference, shown

#: Fields the stylesheet page prints in a way that cannot give the XML back, per filing: X06 pages
#: leave conversion-price footnotes out and print
#: street1/street2 on one line; the X09 page prints a foreign address's country where a state would be;
#: the X06 Reporting Owners table of a 9-owner filing runs city and state together.
KNOWN = {
    "0001120437-20-000008": ("conversion_or_exercise_price.footnotes", "address.street1", "address.street2"),
    "0001046179-26-000290": ("address.state",),
    "0000769993-19-000383": ("reporting_owners[",),
    # The filer typed "LONDON," with the comma; pages of that era add one after the city themselves.
    "0001493152-25-009612": ("address.city",),
}


@pytest.mark.parametrize("name", FILINGS)
def test_stylesheet_page_reads_as_the_xml(name: str) -> None:
    expected = reference(name)
    page = html_of(name).encode()
    assert sniff(page) == "html"
    got = parse(page)
    assert got.source.format == "html"
    assert got.document_type == expected.document_type
    assert got.period_of_report == expected.period_of_report
    assert len(got.rows) == len(expected.rows)
    assert shown(expected, got) > 10
    bad = [m for m in misses(expected, got) if not any(k in m[0] for k in KNOWN.get(name, ()))]
    assert bad == []


def test_literal_parenthesised_number_in_a_title_is_not_a_footnote_mark() -> None:
    # The stylesheets print footnote marks as <sup>(2)</sup>; this title is "Class B Common Stock (2)".
    got = parse(html_of("0000899243-21-019441").encode())
    titles = {r.security_title.value for r in got.derivative_transactions}
    assert "Class B Common Stock (2)" in titles
    row = next(r for r in got.derivative_transactions if r.security_title.value == "Class B Common Stock (2)")
    assert row.security_title.footnote_ids == ()
    assert all("\u2060" not in (fn.text or "") for fn in got.footnotes)


@pytest.mark.parametrize(
    ("page", "twin"),
    [("374WaterForm4.html", "374WaterForm4_69fb9b56"), ("0001127602-15-028697.html", "0001127602-15-028697")],
)
def test_edgar_page_reads_as_its_xml(page: str, twin: str) -> None:
    expected = reference(twin)
    got = parse(RENDERED / "edgar" / page)
    assert shown(expected, got) > 30
    assert misses(expected, got) == []


def test_edgar_page_values() -> None:
    f = parse(RENDERED / "edgar" / "form4.Evans.html")
    assert (f.document_type, f.period_of_report) == ("4", date(2023, 1, 24))
    assert (f.issuer.name, f.issuer.trading_symbol) == ("EVANS BANCORP INC", "EVBN")
    owner = f.reporting_owners[0]
    assert owner.name == "SULLIVAN NORA B"
    assert owner.relationship.labels == ("Director",)
    assert owner.address is not None and owner.address.city == "WILLIAMSVILLE"
    t = f.non_derivative_transactions[0]
    assert (t.code, t.shares.value, t.shares.footnote_ids) == ("A", Decimal("519"), ("F1",))
    assert (t.price_per_share.value, t.shares_owned_after.value) == (Decimal("39.52"), Decimal("5381.2"))
    assert f.signatures[0].date == date(2023, 1, 26)


@pytest.mark.parametrize("page", sorted(p.name for p in (RENDERED / "edgar").glob("*.html")))
def test_every_edgar_page_reads(page: str) -> None:
    f = parse(RENDERED / "edgar" / page)
    assert f.form in ("3", "4", "5")
    assert f.reporting_owners[0].name
    assert f.issuer.trading_symbol
    assert f.signatures


def test_walk_rows_cells_and_layout_text() -> None:
    page = (
        b"<html><head><title>t</title><script>x = '<td>'</script></head><body>Intro<br/>line\n two"
        b"<table><tr><td>layout<table><tbody><tr><td>a<br>b</td><th> c &amp; <b>d</b></th></tr></tbody>"
        b"<tr></tr><td>loose</td></table>tail</td><td><div>block</div>x</td></tr></table>"
        b"<p>after <input type='CHECKBOX' checked> box <input type=radio> r <input type=text> t</p></body></html>"
    )
    assert html_to_doc(page) == [
        ["Intro"], ["line two"], ["layout"], ["a\nb", "c & d"], [], ["loose"], ["tail"],
        ["block"], ["x"], ["after [X] box [ ] r t"],
    ]  # fmt: skip


def test_walk_marks_spelled_by_the_page_are_text() -> None:
    # The walk marks rows and cells with private-use characters; a page holding them (as characters
    # or as references) gets other marks, and its text stays whole.
    for page in (
        "<html><body><table><tr><td>a\ue0e1b</td><td>c\ue0e2d\ue0e0</td></tr></table></body></html>".encode(),
        b"<html><body><table><tr><td>a&#xE0E1;b</td><td>c&#57570;d&#57568;</td></tr></table></body></html>",
        "<html><body><table><tr><td>a\ue0e1b</td><td>c\ue0e2d\ue0e0</td></tr></table></body></html>".encode("utf-16"),
    ):
        assert html_to_doc(page) == [["a\ue0e1b", "c\ue0e2d\ue0e0"]]


def test_walk_white_space_of_the_page_is_not_a_line_break() -> None:
    page = b"<html><body><table><tr><td>a\r\nb\tc\x0cd\x0be  f</td><td>\xc2\xa0</td></tr></table></body></html>"
    assert html_to_doc(page) == [["a b c d e f", ""]]


def test_walk_rows_with_a_cell_holding_a_table_are_layout() -> None:
    # A row (in tbody, or a table's loose cells) with a cell holding a table: each cell walked as
    # layout, its table's rows between; a row without one stays a row of cells.
    page = (
        b"<html><body><table><tbody><tr><td>a</td><td>b<table><tr><td>c</td></tr></table>d</td></tr>"
        b"<tr><td>e</td><th>f</th></tr></tbody><td>g</td><th>h<table><tr><td>i</td></tr></table></th></table>"
        b"<table><td>j</td><td>k</td></table></body></html>"
    )
    assert html_to_doc(page) == [["a"], ["b"], ["c"], ["d"], ["e", "f"], ["g"], ["h"], ["i"], ["j", "k"]]


def test_walk_cells_and_rows_holding_a_table_outside_rows_are_layout() -> None:
    # A cell or row holding a table met outside a table's rows (the parser leaves a stray <td> where
    # it stands) is read as layout: no cell's space after it ("B" and "C" run on), no line break
    # around it; any other element holding a table reads as it would without one (a block on lines
    # of its own, an inline element as its text).
    assert html_to_doc(
        b"<html><body><div><td>A<table><tr><td>x</td></tr></table>B</td><td>C</td></div>D</body></html>"
    ) == [["A"], ["x"], ["BC"], ["D"]]
    assert html_to_doc(
        b"<html><body><p>p1<span>s<table><tr><td>x</td><td>y</td></tr></table>t</span>u</p>"
        b"<center>c<table><tr><td>z</td></tr></table></center></body></html>"
    ) == [["p1s"], ["x", "y"], ["tu"], ["c"], ["z"]]
    assert html_to_doc(
        b"<html><body><ul><li>one<table><tr><td>x</td></tr></table>two</li></ul>"
        b"<th>h<table><tr><td>q</td></tr></table></th>e</body></html>"
    ) == [["one"], ["x"], ["two"], ["h"], ["q"], ["e"]]


def test_walk_tables_nested_and_side_by_side() -> None:
    # Each table's holders are marked walking up to the first one already marked: tables nested in
    # one another, and many side by side in one cell, each read, every table's text on its own line.
    depth = 50
    page = b"<html><body>" + b"<table><tr><td>x" * depth + b"</td></tr></table>" * depth + b"</body></html>"
    assert html_to_doc(page) == [["x"]] * depth
    wide = b"<table><tr><td>" + b"<table><tr><td>y</td><td>z</td></tr></table>" * 2000 + b"</td></tr></table>"
    assert html_to_doc(b"<html><body>" + wide + b"</body></html>") == [["y", "z"]] * 2000


@pytest.mark.parametrize(
    ("raw", "bare"),
    [
        (b"<sup>(1)</sup> Stock", False),
        (b"Class B Stock (2)", True),
        (b"(3) at the start", True),
        (b"<sup>(1)</sup> and <b>(12)</b>", True),
        (b"(1234) is no mark", False),
        (b"<SUP>(1)</SUP>", True),  # (as the page's bytes spell it: only "<sup>" is the stylesheets')
    ],
)
def test_bare_mark(raw: bytes, bare: bool) -> None:
    assert _bare_mark(raw) is bare


def test_walk_of_text_or_bytes_known_utf8_reads_as_bytes_checked() -> None:
    # Text, or bytes the caller says are UTF-8 (the Markdown front end's joined blocks), are not
    # decoded again to find out; they read as the same bytes checked do, marks spelled by the page too.
    page = "<table><tr><td>Zoë &#xE0E1; ½</td><td>\u00a0x\ue0e2</td></tr></table><p>Ünder</p>"
    checked = html_to_doc(page.encode())
    assert checked == [["Zoë \ue0e1 ½", "x\ue0e2"], ["Ünder"]]
    assert html_to_doc(page) == checked
    assert html_to_doc(page.encode(), utf8_known=True) == checked

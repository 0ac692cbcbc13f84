"""The HTML page: EDGAR's boxes and columns, every owner, footnote marks, escaping, self-contained."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import lxml.html
import pytest

import section16
from section16.filer import load_filing
from section16.model import Filing, Footnote
from section16.write.html import to_html
from tests.conftest import FIXTURES, ROOT

WRITE_FIXTURES = FIXTURES / "write"
EXAMPLES = ROOT / "docs" / "examples"


def _page(f: Filing) -> lxml.html.HtmlElement:
    page = lxml.html.document_fromstring(to_html(f))
    for br in page.iter("br"):  # a line break reads as a space
        br.tail = " " + (br.tail or "")
    return page


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def test_form4_page_has_the_boxes_columns_and_values() -> None:
    f = section16.parse(WRITE_FIXTURES / "0001127602-15-028697.xml")  # Brin, 18 sales, 20 footnotes
    page = _page(f)
    text = _text(page)
    for label in (
        "FORM 4",
        "1. Name and Address of Reporting Person",
        "2. Issuer Name and Ticker or Trading Symbol",
        "3. Date of Earliest Transaction (Month/Day/Year)",
        "5. Relationship of Reporting Person(s) to Issuer",
        "6. Individual or Joint/Group Filing",
        "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
        "7. Nature of Indirect Beneficial Ownership (Instr. 4)",
        "11. Nature of Indirect Beneficial Ownership (Instr. 4)",
        "Explanation of Responses:",
        "Remarks:",
        "Signature of Reporting Person",
    ):
        assert label in text, label
    assert "GOOGLE INC. [ GOOG ]" in text
    assert "10/02/2015" in text
    assert "$634.4608" in text and "21,169,379" in text
    # One table row per filed row.
    tables = page.xpath("//table[@class='form-table']")
    assert len(tables[0].xpath("./tbody/tr")) == len(f.non_derivative_transactions) + len(f.non_derivative_holdings)
    assert len(tables[1].xpath("./tbody/tr")) == len(f.derivative_transactions) + len(f.derivative_holdings)
    # Table I rows have the 11 numbered cells of the form, Table II rows 16.
    assert {len(r.xpath("./td")) for r in tables[0].xpath("./tbody/tr")} == {11}
    assert {len(r.xpath("./td")) for r in tables[1].xpath("./tbody/tr")} == {16}


def test_footnote_marks_are_superscripts_linking_to_the_explanations() -> None:
    f = section16.parse(WRITE_FIXTURES / "0001127602-15-028697.xml")
    page = _page(f)
    cited = {fid for r in f.rows for fid in _ids(r)}
    marks = page.xpath("//sup[@class='fn']/a")
    assert {a.get("href")[1:] for a in marks} == cited
    assert all(a.text_content() == f"({a.get('href')[2:]})" for a in marks)
    for fn in f.footnotes:
        (target,) = page.xpath(f"//*[@id='{fn.id}']")
        assert _text(target).startswith(f"{fn.id[1:]}. ")


def _ids(row: object) -> set[str]:
    out: set[str] = set()
    for v in dataclasses.asdict(row).values():  # type: ignore[call-overload]
        if isinstance(v, dict):
            out.update(v.get("footnote_ids", ()))
    return out


def test_every_owner_of_a_joint_filing_is_listed() -> None:
    f = section16.parse(WRITE_FIXTURES / "0000899243-20-011293.xml")  # a Form 3 by five owners
    assert len(f.reporting_owners) == 5
    page = _page(f)
    (owners,) = page.xpath("//table[@class='owners']")
    rows = owners.xpath("./tbody/tr")
    assert len(rows) == 5
    for row, o in zip(rows, f.reporting_owners, strict=True):
        assert o.name and o.name in _text(row)
    assert "Form filed by More than One Reporting Person" in _text(page)


def test_single_owner_page_has_no_owner_table() -> None:
    f = load_filing(EXAMPLES / "sale-10b5-1.yaml")
    assert not _page(f).xpath("//table[@class='owners']")


def test_form3_and_form5_use_their_own_boxes() -> None:
    f3 = _text(_page(load_filing(EXAMPLES / "form3-options.yaml")))
    assert "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES" in f3
    assert "2. Date of Event Requiring Statement (Month/Day/Year) 02/16/2026" in f3
    assert "4. Conversion or Exercise Price of Derivative Security" in f3
    assert "no longer subject to Section 16" not in f3
    f5 = _text(_page(section16.parse(WRITE_FIXTURES / "0000011544-20-000013.xml")))
    assert "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP" in f5
    assert "Statement for Issuer's Fiscal Year Ended" in f5
    assert "Form 4 Transactions Reported." in f5


def test_checkboxes_follow_the_filing() -> None:
    page = _page(load_filing(EXAMPLES / "sale-10b5-1.yaml"))
    boxes = {}
    for div in page.xpath("//div[span[@class='box']]"):
        mark = div.xpath("string(span[@class='box'])").strip()
        boxes[_text(div).removeprefix(mark).strip()[:30]] = mark
    assert boxes["Check this box to indicate tha"] == "X"
    assert boxes["Check this box if no longer su"] == ""
    assert boxes["Form filed by One Reporting Pe"] == "X"
    assert boxes["Form filed by More than One Re"] == ""


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & </td></table><b>bold</b>'


def test_all_filing_text_is_escaped() -> None:
    base = load_filing(EXAMPLES / "sale-10b5-1.yaml")
    owner = dataclasses.replace(base.reporting_owners[0], name=HOSTILE)
    issuer = dataclasses.replace(base.issuer, name=HOSTILE, trading_symbol="<i>X</i>")
    f = dataclasses.replace(
        base,
        issuer=issuer,
        reporting_owners=(owner, dataclasses.replace(owner, cik="2")),
        footnotes=(Footnote("F1", HOSTILE), base.footnotes[1]),
        remarks=HOSTILE,
    )
    out = to_html(f)
    for raw in ("<script", "<img", "<b>bold", "<i>X", "</td></table><b>"):
        assert raw not in out, raw
    page = lxml.html.document_fromstring(out)
    assert not page.xpath("//script|//img|//b[text()='bold']")
    text = "".join(str(t) for t in page.itertext())
    assert text.count('<script>alert("x")</script>') >= 5  # issuer, box 1, owners table x2, footnote, remarks


def test_page_is_self_contained() -> None:
    for p in sorted(WRITE_FIXTURES.glob("*.xml")):
        page = _page(section16.parse(p))
        assert not page.xpath("//script|//link|//img|//iframe|//object")
        hrefs = [a.get("href") for a in page.xpath("//a[@href]")]
        assert all(h.startswith("#") for h in hrefs), p.name
        assert page.xpath("//style")


@pytest.mark.parametrize("path", sorted(WRITE_FIXTURES.glob("*.xml")), ids=lambda p: p.name)
def test_every_fixture_renders(path: Path) -> None:
    f = section16.parse(path)
    page = _page(f)
    text = _text(page)
    for fn in f.footnotes:
        assert " ".join(fn.text.split()) in text
    for s in f.signatures:
        assert s.name is None or " ".join(s.name.split()) in text


def test_hostile_footnote_ids_cannot_break_out_of_attributes() -> None:
    base = load_filing(EXAMPLES / "gift.yaml")
    evil_id = 'F1" onmouseover="alert(1)'
    row = base.non_derivative_transactions[0]
    nature = dataclasses.replace(row.nature_of_ownership, footnote_ids=(evil_id,))
    f = dataclasses.replace(
        base,
        non_derivative_transactions=(dataclasses.replace(row, nature_of_ownership=nature),),
        footnotes=(Footnote(evil_id, "text"),),
    )
    page = lxml.html.document_fromstring(to_html(f))
    assert not page.xpath("//*[@onmouseover]")
    assert page.xpath("//a/@href") == ["#" + evil_id]
    assert page.xpath("//td/@id") == [evil_id]

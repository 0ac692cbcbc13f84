"""The Markdown of the form: GFM pipe tables that stay tables, escaped text, footnotes, every owner."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import lxml.html
import pytest
from markdown_it import MarkdownIt

import section16
from section16.filer import load_filing
from section16.model import Coding, Filing, Footnote, Value
from section16.write.markdown import md_escape, to_markdown
from tests.conftest import FIXTURES, ROOT

WRITE_FIXTURES = FIXTURES / "write"
EXAMPLES = ROOT / "docs" / "examples"

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _tables(md: str) -> list[list[list[str]]]:
    """Each pipe table as rows of cells, split on unescaped pipes (as a GFM renderer does)."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    for line in md.split("\n"):
        if line.startswith("|"):
            cells = [c.strip() for c in _UNESCAPED_PIPE.split(line)[1:-1]]
            if current is None:
                current = []
                tables.append(current)
            current.append(cells)
        else:
            current = None
    return tables


def _check_tables(md: str) -> list[list[list[str]]]:
    tables = _tables(md)
    for t in tables:
        width = len(t[0])
        assert all(len(r) == width for r in t), t  # a stray pipe would change a row's width
        assert all(re.fullmatch(r"-+", c) for c in t[1])  # the delimiter row
    return tables


def test_form4_tables_have_the_form_columns_and_one_row_per_line() -> None:
    f = section16.parse(WRITE_FIXTURES / "0001127602-15-028697.xml")
    md = to_markdown(f)
    t1, t2, *_ = _check_tables(md)
    assert len(t1[0]) == 11 and len(t2[0]) == 16
    assert t1[0][0] == "1. Title of Security (Instr. 3)"
    assert t1[2][3:8] == ["Code", "V", "Amount", "(A) or (D)", "Price"]
    rows = t1[3:]
    assert len(rows) == len(f.non_derivative_transactions) + len(f.non_derivative_holdings)
    assert rows[1][0] == "Class A Common Stock <sup>(1)</sup>"
    assert rows[1][7] == r"\$634.4608 <sup>(2)</sup>"
    assert "GOOGLE INC. [ GOOG ]" in md
    assert "(20) " in md  # footnotes as (n) paragraphs


def test_hostile_text_is_escaped_and_pipes_do_not_break_tables() -> None:
    base = load_filing(EXAMPLES / "gift.yaml")
    hostile = "<script>alert(1)</script> | *bold* [link](http://x) `code` $5 & <!-- c --> # h"
    row = base.non_derivative_transactions[0]
    title = dataclasses.replace(row.security_title, value="Common | Stock <b>")
    f = dataclasses.replace(
        base,
        non_derivative_transactions=(dataclasses.replace(row, security_title=title),),
        footnotes=(Footnote("F1", hostile),),
        remarks=hostile,
    )
    md = to_markdown(f)
    # Markup starts only where a renderer sees an unescaped character.
    assert not re.search(r"(?<!\\)<(script|b>|!--)", md)
    assert not re.search(r"(?<!\\)\]\(http", md) and not re.search(r"(?<!\\)\*bold", md)
    (t1, _t2) = _check_tables(md)
    assert t1[3][0] == r"Common \| Stock \<b\>"
    assert md_escape(hostile) in md


def test_line_breaks_inside_text_become_br() -> None:
    assert md_escape("line one\nline two") == "line one<br>line two"
    assert md_escape("a | b") == r"a \| b"


def test_every_owner_of_a_joint_filing_is_listed() -> None:
    f = section16.parse(WRITE_FIXTURES / "0000899243-20-011293.xml")
    md = to_markdown(f)
    owners = _check_tables(md)[-1]
    assert owners[0][0] == "Reporting Owner Name / Address"
    assert len(owners) == 2 + len(f.reporting_owners)
    for row, o in zip(owners[2:], f.reporting_owners, strict=True):
        assert o.name and row[0].startswith(md_escape(o.name))
    assert "[X] Form filed by More than One Reporting Person" in md


def test_form3_tables() -> None:
    md = to_markdown(load_filing(EXAMPLES / "form3-options.yaml"))
    t1, t2 = _check_tables(md)
    assert t1[0][1] == "2. Amount of Securities Beneficially Owned (Instr. 4)"
    assert len(t2[0]) == 8
    assert t2[3][:3] == ["Restricted Stock Units", "<sup>(2)</sup>", "<sup>(2)</sup>"]


def _signature_lines(f: Filing, md: str) -> None:
    before, _, _ = md.partition(r"\*\* Signature of Reporting Person Date")
    for s in f.signatures:
        assert s.name is not None and md_escape(s.name, one_line=True) in before


@pytest.mark.parametrize("path", sorted(WRITE_FIXTURES.glob("*.xml")), ids=lambda p: p.name)
def test_every_fixture_renders_clean_tables(path: Path) -> None:
    f = section16.parse(path)
    md = to_markdown(f)
    _check_tables(md)
    _signature_lines(f, md)
    for fn in f.footnotes:
        assert md_escape(fn.text) in md


def _rendered(md: str) -> lxml.html.HtmlElement:
    # CommonMark with raw HTML allowed and GFM tables: the strictest reading of our output.
    renderer = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    return lxml.html.fragment_fromstring(renderer.render(md), create_parent="div")


def test_a_markdown_renderer_shows_hostile_text_as_text() -> None:
    base = load_filing(EXAMPLES / "gift.yaml")
    hostile = "<script>alert(1)</script> | *bold* ~~x~~ [l](http://x) `c` $5 & &amp; <!-- c --> # h \\ end"
    row = base.non_derivative_transactions[0]
    f = dataclasses.replace(
        base,
        non_derivative_transactions=(
            dataclasses.replace(row, security_title=dataclasses.replace(row.security_title, value=hostile[:60])),
        ),
        footnotes=(Footnote("F1", hostile),),
        remarks=hostile,
    )
    page = _rendered(to_markdown(f))
    assert not page.xpath("//script|//a|//em|//strong[text()='bold']|//code|//del|//h1[text()='h']")
    texts = [" ".join(p.text_content().split()) for p in page.xpath("//p")]
    assert f"(1) {hostile}" in texts
    assert hostile in texts
    (cell,) = page.xpath("//table[1]/tbody/tr[2]/td[1]")
    assert cell.text_content().strip() == hostile[:60].strip()


@pytest.mark.parametrize("path", sorted(WRITE_FIXTURES.glob("*.xml"))[:6], ids=lambda p: p.name)
def test_rendered_tables_keep_their_shape(path: Path) -> None:
    f = section16.parse(path)
    page = _rendered(to_markdown(f))
    tables = page.xpath("//table")
    assert len(tables) == 2 + (len(f.reporting_owners) > 1)
    for t in tables:
        widths = {len(r.xpath("./th|./td")) for r in t.xpath(".//tr")}
        assert len(widths) == 1
    sups = [s.text_content() for s in page.xpath("//table//sup")]
    cited = sum(len(v.footnote_ids) for r in f.rows for v in _values(r))
    assert len(sups) == cited


def _values(row: object) -> list[Value[object]]:
    out: list[Value[object]] = []
    for name in row.__dataclass_fields__:  # type: ignore[attr-defined]
        v = getattr(row, name)
        if isinstance(v, Value):
            out.append(v)
        elif isinstance(v, Coding):
            out.append(Value(v.code, v.footnote_ids))
    return out

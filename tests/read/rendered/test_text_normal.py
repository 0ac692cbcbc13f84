"""A laid-out page's text spelt one way (text_normal.py): each replacement keeps every line's width, so
the columns stay where they were."""

from __future__ import annotations

import pytest

from section16.read.rendered.text_normal import normalize_layout


@pytest.mark.parametrize(
    ("line", "spelt"),
    [
        ("$ 5.00^(1)   D", "$ 5.00 (1)   D"),  # a mark touching its value: one space after it
        ("26.325 ^(2)      A", "26.325 (2)       A"),  # a space after its value: where it starts
        ("Stock ^(1)      ^(2)    02/26/2020", "Stock (1)       (2)     02/26/2020"),  # alone in its cell
        ("02/01/2021^ 02/01/2021", "02/01/2021  02/01/2021"),  # its "(3)" broken onto the next line
        ("[*]  Check this box", "[X]  Check this box"),  # w3m's checked box
        ("Name of Reporting Person ^*", "Name of Reporting Person ^*"),  # the form's own "^*": kept
        ("^(**)Signature of Reporting Person", "^(**)Signature of Reporting Person"),
        ("a[*] b", "a[*] b"),  # not a box standing alone
    ],
)
def test_browser_marks_and_boxes_spelt_as_the_reader_knows_them(line: str, spelt: str) -> None:
    assert normalize_layout(line) == spelt
    assert len(normalize_layout(line)) == len(line)


def test_tabs_and_page_breaks() -> None:
    assert normalize_layout("a\tb\r\n\fc") == "a       b\nc"


def test_caret_marks_replaced_line_by_line_as_over_the_whole_page() -> None:
    from section16.read.rendered.text_normal import _CARET_MARK_RE, _caret_mark, _caret_marks
    from tests.read.rendered.conftest import PAGES

    pages = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(PAGES.glob("*.w3m-dump.txt"))]
    assert pages
    tricky = ["^(1)^(2)\nx^(3) ^(44)\n^(", "a^^(1)\n\n^(7)", "^(1)", "", "no marks", "x\n^(1000) ^(12)x"]
    for text in [*pages, *tricky]:
        assert _caret_marks(text) == _CARET_MARK_RE.sub(_caret_mark, text)


def test_a_page_without_tabs_or_returns_is_left_as_it_is() -> None:
    page = "1. Name  (1)\n\n   2. Issuer\f\n"
    assert normalize_layout(page) == "1. Name  (1)\n\n   2. Issuer\n"
    assert normalize_layout(page.replace("\n", "\r\n")) == normalize_layout(page)
    assert normalize_layout(page.replace("  ", "\t")) == page.replace("  ", "\t").replace("\f", "").expandtabs(8)

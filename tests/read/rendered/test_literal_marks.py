"""A "(2)" that is the filer's own text, on pages that print their footnote marks apart: as links
(markdownify's ``[(1)](#F1)``) or as superscripts (pandoc plain's ``⁽²⁵⁾``)."""

from __future__ import annotations

import pytest

from section16 import parse

from .conftest import PAGES, misses, reference

NAME = "0000899243-21-019441"  # "Class B Common Stock (2)" as a title, 28 times


@pytest.mark.parametrize("page", [f"{NAME}.markdownify.md", f"{NAME}.pandoc-plain.txt"])
def test_a_bare_number_in_parentheses_is_the_titles_own(page: str) -> None:
    got = parse(PAGES / page)
    expected = reference(NAME)
    titles = [t.underlying_title for t in got.derivative_transactions]
    assert titles == [t.underlying_title for t in expected.derivative_transactions]
    assert any(t.value == "Class B Common Stock (2)" and not t.footnote_ids for t in titles)
    assert len(got.footnotes) == len(expected.footnotes) == 30  # the notes' own numbers still read
    assert [m for m in misses(expected, got) if m[2] is not None] == []

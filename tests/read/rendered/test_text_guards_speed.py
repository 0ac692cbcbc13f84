"""text_guards' date pattern, opened by its first digit (fast), and its dates found from their slashes
give exactly what the plain pattern opened by ``\\b`` finds (tried at every position: 2 to 3 ms over a
pandoc page's boxes)."""

from __future__ import annotations

import re

import pytest

from section16.read.rendered import text_guards

from .conftest import PAGES

PLAIN = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
TEXTS = sorted(PAGES.glob("*.txt"))


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "03/20/2020 _X_ Form filed",
        "a12/31/2020 x12/31/2020 _1/2/2020 112/31/2020 1/2/20201 1/2/2020a 1/2/2020",
        "12/31/2020/01/02/2021 (1/2/2020) 1/2/2020,3/4/2021 ١/٢/٢٠٢٠ 1/2/2020",
        "9/9/9999\n10/10/1010\t7/7/2007_ 8/8/2008",
        "x/1/2/20205 1/2/2020/3/4/2021 12/31/20201 //1/2/2020 1/12/31/2020",
        "",
    ],
)
def test_the_date_pattern_finds_what_the_plain_pattern_finds(text: str) -> None:
    assert _found(text_guards._DATE_RE, text) == _found(PLAIN, text)
    assert [(m.start(), m.end(), m.groups()) for m in text_guards._dates(text)] == _found(PLAIN, text)


def test_on_every_committed_text_page() -> None:
    found = 0
    for page in TEXTS:
        text = page.read_text(errors="replace")
        got = _found(text_guards._DATE_RE, text)
        assert got == _found(PLAIN, text), page.name
        assert [(m.start(), m.end(), m.groups()) for m in text_guards._dates(text)] == got, page.name
        found += len(got)
    assert found > 500  # real pages' dates, not empty readings


@pytest.mark.parametrize(
    "text",
    [
        "12/31/2020 and 1/2/2021",
        "x/1/2/20205 1/2/2020",
        "a1/2/2020 11/12/20201 011/12/2020 5/5/5/2020",
        "//12/2020/ 3//4/2020 9/9/2020",
    ],
)
def test_dates_found_from_their_slashes_are_the_patterns_own(text: str) -> None:
    from section16.read.rendered.text_guards import _DATE_RE, _dates

    assert [m.span() for m in _dates(text)] == [m.span() for m in _DATE_RE.finditer(text)]


def test_dates_on_every_committed_text_page_are_the_patterns_own() -> None:
    from section16.read.rendered.text_guards import _DATE_RE, _dates

    from .conftest import PAGES

    for page in sorted(PAGES.glob("*.txt")) + sorted(PAGES.glob("*.md")):
        text = page.read_text(errors="replace")
        assert [m.span() for m in _dates(text)] == [m.span() for m in _DATE_RE.finditer(text)], page.name

"""pandoc's own Markdown with grid tables (a converter issue 3 does not name): read, or refused."""

from __future__ import annotations

import pytest

from section16 import parse
from section16.errors import ParseError
from section16.read.rendered.pandoc_grid import has_cut_table, looks_like_pandoc_markdown, pandoc_markdown_to_doc
from tests.read.rendered.conftest import PAGES, misses, reference, shown

GRID = """\
::: {style="width: 150"}
FORM 4
:::

+-----------------------------------+-----------------+
| 2\\. Issuer Name **and** Ticker    | 3\\. Date\\       |
| or Trading Symbol\\                | 01/15/2024      |
| ADVANCED MICRO DEVICES INC        |                 |
| \\[AMD\\]                           |                 |
+-----------------------------------+-----------------+
| +---------------+---------------+ | right           |
| | inner a       | inner b       | |                 |
| +---------------+---------------+ |                 |
+-----------------------------------+-----------------+
"""


def test_grid_cells_become_rows() -> None:
    doc = pandoc_markdown_to_doc(GRID)
    assert doc[0] == ["FORM 4"]  # the fenced div's fences are no text
    # A cell of several paragraphs gives a row each, before its neighbours' rows.
    assert doc[1:5] == [
        ["2. Issuer Name and Ticker or Trading Symbol"],
        ["ADVANCED MICRO DEVICES INC [AMD]"],
        ["3. Date"],
        ["01/15/2024"],
    ]
    # A cell holding a table of its own gives that table's rows, then its neighbours'.
    assert ["inner a", "inner b"] in doc and ["right"] in doc


def test_a_word_cut_to_fit_is_joined_when_sure() -> None:
    # "CLARA,\xa0CA\xa095054" is one word (no-break spaces) longer than the 13-wide cell: pandoc cuts it
    # from the right. "SANTA CL" would have fitted one line: "CL" is the word's first piece, surely.
    grid = "+---------------+\n| SANTA         |\n| CL            |\n| ARA,\xa0CA\xa095054 |\n+---------------+\n"
    doc = pandoc_markdown_to_doc(grid)
    assert doc == [["SANTA CLARA\nCA 95054"]]  # (",\xa0" parts city and state, as on the HTML page)


def test_a_word_cut_to_fit_is_refused_when_it_could_be_two() -> None:
    # "Transaction (Mon" would not fit 13 columns: "(Mon" may be a word of its own. Not guessed.
    rows = ["Transaction  ", "(Mon         ", "th/Day/Year)\\"]
    grid = "+---------------+\n" + "".join(f"| {r} |\n" for r in rows) + "+---------------+\n"
    with pytest.raises(ParseError, match="pandoc cut a word"):
        pandoc_markdown_to_doc(grid)
    # A piece after the last one could follow (pandoc may cut from the left too): not sure either.
    rows = ["SANTA        ", "CL           ", "ARA,\xa0CA\xa095054", "X            "]
    grid = "+---------------+\n" + "".join(f"| {r} |\n" for r in rows) + "+---------------+\n"
    with pytest.raises(ParseError, match="pandoc cut a word"):
        pandoc_markdown_to_doc(grid)


def test_told_from_pandoc_plain() -> None:
    page = (PAGES / "0000002488-24-000005.pandoc-markdown.md").read_text()
    plain = (PAGES / "0000002488-24-000005.pandoc-plain.txt").read_text()
    assert looks_like_pandoc_markdown(page)
    assert not looks_like_pandoc_markdown(plain)  # grid tables too, but no Markdown escapes or links


def test_cut_nested_table_is_refused_never_guessed() -> None:
    # pandoc -t markdown (72 columns) cuts the tables nested in the page's layout table, and words
    # longer than their cells, into pieces whose joining is not unique: a clear refusal, no guess.
    with pytest.raises(ParseError, match=r"pandoc cut (the lines of a nested table|a word)"):
        parse(PAGES / "0000002488-24-000005.pandoc-markdown.md")


def test_a_full_word_after_a_blank_line_is_no_cut_piece() -> None:
    # A cut word's first piece is never blank: a word filling the cell after a blank line is a word.
    grid = "+---------------+\n| SANTA         |\n|               |\n| CLARAVILLEXXX |\n+---------------+\n"
    assert pandoc_markdown_to_doc(grid) == [["SANTA"], ["CLARAVILLEXXX"]]


def test_pandoc_plain_at_its_default_width_is_refused_not_misread() -> None:
    # pandoc -t plain without --wrap=none cuts the nested tables the same way; read as laid-out text
    # its values went to the wrong fields. The cut is seen, and the page refused with the reason.
    page = PAGES / "0000002488-24-000005.pandoc-plain-72.txt"
    assert has_cut_table(page.read_text())
    assert not has_cut_table((PAGES / "0000002488-24-000005.pandoc-plain.txt").read_text())  # --wrap=none
    with pytest.raises(ParseError, match="pandoc cut the lines of a nested table"):
        parse(page)


def test_grid_page_at_200_columns_rejoined_reads_every_field() -> None:
    # pandoc -t markdown --columns=200: the tables nested in the layout grid are still cut ("1\\. Na" +
    # "me and Address...", "\\_\\_\\_\\_\\_ Dire" + "ctor"); each cut is joined from the columns and the
    # page's own words, and every field the page shows is the filed one.
    got = parse(PAGES / "0000002488-24-000005.pandoc-markdown-200.md")
    expected = reference("0000002488-24-000005")
    assert shown(expected, got) > 40
    assert misses(expected, got) == []


def test_grid_page_with_nothing_cut_reads_every_field() -> None:
    # pandoc -t markdown --wrap=none: the same layout grid with the tables nested in its cells, none
    # cut. Every field the page shows is the filed one.
    got = parse(PAGES / "0000002488-24-000005.pandoc-markdown-nowrap.md")
    expected = reference("0000002488-24-000005")
    assert got.source.format == "markdown"
    assert shown(expected, got) > 40
    assert misses(expected, got) == []

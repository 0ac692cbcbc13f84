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


#: A fenced div's opening line: the page is pandoc's Markdown (which marks hard line breaks), not its
#: plain text; the line itself is no content.
MARKED = ":::\n"


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
    doc = pandoc_markdown_to_doc(MARKED + grid)
    assert doc == [["SANTA CLARA\nCA 95054"]]  # (",\xa0" parts city and state, as on the HTML page)
    # pandoc's plain text does not mark a hard line break: "SANTA" may have ended one, and "CL" been
    # a word of its own. No word of the page tells: not guessed.
    with pytest.raises(ParseError, match="pandoc cut a word"):
        pandoc_markdown_to_doc(grid)


def test_a_word_cut_to_fit_is_joined_by_the_page_words_or_refused() -> None:
    # "Transaction (Mon" would not fit 13 columns: "(Mon" may be a word of its own. The form's own
    # words settle it ("(Month/Day/Year)" is printed on the form, "(Mon" is no word): one word.
    rows = ["Transaction  ", "(Mon         ", "th/Day/Year)\\"]
    grid = "+---------------+\n" + "".join(f"| {r} |\n" for r in rows) + "+---------------+\n"
    assert pandoc_markdown_to_doc(grid) == [["Transaction (Month/Day/Year)"]]
    # Pieces no word of the page or the form tells apart: not guessed.
    rows = ["Transaction  ", "(Qzv         ", "xq/Zkw/Vqrp)\\"]
    grid = "+---------------+\n" + "".join(f"| {r} |\n" for r in rows) + "+---------------+\n"
    with pytest.raises(ParseError, match="pandoc cut a word"):
        pandoc_markdown_to_doc(grid)


def test_a_word_cut_to_fit_ends_at_its_last_full_piece() -> None:
    # pandoc cuts a long word from the right: every piece but the first fills the cell. A line after
    # the last piece that does not fill the cell is no piece: the join is sure.
    rows = ["SANTA        ", "CL           ", "ARA,\xa0CA\xa095054", "X            "]
    grid = "+---------------+\n" + "".join(f"| {r} |\n" for r in rows) + "+---------------+\n"
    assert pandoc_markdown_to_doc(MARKED + grid) == [["SANTA CLARA\nCA 95054 X"]]
    # A further line filling the cell may be one more piece, or a word exactly the cell's width.
    rows = ["SANTA        ", "CL           ", "ARA,\xa0CA\xa095054", "XXXXXXXXXXXXX"]
    grid = "+---------------+\n" + "".join(f"| {r} |\n" for r in rows) + "+---------------+\n"
    with pytest.raises(ParseError, match="pandoc cut a word"):
        pandoc_markdown_to_doc(MARKED + grid)


def test_told_from_pandoc_plain() -> None:
    page = (PAGES / "0000002488-24-000005.pandoc-markdown.md").read_text()
    plain = (PAGES / "0000002488-24-000005.pandoc-plain.txt").read_text()
    assert looks_like_pandoc_markdown(page)
    assert not looks_like_pandoc_markdown(plain)  # grid tables too, but no Markdown escapes or links


def test_grid_page_at_72_columns_rejoined_reads_every_field() -> None:
    # pandoc -t markdown at its default 72 columns: Table I (147 wide) cut into pieces of its 69-wide
    # cell, the boxes' tables into pieces 13 wide, "(Mon" + "th/Day/Year)". Each line's length is
    # set by its last cell's alignment, which fixes where it was cut; every field shown is the filed one.
    got = parse(PAGES / "0000002488-24-000005.pandoc-markdown.md")
    expected = reference("0000002488-24-000005")
    assert shown(expected, got) > 40
    assert misses(expected, got) == []


def test_a_full_word_after_a_blank_line_is_no_cut_piece() -> None:
    # A cut word's first piece is never blank: a word filling the cell after a blank line is a word.
    grid = "+---------------+\n| SANTA         |\n|               |\n| CLARAVILLEXXX |\n+---------------+\n"
    assert pandoc_markdown_to_doc(grid) == [["SANTA"], ["CLARAVILLEXXX"]]


def test_pandoc_plain_at_its_default_width_is_rejoined_not_misread() -> None:
    # pandoc -t plain without --wrap=none cuts the nested tables the same way; read as laid-out text
    # its values went to the wrong fields. The cut is seen and the grid front end rejoins the lines.
    # Box 1's rule is cut after "  -------", as wide as "1. Name": one column, or "1. Name" a column
    # of its own; the page prints the form's label "1. Name and Address of Reporting Person" in one
    # cell, so one. Box 5's rule piece " ------------" fills the cell with one blank: the blank line
    # before it is its first piece, the rest of the two blanks pandoc indents a table by.
    page = PAGES / "0000002488-24-000005.pandoc-plain-72.txt"
    assert has_cut_table(page.read_text())
    assert not has_cut_table((PAGES / "0000002488-24-000005.pandoc-plain.txt").read_text())  # --wrap=none
    got = parse(page)
    expected = reference("0000002488-24-000005")
    assert got.source.format == "text"
    assert shown(expected, got) > 40
    assert misses(expected, got) == []


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


def test_grid_page_at_72_columns_many_rows_reads_every_field() -> None:
    # 0001127602-19-027422 (pandoc -t markdown, 72 columns): Table I 159 wide, cut into three pieces
    # of its 69-wide cell, a rule cut where a blank parts two dash groups, natures over three lines
    # ("By The Founders Fund IV" / "Principals Fund," / "LP"): "Principals Fund," filling the last
    # column could also sit right-aligned in the column before, but "Title of ...", dates and
    # amounts put that column's text at its start, as pandoc aligns a column's every line alike.
    got = parse(PAGES / "0001127602-19-027422.pandoc-markdown.md")
    expected = reference("0001127602-19-027422")
    assert shown(expected, got) > 200
    assert misses(expected, got) == []


def test_a_word_exactly_the_cell_wide_after_several_words_is_no_piece() -> None:
    # A long word stands on a line of its own: "353 N. CLARK" is no first piece, "STREET,\xa0SUITE"
    # (13, the cell's width) a word of its own.
    rows = ["353 N. CLARK ", "STREET,\xa0SUITE", "3300         "]
    grid = "+---------------+\n" + "".join(f"| {r} |\n" for r in rows) + "+---------------+\n"
    assert pandoc_markdown_to_doc(grid) == [["353 N. CLARK STREET\nSUITE 3300"]]  # (",\xa0" parts lines)
    # After a hard line break ("\\") a word starts a line however short: "GREEN" + "BAY,\xa0WI\xa054313"
    # is no cut for that (the page's words outside the grid say "GREEN" and "BAY" are two).
    rows = ["DRIVE\\       ", "GREEN        ", "BAY,\xa0WI\xa054313"]
    page = "+---------------+\n" + "".join(f"| {r} |\n" for r in rows) + "+---------------+\n\nGREEN BAY\n"
    assert pandoc_markdown_to_doc(page)[:2] == [["DRIVE"], ["GREEN BAY\nWI 54313"]]
    with pytest.raises(ParseError, match="pandoc cut a word"):  # words the page does not settle
        pandoc_markdown_to_doc(page.replace("GREEN BAY\n", "GREENS BAYOU\n"))

"""Box 1's street settled against the Reporting Owners table (box_one_street): where a converter ran
the table's cell lines together with spaces (html-to-markdown, held out), the ", " that joins box 1's
two street lines is the one comma the table does not print."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.box_one_street import split_run_together
from section16.read.rendered.compare import _is_missing

from .conftest import PAGES, misses, reference

_TABLE = ["Talley Darrin L C/O EXXON MOBIL CORPORATION 22777 SPRINGWOODS VILLAGE PKWY SPRING, TX 77389 VP"]


def test_the_join_the_table_prints_as_a_space_splits_the_street() -> None:
    line = "C/O EXXON MOBIL CORPORATION, 22777 SPRINGWOODS VILLAGE PKWY"
    assert split_run_together(line, _TABLE, True) == ["C/O EXXON MOBIL CORPORATION", "22777 SPRINGWOODS VILLAGE PKWY"]
    # A filer's comma the table prints too stays inside its line.
    table = ["Hoffman Reid 2155 DELAWARE AVENUE, SUITE #225 FLOOR 2 SANTA CRUZ, CA 95060 X"]
    assert split_run_together("2155 DELAWARE AVENUE, SUITE #225, FLOOR 2", table, True) == [
        "2155 DELAWARE AVENUE, SUITE #225",
        "FLOOR 2",
    ]


def test_a_line_the_table_prints_whole_is_one_line_only_where_the_design_joins_by_commas() -> None:
    table = ["Hoffman Reid 2155 DELAWARE AVENUE, SUITE #225 SANTA CRUZ, CA 95060 X"]
    assert split_run_together("2155 DELAWARE AVENUE, SUITE #225", table, True) == ["2155 DELAWARE AVENUE, SUITE #225"]
    # A design that joins its lines by a space: "A," over "B" prints "A, B" in both.
    assert split_run_together("2155 DELAWARE AVENUE, SUITE #225", table, False) is None
    # Not in the table at all, or at two commas: not settled.
    assert split_run_together("1 MAIN ST, SUITE 2", table, True) is None
    assert split_run_together("A, B, C", ["X A B C Y"], True) is None


def test_html_to_markdown_street_lines_read_from_the_run_together_table() -> None:
    for name in ("0000034088-26-000052", "0000899243-21-032834"):
        got, ref = parse(PAGES / f"{name}.html-to-markdown.md"), reference(name)
        assert got.reporting_owners[0].address == ref.reporting_owners[0].address, name
        assert not any("street" in m for m in got.missing)
        assert [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)] == []


def test_lines_joined_by_a_space_stay_missing() -> None:
    # A later design: box 1 prints "ADOBE INC. 345 PARK AVENUE", nothing marks where street 2 starts.
    name = "0000796343-26-000107"
    got = parse(PAGES / f"{name}.html-to-markdown.md")
    assert "reporting_owners[0].address.street1" in got.missing
    assert reference(name).reporting_owners[0].address.street2 == "345 PARK AVENUE"  # type: ignore[union-attr]


# Broken pages (bench/rendered_damage.py): what box 1 alone cannot settle is said missing.


def test_a_comma_joined_street_with_no_owners_table_is_not_read() -> None:
    # html2text, Form 5 of the older design ("street1,&nbsp;street2" in box 1): cut before the Reporting
    # Owners table, nothing tells the join from a filer's comma ("C/O TESLA, INC." holds one).
    page = (PAGES / "0000899243-23-004992.html2text.md").read_text()
    whole = parse(page.encode()).reporting_owners[0].address
    assert (whole.street1, whole.street2) == ("C/O TESLA, INC.", "1 TESLA ROAD")
    got = parse(page[: page.index("## Reporting Owners")].encode())
    assert got.reporting_owners[0].address.street1 is None
    assert {"reporting_owners[0].address.street1", "reporting_owners[0].address.street2"} <= set(got.missing)
    assert got.issuer.trading_symbol == "TSLA"


def test_a_street_line_the_owners_table_does_not_print_is_not_read() -> None:
    # html2text: box 5's title moved under box 1's "(Last) (First) (Middle)" caption (two lines swapped)
    # reads as a first street line; the owners table prints the street, not that line.
    page = (PAGES / "0001179110-20-002915.html2text.md").read_text()
    title, caption = "Executive Vice President  \n", "| (Last) | (First) | (Middle)  \n"
    assert parse(page.encode()).reporting_owners[0].address.street1 == "100 ABBOTT PARK ROAD"
    got = parse(page.replace(title + caption, caption + title).encode())
    assert got.reporting_owners[0].address.street1 is None
    assert "reporting_owners[0].address.street1" in got.missing


def test_a_street_ending_in_the_joins_comma_with_no_owners_table_is_not_read() -> None:
    # markdownify (the &nbsp; of the older design's join kept): "320 PARK AVENUE," is the join before an
    # empty second line, or the filer's comma; only the owners table, cut off here, tells.
    page = (PAGES / "0000899243-20-021530.markdownify.md").read_text()
    assert parse(page.encode()).reporting_owners[0].address.street1 == "320 PARK AVENUE"
    cut = page[: page.rfind("\n", 0, page.index("Reporting Owners"))]
    got = parse(cut.encode())
    assert got.reporting_owners[0].address.street1 is None
    assert "reporting_owners[0].address.street1" in got.missing

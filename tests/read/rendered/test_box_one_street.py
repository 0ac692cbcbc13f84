"""Box 1's street settled against the Reporting Owners table (box_one_street): where a converter ran
the table's cell lines together with spaces (html-to-markdown, held out), the ", " that joins box 1's
two street lines is the one comma the table does not print."""

from __future__ import annotations

import random
import re

import pytest

from section16 import parse
from section16.read.rendered import box_one_street
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


def _street_by_pattern(words: list[str], owners: str) -> tuple[int, list[tuple[str, int]], int] | None:
    """find_street as the pattern it replaced reads it (one made for each street)."""
    parts = [re.escape(w[:-1]) + "(,[ \n]|\n)" if w.endswith(",") else re.escape(w) + "([ \n])" for w in words[:-1]]
    m = re.search("".join(parts) + re.escape(words[-1]) + "(?=\n|$)", owners) if words else None
    if m is None:
        return None
    return m.start(), [(m.group(k + 1), m.end(k + 1)) for k in range(len(words) - 1)], m.end()


def test_find_street_as_its_pattern() -> None:
    # Random streets and owners' lines over a few letters, commas, spaces and line breaks (so that
    # words repeat, overlap, lose or keep their commas): the word-by-word match is the pattern's,
    # start, groups and end.
    rng = random.Random(7)
    alphabet = "ab1,,  \n\n"
    found = 0
    for _ in range(20000):
        owners = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        owners = "\n".join(" ".join(ln.split()) for ln in owners.split("\n"))
        if rng.random() < 0.5 and owners.split():
            # a street taken from the owners' own words (a match is likely)
            ws = owners.split()
            k = rng.randint(0, len(ws) - 1)
            words = ws[k : k + rng.randint(1, 4)]
        else:
            words = "".join(rng.choice("ab1, ") for _ in range(rng.randint(0, 9))).split()
        got = box_one_street.find_street(words, owners)
        assert got == _street_by_pattern(words, owners), (words, owners)
        found += got is not None
    assert found > 2000  # (the test weighs matches, not only misses)


def test_find_street_as_its_pattern_on_the_committed_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every street the committed laid-out and plain text pages ask about, against their owners' lines.
    asked: list[tuple[list[str], str]] = []
    find = box_one_street.find_street

    def recorded(words: list[str], owners: str) -> tuple[int, list[tuple[str, int]], int] | None:
        asked.append((words, owners))
        return find(words, owners)

    monkeypatch.setattr(box_one_street, "find_street", recorded)
    for page in sorted(PAGES.glob("*.pdftotext-layout.txt")) + sorted(PAGES.glob("*.pandoc-plain.txt")):
        parse(page)
    assert len(asked) > 20
    for words, owners in asked:
        assert find(words, owners) == _street_by_pattern(words, owners), (words, owners)

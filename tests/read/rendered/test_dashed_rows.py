"""Tables whose columns a rule of dashes marks (pandoc's plain text): cells read straight off the rule
(dashed_rows.py), and anything that does not fit it left to the laid-out reader."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from section16 import parse
from section16.read.rendered import tables
from section16.read.rendered.dashed_rows import _Columns, _fits, _spans, dashed_table_rows

from .conftest import PAGES, misses, reference

PLAIN = sorted(PAGES.glob("*.pandoc-plain.txt"))


def _table_two(lines: list[str]) -> tuple[int, int]:
    """Table II's heading line and the line after its bottom rule, as the text reader finds them."""
    title = next(k for k, ln in enumerate(lines) if ln.startswith("Table II"))
    head = next(k for k in range(title, len(lines)) if "1. Title of" in lines[k])
    end = next(k for k in range(head, len(lines)) if lines[k].startswith(("Reporting Owners", "Explanation")))
    return head, end


@pytest.mark.parametrize("page", PLAIN, ids=lambda p: p.name.split(".")[0])
def test_pandoc_plain_tables_read_off_their_rules_as_the_xml_says(page: Path) -> None:
    name = page.name.split(".")[0]
    got = parse(page)
    expected = reference(name)
    assert [m for m in misses(expected, got) if m[0].startswith(("non_derivative", "derivative"))] == []
    assert not [m for m in got.missing if m.startswith(("non_derivative", "derivative"))]


def test_each_cell_is_the_words_inside_its_columns_run_of_dashes() -> None:
    lines = (PAGES / "0000899243-21-019441.pandoc-plain.txt").read_text().split("\n")
    head, end = _table_two(lines)
    rows = dashed_table_rows(lines, head, end, tables.T2_F4)
    assert rows is not None and len(rows) == 14
    first = dict(zip(tables.T2_F4, rows[0], strict=True))
    assert first["title"] == "Class B Common Stock Warrant (Right to buy)"
    assert (first["conv"], first["date"], first["code"], first["d"], first["exer"], first["exp"]) == (
        "$ 6.13",
        "05/11/2021",
        "X⁽²⁴⁾",
        "536,445",
        "⁽²⁵⁾",
        "01/01/2025",
    )
    assert (first["a"], first["price"], first["after"], first["di"]) == ("", "$ 0", "0", "I")


def test_a_word_across_two_columns_or_after_the_rule_leaves_the_table_to_the_search() -> None:
    lines = (PAGES / "0000899243-21-019441.pandoc-plain.txt").read_text().split("\n")
    head, end = _table_two(lines)
    row = next(k for k in range(head, end) if "536,445" in lines[k])
    at = lines[row].index("536,445")
    # A value one character left: it crosses the blank between its column's dashes and the one before.
    gap = lines[row][:at].rstrip()
    shifted = [*lines[:row], lines[row][: len(gap) + 1] + lines[row][at:] + " ", *lines[row + 1 :]]
    assert dashed_table_rows(shifted, head, end, tables.T2_F4) is None
    bottom = max(k for k in range(head, end) if lines[k].strip().startswith("--"))
    after = [*lines[: bottom + 1], "  Stock Option  1,000", *lines[bottom + 1 :]]
    assert dashed_table_rows(after, head, end + 1, tables.T2_F4) is None
    # With other columns than the form's (a Form 5's table read as a Form 4's): not this table's rule.
    assert dashed_table_rows(lines, head, end, tables.T2_F5) is None


def _by_slices(line: str, spans: list[tuple[int, int]]) -> list[str] | None:
    """A line's cells as the rule gives them, column by column (the plain way)."""
    return [line[a:b].strip() for a, b in spans] if _fits(line, spans) else None


@pytest.mark.parametrize("seed", range(4))
def test_lines_cut_at_once_as_column_by_column_random(seed: int) -> None:
    # Blanks, words, a grid cell's frame, dashes, no-break and em spaces, a superscript: every kind of
    # character a gap or a column may hold, on rules starting at the margin or indented.
    rng = random.Random(seed)
    chars = [" "] * 8 + list("ab|-\u00a0\u2003⁽")
    for _ in range(20000):
        spans, pos = [], rng.randint(0, 3)
        for _k in range(rng.randint(1, 5)):
            width = rng.randint(2, 5)
            spans.append((pos, pos + width))
            pos += width + rng.randint(1, 3)
        line = "".join(rng.choice(chars) for _ in range(rng.randint(0, pos + 3)))
        assert _Columns(spans).cells(line) == _by_slices(line, spans), (line, spans)


def test_lines_cut_at_once_as_column_by_column_on_committed_pages() -> None:
    checked = 0
    for page in sorted(PAGES.glob("*.txt")):
        lines = page.read_text(errors="replace").split("\n")
        for k, rule in enumerate(lines):
            spans = _spans(rule)
            if spans is None:
                continue
            columns = _Columns(spans)
            for line in lines[k + 1 : k + 40]:
                assert columns.cells(line) == _by_slices(line, spans), (page.name, line)
                checked += 1
    assert checked > 5000

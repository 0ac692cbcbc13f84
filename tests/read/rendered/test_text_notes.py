"""Footnotes in laid-out text (:mod:`section16.read.rendered.text_notes`)."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.text_notes import _join_lines

from .conftest import PAGES, reference


def test_a_line_broken_after_a_hyphen_joins_without_a_space() -> None:
    # A browser breaks a line after a hyphen: "worst-" over "performing", "2010-" over "Seed".
    assert _join_lines(["the worst-", "performing fund"]) == "the worst-performing fund"
    assert _join_lines(["U.S. Venture 2010-", "Seed Fund"]) == "U.S. Venture 2010-Seed Fund"
    assert _join_lines(["prices from $1 -", "$2"]) == "prices from $1 - $2"  # (a dash set apart is not)


def test_a_funds_name_broken_after_its_year_reads_whole() -> None:
    # pdftotext -layout of chromium's print: note 3 breaks "Venture 2010-" / "Seed Fund".
    name = "0001062993-21-005459"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = {n.id: n.text for n in reference(name).footnotes}
    read = {n.id: n.text for n in got.footnotes}
    assert read["F3"] == expected["F3"]
    assert "2010-Seed" in read["F3"]

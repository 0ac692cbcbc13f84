"""Footnotes a text browser laid on its grid: each number centred on its note's lines rounding down,
each line but a note's last filled as far as the column's width allows."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.browser_notes import grid_notes

from .conftest import PAGES, at, reference


def test_a_note_of_two_lines_has_its_number_on_the_first() -> None:
    # ELinks: two notes of two lines with the same second line. Centred, the second note took the
    # first's second line (its number read as the middle of three lines).
    name = "0001792653-26-000012"
    got = parse((PAGES / f"{name}.elinks-dump.txt").read_bytes())
    expected = {f.id: " ".join(f.text.split()) for f in reference(name).footnotes}
    assert {f.id: " ".join(f.text.split()) for f in got.footnotes} == expected


def test_notes_whose_lines_fit_two_cuts_are_unsettled() -> None:
    full = "y " + "x" * 58  # (the widest line: full, whatever word follows it)
    lines = [
        at((3, "(1)"), (7, full)),
        at((7, full)),
        at((3, "(2)"), (7, full)),
        at((7, "the end.")),
    ]
    # "(1)" over two lines, "(2)" over two; or "(1)" alone and "(2)" in the middle of three: every
    # line but the last is full, so the page does not tell.
    of_line, unsettled = grid_notes(lines, [0, 1, 2, 3], [0, 2]) or ({}, set())
    assert unsettled == {0, 1}
    # A line the next line's first word would have fitted on ends its note: "(1)"'s second line.
    lines[1] = at((7, "a short line."))
    of_line, unsettled = grid_notes(lines, [0, 1, 2, 3], [0, 2]) or ({}, {0})
    assert unsettled == set() and of_line[1] == 0

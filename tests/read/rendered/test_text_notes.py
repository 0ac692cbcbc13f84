"""Footnotes in laid-out text (:mod:`section16.read.rendered.text_notes`)."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.text_notes import _join_lines

from .conftest import PAGES, misses, reference


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


def test_notes_whose_lines_fit_two_partings_are_not_settled() -> None:
    # pypdf sets "(1)" and "(2)" beside the second of their notes' four lines: notes of 3 and 5 lines
    # centred on the same numbers fit as well (the first note's last line, "... therein.", could start
    # the second). The two notes are listed missing, not read from the exact centres.
    name = "0000921895-20-001838"
    got = parse(PAGES / f"{name}.pypdf-layout.txt")
    assert {"footnotes[F1]", "footnotes[F2]"} <= set(got.missing)
    expected = {f.id: f.text for f in reference(name).footnotes}
    assert [f.id for f in got.footnotes if f.text != expected.get(f.id)] == []


def test_of_two_partings_the_one_ending_every_note_on_a_sentence_is_read() -> None:
    # Notes of 3 and 6 lines beside "(3)" and "(4)" fit 4 and 5 lines as well; only one parting ends
    # note 3 where a sentence ends ("... price of $14.00 per share."): all seven notes are read.
    name = "0000769993-19-000383"
    got = parse(PAGES / f"{name}.pypdf-layout.txt")
    expected = reference(name)
    assert len(got.footnotes) == len(expected.footnotes) == 7
    assert [m for m in misses(expected, got) if m[0].startswith("footnote")] == []

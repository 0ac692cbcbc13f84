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


def test_a_notes_section_without_a_number_gives_no_note() -> None:
    # pdftotext without -layout draws the signature block's "X", "Title", "(D)" under "Explanation of
    # Responses:" and the notes after Table II's cells: the lines there, none opened by a number,
    # were read as notes 1, 2, 3. The form numbers every note: such lines are said missing.
    name = "0001415889-23-011686"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    assert [f.text for f in got.footnotes if f.text in ("X", "Title", "(D)")] == []
    assert {"footnotes[F1]", "footnotes[F2]"} <= set(got.missing)
    assert [m for m in misses(reference(name), got) if m[0].startswith("footnote") and m[0] not in got.missing] == []


def test_a_tables_cells_drawn_after_the_last_note_leave_it_unsettled() -> None:
    # "(1) The option shares are fully vested ..." / "$0" / "11,424" / "D": Table II's last cells
    # drawn after the note ran into it ("... at any time. $0 11,424 D").
    name = "0001415889-21-002884"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    assert "footnotes[F1]" in got.missing
    assert not any("11,424" in f.text for f in got.footnotes)


def test_numbers_before_the_forms_own_note_printed_further_on_are_not_settled() -> None:
    # The section holds the form's "*" note, then a row's cells "Class A" / "Common 2,731.00" /
    # "Stock" / "(1)" (read as note 1); the "**" note and the filer's notes come further on.
    name = "0001423774-20-000014"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    assert not any("2,731.00" in f.text for f in got.footnotes)
    assert "footnotes[F1]" in got.missing


def test_a_parting_whose_note_ends_mid_sentence_is_not_settled() -> None:
    # pypdf's layout sets "(1)" beside the first of its note's three lines ("... founder Dr." /
    # "Thomas F. Frist Jr. ... held by" / "Hercules. ... therein.") and "(2)" beside the middle of
    # three: the only centred parting gave note 1 two lines, ending "held by", and note 2 the rest.
    # pdfplumber's layout parts note 1 at a page break after "held by". Both notes said missing.
    name = "0001209191-20-009703"
    for conv in ("pypdf-layout", "pdfplumber-layout"):
        got = parse(PAGES / f"{name}.{conv}.txt")
        assert {"footnotes[F1]", "footnotes[F2]"} <= set(got.missing), conv
        wrong = [m for m in misses(reference(name), got) if m[0].startswith("footnote") and m[0] not in got.missing]
        assert wrong == [], conv
        assert {f.id for f in got.footnotes} >= {"F3", "F4", "F5", "F6", "F7"}


def test_a_note_that_says_it_goes_on_opens_where_it_says_so() -> None:
    # pypdf's layout: note 2 ends "... Sequoia Capital XII, L.P. (XII) and Sequoia" / "Technology
    # Partners XII, L.P. (STP XII)," (a short line), note 3 opens "(continued from footnote 2) ...",
    # its number beside its second line. Centring took "Technology Partners ..." into note 3; a line
    # saying its note goes on from the one before opens that note.
    name = "0001062993-24-010552"
    got = parse(PAGES / f"{name}.pypdf-layout.txt")
    expected = {n.id: n.text for n in reference(name).footnotes}
    read = {n.id: n.text for n in got.footnotes}
    assert read["F2"] == expected["F2"] and read["F3"] == expected["F3"]
    assert read["F3"].startswith("(continued from footnote 2)")


def test_a_paragraph_ending_inside_a_notes_run_leaves_it_unsettled() -> None:
    # pdfplumber's text: "(1) The Elon Musk Revocable Trust ... trustee." (a short line ending a
    # sentence), then "Effective April 8, 2013, ..." (two lines), "(2)" alone, "The option award
    # ...": note 2's number stands beside its middle line, so "Effective ..." is note 2's, not note
    # 1's. Read as flowing text (each note from its number to the next), notes 1 to 3 took each
    # other's lines; a paragraph's end inside a note's run leaves the notes unsettled.
    name = "0000899243-23-008179"
    got = parse(PAGES / f"{name}.pdfplumber-text.txt")
    assert {"footnotes[F1]", "footnotes[F2]", "footnotes[F3]"} <= set(got.missing)
    assert [m for m in misses(reference(name), got) if m[0].startswith("footnote") and m[0] not in got.missing] == []


def test_the_note_after_one_ending_in_a_dangling_word_is_not_settled() -> None:
    # pdftotext's DejaVu print: note 3's number stands beside its third line ("(3) Thiel are ..."),
    # its two lines above read as note 2's, which ends "... Messrs. Royan and". Note 2 dangles
    # (said missing by check_dangling); where it and note 3 part is not settled either.
    name = "0000950170-24-012830"
    expected, got = reference(name), parse(PAGES / f"{name}.pdftotext-layout-dejavu.txt")
    assert expected.footnote_text["F3"].startswith("Represents securities held by Mithril II LP")
    assert "F3" not in got.footnote_text and "footnotes[F3]" in got.missing
    assert "footnotes[F2]" in got.missing
    assert got.footnote_text["F1"] == expected.footnote_text["F1"]
    assert not misses(expected, got)

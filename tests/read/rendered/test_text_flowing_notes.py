"""A PDF's flowing text (held out: pdfplumber, pypdf, pdfminer, MarkItDown on chromium's PDF): the
footnotes the paper's edge cut, and the notes whose bounds the page does not settle, are listed
missing, not read as whole (text.py: ``mark_clipped``, ``_footnote_rows``)."""

from __future__ import annotations

from section16 import parse
from section16.model import Filing
from section16.read.rendered.cells import CLIPPED
from section16.read.rendered.text import mark_clipped

from .conftest import PAGES, misses, reference


def _why(filing: Filing, where: str) -> str:
    return next(n.message for n in filing.notes if n.where == where)


def test_notes_cut_at_the_paper_edge_in_flowing_text_are_said_missing() -> None:
    # pdfplumber's plain text of chromium's print, pages joined without form feeds: each weighted-
    # average note is one line the paper's edge cut ("... or the staff of the Securities and"), the
    # next note's number opening the next line. Read before as whole notes (31 wrong values).
    name = "0000899243-21-045947"
    got = parse(PAGES / f"{name}.pdfplumber-text.txt")
    expected = reference(name)
    cut = [f"footnotes[F{k}]" for k in (1, 3, 4, 32)]
    assert all(c in got.missing for c in cut)
    assert _why(got, "footnotes[F3]") == "text runs past the page edge; not whole"
    # The short note between them ends its sentence inside the paper: read, and read right.
    assert "footnotes[F2]" not in got.missing
    assert [f.text for f in got.footnotes if f.id == "F2"] == [f.text for f in expected.footnotes if f.id == "F2"]
    assert [m for m in misses(expected, got) if m[0].startswith("footnote")] == []


def test_a_number_beside_its_notes_middle_line_leaves_both_notes_unsettled() -> None:
    # "(2) Dividend ... to which they relate." / "The restricted stock units ... to the" / "(3)" /
    # "Board of Directors.": note 3's number stands beside the middle of its note, under a line that
    # stops mid-sentence. Read as numbers opening their notes, note 3 was "Board of Directors."
    name = "0001062993-22-007516"
    got = parse(PAGES / f"{name}.pdfplumber-text.txt")
    expected = reference(name)
    assert {"footnotes[F2]", "footnotes[F3]"} <= set(got.missing)
    assert "not settled" in _why(got, "footnotes[F3]")
    assert [f.id for f in got.footnotes] == ["F1"]
    assert [m for m in misses(expected, got) if m[0].startswith("footnote")] == []


def test_only_a_line_a_printed_page_holds_is_taken_for_cut() -> None:
    lines = ["Explanation of Responses:", "(1) " + "word " * 60 + "and", "(2) Short note.", ""]
    assert mark_clipped(lines, paged=False)[1].endswith(CLIPPED)  # 300 characters, stops mid-sentence
    assert not mark_clipped(lines, paged=False)[2].endswith(CLIPPED)
    # Over 360 characters on one line (an HTML converter's unwrapped note): no paper cut it.
    long = ["Explanation of Responses:", "(1) " + "word " * 90 + "and", "", "(2) Short note."]
    assert mark_clipped(long, paged=False) == long
    # A number alone on the next line may stand beside the middle of its own note: no cut is shown.
    centred = ["Explanation of Responses:", "(1) " + "word " * 60 + "and", "(2)", "more words."]
    assert mark_clipped(centred, paged=False) == centred


def test_table_captions_drawn_among_the_notes_are_not_read_as_a_note() -> None:
    # pdftotext without -layout prints Table II's last captions ("8. Price of 9. Number of 10." ...
    # "(Instr. 4)") after "Explanation of Responses", before note 1's number: they were read as the
    # start of note 1. A paragraph holding "(Instr. 4)" there is the form's, not a note's; the notes
    # themselves stand beside their middle lines here, so they are said missing, none read wrong.
    name = "0001209191-22-001786"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    assert not any("Instr." in f.text for f in got.footnotes)
    want = {f.id: f.text for f in reference(name).footnotes}
    assert all(f.text == want[f.id] for f in got.footnotes)
    assert "footnotes[F1]" in got.missing


def test_a_paragraph_right_above_a_number_after_a_blank_line_may_be_either_notes() -> None:
    # Note 1 ("... Class A Common Stock."), a blank line, then "Represents shares held by Craft
    # Ventures I ... Mr." right above "(2) Sacks disclaims ...": note 2's number stands beside its
    # middle line, and "Mr." fooled the sentence-stop test, so note 1 read with note 2's first line.
    # The paragraph may be either note's: both are said missing.
    name = "0001861449-22-000013"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    want = {f.id: f.text for f in reference(name).footnotes}
    assert all(f.text == want[f.id] for f in got.footnotes)
    assert {"footnotes[F1]", "footnotes[F2]"} <= set(got.missing)


def test_a_line_reaching_the_edge_where_cut_lines_stop_is_cut_too() -> None:
    note = "(1) " + "word " * 60 + "and"  # 303 characters, stops mid-sentence
    lines = ["Explanation of Responses:", note, "(2) " + "word " * 59 + "an", "  Next note's first line.", "(3)", ""]
    marked = mark_clipped(lines, paged=False)
    # Note 1's line stops under the next note's number: cut. Note 2's stops as far across (within a
    # few characters), above another line: cut too.
    assert marked[1].endswith(CLIPPED) and marked[2].endswith(CLIPPED)
    assert not marked[3].endswith(CLIPPED)
    # A line shown cut only by the blank lines under it (maybe a page break's) tells no edge.
    blank = [lines[0], note, "", *lines[2:]]
    assert mark_clipped(blank, paged=False)[1].endswith(CLIPPED)
    assert not mark_clipped(blank, paged=False)[3].endswith(CLIPPED)
    # Shorter than where the cut lines stop: may be wrapped, not cut.
    short = [*lines[:2], "(2) " + "word " * 50 + "an", *lines[3:]]
    assert not mark_clipped(short, paged=False)[2].endswith(CLIPPED)


def test_notes_cut_at_the_edge_above_a_centred_number_are_said_missing() -> None:
    # pdfplumber's layout: "(30) The price ... the Securities and Exchange Co" (the paper's edge), then
    # note 31's first line above its centred number "(31)".
    got = parse(PAGES / "0000899243-21-049477.pdfplumber-layout.txt")
    assert {"footnotes[F29]", "footnotes[F30]", "footnotes[F31]"} <= set(got.missing)
    assert not any(f.id in ("F30", "F31") for f in got.footnotes)


def test_remarks_cut_after_a_company_s_first_initial_are_said_missing() -> None:
    # "... by Deerfield Special Situations Fund, L." at the paper's edge: the stop is "L.P."'s, cut.
    assert mark_clipped(["Remarks:", "word " * 50 + "Fund, L.", ""], paged=False)[1].endswith(CLIPPED)
    assert not mark_clipped(["Remarks:", "word " * 50 + "Fund, L.P.", ""], paged=False)[1].endswith(CLIPPED)
    for page in ("0001193805-20-000323.pdfminer-text.txt", "0001193805-20-000323.pymupdf4llm.md"):
        got = parse(PAGES / page)
        assert got.remarks is None and "remarks" in got.missing


def test_the_forms_words_drawn_before_its_own_notes_are_no_notes() -> None:
    # pdftotext without -layout keeps the order chromium drew the words: Table II's last captions
    # ("(Instr. 3, 4, and" / "5)") stand after "Explanation of Responses:", before the form's "*" and
    # "**" notes that the filer's "(1)" follows. Read before as note 5 and, in note 1, the captions.
    name = "0000842517-24-000086"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    expected = reference(name)
    assert [(f.id, f.text) for f in got.footnotes] == [(f.id, f.text) for f in expected.footnotes]
    # With no note of the filer's, Table II's last captions drawn after the form's notes ("8. Price of
    # 9. Number of 10." / "11. Nature" / ... "(Instr. 4)") were read as notes 8 and 11.
    name = "0000789019-26-000066"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    assert reference(name).footnotes == () and got.footnotes == ()


def test_notes_of_text_in_drawn_order_whose_bounds_are_not_shown_are_said_missing() -> None:
    # A row's cells ("$0" / "838,996" / "D") drawn after the form's notes, apart from note 1's first
    # line over its number: the cells' or the note's, the text does not tell (read before as note 1).
    name = "0001494730-11-000002"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    assert "footnotes[F1]" in got.missing and "not settled" in _why(got, "footnotes[F1]")
    assert [m for m in misses(reference(name), got) if m[0].startswith("footnote")] == []
    # "(2)" drawn under the second line of its own note (centred beside its middle): where note 1
    # ends is not shown (read before as note 1 running on into note 2, note 2 as its last line).
    name = "0001209191-13-010666"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    assert {"footnotes[F1]", "footnotes[F2]"} <= set(got.missing)
    assert [m for m in misses(reference(name), got) if m[0].startswith("footnote")] == []

"""Broken pages' footnotes in laid-out text (bench/rendered_damage.py's damages, on real pages): a
heading lost before or after the notes, or a note's number lost, leaves no note read with another's
words; what the page no longer settles is said missing."""

from __future__ import annotations

from collections.abc import Callable

from section16 import parse
from section16.model import Filing
from section16.read.rendered.text_note_end import stray_after_notes, unsettle_last_note

from .conftest import PAGES

#: Notes 1 to 21, remarks after them (pdftotext -layout).
FOUNDERS = PAGES / "0001209191-20-053427.pdftotext-layout.txt"
#: Notes 1 to 15, each number beside its note's middle line (pdftotext -layout).
SEQUOIA = PAGES / "0001062993-20-006195.pdftotext-layout.txt"
#: Notes 1 to 3, each number beside its note's middle line (pdftotext -layout).
SEQUOIA_XV = PAGES / "0001209191-22-001786.pdftotext-layout.txt"


def _notes(filing: Filing) -> dict[str, str]:
    return {fn.id: fn.text for fn in filing.footnotes}


def _damaged(page: str, drop: Callable[[int, str], bool]) -> tuple[Filing, Filing]:
    lines = page.split("\n")
    kept = [ln for i, ln in enumerate(lines) if not drop(i, ln)]
    assert len(kept) < len(lines)
    return parse(page.encode()), parse("\n".join(kept).encode())


def test_the_remarks_heading_lost_leaves_the_last_note_unsettled() -> None:
    # Without "Remarks:", the remarks stand after note 21 past a blank line: read as its last lines
    # before; now note 21 is said missing and the others read as on the whole page.
    whole, got = _damaged(FOUNDERS.read_text(), lambda _i, ln: ln.strip() == "Remarks:")
    assert "Due to a 30 line item" in (whole.remarks or "")
    assert "footnotes[F21]" in got.missing and "F21" not in _notes(got)
    assert all(text == _notes(whole)[fid] for fid, text in _notes(got).items())
    assert len(got.footnotes) == len(whole.footnotes) - 1


def test_a_block_after_the_notes_without_a_number_is_found() -> None:
    lines = FOUNDERS.read_text().split("\n")
    head = next(i for i, ln in enumerate(lines) if ln.startswith("Explanation of Responses"))
    remarks = next(i for i, ln in enumerate(lines) if ln.strip() == "Remarks:")
    end = next(i for i in range(remarks + 1, len(lines)) if lines[i].startswith("Note: File"))
    assert stray_after_notes(lines, head + 1, remarks) is None  # (the whole page: the notes alone)
    gone = lines[:remarks] + lines[remarks + 1 :]
    stray = stray_after_notes(gone, head + 1, end - 1)
    assert stray is not None and gone[stray].startswith("Due to a 30 line item")
    rows = unsettle_last_note([["* If the form ..."], ["(1) One."], ["(2) Two."]])
    assert rows[1] == ["(1) One."] and rows[2][0].startswith("(2) Two.") and rows[2][0] != "(2) Two."


def test_a_lost_note_number_unsettles_the_notes_its_lines_went_to() -> None:
    # Note 1's number and first line dropped: its other line went to note 2 and note 2's last lines
    # to note 3 (each number stands beside its note's middle): both were read so; now said missing.
    page = SEQUOIA_XV.read_text()
    one = page.split("\n").index("(1)")
    whole, got = _damaged(page, lambda i, _ln: i in (one - 1, one))
    assert {"F1", "F2", "F3"} <= set(_notes(whole))
    assert {"footnotes[F1]", "footnotes[F2]", "footnotes[F3]"} <= set(got.missing)
    assert all(text == _notes(whole)[fid] for fid, text in _notes(got).items())
    # A note the reader found unsettled itself ends the notes said so (the lines after it are dealt
    # from there): Sequoia's notes 4 to 15 are read, as on the whole page.
    page = SEQUOIA.read_text()
    one = page.split("\n").index("(1)")
    whole, got = _damaged(page, lambda i, _ln: i in (one - 1, one))
    assert {"footnotes[F1]", "footnotes[F2]", "footnotes[F3]"} <= set(got.missing)
    assert _notes(got) == {fid: text for fid, text in _notes(whole).items() if fid not in ("F1", "F2", "F3")}


def test_box_one_label_lost_still_reads_each_note_whole() -> None:
    # The page's box 1 label line gone: the page is read line by line, and each note still as the
    # lines around its number (before, "(1)" alone was read as opening its note's last line).
    for path in (FOUNDERS, SEQUOIA):
        whole, got = _damaged(path.read_text(), lambda _i, ln: ln.startswith("1. Name and Address"))
        assert _notes(got) == _notes(whole)
        assert "F1" in _notes(got) and len(got.footnotes) >= 10


def test_the_notes_heading_lost_reads_no_note_cut_or_joined() -> None:
    # "Explanation of Responses:" gone: the form's own "*" note opens the block (form.py), where the
    # tables end; its notes are not read there (said missing): text and a PDF's Markdown part them
    # and mark those cut at the paper's edge from the heading on, and without it pdftotext's raw text
    # and pymupdf4llm read cut or joined notes as whole (before, "(1)" alone on its line was read as
    # opening its note's last lines: note 1 read as its last line).
    for path in (FOUNDERS, SEQUOIA, SEQUOIA_XV):
        whole, got = _damaged(path.read_text(), lambda _i, ln: ln.startswith("Explanation of Responses"))
        assert "F1" in _notes(whole) and "footnotes" in got.missing
        assert all(_notes(whole).get(k) == v for k, v in _notes(got).items())

"""Free text cut at the paper's edge (text_clipped.py's ``mark_clipped``): a line the printer cut is
marked, so its footnote or the remarks are said missing, never read short as if whole."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.cells import CLIPPED
from section16.read.rendered.text_clipped import PAPER_WIDTH, mark_clipped

from .conftest import PAGES, misses, reference, shown

# chromium's print of a page with DejaVu fonts (a machine without Liberation): the footnotes run
# past the paper's edge at about 241 characters, the remarks (set larger) at 200.
DEJAVU = PAGES / "0000899243-21-044689.pdftotext-layout-dejavu.txt"


def _remarks_line(lines: list[str]) -> int:
    return next(i for i, ln in enumerate(lines) if ln.strip() == "Remarks:") + 1


def test_a_remark_cut_at_fewer_characters_than_the_notes_is_said_missing() -> None:
    got = parse(DEJAVU)
    assert reference("0000899243-21-044689").remarks is not None
    assert got.remarks is None and "remarks" in got.missing
    lines = DEJAVU.read_text().split("\n")
    at = _remarks_line(lines)
    assert len(lines[at].rstrip()) == 200 and lines[at].rstrip().endswith("occurre")
    assert mark_clipped(lines, paged=True)[at].endswith(CLIPPED)


def test_a_short_line_is_cut_only_where_the_page_shows_its_edge() -> None:
    # The same page without its footnotes (whose lines show text cut at the edge): a remark's line
    # of 200 characters that stops mid-sentence may be whole, and is left as it is.
    lines = DEJAVU.read_text().split("\n")
    head = next(i for i, ln in enumerate(lines) if ln.startswith("Explanation of Responses"))
    at = _remarks_line(lines)
    kept = lines[: head + 1] + lines[at - 1 :]
    assert not any(ln.endswith(CLIPPED) for ln in mark_clipped(kept, paged=True))
    # And not on a page of flowing text (no paper's width to tell).
    assert not mark_clipped(lines, paged=False)[at].endswith(CLIPPED)


def test_a_line_ending_in_a_words_apostrophe_was_cut() -> None:
    # pypdf's plain text of a page whose remarks ran past the paper: "... because the SEC'" (of
    # "SEC's") ends no sentence, though a closing quote may: the remarks are said missing.
    name = "0000899243-21-044240"
    got = parse(PAGES / f"{name}.pypdf-plain.txt")
    assert reference(name).remarks is not None
    assert got.remarks is None and "remarks" in got.missing


def test_a_note_joining_printed_lines_is_cut_where_the_page_shows_the_edge() -> None:
    # pypdf's plain text sets each note on one line, its printed lines joined: note 2's first printed
    # line ran past the paper's edge ("... Deerfield Private Design Fun is the investment manager
    # ..."), though the joined line ends a sentence. Note 1's line stops mid-word at the edge
    # ("The s"), so the notes' box was wider than the paper: every joined note is said missing.
    name = "0001193805-20-000323"
    got = parse(PAGES / f"{name}.pypdf-plain.txt")
    want, notes = reference(name).footnote_text, got.footnote_text
    assert want["F2"].startswith("This Form 3 is being filed")
    assert "F2" not in notes and "footnotes[F2]" in got.missing
    assert notes["F3"] == want["F3"]  # (one printed line: whole)


def test_notes_wider_than_a_page_sets_them_tell_a_wide_face_ran_past_the_paper() -> None:
    # DejaVu's print of a page laid wider than the paper: its wider letters set the form's widest
    # line in 259 characters (under PAPER_WIDTH), but each note's first line runs to the edge at
    # about 240 ("... held by FF-IV. Ea", its number centred under it, the rest lost). No page laid
    # within the paper sets its notes that wide: the notes and the remarks are said missing.
    name = "0001209191-21-017168"
    page = PAGES / f"{name}.pdftotext-layout-dejavu.txt"
    lines = page.read_text().split("\n")
    assert max(len(ln.rstrip()) for ln in lines) < PAPER_WIDTH
    cut = next(i for i, ln in enumerate(lines) if ln.rstrip().endswith("held by FF-IV. Ea"))
    assert mark_clipped(lines, paged=True)[cut].endswith(CLIPPED)
    expected, got = reference(name), parse(page)
    assert len(expected.footnotes) == 10 and expected.remarks is not None
    assert not got.footnotes and got.remarks is None
    assert {f"footnotes[F{n}]" for n in range(1, 11)} <= set(got.missing) and "remarks" in got.missing
    # Every value the page shows is read right (its owners and tables as before).
    assert not misses(expected, got) and shown(expected, got) > 50

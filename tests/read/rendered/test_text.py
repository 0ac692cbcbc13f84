"""Laid-out text read into a Filing (text.py's ``read_text``): a table whose rows cannot be placed
costs that table, not the page; what the page does show is read, and nothing unsure is given as sure."""

from __future__ import annotations

import pytest

from section16 import parse
from section16.errors import ParseError
from section16.model import Filing
from section16.read.rendered import layout, tables
from section16.read.rendered.text import _owner_rows
from section16.read.rendered.text_notes import _footnote_of_lines, _join_lines

from .conftest import PAGES, at, misses, reference, shown, toks


def test_a_table_whose_row_fits_no_cut_is_listed_missing_and_the_rest_read() -> None:
    # Table II's row spans a page break that pdftotext laid out on another grid: its words fit no
    # cut. Table II is listed missing (with why); Table I, the boxes, owners and footnotes are read.
    got = parse(PAGES / "0001046179-26-000290.pdftotext-layout.txt")
    expected = reference("0001046179-26-000290")
    assert {"derivative_transactions", "derivative_holdings"} <= set(got.missing)
    assert got.derivative_transactions == got.derivative_holdings == ()
    assert any(n.where == "Table II" and "do not fit" in n.message for n in got.notes)
    assert got.non_derivative_transactions == expected.non_derivative_transactions
    assert got.non_derivative_holdings == expected.non_derivative_holdings
    assert shown(expected, got) > 30
    # (The non-US address's state, printed as "TAIWAN", is box 1's reading, not this one's.)
    assert [m for m in misses(expected, got) if m[0] != "reporting_owners[0].address.state"] == []


def test_a_box_label_one_space_after_its_neighbours_text_starts_its_box() -> None:
    # "2. Issuer Name and Ticker or Trading Symbol 5. Relationship of ..." is one run of text: box 5's
    # label is not part of the issuer's name.
    got = parse(PAGES / "0001046179-26-000290.pdftotext-layout.txt")
    assert got.issuer.name == "TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD"
    assert got.issuer.trading_symbol == "TSM"


def test_a_word_broken_after_its_hyphen_is_one_word() -> None:
    got = parse(PAGES / "0001046179-26-000290.pdftotext-layout.txt")
    assert "worst-performing" in got.footnote_text["F4"]
    assert _join_lines(["held by FF-", "IIIP. The", "pre-", "and post-"]) == "held by FF-IIIP. The pre-and post-"
    assert _join_lines(["a - ", "b"]) == "a -  b"


def test_a_lone_x_in_the_owners_table_is_a_director_or_ten_percent_owner() -> None:
    # A long owner name pushes pdftotext's marks right, under "Officer": the form prints a lone X
    # under Director or 10% Owner only (Officer and Other print a title or text).
    got = parse(PAGES / "0001062993-20-006195.pdftotext-layout.txt")
    expected = reference("0001062993-20-006195")
    assert len(got.reporting_owners) == len(expected.reporting_owners) == 9
    for g, e in zip(got.reporting_owners, expected.reporting_owners, strict=True):
        assert g.name == e.name
        assert (g.relationship.is_director, g.relationship.is_ten_percent_owner, g.relationship.is_officer) == (
            e.relationship.is_director,
            e.relationship.is_ten_percent_owner,
            e.relationship.is_officer,
        )
    label = at((62, "Director 10% Owner Officer Other"))
    lines = ["Reporting Owners", label, at((0, "A VERY LONG NAME OF A FUND L.P."), (86, "X")), "",
             at((0, "SHORT"), (82, "CFO"))]  # fmt: skip
    rows = _owner_rows(lines, 1, len(lines))
    assert [r[1:] for r in rows] == [["", "X", "", ""], ["", "", "CFO", ""]]


def test_fewer_signatures_than_captions_are_listed_missing() -> None:
    # Nine signatures each over its caption, pdftotext wrapping some round their date's line: all
    # nine are read (blocks.date_amid_name), each the filed one.
    path = PAGES / "0000899243-20-022867.pdftotext-layout.txt"
    got = parse(path)
    expected = reference("0000899243-20-022867")
    assert [(" ".join(s.name.split()), s.date) for s in got.signatures] == [
        (" ".join(s.name.split()), s.date) for s in expected.signatures
    ]
    assert "signatures" not in got.missing
    assert misses(expected, got) == []
    # The same page with one signature and its date gone (lines 81-82): eight signatures under nine
    # captions are listed missing, not paired with the wrong names.
    lines = path.read_text().split("\n")
    assert lines[80].startswith("Valor Equity Capital IV LLC")
    del lines[80:82]
    cut = parse("\n".join(lines).encode())
    assert cut.signatures == ()
    assert "signatures" in cut.missing
    assert any(n.where == "signatures" and "9 captions" in n.message for n in cut.notes)


def test_footnotes_parted_by_short_lines_and_two_numbers_in_one_run_by_where_they_stand() -> None:
    # Footnote 1's paragraph ends short (line 2); footnotes 2 and 3 end in full lines, so one run
    # (3-8) holds both numbers: that run alone is parted by where "(2)" and "(3)" stand.
    got = _footnote_of_lines([0, 1, 2, 3, 4, 5, 6, 7, 8], [1, 4, 7], set(), {2, 8})
    assert got == {0: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}
    got_page = parse(PAGES / "0001209191-20-053427.pdftotext-layout.txt")
    expected = reference("0001209191-20-053427")
    assert len(got_page.footnotes) == len(expected.footnotes) == 21
    assert [m for m in misses(expected, got_page) if m[0].startswith("footnote")] == []


def test_a_row_whose_cells_stand_far_off_is_read_only_when_one_cut_fits() -> None:
    # A Form 3 Table II row pdftotext laid out off its headings: its words' types and order allow
    # one cut only, and that is the filed row.
    name = "0000950103-20-022500"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert got.derivative_holdings == expected.derivative_holdings
    assert misses(expected, got) == []
    # Where several cuts fit (two numbers: amount and owned-after, or price and owned-after...),
    # nothing is guessed.
    cols = tables.columns("4", 1)
    starts = [0.0, 44.0, 61.0, 80.0, 92.0, 98.0, 110.0, 119.0, 128.0, 170.0, 182.0]
    two = at((0, "Common Stock"), (44, "04/24/2025"), (82, "P"), (131, "1,000"), (140, "2,000"), (150, "D"))
    assert layout.assign(toks(two), starts, cols) is None
    assert layout.assign(toks(two), starts, cols, by_order=True) is None


def test_table_one_whose_heading_is_not_found_is_unread_not_lost() -> None:
    # weasyprint's portrait print of 0000320193-19-000082 breaks "1.Title" / "of" over two lines: the
    # first "1. Title of" on the page is then Table II's, and Table I's row used to vanish unsaid.
    from section16.read.rendered.text import text_to_doc

    page = "\n".join([
        "1. Name and Address of Reporting Person *",
        "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned",
        "   1.Title",
        "   of",
        "   Common Stock     08/02/2019      G    V   1,177    D    $ 0    6,287    D",
        "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned",
        "   1. Title of Derivative Security",
    ])  # fmt: skip
    unread: list[tuple[int, int, str]] = []
    text_to_doc(page, "p.txt", unread=unread)
    assert (1, 2, "the table's column headings were not found") in unread
    with pytest.raises(ParseError, match="column headings were not found"):
        text_to_doc(page, "p.txt")  # without a list to report it in (PDF): the page is refused


def test_footnote_lines_broken_at_a_slash_are_joined_without_a_space() -> None:
    # w3m breaks a footnote's line at a "/" ("12" over "/31/2019", "f/k/" over "a"): one word again.
    assert _join_lines(["a plan statement date of 12", "/31/2019."]) == "a plan statement date of 12/31/2019."
    assert _join_lines(["Newlight GP LLC (f/k/", "a Strategic)"]) == "Newlight GP LLC (f/k/a Strategic)"
    # A slash standing apart, or text after a line's end, keeps its space.
    assert _join_lines(["Officer /", "Other"]) == "Officer / Other"
    assert _join_lines(["the end.", "Next"]) == "the end. Next"


def test_flowing_text_whose_note_number_stands_above_its_lines() -> None:
    """PyMuPDF's plain text (held out): a note of several lines prints its "(1)" on a line of its own
    above them, one-line notes beside their text, every line flush left. Note 1's later lines were
    read as note 2's (the number taken as centred beside its lines, as a layout prints it)."""
    name = "0000899243-20-001780"
    got = parse(PAGES / f"{name}.pymupdf-text.txt")
    expected = reference(name)
    assert [(f.id, f.text) for f in got.footnotes] == [(f.id, f.text) for f in expected.footnotes]


def _owners(got: Filing) -> list[tuple[object, ...]]:
    """The table's owners' names and addresses as the page prints them (the first owner's address is
    box 1's reading)."""
    return [
        (o.name, *((a.street1, a.street2, a.city, a.state, a.zip_code) if k and (a := o.address) else ()))
        for k, o in enumerate(got.reporting_owners)
    ]


def test_joint_owners_abroad_are_parted_after_each_city_line_across_a_page_break() -> None:
    # pdfplumber's laid-out text of eight owners with no blank line between them, most abroad ("LONDON,,
    # X0 W1K 3JP", "CAPITAGREEN,, U0 048926"), a page break inside one owner's address and each owner's
    # X on a line of its own: each owner ends with its city line, whatever its country's postcode.
    got = parse(PAGES / "0001493152-25-009612.pdfplumber-layout.txt")
    expected = reference("0001493152-25-009612")
    assert len(got.reporting_owners) == len(expected.reporting_owners) == 8
    assert _owners(got) == _owners(expected)
    assert [o.relationship for o in got.reporting_owners[1:]] == [o.relationship for o in expected.reporting_owners[1:]]
    assert [m for m in misses(expected, got) if m[0].startswith("reporting_owners")] == []


def test_an_owners_widely_spaced_words_stay_one_line_of_its_cell() -> None:
    # pdfplumber spaces words of one line apart ("STOCKHOLMSGADE   45", "COPENHAGEN  O, G7 2100"): the
    # line is one line of the owner's cell, not a line per run of words (which moved "COPENHAGEN" to
    # the next owner's name).
    got = parse(PAGES / "xml_2_2ad9cca1.pdfplumber-layout.txt")
    expected = reference("xml_2_2ad9cca1")
    assert _owners(got) == _owners(expected)
    assert got.reporting_owners[2].address is not None
    assert got.reporting_owners[2].address.city == "COPENHAGEN O"
    lines = ["Reporting Owners", at((30, "Director 10% Owner Officer Other")),
             at((0, "MOUNTAIN  VIEW, CA 94043"), (33, "X"))]  # fmt: skip
    assert _owner_rows(lines, 1, len(lines)) == [["MOUNTAIN VIEW, CA 94043", "X", "", "", ""]]


def test_owners_marks_on_a_later_page_than_the_headings_are_listed_missing() -> None:
    # pdftotext lays out each page on a grid of its own: the five owners after the page break have
    # their X under "Director" on the page though they are 10% owners. Their names and addresses are
    # read; their relationships are listed missing (with why), not read.
    got = parse(PAGES / "0001493152-25-009612.pdftotext-layout.txt")
    expected = reference("0001493152-25-009612")
    assert _owners(got) == _owners(expected)
    assert [o.relationship for o in got.reporting_owners[:3]] == [o.relationship for o in expected.reporting_owners[:3]]
    for k in range(3, 8):
        assert f"reporting_owners[{k}].relationship" in got.missing
        assert any(n.where == f"reporting_owners[{k}].relationship" and "later page" in n.message for n in got.notes)
    assert [m for m in misses(expected, got) if m[0].startswith("reporting_owners")] == []


def test_owners_whose_marks_stand_left_of_the_headings_are_not_parted_by_guess() -> None:
    # lynx sets an X left of "Director" ("SAN FRANCISCO, CA 94103      X"): that line holds marks too,
    # so the city lines part the owners only if each owner then has one line of marks. They do not
    # here (that city line ends in the X), and the owners are said missing, not run together.
    name = "xml_2_2ad9cca1"
    got = parse((PAGES / f"{name}.lynx-dump.txt").read_bytes())
    assert [m for m in misses(reference(name), got) if m[0].startswith("reporting_owners") and m[2] is not None] == []
    assert any(m.startswith("reporting_owners[") for m in got.missing)

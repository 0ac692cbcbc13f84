"""Text browsers' dumps (held out: ``lynx -dump``, ``w3m -dump``): what their layout cannot show surely
is listed missing, with why; what it does show is read right (text_guards.py and text.py)."""

from __future__ import annotations

from dataclasses import replace

from section16 import parse
from section16.model import Relationship
from section16.read.rendered.text import _owner_rows, text_to_doc
from section16.read.rendered.text_guards import box5_marks, check_owner_marks, check_street_spacing

from .conftest import PAGES, misses, reference


def _words(text: str) -> str:
    return " ".join(text.split())


def test_box5_marks_read_as_printed() -> None:
    text = (PAGES / "0000899243-20-028043.lynx-dump.txt").read_text()
    assert box5_marks(text) == {"director": False, "ten": True, "officer": False, "other": False}
    assert box5_marks("_____ Director\n__X__ 10% Owner\n") is None  # not all four: not the box
    assert box5_marks("no box here") is None


def test_lynx_owner_marks_shifted_a_column_are_placed_by_the_first_owners() -> None:
    # lynx shifts the owners' cells a column left of their headings: each 10% owner's X stands under
    # "Director". Box 5 says the first owner is a 10% owner, the table's first row says director: the
    # headings place no mark (check_owner_marks lists the others missing); an owner whose X stands
    # at the very character the first owner's does is in the same column (owners_by_first).
    name = "0000899243-20-028043"
    text = (PAGES / f"{name}.lynx-dump.txt").read_text()
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    expected = reference(name)
    assert len(got.reporting_owners) == len(expected.reporting_owners) > 2
    for i in range(1, len(got.reporting_owners)):
        assert f"reporting_owners[{i}].relationship" not in got.missing
        assert got.reporting_owners[i].relationship == expected.reporting_owners[i].relationship
    assert got.reporting_owners[0].relationship == expected.reporting_owners[0].relationship
    assert misses(expected, got) == []
    # One owner's X moved a character: that owner is not placed (said missing), the others are.
    lines = text.split("\n")
    k = max(i for i, ln in enumerate(lines) if ln.rstrip().endswith(" X"))
    lines[k] = lines[k].rstrip()[:-1] + " X"
    moved = parse("\n".join(lines).encode())
    last = len(moved.reporting_owners) - 1
    assert f"reporting_owners[{last}].relationship" in moved.missing
    assert moved.reporting_owners[last].relationship == Relationship()
    assert any("disagree with box 5" in n.message for n in moved.notes)


def test_lynx_officer_title_under_the_wrong_heading_is_said_missing() -> None:
    # "General Partner" (Other) stands under "Officer" on lynx's page: said missing, not an officer.
    name = "0001209191-20-043551"
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    assert "reporting_owners[1].relationship" in got.missing
    assert not any(o.relationship.is_officer for o in got.reporting_owners[1:])
    assert misses(reference(name), got) == []


def test_owner_marks_that_agree_with_box5_are_kept() -> None:
    # The guard only speaks where the page contradicts itself: the same page, its first owner's
    # box 5 agreeing with the table (both read as director), keeps the others' relationships.
    name = "0000899243-20-028043"
    text = (PAGES / f"{name}.lynx-dump.txt").read_text()
    doc = text_to_doc(text, unread=[])
    agreeing = text.replace("_____ Director", "__X__ Director", 1).replace("__X__ 10% Owner", "_____ 10% Owner", 1)
    filing = parse(PAGES / f"{name}.lynx-dump.txt")
    marked = replace(filing.reporting_owners[1], relationship=Relationship(is_director=True))
    filing = replace(filing, reporting_owners=(filing.reporting_owners[0], marked), missing=())
    assert check_owner_marks(filing, doc, agreeing) is filing
    said = check_owner_marks(filing, doc, text)
    assert said.missing == ("reporting_owners[1].relationship",)


def test_lynx_flowing_footnotes_split_at_their_numbers() -> None:
    # lynx prints "(4) text" with the note's further lines flush with the number: each note runs
    # to the next number (read by centring, note 4's second line went to note 5).
    name = "0000320193-19-000107"
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    expected = reference(name)
    assert [_words(f.text) for f in got.footnotes] == [_words(f.text) for f in expected.footnotes]
    assert misses(expected, got) == []


def test_w3m_footnotes_before_a_line_of_no_break_spaces() -> None:
    # w3m ends the notes with a line holding only a no-break space: a blank line, not a note's text
    # (taken as text, the blank-line runs no longer held one number each, and 32 notes were mis-split).
    name = "0000899243-21-045947"
    got = parse(PAGES / f"{name}.w3m-dump.txt")
    expected = reference(name)
    assert len(got.footnotes) == len(expected.footnotes) == 32
    assert [_words(f.text) for f in got.footnotes] == [_words(f.text) for f in expected.footnotes]
    assert misses(expected, got) == []


def test_w3m_signatures_none_read_under_captions_are_said_missing() -> None:
    # w3m wraps each signature's date over two lines ("10/13/" over "2020"): none is read, six
    # captions stand on the page. The signatures are listed missing, not given as none.
    name = "0000899243-20-028043"
    got = parse(PAGES / f"{name}.w3m-dump.txt")
    assert got.signatures == ()
    assert "signatures" in got.missing
    assert any(n.where == "signatures" and "captions" in n.message for n in got.notes)
    assert misses(reference(name), got) == []


def test_w3m_caret_marks_read_where_they_stand() -> None:
    # w3m prints a mark as "^(1)": touching its value ("02/01/2021^" with "(3)" broken onto the next
    # line by a narrow cell), or alone in a cell (an empty price's "^(2)"). Read as the marks they
    # are, in their own columns: Table II is read whole (it was left unread), no mark misplaced.
    name = "0000320193-20-000033"
    page = (PAGES / f"{name}.w3m-dump.txt").read_text()
    assert "02/01/2021^ " in page and "      ^(2)" in page
    got = parse(PAGES / f"{name}.w3m-dump.txt")
    expected = reference(name)
    [row] = got.derivative_transactions
    assert row.security_title.footnote_ids == ("F1",)
    assert (row.conversion_or_exercise_price.value, row.conversion_or_exercise_price.footnote_ids) == (None, ("F2",))
    assert row.exercise_date == expected.derivative_transactions[0].exercise_date
    assert row.expiration_date == expected.derivative_transactions[0].expiration_date
    assert row.expiration_date.footnote_ids == ("F3",)
    assert misses(expected, got) == []


def test_w3m_caret_mark_a_space_after_its_value() -> None:
    # "26.325 ^(2)": the mark one space after its value is the value's (not a cell of its own).
    name = "0001062993-22-007516"
    got = parse(PAGES / f"{name}.w3m-dump.txt")
    expected = reference(name)
    assert got.derivative_transactions[0].shares == expected.derivative_transactions[0].shares
    assert got.derivative_transactions[0].shares.footnote_ids == ("F2",)
    assert misses(expected, got) == []


def test_w3m_checked_box_star() -> None:
    # w3m prints a checked box as "[*]" (box: Rule 10b5-1(c)); an unchecked one as "[ ]".
    name = "0000950170-25-003585"
    page = (PAGES / f"{name}.w3m-dump.txt").read_text()
    assert "[*]  Check this box to" in page
    got = parse(PAGES / f"{name}.w3m-dump.txt")
    assert got.aff10b5one is True
    assert got.not_subject_to_section16 is False
    assert misses(reference(name), got) == []


def test_lynx_remarks_cut_inside_words_are_said_missing() -> None:
    # lynx cuts the remarks' long lines at its widest width inside words ("transactions t" over
    # "hat"): joined with a space they would read words not there. Listed missing, with why; the
    # same remarks on w3m's page (wrapped at words) are read.
    name = "0000899243-21-045947"
    got = parse(PAGES / f"{name}.lynx-dump.txt")
    assert got.remarks is None and "remarks" in got.missing
    assert any(n.where == "remarks" and "inside words" in n.message for n in got.notes)
    assert misses(reference(name), got) == []
    w3m = parse(PAGES / f"{name}.w3m-dump.txt")
    assert w3m.remarks is not None and "remarks" not in w3m.missing


def test_words_a_pdf_library_split_are_said_missing() -> None:
    # pypdf's layout text parts words where the font kerns their glyphs: "/s/ Kate DeHof f", a state
    # code "P A" on box 1's city line, a zip code "641 17". Those values are listed missing, not read.
    got = parse(PAGES / "0000899243-21-032834.pypdf-layout.txt")
    assert "signatures[0].name" in got.missing and got.signatures[0].name is None
    assert got.signatures[0].date == reference("0000899243-21-032834").signatures[0].date  # the date stands
    city = parse(PAGES / "0001174947-20-000102.pypdf-layout.txt")
    assert {"reporting_owners[0].address.city", "reporting_owners[0].address.state"} <= set(city.missing)
    zipped = parse(PAGES / "0001209191-20-003926.pypdf-layout.txt")
    assert "reporting_owners[0].address.zip_code" in zipped.missing
    for name, page in (
        ("0000899243-21-032834", "pypdf-layout"),
        ("0001174947-20-000102", "pypdf-layout"),
        ("0001209191-20-003926", "pypdf-layout"),
    ):
        got = parse(PAGES / f"{name}.{page}.txt")
        assert [m for m in misses(reference(name), got) if m[0].startswith(("signature", "reporting_owners[0]"))] == []


def test_two_street_lines_on_one_line_of_the_page_are_said_missing() -> None:
    # pdfplumber's layout text: "1 NORTH WAUKEGAN  ROAD" (one street line, a wide gap between words)
    # was read from box 1 as two street lines. The owners table, which prints each street line on a
    # line of its cell, settles it as one (text._owner_rows); box 1 alone does not: said missing.
    name = "0001179110-20-004036"
    text = (PAGES / f"{name}.pdfplumber-layout.txt").read_text()
    got = parse(PAGES / f"{name}.pdfplumber-layout.txt")
    first = got.reporting_owners[0]
    assert first.address is not None
    assert first.address.street1 == "1 NORTH WAUKEGAN ROAD"
    assert [m for m in misses(reference(name), got) if "street" in m[0]] == []
    two = replace(first, address=replace(first.address, street1="1 NORTH WAUKEGAN", street2="ROAD"))
    checked = check_street_spacing(replace(got, reporting_owners=(two,)), text)
    assert {"reporting_owners[0].address.street1", "reporting_owners[0].address.street2"} <= set(checked.missing)
    assert checked.reporting_owners[0].address is not None
    assert checked.reporting_owners[0].address.street1 is None


def test_the_forms_own_words_in_a_signature_or_note_are_said_missing() -> None:
    # pdfminer's text runs the owners table's headings into the signature ("Relationships Director 10%
    # Owner Officer Other President, Global Affairs, CLO /s/ Kenneth Yi, ..."), and the signature
    # block's dates into the notes ("Date 09/15/2021 Date The price reported ...").
    sig = parse(PAGES / "0001193125-26-242634.pdfminer-text.txt")
    assert "signatures[0].name" in sig.missing
    assert [m for m in misses(reference("0001193125-26-242634"), sig) if m[0].startswith("signature")] == []
    # The dates stand before the form's own "**" note, which the filer's notes follow: since
    # text_notes._after_lead_notes they are no note's words, and the ten notes are read, all right.
    notes = parse(PAGES / "xml_2_2ad9cca1.pdfminer-text.txt")
    assert not any(n.where.startswith("footnotes[") for n in notes.notes)
    assert len(notes.footnotes) == 10
    assert [m for m in misses(reference("xml_2_2ad9cca1"), notes) if m[0].startswith("footnote")] == []


def test_an_amendment_whose_box_4_date_ran_elsewhere_is_not_read_as_a_plain_form() -> None:
    # pdfplumber's plain text runs box 4's date into box 6 ("03/20/2020 _X_ Form filed by One
    # Reporting Person"): read as a Form 4 with no original filing date, it was a wrong "4" for "4/A".
    name = "0001179110-20-004036"
    got = parse(PAGES / f"{name}.pdfplumber-text.txt")
    assert reference(name).document_type == "4/A"
    assert {"document_type", "date_of_original_submission"} <= set(got.missing)
    assert [m for m in misses(reference(name), got) if m[0] in ("document_type", "date_of_original_submission")] == []
    # A plain Form 4 whose only date above Table I is box 3's keeps its form type.
    plain = parse(PAGES / "0001209191-20-003926.pypdf-layout.txt")
    assert (
        "document_type" not in plain.missing and plain.document_type == reference("0001209191-20-003926").document_type
    )


def test_notes_whose_numbers_are_printed_but_not_read_are_said_missing() -> None:
    # pdfminer prints the signature block's captions and dates under "Explanation of Responses:",
    # before the notes: the notes "(1)" and "(2)" were not read, and were left out unsaid. They stand
    # before the form's own "**" note, which the filer's notes follow: since
    # text_notes._after_lead_notes they are no note's words, and both notes are read, right.
    name = "0000921895-25-001190"
    got = parse(PAGES / f"{name}.pdfminer-text.txt")
    assert [f.id for f in got.footnotes] == ["F1", "F2"]
    assert [m for m in misses(reference(name), got) if m[0].startswith("footnote")] == []


def test_pdfplumber_x_between_packed_headings_is_said_missing() -> None:
    # pdfplumber's layout gives each character a column while the heading's font is narrower:
    # "Director 10% Owner" one space apart, "10% Owner" pushed right of where the paper prints it.
    # Each 10% owner's X (centred under "10% Owner" on paper) stands inside "Director" right of its
    # centre: which heading it is under is not shown. Those owners' relationships are listed
    # missing (they were read as directors); box 5, garbled here, leaves the first owner's unread.
    name = "0000899243-20-021530"
    got = parse(PAGES / f"{name}.pdfplumber-layout.txt")
    expected = reference(name)
    assert len(got.reporting_owners) == len(expected.reporting_owners) == 5
    for i in range(1, 5):
        assert f"reporting_owners[{i}].relationship" in got.missing
        assert got.reporting_owners[i].relationship == Relationship()
    assert any("pushed right" in n.message for n in got.notes)
    assert misses(expected, got) == []


def test_an_x_past_the_packed_heading_start_is_read() -> None:
    # The same headings packed, the X starting at "10%" or right of it: under 10% Owner whatever the
    # push (a pushed word's start is never left of its place on paper), so it is read.
    head = "Director 10% Owner Officer Other".rjust(52)
    rows = [head, "Newlight Partners LP", "320 PARK AVENUE".ljust(41) + "X", "NEW YORK, NY 10022"]
    rows += ["Other Owner LP", "1 MAIN STREET".ljust(41) + "X", "BOSTON, MA 02110"]
    unsure: list[tuple[int, str]] = []
    assert _owner_rows(rows, 0, len(rows), None, unsure) != [] and unsure == []
    rows[5] = "1 MAIN STREET".ljust(25) + "X"  # (right of Director's centre, left of "10%")
    _owner_rows(rows, 0, len(rows), None, unsure)
    assert [k for k, _why in unsure] == [1]


def test_pypdf_words_split_apart_in_remarks_and_signatures_are_said_missing() -> None:
    # pypdf's layout text parts a kerned word: "Chief Operating Of ficer" in the remarks, "PTE. L TD."
    # in a signature. Where the word was parted is not shown: listed missing, not read.
    name = "0001209191-20-023848"
    got = parse(PAGES / f"{name}.pypdf-layout.txt")
    assert got.remarks is None and "remarks" in got.missing
    assert misses(reference(name), got) == []
    name = "0001493152-25-009612"
    got = parse(PAGES / f"{name}.pypdf-layout.txt")
    said = [n for n in got.notes if n.text and "L TD." in n.text]
    assert said and said[0].where.startswith("signatures[")
    assert misses(reference(name), got) == []


def test_a_row_under_table_one_no_row_took_lists_the_table_missing() -> None:
    # pdfplumber's plain text runs the boxes' labels around Table I's title; its one row "Common
    # Stock 0 D" went with them and Table I was read with no row, unsaid. A line under the title
    # holding a row's values, none read: Table I's rows are listed missing.
    name = "0001811148-20-000001"
    got = parse(PAGES / f"{name}.pdfplumber-text.txt")
    assert got.non_derivative_holdings == ()
    assert {"non_derivative_transactions", "non_derivative_holdings"} <= set(got.missing)
    assert any(n.where == "Table I" and n.text == "Common Stock 0 D" for n in got.notes)
    assert misses(reference(name), got) == []


def test_a_box_5_title_holding_the_boxes_labels_is_said_missing() -> None:
    # Links sets box 6's wrapped label "Applicable Line)" one space after box 5's "Other (specify
    # below)" (its own label wrapped too: "(give title" / "below)"): the run was read as the
    # officer's title. No title holds the boxes' labels.
    name = "0001415889-20-001288"
    got = parse((PAGES / f"{name}.links-dump.txt").read_bytes())
    assert reference(name).reporting_owners[0].relationship.officer_title is None
    assert got.reporting_owners[0].relationship.officer_title is None
    assert "reporting_owners[0].relationship.officer_title" in got.missing
    assert got.reporting_owners[0].relationship.is_director is True


def test_a_signature_parted_into_a_word_the_page_prints_whole_is_said_missing() -> None:
    # pypdf's layout text parts a kerned "RY": "MARC LASR Y /s/ ...", while the page prints "LASRY
    # MARC" and "Marc Lasry" whole elsewhere. That name is said missing; the other signatures are read.
    got = parse(PAGES / "0001140361-20-013703.pypdf-layout.txt")
    expected = reference("0001140361-20-013703")
    assert got.signatures[7].name is None and "signatures[7].name" in got.missing
    assert got.signatures[7].date == expected.signatures[7].date
    assert [m for m in misses(expected, got) if m[0].startswith("signatures")] == []  # (said missing: not compared)


def test_a_name_printed_twice_spaced_two_ways_is_not_read() -> None:
    # pypdf's layout text parts "ROBERT" at a kerned pair in box 1 ("KIRKMAN ROBER T L") and not in the
    # owners table's other font ("KIRKMAN ROBERT L"): which print spaces the name right, the text does
    # not show; the name is listed missing, the rest of the box read.
    name = "0001209191-20-052755"
    page = PAGES / f"{name}.pypdf-layout.txt"
    assert "KIRKMAN ROBER T L" in page.read_text() and "KIRKMAN ROBERT L" in page.read_text()
    got = parse(page)
    assert got.reporting_owners[0].name is None
    assert "reporting_owners[0].name" in got.missing
    assert got.reporting_owners[0].address == reference(name).reporting_owners[0].address
    # (a page printing the name alike twice reads it)
    alike = page.read_text().replace("ROBER T L", "ROBERT L").encode()
    assert parse(alike).reporting_owners[0].name == "KIRKMAN ROBERT L"


def test_a_postal_code_parted_beside_a_parted_state_is_not_read() -> None:
    # "HARRISBURG, P   A 171 12": the state's letters parted, and the postal code's digits too.
    got = parse(PAGES / "0001140361-20-013188.pypdf-layout.txt")
    a = got.reporting_owners[0].address
    assert a is not None and (a.city, a.state, a.zip_code) == (None, None, None)
    assert "reporting_owners[0].address.zip_code" in got.missing


def test_a_city_line_holding_its_state_and_postal_code_is_not_read() -> None:
    # "SAN JUAN, PR 00919-51      15": the line's cells not parted where they end; read as the city, it
    # holds the state and a postal code's part: city, state and postal code are listed missing.
    got = parse(PAGES / "0001381022-20-000001.pypdf-layout.txt")
    a = got.reporting_owners[0].address
    assert a is not None and (a.city, a.state, a.zip_code) == (None, None, None)
    assert {f"reporting_owners[0].address.{k}" for k in ("city", "state", "zip_code")} <= set(got.missing)
    wrong = [m for m in misses(reference("0001381022-20-000001"), got) if m[0] not in got.missing]
    assert [m for m in wrong if ".address." in m[0]] == []


def test_an_officers_title_and_a_state_not_read_are_said_missing() -> None:
    # pdftotext without -layout sets the title after the city ("MOUNTAIN VIEW" / "Chief Executive
    # Officer" / "CALIFORNIA"): box 5's officer was read checked with no title, the city with no state,
    # both left out unsaid.
    name = "0001193125-26-242636"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    owner = got.reporting_owners[0]
    assert owner.relationship is not None and owner.relationship.is_officer
    assert owner.address is not None and owner.address.city == "MOUNTAIN VIEW"
    said = {"reporting_owners[0].relationship.officer_title", "reporting_owners[0].address.state"}
    assert said <= set(got.missing)
    assert [m for m in misses(reference(name), got) if m[0].startswith("reporting_owners")] == []


def test_a_us_city_and_state_read_with_no_postal_code_lists_it_missing() -> None:
    # pdftotext without -layout joins the wrapped "98052-" / "6399" into "980526399", no postal code
    # box 1's reading takes: the zip was read as none, unsaid.
    name = "0000789019-26-000075"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    address = got.reporting_owners[0].address
    assert address is not None and (address.city, address.state, address.zip_code) == ("REDMOND", "WA", None)
    assert "reporting_owners[0].address.zip_code" in got.missing
    assert [m for m in misses(reference(name), got) if m[0] not in got.missing] == []


def test_notes_numbered_between_those_shown_and_not_read_are_said_missing() -> None:
    # pdftotext without -layout: of 21 notes none is settled, and notes 7 and 11 were dropped with the
    # lines drawn around them, neither read nor said missing.
    name = "0000899243-21-018773"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    assert {"footnotes[F7]", "footnotes[F11]"} <= set(got.missing)
    assert [m for m in misses(reference(name), got) if m[0].startswith("footnote") and m[0] not in got.missing] == []


def test_a_signature_run_into_table_captions_is_said_missing() -> None:
    # pdftotext without -layout draws Table II's captions after the signature: "/s/ Kate DeHoff,
    # Attorney-in-Fact for Reid Hoffman 7. Title and Amount ... (Instr. 3 and 4) ...".
    name = "0001819848-23-000411"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    assert got.signatures and got.signatures[0].name is None
    assert "signatures[0].name" in got.missing


def test_an_officer_title_holding_the_issuers_symbol_is_said_missing() -> None:
    # pdftotext without -layout runs box 2's "[2330.TW]" on after box 5's title "VP".
    name = "0001046179-26-000288"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    rel = got.reporting_owners[0].relationship
    assert rel is not None and rel.is_officer and rel.officer_title is None
    assert "reporting_owners[0].relationship.officer_title" in got.missing


def test_a_signature_run_into_table_two_sub_heading_is_said_missing() -> None:
    # pdftotext without -layout draws Table II's sub-heading and a holding's cells after the
    # signature: "/s/ Jack Ezzell as Attorney-in-Fact Other Amount or Number of Shares (1) Class A ...".
    name = "0001140361-20-021384"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    assert got.signatures and got.signatures[0].name is None
    assert "signatures[0].name" in got.missing

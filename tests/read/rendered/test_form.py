"""The form reader: each part of a page read, and what a broken or cut page leaves unread."""

from __future__ import annotations

import re

import pytest

from section16 import parse
from section16.errors import ParseError
from section16.model import Address, Note, ReportingOwner
from section16.read.rendered.box_one import checked as _checked_first_owner
from section16.read.rendered.cells import CLIPPED
from section16.read.rendered.compare import _is_missing
from section16.read.rendered.form import read_doc
from section16.read.rendered.html import html_to_doc

from .conftest import PAGES, html_of, misses, reference

NAME = "0000899243-21-019441"


def _doc() -> list[list[str]]:
    return html_to_doc(html_of(NAME).encode())


def test_page_reads_as_its_xml() -> None:
    expected = reference(NAME)
    got = read_doc(_doc(), NAME, "html")
    assert misses(expected, got) == []


def test_a_signature_the_paper_edge_cut_is_said_missing_not_read_short() -> None:
    expected = reference(NAME)
    name = expected.signatures[0].name
    assert name
    cut = [[c.replace(name, name[:12] + CLIPPED) if name in c else c for c in row] for row in _doc()]
    got = read_doc(cut, NAME, "pdf")
    assert got.signatures == () and "signatures" in got.missing
    assert all(CLIPPED not in (s.name or "") for s in read_doc(_doc(), NAME, "pdf").signatures)


def test_box_one_holding_other_boxes_words_is_said_missing() -> None:
    missing: list[str] = []
    notes: list[Note] = []
    owner = ReportingOwner(
        cik=None,
        name="SMITH DARLA M ADVANCED MICRO DEVICES INC [AMD] _____ Director",
        address=Address(street1="2485 AUGUSTINE DRIVE", zip_code="___ Form filed by More than One Reporting Person"),
    )
    got = _checked_first_owner(owner, missing, notes)
    assert got.name is None and got.address is not None and got.address.zip_code is None
    assert got.address.street1 == "2485 AUGUSTINE DRIVE"
    # (The state, read from the words before that "zip code" on the same lines, is not sure either.)
    assert missing == [
        "reporting_owners[0].name",
        "reporting_owners[0].address.state",
        "reporting_owners[0].address.zip_code",
    ]
    kept = ReportingOwner(cik=None, name="SMITH DARLA M", address=Address(zip_code="W1K 3JP"))
    assert _checked_first_owner(kept, [], []) == kept


def test_box_one_street_holding_another_boxes_label_is_said_missing() -> None:
    missing: list[str] = []
    owner = ReportingOwner(cik=None, name="RANKIN", address=Address(street1="OMB APPROVAL", city="GLEN ALLEN"))
    got = _checked_first_owner(owner, missing, [])
    assert got.address is not None and got.address.street1 is None and got.address.city == "GLEN ALLEN"
    assert missing == ["reporting_owners[0].address.street1", "reporting_owners[0].address.street2"]


def test_an_amendment_whose_box_4_is_lost_is_not_read_as_an_original() -> None:
    # pymupdf4llm cut box 4's label across cells ("4. If Amendment, Da<br>03/20/2020|te Original Filed(|"):
    # only box 4's date tells a 4/A from a 4, so the form type and the original's date are said missing.
    name = "0001179110-20-004036"
    assert reference(name).document_type == "4/A"
    got = parse((PAGES / f"{name}.pymupdf4llm.md").read_bytes())
    assert "document_type" in got.missing and "date_of_original_submission" in got.missing
    assert any("box 4" in n.message for n in got.notes)
    # Where box 4 is on the page, an original reads as one, with nothing said missing about it.
    original = parse((PAGES / "0000093410-26-000117.pymupdf4llm.md").read_bytes())
    assert original.document_type == "4" and "document_type" not in original.missing


def test_a_digit_between_a_signatures_name_and_its_date_leaves_both_unread() -> None:
    # pypdf's layout text (held out), 0000320193-19-000123: "/ Sam Whittington, ... Adams 1 1/14/2019"
    # for "11/14/2019": read, the name ends in "1" and the date is January's.
    name = "0000320193-19-000123"
    got = parse(PAGES / f"{name}.pypdf-layout.txt")
    assert got.signatures == () and "signatures" in got.missing
    assert any(n.where == "signatures" and "digit" in n.message for n in got.notes)
    assert reference(name).signatures[0].date is not None


def test_plain_text_whose_table_rows_do_not_fit_costs_the_tables_not_the_page() -> None:
    # inscriptis (held out), 0000002488-24-000005: each table laid out on a grid of its own, Table II's
    # code "M" under "3A. Deemed Execution Date". Was refused; then both tables were listed missing.
    # Then Table I's rows were read line by line (spaced_rows), Table II's one row ("472" under (A) or
    # under (D)) listed missing with why. Now the grid the heading's labels draw settles it
    # (spaced_grid); the boxes, footnotes and signature are read.
    name = "0000002488-24-000005"
    got = parse(PAGES / f"{name}.inscriptis.txt")
    assert len(got.non_derivative_transactions) == 2 and len(got.derivative_transactions) == 1
    for field in ("derivative_transactions", "derivative_holdings"):
        assert field not in got.missing
    ref = reference(name)
    assert [m for m in misses(ref, got) if m[0].startswith("derivative")] == []  # (all read, and right)
    assert got.period_of_report == ref.period_of_report and len(got.footnotes) == len(ref.footnotes) == 3
    assert got.signatures == ref.signatures
    assert [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)] == []  # nothing read wrong


def test_rows_run_on_in_a_tables_title_are_said_missing_not_dropped() -> None:
    # MarkItDown's text of the PDF joins Table II's title, heading and both rows into one paragraph:
    # the rows stand in no cell of their own. They are listed missing, not left out as if the table
    # were empty.
    name = "0001557979-26-000006"
    got = parse(PAGES / f"{name}.markitdown-pdf.md")
    assert got.derivative_transactions == ()
    assert "derivative_transactions" in got.missing
    assert any(n.where == "Table II" and "title" in n.message for n in got.notes)
    assert [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)] == []


def test_check_marks_after_the_signatures_heading_are_no_part_of_the_name() -> None:
    # pdfminer gives the owners table's mark box ("X") after the "Signatures" heading, above the name.
    got = parse(PAGES / "0000093410-26-000117.pdfminer-text.txt")
    assert [(s.name, str(s.date)) for s in got.signatures] == [
        ("/s/ Rose Z. Pierson, Attorney-In-Fact for John B. Hess", "2026-05-08")
    ]
    # A mark and an officer's title ("Chair and CEO") there: the title may be the name's first line.
    got = parse(PAGES / "0000796343-26-000105.pdfminer-text.txt")
    assert [(s.name, str(s.date)) for s in got.signatures] == [(None, "2026-04-30")]
    assert "signatures[0].name" in got.missing


def test_a_name_wrapped_in_its_cell_over_its_date_is_read_whole() -> None:
    # pymupdf4llm: "| ... By: /s/ Mark N.<br>Lampert, President<br>06/22/2020 |" over the caption's row.
    got = parse(PAGES / "0000921895-20-001838.pymupdf4llm.md")
    names = [s.name for s in got.signatures]
    assert len(names) == 10 and "signatures" not in got.missing
    assert names[1] == (
        "Biotechnology Value Fund, L.P., By: BVF Partners L.P., its investment manager, By: BVF Inc., its general "
        "partner, By: /s/ Mark N. Lampert, President"
    )
    assert names[6] is not None and names[6].endswith("By: /s/ Mark N. Lampert, President")
    # A name in a paragraph above the caption's cell, which holds the name again with its date: the
    # caption's cell alone is the signature (the paragraph is not joined to it).
    got = parse(PAGES / "0000899243-20-030949.pymupdf4llm.md")
    assert [s.name for s in got.signatures] == ["JPMORGAN CHASE BANK, NATIONAL ASSOCIATION, by: /s/ Sean Saroya"]


def test_box_5_s_title_after_the_signatures_heading_leaves_the_name_unread() -> None:
    # pdfminer: the owners table's officer title "Senior Vice President" stands between the heading and
    # the signature (no mark beside it): the signature's first line, or the table's? Not read.
    got = parse(PAGES / "0001557979-26-000006.pdfminer-text.txt")
    assert [(s.name, str(s.date)) for s in got.signatures] == [(None, "2026-05-26")]
    assert "signatures[0].name" in got.missing
    # Box 1's street box set above the name's captions: "Zapolsky David P.O. BOX 81226" is no name.
    assert got.reporting_owners[0].name is None and "reporting_owners[0].name" in got.missing
    # The 2026 design's state and zip cells given apart from the city ("SEATTLE" / "(City)" / ... /
    # "WASHINGTON" / "(State)"): not read with it, so listed missing, not given as none.
    a = got.reporting_owners[0].address
    assert a is not None and a.state is None and a.zip_code is None
    assert {"reporting_owners[0].address.state", "reporting_owners[0].address.zip_code"} <= set(got.missing)


def test_two_captions_in_one_paragraph_with_one_signature_read_leave_the_signatures_unread() -> None:
    # pymupdf4llm's "picture text": both signatures and their captions in one paragraph; the second
    # name is not read under its caption, so which name is whose is not shown.
    got = parse(PAGES / "0001325670-20-000005.pymupdf4llm.md")
    assert got.signatures == () and "signatures" in got.missing
    assert any(n.where == "signatures" and "under 2 captions" in n.message for n in got.notes)


def test_a_co_owners_row_with_a_cell_come_in_has_its_marks_unread() -> None:
    # Broken HTML page: an empty <td> inserted after a co-owner's name cell moves its "X" from 10%
    # Owner to Officer; the SEC page's owners rows have five cells, so the marks are not read.
    html = html_of("0000899243-20-021530")
    rows = list(re.finditer(r"<tr>\s*<td[^>]*>[^<]*(?:<br>[^<]*)+</td>", html[html.index("Reporting Owners") :]))
    at = html.index("Reporting Owners") + rows[1].end()
    whole = parse(html.encode())
    assert whole.reporting_owners[1].relationship.is_ten_percent_owner
    got = parse((html[:at] + "<td></td>" + html[at:]).encode())
    assert got.reporting_owners[1].relationship.is_officer is False
    assert "reporting_owners[1].relationship" in got.missing
    assert got.reporting_owners[2].relationship == whole.reporting_owners[2].relationship


def test_footnotes_of_a_text_page_whose_explanation_heading_is_lost_are_said_missing() -> None:
    # trafilatura (held out, text), 0001062993-24-006553: the "Explanation of Responses:" heading
    # dropped. Text marks a note cut at the paper's edge from that heading on (text_clipped), so
    # without it the notes are said missing, not read.
    name = "0001062993-24-006553"
    page = (PAGES / f"{name}.trafilatura.md").read_text()
    assert "Explanation of Responses" not in page
    got = parse(page.encode())
    assert got.source.format == "text" and got.footnotes == () and "footnotes" in got.missing
    assert [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)] == []
    # pdftotext -layout's page with its heading taken out: the notes chromium cut at the paper's edge
    # ("... the staff of the Securities and Exchange") are not read as whole.
    name = "0000899243-21-044244"
    lines = (PAGES / f"{name}.pdftotext-layout.txt").read_text().split("\n")
    cut = "\n".join(ln for ln in lines if "Explanation of Responses" not in ln)
    got = parse(cut.encode())
    assert "footnotes" in got.missing
    assert [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)] == []


def test_the_explanation_blocks_star_note_ends_the_tables_where_its_heading_is_lost() -> None:
    # trafilatura (held out), 0000899243-21-044240: Table I written as one pipe row (the heading's
    # labels, then every row's cells, the empty ones dropped), then the block's notes as pipe rows,
    # "| * | If the form is filed by more than one reporting person ...", its heading lost. The "*"
    # note (with its "*" cell) starts the block: it is no row of Table I's (which read it as one
    # and said the table missing), and the 17 rows are read (the notes, without their heading, not).
    name = "0000899243-21-044240"
    got = parse(PAGES / f"{name}.trafilatura.md")
    ref = reference(name)
    assert len(got.non_derivative_transactions) == len(ref.non_derivative_transactions) == 17
    assert len(got.non_derivative_holdings) == len(ref.non_derivative_holdings) == 1
    assert got.non_derivative_transactions[0].price_per_share.footnote_ids == ("F1",)
    assert len(ref.footnotes) == 17 and got.footnotes == () and "footnotes" in got.missing
    assert [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)] == []


def test_table_ii_opens_at_its_first_heading_label_where_its_title_is_lost() -> None:
    # trafilatura (held out), 0000320193-20-000039: Table II's title dropped, its heading ("| 1. Title
    # of Derivative Security (Instr. 3) | ...", which Table I's does not print) and three rows kept.
    # The label starts Table II (and ends Table I, whose rows were read with Table II's and refused).
    name = "0000320193-20-000039"
    page = (PAGES / f"{name}.trafilatura.md").read_text()
    assert "Table II" not in page
    got = parse(page.encode())
    ref = reference(name)
    assert len(got.derivative_transactions) == len(ref.derivative_transactions) == 3
    assert len(got.non_derivative_transactions) == len(ref.non_derivative_transactions)
    assert "derivative_table" not in got.missing and "derivative_transactions" not in got.missing
    assert [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)] == []
    # Without that label, Table II is said missing (its title not found).
    cut = parse(page.replace("1. Title of Derivative Security", "Title").encode())
    assert "derivative_transactions" in cut.missing and cut.derivative_transactions == ()
    # Opened by the label but no row read (its rows taken out): not given as empty, said missing.
    rowless = "\n".join(ln for ln in page.split("\n") if not ln.startswith("| Restricted Stock Unit |"))
    empty = parse(rowless.encode())
    assert empty.derivative_transactions == () and "derivative_transactions" in empty.missing
    assert any(n.where == "Table II" and "title not found" in n.message for n in empty.notes)


def test_a_page_with_no_table_i_title_and_no_box_reads_what_follows_the_tables() -> None:
    # trafilatura (held out), 0000021344-26-000142: the form's head dropped as page furniture with
    # Table I (its title too); the title, Table II's heading and the footnotes kept. Refused before;
    # now it is read, and what it does not settle said missing: Table I, the boxes, the owners (no box
    # 6 to tell how many), the check boxes (no box 5 to show how they are drawn), whether it amends.
    name = "0000021344-26-000142"
    page = (PAGES / f"{name}.trafilatura.md").read_text()
    got = parse(page.encode())
    ref = reference(name)
    assert len(ref.footnotes) == 6 and got.footnotes == ()  # (text: see the test above)
    for path in ("non_derivative_transactions", "reporting_owners", "issuer.name", "period_of_report",
                 "document_type", "not_subject_to_section16", "aff10b5one", "footnotes"):  # fmt: skip
        assert path in got.missing
    assert any(n.where == "Table I" and "title not found" in n.message for n in got.notes)
    assert [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)] == []
    # A box's label above Table II: the page is cut, not headless; refused as before.
    with pytest.raises(ParseError, match="Table I"):
        parse(page.replace("Reminder:", "2. Issuer Name and Ticker or Trading Symbol X\n\nReminder:").encode())


def test_a_headless_page_told_its_form_by_the_sec_number_under_table_i() -> None:
    # trafilatura (held out), 0001140361-20-003111: a Form 5 with no form name, title or box left;
    # "SEC 2270 (9-02)" under where Table I stood (every design prints its form's number there) tells
    # it. (Its footnotes, text without the block's heading, are said missing.)
    name = "0001140361-20-003111"
    page = (PAGES / f"{name}.trafilatura.md").read_text()
    assert "SEC 2270" in page and "ANNUAL STATEMENT" not in page.upper()
    got = parse(page.encode())
    ref = reference(name)
    assert ref.document_type == "5" and got.document_type == "5" and "document_type" in got.missing
    assert "footnotes" in got.missing
    assert [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)] == []

"""Plain text laid out in columns (pandoc plain, pdftotext -layout), PDF, and the pre-2003 text form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from section16 import parse
from section16.errors import ParseError
from section16.read.rendered.text import text_to_doc
from section16.read.sniff import sniff

from .conftest import PAGES, RENDERED, misses, reference, shown


@pytest.mark.parametrize("page", ["0000080424-26-000034.pandoc-plain.txt", "0001140361-26-017175.pandoc-plain.txt"])
def test_pandoc_plain_reads_as_the_xml(page: str) -> None:
    got = parse(PAGES / page)
    assert got.source.format == "text"
    expected = reference(page.split(".")[0])
    assert shown(expected, got) > 20
    assert misses(expected, got) == []


def test_heading_cut_but_column_rule_whole_reads_right() -> None:
    # pandoc cut the text of this Form 3's Table II heading at its line width ("4. Co"), but its rule
    # of dashes still marks every column and the values stand under it: read, and read right.
    page = PAGES / "0000899243-20-022867.pandoc-plain.txt"
    got = parse(page)
    expected = reference("0000899243-20-022867")
    assert len(got.derivative_holdings) == 2
    assert shown(expected, got) > 20
    assert misses(expected, got) == []


def test_table_cut_off_at_the_page_edge_is_listed_missing() -> None:
    # The same page cut at 240 characters: Table II's Ownership Form column and its heading are
    # gone. Its rows are listed missing (with why), and Table I's, laid out by the same program
    # (the why is not one row's words but the whole table's layout); the rest of the page is read.
    raw = (PAGES / "0000899243-20-022867.pandoc-plain.txt").read_text()
    cut = "\n".join(line[:240] for line in raw.split("\n"))
    with pytest.raises(ParseError, match="column headings were not found") as e:
        text_to_doc(cut)
    assert e.value.where == "Table II"
    got = parse(cut.encode())
    assert {"derivative_transactions", "derivative_holdings", "non_derivative_transactions"} <= set(got.missing)
    assert got.derivative_transactions == got.derivative_holdings == got.non_derivative_transactions == ()
    assert any(n.where == "Table II" and "column headings were not found" in n.message for n in got.notes)
    expected = reference("0000899243-20-022867")
    assert got.issuer.name == expected.issuer.name
    assert got.period_of_report == expected.period_of_report


def test_pdftotext_layout_rows() -> None:
    got = parse(PAGES / "0001140361-26-017175.pdftotext-layout.txt")
    expected = reference("0001140361-26-017175")
    assert len(got.non_derivative_transactions) == len(expected.non_derivative_transactions) == 1
    assert shown(expected, got) > 20
    assert misses(expected, got) == []
    # pdftotext keeps no check boxes: the page cannot say whether they were ticked.
    assert got.not_subject_to_section16 is None
    assert "not_subject_to_section16" in got.missing


def test_pdf_reads_as_the_xml() -> None:
    pdf = PAGES / "0000080424-26-000034.chromium-pdf.pdf"
    assert sniff(pdf.read_bytes()) == "pdf"
    got = parse(pdf)
    assert got.source.format == "pdf"
    expected = reference("0000080424-26-000034")
    assert got.document_type == "4/A"
    assert got.date_of_original_submission == date(2026, 3, 11)
    assert shown(expected, got) > 20
    assert misses(expected, got) == []


def test_damaged_pdf_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage")


def test_legacy_text_form_4() -> None:
    f = parse(RENDERED / "legacy" / "0001094891-00-000193.txt")
    assert f.source.format == "legacy-text"
    assert (f.document_type, f.period_of_report) == ("4", date(2000, 2, 29))
    assert (f.issuer.cik, f.issuer.name, f.issuer.trading_symbol) == (
        "0000911787",
        "Productivity Technologies Corp.",
        "PRAC",
    )
    owner = f.reporting_owners[0]
    assert owner.name == "Foster, Alan H."
    assert owner.relationship.labels == ("Director",)
    assert owner.address is not None and (owner.address.city, owner.address.state) == ("New York", "NY")
    assert f.not_subject_to_section16 is False
    (t,) = f.derivative_transactions
    assert t.security_title.value == "Options to Purchase Common Stock"  # the word wrapped at the column edge
    assert t.conversion_or_exercise_price.value == Decimal("1.375")
    assert t.transaction_date.value == date(2000, 2, 7)
    assert (t.exercise_date.value, t.expiration_date.value) == (date(2000, 2, 7), date(2005, 2, 7))
    assert (t.underlying_title.value, t.underlying_shares.value) == ("Common Stock", Decimal("12000"))
    assert t.shares_owned_after.value == Decimal("12000")
    # "12,000 -" with "A,D" is not one amount acquired or disposed: left empty, and said so.
    assert t.shares.value is None and t.acquired_disposed.value is None
    assert {n.where for n in f.notes} >= {"derivative_table[0].amount", "derivative_table[0].ad"}
    assert f.signatures[0].name == "/s/ Alan H. Foster"
    assert f.signatures[0].date == date(2000, 3, 13)
    assert f.submission is not None and f.submission.accession_number == "0001094891-00-000193"


@pytest.mark.parametrize("page", sorted(p.name for p in PAGES.iterdir() if p.suffix in (".txt", ".md", ".pdf")))
def test_every_committed_page_is_read_right_or_refused(page: str) -> None:
    """Whatever a converter did to the page: the values read are the filed ones, or a ParseError says why."""
    expected = reference(page.split(".")[0])
    try:
        got = parse(PAGES / page)
    except ParseError as e:
        assert e.where and e.where.startswith("Table")
        return
    wrong = [m for m in misses(expected, got) if m[1] is not None and m[2] is not None]
    assert [m for m in wrong if ".address." not in m[0]] == []


@pytest.mark.parametrize("page", ["0000002488-24-000005.pandoc-plain.txt", "0001181431-10-034759.pandoc-plain.txt"])
def test_pandoc_plain_grid_tables(page: str) -> None:
    got = parse(PAGES / page)
    expected = reference(page.split(".")[0])
    assert shown(expected, got) > 40
    assert misses(expected, got) == []


def test_pdftotext_remark_cut_at_the_paper_edge_is_listed_missing() -> None:
    # The page was laid out wider than the paper: the remark's one line runs past the edge and ends
    # mid-sentence ("...covered"). It is listed missing, not read as the whole remark.
    name = "0000897101-14-000522"
    got = parse(PAGES / f"{name}.pdftotext-layout.txt")
    expected = reference(name)
    assert expected.remarks and expected.remarks.endswith(".")
    assert got.remarks is None
    assert "remarks" in got.missing
    assert any(n.where == "remarks" and "page edge" in n.message for n in got.notes)
    assert shown(expected, got) > 20
    assert misses(expected, got) == []


def test_mark_clipped_on_a_page_wider_than_the_paper_or_at_a_paragraphs_end() -> None:
    from section16.read.rendered.cells import CLIPPED
    from section16.read.rendered.text import PAPER_WIDTH, mark_clipped

    cut = "Remarks:\n" + "word " * 45 + "cut off"
    whole = "Remarks:\n" + "word " * 45 + "ends here."
    wide = "x" * (PAPER_WIDTH + 10)
    assert mark_clipped([wide, *cut.split("\n")])[-1].endswith(CLIPPED)
    assert not mark_clipped([wide, *whole.split("\n")])[-1].endswith(CLIPPED)
    # A page no wider than the paper (a PDF's flowing text) keeps a long line its paragraph goes on
    # from, and one ending a sentence; a paragraph's last line that stops mid-sentence lost its end.
    going_on = [*cut.split("\n"), "and the sentence goes on here."]
    assert mark_clipped(going_on) == going_on
    assert mark_clipped(whole.split("\n")) == whole.split("\n")
    assert mark_clipped(cut.split("\n"))[-1] == cut.split("\n")[-1] + CLIPPED
    assert mark_clipped([*cut.split("\n"), "", "Note: File three copies"])[1].endswith(CLIPPED)
    short = ["Remarks:", "Exhibit 24 - Power of Attorney"]  # a short last line without a stop is whole
    assert mark_clipped(short) == short


def test_a_date_run_on_to_the_box_one_street_goes_to_box_three() -> None:
    from section16.read.rendered.text_boxes import _header_rows

    lines = [
        "1. Name and Address of Reporting Person *            2. Issuer Name and Ticker or Trading Symbol",
        "BOTHA ROELOF                                         Eventbrite, Inc. [EB]",
        "         (Last)      (First)      (Middle)           3. Date of Earliest Transaction (Month/Day/Year)",
        "C/O EVENTBRITE, INC., 155 5TH STREET, 7TH 11/15/2018",
        "FLOOR",
    ]
    cells = [row[0] for row in _header_rows(lines, 0, len(lines))]
    assert "C/O EVENTBRITE, INC., 155 5TH STREET, 7TH" in cells
    assert cells.index("11/15/2018") > cells.index("3. Date of Earliest Transaction (Month/Day/Year)")
    assert not any("7TH 11/15/2018" in c for c in cells)


def test_a_zip_wrapped_after_its_hyphen_is_one_zip_after_city_and_state() -> None:
    from section16.read.rendered.text_boxes import _header_rows

    lines = [
        " 1. Name and Address of Reporting Person *               2. Issuer Name and Ticker or Trading",
        " ONE MICROSOFT WAY                                        04/15/2026",
        "                                                   98052-",
        " REDMOND                         WASHINGTON",
        "                                                   6399",
        " (City)                          (State)           (Zip)",
    ]
    cells = [row[0] for row in _header_rows(lines, 0, len(lines))]
    assert cells.index("REDMOND") < cells.index("WASHINGTON") < cells.index("98052-6399")
    assert "6399" not in cells and "98052-" not in cells


def test_one_owner_whose_lines_a_pdf_spaced_apart_is_one_owner() -> None:
    # chromium PDF of 0000021344-26-000122: the owner's lines stand a blank grid line apart and the
    # cell's one X sits beside the city; each line used to become an owner of its own.
    from section16.read.rendered.text import _owner_rows

    from .conftest import at

    lines = [
        at((2, "Reporting Owner Name / Address"), (50, "Relationships")),
        at((50, "Director"), (61, "10% Owner"), (76, "Officer"), (86, "Other")),
        at((2, "Millhiser Amity")),
        "",
        at((2, "C/O THE COCA-COLA COMPANY")),
        "",
        at((2, "ONE COCA-COLA PLAZA")),
        "",
        at((2, "ATLANTA"), (53, "X")),
        "",
        at((2, "GEORGIA")),
        "",
        at((2, "30313")),
    ]
    rows = _owner_rows(lines, 0, len(lines))
    assert len(rows) == 1
    assert rows[0][0].split("\n") == ["Millhiser Amity", "C/O THE COCA-COLA COMPANY", "ONE COCA-COLA PLAZA",
                                      "ATLANTA", "GEORGIA", "30313"]  # fmt: skip
    assert rows[0][1:] == ["X", "", "", ""]


def test_joint_owners_of_the_later_design_part_after_their_country_line() -> None:
    # chromium PDF of 0000070858-26-000319: city, state name, zip and country each on a line of their
    # own (no "CITY, ST 12345" line to part the owners), every line a blank grid line apart.
    from section16.read.rendered.text import _owner_rows

    from .conftest import at

    owner_one = ["BANK OF AMERICA CORP /DE/", "BANK OF AMERICA CORPORATE CENTER", "100 N TRYON ST", "CHARLOTTE",
                 "NORTH CAROLINA", "28255", "UNITED STATES"]  # fmt: skip
    owner_two = ["MERRILL LYNCH, PIERCE, FENNER & SMITH INC.", "ONE BRYANT PARK", "NEW YORK", "NEW YORK", "10036",
                 "UNITED STATES"]  # fmt: skip
    heading = at((50, "Director"), (61, "10% Owner"), (76, "Officer"), (86, "Other"))
    lines = [at((2, "Reporting Owner Name / Address")), heading]
    for owner, mark_at in ((owner_one, 3), (owner_two, 2)):
        for k, text in enumerate(owner):
            lines.append(at((2, text), (64, "X")) if k == mark_at else at((2, text)))
            lines.append("")
    rows = _owner_rows(lines, 0, len(lines))
    assert [r[0].split("\n") for r in rows] == [owner_one, owner_two]
    assert [r[2] for r in rows] == ["X", "X"]  # both 10% owners


@pytest.mark.parametrize("converter", ["lynx-dump", "browser-text", "w3m-dump"])
def test_text_browsers_pages_give_no_value_wrong(converter: str) -> None:
    """Text browsers (held out: ``lynx -dump``, ``w3m -dump``, a browser's select-all-copy) run the
    boxes' texts together: box 2 then held box 1's street and city, box 1's zip box 6's label. What
    cannot be told apart is said missing; nothing read is another field's text."""
    name = "0000080424-26-000034"
    got = parse(PAGES / f"{name}.{converter}.txt")
    assert misses(reference(name), got) == []

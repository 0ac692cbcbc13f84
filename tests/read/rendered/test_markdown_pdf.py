"""Markdown made from the printed PDF by a PDF-to-Markdown converter (pymupdf4llm, committed pages):
pipe tables drawn from the PDF's rules, so a table may take in the next section's cells and a cell
boundary may cut a word. One table that cannot be read leaves its rows unread, listed missing with
why; the rest of the page is read."""

from __future__ import annotations

import pytest

from section16 import parse
from section16.errors import ParseError
from section16.read.rendered.form import TABLE_FIELDS

from .conftest import PAGES, misses, reference

HESS = PAGES / "0000093410-26-000117.pymupdf4llm.md"


def test_one_table_unread_does_not_refuse_the_page() -> None:
    # pymupdf4llm drew the Reporting Owners table into Table II's pipe table: Table II's cells do not
    # fit its columns. Table I, the boxes and the footnotes are read; Table II's rows are missing.
    got = parse(HESS)
    assert got.source.format == "markdown"
    assert set(TABLE_FIELDS[2]) <= set(got.missing)
    assert not set(TABLE_FIELDS[1]) & set(got.missing)
    assert any(n.where == "Table II" and n.message.startswith("rows not read") for n in got.notes)
    assert got.derivative_transactions == () and got.derivative_holdings == ()
    ref = reference("0000093410-26-000117")
    assert len(got.non_derivative_transactions) == len(ref.non_derivative_transactions) == 3
    assert len(got.non_derivative_holdings) == len(ref.non_derivative_holdings) == 5
    assert got.period_of_report == ref.period_of_report
    # Nothing the reading gives (not listed missing) is wrong.
    wrong = [m for m in misses(ref, got) if m[0].startswith(("non_derivative", "period", "document_type"))]
    assert wrong == []


def test_a_page_without_the_form_still_refuses() -> None:
    text = HESS.read_text()
    cut = text[: text.index("Table I - Non-Derivative")]  # the page cut off above Table I
    with pytest.raises(ParseError, match="Table I"):
        parse(cut.encode())


def test_html_tables_still_refuse_as_a_whole() -> None:
    # Only Markdown reads table by table: an HTML page whose Table I row does not fit is refused.
    from section16.read.rendered import parse_html

    row = "<tr><td>Common Stock</td><td>D</td><td>05/06/2026</td></tr>"
    page = (
        "<html><body><p>FORM 4</p><p>1. Name and Address of Reporting Person</p>"
        "<table><tr><td>Table I - Non-Derivative Securities Acquired</td></tr>" + row + "</table></body></html>"
    )
    with pytest.raises(ParseError):
        parse_html(page.encode())


def test_footnote_numbers_beside_their_text() -> None:
    # The PDF centres "(1)" on its footnote's lines: the converter prints the first line above the
    # number and the rest after it ("(1) person hereby undertakes..."); "(7)" glued to its text.
    got = parse(HESS)
    ref = reference("0000093410-26-000117")
    assert [(f.id, f.text) for f in got.footnotes] == [(f.id, f.text) for f in ref.footnotes]


def test_box_one_drawn_from_the_pdf_lines_is_listed_missing() -> None:
    # The converter's table put box 1's captions and values in the same cells ("(Last) (First)
    # 1400 SMITH STREET", "(Street) HOUSTON TEXAS", the zip in the next column): which line is which
    # cannot be told, so the name and address are listed missing, not read as something else.
    got = parse(HESS)
    owner = got.reporting_owners[0]
    assert owner.name is None and owner.address is None
    assert {"reporting_owners[0].name", "reporting_owners[0].address"} <= set(got.missing)
    assert got.issuer.name == "CHEVRON CORP" and got.issuer.trading_symbol == "CVX"


def test_two_footnotes_run_together_where_the_paper_edge_cut_the_first() -> None:
    text = HESS.read_text()
    first = "- **(2)** Shares are held by a trust established for the benefit of the reporting person"
    assert first in text
    # (As the converter prints a footnote whose last line chromium cut at the paper's edge.)
    cut = text.replace(
        "- **(3)** These shares were sold in multiple transactions at prices ranging from $184.14 to $185.1399, "
        "inclusive. The price reported in Column 4 reflects the weighted average sale price. \n\n- **(4)**",
        "- **(3)** These shares were sold in multiple transactions at prices ranging from $184.14 to $185.1399, "
        "inclusive. The price reported in Column 4 reflects the weighted **(4)**",
    )
    assert cut != text
    got = parse(cut.encode())
    ids = [f.id for f in got.footnotes]
    assert "F3" not in ids and "F4" in ids
    assert "footnotes[F3]" in got.missing
    ref = {f.id: f.text for f in reference("0000093410-26-000117").footnotes}
    assert next(f.text for f in got.footnotes if f.id == "F4") == ref["F4"]


def test_signature_caption_as_the_pdf_converter_reads_it() -> None:
    # "** ~~S~~ ignature of Reporting Person": the caption's "**" marks read as a strike over its S.
    got = parse(HESS)
    assert [(s.name, s.date) for s in got.signatures] == [
        (s.name, s.date) for s in reference("0000093410-26-000117").signatures
    ]


def test_signature_name_cut_across_cells_is_listed_missing() -> None:
    # "/s/Linda Lam by Power of Attorney fo" | "r Darla Smi" | "th" | "01/17/2024": where the words
    # part cannot be told, so no signature is given, and the Filing says so.
    got = parse(PAGES / "0000002488-24-000005.pymupdf4llm.md")
    assert got.signatures == () and "signatures" in got.missing
    assert any(n.where == "signatures" and "captions" in n.message for n in got.notes)


def test_section_heading_run_into_a_paragraph_and_converter_comments() -> None:
    text = HESS.read_text().replace(
        "## **Signatures** \n\n/s/ Rose",
        "Owner words **Signatures** <!-- Start of picture text -->/s/ Rose",
    )
    assert "Owner words **Signatures**" in text
    got = parse(text.encode())
    assert [s.name for s in got.signatures] == ["/s/ Rose Z. Pierson, Attorney-In-Fact for John B. Hess"]


PHREESIA = PAGES / "0000899243-20-001780.pymupdf4llm.md"


def test_boxes_and_owners_table_cut_by_cell_boundaries_are_listed_missing() -> None:
    # Box 2's label cut ("2. Issuer Name and Ticker or" | "Trading Symbol") and the owners table's
    # heading cut ("Relation" | "ships"): what their cells hold is cut the same way. Neither is read
    # into values; the Filing lists them missing and says why; nothing given is wrong.
    got = parse(PHREESIA)
    ref = reference("0000899243-20-001780")
    assert got.issuer.name is None and {"issuer.name", "issuer.trading_symbol"} <= set(got.missing)
    assert len(got.reporting_owners) == 1 and "reporting_owners" in got.missing
    assert any(n.where == "reporting_owners" and "not read" in n.message for n in got.notes)
    assert misses(ref, got) == []
    assert got.period_of_report == ref.period_of_report


def test_a_table_title_cut_by_cells_is_found_and_marks_the_page_drawn_from_a_pdf() -> None:
    from section16.read.rendered.markdown import markdown_to_doc

    doc = markdown_to_doc(
        "|(City)<br>(State)|(Zip)|**Table**|**I - Non-Derivativ**|**e Securities Acqu**|**ired, Dispose**"
        "|**d of, or Beneficially Own**|**ed**||\n"
    )
    # (The title as the form prints it; box 1's captions before it, on such a page, left out.)
    assert doc == [["", ""], ["Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"]]
    # On such a page the boxes' and the owners table's cells are not the form's: box 1 and the
    # owners table are left out (listed missing), and nothing read is wrong.
    got = parse(PAGES / "0000002488-24-000005.pymupdf4llm.md")
    assert got.reporting_owners[0].name is None and "reporting_owners[0].name" in got.missing
    assert misses(reference("0000002488-24-000005"), got) == []


def test_bold_marks_and_sections_parted_only_where_the_page_holds_them() -> None:
    from section16.read.rendered.cells import CLIPPED
    from section16.read.rendered.markdown import markdown_to_doc
    from section16.read.rendered.markdown_pdf import part_inline_sections, part_run_on_marks

    lines = [
        "**(1)** First note ends here. **(2)** Second note cut at the edge of",
        "| **(3)** | in a table row: left as it is |",
        "plain line",
        "**(4)**Glued to its text",
        "the owners' words **Signatures** /s/ Jane Doe",
    ]
    parted = part_run_on_marks(lines)
    assert parted[:4] == ["**(1)** First note ends here.", "", "**(2)** Second note cut at the edge of", ""]
    assert parted[4:7] == [lines[1], lines[2], "**(4)** Glued to its text"]
    # Told which lines hold "**(", only those are looked at: the same lines come out.
    assert part_run_on_marks(lines, [0, 1, 3]) == parted
    assert part_run_on_marks(lines, [1]) is lines  # (nothing changed: the list itself)
    parted_sections = [*lines[:4], "the owners' words", "", "**Signatures**", "", "/s/ Jane Doe", ""]
    assert part_inline_sections(lines, [4]) == part_inline_sections(lines) == parted_sections
    assert part_inline_sections(lines, []) is lines
    # The page read whole: the lines found by one scan, parted as when every line is looked at.
    text = "**(1)** A note cut at the edge of **(2)** Another.\n\nthe owners' words **Remarks:** none"
    assert markdown_to_doc(text) == [
        ["(1) A note cut at the edge of" + CLIPPED],
        ["(2) Another."],
        ["the owners' words"],
        ["Remarks:"],
        ["none"],
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("| Signatures<br>/s/ Jane Doe | x |", True),
        ("| **Signatures** <br /> /s/ Jane Doe |", True),
        ("| /s/ Jane Doe<br/>  **Signatures |", True),
        ("| /s/ Jane Doe<br>Signatures |", True),
        ("**Signatures**\n\n/s/ Jane Doe<br>", False),
        ("| Signature<br>x |", False),
    ],
)
def test_signatures_heading_in_a_cell(text: str, found: bool) -> None:
    from section16.read.rendered.markdown_pdf import sig_heading_in_cell

    assert sig_heading_in_cell(text) is found


def test_notes_whose_paragraphs_do_not_settle_their_bounds_are_said_missing() -> None:
    # pymupdf4llm gives the PDF's note numbers beside the middle of their notes: "(2) Sacks disclaims
    # ..." after a paragraph of no number ("Represents shares held by Craft Ventures I ... David O."),
    # "(3) 16 of the Exchange Act ...". Read as printed, notes 2 to 4 each held another's lines.
    name = "0001861449-22-000013"
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    expected = reference(name)
    assert {f"footnotes[F{k}]" for k in (1, 2, 3, 4)} <= set(got.missing)
    assert any(n.where == "footnotes[F3]" and "not settled" in n.message for n in got.notes)
    assert [m for m in misses(expected, got) if m[0].startswith("footnote")] == []
    # A note ending its sentence, with no paragraph of no number beside it, is still read.
    whole = parse(HESS)
    assert whole.footnotes and [m for m in misses(reference("0000093410-26-000117"), whole) if "footnote" in m[0]] == []


def test_another_boxs_label_in_the_officer_title_is_said_missing() -> None:
    # pymupdf4llm's cells run box 4's label into box 5's title: "CEO 4. If Amen dment, Date Original
    # Filed 6 _ _ .". The title is listed missing; the marks of box 5 are still read.
    name = "0000899243-21-045947"
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    expected = reference(name)
    assert "reporting_owners[0].relationship.officer_title" in got.missing
    assert got.reporting_owners[0].relationship.officer_title is None
    assert got.reporting_owners[0].relationship.is_officer == expected.reporting_owners[0].relationship.is_officer
    assert [m for m in misses(expected, got) if "relationship" in m[0]] == []


def test_remarks_the_paper_cut_on_a_page_whose_notes_show_cuts_are_said_missing() -> None:
    # The remarks' line ran past the paper ("... on the same Transaction Date, because the SEC"), on a
    # page whose notes show the same cuts: the remarks are listed missing, not read short.
    name = "0000899243-21-049479"
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    assert "remarks" in got.missing and got.remarks is None
    assert [m for m in misses(reference(name), got) if m[0] == "remarks"] == []
    # A page whose notes are whole keeps its remarks (the Hess page prints none cut).
    assert "remarks" not in parse(HESS).missing


def test_a_name_cut_across_cells_over_a_caption_cut_too_is_not_read() -> None:
    # "| /s/ by Susan K. Jong as attorney-in-fac | t for David | Zapolsky, Senior Vice Pr | esident, ... |
    # 05/26/2026 |" over "| | * | *~~S~~ignature of Reporting Person | | Date |": not the last piece alone.
    got = parse(PAGES / "0001557979-26-000006.pymupdf4llm.md")
    assert got.signatures == () and "signatures" in got.missing


def test_a_note_opening_mid_sentence_is_said_missing() -> None:
    # pymupdf4llm ran note 1's first lines into the form's "**" note (its number centred beside its
    # second line): "(1)" opens "undertakes to provide to Turtle Beach Corporation, ...", read as the
    # whole note. A note opening with a small letter lost its start: said missing.
    name = "0000929638-23-001482"
    page = (PAGES / f"{name}.pymupdf4llm.md").read_text()
    assert "78ff(a). Reflects the weighted average price" in page
    assert "- **(1)** undertakes to provide" in page
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    expected = reference(name)
    assert [fn.id for fn in expected.footnotes] == ["F1"]
    assert "footnotes[F1]" in got.missing and got.footnotes == ()
    assert misses(expected, got) == []

"""Markdown a PDF library made from the printed form (MarkItDown's and pymupdf4llm's, committed pages)
whose table titles ran on after other text: the page is read, not refused, and what its text does
not settle is said missing, never read wrong."""

from __future__ import annotations

from section16 import parse
from section16.model import Filing
from section16.read.rendered.form import TABLE_FIELDS
from section16.read.rendered.markdown_pdf import part_table_titles

from .conftest import PAGES, misses, reference


def _page(name: str, conv: str = "markitdown-pdf") -> Filing:
    return parse(PAGES / f"{name}.{conv}.md")


def _wrong(name: str, got: Filing) -> list[tuple[str, object, object]]:
    """The fields read (not listed missing) whose value differs from the XML's."""
    return misses(reference(name), got)


def test_title_after_box_one_captions_opens_its_own_paragraph() -> None:
    lines = ["WASHINGTON, DC 20005", "(City) (State) (Zip) Table I - Non-Derivative Securities Beneficially Owned",
             "1.Title of Security 2. Amount of Securities"]  # fmt: skip
    text = "\n".join(lines)
    got = part_table_titles(text, lines)
    assert got == ["WASHINGTON, DC 20005", "(City) (State) (Zip)", "",
                   "Table I - Non-Derivative Securities Beneficially Owned", "",
                   "1.Title of Security 2. Amount of Securities"]  # fmt: skip


def test_title_under_a_line_of_text_opens_its_own_paragraph() -> None:
    lines = ["Rule 10b5-1(c). See Instruction 10.",
             "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned", "1.Title"]  # fmt: skip
    got = part_table_titles("\n".join(lines), lines)
    assert got == [lines[0], "", lines[1], "", lines[2]]


def test_titles_standing_apart_leave_the_lines_as_they_are() -> None:
    lines = ["(Zip)", "", "**Table I - Non-Derivative Securities Beneficially Owned**", "", "| a | b |"]
    assert part_table_titles("\n".join(lines), lines) is lines
    # A note quoting the title inside its sentence is no title.
    lines = ["(1) Shares reported in Table I - Non-Derivative Securities Beneficially Owned are held", "x"]
    assert part_table_titles("\n".join(lines), lines) is lines


def test_page_once_refused_reads_its_holding_and_signature() -> None:
    # MarkItDown: "(City) (State) (Zip) Table I - ..." on one line, the holding a pipe row drawn
    # over ten cells ("Common Stock, par value $0.01 per share | | | | 22,076 (1) | | D | | |").
    name = "0001057352-20-000121"
    got = _page(name)
    ref = reference(name)
    assert got.document_type == "3"
    assert len(got.non_derivative_holdings) == 1
    h, r = got.non_derivative_holdings[0], ref.non_derivative_holdings[0]
    assert (h.security_title, h.shares_owned_after, h.direct_indirect) == (
        r.security_title,
        r.shares_owned_after,
        r.direct_indirect,
    )
    assert got.signatures == ref.signatures
    # Table II's rows run together as text: said missing, not read as none.
    assert set(TABLE_FIELDS[2]) <= set(got.missing)
    assert _wrong(name, got) == []


def test_date_caption_under_the_name_caption_is_not_the_next_signature() -> None:
    # "**Signature of Reporting Person" / "Date" / " Kevin Tang, Manager   05/15/2023": the "Date" is
    # the caption's, not the start of the next name ("Date Kevin Tang, Manager" before).
    name = "0001209191-23-029527"
    got = _page(name)
    assert [s.name for s in got.signatures] == [s.name for s in reference(name).signatures]
    assert _wrong(name, got) == []


def test_box_three_date_in_the_street_or_issuer_is_said_missing() -> None:
    # "1400 SMITH STREET (Month/Day/Year)" / "05/06/2026": the street read with the date after it.
    got = _page("0000093410-26-000119")
    assert got.reporting_owners[0].address is None or got.reporting_owners[0].address.street1 is None
    assert "reporting_owners[0].address.street1" in got.missing
    assert _wrong("0000093410-26-000119", got) == []
    # "Newlight Partners LP 08/05/2020 Oak Street Health, Inc. [OSH]": boxes 1, 3 and 2 on one line.
    got = _page("0000899243-20-021530")
    assert got.issuer.name is None and "issuer.name" in got.missing
    assert got.issuer.trading_symbol == "OSH"
    assert _wrong("0000899243-20-021530", got) == []


def test_heading_row_with_a_column_note_is_no_holding() -> None:
    # "| | | (Instr. 4) | or Indirect (I) | |": read by position "or Indirect (I)" was a holding's title.
    name = "0001793855-20-000020"
    got = _page(name)
    assert got.non_derivative_holdings == ()
    assert got.no_securities_owned is True
    assert _wrong(name, got) == []


def test_cell_line_lost_into_the_reminder_row_leaves_the_row_unsure() -> None:
    # pymupdf4llm: "By<br>Living" in the row, its last line "Trust" drawn at the end of the
    # "Reminder: Report on a sepa | rate line ... | ectly. | | Trust" row under the table.
    name = "0001626431-18-000059"
    got = _page(name, "pymupdf4llm")
    assert "non_derivative_holdings" in " ".join(got.missing)
    assert all(h.nature_of_ownership.value != "By Living" for h in got.non_derivative_holdings)
    assert _wrong(name, got) == []


def test_rows_run_on_after_the_heading_labels_are_said_missing() -> None:
    # MarkItDown: Table II's heading labels, then its rows, in one paragraph (the PDF's lines with no
    # blank line between). Its first words are the heading's: the rows were left out unsaid.
    name = "0001209191-12-017322"
    got = _page(name)
    assert set(TABLE_FIELDS[2]) <= set(got.missing)
    assert got.derivative_transactions == ()
    assert _wrong(name, got) == []


def test_a_cell_cut_around_its_row_leaves_the_table_unread() -> None:
    # "Common" over the row and "Stock" under it (the underlying title the PDF's table cut), the row
    # drawn over more cells than the table has columns: read by position its "Common Stock" was lost.
    name = "aapl_form3_newstead_f57e7d29"
    got = _page(name)
    assert all(h.underlying_title.value is None for h in got.derivative_holdings)
    assert set(TABLE_FIELDS[2]) & set(got.missing) or any("derivative_holdings[" in m for m in got.missing)
    assert _wrong(name, got) == []


def test_box_four_label_is_no_city() -> None:
    # "Filed(Month/Day/Year)" (box 4's label's end) where box 1's city line was looked for.
    name = "0001046179-26-000285"
    got = _page(name)
    address = got.reporting_owners[0].address
    assert address is None or address.city != "Filed"
    assert "reporting_owners[0].address.city" in got.missing
    assert _wrong(name, got) == []


def test_table_i_flowed_into_its_titles_paragraph_is_said_missing_not_empty() -> None:
    # pymupdf4llm's "picture text" runs box 1's captions, Table I's title, its headings and its row
    # into one paragraph parted by <br>: the title's cell held the row and Table I read as empty
    # (a holding of 75,788 shares lost unsaid). The rows parted from the title are read as text,
    # which settles no column here: Table I is said missing.
    name = "0000899243-20-033245"
    page = (PAGES / f"{name}.pymupdf4llm.md").read_text()
    assert "(Zip) Table I - Non-Derivative Securities Beneficially Owned<br>1.Title of Security" in page
    assert "<br>Class A Common Stock 75,788 (1) D<br>" in page
    got = parse(PAGES / f"{name}.pymupdf4llm.md")
    expected = reference(name)
    assert len(expected.non_derivative_holdings) == 1
    assert "non_derivative_holdings" in got.missing
    assert misses(expected, got) == []

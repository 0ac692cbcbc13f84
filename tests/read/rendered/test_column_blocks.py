"""Text a PDF library gives box by box (pdfminer.six's ``extract_text``, committed pages): a
signature's date comes after its name's box, a table's cells column by column. Read where the form
settles whose each value is; otherwise said missing, never read wrong."""

from __future__ import annotations

from section16 import parse
from section16.model import Filing
from section16.read.rendered.column_blocks import one_row, signature_dates
from section16.read.rendered.form import TABLE_FIELDS

from .conftest import PAGES, misses, reference


def _page(name: str) -> Filing:
    return parse(PAGES / f"{name}.pdfminer-text.txt")


def _shown(f: Filing) -> list[tuple[object, ...]]:
    """Table I's transactions as the page shows them (not the form type or timeliness)."""
    return [
        (t.security_title, t.transaction_date, t.coding.code if t.coding else None, t.shares, t.price_per_share,
         t.acquired_disposed, t.shares_owned_after, t.direct_indirect, t.nature_of_ownership)
        for t in f.non_derivative_transactions
    ]  # fmt: skip


def test_date_after_the_caption_goes_beside_the_name() -> None:
    page = "Signatures\n\n /s/ Jane Roe\n**Signature of Reporting Person\n\n  03/17/2026\n\nDate\n"
    assert signature_dates(page).split("\n")[2:4] == [
        " /s/ Jane Roe  03/17/2026",
        "**Signature of Reporting Person  Date",
    ]
    # The name's box, the date's box, then both captions.
    page = "Signatures\n\n /s/ Jane Roe\n\n  05/08/2026\n\n**Signature of Reporting Person\n\nDate\n"
    got = signature_dates(page).split("\n")
    assert got[2] == " /s/ Jane Roe  05/08/2026" and got[6] == "**Signature of Reporting Person  Date"


def test_dates_that_do_not_stand_so_are_left() -> None:
    # Two dates, or no "Date" caption: whose date is whose is not shown.
    for page in (
        "Signatures\n\n /s/ Jane Roe\n**Signature of Reporting Person\n\n  03/17/2026\n\n  03/18/2026\n\nDate\n",
        "Signatures\n\n /s/ Jane Roe\n**Signature of Reporting Person\n\n  03/17/2026\n",
        "Signatures\n\n  03/17/2026\n**Signature of Reporting Person\n\nDate\n",
    ):
        assert signature_dates(page) == page


def test_signature_read_from_a_page_box_by_box() -> None:
    name = "0000093410-26-000119"  # name's box, date's box, then the captions
    got = _page(name)
    assert got.signatures == reference(name).signatures
    assert misses(reference(name), got) == []


def test_one_row_given_column_by_column_is_read() -> None:
    # "Common Stock | 08/02/2019 | G | V 1,177 D | $ 0 6,287 | Reminder: ... | Code | V Amount | ... |
    # 6. Ownership Form ... | D": the heading's boxes left aside, the values in order are the row's.
    name = "0000320193-19-000082"
    got = _page(name)
    ref = reference(name)
    assert _shown(got) == _shown(ref) and len(_shown(got)) == 1
    assert not set(TABLE_FIELDS[1]) & set(got.missing)
    assert misses(ref, got) == []
    name = "0000899243-20-001780"  # a price and the amount after it in one box, marks and all
    got = _page(name)
    assert _shown(got) == _shown(reference(name)) and len(_shown(got)) == 1
    assert misses(reference(name), got) == []


def test_rows_whose_cells_cannot_be_told_apart_stay_unread() -> None:
    # Two rows: titles, then dates, then codes... which cell is whose row's is not shown.
    got = _page("0000002488-24-000005")
    assert set(TABLE_FIELDS[1]) <= set(got.missing)
    assert got.non_derivative_transactions == ()
    assert misses(reference("0000002488-24-000005"), got) == []
    # Box 1's zip code and captions above Table I's heading: a value before the heading.
    text = (PAGES / "0000093410-26-000119.pdfminer-text.txt").read_text()
    assert one_row(text, 1, "4") is None
    # A row's words twice (a second row's title) are not one row.
    page = "Table I - Non-Derivative Securities\n\n1.Title of Security\n\nCommon Stock\n\nCommon Stock\n\n100\n\nD\n"
    assert one_row(page, 1, "3") is None
    assert one_row(page.replace("\nCommon Stock\n\nCommon", "\nCommon"), 1, "3") == ["Common Stock", "100", "D", ""]

"""How the printed form shows a value: the shared vocabulary of the HTML and Markdown writers.

Dates as MM/DD/YYYY, numbers grouped with commas and the digits as filed, a dollar sign before prices,
footnote references as ``(n)``, the code column as ``S`` or ``S/K``, the V column, the column titles of
each form's two tables. No markup here: each writer escapes and decorates these strings its own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ..model import Coding, Filing, Value


def fmt_date(d: date | None) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year:04d}" if d else ""


def fmt_number(d: Decimal | None) -> str:
    if d is None:
        return ""
    if d == 0:
        return "0"
    return f"{d:,f}"


def fmt_money(d: Decimal | None) -> str:
    return "" if d is None else "$" + fmt_number(d)


def footnote_number(fid: str) -> str:
    """``F12`` -> ``12``; an irregular id is shown as filed."""
    return fid[1:] if fid[:1] in ("F", "f") and fid[1:].isdigit() else fid


def scalar(v: object, money: bool = False) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return fmt_money(v) if money else fmt_number(v)
    if isinstance(v, date):
        return fmt_date(v)
    return str(v)


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of the printed form: its text and the footnotes cited in it."""

    text: str
    footnotes: tuple[str, ...] = ()


def cell(v: Value[Any], money: bool = False) -> Cell:
    return Cell(scalar(v.value, money), v.footnote_ids)


def code_cell(c: Coding | None) -> Cell:
    if c is None:
        return Cell("")
    text = (c.code or "") + ("/K" if c.equity_swap_involved else "")
    return Cell(text, c.footnote_ids)


def code5_cell(c: Coding | None, timeliness: Value[str]) -> Cell:
    """Form 5's one code column: the code, then 4 for a late Form-4 item, 5 for a late Form-5 item, 3 alone for a
    late Form-3 holding (EDGAR's Form 5 page has no V column)."""
    if c is None:
        return Cell("", timeliness.footnote_ids)
    swap = "/K" if c.equity_swap_involved else ""
    if c.form_type == "3":
        text = "3"
    elif c.form_type == "4":
        text = f"{c.code or ''}{swap}4"
    else:
        text = f"{c.code or ''}{swap}" + ("5" if timeliness.value == "L" else "")
    return Cell(text, c.footnote_ids + timeliness.footnote_ids)


def v_cell(c: Coding | None, timeliness: Value[str]) -> Cell:
    return Cell("V" if c is not None and c.form_type == "5" else "", timeliness.footnote_ids)


def ad_cells(amount: Cell, ad: Value[str]) -> tuple[Cell, Cell]:
    """Table II column 5: the amount goes under (A) or (D)."""
    if ad.value == "A":
        return Cell(amount.text, amount.footnotes + ad.footnote_ids), Cell("")
    if ad.value == "D":
        return Cell(""), Cell(amount.text, amount.footnotes + ad.footnote_ids)
    return amount, Cell("", ad.footnote_ids)


def code_cells(c: Coding | None, timeliness: Value[str], form: str) -> list[Cell]:
    """The code column(s) of a transaction: Code and V on Form 4, the one code column on Form 5."""
    if form == "5":
        return [code5_cell(c, timeliness)]
    return [code_cell(c), v_cell(c, timeliness)]


def holding_code_cells(c: Coding | None, form: str) -> list[Cell]:
    if form == "5":
        return [code5_cell(c, Value())]
    return [Cell("", c.footnote_ids if c else ()), Cell("")]


def joined(*cells: Cell) -> Cell:
    return Cell(" ".join(c.text for c in cells if c.text), tuple(f for c in cells for f in c.footnotes))


# -- the forms' words --------------------------------------------------------------------------------------

TITLES = {
    "3": "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES",
    "4": "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
    "5": "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
}
OMB_NUMBERS = {"3": "3235-0104", "4": "3235-0287", "5": "3235-0362"}


def form5_boxes(filing: Filing) -> tuple[bool, bool]:
    """Form 3 Holdings Reported, Form 4 Transactions Reported: as filed, else from the rows as EDGAR does."""
    f3 = filing.form3_holdings_reported
    if f3 is None:
        holdings: tuple[Any, ...] = (*filing.non_derivative_holdings, *filing.derivative_holdings)
        f3 = any(h.coding is not None and h.coding.form_type == "3" for h in holdings)
    f4 = filing.form4_transactions_reported
    if f4 is None:
        rows: tuple[Any, ...] = (*filing.non_derivative_transactions, *filing.derivative_transactions)
        f4 = any(t.coding is not None and t.coding.form_type == "4" for t in rows)
    return f3, f4


def base_form(filing: Filing) -> str:
    form = filing.form
    return form if form in TITLES else "4"


def period_label(form: str) -> str:
    if form == "3":
        return "Date of Event Requiring Statement (Month/Day/Year)"
    if form == "5":
        return "Statement for Issuer's Fiscal Year Ended (Month/Day/Year)"
    return "Date of Earliest Transaction (Month/Day/Year)"


def table1_title(form: str) -> str:
    if form == "3":
        return "Table I - Non-Derivative Securities Beneficially Owned"
    return "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"


def table2_title(form: str) -> str:
    if form == "3":
        return "Table II - Derivative Securities Beneficially Owned"
    return "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned"


TABLE2_SUBTITLE = "(e.g., puts, calls, warrants, options, convertible securities)"


def owned_label(form: str, table: int) -> str:
    if form == "5":
        what = "Amount of Securities" if table == 1 else "Number of derivative Securities"
        return f"{what} Beneficially Owned at end of Issuer's Fiscal Year (Instr. {'3 and 4' if table == 1 else '4'})"
    if table == 1:
        return "Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)"
    return "Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)"


#: Column groups: (header, sub-headers). A group with sub-headers spans that many cells.
Column = tuple[str, tuple[str, ...]]


def table1_columns(form: str) -> list[Column]:
    if form == "3":
        return [
            ("1. Title of Security (Instr. 4)", ()),
            ("2. Amount of Securities Beneficially Owned (Instr. 4)", ()),
            ("3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)", ()),
            ("4. Nature of Indirect Beneficial Ownership (Instr. 5)", ()),
        ]
    return [
        ("1. Title of Security (Instr. 3)", ()),
        ("2. Transaction Date (Month/Day/Year)", ()),
        ("2A. Deemed Execution Date, if any (Month/Day/Year)", ()),
        ("3. Transaction Code (Instr. 8)", () if form == "5" else ("Code", "V")),
        ("4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)", ("Amount", "(A) or (D)", "Price")),
        ("5. " + owned_label(form, 1), ()),
        ("6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)", ()),
        ("7. Nature of Indirect Beneficial Ownership (Instr. 4)", ()),
    ]


def table2_columns(form: str) -> list[Column]:
    if form == "3":
        return [
            ("1. Title of Derivative Security (Instr. 4)", ()),
            ("2. Date Exercisable and Expiration Date (Month/Day/Year)", ("Date Exercisable", "Expiration Date")),
            (
                "3. Title and Amount of Securities Underlying Derivative Security (Instr. 4)",
                ("Title", "Amount or Number of Shares"),
            ),
            ("4. Conversion or Exercise Price of Derivative Security", ()),
            ("5. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)", ()),
            ("6. Nature of Indirect Beneficial Ownership (Instr. 5)", ()),
        ]
    return [
        ("1. Title of Derivative Security (Instr. 3)", ()),
        ("2. Conversion or Exercise Price of Derivative Security", ()),
        ("3. Transaction Date (Month/Day/Year)", ()),
        ("3A. Deemed Execution Date, if any (Month/Day/Year)", ()),
        ("4. Transaction Code (Instr. 8)", () if form == "5" else ("Code", "V")),
        ("5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)", ("(A)", "(D)")),
        ("6. Date Exercisable and Expiration Date (Month/Day/Year)", ("Date Exercisable", "Expiration Date")),
        (
            "7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)",
            ("Title", "Amount or Number of Shares"),
        ),
        ("8. Price of Derivative Security (Instr. 5)", ()),
        ("9. " + owned_label(form, 2), ()),
        ("10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)", ()),
        ("11. Nature of Indirect Beneficial Ownership (Instr. 4)", ()),
    ]


def _owned(row: Any) -> Cell:
    v = row.shares_owned_after if row.shares_owned_after.present else row.value_owned_after
    return cell(v, money=not row.shares_owned_after.present)


def table1_rows(filing: Filing, form: str) -> list[list[Cell]]:
    """Table I's data rows, one list of cells per line of the form (transactions, then holdings)."""
    out: list[list[Cell]] = []
    if form == "3":
        for h in filing.non_derivative_holdings:
            out.append([cell(h.security_title), _owned(h), cell(h.direct_indirect), cell(h.nature_of_ownership)])
        for t in filing.non_derivative_transactions:  # not allowed on a Form 3, but shown, never dropped
            out.append([cell(t.security_title), _owned(t), cell(t.direct_indirect), cell(t.nature_of_ownership)])
        return out
    for t in filing.non_derivative_transactions:
        out.append(
            [
                cell(t.security_title),
                cell(t.transaction_date),
                cell(t.deemed_execution_date),
                *code_cells(t.coding, t.timeliness, form),
                cell(t.shares),
                cell(t.acquired_disposed),
                cell(t.price_per_share, money=True),
                _owned(t),
                cell(t.direct_indirect),
                cell(t.nature_of_ownership),
            ]
        )
    for h in filing.non_derivative_holdings:
        blank = Cell("")
        out.append(
            [
                cell(h.security_title),
                blank,  # transaction date
                blank,  # deemed execution date
                *holding_code_cells(h.coding, form),
                blank,  # amount
                blank,  # (A) or (D)
                blank,  # price
                _owned(h),
                cell(h.direct_indirect),
                cell(h.nature_of_ownership),
            ]
        )
    return out


def _underlying(row: Any) -> Cell:
    v = row.underlying_shares if row.underlying_shares.present else row.underlying_value
    return cell(v, money=not row.underlying_shares.present)


def table2_rows(filing: Filing, form: str) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    if form == "3":
        for h in filing.derivative_holdings:
            out.append(
                [
                    cell(h.security_title),
                    cell(h.exercise_date),
                    cell(h.expiration_date),
                    cell(h.underlying_title),
                    _underlying(h),
                    cell(h.conversion_or_exercise_price, money=True),
                    cell(h.direct_indirect),
                    cell(h.nature_of_ownership),
                ]
            )
        return out
    for t in filing.derivative_transactions:
        amount = cell(t.shares) if t.shares.present else cell(t.total_value, money=True)
        a, d = ad_cells(amount, t.acquired_disposed)
        out.append(
            [
                cell(t.security_title),
                cell(t.conversion_or_exercise_price, money=True),
                cell(t.transaction_date),
                cell(t.deemed_execution_date),
                *code_cells(t.coding, t.timeliness, form),
                a,
                d,
                cell(t.exercise_date),
                cell(t.expiration_date),
                cell(t.underlying_title),
                _underlying(t),
                cell(t.price_per_share, money=True),
                _owned(t),
                cell(t.direct_indirect),
                cell(t.nature_of_ownership),
            ]
        )
    for h in filing.derivative_holdings:
        out.append(
            [
                cell(h.security_title),
                cell(h.conversion_or_exercise_price, money=True),
                Cell(""),
                Cell(""),
                *holding_code_cells(h.coding, form),
                Cell(""),
                Cell(""),
                cell(h.exercise_date),
                cell(h.expiration_date),
                cell(h.underlying_title),
                _underlying(h),
                Cell(""),
                _owned(h),
                cell(h.direct_indirect),
                cell(h.nature_of_ownership),
            ]
        )
    return out


def relationship_lines(filing: Filing, i: int) -> tuple[bool, bool, bool, bool, str, str]:
    r = filing.reporting_owners[i].relationship
    return (
        r.is_director,
        r.is_ten_percent_owner,
        r.is_officer,
        r.is_other,
        r.officer_title or "",
        r.other_text or "",
    )


def address_lines(filing: Filing, i: int) -> tuple[list[str], tuple[str, str, str]]:
    """Street lines, and (city, state or country, zip) of owner ``i``."""
    a = filing.reporting_owners[i].address
    if a is None:
        return [], ("", "", "")
    streets = [s for s in (a.street1, a.street2) if s]
    region = a.state or ""
    if a.non_us:
        region = " ".join(x for x in (a.non_us_state_territory, a.country) if x)
    return streets, (a.city or "", region, a.zip_code or "")

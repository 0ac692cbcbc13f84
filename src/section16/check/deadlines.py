"""Was the filing late? Form 4 by the 2nd business day after the (deemed) execution date, Form 3 within
10 days of the event, Form 5 within 45 days after the issuer's fiscal year end (Rule 16a-3(g), the Form 3
and 5 instructions; SPEC.md §3). A deadline on a weekend or holiday moves to the next business day.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..model import DerivativeTransaction, Filing, NonDerivativeTransaction
from .calendar import add_business_days, business_days_after, on_or_after
from .findings import Finding, finding
from .walk import RowAt

#: Sarbanes-Oxley §403: the two-business-day Form 4 applies to transactions from this day on.
TWO_DAY_RULE_FROM = date(2002, 8, 29)
#: Release 33-11138: gifts (G) go on Form 4 within two business days from this day on.
GIFTS_ON_FORM4_FROM = date(2023, 2, 27)


def check_deemed_dates(rows: list[RowAt]) -> list[Finding]:
    """Rule 16a-3(g)(2)/(3): a deemed execution date is no earlier than the trade and no later than the
    3rd business day after it."""
    out: list[Finding] = []
    for r in rows:
        row = r.row
        if not isinstance(row, NonDerivativeTransaction | DerivativeTransaction):
            continue
        trade, deemed = row.transaction_date.value, row.deemed_execution_date.value
        if trade is None or deemed is None:
            continue
        if deemed < trade:
            out.append(finding("S16-W062", r.at("deemed_execution_date"), f"deemed {deemed}, before the trade {trade}"))
        elif deemed > add_business_days(trade, 3):
            n = business_days_after(trade, deemed)
            out.append(
                finding(
                    "S16-W061",
                    r.at("deemed_execution_date"),
                    f"deemed {deemed} is {n} business days after the trade {trade}; at most 3 are allowed",
                )
            )
    return out


def check_deadlines(filing: Filing, rows: list[RowAt], filed: date | None) -> list[Finding]:
    if filed is None or filing.is_amendment:
        return []
    form = filing.form
    if form == "4":
        return _form4(rows, filed)
    if form == "3" and filing.period_of_report is not None:
        due = on_or_after(filing.period_of_report + timedelta(days=10))
        return _late_form(filed, due, "periodOfReport", f"Form 3 for an event on {filing.period_of_report}")
    if form == "5":
        fy_end = fiscal_year_end(filing)
        if fy_end is not None:
            due = on_or_after(fy_end + timedelta(days=45))
            return _late_form(filed, due, "periodOfReport", f"Form 5 for the fiscal year ended {fy_end}")
    return []


def fiscal_year_end(filing: Filing) -> date | None:
    """The fiscal year end a Form 5 covers: the header's issuer FISCAL YEAR END (MMDD) on or after the
    period of report when the submission gives it, else the period of report itself."""
    period = filing.period_of_report
    if period is None:
        return None
    issuer = filing.submission.issuer_filer if filing.submission else None
    mmdd = (issuer.fiscal_year_end or "").strip() if issuer else ""
    if len(mmdd) == 4 and mmdd.isdigit():
        month, day = int(mmdd[:2]), int(mmdd[2:])
        for year in (period.year, period.year + 1):
            try:
                candidate = date(year, month, day)
            except ValueError:  # 0229 in a common year: the fiscal year ends on the 28th
                candidate = date(year, month, 28) if month == 2 else period
            if candidate >= period:
                return candidate
    return period


def _late_form(filed: date, due: date, where: str, what: str) -> list[Finding]:
    if filed <= due:
        return []
    n = business_days_after(due, filed)
    return [finding("S16-W060", where, f"{what} was due {due}; filed {filed}, {n} business day(s) late")]


def _form4(rows: list[RowAt], filed: date) -> list[Finding]:
    out: list[Finding] = []
    for r in rows:
        row = r.row
        if not isinstance(row, NonDerivativeTransaction | DerivativeTransaction):
            continue
        coding = row.coding
        if coding is not None and coding.form_type == "5":
            continue  # V: a Form 5 item reported early is not held to the two-day test
        trade = row.transaction_date.value
        if trade is None or trade < TWO_DAY_RULE_FROM:
            continue
        if coding is not None and coding.code == "G" and trade < GIFTS_ON_FORM4_FROM:
            continue
        deemed = row.deemed_execution_date.value
        executed = deemed if deemed is not None and deemed > trade else trade
        due = add_business_days(executed, 2)
        if filed <= due:
            continue
        n = business_days_after(due, filed)
        basis = "deemed execution" if executed != trade else "transaction"
        msg = f"{basis} on {executed}, due {due}; filed {filed}, {n} business day(s) late"
        if row.timeliness.value == "L":
            out.append(finding("S16-I060", r.at("transaction_date"), msg + " (marked late)"))
        else:
            out.append(finding("S16-W060", r.at("transaction_date"), msg))
    return out

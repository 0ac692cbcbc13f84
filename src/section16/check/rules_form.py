"""Rules on the form as a whole: document type, period, amendments, Form 3 and Form 5 specifics, the
Rule 10b5-1 box against the footnotes, dates against the filing date, and what the reader could not place.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import DerivativeTransaction, Filing, NonDerivativeTransaction
from .findings import Finding, finding
from .walk import RowAt

DOCUMENT_TYPES = frozenset(("3", "3/A", "4", "4/A", "5", "5/A"))
#: X0407 (EDGAR 23.1) made ``aff10b5One`` mandatory on Forms 4 and 5; filers had to comply from 2023-04-01.
AFF10B5ONE_SCHEMA = "X0407"
AFF10B5ONE_FROM = date(2023, 4, 1)

_PLAN_RE = re.compile(r"10b5-?1", re.IGNORECASE)
_NOT_PLAN_RE = re.compile(r"\bnot\b[^.;]{0,60}10b5-?1", re.IGNORECASE)
_ADOPTED_RE = re.compile(r"adopt|entered into", re.IGNORECASE)


def check_document(filing: Filing) -> list[Finding]:
    out: list[Finding] = []
    if filing.document_type not in DOCUMENT_TYPES:
        out.append(finding("S16-E005", "documentType", f"'{filing.document_type}' is not a Form 3, 4 or 5 type"))
    if filing.period_of_report is None:
        out.append(finding("S16-E006", "periodOfReport", "the period of report (date of event) is missing"))
    for u in filing.unknown:
        line = f" (line {u.line})" if u.line else ""
        out.append(finding("S16-E004", u.where, f"element not in the schema{line}: {' '.join(u.xml.split())[:80]}"))
    for n in filing.notes:
        text = f": '{n.text}'" if n.text else ""
        out.append(finding("S16-W001", n.where, f"{n.message}{text}"))
    return out


def _transactions(filing: Filing) -> tuple[NonDerivativeTransaction | DerivativeTransaction, ...]:
    return (*filing.non_derivative_transactions, *filing.derivative_transactions)


def check_form(filing: Filing) -> list[Finding]:
    out: list[Finding] = []
    form = filing.form
    txs = _transactions(filing)
    # Tech spec §4.3: EDGAR suspends a 4 or 5 with no transactions *or holdings* unless the exit box is set.
    if form in ("4", "5") and not filing.rows and filing.not_subject_to_section16 is not True:
        out.append(
            finding(
                "S16-E040",
                "nonDerivativeTable",
                f"a Form {form} needs at least one transaction or holding, or notSubjectToSection16 set to true",
            )
        )
    if filing.is_amendment and filing.date_of_original_submission is None:
        out.append(finding("S16-E041", "dateOfOriginalSubmission", "an amendment must give the original's filing date"))
    if form == "3":
        if txs:
            out.append(
                finding("S16-E042", "nonDerivativeTable", f"a Form 3 reports holdings only; {len(txs)} transactions")
            )
        if filing.no_securities_owned is True and filing.rows:
            out.append(
                finding(
                    "S16-W042",
                    "noSecuritiesOwned",
                    f"'no securities owned' but the tables hold {len(filing.rows)} rows",
                )
            )
        if filing.aff10b5one is True:
            out.append(finding("S16-W044", "aff10b5One", "the Rule 10b5-1 box has no meaning on a Form 3"))
    if form in ("4", "5") and filing.aff10b5one is None:
        version = filing.schema_version
        if version is None or version >= AFF10B5ONE_SCHEMA:
            out.append(finding("S16-E043", "aff10b5One", "the Rule 10b5-1 box (aff10b5One) is mandatory from X0407"))
    if form == "5":
        out.extend(_form5_flags(filing))
    return out


def _form5_flags(filing: Filing) -> list[Finding]:
    out: list[Finding] = []
    codings = [h.coding for h in filing.non_derivative_holdings] + [h.coding for h in filing.derivative_holdings]
    has3 = any(c is not None and c.form_type == "3" for c in codings)
    has4 = any(t.coding is not None and t.coding.form_type == "4" for t in _transactions(filing))
    for flag, actual, name, what in (
        (filing.form3_holdings_reported, has3, "form3HoldingsReported", "holdings of form type 3"),
        (filing.form4_transactions_reported, has4, "form4TransactionsReported", "transactions of form type 4"),
    ):
        if flag is not None and flag != actual:
            out.append(
                finding(
                    "S16-W043", name, f"says {str(flag).lower()}, but the filing has {'' if actual else 'no '}{what}"
                )
            )
    return out


def check_dates(filing: Filing, rows: list[RowAt], filed: date | None) -> list[Finding]:
    out: list[Finding] = []
    tx_dates: list[tuple[date, str]] = []
    for r in rows:
        row = r.row
        if isinstance(row, NonDerivativeTransaction | DerivativeTransaction):
            d = row.transaction_date.value
            if d is not None:
                tx_dates.append((d, r.at("transaction_date")))
            dd = row.deemed_execution_date.value
            if filed is not None and dd is not None and dd > filed:
                out.append(finding("S16-W011", r.at("deemed_execution_date"), f"{dd} is after the filing date {filed}"))
    if filed is not None:
        for d, where in tx_dates:
            if d > filed:
                out.append(finding("S16-W011", where, f"transaction on {d}, after the filing date {filed}"))
        if filing.period_of_report is not None and filing.period_of_report > filed:
            out.append(
                finding("S16-W011", "periodOfReport", f"{filing.period_of_report} is after the filing date {filed}")
            )
        orig = filing.date_of_original_submission
        if filing.is_amendment and orig is not None and orig > filed:  # same-day amendments happen
            out.append(
                finding("S16-W013", "dateOfOriginalSubmission", f"original filed {orig}, after this amendment {filed}")
            )
    if tx_dates:
        first = min(d for d, _ in tx_dates)
        last = max(d for d, _ in tx_dates)
        period = filing.period_of_report
        if filing.document_type == "4" and period is not None and period != first:
            out.append(finding("S16-W010", "periodOfReport", f"{period}, but the earliest transaction is on {first}"))
        for i, s in enumerate(filing.signatures, 1):
            if s.date is not None and s.date < last:
                out.append(
                    finding(
                        "S16-W012",
                        f"ownerSignature[{i}].signatureDate",
                        f"signed {s.date}, before the transaction on {last}",
                    )
                )
    return out


def check_10b5_1(filing: Filing) -> list[Finding]:
    """From 2023-04-01 the box says a reported transaction was made under a Rule 10b5-1(c) plan, and the
    plan's adoption date must be given (in practice in a footnote, sometimes in the remarks)."""
    if filing.form not in ("4", "5") or filing.period_of_report is None:
        return []
    if filing.period_of_report < AFF10B5ONE_FROM or filing.aff10b5one is None:
        return []
    texts = [(f"footnote {f.id}", f.text) for f in filing.footnotes]
    if filing.remarks:
        texts.append(("the remarks", filing.remarks))
    plan = [(name, t) for name, t in texts if _PLAN_RE.search(t) and not _NOT_PLAN_RE.search(t)]
    if filing.aff10b5one:
        if not any(_ADOPTED_RE.search(t) for _, t in plan):
            msg = "the 10b5-1 box is checked but no footnote gives the plan's adoption date"
            return [finding("S16-W041", "aff10b5One", msg)]
        return []
    if plan:
        names = ", ".join(name for name, _ in plan)
        return [
            finding("S16-W040", "aff10b5One", f"{names} speak(s) of a Rule 10b5-1 plan, but the box is not checked")
        ]
    return []

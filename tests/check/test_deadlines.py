"""Deadlines: Form 4 two business days, Form 3 ten days, Form 5 45 days after fiscal year end."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from section16.check import check_rules
from section16.check.deadlines import fiscal_year_end
from section16.model import Coding, Filer, Submission

from .builders import D, form3, form4, form5, sale, v


def _late(f: object, filed: date) -> list[str]:
    return [x.where for x in check_rules(f, filing_date=filed) if x.code in ("S16-W060", "S16-I060")]  # type: ignore[arg-type]


def test_form4_due_on_the_second_business_day() -> None:
    f = form4()  # transactions on Monday 2024-03-04
    assert _late(f, date(2024, 3, 6)) == []
    assert len(_late(f, date(2024, 3, 7))) == 3  # every transaction row, both tables


def test_form4_uses_the_submission_filing_date() -> None:
    late = replace(form4(), submission=Submission("0000000000-24-000009", filing_date=date(2024, 3, 7)))
    assert [x.code for x in check_rules(late)].count("S16-W060") == 3
    assert check_rules(replace(form4(), submission=None)) == []  # no filing date, no deadline


def test_deemed_execution_date_moves_the_deadline() -> None:
    row = sale(deemed_execution_date=v(date(2024, 3, 6)), price_per_share=v(D("12.5"), "F1"))
    f = replace(form4(), non_derivative_transactions=(row,), derivative_transactions=())
    assert _late(f, date(2024, 3, 8)) == []
    assert _late(f, date(2024, 3, 11)) == ["nonDerivativeTransaction[1].transactionDate"]


def test_gifts_before_2023_02_27_could_wait_for_form5() -> None:
    gift = sale(day=date(2022, 6, 1), coding=Coding("4", "G", False), price_per_share=v(D("0"), "F1"))
    f = replace(
        form4(), period_of_report=date(2022, 6, 1), non_derivative_transactions=(gift,), derivative_transactions=()
    )
    assert _late(f, date(2022, 12, 1)) == []
    later = replace(gift, transaction_date=v(date(2023, 6, 1)))
    f2 = replace(f, period_of_report=date(2023, 6, 1), non_derivative_transactions=(later,))
    assert len(_late(f2, date(2023, 12, 1))) == 1


def test_amendments_have_no_deadline() -> None:
    f = replace(form4(), document_type="4/A", date_of_original_submission=date(2024, 3, 6))
    assert _late(f, date(2024, 6, 1)) == []


def test_form3_ten_days_rolled_to_a_business_day() -> None:
    f = form3(period_of_report=date(2024, 3, 20))  # day 10 is Saturday 2024-03-30 -> Monday 04-01
    assert _late(f, date(2024, 4, 1)) == []
    assert _late(f, date(2024, 4, 2)) == ["periodOfReport"]


def test_form5_fiscal_year_end_from_the_header() -> None:
    sub = Submission("x", filing_date=date(2024, 8, 1), filers=(Filer(role="issuer", fiscal_year_end="0630"),))
    f = form5(period_of_report=date(2024, 6, 30), submission=sub)
    assert fiscal_year_end(f) == date(2024, 6, 30)
    assert _late(f, date(2024, 8, 14)) == []  # 45 days after 06-30 is 08-14
    assert _late(f, date(2024, 8, 15)) == ["periodOfReport"]
    # A period of report inside the fiscal year still points at that year's end.
    assert fiscal_year_end(replace(f, period_of_report=date(2024, 5, 2))) == date(2024, 6, 30)
    assert fiscal_year_end(replace(f, submission=None)) == date(2024, 6, 30)

"""One hand-made bad filing per rule: each case breaks a valid filing in one way and must draw its code.

The valid filings (tests/check/builders.py) draw no finding at all, so a case that draws its code shows
the rule fires on exactly what it is about. ``test_every_rule_has_a_case`` keeps the table complete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from section16.check import RULES, Finding, check, check_rules, check_xml
from section16.model import Coding, Footnote, Issuer, NonDerivativeHolding, Note, Relationship, Signature, Unknown

from .builders import D, form3, form4, form5, option_exercise, owner, sale, v
from .test_schema import SCHEMA_CASES


def rules(f: object, **kw: object) -> list[Finding]:
    return check_rules(f, **kw)  # type: ignore[arg-type]


def _sales(n: int) -> tuple[object, ...]:
    return tuple(sale(shares="1", after=str(10000 - i)) for i in range(n))


_F4 = form4()
_NT = _F4.non_derivative_transactions
_DT = _F4.derivative_transactions


def _no_xml_anywhere() -> list[Finding]:
    # A Filing read from a rendered page has no XML of its own; with the writer hidden, the XSD cannot run.
    import sys

    saved = sys.modules.get("section16.write.xml")
    sys.modules["section16.write.xml"] = None  # type: ignore[assignment]
    try:
        return check(replace(_F4, source=replace(_F4.source, format="html")))
    finally:
        if saved is not None:
            sys.modules["section16.write.xml"] = saved
        else:
            del sys.modules["section16.write.xml"]


CASES: list[tuple[str, Callable[[], list[Finding]]]] = [
    ("S16-E004", lambda: rules(replace(_F4, unknown=(Unknown("script", "<script>x</script>", 3),)))),
    ("S16-E005", lambda: rules(replace(_F4, document_type="10-K"))),
    ("S16-E006", lambda: rules(replace(_F4, period_of_report=None))),
    ("S16-E010", lambda: rules(replace(_F4, issuer=Issuer(cik="12345678901", trading_symbol="X")))),
    ("S16-E010", lambda: rules(replace(_F4, issuer=Issuer(cik="", trading_symbol="X")))),
    ("S16-E011", lambda: rules(replace(_F4, issuer=Issuer(cik="320193", trading_symbol=" ")))),
    ("S16-E012", lambda: rules(replace(_F4, reporting_owners=()))),
    ("S16-E012", lambda: rules(replace(_F4, reporting_owners=tuple(owner(str(i)) for i in range(1, 12))))),
    ("S16-E013", lambda: rules(replace(_F4, reporting_owners=(owner("CIK123"),)))),
    ("S16-E014", lambda: rules(replace(_F4, reporting_owners=(owner("0000001234"), owner("1234"))))),
    ("S16-E015", lambda: rules(replace(_F4, reporting_owners=(owner(is_director=False),)))),
    ("S16-E016", lambda: rules(replace(_F4, reporting_owners=(owner(is_officer=True),)))),
    ("S16-E017", lambda: rules(replace(_F4, reporting_owners=(owner(is_other=True, other_text=""),)))),
    ("S16-E018", lambda: rules(replace(_F4, signatures=()))),
    ("S16-E018", lambda: rules(replace(_F4, signatures=(Signature("x", date(2024, 3, 5)),) * 11))),
    (
        "S16-E020",
        lambda: rules(
            replace(
                _F4,
                footnotes=(Footnote("F01", "x"),),
                non_derivative_transactions=(sale(price_per_share=v(D("1"), "F01")),),
            )
        ),
    ),
    ("S16-E021", lambda: rules(replace(_F4, footnotes=(*_F4.footnotes, Footnote("F1", "again"))))),
    ("S16-E022", lambda: rules(replace(_F4, footnotes=(*_F4.footnotes, Footnote("F2", "never cited"))))),
    (
        "S16-E023",
        lambda: rules(replace(_F4, non_derivative_transactions=(sale(shares_owned_after=v(D("9000"), "F7")),))),
    ),
    (
        "S16-E024",
        lambda: rules(replace(_F4, non_derivative_transactions=(sale(price_per_share=v(D("1"), "F1", "F1")),))),
    ),
    ("S16-E025", lambda: rules(replace(_F4, footnotes=tuple(Footnote(f"F{i}", "x") for i in range(1, 101))))),
    ("S16-E030", lambda: rules(replace(_F4, non_derivative_transactions=_sales(31)))),
    (
        "S16-E030",
        lambda: rules(
            replace(_F4, non_derivative_transactions=_sales(30), derivative_transactions=(option_exercise(),) * 31)
        ),
    ),
    ("S16-E031", lambda: rules(replace(_F4, non_derivative_transactions=(sale(security_title=v()),)))),
    ("S16-E031", lambda: rules(replace(_F4, non_derivative_transactions=(replace(sale(), shares=v(None, "F1")),)))),
    ("S16-E031", lambda: rules(replace(_F4, non_derivative_transactions=(sale(coding=None),)))),
    ("S16-E031", lambda: rules(replace(_F4, derivative_transactions=(option_exercise(underlying_title=v()),)))),
    ("S16-E032", lambda: rules(replace(_F4, non_derivative_transactions=(sale(price_per_share=v()),)))),
    ("S16-E032", lambda: rules(replace(_F4, derivative_transactions=(option_exercise(exercise_date=v()),)))),
    ("S16-E033", lambda: rules(replace(_F4, derivative_transactions=(option_exercise(total_value=v(D("5"))),)))),
    ("S16-E033", lambda: rules(replace(_F4, derivative_transactions=(option_exercise(underlying_shares=v()),)))),
    ("S16-E033", lambda: rules(replace(_F4, non_derivative_transactions=(sale(shares_owned_after=v()),)))),
    ("S16-E034", lambda: rules(replace(_F4, non_derivative_transactions=(sale(nature_of_ownership=v("By Trust")),)))),
    ("S16-E035", lambda: rules(replace(_F4, non_derivative_transactions=(sale(direct_indirect=v("I")),)))),
    ("S16-E036", lambda: rules(replace(_F4, non_derivative_transactions=(sale(acquired_disposed=v("X")),)))),
    ("S16-E036", lambda: rules(replace(_F4, non_derivative_transactions=(sale(coding=Coding("4", "V", False)),)))),
    ("S16-E036", lambda: rules(replace(_F4, non_derivative_transactions=(sale(coding=Coding("3", "S", False)),)))),
    ("S16-E036", lambda: rules(replace(_F4, non_derivative_transactions=(sale(direct_indirect=v("Direct")),)))),
    (
        "S16-E037",
        lambda: rules(
            replace(_F4, non_derivative_transactions=(sale(coding=Coding("5", "G", False), timeliness=v("L")),))
        ),
    ),
    (
        "S16-E037",
        lambda: rules(
            replace(
                form5(),
                non_derivative_transactions=(
                    sale(day=date(2023, 6, 1), coding=Coding("4", "S", False), timeliness=v("E")),
                ),
            )
        ),
    ),
    (
        "S16-E038",
        lambda: rules(
            replace(
                _F4,
                non_derivative_holdings=(
                    NonDerivativeHolding(v("Common Stock"), Coding("4", "S"), v(D("1")), direct_indirect=v("D")),
                ),
            )
        ),
    ),
    (
        "S16-E038",
        lambda: rules(
            replace(
                form5(),
                non_derivative_holdings=(
                    NonDerivativeHolding(v("Common Stock"), Coding("5"), v(D("1")), direct_indirect=v("D")),
                ),
            )
        ),
    ),
    ("S16-E039", lambda: rules(replace(_F4, non_derivative_transactions=(sale(shares="-5", after="9005"),)))),
    ("S16-E039", lambda: rules(replace(_F4, non_derivative_transactions=(sale(price_per_share=v(D("1.23456"))),)))),
    ("S16-E040", lambda: rules(replace(_F4, non_derivative_transactions=(), derivative_transactions=(), footnotes=()))),
    ("S16-E041", lambda: rules(replace(_F4, document_type="4/A"))),
    ("S16-E042", lambda: rules(replace(form3(), non_derivative_transactions=(sale(),)))),
    ("S16-E043", lambda: rules(replace(_F4, aff10b5one=None))),
    (
        "S16-W001",
        lambda: rules(
            replace(_F4, notes=(Note("nonDerivativeTransaction[1].transactionDate", "not a date", "next Tuesday"),))
        ),
    ),
    ("S16-W010", lambda: rules(replace(_F4, period_of_report=date(2024, 3, 1)))),
    (
        "S16-W011",
        lambda: rules(
            replace(_F4, non_derivative_transactions=(sale(day=date(2024, 3, 9), price_per_share=v(D("12.5"), "F1")),)),
            filing_date=date(2024, 3, 6),
        ),
    ),
    ("S16-W012", lambda: rules(replace(_F4, signatures=(Signature("/s/ Jane Doe", date(2024, 3, 1)),)))),
    ("S16-W013", lambda: rules(replace(_F4, document_type="4/A", date_of_original_submission=date(2024, 3, 7)))),
    (
        "S16-W020",
        lambda: rules(
            replace(
                _F4,
                non_derivative_transactions=(
                    sale(acquired_disposed=v("A"), shares_owned_after=v(D("11000")), price_per_share=v(D("1"), "F1")),
                ),
            )
        ),
    ),
    (
        "S16-W021",
        lambda: rules(
            replace(
                _F4,
                non_derivative_transactions=(sale(coding=Coding("4", "E", False), price_per_share=v(D("1"), "F1")),),
            )
        ),
    ),
    (
        "S16-W022",
        lambda: rules(replace(_F4, footnotes=(), non_derivative_transactions=(sale(coding=Coding("4", "J", False)),))),
    ),
    (
        "S16-W023",
        lambda: rules(replace(_F4, footnotes=(), non_derivative_transactions=(sale(price_per_share=v(D("0"))),))),
    ),
    (
        "S16-W024",
        lambda: rules(
            replace(_F4, non_derivative_transactions=(sale(timeliness=v("E"), price_per_share=v(D("1"), "F1")),))
        ),
    ),
    (
        "S16-W030",
        lambda: rules(replace(_F4, derivative_transactions=(option_exercise(exercise_date=v(date(2031, 1, 1))),))),
    ),
    (
        "S16-W031",
        lambda: rules(replace(_F4, derivative_transactions=(option_exercise(expiration_date=v(date(2024, 1, 1))),))),
    ),
    (
        "S16-W040",
        lambda: rules(
            replace(_F4, footnotes=(Footnote("F1", "Sold under a Rule 10b5-1 trading plan adopted on May 1, 2023."),))
        ),
    ),
    ("S16-W041", lambda: rules(replace(_F4, aff10b5one=True))),
    ("S16-W042", lambda: rules(replace(form3(), no_securities_owned=True))),
    ("S16-W043", lambda: rules(replace(form5(), form4_transactions_reported=True))),
    ("S16-W043", lambda: rules(replace(form5(), form3_holdings_reported=True))),
    ("S16-W044", lambda: rules(replace(form3(), aff10b5one=True))),
    (
        "S16-W050",
        lambda: rules(
            replace(_F4, non_derivative_transactions=(_NT[0], replace(_NT[1], shares_owned_after=v(D("7000")))))
        ),
    ),
    ("S16-W060", lambda: rules(_F4, filing_date=date(2024, 3, 7))),
    ("S16-W060", lambda: rules(form3(), filing_date=date(2024, 3, 12))),
    ("S16-W060", lambda: rules(form5(), filing_date=date(2024, 2, 15))),
    (
        "S16-W061",
        lambda: rules(
            replace(
                _F4,
                non_derivative_transactions=(
                    sale(deemed_execution_date=v(date(2024, 3, 8)), price_per_share=v(D("1"), "F1")),
                ),
            ),
            filing_date=date(2024, 3, 8),
        ),
    ),
    (
        "S16-W062",
        lambda: rules(
            replace(
                _F4,
                non_derivative_transactions=(
                    sale(deemed_execution_date=v(date(2024, 3, 1)), price_per_share=v(D("1"), "F1")),
                ),
            )
        ),
    ),
    ("S16-I001", lambda: _no_xml_anywhere()),
    (
        "S16-I060",
        lambda: rules(
            replace(_F4, non_derivative_transactions=(sale(timeliness=v("L"), price_per_share=v(D("1"), "F1")),)),
            filing_date=date(2024, 3, 20),
        ),
    ),
    ("S16-I070", lambda: rules(replace(_F4, reporting_owners=(owner("1"), owner("2"))))),
    *SCHEMA_CASES,
]


@pytest.mark.parametrize("base", [form3, form4, form5], ids=["form3", "form4", "form5"])
def test_valid_filings_draw_nothing(base: Callable[[], object]) -> None:
    assert check(base()) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(("code", "make"), CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CASES)])
def test_bad_filing_draws_its_code(code: str, make: Callable[[], list[Finding]]) -> None:
    findings = make()
    codes = {f.code for f in findings}
    assert code in codes, [str(f) for f in findings]
    hit = next(f for f in findings if f.code == code)
    assert hit.severity == RULES[code].severity
    assert hit.message and hit.where


def test_every_rule_has_a_case() -> None:
    assert {c for c, _ in CASES} == set(RULES)


def test_rules_do_not_fire_beyond_their_subject() -> None:
    # Breaking the relationship must not draw footnote or row findings.
    found = rules(replace(_F4, reporting_owners=(owner(is_director=False),)))
    assert {f.code for f in found} == {"S16-E015"}


def test_findings_point_at_the_row_and_field() -> None:
    f = replace(_F4, non_derivative_transactions=(_NT[0], sale(price_per_share=v())))
    hit = [x for x in rules(f) if x.code == "S16-E032"]
    assert [x.where for x in hit] == ["nonDerivativeTransaction[2].transactionPricePerShare"]


def test_relationship_flags_other_and_officer_together() -> None:
    rel = Relationship(is_officer=True, officer_title="CFO", is_other=True, other_text="Trustee")
    assert rules(replace(_F4, reporting_owners=(replace(owner(), relationship=rel),))) == []


def test_v_rows_on_form4_are_not_held_to_two_days() -> None:
    late_v = sale(coding=Coding("5", "G", False), price_per_share=v(D("0"), "F1"), day=date(2024, 1, 2))
    f = replace(
        _F4, non_derivative_transactions=(late_v,), period_of_report=date(2024, 1, 2), derivative_transactions=()
    )
    assert [x.code for x in rules(f)] == []


def test_plan_adoption_in_the_remarks_counts() -> None:
    f = replace(_F4, aff10b5one=True, remarks="Sales under a Rule 10b5-1 plan adopted on 2023-11-01.")
    assert rules(f) == []
    assert [x.code for x in rules(replace(f, aff10b5one=False))] == ["S16-W040"]


def test_plan_footnote_saying_not_10b5_1_is_not_a_plan() -> None:
    fn = Footnote("F1", "These sales were not made pursuant to a Rule 10b5-1 trading plan.")
    assert rules(replace(_F4, footnotes=(fn,))) == []


def test_check_xml_on_garbage_is_a_finding_not_an_exception() -> None:
    found = check_xml(b"<ownershipDocument><documentType>4</documentType")
    assert [f.code for f in found] == ["S16-E002"]
    assert check_xml(b"\x00\x01 not a filing at all")[0].code == "S16-E002"


def test_decimal_exactness_in_rollforward() -> None:
    rows = (sale(shares="0.5", after="9999.5"), sale(shares="0.5", after="9999"))
    f = replace(_F4, non_derivative_transactions=rows, footnotes=())
    assert not [x for x in rules(f) if x.code == "S16-W050"]
    assert Decimal("9999") == rows[1].shares_owned_after.value

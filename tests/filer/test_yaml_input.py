"""The filer's YAML: words and letters, footnote labels, defaults, and errors that name the line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from section16.errors import ParseError
from section16.filer import filing_from_text
from section16.model import Coding, Value

BASE = """\
form: 4
issuer: {cik: "0000320193", symbol: NO}
owner:
  cik: 1214128
  officer: Chief Financial Officer
footnotes:
  wavg: Weighted average price.
  plan: Sold under a 10b5-1 plan adopted 2025-11-01.
transactions:
  - security: Common Stock
    date: 2026-03-02
    code: {value: sale, footnotes: [plan]}
    shares: 1,000
    price: {value: 180.10, footnotes: [wavg]}
    owned_after: 5000
signature: {name: /s/ Jane Doe, date: 2026-03-03}
"""


def test_a_short_form4_builds_with_words_defaults_and_footnote_labels() -> None:
    f = filing_from_text(BASE, "f.yaml")
    assert f.document_type == "4"
    assert f.period_of_report == date(2026, 3, 2)  # the earliest transaction
    assert f.issuer.cik == "0000320193" and f.issuer.trading_symbol == "NO"  # not octal, not False
    o = f.reporting_owners[0]
    assert (
        o.cik == "1214128" and o.relationship.is_officer and o.relationship.officer_title == "Chief Financial Officer"
    )
    (t,) = f.non_derivative_transactions
    assert t.coding == Coding("4", "S", False, ("F2",))
    assert t.shares == Value(Decimal("1000"))
    assert t.price_per_share == Value(Decimal("180.10"), ("F1",))  # exact, as written
    assert t.acquired_disposed == Value("D")  # a sale disposes
    assert t.direct_indirect == Value("D")
    assert [(fn.id, fn.text) for fn in f.footnotes] == [
        ("F1", "Weighted average price."),
        ("F2", "Sold under a 10b5-1 plan adopted 2025-11-01."),
    ]
    assert f.aff10b5one is False
    assert f.source.format == "yaml"


def test_json_input_reads_the_same() -> None:
    text = """{"form": "4", "issuer": {"cik": 320193, "symbol": "AAPL"},
      "owner": {"cik": 1, "director": true},
      "transactions": [{"security": "Common Stock", "date": "2026-03-02", "code": "P", "shares": 5,
                        "price": 10, "owned_after": 5}],
      "signature": {"name": "x", "date": "2026-03-03"}}"""
    f = filing_from_text(text, "f.json")
    assert f.non_derivative_transactions[0].acquired_disposed == Value("A")


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("    code: {value: sale, footnotes: [plan]}", "    code: sell-ish", 12, "not a transaction code"),
        ("    shares: 1,000", "    shares: lots", 13, "'lots' is not a number"),
        ("    date: 2026-03-02", "    date: 03/02/2026", 11, "YYYY-MM-DD"),
        ("    owned_after: 5000", "    owned_aftr: 5000", 15, "unknown key 'owned_aftr'"),
        ("footnotes: [wavg]}", "footnotes: [wavgg]}", 14, "footnote 'wavgg' is not defined"),
        ("  cik: 1214128", "  cik: 12a", 4, "not a CIK"),
        ("    shares: 1,000", "    shares: -5", 13, "negative"),
        ("form: 4", "form: 10-K", 1, "is not one of"),
        ("  plan: Sold", "  plan2: Sold", 12, "footnote 'plan' is not defined"),  # where it is cited
    ],
)
def test_bad_input_names_the_line(old: str, new: str, line: int, message: str) -> None:
    assert old in BASE
    with pytest.raises(ParseError) as e:
        filing_from_text(BASE.replace(old, new, 1), "f.yaml")
    assert e.value.source == "f.yaml"
    assert e.value.line == line, str(e.value)
    assert message in e.value.message


def test_unreferenced_footnote_is_an_error_at_its_label() -> None:
    text = BASE.replace("  plan: Sold", "  spare: Never cited.\n  plan: Sold")
    with pytest.raises(ParseError, match="'spare' is never cited") as e:
        filing_from_text(text, "f.yaml")
    assert e.value.line == 8


def test_code_that_goes_either_way_needs_a_direction() -> None:
    text = BASE.replace("{value: sale, footnotes: [plan]}", "gift")
    text = text.replace("  plan: Sold under a 10b5-1 plan adopted 2025-11-01.\n", "")
    with pytest.raises(ParseError, match="say acquired or disposed"):
        filing_from_text(text, "f.yaml")
    f = filing_from_text(text.replace("    code: gift", "    code: gift\n    acquired: false"), "f.yaml")
    assert f.non_derivative_transactions[0].acquired_disposed == Value("D")
    assert f.non_derivative_transactions[0].code == "G"


def test_indirect_needs_nature_and_direct_refuses_it() -> None:
    with pytest.raises(ParseError, match="needs its nature"):
        filing_from_text(BASE.replace("    owned_after: 5000", "    owned_after: 5000\n    ownership: indirect"))
    with pytest.raises(ParseError, match="only for indirect"):
        filing_from_text(BASE.replace("    owned_after: 5000", "    owned_after: 5000\n    nature: By Trust"))


def test_amendment_needs_the_original_date() -> None:
    with pytest.raises(ParseError, match="original_filed"):
        filing_from_text(BASE.replace("form: 4", "form: 4/A"))
    f = filing_from_text(BASE.replace("form: 4", "form: 4/A\noriginal_filed: 2026-03-03"))
    assert f.date_of_original_submission == date(2026, 3, 3)


def test_form3_refuses_transactions_and_needs_its_event_date() -> None:
    with pytest.raises(ParseError, match="holdings only"):
        filing_from_text(BASE.replace("form: 4", "form: 3"))
    text = """form: 3
issuer: {cik: 1, symbol: X}
owner: {cik: 2, director: true}
holdings: [{security: Common Stock, owned: 10}]
signature: {name: x, date: 2026-01-02}
"""
    with pytest.raises(ParseError, match="date of the event"):
        filing_from_text(text)
    f = filing_from_text(text + "period: 2026-01-01\n")
    assert f.aff10b5one is None and f.non_derivative_holdings[0].shares_owned_after == Value(Decimal("10"))


def test_yaml_syntax_error_has_its_line() -> None:
    with pytest.raises(ParseError, match="not valid YAML") as e:
        filing_from_text("form: 4\nissuer: {cik: 1\nowner: x\n", "broken.yaml")
    assert e.value.line is not None and e.value.line >= 2


def test_derivative_needs_exactly_one_amount_and_value_or_footnote_dates() -> None:
    deriv = """
derivatives:
  - security: Stock Option
    exercise_price: 10
    date: 2026-03-02
    code: exercise
    shares: 100
    price: 0
    exercisable: 2025-01-01
    expiration: 2030-01-01
    underlying: Common Stock
    underlying_shares: 100
    owned_after: 0
"""
    f = filing_from_text(BASE + deriv)
    d = f.derivative_transactions[0]
    assert d.code == "M" and d.acquired_disposed == Value("D")
    with pytest.raises(ParseError, match="exactly one"):
        filing_from_text(BASE + deriv.replace("    shares: 100\n", "    shares: 100\n    total_value: 5\n"))
    with pytest.raises(ParseError, match="exercisable needs a value or") as e:
        filing_from_text(BASE + deriv.replace("    exercisable: 2025-01-01\n", ""))
    assert e.value.line == 19  # the row that lacks it


def test_hostile_yaml_is_refused_quickly() -> None:
    # Aliases are never expanded (a billion-laughs document stays small), and tags never build objects.
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    with pytest.raises(ParseError, match="unknown key 'a'"):
        filing_from_text(bomb)
    evil = BASE.replace("  - security: Common Stock", "  - security: !!python/object/apply:os.system [echo hi]")
    with pytest.raises(ParseError, match="single value"):
        filing_from_text(evil)
    looped = BASE.replace("transactions:\n", "transactions: &t\n  - *t\n", 1)
    with pytest.raises(ParseError):
        filing_from_text(looped)


def test_form5_needs_its_fiscal_year_end() -> None:
    text = BASE.replace("form: 4", "form: 5")
    with pytest.raises(ParseError, match="fiscal year end"):
        filing_from_text(text)
    f = filing_from_text(text + "period: 2025-12-31\n")
    assert f.period_of_report == date(2025, 12, 31)
    assert f.non_derivative_transactions[0].coding == Coding("5", "S", False, ("F2",))

"""Rules on table rows: mandatory fields, value-or-footnote, pairs, ownership nature, choice lists,
transaction coding against the form, numbers in range, codes against direction and table, derivative dates.

Sources: tech spec §3.2-3.6 and §4.3.8 for the errors; Form 4 Instruction 8 (SPEC.md §3) for the warnings.
"""

from __future__ import annotations

from decimal import Decimal

from ..codes import XSD_TRANSACTION_CODES
from ..model import DerivativeHolding, DerivativeTransaction, Filing, NonDerivativeTransaction, Value
from .findings import Finding, finding
from .walk import RowAt, row_cites_any_footnote, value_attrs

MAX_TABLE_ROWS = 30
MAX_ROWS = 60
_MAX_NUMBER = Decimal("999999999999.9999")

_NUMBER_ATTRS = frozenset(
    (
        "conversion_or_exercise_price",
        "shares",
        "total_value",
        "price_per_share",
        "underlying_shares",
        "underlying_value",
        "shares_owned_after",
        "value_owned_after",
    )
)
# Codes whose direction is fixed (Instruction 8); Table II exercises/conversions dispose of the derivative,
# and in Table I the same codes acquire the underlying.
_DIRECTION = {"P": "A", "S": "D", "F": "D", "D": "D", "U": "D"}
_DIRECTION_TABLE_II = {"M": "D", "X": "D", "O": "D", "C": "D", "E": "D", "H": "D"}
_DIRECTION_TABLE_I = {"M": "A", "X": "A", "O": "A"}
_TABLE_II_ONLY = frozenset("EH")


def check_limits(filing: Filing) -> list[Finding]:
    out: list[Finding] = []
    t1 = len(filing.non_derivative_transactions) + len(filing.non_derivative_holdings)
    t2 = len(filing.derivative_transactions) + len(filing.derivative_holdings)
    for n, where in ((t1, "nonDerivativeTable"), (t2, "derivativeTable")):
        if n > MAX_TABLE_ROWS:
            out.append(finding("S16-E030", where, f"{n} rows; a table holds at most {MAX_TABLE_ROWS}"))
    if t1 + t2 > MAX_ROWS:
        out.append(finding("S16-E030", "ownershipDocument", f"{t1 + t2} rows in all; at most {MAX_ROWS} are allowed"))
    return out


def check_rows(filing: Filing, rows: list[RowAt]) -> list[Finding]:
    out: list[Finding] = []
    form = filing.form
    for r in rows:
        _mandatory(r, form, out)
        _ownership(r, out)
        _coding(r, form, out)
        _numbers(r, out)
        if r.transaction:
            _code_fit(r, out)
        if r.derivative:
            _derivative_dates(r, out)
    return out


def _mandatory(r: RowAt, form: str, out: list[Finding]) -> None:
    row = r.row
    if row.security_title.value is None:
        out.append(finding("S16-E031", r.at("security_title"), "the security title is missing"))
    if row.direct_indirect.value is None:
        out.append(finding("S16-E031", r.at("direct_indirect"), "direct (D) or indirect (I) ownership is missing"))
    if not (form == "3" and isinstance(row, DerivativeHolding)):  # Form 3 Table II has no amount owned column
        _exactly_one(r, "shares_owned_after", "value_owned_after", "postTransactionAmounts", out)
    if isinstance(row, NonDerivativeTransaction | DerivativeTransaction):
        if row.transaction_date.value is None:
            out.append(finding("S16-E031", r.at("transaction_date"), "the transaction date is missing"))
        if row.acquired_disposed.value is None:
            out.append(finding("S16-E031", r.at("acquired_disposed"), "acquired (A) or disposed (D) is missing"))
        if row.coding is None or not row.coding.code:
            out.append(finding("S16-E031", f"{r.where}.transactionCoding", "the transaction code is missing"))
        _value_or_footnote(r, "price_per_share", "the price", out)
        if r.derivative:
            _exactly_one(r, "shares", "total_value", "transactionAmounts", out)
        elif isinstance(row, NonDerivativeTransaction) and row.shares.value is None:
            out.append(finding("S16-E031", r.at("shares"), "the number of shares is missing"))
    if isinstance(row, DerivativeTransaction | DerivativeHolding):
        if row.underlying_title.value is None:
            out.append(finding("S16-E031", r.at("underlying_title"), "the underlying security's title is missing"))
        _value_or_footnote(r, "conversion_or_exercise_price", "the conversion or exercise price", out)
        _value_or_footnote(r, "exercise_date", "the date exercisable", out)
        _value_or_footnote(r, "expiration_date", "the expiration date", out)
        _exactly_one(r, "underlying_shares", "underlying_value", "underlyingSecurity", out)


def _value_or_footnote(r: RowAt, attr: str, what: str, out: list[Finding]) -> None:
    if not getattr(r.row, attr).present:
        out.append(finding("S16-E032", r.at(attr), f"{what} needs a value or a footnote saying why there is none"))


def _exactly_one(r: RowAt, a: str, b: str, group: str, out: list[Finding]) -> None:
    pa, pb = getattr(r.row, a).present, getattr(r.row, b).present
    if pa and pb:
        out.append(finding("S16-E033", f"{r.where}.{group}", f"{r.at(a)} and {r.at(b)} are both given; give one"))
    elif not pa and not pb:
        out.append(finding("S16-E033", f"{r.where}.{group}", f"neither {r.at(a)} nor {r.at(b)} is given; give one"))


def _ownership(r: RowAt, out: list[Finding]) -> None:
    di = r.row.direct_indirect.value
    nature = (r.row.nature_of_ownership.value or "").strip()
    if di == "D" and nature:
        out.append(finding("S16-E034", r.at("nature_of_ownership"), f"direct ownership with a nature ('{nature}')"))
    elif di == "I" and not nature:
        out.append(finding("S16-E035", r.at("nature_of_ownership"), "indirect ownership needs its nature (By Trust)"))
    if di is not None and di not in ("D", "I"):
        out.append(finding("S16-E036", r.at("direct_indirect"), f"'{di}' is not D or I"))
    row = r.row
    ad = row.acquired_disposed.value if isinstance(row, NonDerivativeTransaction | DerivativeTransaction) else None
    if ad is not None and ad not in ("A", "D"):
        out.append(finding("S16-E036", r.at("acquired_disposed"), f"'{ad}' is not A or D"))


def _coding(r: RowAt, form: str, out: list[Finding]) -> None:
    c = r.row.coding
    where = f"{r.where}.transactionCoding"
    if not r.transaction:
        if c is None:
            return
        if form != "5":
            out.append(finding("S16-E038", where, f"a holding on a Form {form} takes no transaction coding"))
        elif c.form_type not in (None, "3") or c.code:
            out.append(finding("S16-E038", where, "a holding on a Form 5 takes only transactionFormType 3"))
        return
    row = r.row
    if c is None or not isinstance(row, NonDerivativeTransaction | DerivativeTransaction):
        return
    if c.code and c.code not in XSD_TRANSACTION_CODES:
        out.append(finding("S16-E036", f"{where}.transactionCode", f"'{c.code}' is not a transaction code"))
    if c.form_type is not None and c.form_type not in ("4", "5"):
        out.append(finding("S16-E036", f"{where}.transactionFormType", f"form type '{c.form_type}' is not 4 or 5"))
    t = row.timeliness.value
    tw = r.at("timeliness")
    if t and t not in ("E", "L"):
        out.append(finding("S16-E036", tw, f"timeliness '{t}' is not E, L or empty"))
    elif form == "4" and c.form_type == "5" and t not in (None, "E"):
        out.append(finding("S16-E037", tw, "a form-type 5 item on a Form 4 is early: E or empty"))
    elif form == "5" and c.form_type in ("4", "5") and t not in (None, "L"):
        out.append(finding("S16-E037", tw, "on a Form 5 a transaction's timeliness is L or empty"))
    elif form == "4" and c.form_type == "4" and t:
        out.append(finding("S16-W024", tw, f"a form-type 4 transaction is on time by definition; '{t}' is ignored"))


def _numbers(r: RowAt, out: list[Finding]) -> None:
    row = r.row
    for attr in value_attrs(row):
        if attr not in _NUMBER_ATTRS:
            continue
        v: Value[Decimal] = getattr(row, attr)
        d = v.value
        if d is None:
            continue
        if d < 0 or d > _MAX_NUMBER:
            out.append(finding("S16-E039", r.at(attr), f"{d} is outside 0 to 999999999999.9999"))
        elif d.as_tuple().exponent < -4:  # type: ignore[operator]
            out.append(finding("S16-E039", r.at(attr), f"{d} has more than 4 decimal places"))


def _code_fit(r: RowAt, out: list[Finding]) -> None:
    row = r.row
    if not isinstance(row, NonDerivativeTransaction | DerivativeTransaction):
        return
    code = row.coding.code if row.coding else None
    if not code:
        return
    ad = row.acquired_disposed.value
    expected = _DIRECTION.get(code) or (_DIRECTION_TABLE_II if r.derivative else _DIRECTION_TABLE_I).get(code)
    if expected and ad in ("A", "D") and ad != expected:
        table = "Table II" if r.derivative else "Table I"
        out.append(
            finding("S16-W020", r.at("acquired_disposed"), f"code {code} in {table} is normally {expected}, not {ad}")
        )
    if code in _TABLE_II_ONLY and not r.derivative:
        out.append(finding("S16-W021", f"{r.where}.transactionCoding", f"code {code} belongs to Table II derivatives"))
    if code == "J" and not row_cites_any_footnote(row):
        out.append(finding("S16-W022", f"{r.where}.transactionCoding", "code J (other) needs a footnote"))
    if code in ("P", "S"):
        price: Value[Decimal] = row.price_per_share
        if price.value is not None and price.value == 0 and not price.footnote_ids:
            out.append(finding("S16-W023", r.at("price_per_share"), f"code {code} at a price of 0 with no footnote"))


def _derivative_dates(r: RowAt, out: list[Finding]) -> None:
    row = r.row
    if not isinstance(row, DerivativeTransaction | DerivativeHolding):
        return
    ex = row.exercise_date.value
    exp = row.expiration_date.value
    if ex is not None and exp is not None and ex > exp:
        out.append(finding("S16-W030", r.at("exercise_date"), f"exercisable {ex} but expires {exp}"))
    if isinstance(row, DerivativeTransaction) and exp is not None:
        td = row.transaction_date.value
        code = row.coding.code if row.coding else None
        if td is not None and exp < td and code not in ("E", "H"):
            out.append(finding("S16-W031", r.at("expiration_date"), f"expired {exp}, before the transaction on {td}"))

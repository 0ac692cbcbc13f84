"""Filing -> the store's table rows. Pure functions; the column order here is the order in schema.sql.

A :class:`FilingRows` holds one filing's rows as plain tuples (str, int, bool, date, datetime, None;
decimals as their exact text, JSON as text) so it pickles cheaply from a worker process and converts to
Arrow or COPY rows without further work. ``tests/store`` checks that these columns match the schema.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from typing import Any, Literal

import orjson

from ..model import EMPTY, Coding, Filing, Value

Kind = Literal["text", "int", "bool", "date", "decimal", "json", "timestamp"]

#: The row tables, in the order a Filing lists them; each maps to the model's tuple of rows.
ROW_TABLES: dict[str, str] = {
    "nonderiv_transactions": "non_derivative_transactions",
    "nonderiv_holdings": "non_derivative_holdings",
    "deriv_transactions": "derivative_transactions",
    "deriv_holdings": "derivative_holdings",
}

# Model fields of each row table, in model order; "coding" expands to five columns.
_ROW_FIELDS: dict[str, tuple[tuple[str, Kind], ...]] = {
    "nonderiv_transactions": (
        ("security_title", "text"), ("transaction_date", "date"), ("deemed_execution_date", "date"),
        ("coding", "text"), ("timeliness", "text"), ("shares", "decimal"), ("price_per_share", "decimal"),
        ("acquired_disposed", "text"), ("shares_owned_after", "decimal"), ("value_owned_after", "decimal"),
        ("direct_indirect", "text"), ("nature_of_ownership", "text"),
    ),
    "nonderiv_holdings": (
        ("security_title", "text"), ("coding", "text"), ("shares_owned_after", "decimal"),
        ("value_owned_after", "decimal"), ("direct_indirect", "text"), ("nature_of_ownership", "text"),
    ),
    "deriv_transactions": (
        ("security_title", "text"), ("conversion_or_exercise_price", "decimal"), ("transaction_date", "date"),
        ("deemed_execution_date", "date"), ("coding", "text"), ("timeliness", "text"), ("shares", "decimal"),
        ("total_value", "decimal"), ("price_per_share", "decimal"), ("acquired_disposed", "text"),
        ("exercise_date", "date"), ("expiration_date", "date"), ("underlying_title", "text"),
        ("underlying_shares", "decimal"), ("underlying_value", "decimal"), ("shares_owned_after", "decimal"),
        ("value_owned_after", "decimal"), ("direct_indirect", "text"), ("nature_of_ownership", "text"),
    ),
    "deriv_holdings": (
        ("security_title", "text"), ("conversion_or_exercise_price", "decimal"), ("coding", "text"),
        ("exercise_date", "date"), ("expiration_date", "date"), ("underlying_title", "text"),
        ("underlying_shares", "decimal"), ("underlying_value", "decimal"), ("shares_owned_after", "decimal"),
        ("value_owned_after", "decimal"), ("direct_indirect", "text"), ("nature_of_ownership", "text"),
    ),
}  # fmt: skip

_CODING_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("has_coding", "bool"), ("transaction_form_type", "text"), ("transaction_code", "text"),
    ("equity_swap_involved", "bool"), ("transaction_coding_fn", "text"),
)  # fmt: skip


def _row_columns(table: str) -> tuple[tuple[str, Kind], ...]:
    cols: list[tuple[str, Kind]] = [("accession", "text"), ("row_no", "int")]
    for name, kind in _ROW_FIELDS[table]:
        if name == "coding":
            cols.extend(_CODING_COLUMNS)
        else:
            cols.append((name, kind))
            cols.append((f"{name}_fn", "text"))
    return tuple(cols)


#: Table -> (column, kind) in schema order. ``kind`` says how a backend must type the value.
COLUMNS: dict[str, tuple[tuple[str, Kind], ...]] = {
    "filings": (
        ("accession", "text"), ("document_type", "text"), ("form", "text"), ("is_amendment", "bool"),
        ("schema_version", "text"), ("period_of_report", "date"), ("date_of_original_submission", "date"),
        ("filing_date", "date"), ("acceptance_datetime", "timestamp"), ("issuer_cik", "text"),
        ("issuer_cik_filed", "text"), ("issuer_name", "text"), ("issuer_ticker", "text"),
        ("issuer_foreign_ticker", "text"), ("no_securities_owned", "bool"), ("not_subject_to_section16", "bool"),
        ("form3_holdings_reported", "bool"), ("form4_transactions_reported", "bool"), ("aff10b5one", "bool"),
        ("remarks", "text"), ("owner_count", "int"), ("owner_ciks", "text"), ("amends", "text"),
        ("source_path", "text"), ("source_format", "text"), ("parser_version", "text"), ("findings", "json"),
        ("extras", "json"), ("loaded_at", "timestamp"),
    ),
    "reporting_owners": (
        ("accession", "text"), ("position", "int"), ("cik", "text"), ("cik_filed", "text"), ("name", "text"),
        ("ccc", "text"), ("has_address", "bool"), ("street1", "text"), ("street2", "text"), ("city", "text"),
        ("state", "text"), ("zip_code", "text"), ("state_description", "text"), ("non_us", "bool"),
        ("non_us_state_territory", "text"), ("country", "text"), ("good_address", "bool"),
        ("is_director", "bool"), ("is_officer", "bool"), ("is_ten_percent_owner", "bool"), ("is_other", "bool"),
        ("officer_title", "text"), ("other_text", "text"), ("file_number", "text"),
    ),
    **{t: _row_columns(t) for t in ROW_TABLES},
    "footnotes": (("accession", "text"), ("position", "int"), ("footnote_id", "text"), ("text", "text")),
    "field_footnotes": (
        ("accession", "text"), ("table_name", "text"), ("row_no", "int"), ("field", "text"),
        ("footnote_id", "text"),
    ),
    "signatures": (("accession", "text"), ("position", "int"), ("name", "text"), ("signature_date", "date")),
}  # fmt: skip

#: Every table a filing has rows in, in the order they are written (and deleted in reverse).
FILING_TABLES: tuple[str, ...] = tuple(COLUMNS)

# Exact decimals the DuckDB column type DECIMAL(38,12) can hold: at most 12 places, 26 integer digits.
_MAX_SCALE = 12
_MAX_INT_DIGITS = 26

#: How much each source is trusted: a richer source replaces a poorer one of the same accession.
SOURCE_RANK: dict[str, int] = {
    "dataset": 0, "pdf": 1, "text": 1, "legacy-text": 1, "markdown": 1, "html": 1, "yaml": 2, "xml": 3,
    "submission": 4,
}  # fmt: skip


def normalize_cik(cik: str | None) -> str | None:
    """``'0000320193'`` -> ``'320193'``; text that is not all digits is kept, stripped; blank is None."""
    if cik is None:
        return None
    s = cik.strip()
    if not s:
        return None
    if s.isdigit():
        return s.lstrip("0") or "0"
    return s


@dataclass(slots=True)
class FilingRows:
    """One filing's rows, ready to write: ``tables[name]`` is a list of tuples in ``COLUMNS[name]`` order."""

    accession: str
    source_format: str
    parser_version: str
    tables: dict[str, list[tuple[Any, ...]]]

    @property
    def rank(self) -> int:
        return SOURCE_RANK.get(self.source_format, 1)


def _decimal_text(d: Decimal, where: str, exact: dict[str, str]) -> str | None:
    """The decimal as text for the column; a value the column cannot hold exactly is noted in ``exact``."""
    s = str(d)
    # Fast path, nearly every value: plain notation within 26 integer digits and 12 places.
    if "E" not in s and "N" not in s and "I" not in s:
        dot = s.find(".")
        int_digits = (dot if dot >= 0 else len(s)) - (1 if s[0] == "-" else 0)
        if int_digits <= _MAX_INT_DIGITS and (dot < 0 or len(s) - dot - 1 <= _MAX_SCALE):
            return s
    if not d.is_finite():
        exact[where] = s
        return None
    exp = d.as_tuple().exponent
    assert isinstance(exp, int)
    if d.adjusted() >= _MAX_INT_DIGITS:
        exact[where] = format(d, "f")
        return None
    if exp < -_MAX_SCALE:
        exact[where] = format(d, "f")
        return format(d.quantize(Decimal(1).scaleb(-_MAX_SCALE)), "f")
    return format(d, "f")


def _fn(ids: tuple[str, ...], where: str, exact: dict[str, str]) -> str | None:
    joined = ",".join(ids)
    if joined.count(",") != len(ids) - 1:
        exact[where] = json.dumps(list(ids))  # a comma list cannot hold it: keep the exact list aside
    return joined


# Per table: (model field, is_decimal, is_coding), precomputed for the hot loop below.
_PLAN: dict[str, tuple[tuple[str, bool, bool], ...]] = {
    t: tuple((name, kind == "decimal", name == "coding") for name, kind in fields) for t, fields in _ROW_FIELDS.items()
}


_NONE2 = (None, None)


def _row(
    table: str, acc: str, row_no: int, row: Any, exact: dict[str, str], links: list[tuple[Any, ...]]
) -> tuple[Any, ...]:
    out: list[Any] = [acc, row_no]
    append = out.append
    for name, is_decimal, is_coding in _PLAN[table]:
        if is_coding:
            c: Coding | None = row.coding
            if c is None:
                out.extend((False, None, None, None, None))
            else:
                fns = c.footnote_ids
                out.extend((True, c.form_type, c.code, c.equity_swap_involved,
                            _fn(fns, f"{table}/{row_no}/{name}", exact) if fns else None))  # fmt: skip
                for fid in fns:
                    links.append((acc, table, row_no, "transaction_coding", fid))
            continue
        v: Value[Any] = getattr(row, name)
        if v is EMPTY:  # most fields of most rows: nothing filed
            out += _NONE2
            continue
        val = v.value
        if is_decimal and val is not None:
            val = _decimal_text(val, f"{table}/{row_no}/{name}", exact)
        append(val)
        fns = v.footnote_ids
        if fns:
            append(_fn(fns, f"{table}/{row_no}/{name}_fn", exact))
            for fid in fns:
                links.append((acc, table, row_no, name, fid))
        else:
            append(None)
    return tuple(out)


_SCALARS = frozenset((str, bool, int, type(None)))
_Converter = Callable[[Any], Any]
#: Class -> its converter: model dataclasses (learnt as they are met), dates and decimals.
_CONVERTERS: dict[type, _Converter] = {
    date: date.isoformat, datetime: datetime.isoformat, Decimal: str,
}  # fmt: skip


def _dataclass_converter(names: tuple[str, ...]) -> _Converter:
    """A dataclass as a dict: its fields fetched by one getter, scalars taken as they are without a call
    (most fields of the submission header are text or None; this is most of a filing's JSON)."""
    if not names:
        return lambda obj: {}
    get: Callable[[Any], Any] = attrgetter(*names) if len(names) > 1 else (lambda o: (getattr(o, names[0]),))
    scalars = _SCALARS

    def convert(obj: Any) -> dict[str, Any]:
        return {n: v if v.__class__ in scalars else plain(v) for n, v in zip(names, get(obj), strict=True)}

    return convert


def plain(obj: Any) -> Any:
    """A model object as JSON-ready data (dates ISO, decimals as text); for the extras column."""
    cls = obj.__class__
    if cls in _SCALARS:
        return obj
    conv = _CONVERTERS.get(cls)
    if conv is not None:  # a model dataclass seen before, a date or a decimal: the common cases
        return conv(obj)
    if cls is tuple or cls is list:
        return [x if x.__class__ in _SCALARS else plain(x) for x in obj]
    if isinstance(obj, str | bool | int):
        return obj
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, tuple | list):
        return [plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, enum.Enum):
        return plain(obj.value)
    if not dataclasses.is_dataclass(obj):
        return str(obj)
    conv = _CONVERTERS[cls] = _dataclass_converter(tuple(f.name for f in dataclasses.fields(obj)))
    return conv(obj)


def extras_json(extras: dict[str, Any]) -> str:
    """The extras column's JSON text: model objects as :func:`plain` gives them (dataclasses as objects,
    dates ISO, decimals as text). orjson writes it in a quarter of the CPU of ``json.dumps(plain(...))``
    (the submission header is most of a filing's JSON); what orjson refuses (text with a lone surrogate,
    a key that is not text) goes through the json module."""
    try:
        return orjson.dumps(extras, default=plain).decode()
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(plain(extras))


def filing_rows(
    filing: Filing, *, findings: Sequence[Any] | None = None, loaded_at: datetime, accession: str | None = None
) -> FilingRows:
    """Every row the store keeps for one filing. Raises ValueError when it has no accession number."""
    acc = accession or filing.accession_number
    if not acc:
        raise ValueError("the filing has no accession number (neither a submission header nor a file name with one)")
    exact: dict[str, str] = {}
    links: list[tuple[Any, ...]] = []
    sub = filing.submission
    file_numbers: dict[str | None, str | None] = {}
    if sub is not None:
        for f in sub.reporting_owner_filers:
            file_numbers.setdefault(normalize_cik(f.cik), f.file_number)

    owners = []
    for pos, o in enumerate(filing.reporting_owners, 1):
        a = o.address
        r = o.relationship
        cik = normalize_cik(o.cik)
        owners.append((
            acc, pos, cik, o.cik, o.name, o.ccc, a is not None,
            a.street1 if a else None, a.street2 if a else None, a.city if a else None, a.state if a else None,
            a.zip_code if a else None, a.state_description if a else None, a.non_us if a else None,
            a.non_us_state_territory if a else None, a.country if a else None, a.good_address if a else None,
            r.is_director, r.is_officer, r.is_ten_percent_owner, r.is_other, r.officer_title, r.other_text,
            file_numbers.get(cik),
        ))  # fmt: skip

    tables: dict[str, list[tuple[Any, ...]]] = {"filings": [], "reporting_owners": owners}
    for table, attr in ROW_TABLES.items():
        tables[table] = [_row(table, acc, i, row, exact, links) for i, row in enumerate(getattr(filing, attr), 1)]
    tables["footnotes"] = [(acc, i, f.id, f.text) for i, f in enumerate(filing.footnotes, 1)]
    tables["field_footnotes"] = links
    tables["signatures"] = [(acc, i, s.name, s.date) for i, s in enumerate(filing.signatures, 1)]

    extras: dict[str, Any] = {}
    if sub is not None:
        extras["submission"] = sub
    for name in ("unknown", "notes", "missing"):
        value = getattr(filing, name)
        if value:
            extras[name] = value
    if exact:
        extras["exact"] = exact
    owner_ciks = sorted({c for o in owners if (c := o[2]) is not None})
    iss = filing.issuer
    tables["filings"].append((
        acc, filing.document_type, filing.form, filing.is_amendment, filing.schema_version,
        filing.period_of_report, filing.date_of_original_submission,
        sub.filing_date if sub else None, sub.acceptance_datetime if sub else None,
        normalize_cik(iss.cik), iss.cik, iss.name, iss.trading_symbol, iss.foreign_trading_symbol,
        filing.no_securities_owned, filing.not_subject_to_section16, filing.form3_holdings_reported,
        filing.form4_transactions_reported, filing.aff10b5one, filing.remarks, len(filing.reporting_owners),
        ",".join(owner_ciks) or None, None, filing.source.path, filing.source.format, filing.source.parser_version,
        json.dumps(plain(list(findings))) if findings else None, extras_json(extras) if extras else None, loaded_at,
    ))  # fmt: skip
    return FilingRows(acc, filing.source.format, filing.source.parser_version, tables)

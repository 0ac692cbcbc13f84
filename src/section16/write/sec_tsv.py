"""Filing -> the eight tables of the SEC Insider Transactions Data Sets (``section16.sec_dataset``).

Values are written the way the SEC's files hold them: dates ``DD-Mon-YYYY``, flags ``1``/``0``, numbers
as filed (``10000.0000`` stays ``10000.0000``), ``*_FN`` columns the field's footnote ids joined with
``,``, ``*_SK`` the row's number within its table in this filing, counted from 1 in document order. An
empty or absent value is an empty cell. Tabs and line breaks inside text (footnotes, remarks) become
single spaces, since a row is one line.

ACCESSION_NUMBER is the submission's accession; for a bare XML document the accession found in its
file name (with or without dashes, written with dashes), else the file name without its extension.

:func:`filing_rows` is pure; :class:`SecTsvWriter` streams any number of filings into one set of files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from ..errors import WriteError
from ..model import Coding, Filing, ReportingOwner, Value
from ..sec_dataset import TABLES, format_date

Rows = dict[str, list[tuple[str, ...]]]

_WS_RE = re.compile(r"\r\n|[\t\r\n]")


def _text(s: str | None) -> str:
    if not s:
        return ""
    return _WS_RE.sub(" ", s) if ("\t" in s or "\n" in s or "\r" in s) else s


def _num(d: Decimal | None) -> str:
    if d is None:
        return ""
    s = str(d)
    return format(d, "f") if "E" in s else s


def _flag(b: bool | None) -> str:
    return "" if b is None else ("1" if b else "0")


def _cell(x: Any) -> str:
    if x is None:
        return ""
    if isinstance(x, str):
        return _text(x)
    if isinstance(x, Decimal):
        return _num(x)
    if isinstance(x, bool):
        return _flag(x)
    if isinstance(x, date):
        return format_date(x)
    return _text(str(x))


def _v(v: Value[Any]) -> tuple[str, str]:
    """A Value as its two cells: the value and its footnote ids."""
    return _cell(v.value), ",".join(v.footnote_ids)


def accession_for(filing: Filing) -> str:
    """The ACCESSION_NUMBER the data sets would give this filing (see the module doc)."""
    acc = filing.accession_number
    if acc:
        return acc
    path = filing.source.path
    if path:
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name
    return ""


def _cik_key(cik: str | None) -> str:
    return (cik or "").strip().lstrip("0")


def _file_numbers(filing: Filing) -> dict[str, str]:
    """Owner CIK (without leading zeros) -> SEC file number, from the submission's filer blocks."""
    if filing.submission is None:
        return {}
    return {_cik_key(f.cik): f.file_number for f in filing.submission.reporting_owner_filers if f.cik and f.file_number}


def _owner_row(acc: str, o: ReportingOwner, file_numbers: dict[str, str]) -> tuple[str, ...]:
    a = o.address
    rel = o.relationship
    return (
        acc,
        _cell(o.cik),
        _cell(o.name),
        ",".join(rel.labels),
        _cell(rel.officer_title),
        _cell(rel.other_text),
        _cell(a.street1 if a else None),
        _cell(a.street2 if a else None),
        _cell(a.city if a else None),
        _cell(a.state if a else None),
        _cell(a.zip_code if a else None),
        _cell(a.state_description if a else None),
        file_numbers.get(_cik_key(o.cik), ""),
    )


def _coding(c: Coding | None) -> tuple[str, str, str, str]:
    """TRANS_FORM_TYPE, TRANS_CODE, EQUITY_SWAP_INVOLVED, EQUITY_SWAP_TRANS_CD_FN."""
    if c is None:
        return "", "", "", ""
    return _cell(c.form_type), _cell(c.code), _flag(c.equity_swap_involved), ",".join(c.footnote_ids)


def filing_rows(filing: Filing) -> Rows:
    """The filing's rows of each table (table name -> rows), columns in the SEC's order."""
    acc = accession_for(filing)
    f = filing
    sub = f.submission
    out: Rows = {name: [] for name in TABLES}
    out["SUBMISSION"].append(
        (
            acc,
            format_date(sub.filing_date if sub else None),
            format_date(f.period_of_report),
            format_date(f.date_of_original_submission),
            _flag(f.no_securities_owned),
            _flag(f.not_subject_to_section16),
            _flag(f.form3_holdings_reported),
            _flag(f.form4_transactions_reported),
            _cell(f.document_type),
            _cell(f.issuer.cik),
            _cell(f.issuer.name),
            _cell(f.issuer.trading_symbol),
            _cell(f.remarks),
            _flag(f.aff10b5one),
        )
    )
    fns = _file_numbers(f)
    out["REPORTINGOWNER"].extend(_owner_row(acc, o, fns) for o in f.reporting_owners)
    for sk, t in enumerate(f.non_derivative_transactions, 1):
        out["NONDERIV_TRANS"].append(
            (
                acc,
                str(sk),
                *_v(t.security_title),
                *_v(t.transaction_date),
                *_v(t.deemed_execution_date),
                *_coding(t.coding),
                *_v(t.timeliness),
                *_v(t.shares),
                *_v(t.price_per_share),
                *_v(t.acquired_disposed),
                *_v(t.shares_owned_after),
                *_v(t.value_owned_after),
                *_v(t.direct_indirect),
                *_v(t.nature_of_ownership),
            )
        )
    for sk, h in enumerate(f.non_derivative_holdings, 1):
        form_type, _, _, form_fn = _coding(h.coding)
        out["NONDERIV_HOLDING"].append(
            (
                acc,
                str(sk),
                *_v(h.security_title),
                form_type,
                form_fn,
                *_v(h.shares_owned_after),
                *_v(h.value_owned_after),
                *_v(h.direct_indirect),
                *_v(h.nature_of_ownership),
            )
        )
    for sk, d in enumerate(f.derivative_transactions, 1):
        out["DERIV_TRANS"].append(
            (
                acc,
                str(sk),
                *_v(d.security_title),
                *_v(d.conversion_or_exercise_price),
                *_v(d.transaction_date),
                *_v(d.deemed_execution_date),
                *_coding(d.coding),
                *_v(d.timeliness),
                *_v(d.shares),
                *_v(d.total_value),
                *_v(d.price_per_share),
                *_v(d.acquired_disposed),
                *_v(d.exercise_date),
                *_v(d.expiration_date),
                *_v(d.underlying_title),
                *_v(d.underlying_shares),
                *_v(d.underlying_value),
                *_v(d.shares_owned_after),
                *_v(d.value_owned_after),
                *_v(d.direct_indirect),
                *_v(d.nature_of_ownership),
            )
        )
    for sk, dh in enumerate(f.derivative_holdings, 1):
        form_type, _, _, form_fn = _coding(dh.coding)
        out["DERIV_HOLDING"].append(
            (
                acc,
                str(sk),
                *_v(dh.security_title),
                *_v(dh.conversion_or_exercise_price),
                form_type,
                form_fn,
                *_v(dh.exercise_date),
                *_v(dh.expiration_date),
                *_v(dh.underlying_title),
                *_v(dh.underlying_shares),
                *_v(dh.underlying_value),
                *_v(dh.shares_owned_after),
                *_v(dh.value_owned_after),
                *_v(dh.direct_indirect),
                *_v(dh.nature_of_ownership),
            )
        )
    out["FOOTNOTES"].extend((acc, _cell(fn.id), _text(fn.text)) for fn in f.footnotes)
    out["OWNER_SIGNATURE"].extend((acc, _cell(s.name), format_date(s.date)) for s in f.signatures)
    return out


def filing_dicts(filing: Filing) -> dict[str, list[dict[str, str]]]:
    """:func:`filing_rows` with each row as a dict keyed by the SEC's column names."""
    return {
        name: [dict(zip(TABLES[name], row, strict=True)) for row in rows] for name, rows in filing_rows(filing).items()
    }


def iter_lines(rows: Iterable[tuple[str, ...]]) -> Iterator[str]:
    for row in rows:
        yield "\t".join(row) + "\n"


class SecTsvWriter:
    """Write filings into ``DIR/<TABLE>.tsv`` (one header line each), streaming: any number of filings.

    Use as a context manager; the files are created (replaced) on entry.
    """

    def __init__(self, out_dir: str | Path) -> None:
        self.out_dir = Path(out_dir)
        self.counts: dict[str, int] = dict.fromkeys(TABLES, 0)
        self._files: dict[str, IO[str]] = {}

    def __enter__(self) -> SecTsvWriter:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            for name, columns in TABLES.items():
                fh = open(self.out_dir / f"{name}.tsv", "w", encoding="utf-8", newline="")
                self._files[name] = fh
                fh.write("\t".join(columns) + "\n")
        except OSError as e:
            self.close()
            raise WriteError(f"cannot write SEC TSV files in {self.out_dir}: {e.strerror or e}") from None
        return self

    def write(self, filing: Filing) -> None:
        for name, rows in filing_rows(filing).items():
            if rows:
                self._files[name].writelines(iter_lines(rows))
                self.counts[name] += len(rows)

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
        self._files.clear()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def write_sec_tsv(filings: Iterable[Filing], out_dir: str | Path) -> dict[str, int]:
    """Write every filing into the eight tables in ``out_dir``; returns rows written per table."""
    with SecTsvWriter(out_dir) as w:
        for f in filings:
            w.write(f)
    return w.counts

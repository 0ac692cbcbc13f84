"""The SEC Insider Transactions Data Sets -> Filings. Pure: bytes of the eight TSVs in, Filings out.

A quarterly zip (``2023q1_form345.zip``) holds SUBMISSION.tsv, REPORTINGOWNER.tsv, NONDERIV_TRANS.tsv,
NONDERIV_HOLDING.tsv, DERIV_TRANS.tsv, DERIV_HOLDING.tsv, FOOTNOTES.tsv and OWNER_SIGNATURE.tsv. Headers
are matched case-insensitively (their spelling drifted over the years) and a column a quarter lacks
(AFF10B5ONE before 2023) reads as empty. Each filing's rows are put back in ``*_SK`` order.

A value that cannot be read (a date that is not a date) makes that filing fail with the file, line and
column; the other filings of the quarter are read.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from ..errors import ParseError
from ..model import (
    EMPTY,
    Address,
    Coding,
    DerivativeHolding,
    DerivativeTransaction,
    Filer,
    Filing,
    Footnote,
    Issuer,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Relationship,
    ReportingOwner,
    Signature,
    Source,
    Submission,
    Value,
)
from ..sec_dataset import TABLES, parse_date


class Row:
    """One TSV line: its cells as read, looked up by the SEC's column name (no dict per line, so a
    quarter with a million lines stays small in memory)."""

    __slots__ = ("cells", "index")

    def __init__(self, cells: list[str], index: dict[str, int]) -> None:
        self.cells = cells
        self.index = index

    def get(self, col: str, default: str = "") -> str:
        i = self.index.get(col)
        if i is None or i >= len(self.cells):
            return default
        return self.cells[i]


@dataclass
class _Cell:
    """Reads one row's cells, raising ParseError with the file, line and column on a bad value."""

    file: str
    line: int
    row: Row

    def text(self, col: str) -> str | None:
        v = self.row.get(col, "")
        return v if v != "" else None

    def _fail(self, col: str, what: str) -> ParseError:
        return ParseError(f"{what}: {self.row.get(col)!r}", source=self.file, line=self.line, where=col)

    def date(self, col: str) -> date | None:
        v = self.row.get(col, "").strip()
        if not v:
            return None
        try:
            return parse_date(v)
        except (ValueError, KeyError):
            raise self._fail(col, "not a date") from None

    def num(self, col: str) -> Decimal | None:
        v = self.row.get(col, "").strip()
        if not v:
            return None
        try:
            return Decimal(v)
        except InvalidOperation:
            raise self._fail(col, "not a number") from None

    def flag(self, col: str) -> bool | None:
        v = self.row.get(col, "").strip().lower()
        if not v:
            return None
        if v in ("1", "true", "y", "yes"):
            return True
        if v in ("0", "false", "n", "no"):
            return False
        raise self._fail(col, "not a flag (1/0)")

    def fns(self, col: str) -> tuple[str, ...]:
        v = self.row.get(col, "")
        return tuple(x.strip() for x in v.split(",") if x.strip()) if v else ()

    def value(self, col: str, fn_col: str, read: Callable[[str], Any]) -> Value[Any]:
        v = read(col)
        fns = self.fns(fn_col)
        return Value(v, fns) if (v is not None or fns) else EMPTY  # the shared empty value


def _read_table(name: str, stream: IO[str], file: str) -> dict[str, list[tuple[int, Row]]]:
    """Rows of one TSV grouped by accession number, each with its line number."""
    reader = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
    try:
        header = next(reader)
    except StopIteration:
        return {}
    by_upper = {h.strip().upper(): i for i, h in enumerate(header)}
    if "ACCESSION_NUMBER" not in by_upper:
        raise ParseError("no ACCESSION_NUMBER column in the header", source=file, line=1)
    index = {c: by_upper[c] for c in TABLES[name] if c in by_upper}
    acc_i = index["ACCESSION_NUMBER"]
    out: dict[str, list[tuple[int, Row]]] = defaultdict(list)
    for line, cells in enumerate(reader, 2):
        if not cells or cells == [""]:
            continue
        acc = cells[acc_i].strip() if acc_i < len(cells) else ""
        out[acc].append((line, Row(cells, index)))
    return out


def _sk(rows: list[tuple[int, Row]], col: str) -> list[tuple[int, Row]]:
    def key(item: tuple[int, Row]) -> tuple[int, int]:
        sk = item[1].get(col, "").strip()
        return (int(sk) if sk.isdigit() else 1 << 62, item[0])

    return sorted(rows, key=key)


def _coding(c: _Cell, form_col: str, code_col: str | None, swap_col: str | None, fn_col: str) -> Coding | None:
    form = c.text(form_col)
    code = c.text(code_col) if code_col else None
    swap = c.flag(swap_col) if swap_col else None
    fns = c.fns(fn_col)
    if form is None and code is None and swap is None and not fns:
        return None
    return Coding(form, code, swap, fns)


def _relationship(c: _Cell) -> Relationship:
    labels = {x.strip().lower() for x in (c.text("RPTOWNER_RELATIONSHIP") or "").split(",")}
    return Relationship(
        is_director="director" in labels,
        is_officer="officer" in labels,
        is_ten_percent_owner="tenpercentowner" in labels,
        is_other="other" in labels,
        officer_title=c.text("RPTOWNER_TITLE"),
        other_text=c.text("RPTOWNER_TXT"),
    )


class DatasetReader:
    """The eight tables of one quarter, read into memory, handing out one Filing per accession."""

    def __init__(self, tables: dict[str, dict[str, list[tuple[int, Row]]]], name: str) -> None:
        self.name = name
        self._t = {t: tables.get(t, {}) for t in TABLES}

    @classmethod
    def from_zip(cls, path: str | Path) -> DatasetReader:
        p = Path(path)
        tables = {}
        try:
            with zipfile.ZipFile(p) as z:
                names = {n.rsplit("/", 1)[-1].upper(): n for n in z.namelist()}
                for t in TABLES:
                    member = names.get(f"{t}.TSV")
                    if member is not None:
                        with z.open(member) as raw:
                            text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
                            tables[t] = _read_table(t, text, f"{p}!{t}.tsv")
        except (zipfile.BadZipFile, OSError) as e:
            raise ParseError(f"not a readable data-set zip: {e}", source=str(p)) from None
        if "SUBMISSION" not in tables:
            raise ParseError("no SUBMISSION.tsv: not an SEC insider transactions data set", source=str(p))
        return cls(tables, str(p))

    @classmethod
    def from_dir(cls, path: str | Path) -> DatasetReader:
        p = Path(path)
        files = {f.name.upper(): f for f in p.iterdir() if f.is_file()}
        tables = {}
        for t in TABLES:
            f = files.get(f"{t}.TSV")
            if f is not None:
                with open(f, encoding="utf-8", errors="replace", newline="") as fh:
                    tables[t] = _read_table(t, fh, f"{p}!{t}.tsv")
        if "SUBMISSION" not in tables:
            raise ParseError("no SUBMISSION.tsv: not an SEC insider transactions data set", source=str(p))
        return cls(tables, str(p))

    def orphans(self) -> list[tuple[str, str]]:
        """Rows whose accession has no SUBMISSION row (a broken line, a truncated file), as
        (file:line, reason): they belong to no filing, so they are reported instead of dropped."""
        subs = self._t["SUBMISSION"]
        out = []
        for t, groups in self._t.items():
            for acc, rows in groups.items():
                if acc not in subs:
                    for line, _ in rows:
                        out.append((f"{self.name}!{t}.tsv:{line}", f"accession {acc[:40]!r} has no SUBMISSION row"))
        return out

    def accessions(self) -> list[str]:
        return list(self._t["SUBMISSION"])

    def part(self, accessions: list[str]) -> DatasetReader:
        """A reader of only these filings (small enough to hand to a worker process)."""
        tables = {t: {a: rows[a] for a in accessions if a in rows} for t, rows in self._t.items()}
        return DatasetReader(tables, self.name)

    def __len__(self) -> int:
        return len(self._t["SUBMISSION"])

    def filings(self) -> Iterator[Filing | ParseError]:
        """Each filing of the quarter, or the ParseError that kept it from being read."""
        for acc in self._t["SUBMISSION"]:
            try:
                yield self.filing(acc)
            except ParseError as e:
                yield e

    def _cells(self, table: str, acc: str, sk: str | None = None) -> list[_Cell]:
        rows = self._t[table].get(acc, [])
        if sk:
            rows = _sk(rows, sk)
        return [_Cell(f"{self.name}!{table}.tsv", line, row) for line, row in rows]

    def filing(self, acc: str) -> Filing:
        subs = self._cells("SUBMISSION", acc)
        if not subs:
            raise ParseError(f"no SUBMISSION row for {acc}", source=f"{self.name}!SUBMISSION.tsv")
        if len(subs) > 1:
            lines = ", ".join(str(c.line) for c in subs)
            raise ParseError(
                f"accession {acc} has {len(subs)} SUBMISSION rows (lines {lines}): its rows cannot be told apart",
                source=subs[0].file,
                line=subs[1].line,
            )
        s = subs[0]
        owners = []
        filers = []
        for c in self._cells("REPORTINGOWNER", acc):
            addr_cols = ("RPTOWNER_STREET1", "RPTOWNER_STREET2", "RPTOWNER_CITY", "RPTOWNER_STATE",
                         "RPTOWNER_ZIPCODE", "RPTOWNER_STATE_DESC")  # fmt: skip
            address = None
            if any(c.text(col) is not None for col in addr_cols):
                street1, street2, city, state, zip_code, state_desc = (c.text(col) for col in addr_cols)
                address = Address(street1, street2, city, state, zip_code, state_desc)
            cik = c.text("RPTOWNERCIK")
            owners.append(ReportingOwner(cik, c.text("RPTOWNERNAME"), None, address, _relationship(c)))
            filers.append(
                Filer("reporting-owner", cik=cik, name=c.text("RPTOWNERNAME"), file_number=c.text("FILE_NUMBER"))
            )
        ndt = [
            NonDerivativeTransaction(
                security_title=c.value("SECURITY_TITLE", "SECURITY_TITLE_FN", c.text),
                transaction_date=c.value("TRANS_DATE", "TRANS_DATE_FN", c.date),
                deemed_execution_date=c.value("DEEMED_EXECUTION_DATE", "DEEMED_EXECUTION_DATE_FN", c.date),
                coding=_coding(c, "TRANS_FORM_TYPE", "TRANS_CODE", "EQUITY_SWAP_INVOLVED", "EQUITY_SWAP_TRANS_CD_FN"),
                timeliness=c.value("TRANS_TIMELINESS", "TRANS_TIMELINESS_FN", c.text),
                shares=c.value("TRANS_SHARES", "TRANS_SHARES_FN", c.num),
                price_per_share=c.value("TRANS_PRICEPERSHARE", "TRANS_PRICEPERSHARE_FN", c.num),
                acquired_disposed=c.value("TRANS_ACQUIRED_DISP_CD", "TRANS_ACQUIRED_DISP_CD_FN", c.text),
                shares_owned_after=c.value("SHRS_OWND_FOLWNG_TRANS", "SHRS_OWND_FOLWNG_TRANS_FN", c.num),
                value_owned_after=c.value("VALU_OWND_FOLWNG_TRANS", "VALU_OWND_FOLWNG_TRANS_FN", c.num),
                direct_indirect=c.value("DIRECT_INDIRECT_OWNERSHIP", "DIRECT_INDIRECT_OWNERSHIP_FN", c.text),
                nature_of_ownership=c.value("NATURE_OF_OWNERSHIP", "NATURE_OF_OWNERSHIP_FN", c.text),
            )
            for c in self._cells("NONDERIV_TRANS", acc, "NONDERIV_TRANS_SK")
        ]
        ndh = [
            NonDerivativeHolding(
                security_title=c.value("SECURITY_TITLE", "SECURITY_TITLE_FN", c.text),
                coding=_coding(c, "TRANS_FORM_TYPE", None, None, "TRANS_FORM_TYPE_FN"),
                shares_owned_after=c.value("SHRS_OWND_FOLWNG_TRANS", "SHRS_OWND_FOLWNG_TRANS_FN", c.num),
                value_owned_after=c.value("VALU_OWND_FOLWNG_TRANS", "VALU_OWND_FOLWNG_TRANS_FN", c.num),
                direct_indirect=c.value("DIRECT_INDIRECT_OWNERSHIP", "DIRECT_INDIRECT_OWNERSHIP_FN", c.text),
                nature_of_ownership=c.value("NATURE_OF_OWNERSHIP", "NATURE_OF_OWNERSHIP_FN", c.text),
            )
            for c in self._cells("NONDERIV_HOLDING", acc, "NONDERIV_HOLDING_SK")
        ]
        dt = [
            DerivativeTransaction(
                security_title=c.value("SECURITY_TITLE", "SECURITY_TITLE_FN", c.text),
                conversion_or_exercise_price=c.value("CONV_EXERCISE_PRICE", "CONV_EXERCISE_PRICE_FN", c.num),
                transaction_date=c.value("TRANS_DATE", "TRANS_DATE_FN", c.date),
                deemed_execution_date=c.value("DEEMED_EXECUTION_DATE", "DEEMED_EXECUTION_DATE_FN", c.date),
                coding=_coding(c, "TRANS_FORM_TYPE", "TRANS_CODE", "EQUITY_SWAP_INVOLVED", "EQUITY_SWAP_TRANS_CD_FN"),
                timeliness=c.value("TRANS_TIMELINESS", "TRANS_TIMELINESS_FN", c.text),
                shares=c.value("TRANS_SHARES", "TRANS_SHARES_FN", c.num),
                total_value=c.value("TRANS_TOTAL_VALUE", "TRANS_TOTAL_VALUE_FN", c.num),
                price_per_share=c.value("TRANS_PRICEPERSHARE", "TRANS_PRICEPERSHARE_FN", c.num),
                acquired_disposed=c.value("TRANS_ACQUIRED_DISP_CD", "TRANS_ACQUIRED_DISP_CD_FN", c.text),
                exercise_date=c.value("EXCERCISE_DATE", "EXCERCISE_DATE_FN", c.date),
                expiration_date=c.value("EXPIRATION_DATE", "EXPIRATION_DATE_FN", c.date),
                underlying_title=c.value("UNDLYNG_SEC_TITLE", "UNDLYNG_SEC_TITLE_FN", c.text),
                underlying_shares=c.value("UNDLYNG_SEC_SHARES", "UNDLYNG_SEC_SHARES_FN", c.num),
                underlying_value=c.value("UNDLYNG_SEC_VALUE", "UNDLYNG_SEC_VALUE_FN", c.num),
                shares_owned_after=c.value("SHRS_OWND_FOLWNG_TRANS", "SHRS_OWND_FOLWNG_TRANS_FN", c.num),
                value_owned_after=c.value("VALU_OWND_FOLWNG_TRANS", "VALU_OWND_FOLWNG_TRANS_FN", c.num),
                direct_indirect=c.value("DIRECT_INDIRECT_OWNERSHIP", "DIRECT_INDIRECT_OWNERSHIP_FN", c.text),
                nature_of_ownership=c.value("NATURE_OF_OWNERSHIP", "NATURE_OF_OWNERSHIP_FN", c.text),
            )
            for c in self._cells("DERIV_TRANS", acc, "DERIV_TRANS_SK")
        ]
        dh = [
            DerivativeHolding(
                security_title=c.value("SECURITY_TITLE", "SECURITY_TITLE_FN", c.text),
                conversion_or_exercise_price=c.value("CONV_EXERCISE_PRICE", "CONV_EXERCISE_PRICE_FN", c.num),
                coding=_coding(c, "TRANS_FORM_TYPE", None, None, "TRANS_FORM_TYPE_FN"),
                exercise_date=c.value("EXERCISE_DATE", "EXERCISE_DATE_FN", c.date),
                expiration_date=c.value("EXPIRATION_DATE", "EXPIRATION_DATE_FN", c.date),
                underlying_title=c.value("UNDLYNG_SEC_TITLE", "UNDLYNG_SEC_TITLE_FN", c.text),
                underlying_shares=c.value("UNDLYNG_SEC_SHARES", "UNDLYNG_SEC_SHARES_FN", c.num),
                underlying_value=c.value("UNDLYNG_SEC_VALUE", "UNDLYNG_SEC_VALUE_FN", c.num),
                shares_owned_after=c.value("SHRS_OWND_FOLWNG_TRANS", "SHRS_OWND_FOLWNG_TRANS_FN", c.num),
                value_owned_after=c.value("VALU_OWND_FOLWNG_TRANS", "VALU_OWND_FOLWNG_TRANS_FN", c.num),
                direct_indirect=c.value("DIRECT_INDIRECT_OWNERSHIP", "DIRECT_INDIRECT_OWNERSHIP_FN", c.text),
                nature_of_ownership=c.value("NATURE_OF_OWNERSHIP", "NATURE_OF_OWNERSHIP_FN", c.text),
            )
            for c in self._cells("DERIV_HOLDING", acc, "DERIV_HOLDING_SK")
        ]
        footnotes = [
            Footnote(c.text("FOOTNOTE_ID") or "", c.row.get("FOOTNOTE_TXT", "")) for c in self._cells("FOOTNOTES", acc)
        ]
        signatures = [
            Signature(c.text("OWNERSIGNATURENAME"), c.date("OWNERSIGNATUREDATE"))
            for c in self._cells("OWNER_SIGNATURE", acc)
        ]
        issuer_cik = s.text("ISSUERCIK")
        period = s.date("PERIOD_OF_REPORT")
        submission = Submission(
            accession_number=acc,
            submission_type=s.text("DOCUMENT_TYPE"),
            filing_date=s.date("FILING_DATE"),
            period_of_report=period,
            filers=(*filers, Filer("issuer", cik=issuer_cik, name=s.text("ISSUERNAME"))),
        )
        return Filing(
            document_type=s.text("DOCUMENT_TYPE") or "",
            period_of_report=period,
            issuer=Issuer(issuer_cik or "", s.text("ISSUERNAME"), s.text("ISSUERTRADINGSYMBOL")),
            reporting_owners=tuple(owners),
            date_of_original_submission=s.date("DATE_OF_ORIG_SUB"),
            no_securities_owned=s.flag("NO_SECURITIES_OWNED"),
            not_subject_to_section16=s.flag("NOT_SUBJECT_SEC16"),
            form3_holdings_reported=s.flag("FORM3_HOLDINGS_REPORTED"),
            form4_transactions_reported=s.flag("FORM4_TRANS_REPORTED"),
            aff10b5one=s.flag("AFF10B5ONE"),
            non_derivative_transactions=tuple(ndt),
            non_derivative_holdings=tuple(ndh),
            derivative_transactions=tuple(dt),
            derivative_holdings=tuple(dh),
            footnotes=tuple(footnotes),
            remarks=s.text("REMARKS"),
            signatures=tuple(signatures),
            submission=submission,
            source=Source(f"{self.name}!{acc}", "dataset"),
        )

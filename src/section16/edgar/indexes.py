"""EDGAR's daily and quarterly indexes: where they are, how to read them, one entry per accession.

Three layouts (../shared/spec/SPEC.md section 4): ``form.idx`` and ``company.idx`` are fixed-width,
``master.idx`` is pipe-delimited. Each starts with a free-text header ending in a rule of dashes.
Dates are ``YYYYMMDD`` in daily indexes and ``YYYY-MM-DD`` in quarterly ones. A filing with several
filers (an issuer and each reporting owner) is listed once per filer CIK under one accession number;
:func:`dedupe` folds those lines into one :class:`Listing`.

Reading is pure (bytes in, entries out); fetching goes through :class:`~.client.EdgarClient`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..errors import ParseError
from .client import EdgarClient

IndexKind = Literal["form", "company", "master"]

#: Form types of Section 16 reports, by the base form the user asks for.
OWNERSHIP_FORMS = {"3": ("3", "3/A"), "4": ("4", "4/A"), "5": ("5", "5/A")}

_FILE_RE = re.compile(r"^edgar/data/(\d+)/(\d{10}-\d{2}-\d{6})\.txt$")
_DATE_RE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One line of an index."""

    form_type: str
    company_name: str
    cik: str
    date_filed: date
    file_name: str

    @property
    def accession(self) -> str:
        m = _FILE_RE.match(self.file_name)
        return m.group(2) if m else self.file_name.rsplit("/", 1)[-1].removesuffix(".txt")


@dataclass(frozen=True, slots=True)
class Listing:
    """One filing as the index lists it, with every CIK it is listed under (issuer and owners)."""

    accession: str
    form_type: str
    date_filed: date
    ciks: tuple[str, ...]
    names: tuple[str, ...]

    @property
    def path(self) -> str:
        """The full submission's path under the www base: ``Archives/edgar/data/{cik}/{acc-no-dashes}/{acc}.txt``."""
        return submission_path(self.ciks[0], self.accession)


def submission_path(cik: str, accession: str) -> str:
    return f"Archives/edgar/data/{int(cik)}/{accession.replace('-', '')}/{accession}.txt"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def daily_index_path(day: date, kind: IndexKind = "form") -> str:
    return f"Archives/edgar/daily-index/{day.year}/QTR{quarter_of(day)}/{kind}.{day:%Y%m%d}.idx"


def full_index_path(year: int, quarter: int, kind: IndexKind = "form") -> str:
    return f"Archives/edgar/full-index/{year}/QTR{quarter}/{kind}.idx"


def forms_wanted(forms: Iterable[str]) -> frozenset[str]:
    """``["3", "4"]`` -> the form types to keep (``3, 3/A, 4, 4/A``); unknown forms are an error."""
    out: set[str] = set()
    for f in forms:
        f = f.strip().upper()
        base = f.removesuffix("/A")
        if base not in OWNERSHIP_FORMS:
            raise ValueError(f"not a Section 16 form: {f!r} (use 3, 4 or 5)")
        out.update(OWNERSHIP_FORMS[base] if f == base else (f,))
    return frozenset(out)


# -- reading ---------------------------------------------------------------------------------------


def _date(text: str, source: str, line: int) -> date:
    m = _DATE_RE.match(text)
    if not m:
        raise ParseError(f"not a date: {text!r}", source=source, line=line)
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ParseError(f"not a date: {text!r}", source=source, line=line) from None


def _body_lines(data: bytes, source: str) -> Iterator[tuple[int, str]]:
    """The entry lines after the header's rule of dashes, with 1-based line numbers."""
    text = data.decode("latin-1")  # EDGAR indexes are ASCII; latin-1 never fails on stray bytes
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("---") and set(line.strip()) == {"-"}:
            start = i + 1
            break
    else:
        raise ParseError("not an EDGAR index: no rule of dashes ends the header", source=source, line=1)
    for n in range(start, len(lines)):
        if lines[n].strip():
            yield n + 1, lines[n]


def _fixed_width(line: str, kind: IndexKind, source: str, n: int) -> IndexEntry:
    # Read the three right-hand fields by splitting from the right: a name longer than its column
    # pushes the rest along, but CIK, date and file name never hold spaces.
    parts = line.rstrip().rsplit(None, 3)
    if len(parts) != 4 or not _FILE_RE.match(parts[3]):
        raise ParseError(f"not an index entry: {line.strip()!r}", source=source, line=n)
    rest, cik, day, file_name = parts
    if not cik.isdigit():
        raise ParseError(f"CIK is not a number: {cik!r}", source=source, line=n)
    if kind == "form":
        form, name = rest[:12].strip(), rest[12:].strip()
        if len(rest) > 12 and rest[11] != " ":  # a form type longer than its column
            form, _, name = rest.partition("  ")
    else:
        name, form = rest[:62].strip(), rest[62:].strip()
        if len(rest) > 62 and rest[61] != " ":
            name, _, form = rest.rstrip().rpartition("  ")
    if not form:
        raise ParseError(f"no form type in {line.strip()!r}", source=source, line=n)
    return IndexEntry(form.strip(), name.strip(), cik.lstrip("0") or "0", _date(day, source, n), file_name)


def _pipe(line: str, source: str, n: int) -> IndexEntry:
    parts = line.split("|")
    if len(parts) != 5 or not _FILE_RE.match(parts[4].strip()):
        raise ParseError(f"not a master.idx entry: {line.strip()!r}", source=source, line=n)
    cik, name, form, day, file_name = (p.strip() for p in parts)
    if not cik.isdigit():
        raise ParseError(f"CIK is not a number: {cik!r}", source=source, line=n)
    return IndexEntry(form, name, cik.lstrip("0") or "0", _date(day, source, n), file_name)


def parse_index(data: bytes, kind: IndexKind, source: str = "<index>") -> list[IndexEntry]:
    """Every entry of a ``form``, ``company`` or ``master`` index (daily or quarterly)."""
    out = []
    for n, line in _body_lines(data, source):
        out.append(_pipe(line, source, n) if kind == "master" else _fixed_width(line, kind, source, n))
    return out


def dedupe(entries: Iterable[IndexEntry], forms: frozenset[str] | None = None) -> list[Listing]:
    """One :class:`Listing` per accession, in first-seen order, keeping only ``forms`` when given."""
    seen: dict[str, tuple[IndexEntry, list[str], list[str]]] = {}
    for e in entries:
        if forms is not None and e.form_type.upper() not in forms:
            continue
        acc = e.accession
        got = seen.get(acc)
        if got is None:
            seen[acc] = (e, [e.cik], [e.company_name])
        elif e.cik not in got[1]:
            got[1].append(e.cik)
            got[2].append(e.company_name)
    return [
        Listing(acc, e.form_type, e.date_filed, tuple(ciks), tuple(names)) for acc, (e, ciks, names) in seen.items()
    ]


# -- fetching --------------------------------------------------------------------------------------


def _looks_complete(data: bytes) -> bool:
    # An index cut short mid-line would lose the filings after the cut; a complete one ends with a newline.
    return data.endswith(b"\n") and b"---" in data


def fetch_daily_index(client: EdgarClient, day: date, kind: IndexKind = "form") -> list[IndexEntry] | None:
    """The entries of one day's index, or ``None`` when EDGAR has none for that day (weekend, holiday,
    not yet published: EDGAR answers 403 AccessDenied)."""
    url = client.www(daily_index_path(day, kind))
    data = client.get(url, missing_ok=True, validate=_looks_complete)
    return None if data is None else parse_index(data, kind, url)


def fetch_full_index(client: EdgarClient, year: int, quarter: int, kind: IndexKind = "form") -> list[IndexEntry]:
    """The entries of a quarter's full index."""
    url = client.www(full_index_path(year, quarter, kind))
    data = client.get(url, validate=_looks_complete)
    assert data is not None  # not missing_ok: a missing quarter raises EdgarError
    return parse_index(data, kind, url)

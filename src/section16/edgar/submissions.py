"""The submissions JSON of one CIK (``data.sec.gov/submissions/CIK##########.json``), older pages too.

``filings.recent`` holds parallel arrays (accession numbers, dates, forms, primary documents...); when a
CIK has more filings than fit, ``filings.files`` names older pages
(``CIK##########-submissions-NNN.json``) whose top level is the same set of parallel arrays.
For ownership filings ``primaryDocument`` points at the rendered page ``xslF345X0n/<name>.xml``; the raw
XML is the same name without that folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ParseError
from .client import EdgarClient

_XSL_PREFIX = re.compile(r"^xslF345X\d\d/")


@dataclass(frozen=True, slots=True)
class FilingRef:
    """One filing of a CIK's submissions list."""

    cik: str
    accession: str
    form: str
    filing_date: date | None
    report_date: date | None = None
    acceptance: str | None = None
    primary_document: str | None = None

    @property
    def xml_document(self) -> str | None:
        """The raw ownership XML's file name (the primary document without the ``xslF345X0n/`` folder)."""
        if not self.primary_document:
            return None
        return _XSL_PREFIX.sub("", self.primary_document)


@dataclass(frozen=True, slots=True)
class CompanySubmissions:
    cik: str
    name: str | None
    tickers: tuple[str, ...]
    filings: tuple[FilingRef, ...]
    #: File names of the older pages.
    older_pages: tuple[str, ...]


def submissions_path(cik: str | int) -> str:
    return f"submissions/CIK{int(cik):010d}.json"


def _date(text: object) -> date | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _refs(cik: str, arrays: Mapping[str, Any], source: str) -> list[FilingRef]:
    acc = arrays.get("accessionNumber")
    if not isinstance(acc, list):
        raise ParseError("no accessionNumber array", source=source, where="filings")
    n = len(acc)

    def col(name: str) -> list[Any]:
        values = arrays.get(name)
        if values is None:
            return [None] * n
        if not isinstance(values, list) or len(values) != n:
            raise ParseError(f"{name} is not an array as long as accessionNumber ({n})", source=source, where=name)
        return values

    forms, filed, reported = col("form"), col("filingDate"), col("reportDate")
    accepted, primary = col("acceptanceDateTime"), col("primaryDocument")
    return [
        FilingRef(
            cik=cik,
            accession=str(acc[i]),
            form=str(forms[i] or ""),
            filing_date=_date(filed[i]),
            report_date=_date(reported[i]),
            acceptance=accepted[i] or None,
            primary_document=primary[i] or None,
        )
        for i in range(n)
    ]


def _load(data: bytes, source: str) -> dict[str, Any]:
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ParseError(f"not JSON: {e}", source=source) from None
    if not isinstance(doc, dict):
        raise ParseError("not a submissions object", source=source)
    return doc


def parse_submissions(data: bytes, source: str = "<submissions>") -> CompanySubmissions:
    """Read the main submissions file of a CIK."""
    doc = _load(data, source)
    cik = str(doc.get("cik", "")).lstrip("0") or "0"
    filings = doc.get("filings")
    if not isinstance(filings, dict) or not isinstance(filings.get("recent"), dict):
        raise ParseError("no filings.recent object", source=source, where="filings")
    pages = tuple(str(f["name"]) for f in filings.get("files") or () if isinstance(f, dict) and f.get("name"))
    return CompanySubmissions(
        cik=cik,
        name=doc.get("name"),
        tickers=tuple(str(t) for t in doc.get("tickers") or ()),
        filings=tuple(_refs(cik, filings["recent"], source)),
        older_pages=pages,
    )


def parse_submissions_page(data: bytes, cik: str, source: str = "<submissions page>") -> list[FilingRef]:
    """Read one older page (its top level is the parallel arrays)."""
    return _refs(cik, _load(data, source), source)


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False  # cut short: retried by the client
    return True


def fetch_submissions(
    client: EdgarClient, cik: str | int, *, older: bool = True, forms: Iterable[str] | None = None
) -> CompanySubmissions:
    """A CIK's submissions with the older pages folded in; only ``forms`` (exact form types) when given."""
    url = client.data(submissions_path(cik))
    data = client.get(url, validate=_is_json)
    assert data is not None
    main = parse_submissions(data, url)
    refs = list(main.filings)
    if older:
        for page in main.older_pages:
            page_url = client.data(f"submissions/{page}")
            page_data = client.get(page_url, validate=_is_json)
            assert page_data is not None
            refs.extend(parse_submissions_page(page_data, main.cik, page_url))
    if forms is not None:
        keep = {f.upper() for f in forms}
        refs = [r for r in refs if r.form.upper() in keep]
    first: dict[str, FilingRef] = {}
    for r in refs:
        first.setdefault(r.accession, r)
    unique = list(first.values())
    return CompanySubmissions(main.cik, main.name, main.tickers, tuple(unique), main.older_pages)

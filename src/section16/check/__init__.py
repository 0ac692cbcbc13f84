"""Rules -> Findings: what EDGAR would refuse in a Form 3/4/5, and what is likely wrong.

::

    import section16
    from section16.check import check, check_xml

    findings = check_xml(open("form4.xml", "rb").read())      # the XSD runs on the bytes as filed
    findings = check(section16.parse("form4.xml"))            # same, the source file is re-read for the XSD
    findings = check(filing, xsd=False)                       # business rules only: pure and fast

A check never raises on a bad filing: every problem is a :class:`Finding` (code, severity, where, message).
The rules and their codes are listed in :data:`RULES` and in ``docs/checks.md``.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

from ..errors import ParseError, Section16Error
from ..model import Filing
from ..read import parse_bytes
from ..read.submission import OWNERSHIP_TYPES, read_envelope
from .deadlines import check_deadlines, check_deemed_dates
from .findings import RULES, Finding, Rule, Severity, finding, has_errors, sort_findings
from .rollforward import check_rollforward
from .rules_footnotes import check_footnotes
from .rules_form import check_10b5_1, check_dates, check_document, check_form
from .rules_owners import check_issuer, check_owners, check_signatures
from .rules_rows import check_limits, check_rows
from .schema import validate_xml
from .walk import rows_at


def check_rules(filing: Filing, *, filing_date: date | None = None) -> list[Finding]:
    """Every rule beyond the XSD, in document order (a pure function of the Filing)."""
    rows = rows_at(filing)
    filed = filing_date or (filing.submission.filing_date if filing.submission else None)
    out = check_document(filing)
    out += check_issuer(filing)
    out += check_owners(filing)
    out += check_signatures(filing)
    out += check_footnotes(filing, rows)
    out += check_limits(filing)
    out += check_rows(filing, rows)
    out += check_form(filing)
    out += check_dates(filing, rows, filed)
    out += check_10b5_1(filing)
    out += check_rollforward(filing)
    out += check_deemed_dates(rows)
    out += check_deadlines(filing, rows, filed)
    return out


def check(
    filing: Filing, *, xsd: bool = True, filing_date: date | None = None, xml: bytes | None = None
) -> list[Finding]:
    """Check one Filing: the XSD of its form and era (when ``xsd``), then every business rule.

    The XSD needs XML: ``xml`` when given (the original bytes), else the file the Filing was read from
    (``filing.source.path``, for XML and submission sources), else the XML writer's output. Findings come
    sorted: errors, warnings, info. ``filing_date`` overrides the submission header's filing date.
    """
    out: list[Finding] = []
    if xsd:
        data = xml if xml is not None else _original_xml(filing)
        if data is None:
            data = _written_xml(filing)
        if data is None:
            out.append(finding("S16-I001", "ownershipDocument", "no XML to validate; the XSD was not run"))
        else:
            out += validate_xml(data)
    out += check_rules(filing, filing_date=filing_date)
    return sort_findings(out)


def check_xml(
    data: bytes, *, source: str | None = None, xsd: bool = True, filing_date: date | None = None
) -> list[Finding]:
    """Check a document given as bytes: ownership XML or a full EDGAR submission (.txt/.nc)."""
    try:
        filing = parse_bytes(data, source)
    except ParseError as e:
        return [finding("S16-E002", e.where or "ownershipDocument", e.message)]
    xml = ownership_xml(data, filing) if xsd else None
    return check(filing, xsd=xsd, filing_date=filing_date, xml=xml)


def ownership_xml(data: bytes, filing: Filing) -> bytes | None:
    """The ownershipDocument bytes inside ``data``: all of it for XML, the form's <XML> for a submission."""
    if filing.source.format == "xml":
        return data
    if filing.source.format != "submission":
        return None
    _, spans, _ = read_envelope(data, filing.source.path or "<bytes>")
    typed = [(x0, x1) for t, x0, x1 in spans if x0 >= 0 and (t or "").upper() in OWNERSHIP_TYPES]
    anyxml = [(x0, x1) for _, x0, x1 in spans if x0 >= 0 and b"<ownershipDocument" in data[x0:x1]]
    for x0, x1 in typed or anyxml:
        return data[x0:x1]
    return None


def _original_xml(filing: Filing) -> bytes | None:
    # The one read from disk in this package: the Filing only remembers where it came from.
    path = filing.source.path
    if not path or filing.source.format not in ("xml", "submission"):
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return ownership_xml(data, filing)


def _written_xml(filing: Filing) -> bytes | None:
    try:
        writer = importlib.import_module("section16.write.xml")
    except ImportError:
        return None
    to_xml = getattr(writer, "to_xml", None)
    if to_xml is None:
        return None
    try:
        data: bytes = to_xml(filing)
    except Section16Error:
        return None  # the writer cannot hold some value; the business rules say which
    return data


__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "check",
    "check_rules",
    "check_xml",
    "has_errors",
    "ownership_xml",
]

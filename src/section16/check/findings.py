"""What a check reports: the :class:`Finding`, and the registry of every rule with its stable code.

A code never changes meaning once released: ``S16-E…`` are errors (EDGAR would suspend the filing),
``S16-W…`` warnings (likely wrong, EDGAR accepts it), ``S16-I…`` information. The registry is the one
place that ties a code to its severity, so a rule cannot report a code with the wrong severity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

#: Sort order for reports: errors first.
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found: ``code``, ``severity``, ``where`` (a field path) and a plain message.

    ``where`` names the element as the XML does, with 1-based row numbers per element name, e.g.
    ``nonDerivativeTransaction[2].transactionPricePerShare`` or ``reportingOwner[1]``.
    """

    code: str
    severity: Severity
    where: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "severity": self.severity, "where": self.where, "message": self.message}

    def __str__(self) -> str:
        return f"{self.code} {self.severity} {self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's stable code, severity, one-line title and where the rule comes from."""

    code: str
    severity: Severity
    title: str
    source: str


_T = "EDGAR Ownership XML Technical Specification v5.5"
_FORM = "Form 3/4/5 instructions (SPEC.md §3, [K])"

_RULE_LIST: tuple[Rule, ...] = (
    # -- the document as XML ------------------------------------------------------------------------
    Rule("S16-E001", "error", "violates the XSD of its form and schema version", f"{_T} §4.3, §5"),
    Rule("S16-E002", "error", "not well-formed XML, or not an ownershipDocument", f"{_T} §5"),
    Rule("S16-E003", "error", "contains a processing instruction (e.g. xml-stylesheet)", f"{_T} §5"),
    Rule("S16-E004", "error", "contains an element the schema does not define", f"{_T} §5"),
    Rule("S16-E005", "error", "document type is not 3, 3/A, 4, 4/A, 5 or 5/A", f"{_T} §3.5, §4.3"),
    Rule("S16-E006", "error", "period of report missing", f"{_T} §3.5"),
    # -- issuer, owners, signatures -------------------------------------------------------------------
    Rule("S16-E010", "error", "issuer CIK missing or not 1-10 digits", f"{_T} §4.3.1, §5"),
    Rule("S16-E011", "error", "issuer trading symbol missing", f"{_T} §4.3.1"),
    Rule("S16-E012", "error", "no reporting owner, or more than 10", f"{_T} §3.5, §5"),
    Rule("S16-E013", "error", "reporting owner CIK missing or not 1-10 digits", f"{_T} §4.3.2, §5"),
    Rule("S16-E014", "error", "the same reporting owner CIK twice", f"{_T} §4.3.2, §5"),
    Rule("S16-E015", "error", "reporting owner with no relationship box checked", f"{_T} §3.3 cm(1)"),
    Rule("S16-E016", "error", "officer without an officer title", f"{_T} §3.3 cm(2)"),
    Rule("S16-E017", "error", "'other' relationship without its text", f"{_T} §3.3 cm(3)"),
    Rule("S16-E018", "error", "no signature, or more than 10", f"{_T} §3.5, §4.3.7"),
    # -- footnotes -----------------------------------------------------------------------------------
    Rule("S16-E020", "error", "footnote id not F1..F99 (F01, f3, 1 are refused)", f"{_T} §4.3.5, §5"),
    Rule("S16-E021", "error", "two footnotes with the same id", f"{_T} §4.3.5, §5"),
    Rule("S16-E022", "error", "footnote never referenced", f"{_T} §5"),
    Rule("S16-E023", "error", "reference to a footnote that does not exist", f"{_T} §4.3.6 (IDREF)"),
    Rule("S16-E024", "error", "one field cites the same footnote twice", f"{_T} §4.3.6, §5"),
    Rule("S16-E025", "error", "more than 99 footnotes", f"{_T} §4.3.5"),
    # -- table rows ----------------------------------------------------------------------------------
    Rule("S16-E030", "error", "more than 30 rows in a table or 60 in all", f"{_T} §3.3 (*), §5"),
    Rule("S16-E031", "error", "a mandatory row field is missing", f"{_T} §3.5"),
    Rule("S16-E032", "error", "a value-or-footnote field has neither", f"{_T} §3.3 cm(8)"),
    Rule("S16-E033", "error", "both or neither of a pair that needs exactly one", f"{_T} §3.3 cm(4), cm(6), cm(7)"),
    Rule("S16-E034", "error", "direct ownership (D) with a nature of ownership", f"{_T} §3.3 cm(5), §5"),
    Rule("S16-E035", "error", "indirect ownership (I) without a nature of ownership", f"{_T} §3.3 cm(5)"),
    Rule("S16-E036", "error", "a value outside its choice list (code, A/D, D/I, form type, E/L)", f"{_T} §3.6, §5"),
    Rule("S16-E037", "error", "timeliness does not fit the transaction's form type", f"{_T} §4.3.8.2-3"),
    Rule("S16-E038", "error", "a holding carries transaction coding its form does not allow", f"{_T} §4.3.8"),
    Rule("S16-E039", "error", "a number is negative or beyond 999999999999.9999", f"{_T} §3.2"),
    # -- the form as a whole -------------------------------------------------------------------------
    Rule("S16-E040", "error", "Form 4/5 with no rows and not marked 'no longer subject'", f"{_T} §4.3.3"),
    Rule("S16-E041", "error", "amendment without the date the original was filed", f"{_T} §3.5"),
    Rule("S16-E042", "error", "Form 3 reports transactions (holdings only)", f"{_T} §3.5, §4.3.8.1"),
    Rule("S16-E043", "error", "Form 4/5 of schema X0407 or later without the Rule 10b5-1 box", f"{_T} §3.5"),
    # -- warnings: reading ---------------------------------------------------------------------------
    Rule("S16-W001", "warning", "a value could not be read as its type (kept as text)", f"{_T} §3.2"),
    # -- warnings: dates -----------------------------------------------------------------------------
    Rule("S16-W010", "warning", "period of report is not the earliest transaction date", _FORM),
    Rule("S16-W011", "warning", "a date lies after the filing date", _FORM),
    Rule("S16-W012", "warning", "signed before the last transaction took place", _FORM),
    Rule("S16-W013", "warning", "date of original submission after the amendment's filing date", _FORM),
    # -- warnings: codes -----------------------------------------------------------------------------
    Rule("S16-W020", "warning", "transaction code does not fit acquired/disposed", _FORM),
    Rule("S16-W021", "warning", "transaction code does not fit the table", _FORM),
    Rule("S16-W022", "warning", "code J (other) without an explaining footnote", _FORM),
    Rule("S16-W023", "warning", "purchase or sale with no price and no footnote", _FORM),
    Rule("S16-W024", "warning", "timeliness set on an on-time Form 4 transaction", f"{_T} §4.3.8.2"),
    # -- warnings: derivatives -----------------------------------------------------------------------
    Rule("S16-W030", "warning", "exercisable after it expires", _FORM),
    Rule("S16-W031", "warning", "expired before the transaction (and code is not E or H)", _FORM),
    # -- warnings: form specifics --------------------------------------------------------------------
    Rule("S16-W040", "warning", "a footnote says Rule 10b5-1 plan but the 10b5-1 box is not checked", _FORM),
    Rule("S16-W041", "warning", "10b5-1 box checked but no footnote gives the plan's adoption date", _FORM),
    Rule("S16-W042", "warning", "Form 3 'no securities owned' with rows in the tables", f"{_T} §4.3"),
    Rule("S16-W043", "warning", "Form 5 holdings/transactions flags disagree with the rows", f"{_T} §4.3"),
    Rule("S16-W044", "warning", "the 10b5-1 box checked on a Form 3", _FORM),
    # -- warnings: roll-forward and deadlines --------------------------------------------------------
    Rule("S16-W050", "warning", "holdings do not roll forward from one row to the next", _FORM + ", SPEC.md §3"),
    Rule("S16-W060", "warning", "filed after the deadline", "Rule 16a-3(g); Form 3/5 instructions; SPEC.md §3"),
    Rule("S16-W061", "warning", "deemed execution date more than 3 business days after the trade", "Rule 16a-3(g)(2)"),
    Rule("S16-W062", "warning", "deemed execution date before the transaction date", "Rule 16a-3(g)(2)"),
    # -- information ---------------------------------------------------------------------------------
    Rule("S16-I001", "info", "XSD not run: no XML for this filing", "section16"),
    Rule("S16-I060", "info", "late, and the filer marked the row late (L)", f"{_T} §4.3.8.3"),
    Rule("S16-I070", "info", "joint filing with fewer signatures than owners", "Joint-filing instruction 4(b)(v)"),
)

RULES: dict[str, Rule] = {r.code: r for r in _RULE_LIST}


def finding(code: str, where: str, message: str) -> Finding:
    """A Finding of a registered rule; its severity comes from the registry."""
    return Finding(code, RULES[code].severity, where, message)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; stable within a severity (document order)."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])

"""Rules on the issuer, the reporting owners and the signatures (tech spec §3.3, §4.3.1-2, §4.3.7, §5)."""

from __future__ import annotations

import re

from ..model import Filing
from .findings import Finding, finding

_CIK_RE = re.compile(r"\d{1,10}")
MAX_OWNERS = 10
MAX_SIGNATURES = 10


def check_issuer(filing: Filing) -> list[Finding]:
    out: list[Finding] = []
    cik = (filing.issuer.cik or "").strip()
    if not _CIK_RE.fullmatch(cik):
        shown = f"'{cik}'" if cik else "missing"
        out.append(finding("S16-E010", "issuer.issuerCik", f"issuer CIK is {shown}; it must be 1 to 10 digits"))
    if not (filing.issuer.trading_symbol or "").strip():
        out.append(
            finding("S16-E011", "issuer.issuerTradingSymbol", "the issuer's trading symbol is missing (write NONE)")
        )
    return out


def check_owners(filing: Filing) -> list[Finding]:
    out: list[Finding] = []
    owners = filing.reporting_owners
    if not owners:
        out.append(finding("S16-E012", "reportingOwner", "the filing names no reporting owner"))
    elif len(owners) > MAX_OWNERS:
        out.append(
            finding("S16-E012", "reportingOwner", f"{len(owners)} reporting owners; EDGAR takes at most {MAX_OWNERS}")
        )
    seen: dict[str, int] = {}
    for i, owner in enumerate(owners, 1):
        where = f"reportingOwner[{i}]"
        cik = (owner.cik or "").strip()
        if not _CIK_RE.fullmatch(cik):
            shown = f"'{cik}'" if cik else "missing"
            out.append(
                finding("S16-E013", f"{where}.reportingOwnerId.rptOwnerCik", f"owner CIK is {shown}; need 1-10 digits")
            )
        else:
            key = cik.lstrip("0") or "0"
            if key in seen:
                out.append(
                    finding(
                        "S16-E014",
                        f"{where}.reportingOwnerId.rptOwnerCik",
                        f"owner CIK {cik} is already reportingOwner[{seen[key]}]; each owner may appear once",
                    )
                )
            else:
                seen[key] = i
        rel = owner.relationship
        rwhere = f"{where}.reportingOwnerRelationship"
        if not (rel.is_director or rel.is_officer or rel.is_ten_percent_owner or rel.is_other):
            out.append(
                finding("S16-E015", rwhere, "no relationship is checked (director, officer, 10% owner or other)")
            )
        if rel.is_officer and not (rel.officer_title or "").strip():
            out.append(finding("S16-E016", f"{rwhere}.officerTitle", "isOfficer is true but no officer title is given"))
        if rel.is_other and not (rel.other_text or "").strip():
            out.append(finding("S16-E017", f"{rwhere}.otherText", "isOther is true but the relationship is not named"))
    return out


def check_signatures(filing: Filing) -> list[Finding]:
    n = len(filing.signatures)
    if n == 0:
        return [finding("S16-E018", "ownerSignature", "the filing is not signed (no ownerSignature)")]
    if n > MAX_SIGNATURES:
        return [finding("S16-E018", "ownerSignature", f"{n} signatures; EDGAR takes at most {MAX_SIGNATURES}")]
    owners = len(filing.reporting_owners)
    if owners > 1 and n < owners:
        return [
            finding(
                "S16-I070",
                "ownerSignature",
                f"{owners} reporting owners but {n} signature(s); every joint filer should sign",
            )
        ]
    return []

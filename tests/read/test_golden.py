"""Golden JSON: the whole reading of chosen real filings, every field, checked by hand against the XML.

How they were checked: each golden was written by tests/golden/regenerate.py, then its non-empty fields
(``python tests/golden/regenerate.py --show NAME``) were compared one by one with the source XML (and for
the submission, its SGML header) by a person: every element's value, every footnoteId on it, every
footnote text, owner, address and flag; and that what the JSON leaves empty is absent or empty in the XML.
A change to a golden is a change in reading: check it the same way before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import section16
from section16.write.json import filing_from_dict, filing_to_dict

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DIR = ROOT / "tests" / "golden"

#: Golden name -> (fixture file, what it is there for).
GOLDEN: dict[str, tuple[str, str]] = {
    "form3-x0206": ("xml/0000100493-20-000092.xml", "Form 3, schema X0206, one holding"),
    "form3-no-securities": ("xml/0001127602-20-009851.xml", "Form 3 with noSecuritiesOwned"),
    "form3-joint-10-owners": ("xml/0000921895-20-001838.xml", "joint Form 3 of ten reporting owners"),
    "form4-x0202-2006": ("xml/0000019446-06-000081.xml", "Form 4, schema X0202 (2006), Table II only"),
    "form4-x0306": ("xml/0000320193-20-000011.xml", "Form 4, X0306, option exercise in both tables"),
    "form4-x0407-weighted": ("xml/0000929638-23-001482.xml", "X0407, aff10b5One unchecked, weighted-average price"),
    "form4-x0508-weighted": ("xml/0001104659-25-025206.xml", "X0508, weighted-average price ranges"),
    "form4-x0609": ("xml/0001104659-26-047678.xml", "X0609 (2026 schema) with a holding"),
    "form4a-x0609": ("xml/0000080424-26-000034.xml", "4/A with dateOfOriginalSubmission"),
    "form4-script-injected": ("xml/xml_deriv_and_nonderiv_b4b66eac.xml", "browser-injected <script> kept aside"),
    "form4-not-subject": ("xml/0000034088-26-000075.xml", "notSubjectToSection16 checked, no rows"),
    "form4-footnote-only-derivative": ("xml/0001158463-25-000044.xml", "derivative row: price and dates by footnote"),
    "form5-late-form3-holding": ("xml/0001209191-20-007476.xml", "Form 5 with a holding left off the Form 3"),
    "form5-x0306": ("xml/0000011544-20-000013.xml", "Form 5 with one Table I transaction"),
    "form4a-submission": ("txt/0001179110-20-004036.txt", "4/A as a full submission: header, filers, documents"),
    "form4-misplaced-elements": ("xml/form4_sample_161c5367.xml", "elements outside their schema place kept aside"),
}


def golden_source(name: str) -> str:
    return f"tests/fixtures/{GOLDEN[name][0]}"


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden(name: str) -> None:
    rel = golden_source(name)
    filing = section16.parse_bytes((ROOT / rel).read_bytes(), rel)
    expected = json.loads((GOLDEN_DIR / f"{name}.json").read_text(encoding="utf-8"))
    assert filing_to_dict(filing) == expected
    assert filing_from_dict(expected) == filing


def test_goldens_cover_what_the_issue_asks() -> None:
    filings = {n: filing_from_dict(json.loads((GOLDEN_DIR / f"{n}.json").read_text())) for n in GOLDEN}
    assert {f.form for f in filings.values()} == {"3", "4", "5"}
    assert any(f.is_amendment for f in filings.values())
    assert max(len(f.reporting_owners) for f in filings.values()) == 10
    assert any(f.unknown and f.unknown[0].where == "script" for f in filings.values())
    assert any(f.no_securities_owned for f in filings.values())
    assert any(f.not_subject_to_section16 for f in filings.values())
    assert any(h.coding and h.coding.form_type == "3" for f in filings.values() for h in f.non_derivative_holdings)
    assert {f.schema_version for f in filings.values()} >= {"X0202", "X0206", "X0306", "X0407", "X0508", "X0609"}
    assert len(GOLDEN) >= 15

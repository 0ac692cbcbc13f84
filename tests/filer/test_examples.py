"""Every example in docs/examples builds, checks clean, and makes XML that the v5.5 schema accepts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import section16
from section16.check import check
from section16.filer import load_filing
from section16.model import Filing
from section16.write.xml import for_current, schema_errors, to_xml
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.yaml"))


def test_the_five_documented_examples_are_here() -> None:
    assert {p.stem for p in EXAMPLES} >= {
        "sale-10b5-1",
        "option-exercise-tax",
        "gift",
        "form3-options",
        "joint-filing",
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_builds_checks_clean_and_validates(path: Path) -> None:
    f = load_filing(path)
    xml = to_xml(f)
    assert schema_errors(xml) == []
    findings = check(f, xml=xml)
    assert [str(x) for x in findings if x.severity in ("error", "warning")] == []
    # What the XML says is what the YAML said.
    assert section16.parse(xml) == for_current(f)


def _load(stem: str) -> Filing:
    return load_filing(ROOT / "docs" / "examples" / f"{stem}.yaml")


def test_examples_say_what_their_names_say() -> None:
    sale = _load("sale-10b5-1")
    assert sale.aff10b5one is True
    (t,) = sale.non_derivative_transactions
    assert t.code == "S" and t.acquired_disposed.value == "D" and t.price_per_share.footnote_ids
    assert "weighted average" in sale.footnote_text[t.price_per_share.footnote_ids[0]]

    ex = _load("option-exercise-tax")
    assert [r.code for r in ex.non_derivative_transactions] == ["M", "F"]
    assert [r.acquired_disposed.value for r in ex.non_derivative_transactions] == ["A", "D"]
    (d,) = ex.derivative_transactions
    assert d.code == "M" and d.acquired_disposed.value == "D" and d.exercise_date.value is None

    gift = _load("gift")
    assert gift.non_derivative_transactions[0].code == "G"
    assert gift.non_derivative_transactions[0].direct_indirect.value == "I"
    assert gift.non_derivative_holdings[0].shares_owned_after.value == Decimal("120331")

    f3 = _load("form3-options")
    assert f3.document_type == "3" and len(f3.derivative_holdings) == 2 and not f3.non_derivative_transactions

    joint = _load("joint-filing")
    assert len(joint.reporting_owners) == 3 and len(joint.signatures) == 3

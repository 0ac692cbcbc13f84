"""docs/checks.md lists every rule with its severity, and its examples run and say what they show."""

from __future__ import annotations

import os
import re
from datetime import date

import section16
from section16.check import RULES, check, check_xml
from section16.check.calendar import add_business_days, is_business_day
from tests.conftest import ROOT

DOC = ROOT / "docs" / "checks.md"


def test_every_rule_is_documented_with_its_severity() -> None:
    text = DOC.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (S16-[EWI]\d{3}) \| (error|warning|info) \|", text, re.MULTILINE))
    assert rows == {code: rule.severity for code, rule in RULES.items()}


def test_python_examples_run() -> None:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert blocks
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in blocks:
            exec(compile(block, str(DOC), "exec"), {})
    finally:
        os.chdir(cwd)


def test_python_examples_show_what_they_say() -> None:
    bad = check_xml((ROOT / "tests/fixtures/check/bad-form4.xml").read_bytes())
    assert [f.code for f in bad][:2] == ["S16-E003", "S16-E016"]
    filing = section16.parse(ROOT / "tests/fixtures/xml/0001140361-26-020871.xml")
    assert check(filing) == []
    assert check(filing, filing_date=date(2026, 5, 13))[0].code == "S16-W060"
    assert RULES["S16-E022"].title == "footnote never referenced"
    assert add_business_days(date(2021, 6, 16), 2) == date(2021, 6, 21)
    assert is_business_day(date(2020, 6, 19))

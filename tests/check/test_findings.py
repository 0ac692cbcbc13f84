"""The Finding type and the rule registry."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from section16.check import RULES, Finding, has_errors
from section16.check.findings import finding, sort_findings


def test_finding_is_frozen_and_json_serialisable() -> None:
    f = finding("S16-E022", "footnotes.footnote[2]", "footnote F2 is never referenced")
    assert f.severity == "error"
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.code = "x"  # type: ignore[misc]
    assert json.loads(json.dumps(f.to_dict())) == dataclasses.asdict(f)
    assert str(f) == "S16-E022 error footnotes.footnote[2]: footnote F2 is never referenced"


def test_codes_are_stable_in_shape_and_severity() -> None:
    letter = {"error": "E", "warning": "W", "info": "I"}
    for code, rule in RULES.items():
        assert re.fullmatch(r"S16-[EWI]\d{3}", code)
        assert code[4] == letter[rule.severity]
        assert rule.title and rule.source


def test_unknown_code_is_refused() -> None:
    with pytest.raises(KeyError):
        finding("S16-E999", "x", "y")


def test_sorting_and_has_errors() -> None:
    w = finding("S16-W050", "a", "b")
    i = finding("S16-I070", "a", "b")
    e = finding("S16-E022", "a", "b")
    assert sort_findings([i, w, e]) == [e, w, i]
    assert has_errors([w, e]) and not has_errors([w, i])
    assert isinstance(e, Finding)

"""Signatures a text browser wrapped in their cell: the further lines joined to the name above."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.browser_signatures import join_wrapped_signatures

from .conftest import PAGES, reference


def test_a_wrapped_signatures_further_lines_join_its_name() -> None:
    doc = [
        ["Signatures"],
        ["AVENUE FUND, L.P. By: GL Partners, LLC, its Sole Member By: /s/", "06/12/2020"],
        ["Andrew K. Schinder, Attorney-in-Fact"],
        ["(**)Signature of Reporting Person", "Date"],
        ["MARC LASRY /s/ Andrew K. Schinder", "06/12/2020"],
        ["(**)Signature of Reporting Person", "Date"],
    ]
    assert join_wrapped_signatures(doc) == [
        ["Signatures"],
        [
            "AVENUE FUND, L.P. By: GL Partners, LLC, its Sole Member By: /s/ Andrew K. Schinder, Attorney-in-Fact",
            "06/12/2020",
        ],
        ["(**)Signature of Reporting Person", "Date"],
        ["MARC LASRY /s/ Andrew K. Schinder", "06/12/2020"],
        ["(**)Signature of Reporting Person", "Date"],
    ]
    # (a line with no caption under it is left as it stands)
    assert join_wrapped_signatures(doc[:3]) == doc[:3]


def test_eight_signatures_of_which_four_wrap_are_all_read() -> None:
    # ELinks: four of the eight names wrap ("... By: /s/  06/12/2020" / "Andrew K. Schinder, ...").
    # Read line by line, 4 signatures stood under 8 captions and all were said missing.
    name = "0001140361-20-013703"
    got = parse((PAGES / f"{name}.elinks-dump.txt").read_bytes())
    expected = reference(name)
    assert len(got.signatures) == 8
    assert [" ".join((s.name or "").split()) for s in got.signatures] == [
        " ".join((s.name or "").split()) for s in expected.signatures
    ]
    assert [s.date for s in got.signatures] == [s.date for s in expected.signatures]

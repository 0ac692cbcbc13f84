"""The boxes' strips (text_boxes._header_rows) found without trying patterns at every position: a wrapped
label's start is looked for only at the box numbers before a "." (text_boxes._label_starts gives what
``_LABEL_START_RE.finditer`` gives), and two cells are joined as one wrapped label only where a label's
first word stands in the first (text_boxes._may_open_label never says no where the patterns would join),
on random lines made of the labels' words (with the letters case folding joins to ASCII ones) and on
every committed page."""

from __future__ import annotations

import itertools
import random

import pytest

from section16.read.rendered.text import _HEAD_RE, _NOTES_RE, _OWNERS_RE, _SECTION_RE, _is_section, _opens_with
from section16.read.rendered.text_boxes import (
    _LABEL_PATTERNS,
    _LABEL_START_RE,
    _label_starts,
    _may_open_label,
    _patterns_opening_in,
)

from .conftest import PAGES

WORDS = ["Name", "and", "of", "Person", "Issuer", "If", "Date", "İf", "ıssuer", "ſtatement", "Statement", "1.",
         "2a.", "7.", "6b.", " ", "  ", "x.", ".", "Individual", "or", "Relationship", "to", "Earliest"]  # fmt: skip
#: Labels a narrow box wraps, each to be cut at one of its blanks (and spelt with folded letters).
LABELS = ["1. Name and Address of Reporting Person", "2. Issuer Name and Ticker or Trading Symbol",
          "3. Date of Earliest Transaction", "4. If Amendment, Date Original Filed", "Statement for Month/Year",
          "5. Relationship of Reporting Person(s) to Issuer", "6. Individual or Joint/Group Filing",
          "4. İf Amendment, Date Original Filed", "2. ıssuer Name and Ticker", "ſtatement for Month/Year"]  # fmt: skip


def _joins(a: str, b: str) -> bool:
    """Do the patterns join the two cells (each pattern's first match starting in ``a``, ending in ``b``)?
    Each pattern that does is one of those said to open in ``a``."""
    joined = f"{a} {b}"
    joining = [p for p in _LABEL_PATTERNS if (m := p.search(joined)) and m.start() < len(a) < m.end() - 1]
    assert all(p in _patterns_opening_in(a) for p in joining), (a, b)
    return bool(joining)


@pytest.mark.parametrize("seed", range(3))
def test_random_lines(seed: int) -> None:
    rng = random.Random(seed)
    joined = 0
    for _ in range(20000):
        label = rng.choice(LABELS).split(" ")
        cut = rng.randint(1, len(label))
        a = " ".join([*(rng.choice(WORDS) for _ in range(rng.randint(0, 3))), *label[:cut]])
        b = " ".join([*label[cut:], *(rng.choice(WORDS) for _ in range(rng.randint(0, 3)))]) or "x"
        assert _label_starts(f"{a} {b}") == [m.start() for m in _LABEL_START_RE.finditer(f"{a} {b}")]
        if _joins(a, b):
            joined += 1
            assert _may_open_label(a), (a, b)
    assert joined > 50


def test_committed_pages() -> None:
    starts = joins = 0
    for page in sorted(PAGES.glob("*.txt")):
        lines = page.read_text(errors="replace").split("\n")
        for line in lines:
            want = [m.start() for m in _LABEL_START_RE.finditer(line)]
            assert _label_starts(line) == want, (page.name, line)
            starts += len(want)
        cells = [c.strip() for line in lines[:150] for c in line.split("  ") if c.strip()]
        for a, b in itertools.pairwise(cells):
            if _joins(a, b):
                joins += 1
                assert _may_open_label(a), (page.name, a, b)
    assert starts > 100 and joins > 5


@pytest.mark.parametrize("seed", range(3))
def test_section_headings_random_lines(seed: int) -> None:
    # Each heading, blanks of every kind before it, the long s the engine folds to "s", other words.
    rng = random.Random(seed)
    parts = ["Reporting Owners", "Signatures", "Explanation of Responses", "Remarks:", "Reminder:", "Note: File",
             "Persons who respond", "Potential persons", " ", "\t", "\u00a0", "ſignature", "SIGNATURES", "x",
             "\n"]  # fmt: skip
    for _ in range(20000):
        line = "".join(rng.choice(parts) for _ in range(rng.randint(0, 4)))
        assert _is_section(line) == (_SECTION_RE.search(line) is not None), repr(line)


def test_section_headings_on_committed_pages() -> None:
    found = 0
    for page in sorted(PAGES.glob("*.txt")):
        for line in page.read_text(errors="replace").split("\n"):
            want = _SECTION_RE.search(line) is not None
            assert _is_section(line) == want, (page.name, line)
            found += want
    assert found > 300


def test_headings_open_with_their_letter_on_committed_pages() -> None:
    # The table heading's, owners' and notes' patterns match only where the line's first letter but
    # blanks is their own: text_to_doc tries them there alone.
    found = 0
    for page in sorted(PAGES.glob("*.txt")):
        for line in page.read_text(errors="replace").split("\n"):
            for pattern, letters in ((_HEAD_RE, "1"), (_OWNERS_RE, "Rr"), (_NOTES_RE, "Ee")):
                if pattern.search(line):
                    found += 1
                    assert any(_opens_with(line, c) for c in letters), (page.name, line)
    assert found > 300

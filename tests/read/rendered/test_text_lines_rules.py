"""text_lines._is_rule (a line of dashes, told without searching for "---") answers as the pattern
``_RULE_RE`` does: on random lines of dashes, blanks of every kind and other characters, and on every
line of the committed pages; holds_table answers as ``"table" in line.lower()``, looking at a line
past ASCII only around its "b"s."""

from __future__ import annotations

import random

import pytest

from section16.read.rendered.boxes import _LABEL_RE
from section16.read.rendered.text_lines import (
    _BOX_LABELS,
    _LABEL_NUMBER_RE,
    _RULE_RE,
    _is_rule,
    box_labels,
    holds_table,
)

from .conftest import PAGES


@pytest.mark.parametrize("seed", range(3))
def test_random_lines(seed: int) -> None:
    rng = random.Random(seed)
    parts = ["-", "-", "--", "---", " ", "\t", "\u00a0", "\u2003", "\x1c", "\n", "a", "_", "="]
    for _ in range(30000):
        line = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        assert _is_rule(line) == (_RULE_RE.match(line) is not None), repr(line)


def test_committed_pages() -> None:
    rules = 0
    for page in sorted(PAGES.glob("*.txt")):
        for line in page.read_text(errors="replace").split("\n"):
            want = _RULE_RE.match(line) is not None
            assert _is_rule(line) == want, (page.name, line)
            rules += want
    assert rules > 100


@pytest.mark.parametrize("seed", range(3))
def test_holds_table_random_lines(seed: int) -> None:
    # The title's letters in every case, superscripts, the letters case folding or lower-casing treat
    # apart (İ lowers to two characters, ı and Σ to letters of their own), around and inside "table".
    rng = random.Random(seed)
    parts = ["t", "a", "b", "l", "e", "T", "A", "B", "L", "E", "⁽", "İ", "ı", "Σ", " ", "Table", "TABLE", "tAbLe", "x"]
    for _ in range(30000):
        line = "".join(rng.choice(parts) for _ in range(rng.randint(0, 10)))
        assert holds_table(line) == ("table" in line.lower()), repr(line)


def test_holds_table_committed_pages() -> None:
    held = 0
    for page in sorted(PAGES.glob("*.txt")):
        for line in page.read_text(errors="replace").split("\n"):
            want = "table" in line.lower()
            assert holds_table(line) == want, (page.name, line)
            held += want
    assert held > 100


def test_box_labels_as_the_pattern_on_committed_pages() -> None:
    # (box_labels skips an ASCII line holding none of the words a label opens with.)
    found = 0
    for page in sorted(PAGES.glob("*.txt")):
        for line in page.read_text(errors="replace").split("\n")[:200]:
            want = []
            for m in _LABEL_RE.finditer(line):
                if m.lastgroup in _BOX_LABELS:
                    pre = _LABEL_NUMBER_RE.search(line[: m.start()])
                    want.append((pre.start() if pre else m.start(), m.lastgroup))
            assert box_labels(line) == tuple(want), (page.name, line)
            found += len(want)
    assert found > 500

"""text_lines._is_rule (a line of dashes, told without searching for "---") answers as the pattern
``_RULE_RE`` does: on random lines of dashes, blanks of every kind and other characters, and on every
line of the committed pages."""

from __future__ import annotations

import random

import pytest

from section16.read.rendered.text_lines import _RULE_RE, _is_rule

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

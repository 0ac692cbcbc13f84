"""text_normal's search by a needle's first character finds what ``str.find`` finds: on every committed
text page, and on random texts made of the needles' own characters (the worst case for it)."""

from __future__ import annotations

import random

import pytest

from section16.read.rendered.text_normal import _find, normalize_layout

from .conftest import PAGES

NEEDLES = ("[*]", "\\.", "^(")


@pytest.mark.parametrize("seed", range(5))
def test_random_texts(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        text = "".join(rng.choice("[*]^(\\.x⁽ \n") for _ in range(rng.randint(0, 400)))
        for needle in NEEDLES:
            start = rng.randint(0, 20)
            assert _find(text, needle, start) == text.find(needle, start)


def test_committed_pages() -> None:
    pages = sorted(PAGES.glob("*.txt"))
    assert len(pages) > 50
    for page in pages:
        text = page.read_text(errors="replace")
        for needle in NEEDLES:
            at = -1
            while True:  # every occurrence, in turn
                at = text.find(needle, at + 1)
                assert _find(text, needle, max(at, 0) if at >= 0 else len(text)) == (at if at >= 0 else -1)
                if at < 0:
                    break


@pytest.mark.parametrize("name", ["0000899243-20-028043", "0000950170-25-003585"])
def test_w3m_pages_still_read_their_marks_and_boxes(name: str) -> None:
    text = (PAGES / f"{name}.w3m-dump.txt").read_text()
    assert "^(" in text or "[*]" in text
    got = normalize_layout(text)
    assert "^(" not in got and "[*]" not in got
    assert len(got.split("\n")) == len(text.split("\n"))  # the lines stay where they were

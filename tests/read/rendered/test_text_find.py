"""text_find looks for a word by one rare letter of it: it finds what ``str.find`` finds, on random
texts made of the needles' own letters (the worst case: every place a candidate) and on every
committed page, for each word the text front end looks for so."""

from __future__ import annotations

import random

import pytest

from section16.read.rendered import text as text_front
from section16.read.rendered import text_guards
from section16.read.rendered.text_find import find_by, places_of

from .conftest import PAGES

#: Every (word, rare letter's place) the front end uses.
USED = [
    *text_front._FREE_WORDS,
    *text_guards._NOTES_ENDS,
    ("Explanation of Responses", 1),
]


@pytest.mark.parametrize("seed", range(4))
def test_random_texts(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        needle = "".join(rng.choice("abx:") for _ in range(rng.randint(1, 4)))
        text = "".join(rng.choice("abx: ⁽\n") for _ in range(rng.randint(0, 900)))
        anchor = rng.randrange(len(needle))
        start = rng.randint(0, 40)
        end = rng.choice([None, rng.randint(0, 920)])
        assert find_by(text, needle, anchor, start, end) == text.find(needle, start, end), (text, needle, start, end)
        letters = "".join(rng.sample("abx:", 2))
        assert list(places_of(text, letters, start)) == [k for k in range(start, len(text)) if text[k] in letters]


def test_committed_pages() -> None:
    pages = sorted(PAGES.glob("*.txt"))
    assert len(pages) > 50
    for page in pages:
        text = page.read_text(errors="replace")
        for word, rare in USED:
            assert word[rare] in word
            start = 0
            while True:  # every occurrence, then none
                want = text.find(word, start)
                assert find_by(text, word, rare, start) == want
                assert find_by(text, word, rare, 0, want + len(word) - 1 if want > 0 else 0) == text.find(
                    word, 0, want + len(word) - 1 if want > 0 else 0
                )
                if want < 0:
                    break
                start = want + 1

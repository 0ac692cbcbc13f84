"""text_guards._side_by_side finds what the pattern ``first {2,}second(?: {2,}|$)`` (multi-line) finds,
without compiling a pattern for each page's street: on random pages made of the streets' own
characters and on every committed page with its own box 1 street lines; _note_numbers finds the
numbers ``_NOTE_NUMBER_RE.finditer`` finds, looking only at lines opening with "("."""

from __future__ import annotations

import random
import re

import pytest

from section16 import parse
from section16.errors import ParseError
from section16.read.rendered.text_guards import _NOTE_NUMBER_RE, _note_numbers, _side_by_side, _spaced_prints

from .conftest import PAGES


def _pattern(text: str, first: str, second: str) -> bool:
    gap = re.compile(rf"{re.escape(first)} {{2,}}{re.escape(second)}(?: {{2,}}|$)", re.MULTILINE)
    return gap.search(text) is not None


@pytest.mark.parametrize("seed", range(4))
def test_random_pages(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(4000):
        first = "".join(rng.choice("ab .") for _ in range(rng.randint(1, 3)))
        second = "".join(rng.choice("ab .") for _ in range(rng.randint(1, 3)))
        parts = ["a", "b", " ", " ", "  ", "\n", ".", first, second]
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 40)))
        assert _side_by_side(text, first, second) == _pattern(text, first, second), (text, first, second)


def test_committed_pages() -> None:
    checked = 0
    for page in sorted(PAGES.glob("*.txt"))[:60]:
        text = page.read_text(errors="replace")
        try:
            filing = parse(page)
        except ParseError:  # (a page refused has no street to look for)
            continue
        for owner in filing.reporting_owners[:1]:
            a = owner.address
            if a is not None and a.street1:
                for second in (a.street2 or "", a.city or "", a.street1[-3:]):
                    if second:
                        assert _side_by_side(text, a.street1, second) == _pattern(text, a.street1, second)
                        checked += 1
    assert checked > 20


@pytest.mark.parametrize("seed", range(3))
def test_note_numbers_random(seed: int) -> None:
    # Numbers opening lines, after blanks, blank lines, no-break spaces, text before them, unclosed.
    rng = random.Random(seed)
    parts = ["(1)", "(22)", "(1234)", " ", "\u00a0", "\n", "x", "(", ")", "\t", "(7) note"]
    for _ in range(4000):
        region = "".join(rng.choice(parts) for _ in range(rng.randint(0, 30)))
        want = [m.group(1) for m in _NOTE_NUMBER_RE.finditer(region)]
        assert list(dict.fromkeys(_note_numbers(region))) == list(dict.fromkeys(want)), repr(region)


def test_note_numbers_on_committed_pages() -> None:
    for page in sorted(PAGES.glob("*.txt")):
        text = page.read_text(errors="replace")
        at = text.find("Explanation of Responses")
        region = text[at:] if at >= 0 else text
        want = [m.group(1) for m in _NOTE_NUMBER_RE.finditer(region)]
        assert list(dict.fromkeys(_note_numbers(region))) == list(dict.fromkeys(want)), page.name


def _prints_spaced_otherwise(name: str, text: str) -> bool:
    """What check_name_prints asks of the pattern: a print of the name's letters (a space or none
    between two) that is not the name as given."""
    letters = name.replace(" ", "")
    spaced = re.compile(" ?".join(map(re.escape, letters)) + "(?!\\w)")
    prints = (m.group() for m in spaced.finditer(text) if not text[m.start() - 1 : m.start()].isalnum())
    return any(p != name for p in prints)


@pytest.mark.parametrize("seed", range(3))
def test_no_more_runs_of_the_letters_than_exact_prints_means_no_print_spaced_otherwise(seed: int) -> None:
    """Where ``_spaced_prints`` counts no more runs than the name's exact prints, the pattern finds no
    print spaced otherwise (the name need not be looked for with it); names and pages made of few
    letters, so that prints overlap, repeat and are spaced every way."""
    rng = random.Random(seed)
    skipped = found = 0
    for _ in range(6000):
        name = "".join(rng.choice("ab ") for _ in range(rng.randint(2, 6))).strip() or "a"
        text = "".join(
            rng.choice(("a", "b", " ", "  ", "\n", name, name.replace(" ", ""))) for _ in range(rng.randint(1, 12))
        )
        letters = name.replace(" ", "")
        if _spaced_prints(letters, text.replace(" ", "")) <= text.count(name):
            skipped += 1
            assert not _prints_spaced_otherwise(name, text), (name, text)
        found += _prints_spaced_otherwise(name, text)
    assert skipped > 500 and found > 500  # (both ways met)

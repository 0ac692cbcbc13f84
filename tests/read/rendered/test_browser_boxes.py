"""Check boxes ELinks and Links 2 print empty whatever their state: listed missing, never read."""

from __future__ import annotations

import random

from section16 import parse
from section16.read.rendered.browser_boxes import _BOX_BESIDE_LABEL_RE, STATELESS, _box_beside_label, boxes_stateless

from .conftest import PAGES, reference

NAME = "0001819848-24-000298"  # ("no longer subject to Section 16" checked)


def test_a_box_elinks_prints_empty_is_not_read_as_unchecked() -> None:
    page = (PAGES / f"{NAME}.elinks-dump.txt").read_text()
    assert "[\xa0] Check this box if no" in page  # (the checked box, as ELinks dumps it)
    assert boxes_stateless(page)
    got = parse(page.encode())
    assert reference(NAME).not_subject_to_section16 is True
    assert got.not_subject_to_section16 is None and got.aff10b5one is None
    assert {"not_subject_to_section16", "aff10b5one"} <= set(got.missing)
    assert any(n.where == "not_subject_to_section16" and n.message == STATELESS for n in got.notes)


def test_a_browser_that_prints_a_boxs_state_is_read() -> None:
    # lynx prints a checked box "[X]", its label run on along the line: the boxes are read.
    page = (PAGES / f"{NAME}.lynx-dump.txt").read_text()
    assert not boxes_stateless(page)
    assert parse(page.encode()).not_subject_to_section16 is True


def test_a_page_that_shows_a_box_checked_prints_their_state() -> None:
    page = (PAGES / f"{NAME}.elinks-dump.txt").read_text().replace("[\xa0] Check this box if", "[X] Check this box if")
    assert not boxes_stateless(page)


def test_boxes_beside_labels_are_found_where_the_pattern_finds_them() -> None:
    """The search from each line's "[" finds a box beside its label exactly where the pattern does:
    on every committed page and on made ones (a box after spaces or text, its label's next line
    indented alike or not, at the page's start or end)."""
    pages = [p.read_text(errors="replace") for p in PAGES.glob("*.txt")]
    made = [
        "[ ] Check this box if no\n    longer", "  [ ] Form 4 x\n      y", "x [ ] Check this box\n    y",
        "  [ ] Check this box\n    y", "[\xa0] Form 5 z\n    \n", "\n[ ] Check this box if\n     b", "[ ] Form 3 ",
        " [[ ] Check this box\n     y", "[ ]  Check this box\n    y", "\t[ ] Check this box\n\t    y",
    ]  # fmt: skip
    rng = random.Random(5)

    def line() -> str:  # (a line: spaces, maybe text, maybe a box and a label)
        lead = " " * rng.choice((0, 0, 1, 2, 4, 6))
        box = rng.choice(("[ ] ", "[\xa0] ", "[X] ", "[  ] ", "[ ]", "", "x [ ] "))
        return lead + box + rng.choice(("Check this box if", "Form 4 x", "Form 6 x", "x", "", "[ ] Form 3 y"))

    made += ["\n".join(line() for _ in range(rng.randrange(1, 6))) for _ in range(20000)]
    assert sum(_BOX_BESIDE_LABEL_RE.search(t) is not None for t in made) > 200  # (the made pages meet both ways)
    for text in pages + made:
        assert _box_beside_label(text) == (_BOX_BESIDE_LABEL_RE.search(text) is not None), text

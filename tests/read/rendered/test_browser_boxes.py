"""Check boxes ELinks and Links 2 print empty whatever their state: listed missing, never read."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.browser_boxes import STATELESS, boxes_stateless

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

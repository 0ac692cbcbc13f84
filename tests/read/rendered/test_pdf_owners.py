"""The Reporting Owners table read from where a PDF prints it without rules between owners (pdf_owners.py)."""

from __future__ import annotations

from section16.read.rendered import pdf_owners
from section16.read.rendered.ruled import Page, Word

PITCH = 14.0


def _owners_page(spacing: list[float]) -> Page:
    """A Reporting Owners table drawn without rules between owners (chromium): the headings, then
    owners of three lines whose first lines stand ``spacing`` apart; marks beside each owner."""
    page = Page([])
    for text, x in (("Director", 232.0), ("10%", 270.0), ("Owner", 290.0), ("Officer", 322.0), ("Other", 400.0)):
        page.words.append(Word(text, x, x + 5 * len(text), 26, 36))
    top = 43.0
    owners = [("SMITH JOHN", ["X"]), ("ACME FUND LP", ["X"]), ("DOE JANE", ["Vice", "Executive", "Chairman"])]
    for (name, marks), gap in zip(owners, spacing, strict=True):
        for k, text in enumerate((name, "1 MAIN STREET", "NEW YORK, NY 10001")):
            page.words.append(Word(text, 31, 31 + 5 * len(text), top + k * PITCH, top + k * PITCH + 10))
        if marks == ["X"]:  # an X centred on the owner's lines: half a line off them
            page.words.append(Word("X", 292, 299, top + PITCH / 2, top + PITCH / 2 + 10))
        else:  # a title on the middle line, its words a space apart, running on under Other
            x = 273.0
            for w in marks:
                page.words.append(Word(w, x, x + 5 * len(w), top + PITCH, top + PITCH + 10))
                x += 5 * len(w) + 3
        top += gap
    return page


def test_owners_drawn_without_rules_are_parted_by_their_padding() -> None:
    page = _owners_page([3 * PITCH + 6, 3 * PITCH + 6, 0])
    assert pdf_owners.owner_rows([(page, 0.0, 1e9)]) == [
        ["SMITH JOHN\n1 MAIN STREET\nNEW YORK, NY 10001", "", "X", "", ""],
        ["ACME FUND LP\n1 MAIN STREET\nNEW YORK, NY 10001", "", "X", "", ""],
        ["DOE JANE\n1 MAIN STREET\nNEW YORK, NY 10001", "", "", "Vice Executive Chairman", ""],
    ]


def test_owners_without_padding_between_them_are_not_parted() -> None:
    # Every line one pitch apart: where one owner ends does not show.
    assert pdf_owners.owner_rows([(_owners_page([3 * PITCH, 3 * PITCH, 0]), 0.0, 1e9)]) is None

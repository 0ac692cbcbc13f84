"""Boxes 2 and 5 laid out row by row on grids of their own (spaced_boxes): real inscriptis pages
(held out), whose values do not stand under their labels. What the page shows is read; where a
value's place is not shown, it is listed missing, never guessed."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.compare import _is_missing

from .conftest import PAGES, misses, reference


def _wrong(name: str, converter: str = "inscriptis") -> list[tuple[str, object, object]]:
    got = parse(PAGES / f"{name}.{converter}.txt")
    return [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)]


def test_box_two_under_a_line_of_labels_is_read_by_its_place_among_the_cells() -> None:
    # Form 4 (box 2 the second label) and Form 3 (box 3, after box 2's date).
    for name in ("0000002488-24-000005", "0000034088-26-000052", "0000899243-20-021530"):
        got, ref = parse(PAGES / f"{name}.inscriptis.txt"), reference(name)
        assert got.issuer.name == ref.issuer.name and got.issuer.trading_symbol == ref.issuer.trading_symbol, name
        assert "issuer.name" not in got.missing
        assert _wrong(name) == []


def test_box_five_read_from_its_marked_labels_and_the_title_under_them() -> None:
    name = "0000002488-24-000005"  # "__X__ Other (specify below)", "Chief Accounting Officer" under it
    got = parse(PAGES / f"{name}.inscriptis.txt")
    assert got.reporting_owners[0].relationship == reference(name).reporting_owners[0].relationship
    assert got.reporting_owners[0].relationship.other_text == "Chief Accounting Officer"
    name = "0000034088-26-000052"
    got = parse(PAGES / f"{name}.inscriptis.txt")
    assert got.reporting_owners[0].relationship.officer_title == "VP - Corp Strategic Planning"
    assert not any(m.startswith("reporting_owners[0].relationship") for m in got.missing)


def test_a_title_not_beside_its_box_is_listed_missing_not_guessed() -> None:
    # pdfminer's text of the PDF (held out): box 5's labels one a line, the title after a blank line
    # among other boxes' text. The marks are read; the title is listed missing.
    name = "0000034088-26-000052"
    got = parse(PAGES / f"{name}.pdfminer-text.txt")
    rel = got.reporting_owners[0].relationship
    assert rel.is_officer and not rel.is_director and rel.officer_title is None
    assert "reporting_owners[0].relationship.officer_title" in got.missing
    assert _wrong(name, "pdfminer-text") == []


def test_form_threes_date_of_event_is_read_by_its_place_among_the_cells() -> None:
    # "2. Date of Event Requiring Statement" over "08/05/2020", the second cell of the line under it.
    name = "0000899243-20-021530"
    got, ref = parse(PAGES / f"{name}.inscriptis.txt"), reference(name)
    assert got.period_of_report == ref.period_of_report is not None
    assert "period_of_report" not in got.missing

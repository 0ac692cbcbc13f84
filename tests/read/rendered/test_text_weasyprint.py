"""``pdftotext -layout`` of weasyprint's print (landscape A4): the form laid out narrower than
chromium's, its labels wrapped, and wider than the paper, so the paper's edge cuts its free text."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.compare import _is_missing

from .conftest import PAGES, misses, reference


def _wrong(name: str) -> list[tuple[str, object, object]]:
    got = parse(PAGES / f"{name}.pdftotext-layout-weasyprint.txt")
    return [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)]


def test_boxes_whose_labels_wrap_are_read() -> None:
    # Box 1's label wraps ("1. Name and Address of Reporting" over "Person *") and box 2's ("... or
    # Trading" over "Symbol"): each box's strip starts at its label's number, the label is one
    # cell again, and box 1's name is not read into box 2's issuer.
    name = "0000002488-24-000005"
    got = parse(PAGES / f"{name}.pdftotext-layout-weasyprint.txt")
    assert (got.issuer.name, got.issuer.trading_symbol) == ("ADVANCED MICRO DEVICES INC", "AMD")
    owner = got.reporting_owners[0]
    assert owner.name == "SMITH DARLA M"
    assert owner.relationship is not None and owner.relationship.other_text == "Chief Accounting Officer"
    assert _wrong(name) == []


def test_a_state_wrapped_around_the_city_line_is_one_cell() -> None:
    # "NEW" over "NEW YORK   10017-2014" over "YORK": the state, centred on the city line, is one.
    got = parse(PAGES / "0001225208-26-005409.pdftotext-layout-weasyprint.txt")
    a = got.reporting_owners[0].address
    assert a is not None and (a.city, a.state, a.zip_code) == ("NEW YORK", "NY", "10017-2014")


def test_box_one_without_its_label_lists_what_it_did_not_read() -> None:
    # Broken pages: the end of box 1's wrapped label ("Person *") is gone, so the label is not found.
    page = (PAGES / "0000002488-24-000005.pdftotext-layout-weasyprint.txt").read_text()
    ref = reference("0000002488-24-000005")
    broken = page.replace(" Person *\n", "\n", 1)
    got = parse(broken.encode())
    assert "reporting_owners[0].name" in got.missing
    assert not [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)]
    # Its street and city lines gone too: the address is listed missing whole, not left empty unsaid.
    got = parse(broken.replace("2485 AUGUSTINE DRIVE", " " * 20).replace("SANTA CLARA, CA 95054", " " * 21).encode())
    for key in ("street1", "street2", "city", "state", "zip_code"):
        assert _is_missing(f"reporting_owners[0].address.{key}", got.missing)
    assert not [m for m in misses(ref, got) if not _is_missing(m[0], got.missing)]


def _notes_said_missing(name: str) -> tuple[list[str], list[tuple[str, object, object]]]:
    got = parse(PAGES / f"{name}.pdftotext-layout-weasyprint.txt")
    said = [f"footnote.{n.id}" for n in reference(name).footnotes if _is_missing(f"footnote.{n.id}", got.missing)]
    return said, [m for m in _wrong(name) if m[0].startswith(("footnote", "remarks"))]


def test_notes_cut_where_the_forms_own_note_is_cut() -> None:
    # Table II and the notes run past the paper's right edge: the form's own "**" note stops at
    # "78ff(" and every long line of the notes lost its end ("... A RULE 10B5-1 TR"). Those notes
    # are listed missing, none read as whole.
    said, wrong = _notes_said_missing("0000899243-21-044060")
    assert len(said) >= 15
    assert wrong == []


def test_notes_cut_where_the_forms_own_note_just_fits() -> None:
    # The "**" note fits on its one line; the notes' column is as wide and their lines stop
    # mid-word at the edge ("... and the lowest price at w"): cut, listed missing.
    said, wrong = _notes_said_missing("0001374545-26-000008")
    assert {"footnote.F2", "footnote.F3", "footnote.F4", "footnote.F5", "footnote.F6"} <= set(said)
    assert "footnote.F1" not in said  # ("... on 11/14/2025." ends its sentence short of the edge)
    assert wrong == []

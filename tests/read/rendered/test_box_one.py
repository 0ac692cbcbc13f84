"""Box 1 checked after it is read (box_one.py): another box's words where a converter ran the boxes
together are left out and listed missing, never read as the owner's name, street or city."""

from __future__ import annotations

from typing import Any

from section16 import parse
from section16.model import Address, Note, ReportingOwner
from section16.read.rendered import box_one

from .conftest import PAGES, misses, reference


def _owner(**address: Any) -> ReportingOwner:
    return ReportingOwner(cik=None, name="Caforio Giovanni", address=Address(**address))


def test_flowing_text_city_line_holding_box_5_is_said_missing() -> None:
    # pdftotext without -layout runs box 5's check boxes ("__X__ Director") into box 1's city line.
    name = "0000014272-20-000044"
    got = parse((PAGES / f"{name}.pdftotext-raw.txt").read_bytes())
    owner = got.reporting_owners[0]
    assert owner.address is not None and owner.address.city is None and owner.address.state is None
    for field in ("city", "state", "zip_code"):
        assert f"reporting_owners[0].address.{field}" in got.missing
    assert any("city line" in n.message and "Director" in (n.text or "") for n in got.notes)
    wrong = [m for m in misses(reference(name), got) if m[0] not in got.missing]
    assert not [m for m in wrong if m[0].startswith("reporting_owners")], wrong


def test_city_line_checks() -> None:
    missing: list[str] = []
    notes: list[Note] = []
    bad = box_one.checked(_owner(city="_X_ Form filed by One Reporting Person", state="NC"), missing, notes)
    assert bad.address is not None and bad.address.city is None and bad.address.state is None
    assert missing == [f"reporting_owners[0].address.{k}" for k in ("city", "state", "zip_code")]
    missing.clear()
    good = box_one.checked(_owner(city="NEW YORK", state="NY", zip_code="10016"), missing, notes)
    assert good.address == Address(city="NEW YORK", state="NY", zip_code="10016")
    assert missing == []


def test_a_date_alone_is_not_a_street() -> None:
    missing: list[str] = []
    notes: list[Note] = []
    got = box_one.checked(_owner(street1="11/17/2020", city="NEW YORK"), missing, notes)
    assert got.address is not None and got.address.street1 is None and got.address.city == "NEW YORK"
    assert "reporting_owners[0].address.street1" in missing
    missing.clear()
    kept = box_one.checked(_owner(street1="1 11TH STREET", city="NEW YORK"), missing, notes)
    assert kept.address is not None and kept.address.street1 == "1 11TH STREET" and missing == []


def test_box_6_and_box_5_label_ends_in_the_city_line_are_said_missing() -> None:
    # pdfplumber's plain text (held out) of real filings: box 1's city line read as the line under
    # "(Street) 6. Individual or Joint/Group Filing(Check" or under "_____ Officer (give title".
    for city in ("Filed Applicable Line)", "Applicable Line)", "below)", "NEW YORK below)"):
        missing: list[str] = []
        got = box_one.checked(_owner(city=city, state="NY"), missing, [])
        assert got.address is not None and got.address.city is None and got.address.state is None, city
        assert "reporting_owners[0].address.city" in missing
    for city in ("BELOW", "LINE LEXINGTON", "APPLICABLE"):  # words alone: a city may be spelt so
        assert box_one.checked(_owner(city=city), [], []).address == Address(city=city)


def test_a_name_ending_in_the_city_line_is_said_missing() -> None:
    missing: list[str] = []
    notes: list[Note] = []
    owner = ReportingOwner(cik=None, name="Musk Elon PALO ALTO, CA 94304", address=Address(city="PALO ALTO"))
    assert box_one.checked(owner, missing, notes).name is None
    assert missing == ["reporting_owners[0].name"]
    missing.clear()
    kept = ReportingOwner(cik=None, name="Musk Elon", address=Address(city="PALO ALTO"))
    assert box_one.checked(kept, missing, notes).name == "Musk Elon" and missing == []


def test_a_city_line_holding_a_security_title_is_said_missing() -> None:
    missing: list[str] = []
    notes: list[Note] = []
    got = box_one.checked(_owner(city="Common Stock"), missing, notes)
    assert got.address is not None and got.address.city is None
    assert "reporting_owners[0].address.city" in missing
    missing.clear()
    assert box_one.checked(_owner(city="STOCKTON", state="CA", zip_code="95202"), missing, notes).address == Address(
        city="STOCKTON", state="CA", zip_code="95202"
    )


def test_a_us_address_without_its_postal_code_says_so() -> None:
    missing: list[str] = []
    notes: list[Note] = []
    box_one.list_unfound(_owner(street1="811 MAIN STREET", city="HOUSTON", state="TX"), missing, notes)
    assert missing == ["reporting_owners[0].address.zip_code"]
    missing.clear()
    box_one.list_unfound(_owner(street1="1 RUE X", city="PARIS", state="I0"), missing, notes)  # France: none
    assert missing == []


def test_a_date_run_onto_the_name_is_said_missing() -> None:
    # pdfplumber's layout text (held out), 0000899243-20-031356: box 2's date beside box 1's name.
    missing: list[str] = []
    got = box_one.checked(ReportingOwner(cik=None, name="Futch Clarke 11/17/2020"), missing, [])
    assert got.name is None and "reporting_owners[0].name" in missing
    kept = box_one.checked(ReportingOwner(cik=None, name="Smith Family Trust 2012"), [], [])
    assert kept.name == "Smith Family Trust 2012"


def test_city_line_of_no_letter_is_said_missing() -> None:
    # pdfplumber's layout sets the 2026 design's postal code cell "10001-" over "2192" around the city
    # line "NEW YORK  NEW YORK": the city was read as "10001-", the zip as "2192". A city line without
    # a letter is no city: city, state and zip are listed missing.
    name = "0001225208-26-004663"
    got = parse(PAGES / f"{name}.pdfplumber-layout.txt")
    a = got.reporting_owners[0].address
    assert a is not None and (a.city, a.state, a.zip_code) == (None, None, None)
    assert {f"reporting_owners[0].address.{k}" for k in ("city", "state", "zip_code")} <= set(got.missing)
    assert misses(reference(name), got) == []
    missing: list[str] = []
    kept = box_one.checked(_owner(city="NEW YORK", state="NY", zip_code="10001-2192"), missing, [])
    assert kept.address is not None and kept.address.city == "NEW YORK" and missing == []


def test_street_holding_box_5_check_lines_is_said_missing() -> None:
    # MarkItDown's text of the PDF puts box 5's "_____ Officer (give title below) _____ Other (specify
    # below)" where box 1's street stands: read as street 1 (and the real street 1 as street 2). Box 5's
    # check lines are no street: both street lines are listed missing.
    name = "0001209191-21-035822"
    got = parse(PAGES / f"{name}.markitdown-pdf.md")
    a = got.reporting_owners[0].address
    assert a is not None and a.street1 is None and a.street2 is None
    assert {"reporting_owners[0].address.street1", "reporting_owners[0].address.street2"} <= set(got.missing)
    assert misses(reference(name), got) == []


def test_a_date_anywhere_in_the_name_is_another_box_s() -> None:
    # A broken page (box 3's label line gone) ran box 3's date in before box 1's name.
    assert box_one.NOT_A_NAME_RE.search("04/01/2020 Lewis Catherine J")
    assert box_one.NOT_A_NAME_RE.search("Futch Clarke 11/17/2020")
    assert not box_one.NOT_A_NAME_RE.search("Fund 1 Investments, LLC")


def test_a_city_line_without_state_or_zip_is_said_missing() -> None:
    # pymupdf4llm ran the boxes' lines together: box 5's title stood after the "(Street)" caption.
    got = parse(PAGES / "0001140361-20-013188.pymupdf4llm.md")
    a = got.reporting_owners[0].address
    assert a is not None and a.city is None
    assert {f"reporting_owners[0].address.{k}" for k in ("city", "state", "zip_code")} <= set(got.missing)
    missing: list[str] = []
    owner = box_one.list_unfound(_owner(street1="1 MAIN ST", city="VP, Store Operations"), missing, [])
    assert owner.address is not None and owner.address.city is None and "reporting_owners[0].address.city" in missing


def test_a_date_or_a_captions_end_is_no_city() -> None:
    # Broken pages: box 3's date line moved before the city line; box 6's "(Check Applicable Line)"
    # caption's end read where the city line was lost.
    assert box_one.NOT_A_CITY_RE.search("12/31/2019 MILL VALLEY")
    assert box_one.NOT_A_CITY_RE.search("Line)")
    assert not box_one.NOT_A_CITY_RE.search("MILL VALLEY")
    assert not box_one.NOT_A_CITY_RE.search("GEORGE TOWN, GRAND CAYMAN")


def test_box_5_check_lines_spaced_apart_and_a_date_in_a_title_are_said_missing() -> None:
    # MarkItDown's text of the PDF: box 5's "_____ Director" spaced apart in the city line; a trust's
    # name's date ("12/21/04 FBO ...") run into box 5's other text.
    assert box_one.NOT_A_CITY_RE.search("_ _ _ _ _ D i r e c to r")
    assert box_one.NOT_A_TITLE_RE.search("12/21/04 FBO Thomas Wilson Seelbach Member of a Group")
    assert not box_one.NOT_A_TITLE_RE.search("EVP, Chief Financial Officer")
    assert not box_one.NOT_A_CITY_RE.search("SAN FRANCISCO")


def test_a_city_ending_in_a_postal_codes_piece_is_said_missing() -> None:
    # pypdf's plain text runs the 2026 design's cells together and the postal code wrapped in its
    # cell: "REDMOND WASHINGTON 98052- 6399" gave the city "REDMOND WASHINGTON 98052-" and the zip
    # "6399". No city ends in a number: city, state and zip are said missing.
    name = "0000789019-26-000075"
    got = parse(PAGES / f"{name}.pypdf-plain.txt")
    address = got.reporting_owners[0].address
    assert address is not None and address.city is None and address.zip_code is None
    for field in ("city", "state", "zip_code"):
        assert f"reporting_owners[0].address.{field}" in got.missing
    assert [m for m in misses(reference(name), got) if m[0] not in got.missing] == []


def test_a_city_of_an_officer_with_no_title_read_is_said_missing() -> None:
    # pdftotext without -layout sets box 5's title after the city ("ATLANTA" / "Executive Vice
    # President" / "GEORGIA"): the city line read without state or zip took the title.
    name = "0000021344-26-000142"
    got = parse(PAGES / f"{name}.pdftotext-raw.txt")
    owner = got.reporting_owners[0]
    assert owner.relationship is not None and owner.relationship.is_officer
    assert owner.address is not None and owner.address.city is None
    assert "reporting_owners[0].address.city" in got.missing
    assert [m for m in misses(reference(name), got) if m[0] not in got.missing] == []


def test_a_name_run_into_box_2s_wrapped_label_is_said_missing() -> None:
    # pdftotext -layout of chromium's DejaVu print (held out): a Form 3's box 2 label wraps
    # ("2. Date of Event Requiring" / "Statement (Month/Day/Year)") and its second line stands a
    # space after box 1's name: the name was read "ADAGE CAPITAL PARTNERS GP, L.L.C. Statement".
    name = "0000902664-20-002410"
    got = parse(PAGES / f"{name}.pdftotext-layout-dejavu.txt")
    assert got.reporting_owners[0].name is None
    assert "reporting_owners[0].name" in got.missing
    assert [m for m in misses(reference(name), got) if m[0] not in got.missing] == []
    assert box_one.NOT_A_NAME_RE.search("Alexandria Venture Investments, LLC Statement")
    assert box_one.NOT_A_NAME_RE.search("ADAGE CAPITAL PARTNERS GP, L.L.C. Statement (Month/Day/Year)")
    assert not box_one.NOT_A_NAME_RE.search("Statement Holdings LLC")

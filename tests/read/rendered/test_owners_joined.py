"""Joint owners whose name/address cell markdownify ran together (owners_joined): read only where the
page settles it. Pages: markdownify's output for real joint filings, committed under pages/."""

from __future__ import annotations

import pytest
from render_pages import render_html  # (bench/, put on the path by conftest)

from section16 import parse
from section16.model import Filing
from section16.read.rendered.compare import _is_missing

from .conftest import PAGES, misses, reference, xml_of


def _page(name: str) -> Filing:
    return parse(PAGES / f"{name}.markdownify.md")


def _no_wrong(name: str, got: Filing) -> None:
    """Every owner's name and address read equals the XML; whatever differs is listed missing (said, not
    guessed). (Other fields are the other tests'.)"""
    owners = [m for m in misses(reference(name), got) if m[0].startswith("reporting_owners[")]
    assert [m for m in owners if ".relationship" not in m[0] and not _is_missing(m[0], got.missing)] == []


def _address(got: Filing, i: int) -> tuple[str | None, ...]:
    a = got.reporting_owners[i].address
    assert a is not None
    return (a.street1, a.street2, a.city, a.state, a.zip_code)


def test_owners_at_box_ones_one_line_street_read_whole() -> None:
    # "GOLDMAN SACHS GROUP INC 200 WEST STREET NEW YORK" / "NY 10282": the first row less box 1's name
    # is the shared address; box 1 prints it as one street line no filer would break.
    name = "0000769993-19-000383"
    text = (PAGES / f"{name}.markdownify.md").read_text()
    assert "| GOLDMAN SACHS GROUP INC 200 WEST STREET NEW YORK,\u00a0NY\u00a010282 |" in text
    got, want = _page(name), reference(name)
    assert [o.name for o in got.reporting_owners] == [o.name for o in want.reporting_owners]
    for i in range(1, len(want.reporting_owners)):
        a = want.reporting_owners[i].address
        assert a is not None
        assert _address(got, i) == (a.street1, a.street2, a.city, a.state, a.zip_code)
    # Two owners' zip has its +4 ("NY 10282-2198"): the ",&nbsp;" kept before the state ends the
    # city, so their street and city are the shared ones, and their own line gives state and zip.
    assert _address(got, 2) == ("200 WEST STREET", None, "NEW YORK", "NY", "10282-2198")
    assert not [m for m in got.missing if m.startswith("reporting_owners[") and "[*]" not in m]
    _no_wrong(name, got)


def test_owners_at_box_ones_two_street_lines_keep_them_missing() -> None:
    # Box 1: "1700 OWENS STREET" / "SUITE 500". Another owner at the same address may have filed
    # those words as one line (run together, the page cannot show it): names, cities, states and zips
    # are read, the street lines said missing.
    name = "0001209191-20-043551"
    got, want = _page(name), reference(name)
    assert [o.name for o in got.reporting_owners] == [o.name for o in want.reporting_owners]
    for i in range(1, len(want.reporting_owners)):
        assert _address(got, i) == (None, None, "SAN FRANCISCO", "CA", "94158")
        assert f"reporting_owners[{i}].address.street1" in got.missing
        assert f"reporting_owners[{i}].address.street2" in got.missing
        assert f"reporting_owners[{i}].name" not in got.missing
    assert any("two street lines" in n.message for n in got.notes if n.where == "reporting_owners[1].address")
    _no_wrong(name, got)


def test_same_words_filed_as_one_street_line_are_not_read_as_box_ones_two() -> None:
    # Why two street lines are not passed on: here box 1's owner filed "100 CARR 115" / "UNIT 1900",
    # the other two owners "100 CARR 115 UNIT 1900" as one line; every row prints the same words.
    name = "0000921895-25-001190"
    want = reference(name)
    box1, other = want.reporting_owners[0].address, want.reporting_owners[1].address
    assert box1 is not None and other is not None
    assert (box1.street1, box1.street2) == ("100 CARR 115", "UNIT 1900")
    assert (other.street1, other.street2) == ("100 CARR 115 UNIT 1900", None)
    got = _page(name)
    assert [o.name for o in got.reporting_owners] == [o.name for o in want.reporting_owners]
    assert _address(got, 1) == (None, None, "RINCON", "PR", "00677")
    assert "reporting_owners[1].address.street1" in got.missing
    _no_wrong(name, got)


def test_care_of_line_before_the_shared_address_is_not_taken_as_the_name() -> None:
    # "Yadav Ravi C/O NEWLIGHT PARTNERS LP 320 PARK AVENUE NEW YORK": the row ends with the first row's
    # address, but "C/O NEWLIGHT PARTNERS LP" is this owner's street 1, not part of its name.
    name = "0000899243-20-021530"
    got = _page(name)
    for i in range(1, 5):
        assert got.reporting_owners[i].name is None
        assert f"reporting_owners[{i}].name" in got.missing
    # Box 1's street "320 PARK AVENUE," ends in the older design's join (",&nbsp;" before an empty
    # street 2): the run-together first row prints "320 PARK AVENUE NEW YORK", no comma after it.
    assert _address(got, 0)[:2] == ("320 PARK AVENUE", None)
    assert not [m for m in got.missing if m.startswith("reporting_owners[0]")]
    _no_wrong(name, got)


def test_one_street_line_holding_a_second_lines_words_is_not_passed_on() -> None:
    # Box 1: "415 MISSION STREET, SUITE 5700" (one line). Other filers at one address break such a
    # line at its suite or floor (0001193805-20-000323: "780 THIRD AVENUE 37TH FLOOR" filed as one
    # line by one owner, "780 THIRD AVENUE" / "37TH FLOOR" by two others): the street is not passed
    # on; name, city, state and zip are.
    name = "0000899243-20-028043"
    got, want = _page(name), reference(name)
    assert _address(got, 0)[:2] == ("415 MISSION STREET, SUITE 5700", None)
    assert [o.name for o in got.reporting_owners] == [o.name for o in want.reporting_owners]
    for i in range(1, len(want.reporting_owners)):
        assert _address(got, i) == (None, None, "SAN FRANCISCO", "CA", "94105")
        assert f"reporting_owners[{i}].address.street1" in got.missing
    assert any("could be two lines" in n.message for n in got.notes if n.where == "reporting_owners[1].address")
    _no_wrong(name, got)


def test_later_design_prints_the_state_by_name_and_the_country() -> None:
    # The same filing on the later design (4_X09): "... NEW YORK NEW YORK 10282 UNITED STATES", with
    # no line break left in the cell. Box 1's street lines run together there too (not split), so
    # only name, city, state and zip are read; the owners whose zip differs cannot be matched.
    markdownify = pytest.importorskip("markdownify")
    name = "0000769993-19-000383"
    later = markdownify.markdownify(render_html(xml_of(name).read_bytes(), "4", "X0609"))
    assert "GOLDMAN SACHS GROUP INC 200 WEST STREET NEW YORK NEW YORK 10282 UNITED STATES" in " ".join(later.split())
    got = parse(later.encode())
    want = reference(name)
    assert got.reporting_owners[1].name == want.reporting_owners[1].name
    assert _address(got, 1) == (None, None, "NEW YORK", "NY", "10282")
    assert got.reporting_owners[2].name is None and "reporting_owners[2]" in got.missing
    _no_wrong(name, got)


def test_box_one_and_the_first_row_disagreeing_settle_nothing() -> None:
    # Box 1's street edited to differ from the owners table's first row: the page contradicts itself,
    # so neither tells where the other owners' names end.
    name = "0000769993-19-000383"
    text = (PAGES / f"{name}.markdownify.md").read_text()
    box1 = "| (Middle) |  200 WEST STREET |"
    assert text.count(box1) == 1
    got = parse(text.replace(box1, "| (Middle) |  200 EAST STREET |").encode())
    assert all(o.name is None for o in got.reporting_owners[1:])
    assert all(f"reporting_owners[{i}].name" in got.missing for i in range(1, len(got.reporting_owners)))


def test_first_owner_without_a_street_settles_no_name() -> None:
    # With no street before the city in the first row, an owner whose address has one would end with
    # the same city line, its street taken for the end of its name: nothing is read.
    name = "0000769993-19-000383"
    text = (PAGES / f"{name}.markdownify.md").read_text()
    first = "| GOLDMAN SACHS & CO. LLC 200 WEST STREET NEW YORK,"
    assert text.count(first) == 1
    got = parse(text.replace(first, "| GOLDMAN SACHS & CO. LLC NEW YORK,").encode())
    assert all(o.name is None for o in got.reporting_owners[1:])

"""The Reporting Owners table laid out row by row on a grid of its own (spaced_owners): real
inscriptis pages (held out), whose relationship headings stand over the names. The names and
address lines are read; the marks, under no heading of theirs, are not placed."""

from __future__ import annotations

from section16 import parse
from section16.read.rendered.compare import _is_missing

from .conftest import PAGES, misses, reference


def _wrong(name: str) -> list[tuple[str, object, object]]:
    got = parse(PAGES / f"{name}.inscriptis.txt")
    return [m for m in misses(reference(name), got) if not _is_missing(m[0], got.missing)]


def test_the_owners_table_under_headings_over_its_names_gives_the_address_lines() -> None:
    # Box 1 prints the street as one line "C/O EXXON MOBIL CORPORATION, 22777 SPRINGWOODS VILLAGE
    # PKWY"; the owners table's lines part it.
    name = "0000034088-26-000052"
    got, ref = parse(PAGES / f"{name}.inscriptis.txt"), reference(name)
    assert got.reporting_owners[0].address == ref.reporting_owners[0].address
    assert ref.reporting_owners[0].address is not None and ref.reporting_owners[0].address.street2


def test_the_owners_marks_under_no_heading_of_theirs_are_not_placed() -> None:
    # Form 3, five owners: each "X" stands under "Officer" by position, though each owner is a 10%
    # owner. The names and addresses are read; the later owners' relationships are listed missing.
    name = "0000899243-20-021530"
    got, ref = parse(PAGES / f"{name}.inscriptis.txt"), reference(name)
    assert [o.name for o in got.reporting_owners] == [o.name for o in ref.reporting_owners]
    assert [o.address for o in got.reporting_owners] == [o.address for o in ref.reporting_owners]
    assert got.reporting_owners[0].relationship == ref.reporting_owners[0].relationship  # (box 5's)
    for k in range(1, 5):
        assert f"reporting_owners[{k}].relationship" in got.missing
    assert any("grid of their own" in n.message for n in got.notes)
    assert _wrong(name) == []

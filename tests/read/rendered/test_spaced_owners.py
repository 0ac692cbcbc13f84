"""The Reporting Owners table laid out row by row on a grid of its own (spaced_owners): real
inscriptis pages (held out), whose relationship headings stand over the names. The names and
address lines are read; the marks, under no heading of theirs, are placed by the grid inscriptis lays
each row's cells on, where they stand inside its columns, else not."""

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


def test_the_owners_marks_are_placed_by_the_grid_of_cells() -> None:
    # Form 3, five owners: each "X" stands under "Officer" by position, though each owner is a 10%
    # owner: the headings' row has four cells ("Director" over the names), an owner's row five, and
    # the "X" stands in the third grid column ("Officer" starts it), the owner row's third cell: 10% Owner.
    name = "0000899243-20-021530"
    got, ref = parse(PAGES / f"{name}.inscriptis.txt"), reference(name)
    assert [o.name for o in got.reporting_owners] == [o.name for o in ref.reporting_owners]
    assert [o.address for o in got.reporting_owners] == [o.address for o in ref.reporting_owners]
    assert [o.relationship for o in got.reporting_owners] == [o.relationship for o in ref.reporting_owners]
    assert all(o.relationship.is_ten_percent_owner for o in got.reporting_owners)
    assert not [m for m in got.missing if m.startswith("reporting_owners[") and m[17].isdigit()]
    assert _wrong(name) == []


def test_an_owners_mark_off_the_grid_is_not_placed() -> None:
    # The same page with the third owner's "X" set in the blank just before "Officer", between the
    # Director marks' grid column and the 10% Owner marks' (no cell of the grid's stands there):
    # that owner's relationships are listed missing, the others read.
    name = "0000899243-20-021530"
    lines = (PAGES / f"{name}.inscriptis.txt").read_text().split("\n")
    gap = next(ln for ln in lines if ln.startswith("Director ")).index("Officer") - 1
    owner = next(i for i, ln in enumerate(lines) if ln.startswith("Newlight GP LLC")) + 1
    line = lines[owner].replace(" X ", "   ")
    lines[owner] = line[:gap] + "X" + line[gap + 1 :]
    got = parse("\n".join(lines).encode())
    assert "reporting_owners[2].relationship" in got.missing
    assert any(n.where.startswith("reporting_owners[2]") and "grid of their own" in n.message for n in got.notes)
    ref = reference(name)
    for k in (1, 3, 4):
        assert got.reporting_owners[k].relationship == ref.reporting_owners[k].relationship

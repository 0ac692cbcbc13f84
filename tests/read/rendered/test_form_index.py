"""The index of a page's parts: markers found once over all cells, as the slow cell-by-cell path finds them."""

from __future__ import annotations

from section16.read.rendered.form import read_doc
from section16.read.rendered.form_index import index_doc, region
from section16.read.rendered.html import html_to_doc

from .conftest import html_of

NAME = "0000899243-21-019441"


def _doc() -> list[list[str]]:
    return html_to_doc(html_of(NAME).encode())


def test_markers_found_in_one_pass_as_cell_by_cell() -> None:
    doc = _doc()
    ix = index_doc(doc)
    # The slow path (a cell with a NUL): every cell through the gate on its own. Same markers.
    slow = index_doc([*doc, ["a\x00b"]])
    assert [it[2] for it in slow.items[:-1]] == [it[2] for it in ix.items]
    assert {"t1", "t2", "expl", "siglabel"} <= set(ix.first)
    assert ix.marked == sorted(ix.marked) and all(ix.items[i][2] for i in ix.marked)


def test_letters_that_only_case_fold_to_ascii_do_not_hide_a_marker() -> None:
    # "ſ" folds to "s" in the regex engine but not in str.lower(); the page then takes the slow path.
    doc = [[("SIGNATURE OF REPORTING PERſON" if "Signature of Reporting Person" in c else c) for c in row]
           for row in _doc()]  # fmt: skip
    doc.append(["No ſecurities are beneficially owned."])
    ix = index_doc(doc)
    assert "siglabel" in ix.first
    assert ix.no_securities
    got = read_doc(doc, NAME, "html")
    assert got.signatures and got.no_securities_owned


def test_no_securities_phrase_spread_over_cells_and_case() -> None:
    doc = _doc()
    assert not index_doc(doc).no_securities
    assert index_doc([*doc, ["NO SECURITIES ARE", "beneficially\nOWNED"]]).no_securities


def test_a_region_runs_from_its_marker_to_the_next() -> None:
    ix = index_doc(_doc())
    table_1 = region(ix, "t1")
    assert table_1 is not None
    texts = [cell for _row, cell, _mark in table_1]
    # Table I's cells: its heading and rows, up to (not into) Table II's title.
    assert any("Title of Security" in t for t in texts)
    assert not any("Table II" in t for t in texts)
    assert all(mark is None for _row, _cell, mark in table_1)
    assert region(ix, "nothing such") is None

"""The compiled row search (``section16.read.rendered._layout_cells_c``) cuts every row as the Python
search does.

Every row the laid-out text pages of the fixtures (``pdftotext -layout``, pandoc's plain text, w3m,
lynx) ask to be cut by position is cut both ways, and the cells and their words compared.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from section16 import parse_bytes
from section16.errors import ParseError
from section16.read.rendered import layout, layout_cells, tables
from section16.read.rendered.layout_words import Tok

from .conftest import PAGES

compiled = pytest.mark.skipif(
    not layout_cells.COMPILED, reason="section16.read.rendered._layout_cells_c is not built here"
)
TEXT_PAGES = sorted(p for kind in ("pdftotext-layout", "pandoc-plain", "w3m-dump", "lynx-dump")
                    for p in PAGES.glob(f"*.{kind}.txt"))  # fmt: skip

Row = tuple[list[Tok], list[float], tuple[str, ...]]


def test_the_compiled_search_is_in_use_where_it_is_required() -> None:
    if os.environ.get("SECTION16_PURE_PYTHON"):
        assert not layout_cells.COMPILED
    elif os.environ.get("SECTION16_REQUIRE_COMPILED"):
        assert layout_cells.COMPILED, (
            "section16.read.rendered._layout_cells_c was not built: reinstall with a C compiler"
        )


def _rows(pages: list[Path], monkeypatch: pytest.MonkeyPatch) -> list[Row]:
    """The rows reading the pages asks to be cut by position (each once)."""
    asked: dict[object, Row] = {}
    cut = layout_cells.assign_placed

    def recording(
        toks: list[Tok], starts: list[float], cols: tuple[str, ...], by_order: bool = False, margin: float | None = None
    ) -> tuple[list[str], list[list[Tok]]] | None:
        if not by_order:
            asked.setdefault((tuple(toks), tuple(starts), cols), (list(toks), list(starts), cols))
        return cut(toks, starts, cols, by_order=by_order, margin=margin)

    monkeypatch.setattr(layout, "assign_placed", recording)
    layout._ASSIGNED.clear()
    layout._TRIED.clear()
    for page in pages:
        try:
            parse_bytes(page.read_bytes(), page.name)
        except ParseError:
            pass  # a page refused still asked for its rows' cuts
    return list(asked.values())


def _python(toks: list[Tok], starts: list[float], cols: tuple[str, ...]) -> object:
    """The row cut with the compiled search switched off."""
    saved, layout_cells._search_c = layout_cells._search_c, None
    try:
        return layout_cells._assign(toks, starts, cols, False, None)
    finally:
        layout_cells._search_c = saved


def _same(rows: list[Row]) -> Iterator[tuple[Row, object, object]]:
    for toks, starts, cols in rows:
        fast = layout_cells._assign(toks, starts, cols, False, None)
        slow = _python(toks, starts, cols)
        if fast != slow:
            yield (toks, starts, cols), fast, slow


@compiled
def test_every_row_of_the_fixture_pages_is_cut_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _rows(TEXT_PAGES, monkeypatch)
    assert len(rows) > 300  # real tables' rows, not an empty reading
    cut = [r for r in rows if layout_cells._assign(*r, False, None)[0] is not None]
    assert len(cut) > 200 and len(cut) < len(rows)  # rows cut, and rows no cut fits
    assert list(_same(rows)) == []


def test_a_row_is_cut_the_same_without_the_compiled_search() -> None:
    # A Form 4 row of Table I (title, date, code, amount, (A)/(D), price, after, D or I, nature),
    # each cell a few characters off its heading: both paths cut it into its cells.
    line = "Common Stock   03/01/2021      M      1,000   A  $ 10.00 (1)   5,000     D"
    toks = [Tok(0, m, m + len(w), w) for m, w in _words(line)]
    starts = [0.0, 15.0, 27.0, 31.0, 36.0, 38.0, 47.0, 50.0, 62.0, 72.0, 76.0]
    cols = tables.columns("4", 1)
    slow = _python(toks, starts, cols)
    assert slow == layout_cells._assign(toks, starts, cols, False, None)
    assert slow[0] == ["Common Stock", "03/01/2021", "", "M", "", "1,000", "A", "$ 10.00 (1)", "5,000", "D", ""]


def _words(line: str) -> Iterator[tuple[int, str]]:
    x = 0
    for w in line.split(" "):
        if w:
            yield x, w
        x += len(w) + 1

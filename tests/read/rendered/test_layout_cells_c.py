"""The compiled row search (``section16.read.rendered._layout_cells_c``) cuts every row as the Python
search does.

Every row the laid-out text pages of the fixtures (``pdftotext -layout``, pandoc's plain text, w3m,
lynx) ask to be cut by position is cut both ways, and the cells and their words compared.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from section16 import parse_bytes
from section16.errors import ParseError
from section16.read.rendered import layout, layout_cells, layout_rows, layout_units, layout_words, tables, text_lines
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


# The compiled scans of a line (layout_words._line_tokens, text_lines._line_chunks) and the compiled
# search's refusal of a cell by its characters, held to the Python they stand for.

ALL_PAGES = sorted(p for p in PAGES.iterdir() if p.suffix in (".txt", ".md"))


def _page_lines() -> list[str]:
    """Every line of every committed text and Markdown page."""
    return [ln for p in ALL_PAGES for ln in p.read_text(encoding="utf-8", errors="replace").split("\n")]


def _lines() -> list[str]:
    """The pages' lines, and random lines made of what the scans tell apart (spaces, line breaks,
    tabs, no-break and other spaces, rules' characters, letters past ASCII)."""
    lines = _page_lines()
    rng = random.Random(16)
    alphabet = "  \n\t\u00a0\u2003\x0c\x1c-=_ab1(),.$/é¹\u0130"
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(20000)]
    lines += ["", " ", "---", "-- ---", "--- ---", "a  b", "a b  c", "\t", "\u00a0 \u00a0", " ---x", "===\t==="]
    return lines


@compiled
def test_a_line_is_taken_apart_as_the_patterns_do(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _lines()
    assert len(lines) > 30000
    tokens, runs = layout_words._line_tokens.__wrapped__, text_lines._line_chunks.__wrapped__
    fast = [(tokens(ln, k), runs(ln, k)) for k, ln in enumerate(lines)]
    monkeypatch.setattr(layout_words, "_scan_c", None)
    monkeypatch.setattr(text_lines, "_scan_c", None)
    slow = [(tokens(ln, k), runs(ln, k)) for k, ln in enumerate(lines)]
    assert sum(len(t) + len(r) for t, r in slow) > 100000  # real words, not empty readings
    assert [k for k, (a, b) in enumerate(zip(fast, slow, strict=True)) if a != b] == []
    # The same named tuples, not tuples that compare equal.
    assert {type(t) for ts, _ in fast for t in ts} == {Tok}
    assert {type(r) for _, rs in fast for r in rs} == {text_lines.Chunk}


def test_a_cell_refused_by_its_characters_is_refused_by_its_column() -> None:
    # Every cell text the committed pages' lines make of one to three words, and random strings of
    # the characters the columns' rules weigh: a character banned from a typed column's cells
    # (layout_cells._BANNED_CHARS, what lets the compiled search skip asking) is never in a cell
    # tables.check_cell takes for that column.
    words = sorted({w for ln in _page_lines() for w in ln.split()})
    rng = random.Random(5)
    texts = [" ".join(rng.sample(words, rng.randrange(1, 4))) for _ in range(30000)]
    alphabet = "0123456789$-.,;:/+() \tZVADIKXa%#*'"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12))) for _ in range(30000)]
    texts += ["(1)", "$", "1,000;", "(2) ;", "J (1)", "02/03/2020", "A", "D (3)", "V", "I"]
    refused = 0
    for kind, banned in layout_cells._BANNED_CHARS.items():
        for text in texts:
            bits = layout_cells._char_bits(text)
            if bits >= 0 and bits & banned:
                refused += 1
                assert not tables.check_cell(kind, text), (kind, text)
    assert refused > 100000  # the bans do refuse cells
    # Every typed column the tables print has its bans; the free-text columns have none.
    kinds = {kind for form in ("3", "4", "5") for table in (1, 2) for kind in tables.columns(form, table)}
    assert kinds - set(layout_cells._BANNED_CHARS) == layout_cells._TEXT & kinds


@compiled
def test_every_band_of_the_fixture_pages_costs_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every band the row searches of the committed laid-out pages weigh (rows printed without blank
    # lines between them), weighed by the compiled cost and by the Python one: the same float.
    asked: list[tuple[list[int], float, object, object, object, float]] = []
    weigh = layout_rows.band_cost

    def recording(
        band: list[int],
        middle: float,
        runs: object,
        pages: object = None,
        anchored: object = (),
        gapped: float = layout_rows.GAPPED,
    ) -> float:
        asked.append((list(band), middle, runs, pages, anchored, gapped))
        return weigh(band, middle, runs, pages, anchored, gapped)  # type: ignore[arg-type]

    monkeypatch.setattr(layout_rows, "band_cost", recording)
    layout._ASSIGNED.clear()
    layout._TRIED.clear()
    layout._CUTS.clear()
    layout._band_costs.cache_clear()
    for page in TEXT_PAGES:
        try:
            parse_bytes(page.read_bytes(), page.name)
        except ParseError:
            pass
    monkeypatch.undo()
    assert len(asked) > 1000
    # (and each band weighed as on the PDF front end's own text, where a blank line parts no cell)
    asked += [(*a[:5], 0.0) for a in asked]
    fast = [layout_rows.band_cost(*a) for a in asked]  # type: ignore[arg-type]
    monkeypatch.setattr(layout_rows, "_band_c", None)
    slow = [layout_rows.band_cost(*a) for a in asked]  # type: ignore[arg-type]
    assert len({c for c in slow if c < layout_rows.STACKED}) > 100  # costs of every kind, not one
    assert [k for k, (a, b) in enumerate(zip(fast, slow, strict=True)) if a != b] == []


@compiled
def test_a_heading_line_is_told_as_the_patterns_tell_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # layout_words._heading_line of every committed page's line, and of random lines of heading
    # words, numbered labels, marks and other words and characters, compiled and by the patterns.
    rng = random.Random(7)
    pieces = [*sorted(layout_words._HEADING_WORDS), "Title", "(Instr.", "3.", "2A.", "10.5", "1.", "12.x", "9A.4",
              "(1)", "D", "Stock", "Month/Day/Year)", "-", "$", "\t", "\x1c", "1,000", "Owned", "é", "?"]  # fmt: skip
    lines = _page_lines()
    for _ in range(20000):
        seps = [rng.choice((" ", "  ", "   ", "\n", "")) for _ in range(8)]
        lines.append("".join(rng.choice(pieces) + sep for sep in seps[: rng.randrange(0, 8)]))
    told = layout_words._heading_line.__wrapped__
    fast = [told(ln) for ln in lines]
    monkeypatch.setattr(layout_words, "_scan_c", None)
    slow = [told(ln) for ln in lines]
    assert 1000 < sum(slow) < len(lines) - 1000  # heading lines and others
    assert [k for k, (a, b) in enumerate(zip(fast, slow, strict=True)) if a != b] == []


@compiled
def test_a_rows_words_are_grouped_into_the_same_units(monkeypatch: pytest.MonkeyPatch) -> None:
    # layout_units._units of every row the committed pages ask to be cut, and of random rows of
    # values, marks, "$" and words on four lines (touching, a space apart, over and under each other),
    # with and without one_value, compiled and in Python: the same units in the same order.
    rows = [toks for toks, _, _ in _rows(TEXT_PAGES, monkeypatch)]
    rng = random.Random(3)
    texts = ["1,000", "10.50", "$", "(1)", "(2)(3)", "¹", "D", "I", "Common", "Stock", "By", "500", "02/03/2020"]
    for _ in range(5000):
        row, x = [], 0
        for _ in range(rng.randrange(1, 14)):
            text = rng.choice(texts)
            x = max(0, x + rng.randrange(-6, 5))
            row.append(Tok(rng.randrange(0, 4), x, x + len(text), text))
            x += len(text)
        rows.append(row)
    grouped = [(layout_units._units(r), layout_units._units(r, one_value=True)) for r in rows]
    monkeypatch.setattr(layout_units, "_units_c", None)
    plain = [(layout_units._units(r), layout_units._units(r, one_value=True)) for r in rows]
    assert sum(len(r) - len(u) for r, (u, _) in zip(rows, plain, strict=True)) > 1000  # words joined
    assert [k for k, (a, b) in enumerate(zip(grouped, plain, strict=True)) if a != b] == []

"""Table I and Table II laid out as text (``pdftotext -layout``, a PDF without cell borders, pandoc's
plain text): which word belongs to which column, and which line to which row.

Text has no cells, only words at character positions, and a layout program moves them: a row may sit
a few characters left or right of its heading, and one line of a row differently from the next. So
positions are used only as far as they can be trusted:

* each column's *range* comes from its printed heading: a numbered label ("4.", "2A.") starts a
  column or a group; a sub-heading ("Code", "V", "Price", "(A)"...) is centred over its sub-column.
  A label that cannot be found is placed between its neighbours;
* every row has exactly one "D" or "I" in its Ownership Form column, so those words anchor the rows;
  the lines of a row are its blank-line-separated group, or else the lines nearest its anchor;
* within a row the words keep their left-to-right order, and each cell must read as its column's
  type (a date, a number, a code...). The words are cut into cells in that order by the assignment
  that fits every type and lies nearest the columns' ranges (a small dynamic programme), so a cell a
  few characters off its heading still lands in its own column, and two cells printed one space
  apart are still told apart.

A row no assignment fits is an error, never a guess.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from . import layout_browser_rows, layout_heading, layout_rows, tables
from .layout_cells import _FAR, _TEXT, _dist, _join, _ranges, assign_placed, typed_cuts
from .layout_cells import assign as assign  # one row cut into cells, asked of this module by the tests
from .layout_fit import (
    SQUEEZED_TITLE,
    _check_one_grid,
    _extents,
    _mark_leads,
    _no_transaction,
    _nothing_owned,
    _on_grid,
    _undated,
    _wrapped_marks,
    acquired_or_disposed,
    ad_label_page,
    ad_twins,
    di_spread,
    ends_pushed,
    nearest_printable_cut,
    off_label_page,
    price_in_text,
    settle_where_unmoved_rows_print,
    two_amount_columns,
)
from .layout_fit import astride_acquired_and_disposed as _astride_acquired_and_disposed
from .layout_fit import dollar_in_title as _dollar_in_title
from .layout_fit import unsure_acquired_or_disposed as _unsure_acquired_or_disposed
from .layout_heading import RULE_RE, _label_xs, _sub_span, column_starts
from .layout_lines import (
    NATURES_JOINED,
    _group_by_blank,
    _natures_above,
    _natures_joined,
    _run_on,
    _straddles,
    _valued_page_tops,
)
from .layout_pages import _heading_on_one_grid, _page_scales, _scaled, before_form_number
from .layout_rounded import ROUND_TIED, rounded_ties
from .layout_ties import (
    AD_TIED,
    CODE_TIED,
    GRID_TIED,
    MARK_TIED,
    RAISED_TIED,
    TIED,
    TITLE_TIED,
    mark_beside_ad,
    mark_over_code,
    marks_out_of_ad,
    marks_past_amount,
    marks_past_date,
    raised_marks,
)
from .layout_titles import titles_run_on
from .layout_words import _CHUNK_RE, _MARKS_RE, _NUMBER_TOKEN_RE, Tok, _is_heading_line, _tokens

_VALUE_RE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,3}(?:,\d{3})+|\$\s*\d|[⁽(]\d{1,3}[⁾)]|[¹²³⁴⁵⁶⁷⁸⁹]")


def _nearest(i: int, anchors: list[int]) -> int:
    best = 0
    for k, a in enumerate(anchors):
        if abs(a - i) < abs(anchors[best] - i):
            best = k
    return best


def read_table(
    lines: list[str],
    start: int,
    end: int,
    form: str,
    table: int,
    pages: Sequence[int] | None = None,
    tie: str | None = None,
    gaps: bool = True,
    grid: bool = False,
) -> tuple[list[list[str]], str | None]:
    """Rows of cells for the table whose heading starts at line ``start``; or an explanation why not.
    ``pages`` gives each line's page, where the text was printed page by page (``pdftotext``).
    ``tie``: back-to-back rows whose lines fit two cuts alike are cut the earliest ("early") or the
    latest ("late") way instead of not read (the caller compares the two readings). ``gaps``: a blank
    line parts a cell's lines (true of a layout program's grid of one line a baseline, as
    ``pdftotext``'s; not of the PDF front end's own text, whose grid is finer than a cell's lines).
    ``grid``: a text browser laid the page on its grid of characters (:mod:`.layout_browser_rows`)."""
    # Rows printed back to back over a page break: the row the break cut stands at its page's foot,
    # its cells at its top and their rest at the top of the next page (not centred). Weighed only
    # where the rows were not read as centred on their pages (most rows are not cut); and a tie is
    # cut either way only where the table is not read otherwise, so a page reads the same tables
    # whatever ``tie`` says.
    end = before_form_number(lines, start, end)
    breaks = pages is not None and len(set(pages[start:end])) > 1
    rows, why, error = _tried(lines, start, end, form, table, pages, None, False, breaks, gaps=gaps, grid=grid)
    if why == _STRADDLES:
        # Rows read as centred on their lines, one of them over a page break: chromium centres no
        # row the break cuts (it starts at the row's top and runs on), so the rows are read with
        # the break weighed; where that does not read, as centred, as before.
        again, why_again, _e = _tried(lines, start, end, form, table, pages, None, True, gaps=gaps, grid=grid)
        if not why_again:
            return again, None
        rows, why, error = _tried(lines, start, end, form, table, pages, None, False, gaps=gaps, grid=grid)
    if why and breaks:
        again, why_again, _e = _tried(lines, start, end, form, table, pages, None, True, gaps=gaps, grid=grid)
        if not why_again:
            return again, None
        if why_again == TIED and error is not None and str(error).endswith(TITLE_TIED):
            # The rows weighed with the break fit two cuts alike, and read as centred a title may run
            # on into the next row's: the tie's readings (cut with the break) differ where either
            # leaves the page untold, natures and titles; the caller is told both.
            error = tables.RowError(f"{TIED}; {error}")
    if why and tie is not None:
        for cut in [True, False] if breaks else [False]:  # (lists: tuples of constants are C types when compiled)
            rows, why, error = _tried(lines, start, end, form, table, pages, tie, cut, gaps=gaps, grid=grid)
            if not why:
                return rows, None
    if error is not None:
        raise error
    if why == _NO_HEADINGS and layout_heading.cut_at_edge(lines, start, end, form, table):
        # (a heading the paper's edge cut, over no row: the table is empty, whatever its columns)
        return ([], None) if layout_heading.no_rows(lines, start, end) else ([], layout_heading.CUT_AT_EDGE)
    return rows, why


def _tried(
    lines: list[str],
    start: int,
    end: int,
    form: str,
    table: int,
    pages: Sequence[int] | None,
    tie: str | None,
    breaks: bool,
    straddle: bool = False,
    gaps: bool = True,
    grid: bool = False,
) -> tuple[list[list[str]], str | None, tables.RowError | None]:
    """The table read plainly, and where that fails, each further way in turn: the rows, or why
    not (with the plain reading's error). A page with a tie is read three times over (plainly,
    each tie cut early, late): the readings of its tables are kept for the next. ``straddle``:
    rows read as centred that stand over a page break are not taken (why: :data:`_STRADDLES`)."""
    segment = tuple(lines[max(0, start - 1) : end])
    key = (
        segment,
        tuple(pages[start:end]) if pages else None,
        form,
        table,
        tie,
        breaks,
        straddle,
        gaps,
        grid,
        _MAX_TYPED_ROWS,
        _CUT_MARGIN,
    )
    got = _TRIED.get(key)
    if got is None:
        if len(_TRIED) >= 16:
            _TRIED.clear()
        got = _TRIED[key] = _tried_now(lines, start, end, form, table, pages, tie, breaks, straddle, gaps, grid)
    rows, why, error = got
    return [list(r) for r in rows], why, error


#: Why a further way reads the rows but for what the page leaves untold (the caller reads both ways).
_UNTOLD = (AD_TIED, TITLE_TIED, MARK_TIED, RAISED_TIED, CODE_TIED)
#: The readings of the tables read last, by their lines, pages, form, table and ways tried.
_TRIED: dict[object, tuple[list[list[str]], str | None, tables.RowError | None]] = {}


def _tried_now(
    lines: list[str],
    start: int,
    end: int,
    form: str,
    table: int,
    pages: Sequence[int] | None,
    tie: str | None,
    breaks: bool,
    straddle: bool = False,
    gaps: bool = True,
    grid: bool = False,
) -> tuple[list[list[str]], str | None, tables.RowError | None]:
    error: tables.RowError | None = None
    try:
        rows, why = _read_table(
            lines, start, end, form, table, pages, False, None, tie, breaks, straddle, gaps=gaps, grid=grid
        )
    except tables.RowError as e:
        rows, why, error = [], str(e), e
    if why == _STRADDLES:
        return [], why, None
    # The heading may run across a page break, its upper lines on another grid than the rows; and
    # a row whose cells stand far off their headings may still be cut by its words' types. Each is
    # tried only when the plainer reading fails (a heading laid out again, then cuts by types).
    broken = pages is not None and len(pages) > 0 and pages[start] != pages[min(end, len(pages)) - 1]
    tries: list[tuple[bool | None, float | None]] = [(True, None)] if broken else []
    tries += [(False, _CUT_MARGIN), *([(True, _CUT_MARGIN)] if broken else [])]
    for relay, margin in tries if why else []:
        try:
            again, why_again = _read_table(
                lines,
                start,
                end,
                form,
                table,
                pages,
                bool(relay),
                margin,
                tie,
                breaks,
                straddle,
                relay is None,
                gaps,
                grid,
            )
        except tables.RowError as e:
            if str(e).endswith(_UNTOLD) and not (why or "").endswith(_UNTOLD):
                # A further way reads the rows but for what the page leaves untold: that is why
                # (the caller reads the table both ways), not the plainer way's failure.
                rows, why, error = [], str(e), e
            continue
        if why_again == _STRADDLES:
            return [], why_again, None
        if not why_again:
            return again, None, None
        if relay and why_again in (_RELAID_LOSES_AD, _NO_HEADINGS) and (None, None) not in tries:
            # The heading laid out again by one stretch is of no use (the page's two parts are not
            # one stretch apart): last, the heading stays on its upper page's grid, where its
            # labels were found, and the rows are moved to it as a later page's are.
            tries += [(None, None), (None, _CUT_MARGIN)]
    return rows, why, error


def _heading_end(lines: list[str], start: int, end: int) -> int:
    """The heading: the lines from its first label down to the first line that is not heading words."""
    stop = start + 1
    while stop < end and (not lines[stop].strip() or _is_heading_line(lines[stop], stop)):
        stop += 1
    return stop


_NO_ANCHOR = "values under the heading, but no row shows its Ownership Form"
#: Why a Table II row is not read: its underlying title ends in a number and its amount is empty.
_TITLE_AMOUNT = "an underlying title ends in a number where the amount's column is empty"
_ENDS_IN_AMOUNT_RE = re.compile(r"\s\d{1,3}(?:,\d{3})*(?:\.\d+)?$")
#: Why a Table I transaction row is not read: it shows no (A) or (D).
_NO_AD = "a transaction row shows no (A) or (D): its cells may stand under other columns"
_NO_HEADINGS = "the table's column headings were not found"
_RELAID_LOSES_AD = "the heading laid out again loses its (A) and (D) columns"
#: Why rows read as centred were not taken: one of them stands over a page break.
_STRADDLES = "a row read as centred stands over a page break"


def _read_table(
    lines: list[str],
    start: int,
    end: int,
    form: str,
    table: int,
    pages: Sequence[int] | None,
    relay: bool,
    margin: float | None = None,
    tie: str | None = None,
    breaks: bool = False,
    straddle: bool = False,
    upper: bool = False,
    gaps: bool = True,
    grid: bool = False,
) -> tuple[list[list[str]], str | None]:
    cols = tables.columns(form, table)
    rule = [lines[start - 1]] if start > 0 and RULE_RE.match(lines[start - 1]) else []
    head_stop = _heading_end(lines, start, end)
    head = lines[start:head_stop]
    if relay and pages:
        laid = _heading_on_one_grid(head, pages[start:head_stop])
        if table == 2 and _ad_under_label(head, form) and not _ad_under_label(laid, form):
            # The heading's (A) and (D) stand under their label as printed, and laid out again they
            # do not: the page's two parts are not one stretch apart, and Table II tells acquired
            # from disposed by those columns alone.
            return [], _RELAID_LOSES_AD
        head = laid
    starts = column_starts(rule + head, form, table)
    if starts is None:
        return [], _NO_HEADINGS
    rngs = _ranges(starts)
    di = cols.index("di")
    # Columns that could also hold a lone "D" or "I" (a code, the (A)/(D) mark, free text).
    rivals = [i for i, c in enumerate(cols) if tables.check_cell(c, "D") or tables.check_cell(c, "I")]
    rivals = [i for i in rivals if i != di]
    scales = _page_scales(lines, head_stop, end, pages, table, starts, pages[start] if upper else None) if pages else {}
    anchors: list[int] = []
    toks_by_line: dict[int, list[Tok]] = {}
    for i in range(start, end):
        if "---" in lines[i] and RULE_RE.match(lines[i]):  # (the literal a rule needs, looked for first)
            continue
        ts = _scaled(_tokens(lines[i], i), scales.get(pages[i]) if pages else None)
        if not ts:
            continue
        toks_by_line[i] = ts
        for t in ts:
            if ("D" in t.text or "I" in t.text) and _lone_di(t.text):
                # A layout program can print a row's cells well off their headings, so the D or I
                # anchors its row when no other column that could hold it is as near.
                mine = _dist(t, rngs[di])
                if all(mine < _dist(t, rngs[r]) for r in rivals) and mine <= _FAR * 1.5:
                    anchors.append(i)
                    break
    if not anchors and (relay or margin is not None):
        # The heading's grid and the rows' differ (a page break inside the heading, a heading laid
        # out narrower than its rows): when the rows are read by their words' types, a row's D or I
        # is the last lone D or I of a line that reads as a row (after a value, right of the
        # middle of the table), wherever its column's heading stands.
        anchors = [i for i in range(head_stop, end) if i in toks_by_line and _row_di(toks_by_line[i], starts)]
    if not anchors:
        # Values below the heading but no row with its D or I: the page is cut off or unreadable.
        if any(_VALUE_RE.search(lines[i]) for i in toks_by_line if not _is_heading_line(lines[i], i)):
            return [], f"{_NO_ANCHOR} (D or I): cut off?"
        return [], None
    # Heading lines: everything down to the last heading-looking line above the first anchor.
    head_end = start
    valued = None  # the first line above the first anchor holding a value, not heading words
    natures = _natures_above(toks_by_line, start, anchors[0], starts[cols.index("nature")])
    for i in range(start, anchors[0]):
        if i not in toks_by_line:
            continue
        if _is_heading_line(lines[i], i) and i not in natures:
            if valued is not None:
                # A row's words that read as heading words ("Series A2 Preferred Shares"), below a
                # line of the row's values (its raised footnote marks "(2) (2)" over "Common"): the
                # heading ended above that line.
                break
            head_end = i + 1
        elif valued is None and _VALUE_RE.search(lines[i]):
            valued = i
    anchors = [a for a in anchors if a >= head_end]
    data = [i for i in sorted(toks_by_line) if i >= head_end]
    groups = _group_by_blank(data, anchors, _valued_page_tops(data, toks_by_line, pages))
    if len(anchors) > 1 and (layout_heading.wrapped_above(lines[start]) or layout_heading.squeezed(lines[start])):
        if groups is None or _group_by_blank(data, anchors) is None:  # (blank lines part the rows, and
            return [], layout_heading.PACKED  # the page breaks part none but a row's own lines)
    row_toks: list[list[Tok]] = [[] for _ in anchors]
    if groups is not None:
        for i in data:
            row_toks[groups[i]].extend(toks_by_line[i])
    else:
        runs = {
            i: _scaled([Tok(i, m.start(), m.end(), m.group(0)) for m in _CHUNK_RE.finditer(lines[i])],
                       scales.get(pages[i]) if pages else None)
            for i in data
        }  # fmt: skip
        # Each line's page: a row a page break cut runs on at the top of the next page (not weighed
        # in a Table II whose later pages were moved: there (A) and (D) stand only as near their
        # columns as the page's landmarks place them, and the table is read only where the rows
        # are cut as on one page).
        page_of_line = {i: pages[i] for i in data} if breaks and pages and not (scales and "a" in cols) else None
        words = tuple((t.line, t.x0, t.x1, t.text) for i in data for t in runs[i])
        key = (tuple(anchors), words, tuple(page_of_line.values()) if page_of_line else None, gaps, grid)
        three = _CUTS.get(key)
        if three is None:
            if len(_CUTS) >= 64:
                _CUTS.clear()
            gapped = layout_rows.GAPPED if gaps else 0.0
            memo = _band_costs(tuple(data), words, gapped)
            three = _CUTS[key] = (
                layout_browser_rows.grid_cuts(data, anchors, runs)
                if grid
                else layout_rows.cuts(data, anchors, runs, page_of_line, memo, gapped)
            )
        plain, early, late = three
        # (Rows set on whole lines whose natures' lines fit two cuts alike: read both ways.)
        nature_x = starts[cols.index("nature")] if "nature" in cols else float("inf")
        gap_cost = layout_rows.GAPPED if gaps else 0.0
        rounded = None if plain is None or grid else rounded_ties(data, anchors, runs, plain, gap_cost, nature_x)
        if rounded is not None:
            if tie is None:
                raise tables.RowError(ROUND_TIED)
            early, late = rounded
        # (A tie in a Table II moved from a later page is cut either way too: where its rows stand
        # only as near their (A) and (D) columns as the page's landmarks place them, acquired or
        # disposed is read both ways with the tie, and the caller lists it missing.)
        rows_of = plain if tie is None else early if tie == "early" else late
        if rows_of is None:
            raise tables.RowError(GRID_TIED if grid and early is not None else TIED)
        if straddle and pages and page_of_line is None and _straddles(rows_of, pages):
            return [], _STRADDLES
        for i, r in rows_of.items():
            row_toks[r].extend(toks_by_line[i])
        if breaks and pages:
            row_toks = [_run_on(toks, pages, {pages[a] for a in anchors} | set(scales)) for toks in row_toks]
    row_toks = [_wrapped_marks(toks) for toks in row_toks]
    moved = {i for i in toks_by_line if pages and scales.get(pages[i])}
    cells_of: dict[int, list[str]] = {}
    placed: dict[int, tuple[int, list[list[Tok]]]] = {}  # each row's page and cells' words
    by_types: set[int] = set()  # the pages where a row was cut by its words' types
    pending: list[int] = []  # rows the page's grid may yet cut

    def page_of(k: int) -> int:
        return pages[anchors[k]] if pages else 0

    def take(k: int, cells: list[str], cut: list[list[Tok]]) -> None:
        if grid and (marked := layout_browser_rows.marks_to_their_line(cut)) is not None:
            cut, cells = marked, [c if marked[i] == cut[i] else _join(marked[i]) for i, c in enumerate(cells)]
        if "a" in cols and any(t.line in moved for t in row_toks[k]):
            # (A lone footnote mark beside a moved row's number in (A) or (D) is a date's.)
            shifted = marks_out_of_ad(cut, cols)
            if shifted is not None:
                cut, cells = shifted, [c if shifted[i] == cut[i] else _join(shifted[i]) for i, c in enumerate(cells)]
            ad_moved[k] = _unsure_acquired_or_disposed(cut, starts, cols)
        elif ad_page is not None and pages and (off := off_label_page(cut, starts, cols, pages, ad_page)) is not None:
            ad_moved[k] = off  # (a row on the page after the heading's sub-labels, on its own grid)
        elif "a" in cols and not grid and (astride := _astride_acquired_and_disposed(cut, starts, cols)) is not None:
            # (A layout program's text, not a text browser's grid: a browser sets a row's number on
            # whole characters under its own column's heading, where the line between them tells.)
            ad_moved[k] = astride  # (told as a moved page's unsure rows are)
        if (dollar := _dollar_in_title(cut, cols)) is not None:
            raise tables.RowError(
                f"{dollar!r} holds a '$' cut off the next column's number: where the title ends cannot be told"
            )
        if (mark := mark_over_code(cut, cols)) is not None:
            code_mark[k] = mark
        cells_of[k] = cells
        placed[k] = (page_of(k), cut)

    # Rows of moved pages in Table II: the number standing unsure between (A) and (D), or None.
    ad_moved: dict[int, str | None] = {}
    ad_page = ad_label_page(lines, start, head_stop, pages) if "a" in cols and pages and not grid else None
    ad_lone: dict[int, str] = {}  # rows of unmoved pages whose number fits (A) and (D) alike
    code_mark: dict[int, Tok] = {}  # rows whose (A) or (D) code's mark may be the amount's
    typed: dict[int, list[tuple[float, list[list[Tok]]]] | None] = {}  # rows' cuts by type, once
    for k, toks in enumerate(row_toks):
        got = _assigned(toks, starts, cols, False)
        if got is not None and (
            _no_transaction(cols, got[0])
            or _nothing_owned(cols, got[0])
            or _undated(cols, got[0])
            or _mark_leads(got[1], cols)
        ):
            # Cells by position that make no row the form prints (a holding's amount under the
            # price column, on a page moved to the heading's grid or printed a little right of its
            # headings; the form would drop it; a row without the amount owned, taken into a long
            # title printed one space before it; a transaction's date under the deemed date's
            # heading of a heading the page break cut): cut by their types instead.
            got = None
        if got is None:
            # Cells printed far off their headings (a later page laid out on its own grid): read
            # where the words' types and order allow one cut only.
            got = _assigned(toks, starts, cols, True)
            if got is not None:
                by_types.add(page_of(k))
        if got is None:
            got = nearest_printable_cut(toks, starts, cols)
        if got is None and margin is not None:
            if len(pending) >= _MAX_TYPED_ROWS:
                # Each such row weighs many cuts: a table of them (no filing seen has more than 24)
                # would take seconds, so a hostile one is refused instead.
                raise tables.RowError(f"more than {_MAX_TYPED_ROWS} rows stand off their headings")
            pending.append(k)
            continue
        if got is None:
            raise tables.RowError(_unfit(toks))
        take(k, *got)
    lenient = False
    fits: dict[int, list[tuple[float, list[list[Tok]]]]] = {}  # each pending row's cuts on the grid
    raised_of: dict[int, dict[int, list[Tok]]] = {}  # rows read with a mark far off its cell's words
    while pending:
        # Several cuts by type: the page's other rows show where it prints its columns, so of the
        # row's cuts those whose cells stand there are weighed (all of them where no other row of
        # the page is placed yet): the only one, or one far nearer the columns than any other.
        done: list[int] = []
        for k in pending:
            known = _extents([cut for p, cut in placed.values() if p == page_of(k)], cols)
            if k not in typed:
                typed[k] = _typed_cuts(row_toks[k], starts, cols)
            # (A cut with a footnote mark far right of the word before it in a cell is left aside,
            # as cuts by position leave it: a mark follows its value one space after it; and one
            # with a lone mark in Table II's (A) or (D) beside the number in the other: the form
            # prints neither so.)
            # (The cheaper tests first: a row weighs up to 2,000 cuts.)
            after = cols.index("after") if "after" in cols else None
            # (On a moved page, (A) and (D) are placed only between their neighbours here: the
            # page's own rows tell them apart afterwards, else acquired or disposed stays unsure.)
            ad_as_one = "a" in cols and any(t.line in moved for t in row_toks[k])
            if ad_as_one:  # (left out once per row, not per cut: see _on_grid)
                known = {c: span for c, span in known.items() if cols[c] not in ("a", "d")}
            # (The last step's first rows stand as in the round before, which placed nothing.)
            fit = fits[k] if lenient and not done and k in fits else [
                (cost, cut)
                for cost, cut in typed[k] or []
                if (after is None or cut[after])
                and _on_grid(cut, known, cols)
                and raised_marks(cut, cols, _TEXT) is not None
                and not _mark_leads(cut, cols)
                and not mark_beside_ad(cut, cols)
            ]  # fmt: skip
            # (A free-text cell's mark alone a line off, far right of its words, is weighed only
            # where no cut leaves every mark near its value: the row is then read with the mark
            # and without it, see RAISED_TIED.)
            fit = [e for e in fit if not raised_marks(e[1], cols, _TEXT)] or fit
            fits[k] = fit
            twin = None
            if lenient and "a" in cols and margin is not None:
                # (Last, once the page's other rows settle nothing more: a row whose number fits
                # (A) and (D) alike is read but for acquired or disposed, on the heading's page
                # (``twin``) or a moved one (where a page's (A) and (D) are told as its rows are).)
                fit, twin = ad_twins(fit, cols, margin)
                if ad_as_one:
                    fit, twin = ([] if fit and price_in_text(fit[0][1], cols) else fit), None
            if len(fit) == 1 or (len(fit) > 1 and margin is not None and fit[1][0] - fit[0][0] >= margin):
                take(k, [_join(c) for c in fit[0][1]], fit[0][1])
                if raised := raised_marks(fit[0][1], cols, _TEXT):
                    raised_of[k] = raised
                if twin is not None:
                    ad_lone[k] = twin
                by_types.add(page_of(k))
                done.append(k)
        if not done and not lenient:
            lenient = True
            continue
        if not done:
            raise tables.RowError(_unfit(row_toks[pending[0]]))
        pending, lenient = [k for k in pending if k not in done], False
    if layout_heading.squeezed(lines[start]) and any(ends_pushed(cut[0]) for _p, cut in placed.values()):
        return [], SQUEEZED_TITLE
    for k, raised in raised_of.items():
        if tie is None:
            c = next(iter(raised))
            raise tables.RowError(f"{cells_of[k][c][:60]!r} {RAISED_TIED}")
        if tie == "late":  # (read without those marks; "early" reads them as the cell's)
            cut = placed[k][1]
            cells_of[k] = [_join([t for t in cut[c] if t not in raised[c]]) if c in raised else v
                           for c, v in enumerate(cells_of[k])]  # fmt: skip
    for k, mark in code_mark.items():
        ad, amount = cols.index("ad"), cols.index("amount")
        if tie is None:
            raise tables.RowError(f"{cells_of[k][ad][:60]!r} {CODE_TIED}")
        if tie == "late":  # (read as the amount's mark; "early" reads it as the code's)
            cells = list(cells_of[k])  # (a copy: a row's cells are kept for the next reading)
            cells[ad] = _join([t for t in placed[k][1][ad] if t is not mark])
            cells[amount] = f"{cells[amount]} {mark.text}"
            cells_of[k] = cells
    if not grid and (spread := di_spread(placed, cols.index("di"))) is not None:  # (a browser's grid is one)
        raise tables.RowError(spread)
    two_amount_columns(ad_moved, placed, cells_of, cols)
    for page in by_types:
        _check_one_grid([cut for p, cut in placed.values() if p == page], cols, pages)
    settle_where_unmoved_rows_print(ad_moved, placed, cols)
    # (A tie's readings list the natures they differ in missing, and a cut of theirs may run two
    # together: only a reading that stands on its own is weighed.)
    joined = None if tie else _natures_joined([cut for _p, cut in placed.values()], cols.index("nature"))
    if joined is not None:
        raise tables.RowError(f"{joined[:60]!r} {NATURES_JOINED}")
    acquired_or_disposed(ad_moved, cells_of, page_of, cols, tie, ad_lone)
    marks_past_date(cells_of, cols, tie)
    if grid:  # (a browser sets a cell one space after the one before it)
        marks_past_amount(cells_of, cols, tie)
    if not grid:  # (on a browser's grid every cut that fits is weighed: a tie is told by the cut)
        titles_run_on(placed, cells_of, cols, tie)
    rows = [cells_of[k] for k in range(len(row_toks))]
    ad, on = (cols.index("ad"), cols.index("date")) if "ad" in cols else (-1, -1)
    if ad >= 0 and any(r[on].strip() and not r[ad].strip() for r in rows):
        # A Table I transaction always prints its (A) or (D) (the form requires it): a row placed
        # without one has its cells under other columns (a heading squeezed narrower than its words).
        raise tables.RowError(_NO_AD)
    us, ut = (cols.index("ushares"), cols.index("utitle")) if "ushares" in cols else (-1, -1)
    if us >= 0 and any(not r[us].strip() and _ENDS_IN_AMOUNT_RE.search(r[ut]) for r in rows):
        # An underlying title ending in a number where the amount's column is empty: the amount set
        # one space after the title ("Common Stock 938"), short of its column; whose it is is unsure.
        raise tables.RowError(_TITLE_AMOUNT)
    return rows, None


#: Rows' cells as ``assign_placed`` cut them, by their words, columns and way (a table is read
#: again for each way tried and each reading of a page with a tie).
_ASSIGNED: dict[object, tuple[list[str], list[list[Tok]]] | None] = {}


def _assigned(
    toks: list[Tok], starts: list[float], cols: tuple[str, ...], by_order: bool
) -> tuple[list[str], list[list[Tok]]] | None:
    key = (tuple(toks), tuple(starts), cols, by_order)
    if key in _ASSIGNED:
        got = _ASSIGNED[key]
    else:
        if len(_ASSIGNED) >= 4096:
            _ASSIGNED.clear()
        got = _ASSIGNED[key] = assign_placed(toks, starts, cols, by_order=by_order)
    return None if got is None else (list(got[0]), [list(c) for c in got[1]])


@functools.lru_cache(maxsize=4096)
def _lone_di(text: str) -> bool:
    """A word that is a D or an I, its footnote marks aside (asked of every word under the heading)."""
    return _MARKS_RE.sub("", text) in ("D", "I")


def _unfit(toks: list[Tok]) -> str:
    text = " ".join(t.text for t in sorted(toks, key=lambda t: (t.line, t.x0)))
    return f"a row's words do not fit the table's columns in order: {text[:80]!r}"


#: The rows' cuts of the tables read last (a page is read again: a heading laid out again, cuts by
#: type, a tie cut both ways), by their anchors and words; the search is the costliest step.
_CUTS: dict[object, tuple[dict[int, int] | None, dict[int, int] | None, dict[int, int] | None]] = {}


@functools.lru_cache(maxsize=16)
def _band_costs(
    data: tuple[int, ...], words: tuple[tuple[int, int, int, str], ...], gapped: float
) -> layout_rows.BandCosts:
    """The costs of bands weighed in the row searches of a table of these lines and words, shared by
    its searches with other anchors or with and without its page breaks (filled by the searches)."""
    return {}


#: The cuts by type of the rows read last, by their words and columns (a page is read again).
_TYPED: dict[object, list[tuple[float, list[list[Tok]]]] | None] = {}


def _typed_cuts(
    toks: list[Tok], starts: list[float], cols: tuple[str, ...]
) -> list[tuple[float, list[list[Tok]]]] | None:
    key = (tuple(toks), tuple(starts), cols)
    if key in _TYPED:
        return _TYPED[key]
    if len(_TYPED) >= 256:
        _TYPED.clear()
    got = _TYPED[key] = typed_cuts(toks, starts, cols)
    return got


#: Rows of one table cut by their words' types, at most.
_MAX_TYPED_ROWS = 40
#: A cut by types is taken when every other lies this many characters farther off the columns.
_CUT_MARGIN = 6.0


def _ad_under_label(head: list[str], form: str) -> bool:
    """Do Table II's "(A)" and "(D)" stand, in that order, under their label "5." (between it and
    label "6.", as :func:`column_starts` looks for them)?"""
    if form == "3":  # (a Form 3's Table II has no transactions)
        return False
    xs = _label_xs(head)
    five, six = xs.get("5"), xs.get("6")
    if five is None or six is None:
        return False
    a, d = _sub_span(head, "a", five - 8, six + 14), _sub_span(head, "d", five - 8, six + 14)
    return a is not None and d is not None and a[1] <= d[0]


def _row_di(ts: list[Tok], starts: list[float]) -> Tok | None:
    """The D or I of a line that reads as a row: its last lone D or I, after a number, past the
    middle of the table and a few characters from the Ownership Form column at most."""
    if len(ts) < 3:
        return None
    di = starts[-2]
    for k in range(len(ts) - 1, 0, -1):
        t = ts[k]
        if _MARKS_RE.sub("", t.text) in ("D", "I"):
            if t.mid < starts[-1] / 2 or abs(t.mid - di) > _FAR * 2:
                return None
            return t if any(_NUMBER_TOKEN_RE.match(u.text) for u in ts[:k]) else None
    return None

"""Whether a laid-out row's cut is one the form prints and the page shows (``layout.py`` asks): a
row the form prints (a transaction shows its date and code, every row its amount owned; a holding
no transaction's cells), footnote marks where a page sets them (a mark follows its text; a price's
mark ends its "$" / value stack), and the rows of one page on one grid."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from . import tables
from .layout_cells import _LONE_VALUE_RE, _TEXT, _join, _mark_apart, position_cuts
from .layout_ties import AD_TIED
from .layout_words import _MARK_RE, Tok
from .values import split_marks

#: A transaction's own cells: a row without a transaction date or code has none of them.
_TRANSACTION_ONLY = frozenset(("deemed", "amount", "ad", "price", "a", "d"))


def _no_transaction(cols: tuple[str, ...], cells: list[str]) -> bool:
    """Do the cells hold a transaction's amount, price or deemed date on a row without its date
    and code (a holding)? The form prints no such row."""
    has = {c for c, v in zip(cols, cells, strict=True) if v}
    return "date" in cols and not has & {"date", "code", "code5"} and bool(has & _TRANSACTION_ONLY)


def _nothing_owned(cols: tuple[str, ...], cells: list[str]) -> bool:
    """Is the amount owned (after the transactions) empty? Every row the form prints shows it."""
    return "after" in cols and not cells[cols.index("after")]


def _undated(cols: tuple[str, ...], cells: list[str]) -> bool:
    """Does a Form 4 transaction (its code shown) lack its date? The form prints none without it.
    (A Form 5 prints a holding's form type, "3", in its code column.) Footnote marks alone are no
    date: another cell's mark set off its words."""
    return "code" in cols and bool(cells[cols.index("code")]) and not split_marks(cells[cols.index("date")])[0].strip()


def _mark_leads(cut: list[list[Tok]], cols: tuple[str, ...]) -> bool:
    """Does a free-text cell (a title, a nature) hold a footnote mark on a line of its own standing
    clear left of every word of the cell? A mark follows its text: such a mark, raised over the
    cell's words from the column before ("(7)" up-left of "Common"), is that column's."""
    for c, kind in enumerate(cols):
        if kind not in _TEXT:
            continue
        words = [t for t in cut[c] if not _MARK_RE.match(t.text)]
        if not words:
            continue
        left = min(t.x0 for t in words)
        lines = {t.line for t in words}
        if any(_MARK_RE.match(t.text) and t.line not in lines and t.x1 < left - 2 for t in cut[c]):
            return True
    return False


#: How far right of the value on the line above a footnote mark wrapped under that value may stand
#: (a layout program sets a superscript's small characters right of their place).
_WRAP_SHIFT = 16


def _wrapped_marks(toks: list[Tok]) -> list[Tok]:
    """A price wraps as a stack, "$" over its value over its footnote mark ("$" / "941.25" / "(9)").
    A row's footnote mark alone on its line, with nothing of the row right above it and such a
    stack's value on the line right above, ending left of it, ends that stack: it is not the mark
    of another cell's one-line value ("15,657", two lines up) that it may stand nearer (a layout
    program sets a superscript's small characters right of their place). It is moved under the
    price."""
    by_line: dict[int, list[Tok]] = {}
    for t in toks:
        by_line.setdefault(t.line, []).append(t)
    out = list(toks)
    for k, m in enumerate(toks):
        if len(by_line[m.line]) != 1 or not _MARK_RE.match(m.text):
            continue
        above = by_line.get(m.line - 1, [])
        if any(t.x0 <= m.x1 + 1 and m.x0 <= t.x1 + 1 for t in above):
            continue
        left = [t for t in above if t.x1 <= m.x0]
        if not left:
            continue
        v = max(left, key=lambda t: t.x1)
        dollar = any(t.text == "$" and t.x0 <= v.x1 and v.x0 <= t.x1 + 1 for t in by_line.get(m.line - 2, []))
        if dollar and _LONE_VALUE_RE.match(v.text) and m.x0 - v.x1 <= _WRAP_SHIFT:
            out[k] = Tok(m.line, v.x0, v.x0 + (m.x1 - m.x0), m.text)
    return out


def _extent(cell: list[Tok]) -> tuple[int, int] | None:
    """Where a cell's value stands (its footnote marks left aside, unless it holds nothing else)."""
    ts = [t for t in cell if not _MARK_RE.match(t.text)] or cell
    return (min(t.x0 for t in ts), max(t.x1 for t in ts)) if ts else None


def _extents(cuts: list[list[list[Tok]]], cols: tuple[str, ...]) -> dict[int, tuple[int, int]]:
    """Where rows print each typed column: from the leftmost to the rightmost of its cells."""
    out: dict[int, tuple[int, int]] = {}
    for c, kind in enumerate(cols):
        xs = [e for cut in cuts if kind not in _TEXT and (e := _extent(cut[c])) is not None]
        if xs:
            out[c] = (min(a for a, _b in xs), max(b for _a, b in xs))
    return out


#: How far apart a column's cells may stand on one page (a short number beside a long one).
_NEAR = 4


def _on_grid(cut: list[list[Tok]], known: dict[int, tuple[int, int]], cols: tuple[str, ...]) -> bool:
    """Does each typed cell of the cut stand where the page prints its column (over or under that
    column's cells of other rows, or within a few characters), right of the earlier columns' and
    left of the later ones'? (On a page moved to the heading's grid, whose map does not tell Table
    II's (A) and (D) apart, the caller leaves those two out of ``known``: the number is placed only
    between its neighbours, and :func:`two_amount_columns` tells the columns from the page's own
    rows.)"""
    for c, kind in enumerate(cols):
        e = _extent(cut[c]) if kind not in _TEXT else None
        if e is None:
            continue
        for d, (lo, hi) in known.items():
            if (d < c and hi > e[0]) or (d > c and e[1] > lo) or (d == c and (e[0] > hi + _NEAR or lo > e[1] + _NEAR)):
                return False
    return not _marks_in_other_columns(cut, known, cols)


#: The characters a footnote mark starts with.
_MARK_STARTS = frozenset("(⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹")


def _marks_in_other_columns(cut: list[list[Tok]], known: dict[int, tuple[int, int]], cols: tuple[str, ...]) -> bool:
    """Does a cell hold a footnote mark standing within where the page prints another typed
    column's values (the page's other rows), clear of its own column's (and, in a free-text cell,
    right of all its words)? A mark stands beside its value: such a mark is that other column's
    (a price shown by its marks alone, a conversion price's lone "(1)" on a title's blank line)."""
    if not known:
        return False  # (no other row placed on the page yet: nothing to go by)
    for c, kind in enumerate(cols):
        marks = [t for t in cut[c] if t.text[:1] in _MARK_STARTS and _MARK_RE.match(t.text)]
        if not marks:
            continue
        right = max((t.x1 for t in cut[c] if t not in marks), default=None)
        own = known.get(c)
        for m in marks:
            if kind in _TEXT and (right is None or m.x0 <= right):
                continue
            if own is not None and own[0] - _NEAR <= m.x0 and m.x1 <= own[1] + _NEAR:
                continue
            if any(o != c and lo <= m.x0 and m.x1 <= hi for o, (lo, hi) in known.items()):
                return True
    return False


def _check_one_grid(cuts: list[list[list[Tok]]], cols: tuple[str, ...], pages: Sequence[int] | None) -> None:
    """All rows of a page stand on the page's one grid: a typed column's cells stand left of every
    later typed column's cells, in every row of the page, none reaching under another column's cell
    of another row. Rows cut by their words' types that break this were cut apart from the page's
    grid (or the rows cut by positions beside them were), and are not given."""
    right = float("-inf")  # where the typed columns so far end, in every row
    for c, kind in enumerate(cols):
        if kind in _TEXT:
            continue
        xs = [(t.x0, t.x1) for cut in cuts for t in ([u for u in cut[c] if not _MARK_RE.match(u.text)] or cut[c])]
        if not xs:
            continue
        if min(a for a, _b in xs) < right:
            raise tables.RowError(
                f"rows of one page cut by their words' types stand on different grids ({cols[c]} column)"
            )
        right = max(right, max(b for _a, b in xs))


#: How near a moved page's number must stand to an unmoved row's number to be printed in its place.
_SAME_PLACE = 1.0
#: Within this many characters, every unmoved row's number must be of the same column.
_CLEAR = 3.0


def settle_where_unmoved_rows_print(
    ad_moved: dict[int, str | None], placed: dict[int, tuple[int, list[list[Tok]]]], cols: tuple[str, ...]
) -> None:
    """A Table II number on a page moved to the heading page's grid is unsure near the line between
    (A) and (D) because the map places it only so well. Where it stands within
    :data:`_SAME_PLACE` of a number an unmoved row (the heading page's, read with no map) prints in
    the same column, and no unmoved row prints the other column's within :data:`_CLEAR`, the map
    put it exactly where that page prints its column (its rows' values are the map's landmarks):
    it is that column's, as theirs is. ``ad_moved``: the moved rows' unsure number (or None), made
    None for those so settled; ``placed``: every row's page and cells' words."""
    if not any(value is not None for value in ad_moved.values()):
        return  # (no moved row stands unsure: Table I, or a table on one page)
    a, d = cols.index("a"), cols.index("d")
    spots: list[tuple[float, int]] = []  # (where an unmoved row prints its number, its column)
    for k, (_page, cut) in placed.items():
        if k not in ad_moved:
            spots.extend((t.mid, c) for c in (a, d) for t in cut[c] if _LONE_VALUE_RE.match(t.text))
    for k, value in ad_moved.items():
        if value is None or k not in placed:
            continue
        cut = placed[k][1]
        for c in (a, d):
            here = [t.mid for t in cut[c] if t.text == value]
            if not here:
                continue
            near = [col for x, col in spots if abs(x - here[0]) <= _CLEAR]
            if near and set(near) == {c} and any(abs(x - here[0]) <= _SAME_PLACE for x, col in spots if col == c):
                ad_moved[k] = None


def two_amount_columns(
    ad_moved: dict[int, str | None],
    placed: dict[int, tuple[int, list[list[Tok]]]],
    cells_of: dict[int, list[str]],
    cols: tuple[str, ...],
) -> None:
    """Table II's (A) and (D) on a page moved to the heading's grid, told apart by the page's own
    rows. A column's numbers stand over one another whatever their length (a cell's text is aligned
    in it), so where a page's numbers between the code and the exercise date stand in two groups
    with a blank between them, they are two columns, and the form prints only (A) then (D) there:
    the left group is acquired, the right disposed. The map moves the page by its dates and D or I
    only, so it may set a number on either side of the line between the columns, even a few
    characters clear of it (0000899243-17-024633's Series F rows, disposed, mapped into (A)); the
    page's own two columns settle it. A page showing one group, or a row with a word in both
    columns, is left as the map placed it (``ad_moved``: unsure numbers). ``placed`` and
    ``cells_of`` get the settled rows' cells."""
    if "a" not in cols:
        return
    a, d = cols.index("a"), cols.index("d")
    by_page: dict[int, list[tuple[int, Tok]]] = {}
    mixed: set[int] = set()  # pages with a row whose (A) or (D) holds more than its one number
    for k in ad_moved:
        if k not in placed:
            continue
        page, cut = placed[k]
        words = [*cut[a], *cut[d]]
        if not words:
            continue
        if len(words) != 1 or not _LONE_VALUE_RE.match(words[0].text) or not any(ch.isdigit() for ch in words[0].text):
            mixed.add(page)
            continue
        by_page.setdefault(page, []).append((k, words[0]))
    for page, numbers in by_page.items():
        if page in mixed:
            continue
        groups: list[list[tuple[int, Tok]]] = []
        hi = float("-inf")
        for k, t in sorted(numbers, key=lambda kt: kt[1].x0):
            if t.x0 <= hi:  # (overlapping or touching, no blank between: one column)
                groups[-1].append((k, t))
            else:
                groups.append([(k, t)])
            hi = max(hi, t.x1)
        if len(groups) != 2:
            continue
        want = {k: c for c, group in zip((a, d), groups, strict=True) for k, _t in group}
        for k, t in numbers:
            cut = [list(cell) for cell in placed[k][1]]
            cut[a], cut[d] = ([t], []) if want[k] == a else ([], [t])
            cells = list(cells_of[k])
            cells[a], cells[d] = (t.text, "") if want[k] == a else ("", t.text)
            placed[k] = (page, cut)
            cells_of[k] = cells
            ad_moved[k] = None


def ad_twins(
    fit: list[tuple[float, list[list[Tok]]]], cols: tuple[str, ...], margin: float
) -> tuple[list[tuple[float, list[list[Tok]]]], str | None]:
    """Table II's cuts by type of a row on its heading's page (nearest first): of the cuts that
    differ only in whether a number stands in (A) or in (D), the nearest; and that number when its
    twin lies less than ``margin`` farther off (the two columns are narrow and stand side by side:
    a number under their line fits both alike, and the row is read but for acquired or disposed),
    else None."""
    a, d = cols.index("a"), cols.index("d")
    out: list[tuple[float, list[list[Tok]]]] = []
    best: dict[tuple[tuple[Tok, ...], ...], float] = {}
    unsure = None
    for cost, cut in fit:
        key = _key_of(cut, a, d)
        if key not in best:
            best[key] = cost
            out.append((cost, cut))
        elif key == _key_of(out[0][1], a, d) and cost - best[key] < margin:
            unsure = next((t.text for t in cut[a] + cut[d] if _LONE_VALUE_RE.match(t.text)), None)
    return out, unsure


def price_in_text(cut: list[list[Tok]], cols: tuple[str, ...]) -> bool:
    """Does a title or nature of the cut hold a price ("$0")? Some titles do ("par value $0.01"),
    but a conversion price printed on a title's line off its column's grid reads so too: a cut
    taken only because (A) and (D) were made one is not taken so."""
    return any(t.text.startswith("$") for c, kind in enumerate(cols) if kind in _TEXT for t in cut[c])


def _key_of(cut: list[list[Tok]], a: int, d: int) -> tuple[tuple[Tok, ...], ...]:
    """The cut with (A) and (D) taken as one cell."""
    return (*(tuple(cell) for c, cell in enumerate(cut) if c not in (a, d)), (*cut[a], *cut[d]))


#: A cut by position that makes a row the form prints is taken when every other lies this many
#: characters farther off the columns.
_PRINTABLE_MARGIN = 6.0


def nearest_printable_cut(
    toks: list[Tok], starts: list[float], cols: tuple[str, ...]
) -> tuple[list[str], list[list[Tok]]] | None:
    """The row cut by position where its nearest cut makes no row the form prints (a holding's
    "(1)" a character inside the (D) column beside its exercise date's, on a page the map placed
    a little off): of the cuts whose words all stand within a cut by position's reach of their
    columns and that make a row the form prints (a holding no transaction's cells, every row its
    amount owned, footnote marks where a page sets them), the only one, or the nearest when every
    other lies :data:`_PRINTABLE_MARGIN` characters farther off; else None (never a guess)."""
    cuts = position_cuts(toks, starts, cols)
    fit = []
    for cost, cut in cuts or []:
        cells = [_join(c) for c in cut]
        if (
            _no_transaction(cols, cells)
            or _nothing_owned(cols, cells)
            or _undated(cols, cells)
            or _mark_leads(cut, cols)
            or any(_mark_apart(c) for c in cut)
        ):
            continue
        fit.append((cost, cells, cut))
        if len(fit) > 1:
            if fit[1][0] - fit[0][0] < _PRINTABLE_MARGIN:
                return None
            break  # (nearest first: every later cut lies farther off still)
    if not fit:
        return None
    return fit[0][1], fit[0][2]


#: A value on a moved page this near the line between the (A) and (D) columns could be either's.
_AD_MARGIN = 4.0


def unsure_acquired_or_disposed(cut: list[list[Tok]], starts: list[float], cols: tuple[str, ...]) -> str | None:
    """Table II tells acquired from disposed only by the column a number stands in. On a page moved
    to the heading's grid the columns are placed only as well as the map goes: a number close to the
    line between (A) and (D), or outside both columns (the page's own grid closes up the empty
    columns between its landmarks, so a number between the code and the exercise date lands
    wherever the map stretches it), could be either's. That number, or None."""
    a, d = cols.index("a"), cols.index("d")
    line, lo, hi = starts[d], starts[a], starts[d + 1]
    for t in cut[a] or cut[d]:
        if _LONE_VALUE_RE.match(t.text) and (abs(t.mid - line) <= _AD_MARGIN or not lo - 1 <= t.mid < hi + 1):
            return t.text
        if _AMOUNT_RE.match(t.text) and abs(t.mid - line) <= _AD_LINE:
            return t.text  # (an amount of three digits or fewer, "854", on the line itself: as on the heading's page)
    return None


#: The heading line holding Table II's sub-labels "(A)" and "(D)".
_AD_LABELS_RE = re.compile(r"\(A\)\s+\(D\)")


def ad_label_page(lines: Sequence[str], start: int, stop: int, pages: Sequence[int]) -> int | None:
    """The page of the heading line (of lines ``start`` to ``stop``) where Table II's "(A)" and "(D)"
    stand, or None."""
    return next((pages[i] for i in range(start, min(stop, len(pages))) if _AD_LABELS_RE.search(lines[i])), None)


def off_label_page(
    cut: list[list[Tok]], starts: list[float], cols: tuple[str, ...], pages: Sequence[int], label_page: int
) -> str | None:
    """A row's number in (A) or (D) printed on another page than the heading's "(A)" and "(D)", on a
    page not moved to the heading's grid (the page break fell inside the heading, after its
    sub-labels: the heading's rest, "of Shares", and the rows stand on the next page, which is then
    taken for the heading's own). A layout program sets each page on a grid of its own (pdftotext
    -layout), so that number stands only as near its column as the two grids agree: it is told as a
    moved page's are (:func:`unsure_acquired_or_disposed`: near the line between (A) and (D), or
    outside both), whatever its length. That number, or None."""
    a, d = cols.index("a"), cols.index("d")
    if not any(pages[t.line] != label_page for t in (*cut[a], *cut[d]) if t.line < len(pages)):
        return None
    line, lo, hi = starts[d], starts[a], starts[d + 1]
    for t in cut[a] or cut[d]:
        number = _LONE_VALUE_RE.match(t.text) or _AMOUNT_RE.match(t.text)
        if number and (abs(t.mid - line) <= _AD_MARGIN or not lo - 1 <= t.mid < hi + 1):
            return t.text
    return None


def astride_acquired_and_disposed(cut: list[list[Tok]], starts: list[float], cols: tuple[str, ...]) -> str | None:
    """A row's number in (A) or (D) whose middle stands on the line between the two columns, on the
    heading's own page: a layout program may set the heading's sub-labels tighter than the row
    below (pdftotext of a print in a wider face, DejaVu where Liberation is missing: "(A)   (D) Date"
    closed up over an acquired "784" that then stands where (D) begins), and which of the two the
    number is cannot be told. That number, or None."""
    a, d = cols.index("a"), cols.index("d")
    line = starts[d]
    for t in cut[a] or cut[d]:
        if _AMOUNT_RE.match(t.text) and abs(t.mid - line) <= _AD_LINE:
            return t.text
    return None


def dollar_in_title(cut: list[list[Tok]], cols: tuple[str, ...]) -> str | None:
    """A title or nature holding a "$" alone with the next column's number on its line (a wrapped
    title set a space from the conversion price: "(right to $ 87.72"): the "$" is the price's, cut
    off it, and where the title ends cannot be told. The title's line with it, or None."""
    for c, kind in enumerate(cols[:-1]):
        if kind not in _TEXT:
            continue
        for t in cut[c]:
            if t.text == "$" and any(u.line == t.line and _AMOUNT_RE.match(u.text) for u in cut[c + 1]):
                return " ".join(u.text for u in cut[c] if u.line == t.line)
    return None


#: A number this near the line between (A) and (D) on the heading's own page could be either's.
_AD_LINE = 1.5
#: An amount of securities as a row prints it ("784", "1,250", "3,000.5").
_AMOUNT_RE = re.compile(r"^\d[\d,]*(?:\.\d+)?$")


def acquired_or_disposed(
    ad_moved: dict[int, str | None],
    cells_of: dict[int, list[str]],
    page_of: Callable[[int], int],
    cols: tuple[str, ...],
    tie: str | None,
    lone: dict[int, str],
) -> None:
    """A moved page with one row whose number stands unsure between (A) and (D) has its map proved
    wrong there: none of its rows' acquired or disposed is told (the other rows' numbers stand where
    the same map put them); ``lone``: rows unsure on their own (unmoved). Untold, the table is
    refused with why (:data:`AD_TIED`); told ``tie``, such rows are read as acquired ("early") or
    disposed ("late"), and the caller, comparing the two readings, lists only acquired or disposed
    missing."""
    unsure_pages = {page_of(k) for k, value in ad_moved.items() if value is not None}
    rows = [k for k in ad_moved if page_of(k) in unsure_pages] + list(lone)
    if not rows:
        return
    a, d = cols.index("a"), cols.index("d")
    for k in rows:
        if cells_of[k][a] and cells_of[k][d]:
            # Both cells hold words (a footnote mark beside the number): the mark is another
            # column's that this page's map moved there, and whose it is cannot be told either.
            raise tables.RowError(
                f"{cells_of[k][a]!r} and {cells_of[k][d]!r} stand in the (A) and (D) columns of a page laid out "
                "on another grid: whose they are cannot be told"
            )
    if tie is None:
        value = next((v for v in ad_moved.values() if v is not None), None) or next(iter(lone.values()))
        raise tables.RowError(f"{value!r} {AD_TIED}")
    for k in rows:
        cells = list(cells_of[k])  # (a copy: a row's cells are kept for the next reading)
        value = cells[a] or cells[d]
        if value:
            cells[a], cells[d] = (value, "") if tie == "early" else ("", value)
            cells_of[k] = cells


#: Why a table is not read whose squeezed rows' titles may hold the next column's value.
SQUEEZED_TITLE = "a squeezed row's title ends with a number or a mark set against it: its own or the next column's"
#: A number or a footnote mark alone (the word a squeezed title may end with).
_NUMBER_OR_MARK_RE = re.compile(r"^(?:\(\d{1,3}\)|\d[\d,.]*)$")


def ends_pushed(title: list[Tok]) -> bool:
    """On a line squeezed narrower than its words (:func:`.layout_heading.squeezed`), does a title
    end, on one of its lines, with a number or a footnote mark, or stand two spaces or more apart?
    The layout sets the next column's value against the title (a Form 5's form type "3", a
    conversion price shown by its mark "(1)"), where nothing tells it from the title's own."""
    by_line: dict[int, list[Tok]] = {}
    for t in title:
        by_line.setdefault(t.line, []).append(t)
    for ts in by_line.values():
        ts.sort(key=lambda t: t.x0)
        if len(ts) > 1 and _NUMBER_OR_MARK_RE.match(ts[-1].text):
            return True
        if any(b.x0 - a.x1 > 1 for a, b in itertools.pairwise(ts)):  # (a squeezed cell's words: one space apart)
            return True
    return False


_SPREAD_WHY = "stands apart from another row's D or I on its page: rows on grids of their own, columns not told"
#: How far apart the D or I of two rows of one page may stand (a layout rounds a character or two).
_DI_SPREAD = 8


def di_spread(placed: dict[int, tuple[int, list[list[Tok]]]], di: int) -> str | None:
    """Rows of one page whose D or I stand more than :data:`_DI_SPREAD` characters apart: a layout set
    them on grids of their own (pypdf lays a row's line narrower where its words' widths differ: a
    row's "D" 16 characters left of the row above's, its amount under (A) where the row above's stands
    under (D)), so where the row's other cells stand tells no column. Why, or None."""
    xs: dict[int, list[Tok]] = {}
    for page, cut in placed.values():
        xs.setdefault(page, []).extend(cut[di][:1])
    for ts in xs.values():
        if ts and max(t.x0 for t in ts) - min(t.x0 for t in ts) > _DI_SPREAD:
            # (quoted first, a row's own words: the other table, on grids of its own, stands)
            return f"{min(ts, key=lambda t: t.x0).text!r} {_SPREAD_WHY}"
    return None

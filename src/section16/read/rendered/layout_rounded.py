"""Rows set on whole lines: a layout that puts each word on a line of the text (pypdf's layout mode,
pdfplumber's) rounds a row's one-line values to one of its two middle lines where its tallest cell
has an even count of lines ("Series C-" / "1 ... values" / "Preferred" / "Stock", "Common ... values"
/ "Stock"). Back-to-back rows then fit two cuts alike: the cut that centres each row exactly (a line
given to the next row: "Stock Series C-2 Preferred Stock") and the one whose rows stand half a line
off their middles. :func:`.layout_rows.cuts` weighs a band's distance from its middle, so it takes
the first; which one the page means, its text does not show. :func:`rounded_ties` finds such rows'
lines, and the table is read both ways (:data:`ROUND_TIED`): what the two readings give alike is
read, the titles and natures they do not agree on are listed missing.

(A layout with a finer grid than its lines, ``pdftotext -layout``, sets such values on a line of
their own between their cells' lines: there a row half a line off does not fit, and no tie is found.)
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from .layout_rows import _MARK_WEIGHT, STACKED, Cut, Run, _kind, band_cost, half_line, middle_line, stacked_cells

#: Why a table was read both ways when its rows, set on whole lines, fit two cuts alike.
ROUND_TIED = (
    "rows set on whole lines fit two cuts alike, centred or half a line off: a nature's line may be either row's"
)


def _cells(lines: Sequence[int], runs: Mapping[int, Sequence[Run]]) -> list[list[Run]]:
    """The band's cells as :func:`.layout_rows.band_cost` groups them: runs over one another."""
    return stacked_cells(sorted((t for i in lines for t in runs.get(i, ())), key=lambda t: t.x0), across_lines=True)


def _rounding(lines: Sequence[int], middle: float, runs: Mapping[int, Sequence[Run]]) -> float:
    """The part of the band's cost (:func:`.layout_rows.band_cost`) that rows set on whole lines
    explain: each of its distances from the middle (the band's, each cell's) up to half a line."""
    out = min(abs((lines[0] + lines[-1]) / 2 - middle), 0.5)
    for cell in _cells(lines, runs):
        ls = [t.line for t in cell]
        weight = _MARK_WEIGHT if all(_kind(t.text)[1] for t in cell) else 1.0
        out += weight * min(abs((min(ls) + max(ls)) / 2 - middle), 0.5)
    return out


def _finer_grid(rows: Sequence[Sequence[int]], middles: Sequence[float], runs: Mapping[int, Sequence[Run]]) -> bool:
    """A row's values stand on a line of their own inside a cell of several lines (lines of the cell
    above and below, none on the values' line): the layout's grid is finer than whole lines, and
    does not round a row's middle."""
    for lines, middle in zip(rows, middles, strict=True):
        if middle != int(middle):
            continue
        for cell in _cells(lines, runs):
            ls = {t.line for t in cell}
            if min(ls) < middle < max(ls) and middle not in ls:
                return True
    return False


def _rounded_down(lines: Sequence[int], middle: float) -> bool:
    """The band is centred on its middle line, or half a line below it: set on whole lines by their
    tops, an even count of lines puts the row's values on the upper of its two middle lines
    ("Series C-" / "1 ... values" / "Preferred" / "Stock"), never the lower."""
    return (lines[0] + lines[-1]) / 2 - middle in (0.0, 0.5)


def _words_only(line: int, runs: Mapping[int, Sequence[Run]], nature: float) -> bool:
    """The line holds words of a nature's cell only (its runs start at the nature column, ``nature``,
    or right of it; none a value or a footnote mark alone): only such a line is weighed in doubt
    between two rows. (A title's line is not: ``pdftotext -layout`` sets a row's values on the lower
    of two middle lines, "Class B" / "Common ... values" / "Stock" over the next row's "Class B" fits
    a 4-line title rounded down as well, and the page does not tell its rounding.)"""
    got = runs.get(line, ())
    return bool(got) and all(t.x0 >= nature - 1 and not _kind(t.text)[0] and not _kind(t.text)[1] for t in got)


def _cost(lines: Sequence[int], middle: float, runs: Mapping[int, Sequence[Run]], gapped: float) -> float:
    """The band's cost with what whole lines explain taken off (a prohibitive one stays so)."""
    if not lines:
        return STACKED
    cost = band_cost(list(lines), middle, runs, None, (), gapped)
    return cost if cost >= STACKED else cost - _rounding(lines, middle, runs)


def rounded_ties(
    data: Sequence[int],
    anchors: Sequence[int],
    runs: Mapping[int, Sequence[Run]],
    cut: Cut,
    gapped: float,
    nature: float,
) -> tuple[Cut, Cut] | None:
    """Where the rows of ``cut`` fit as well, what whole lines explain of their costs taken off, with
    a line between two of them given to the other row, the cut giving each such line to the later
    row ("early": rows start earliest) and to the earlier ("late"); None where no line is in doubt."""
    n = len(anchors)
    others: Collection[int] = set(anchors)
    middles = [half_line(middle_line(a, runs, others), runs, others) for a in anchors]
    rows: list[list[int]] = [[] for _ in range(n)]
    for i in data:
        rows[cut[i]].append(i)
    if any(not r for r in rows) or _finer_grid(rows, middles, runs):
        return None
    early, late = dict(cut), dict(cut)
    for k in range(n - 1):
        upper, lower = rows[k], rows[k + 1]
        if lower[0] != upper[-1] + 1:
            continue  # (a blank line between: the rows are parted)
        kept = {anchors[k], anchors[k + 1], *(int(m + h) for m in middles[k : k + 2] for h in (0.0, 0.5))}
        was = _cost(upper, middles[k], runs, gapped) + _cost(lower, middles[k + 1], runs, gapped)
        if was >= STACKED:
            continue
        if len(upper) > 1 and upper[-1] not in kept and _words_only(upper[-1], runs, nature):
            a, b = upper[:-1], [upper[-1], *lower]
            if _rounded_down(a, middles[k]) and _rounded_down(b, middles[k + 1]):
                if _cost(a, middles[k], runs, gapped) + _cost(b, middles[k + 1], runs, gapped) <= was + 1e-9:
                    early[upper[-1]] = k + 1
        if len(lower) > 1 and lower[0] not in kept and _words_only(lower[0], runs, nature):
            a, b = [*upper, lower[0]], lower[1:]
            if _rounded_down(a, middles[k]) and _rounded_down(b, middles[k + 1]):
                if _cost(a, middles[k], runs, gapped) + _cost(b, middles[k + 1], runs, gapped) <= was + 1e-9:
                    late[lower[0]] = k
    return None if early == cut and late == cut else (early, late)

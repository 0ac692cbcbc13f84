"""The insider page's holdings: the chart's series and the table's page, taken from the Arrow table of
:func:`section16.explore.holdings_over_time` without turning every row into Python objects.

A busy insider has tens of thousands of reported balances in one issuer; converting and rendering all
of them took most of a second, so the table shows a page (newest first) and the chart at most
:data:`CHART_POINTS` points.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

#: The chart is 860 pixels wide: more points than this draw nothing more.
CHART_POINTS = 1000
#: Rows of the holdings table per page.
PAGE_ROWS = 100


def _title_key(title: str | None) -> str:
    # Filers spell one security differently from filing to filing ("Common stock", "Common Stock").
    return " ".join((title or "").lower().split())


def chart_series(t: pa.Table) -> pa.Table:
    """The rows of the security with the most reported balances (usually the common stock, direct), in
    table order; a tie goes to the security reported first. Rows without a date or balance are left out."""
    t = t.filter(pc.and_(pc.is_valid(t["as_of"]), pc.is_valid(t["shares_owned"])))
    if t.num_rows == 0:
        return t
    # Group keys from the distinct titles (few) normalised in Python, with direct/indirect: the rows
    # themselves stay in Arrow, only their dictionary indices are counted.
    titles = pc.dictionary_encode(t["security_title"]).combine_chunks()
    normal = [_title_key(x) for x in titles.dictionary.to_pylist()]
    di = pc.dictionary_encode(t["direct_indirect"]).combine_chunks()
    di_values = di.dictionary.to_pylist()
    keys = [
        (normal[i] if i is not None else _title_key(None), di_values[j] if j is not None else None)
        for i, j in zip(titles.indices.to_pylist(), di.indices.to_pylist(), strict=True)
    ]
    counts: dict[tuple[str, str | None], int] = {}
    for k in keys:  # insertion order is first appearance: max() below keeps the first of equal counts
        counts[k] = counts.get(k, 0) + 1
    best = max(counts, key=lambda k: counts[k])
    return t.filter(pa.array([k == best for k in keys], pa.bool_()))


def chart_points(t: pa.Table, cap: int = CHART_POINTS) -> tuple[list[list[Any]], int]:
    """``([[iso date, shares], ...], n)``: the chart's points and the series' length. Over ``cap``
    points, the series is cut into ``cap`` equal stretches of time and each keeps its last balance (the
    holding at the end of the stretch), with the very first balance kept too."""
    s = chart_series(t)
    n = s.num_rows
    if n > cap:
        days = pc.cast(s["as_of"], pa.int32()).to_pylist()
        first, span = days[0], days[-1] - days[0] + 1
        bucket = [(d - first) * cap // span for d in days]
        keep = [0, *(i for i in range(n) if i == n - 1 or bucket[i + 1] != bucket[i])]
        if len(keep) > 1 and keep[1] == 0:
            keep = keep[1:]
        s = s.take(pa.array(keep, pa.int64()))
    dates = pc.cast(s["as_of"], pa.string()).to_pylist()
    shares = [float(v) for v in s["shares_owned"].to_pylist()]
    return [[d, v] for d, v in zip(dates, shares, strict=True)], n


def newest_page(t: pa.Table, limit: int = PAGE_ROWS, offset: int = 0) -> list[dict[str, Any]]:
    """A page of the table's rows, newest first (the table comes oldest first)."""
    n = t.num_rows
    end = max(0, n - offset)
    start = max(0, end - limit)
    rows: list[dict[str, Any]] = t.slice(start, end - start).to_pylist()
    rows.reverse()
    return rows

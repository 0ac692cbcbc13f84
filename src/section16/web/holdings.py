"""The insider page's holdings: the chart's series and the table's page, taken from the Arrow table of
:func:`section16.explore.holdings_over_time` without turning every row into Python objects.

A busy insider has tens of thousands of reported balances in one issuer; converting and rendering all
of them took most of a second, so the table shows a page (newest first) and the chart at most
:data:`CHART_POINTS` points.
"""

from __future__ import annotations

from typing import Any

import numpy as np
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
    # Group ids from the distinct titles (few) normalised in Python, combined with direct/indirect.
    titles = pc.dictionary_encode(t["security_title"]).combine_chunks()
    keys = [_title_key(x) for x in titles.dictionary.to_pylist()]
    key_ids = {k: i for i, k in enumerate(dict.fromkeys(keys))}
    title_of = np.array([key_ids[k] for k in keys] + [key_ids.setdefault(_title_key(None), len(key_ids))])
    idx = titles.indices.fill_null(len(keys)).to_numpy(zero_copy_only=False)
    di = pc.dictionary_encode(t["direct_indirect"]).combine_chunks()
    di_idx = di.indices.fill_null(len(di.dictionary)).to_numpy(zero_copy_only=False)
    group = title_of[idx].astype(np.int64) * (len(di.dictionary) + 1) + di_idx
    uniq, first, counts = np.unique(group, return_index=True, return_counts=True)
    best = max(range(len(uniq)), key=lambda i: (counts[i], -first[i]))
    return t.filter(pa.array(group == uniq[best]))


def chart_points(t: pa.Table, cap: int = CHART_POINTS) -> tuple[list[list[Any]], int]:
    """``([[iso date, shares], ...], n)``: the chart's points and the series' length. Over ``cap``
    points, the series is cut into ``cap`` equal stretches of time and each keeps its last balance (the
    holding at the end of the stretch), with the very first balance kept too."""
    s = chart_series(t)
    n = s.num_rows
    if n > cap:
        days = pc.cast(s["as_of"], pa.int32()).to_numpy(zero_copy_only=False).astype(np.int64)
        span = int(days[-1] - days[0]) + 1
        bucket = (days - days[0]) * cap // span
        keep = np.flatnonzero(np.append(bucket[1:] != bucket[:-1], True))
        if keep[0] != 0:
            keep = np.insert(keep, 0, 0)
        s = s.take(pa.array(keep))
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

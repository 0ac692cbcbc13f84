"""The federal business-day calendar EDGAR deadlines run on.

Closed days come from the ``holidays`` library's US *government* calendar, which has every federal
holiday with its observed day (Juneteenth from 2021), the executive-order closures (Christmas Eve
2019/2020/2024, 2025-12-26) and national days of mourning (2004-06-11, 2007-01-02, 2018-12-05,
2025-01-09). Half-day closings are business days. :data:`SEC_CLOSURES` adds the days the SEC itself
was shut when the federal government was not.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

#: Days the SEC was closed beyond the federal calendar: Hurricane Sandy (filings due then were deemed
#: timely on reopening).
SEC_CLOSURES: frozenset[date] = frozenset((date(2012, 10, 29), date(2012, 10, 30)))

_ONE_DAY = timedelta(days=1)


@functools.cache
def closed_days(year: int) -> frozenset[date]:
    """Weekday closures of one year (federal holidays, observed days, closures by order)."""
    # Imported here: loading the holidays package takes ~0.1 s, which `import section16` should not pay.
    from holidays.countries.united_states import UnitedStates

    cal = UnitedStates(years=year, categories=("government",))  # type: ignore[no-untyped-call]
    days = {d for d, name in cal.items() if "half" not in name.lower() and d.year == year}
    days |= {d for d in SEC_CLOSURES if d.year == year}
    return frozenset(d for d in days if d.weekday() < 5)


def is_business_day(d: date) -> bool:
    return d.weekday() < 5 and d not in closed_days(d.year)


def add_business_days(d: date, n: int) -> date:
    """The ``n``-th business day after ``d`` (``d`` itself need not be a business day)."""
    while n > 0:
        d += _ONE_DAY
        if is_business_day(d):
            n -= 1
    return d


def on_or_after(d: date) -> date:
    """``d`` if it is a business day, else the next one (Exchange Act Rule 0-3: a deadline on a
    weekend or holiday moves to the next business day)."""
    while not is_business_day(d):
        d += _ONE_DAY
    return d


def business_days_after(start: date, end: date) -> int:
    """How many business days lie after ``start`` up to and including ``end`` (0 when end <= start)."""
    n = 0
    d = start
    while d < end:
        d += _ONE_DAY
        if is_business_day(d):
            n += 1
    return n

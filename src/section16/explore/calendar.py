"""The business-day calendar as a table, so SQL can count business days with two joins.

``explore_calendar(day, bd_n, is_business)``: ``bd_n`` is the number of business days from the start of
the table up to and including ``day``, so for a business day ``t`` and a later day ``f`` the business
days from ``t`` to ``f`` are ``bd_n(f) - bd_n(t)`` (plus one when ``f`` itself is not a business day:
EDGAR deems such a filing made on the next business day).

The days themselves come from :mod:`section16.check.calendar` (the federal business-day calendar EDGAR
and the Section 16 deadlines follow) when it is installed, else from the ``holidays`` package's US
federal holidays, which is the same calendar without EDGAR's one-off closures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

#: The span the table covers. Electronic Section 16 filings start in 1996; the end leaves room.
FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2045, 12, 31)


def _business_day_test() -> Callable[[date], bool]:
    try:
        from ..check import calendar as check_calendar  # the project's own calendar, when present
    except ImportError:
        check_calendar = None  # type: ignore[assignment]
    if check_calendar is not None:
        for name in ("is_business_day", "business_day"):
            fn = getattr(check_calendar, name, None)
            if callable(fn):
                return fn  # type: ignore[no-any-return]
    import holidays

    federal = holidays.country_holidays("US", years=range(FIRST_DAY.year, LAST_DAY.year + 1), observed=True)
    return lambda d: d.weekday() < 5 and d not in federal


def calendar_rows(first: date = FIRST_DAY, last: date = LAST_DAY) -> Iterator[tuple[date, int, bool]]:
    """(day, bd_n, is_business) for every day from ``first`` to ``last``."""
    is_business = _business_day_test()
    n = 0
    d = first
    one = timedelta(days=1)
    while d <= last:
        b = bool(is_business(d))
        if b:
            n += 1
        yield d, n, b
        d += one

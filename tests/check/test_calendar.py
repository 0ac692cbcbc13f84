"""The federal business-day calendar (section16.check.calendar)."""

from __future__ import annotations

from datetime import date

import pytest

from section16.check.calendar import add_business_days, business_days_after, closed_days, is_business_day, on_or_after


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        (date(2021, 6, 18), False),  # Juneteenth 2021, observed on Friday
        (date(2022, 6, 20), False),  # Juneteenth 2022, observed on Monday
        (date(2020, 6, 19), True),  # before Juneteenth was a federal holiday
        (date(2024, 12, 24), False),  # Christmas Eve 2024, closed by executive order
        (date(2023, 12, 26), True),  # no order in 2023
        (date(2025, 1, 9), False),  # national day of mourning, President Carter
        (date(2018, 12, 5), False),  # national day of mourning, President G. H. W. Bush
        (date(2012, 10, 29), False),  # SEC closed: Hurricane Sandy
        (date(2009, 12, 24), True),  # a half-day closing is a business day
        (date(2024, 11, 28), False),  # Thanksgiving
        (date(2024, 11, 29), True),  # the day after is open for federal offices
        (date(2024, 3, 9), False),  # a Saturday
        (date(2024, 3, 8), True),
    ],
)
def test_business_days(day: date, open_: bool) -> None:
    assert is_business_day(day) is open_


def test_add_business_days_skips_weekends_and_holidays() -> None:
    assert add_business_days(date(2024, 3, 7), 2) == date(2024, 3, 11)  # Thu -> Mon
    assert add_business_days(date(2024, 12, 20), 2) == date(2024, 12, 26)  # over 24th and 25th
    assert add_business_days(date(2024, 3, 9), 1) == date(2024, 3, 11)  # from a Saturday


def test_on_or_after_and_counting() -> None:
    assert on_or_after(date(2024, 3, 9)) == date(2024, 3, 11)
    assert on_or_after(date(2024, 3, 11)) == date(2024, 3, 11)
    assert business_days_after(date(2024, 3, 8), date(2024, 3, 12)) == 2
    assert business_days_after(date(2024, 3, 12), date(2024, 3, 8)) == 0


def test_closed_days_are_weekdays_of_their_year() -> None:
    days = closed_days(2026)
    assert all(d.year == 2026 and d.weekday() < 5 for d in days)
    assert date(2026, 7, 3) in days  # Independence Day observed
    assert len(days) == 11

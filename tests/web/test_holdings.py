"""The insider page's holdings: the chart's series, its thinning, and the table's pages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pyarrow as pa
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from section16.web.holdings import chart_points, chart_series, newest_page


def table(rows: list[tuple[date | None, str | None, str | None, str | None]]) -> pa.Table:
    """Rows of (as_of, security_title, direct_indirect, shares_owned) in the shape of holdings_over_time."""
    return pa.table({
        "as_of": pa.array([r[0] for r in rows], pa.date32()),
        "security_title": pa.array([r[1] for r in rows], pa.string()),
        "direct_indirect": pa.array([r[2] for r in rows], pa.string()),
        "shares_owned": pa.array([None if r[3] is None else Decimal(r[3]) for r in rows], pa.decimal128(38, 12)),
        "row_no": pa.array(range(len(rows)), pa.int32()),
    })  # fmt: skip


D = date(2020, 1, 1)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def test_series_is_the_most_reported_security_spelled_any_way() -> None:
    t = table([
        (D, "Common Stock", "D", "100"),
        (D, "Options", "D", "5"),
        (D + timedelta(1), "common  stock", "D", "150"),  # the same security, spelled differently
        (D + timedelta(1), "Common Stock", "I", "9"),  # indirect: another series
        (None, "Common Stock", "D", "1"),  # no date: not drawn
        (D + timedelta(2), "Common Stock", "D", None),  # no balance: not drawn
        (D + timedelta(3), "COMMON STOCK", "D", "120.5"),
    ])  # fmt: skip
    points, n = chart_points(t)
    assert n == 3
    assert points == [["2020-01-01", 100.0], ["2020-01-02", 150.0], ["2020-01-04", 120.5]]


def test_a_tie_goes_to_the_security_reported_first() -> None:
    t = table([(D, None, "D", "1"), (D, "Warrants", None, "2"), (D, "Warrants", None, "3"), (D, None, "D", "4")])
    assert chart_series(t)["shares_owned"].to_pylist() == [Decimal(1), Decimal(4)]
    assert chart_points(table([]))[0] == []


def test_a_long_series_keeps_the_last_balance_of_each_stretch_and_the_first() -> None:
    rows = [(D + timedelta(days=i // 4), "Common Stock", "D", str(i)) for i in range(4000)]  # 1000 days
    points, n = chart_points(table(rows), cap=100)
    assert n == 4000
    # 100 stretches of 10 days: each ends on its last row (4 rows a day), plus the very first row.
    assert len(points) == 101
    assert points[0] == ["2020-01-01", 0.0]
    assert points[1] == [str(D + timedelta(days=9)), 39.0]
    assert points[-1] == [str(D + timedelta(days=999)), 3999.0]
    short, n = chart_points(table(rows[:50]), cap=100)
    assert n == 50 and [p[1] for p in short] == [float(i) for i in range(50)]


def test_pages_come_newest_first() -> None:
    t = table([(D + timedelta(days=i), "Common Stock", "D", str(i)) for i in range(250)])
    first = newest_page(t, 100, 0)
    assert [r["row_no"] for r in first] == list(range(249, 149, -1))
    assert [r["row_no"] for r in newest_page(t, 100, 200)] == list(range(49, -1, -1))
    assert newest_page(t, 100, 300) == []


def test_insider_page_holdings_offset(client: TestClient) -> None:
    ok = client.get("/insiders/1061632", params={"issuer": "1551152", "holdings_offset": "0"})
    assert ok.status_code == 200 and "balances 1–3 of 3, newest first" in ok.text
    past = client.get("/insiders/1061632", params={"issuer": "1551152", "holdings_offset": "100"})
    assert past.status_code == 200 and 'rel="prev"' in past.text
    bad = client.get("/insiders/1061632", params={"issuer": "1551152", "holdings_offset": "-1"})
    assert bad.status_code == 422 and "holdings_offset" in bad.text


def test_issuer_page_insiders_come_in_pages(client: TestClient) -> None:
    first = client.get("/issuers/1551152")
    assert first.status_code == 200 and "insiders 1–6 of 6, latest filer first" in first.text
    later = client.get("/issuers/1551152", params={"insiders_offset": "4", "offset": "1"})
    assert later.status_code == 200 and "insiders 5–6 of 6" in later.text
    # The link back keeps the transactions' page and drops the insiders' offset at the first page.
    assert 'href="/issuers/1551152?offset=1"' in later.text
    bad = client.get("/issuers/1551152", params={"insiders_offset": "x"})
    assert bad.status_code == 422 and "insiders_offset" in bad.text

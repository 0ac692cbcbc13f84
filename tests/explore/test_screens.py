"""Screens on hand-checked real filings, on DuckDB and on PostgreSQL.

The expected numbers were worked out by hand from the filings in tests/fixtures/explore (see
conftest.py): shares x price of each purchase, trade dates, acceptance times and business days.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from section16 import explore, parse
from section16.explore import TradeFilters, prepare, signals
from section16.store import Store
from tests.conftest import FIXTURE_TXT

from .conftest import ABBV_CLUSTER, RGLS_JOINT, duck_store, filings

ABBV = "1551152"
# (insider CIK, trade date, shares, price) of each open-market purchase in the fixtures, from the forms.
ABBV_PURCHASES = [
    ("1659625", date(2019, 7, 29), 30000, Decimal("67.2795")),  # Gosebruch, EVP
    ("1061632", date(2019, 7, 30), 10000, Decimal("66.35")),  # Austin, director
    ("1061632", date(2019, 7, 31), 30000, Decimal("66.023")),
    ("1061632", date(2019, 8, 1), 25000, Decimal("65.656")),
    ("1761675", date(2019, 8, 16), 15552, Decimal("64.4399")),  # Stewart, SVP
    ("1762951", date(2019, 8, 29), 7525, Decimal("66.187")),  # Donoghoe, SVP
    ("1319245", date(2019, 9, 16), 25000, Decimal("70.4209")),  # Schumacher, Vice Chairman
]


def value(rows: list[tuple[str, date, int, Decimal]]) -> float:
    return float(sum(Decimal(s) * p for _, _, s, p in rows))


def test_cluster_buy_found_with_its_insiders_dates_and_value(main_store: Store) -> None:
    got = explore.cluster_buys(main_store, min_insiders=3, window_days=30, min_value=10_000, since="2019-01-01")
    got = got.to_pylist()
    assert len(got) == 1
    c = got[0]
    # 29 July to 28 August holds Gosebruch, Austin and Stewart; the windows from 30 July to 1 August
    # add Donoghoe (29 August). Schumacher (16 September) is 31 days after Stewart: outside.
    assert (c["ticker"], c["issuer_cik"]) == ("ABBV", ABBV)
    assert (c["first_trade"], c["last_trade"]) == (date(2019, 7, 29), date(2019, 8, 29))
    assert c["insiders"] == 4
    assert c["total_value"] == pytest.approx(value(ABBV_PURCHASES[:6]), abs=0.01)
    assert "Gosebruch" in c["names"] and "Schumacher" not in c["names"]


def test_cluster_buy_parameters_change_the_answer(main_store: Store) -> None:
    # Without a date filter the screen looks at the year up to the latest filing day (RGLS, Dec 2020).
    assert explore.cluster_buys(main_store).num_rows == 0
    since = "2019-01-01"
    assert explore.cluster_buys(main_store, min_insiders=5, window_days=30, since=since).num_rows == 0
    # A 45-day window reaches from Stewart (16 Aug) to Schumacher (16 Sep): one longer cluster of five.
    wide = explore.cluster_buys(main_store, min_insiders=3, window_days=45, since=since).to_pylist()
    assert [(c["first_trade"], c["last_trade"], c["insiders"]) for c in wide] == [
        (date(2019, 7, 29), date(2019, 9, 16), 5)
    ]
    assert wide[0]["total_value"] == pytest.approx(value(ABBV_PURCHASES), abs=0.01)
    # Each insider's purchases of a day must reach min_value. From $1M: Gosebruch (29 Jul, $2.02M),
    # Austin (31 Jul $1.98M, 1 Aug $1.64M) and Stewart (16 Aug, $1.0022M) remain, still three in 30 days.
    big = explore.cluster_buys(main_store, min_insiders=3, window_days=30, min_value=1_000_000, since=since)
    big = big.to_pylist()
    assert [(c["insiders"], c["insider_days"], c["last_trade"]) for c in big] == [(3, 4, date(2019, 8, 16))]
    assert big[0]["total_value"] == pytest.approx(value([ABBV_PURCHASES[i] for i in (0, 2, 3, 4)]), abs=0.01)
    # From $1.01M Stewart drops out, and two insiders are no cluster.
    assert explore.cluster_buys(main_store, window_days=30, min_value=1_010_000, since=since).num_rows == 0
    # A filter the precomputed purchase days cannot answer takes the other path, to the same answer.
    slow = explore.cluster_buys(main_store, since=since, max_price=1000).to_pylist()
    assert [(c["first_trade"], c["last_trade"], c["insiders"]) for c in slow] == [
        (date(2019, 7, 29), date(2019, 8, 29), 4)
    ]


def test_joint_filing_counts_its_trade_once(main_store: Store) -> None:
    rows = explore.trades(main_store, ticker="RGLS", sort="shares").to_pylist()
    # A purchase of common stock (Table I) and of warrants and preferred stock (Table II), filed by four
    # owners together: three rows, not twelve.
    assert [(r["is_derivative"], r["code"], int(r["shares"])) for r in rows] == [
        (True, "P", 5239254), (False, "P", 4398602), (True, "P", 258707)
    ]  # fmt: skip
    buy = rows[1]
    assert buy["owner_count"] == 4 and buy["derivative"] is False and rows[0]["derivative"] is True
    assert buy["insider"].count(";") == 3  # every owner named, once
    assert buy["roles"] == "10% Owner"
    # Each owner's own history holds the three rows.
    for cik in ("1706444", "1694560", "1712881", "1712882"):
        mine = explore.insider_history(main_store, cik).to_pylist()
        assert sorted(int(r["shares"]) for r in mine) == [258707, 4398602, 5239254]
    # Four owners on one filing are one insider for cluster buys.
    assert explore.cluster_buys(main_store, ticker="RGLS", min_insiders=2, min_value=0).num_rows == 0


def test_purchase_rows_carry_every_column_and_flag(main_store: Store) -> None:
    rows = explore.purchases(main_store, ticker="ABBV", sort="trade_date", order="asc").to_pylist()
    got = [(r["insider_cik"], r["trade_date"], int(r["shares"]), r["price"]) for r in rows]
    assert got == [(c, d, s, p) for c, d, s, p in ABBV_PURCHASES]
    first = rows[0]
    assert first["filing_url"] == (
        "https://www.sec.gov/Archives/edgar/data/1551152/000117911019008937/0001179110-19-008937-index.htm"
    )
    assert first["accepted_at"] == datetime(2019, 7, 31, 16, 46, 11, tzinfo=ZoneInfo("America/New_York"))
    assert first["company"] == "AbbVie Inc." and first["insider"] == "Gosebruch Henry O"
    assert first["relationship"] == "Officer" and first["title"] == "EVP, Chief Strategy Officer"
    assert first["roles"] == "VP"
    assert first["value"] == pytest.approx(30000 * 67.2795)
    # Owned 75,763 after buying 30,000: 45,763 before, so +65.56 %.
    assert first["owned_after"] == Decimal("75763")
    assert first["change_pct"] == pytest.approx(30000 / 45763 * 100)
    # Traded Monday 29 July, accepted Wednesday 31 July: two business days, on time.
    assert first["delay_bd"] == 2 and first["late"] is False
    assert first["weighted_avg"] is True  # its price footnote gives a weighted average of a range
    assert (first["amended"], first["derivative"], first["plan"]) == (False, False, False)


def test_filters(main_store: Store) -> None:
    def accessions(**kw: object) -> set[str]:
        return {r["accession"] for r in explore.purchases(main_store, **kw).to_pylist()}

    assert accessions(ticker="abbv", min_value=1_900_000) == {"0001179110-19-008937", "0001179110-19-009037"}
    assert accessions(role=["director"], ticker="ABBV") == {"0001179110-19-008938", "0001179110-19-009037"}
    assert accessions(role="ten-percent-owner") == {RGLS_JOINT}
    assert accessions(since="2019-08-02", until="2019-08-30") == {"0001179110-19-009703", "0001179110-19-009960"}
    assert accessions(min_price=70) == {"0001179110-19-010451"}
    assert accessions(min_change=100) == {"0001179110-19-009960", RGLS_JOINT}
    assert accessions(issuer="0001551152", min_delay=2, filed_until="2019-08-02") == {
        "0001179110-19-008937", "0001179110-19-009037"
    }  # fmt: skip
    assert len(explore.purchases(main_store, limit=2).to_pylist()) == 2
    page2 = explore.purchases(main_store, limit=2, offset=2).to_pylist()
    page1 = explore.purchases(main_store, limit=2).to_pylist()

    def keys(rows: list[dict[str, object]]) -> set[tuple[object, ...]]:
        return {(r["accession"], r["is_derivative"], r["row_no"]) for r in rows}

    assert len(keys(page1)) == 2 and not keys(page1) & keys(page2)
    # Sorted by value, page by page (the DuckDB path bounds the scan by the page's last value).
    by_value = [r["value"] for r in explore.purchases(main_store, sort="value").to_pylist()]
    assert by_value == sorted(by_value, reverse=True) and len(by_value) == 10
    pages = [explore.purchases(main_store, sort="value", limit=3, offset=o).to_pylist() for o in (0, 3, 6, 9)]
    assert [r["value"] for page in pages for r in page] == by_value
    cheapest = explore.purchases(main_store, sort="price", order="asc", limit=1).to_pylist()
    assert cheapest[0]["price"] == Decimal("0.125")  # the RGLS warrants
    officers = explore.officer_purchases(main_store).to_pylist()
    assert {r["insider_cik"] for r in officers} == {"1659625", "1761675", "1762951"}


def test_top_purchases_of_a_week(main_store: Store) -> None:
    rows = explore.top_purchases(main_store, period="week", as_of=date(2019, 8, 2)).to_pylist()
    assert [(r["trade_date"], r["insider_cik"]) for r in rows] == [
        (date(2019, 7, 29), "1659625"), (date(2019, 7, 31), "1061632"),
        (date(2019, 8, 1), "1061632"), (date(2019, 7, 30), "1061632"),
    ]  # fmt: skip
    day = explore.top_purchases(main_store, period="day", as_of=date(2019, 7, 31)).to_pylist()
    assert {r["accession"] for r in day} == {"0001179110-19-008937", "0001179110-19-008938"}


def test_latest_filings_and_histories(main_store: Store) -> None:
    latest = explore.latest_filings(main_store).to_pylist()
    assert [r["accession"] for r in latest] == [RGLS_JOINT, *reversed(ABBV_CLUSTER)]
    assert latest[0]["owner_count"] == 4 and latest[0]["codes"] == "P"
    austin = explore.insider_history(main_store, "1061632").to_pylist()
    # Newest filing first; within a filing, table order.
    assert [r["trade_date"] for r in austin] == [date(2019, 7, 31), date(2019, 8, 1), date(2019, 7, 30)]
    issuer = explore.issuer_history(main_store, ABBV, limit=3).to_pylist()
    assert [r["accession"] for r in issuer] == ["0001179110-19-010451", "0001179110-19-009960", "0001179110-19-009703"]
    held = explore.holdings_over_time(main_store, "1061632", ABBV).to_pylist()
    assert [int(h["shares_owned"]) for h in held] == [62114, 92114, 117114]


def test_issuer_pages_data(main_store: Store) -> None:
    s = explore.issuer_summary(main_store, ABBV).to_pylist()[0]
    assert (s["ticker"], s["filings"], s["insiders"]) == ("ABBV", 6, 5)
    assert s["bought_value"] == pytest.approx(value(ABBV_PURCHASES), abs=0.01)
    months = explore.issuer_activity(main_store, ABBV).to_pylist()
    assert [(m["month"], m["bought"], m["net"]) for m in months] == [
        (date(2019, 7, 1), 70000, 70000), (date(2019, 8, 1), 48077, 118077), (date(2019, 9, 1), 25000, 143077),
    ]  # fmt: skip
    people = {r["insider_cik"]: r for r in explore.issuer_insiders(main_store, ABBV).to_pylist()}
    assert people["1061632"]["shares_bought"] == 65000 and people["1061632"]["direct_shares_owned"] == 117114
    assert explore.search(main_store, "abbv").to_pylist()[0]["cik"] == ABBV


def test_signals_on_the_cluster(main_store: Store) -> None:
    npr = signals.net_purchase_ratio(main_store, as_of=date(2019, 9, 30), issuer=ABBV).to_pylist()
    assert len(npr) == 1 and npr[0]["npr"] == 1.0 and npr[0]["insiders_buying"] == 5
    first = signals.first_purchases(main_store, years=2, issuer=ABBV).to_pylist()
    # Austin's purchases of 31 July and 1 August follow her own of 30 July.
    assert sorted(r["trade_date"] for r in first) == [
        date(2019, 7, 29), date(2019, 7, 30), date(2019, 8, 16), date(2019, 8, 29), date(2019, 9, 16)
    ]  # fmt: skip
    late = signals.late_filings(main_store, issuer=ABBV).to_pylist()
    assert sum(r["late"] for r in late) == 0 and max(r["max_delay_bd"] for r in late) == 2


def test_amendment_replaces_the_original_rows(tmp_path: Path) -> None:
    # The 4/A of 20 March 2020 (real) corrects the date of a purchase (its footnote F2 says so). Its
    # original is not in the corpus, so the test builds it by hand from the amendment: same owner,
    # issuer and rows, the third row on the wrong date, filed the same day an hour earlier.
    amendment = parse(FIXTURE_TXT / "0001179110-20-004036.txt")
    assert amendment.submission is not None and amendment.submission.acceptance_datetime is not None
    rows = list(amendment.non_derivative_transactions)
    wrong = dataclasses.replace(rows[2], transaction_date=dataclasses.replace(rows[2].transaction_date,
                                                                               value=date(2020, 3, 19)))  # fmt: skip
    original = dataclasses.replace(
        amendment,
        document_type="4",
        date_of_original_submission=None,
        non_derivative_transactions=(rows[0], rows[1], wrong),
        submission=dataclasses.replace(
            amendment.submission,
            accession_number="0001179110-20-003999",
            submission_type="4",
            acceptance_datetime=amendment.submission.acceptance_datetime.replace(hour=16),
        ),
    )
    store = duck_store(tmp_path, [original, amendment])
    with store:
        got = explore.trades(store, insider="1756865", sort="trade_date", order="asc").to_pylist()
        assert [(r["accession"], r["trade_date"], int(r["shares"])) for r in got] == [
            ("0001179110-20-004036", date(2020, 3, 18), 2200),
            ("0001179110-20-004036", date(2020, 3, 20), 800),
            ("0001179110-20-004036", date(2020, 3, 20), 750),
        ]
        assert all(r["amended"] for r in got)
        # Both filings are listed; the original no longer contributes rows.
        listed = {r["accession"]: r for r in explore.latest_filings(store).to_pylist()}
        assert listed["0001179110-20-003999"]["n_trades"] == 0
        assert listed["0001179110-20-004036"]["amends"] == "0001179110-20-003999"


def test_routine_and_opportunistic_insider(tmp_path: Path) -> None:
    from .conftest import RABOIS

    # Rabois traded AFRM in January 2021 (bought), January 2022 and January 2023 (sold): in 2024 he is
    # routine, his month January.
    routine = duck_store(tmp_path, filings(RABOIS["2021-01"], RABOIS["2022-01"], RABOIS["2023-01"],
                                           RABOIS["2024-03"]))  # fmt: skip
    with routine:
        rows = {r["year"]: r for r in signals.routine_opportunistic(routine, insider="1539865").to_pylist()}
    assert rows[2024]["classification"] == "routine" and rows[2024]["routine_month"] == 1
    assert rows[2023]["classification"] == "unclassified"  # no trades in 2020
    # With February 2023 in place of January 2023 he traded in each prior year, never in one month
    # three years running: opportunistic.
    opportunistic = duck_store(tmp_path, filings(RABOIS["2021-01"], RABOIS["2022-01"], RABOIS["2023-02"],
                                                 RABOIS["2024-03"]))  # fmt: skip
    with opportunistic:
        rows = {r["year"]: r for r in signals.routine_opportunistic(opportunistic, year=2024).to_pylist()}
        plan = signals.plan_share(opportunistic).to_pylist()[0]
    assert rows[2024]["classification"] == "opportunistic" and rows[2024]["routine_month"] is None
    # Every sale in these filings is under a 10b5-1 plan (their footnotes say so).
    assert plan["plan_share"] == 1.0 and plan["sales"] == plan["plan_sales"] > 0


def test_filters_are_validated() -> None:
    with pytest.raises(ValidationError, match="min_value"):
        TradeFilters.model_validate({"min_value": -1})
    with pytest.raises(ValidationError, match="role"):
        TradeFilters.model_validate({"role": "king"})
    with pytest.raises(ValidationError, match="since"):
        TradeFilters.model_validate({"since": "2020-02-01", "until": "2020-01-01"})
    with pytest.raises(ValidationError, match="extra"):
        TradeFilters.model_validate({"min_valu": 5})
    f = TradeFilters.model_validate({"role": "ceo,CFO", "code": "p", "issuer": "0000320193", "ticker": " aapl "})
    assert (f.role, f.code, f.issuer, f.ticker) == (["ceo", "cfo"], ["P"], "320193", "AAPL")


def test_explore_tables_follow_the_store(tmp_path: Path) -> None:
    store = duck_store(tmp_path, filings(ABBV_CLUSTER[0]))
    with store:
        assert explore.purchases(store).num_rows == 1
        store.load(filings(ABBV_CLUSTER[1]))
        assert explore.purchases(store).num_rows == 2  # rebuilt: the store changed


def test_holdings_over_time_every_owner_of_a_joint_filing_and_a_missing_aux_table(main_store: Store) -> None:
    prepare.ensure(main_store)
    owners = main_store.query("SELECT owner_cik, issuer_cik FROM explore_owners WHERE accession = ?", [RGLS_JOINT])
    pairs = [(r["owner_cik"], r["issuer_cik"]) for r in owners.to_pylist()]
    assert len(pairs) == 4
    before = {p: explore.holdings_over_time(main_store, *p).to_pylist() for p in pairs}
    for rows in before.values():  # the later owners of a joint filing are found through its owner key
        assert any(r["accession"] == RGLS_JOINT and r["source"] == "transaction" for r in rows)
    # The issuer-ordered table is derived data: dropped, it is built again and answers the same.
    main_store.query("DROP TABLE explore_member_balances")
    prepare._checked.clear()
    prepare.ensure(main_store)
    assert {p: explore.holdings_over_time(main_store, *p).to_pylist() for p in pairs} == before

"""The derived tables that make screens fast answer exactly what the plain tables answer, on DuckDB and
PostgreSQL, are built again when dropped, and follow the store when filings are loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from section16 import explore
from section16.explore import TradeFilters, prepare
from section16.explore.filters import insider_condition, trade_where
from section16.explore.screens import TRADE_COLUMNS, _order
from section16.store import Store

from .conftest import ABBV_CLUSTER, RGLS_JOINT, duck_store, filings

ABBV = "1551152"
#: Filters an insider page may carry, with sorts that read the table in different orders.
INSIDER_FILTERS: list[dict[str, Any]] = [
    {},
    {"code": ["P"], "sort": "value"},
    {"issuer": ABBV, "sort": "trade_date", "order": "asc"},
    {"derivative": True},
    {"min_value": 1_000_000, "sort": "shares", "limit": 2},
    {"limit": 1, "offset": 1},
]


def plain(store: Store, kw: dict[str, Any]) -> list[dict[str, Any]]:
    """A trade screen's question asked of explore_trades alone, each filter tested on every row."""
    f = TradeFilters.model_validate(kw)
    where, params = trade_where(f)
    sql = (
        f"SELECT {TRADE_COLUMNS} FROM explore_trades t WHERE {' AND '.join(['TRUE', *where])}"
        f" ORDER BY {_order(f)} LIMIT ? OFFSET ?"
    )
    rows: list[dict[str, Any]] = store.query(sql, [*params, f.limit, f.offset]).to_pylist()
    return rows


class Recorder:
    """The store as explore sees it, keeping the SQL it is sent."""

    def __init__(self, store: Store) -> None:
        self.store, self.dialect, self.sql = store, store.dialect, list[str]()

    def query(self, sql: str, params: Any = (), **kw: Any) -> Any:
        self.sql.append(sql)
        return self.store.query(sql, params, **kw)


def owners(store: Store) -> list[str]:
    prepare.ensure(store)
    got = store.query("SELECT DISTINCT owner_cik FROM explore_owners WHERE owner_cik IS NOT NULL ORDER BY 1")
    return [str(c) for c in got.column(0).to_pylist()]


def test_insider_history_from_the_owner_copy_is_the_plain_answer(main_store: Store) -> None:
    prepare.ensure(main_store)
    ciks = owners(main_store)
    assert len(ciks) == 9  # five ABBV insiders and the four owners of the RGLS joint filing
    answers = {}
    for cik in ciks:
        for i, kw in enumerate(INSIDER_FILTERS):
            got = explore.insider_history(main_store, cik, **kw).to_pylist()
            assert got == plain(main_store, {**kw, "insider": cik}), (cik, kw)
            answers[cik, i] = got
    # Every owner of the joint filing has its three rows, once each.
    for cik in ("1706444", "1694560", "1712881", "1712882"):
        assert [r["accession"] for r in answers[cik, 0]] == [RGLS_JOINT] * 3
    # The copy is derived data: dropped, it is built again and answers the same.
    main_store.query("DROP TABLE explore_owner_trades")
    prepare._checked.clear()
    prepare.ensure(main_store)
    for cik in ciks:
        for i, kw in enumerate(INSIDER_FILTERS):
            assert explore.insider_history(main_store, cik, **kw).to_pylist() == answers[cik, i]


def test_owner_copy_follows_the_store(tmp_path: Path) -> None:
    store = duck_store(tmp_path, filings(ABBV_CLUSTER[0]))
    with store:
        first = owners(store)
        assert len(first) == 1 and len(explore.insider_history(store, first[0]).to_pylist()) == 1
        store.load(filings(RGLS_JOINT))
        added = sorted(set(owners(store)) - set(first))
        assert len(added) == 4
        for cik in added:
            assert len(explore.insider_history(store, cik).to_pylist()) == 3
        # The largest trades follow too: the joint filing's three purchases join the first one.
        rec = Recorder(store)
        by_value = explore.purchases(rec, sort="value", limit=4).to_pylist()
        assert by_value == plain(store, {"code": ["P"], "sort": "value", "limit": 4})
        assert sorted(r["accession"] for r in by_value) == sorted([ABBV_CLUSTER[0], *[RGLS_JOINT] * 3])
        assert any("explore_top_values" in q for q in rec.sql)


def test_pages_by_value_from_the_largest_trades_are_the_plain_answer(
    main_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepare.ensure(main_store)
    # Keep only the two largest trades of each code, so that pages run past the table's end.
    sql = prepare.AUX_TABLES["explore_top_values"]
    assert f"<= {prepare.TOP_VALUES}" in sql
    main_store.query("DROP TABLE explore_top_values")
    main_store.query(sql.replace(f"<= {prepare.TOP_VALUES}", "<= 2"))
    monkeypatch.setattr(prepare, "TOP_VALUES", 2)
    try:
        cases: list[tuple[Any, dict[str, Any], dict[str, Any], str]] = [
            # (screen, its filters, the same as plain filters, where the answer came from: the table
            # alone, the table and then explore_trades, or explore_trades alone)
            (explore.purchases, {"sort": "value", "limit": 2}, {"code": ["P"]}, "top"),
            (explore.purchases, {"sort": "value", "limit": 1, "offset": 1}, {"code": ["P"]}, "top"),
            (explore.purchases, {"sort": "value", "limit": 3}, {"code": ["P"]}, "plain"),  # past the table
            (explore.trades, {"sort": "value", "limit": 2}, {}, "top"),
            (explore.trades, {"sort": "value", "limit": 2, "code": ["P", "A"]}, {}, "top"),
            (explore.purchases, {"sort": "value", "limit": 2, "min_value": 2_000_000}, {"code": ["P"]}, "top"),
            (explore.purchases, {"sort": "value", "limit": 2, "min_value": 9e9}, {"code": ["P"]}, "top"),  # none
            (explore.sales, {"sort": "value", "limit": 2}, {"code": ["S"]}, "fallback"),  # no sales: not full
            (explore.purchases, {"sort": "value", "limit": 2, "order": "asc"}, {"code": ["P"]}, "plain"),
            (explore.purchases, {"sort": "value", "limit": 2, "max_value": 1e6}, {"code": ["P"]}, "plain"),
            (explore.purchases, {"sort": "value", "limit": 2, "ticker": "ABBV"}, {"code": ["P"]}, "plain"),
        ]
        for screen, kw, same, source in cases:
            rec = Recorder(main_store)
            got = screen(rec, **kw).to_pylist()
            assert got == plain(main_store, {**kw, **same}), (screen.__name__, kw)
            top = any("explore_top_values" in q for q in rec.sql)
            scan = any("FROM explore_trades t" in q for q in rec.sql)
            assert {"top": (True, False), "fallback": (True, True), "plain": (False, True)}[source] == (top, scan)
        assert len(explore.purchases(main_store, sort="value", limit=2)) == 2
    finally:
        main_store.query("DROP TABLE explore_top_values")
        main_store.query(sql)


PLAIN_ISSUER_SUMMARY = """
WITH x AS (SELECT accession, issuer_name, ticker, filed_day, buy_value, sell_value
           FROM explore_filings WHERE issuer_cik = ?),
latest AS (SELECT issuer_name, ticker FROM x ORDER BY filed_day DESC NULLS LAST, accession DESC LIMIT 1)
SELECT CAST(? AS TEXT) AS issuer_cik, (SELECT issuer_name FROM latest) AS company,
       (SELECT ticker FROM latest) AS ticker, COUNT(*) AS filings, MIN(filed_day) AS first_filed,
       MAX(filed_day) AS last_filed,
       (SELECT COUNT(*) FROM explore_owner_issuers o WHERE o.issuer_cik = ?) AS insiders,
       SUM(buy_value) AS bought_value, SUM(sell_value) AS sold_value
FROM x
HAVING COUNT(*) > 0
"""


def test_issuer_summary_from_explore_issuers_is_the_plain_answer(main_store: Store) -> None:
    prepare.ensure(main_store)
    ciks = [*main_store.query("SELECT DISTINCT issuer_cik FROM explore_filings").column(0).to_pylist(), "123"]
    assert len(ciks) == 3
    for cik in ciks:
        got = explore.issuer_summary(main_store, cik).to_pylist()
        want = main_store.query(PLAIN_ISSUER_SUMMARY, [cik, cik, cik]).to_pylist()
        assert len(got) == len(want) == (0 if cik == "123" else 1)
        for g, w in zip(got, want, strict=True):
            assert list(g) == list(w)
            for k, v in w.items():
                assert g[k] == (pytest.approx(v, rel=1e-12) if isinstance(v, float) else v), k


PLAIN_HOLDINGS = """
SELECT * FROM (
    SELECT t.trade_date AS as_of, t.accepted_at, t.accession, t.security_title, t.direct_indirect,
           t.nature_of_ownership, t.owned_after AS shares_owned, t.code, 'transaction' AS source, t.row_no
    FROM explore_trades t
    WHERE NOT t.is_derivative AND t.issuer_cik = ? AND {insider}
    UNION ALL
    SELECT COALESCE(x.period_of_report, x.filed_day) AS as_of, x.accepted_at, h.accession, h.security_title,
           h.direct_indirect, h.nature_of_ownership, h.shares_owned_after AS shares_owned, NULL AS code,
           'holding' AS source, h.row_no
    FROM nonderiv_holdings h JOIN explore_filings x ON x.accession = h.accession
    WHERE h.accession IN (SELECT o.accession FROM explore_owners o WHERE o.owner_cik = ? AND o.issuer_cik = ?)
) u
ORDER BY as_of NULLS LAST, accepted_at NULLS LAST, accession, source DESC, row_no
"""


def test_holdings_from_explore_member_balances_are_the_plain_answer(main_store: Store) -> None:
    prepare.ensure(main_store)
    pairs = main_store.query("SELECT DISTINCT owner_cik, issuer_cik FROM explore_owners ORDER BY 1, 2").to_pylist()
    assert len(pairs) == 9
    sql = PLAIN_HOLDINGS.format(insider=insider_condition("t"))
    for p in pairs:
        cik, issuer = p["owner_cik"], p["issuer_cik"]
        want = main_store.query(sql, [issuer, cik, cik, cik, issuer]).to_pylist()
        assert want and explore.holdings_over_time(main_store, cik, issuer).to_pylist() == want

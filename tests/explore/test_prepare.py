"""The derived tables that make screens fast answer exactly what the plain tables answer, on DuckDB and
PostgreSQL, are built again when dropped, and follow the store when filings are loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from section16 import explore
from section16.explore import TradeFilters, prepare
from section16.explore.filters import trade_where
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


def plain_insider_history(store: Store, cik: str, kw: dict[str, Any]) -> list[dict[str, Any]]:
    """The same question asked of explore_trades, with the owner-key condition on every row."""
    f = TradeFilters.model_validate({**kw, "insider": cik})
    where, params = trade_where(f)
    sql = (
        f"SELECT {TRADE_COLUMNS} FROM explore_trades t WHERE {' AND '.join(where)}"
        f" ORDER BY {_order(f)} LIMIT ? OFFSET ?"
    )
    rows: list[dict[str, Any]] = store.query(sql, [*params, f.limit, f.offset]).to_pylist()
    return rows


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
            assert got == plain_insider_history(main_store, cik, kw), (cik, kw)
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

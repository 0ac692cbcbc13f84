"""Explore insider activity: screens and research signals over a store, as Arrow tables.

::

    from section16.store import open_store
    from section16 import explore

    store = open_store("insiders.duckdb")
    explore.purchases(store, min_value=1_000_000, role=["ceo", "cfo"]).to_pandas()
    explore.cluster_buys(store, min_insiders=3, window_days=30, min_value=25_000)
    explore.signals.net_purchase_ratio(store, issuer="320193")

Every function takes the store first and returns a ``pyarrow.Table``. See docs/explore.md and
docs/signals.md.
"""

from __future__ import annotations

from . import signals
from .entities import insider_issuers, insider_summary, issuer_activity, issuer_insiders, issuer_summary, search
from .filters import ClusterFilters, FilingFilters, TopFilters, TradeFilters
from .prepare import ensure as ensure_tables
from .roles import Role, classify, roles_from_title
from .screens import (
    SCREENS,
    Screen,
    cluster_buys,
    filing_trades,
    holdings_over_time,
    insider_history,
    issuer_history,
    latest_day,
    latest_filings,
    officer_purchases,
    purchases,
    run_screen,
    sales,
    top_purchases,
    top_sales,
    trades,
)

__all__ = [
    "SCREENS",
    "ClusterFilters",
    "FilingFilters",
    "Role",
    "Screen",
    "TopFilters",
    "TradeFilters",
    "classify",
    "cluster_buys",
    "ensure_tables",
    "filing_trades",
    "holdings_over_time",
    "insider_history",
    "insider_issuers",
    "insider_summary",
    "issuer_activity",
    "issuer_history",
    "issuer_insiders",
    "issuer_summary",
    "latest_day",
    "latest_filings",
    "officer_purchases",
    "purchases",
    "roles_from_title",
    "run_screen",
    "sales",
    "search",
    "signals",
    "top_purchases",
    "top_sales",
    "trades",
]

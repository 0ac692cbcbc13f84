"""The home and signals pages are computed once per state of the store and follow it when filings are
loaded."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from section16.explore import signals
from section16.web import create_app
from tests.explore.conftest import ABBV_CLUSTER, RGLS_JOINT, duck_store, filings


def section(html: str, name: str) -> str:
    start = html.index(f'<h2 id="{name}">')
    end = html.find("<h2 ", start + 1)
    return html[start : end if end > 0 else len(html)]


def first_purchase_rows(html: str) -> int:
    return len(re.findall(r"<tr><td>", section(html, "first-purchases")))


def test_signals_page_is_kept_until_the_store_changes(tmp_path: Path) -> None:
    store = duck_store(tmp_path, filings(*ABBV_CLUSTER[:3]))
    with store:
        app = create_app(store)
        app.state.store.explore_max_age = 0.0  # look at the store on every request
        client = TestClient(app)
        first = client.get("/signals")
        assert first.status_code == 200
        # The ABBV purchases of 29 July to 1 August 2019: four rows, each a first purchase in two years
        # but Austin's of 31 July and 1 August (after her own of 30 July).
        assert first_purchase_rows(first.text) == 2
        assert client.get("/signals").text == first.text
        store.load(filings(*ABBV_CLUSTER[3:], RGLS_JOINT))
        again = client.get("/signals")
        # Now the latest filing day is the RGLS joint filing's: its three purchases are the last 30 days.
        want = signals.first_purchases(store, filed_since=None, limit=20).to_pylist()
        assert again.text != first.text and "RGLS" in section(again.text, "first-purchases")
        assert first_purchase_rows(again.text) == 3 < len(want)


def test_home_page_is_kept_until_the_store_changes(tmp_path: Path) -> None:
    store = duck_store(tmp_path, filings(*ABBV_CLUSTER[:3]))
    with store:
        app = create_app(store)
        app.state.store.explore_max_age = 0.0
        client = TestClient(app)
        first = client.get("/")
        assert first.status_code == 200 and "RGLS" not in first.text and "Gosebruch" in first.text
        assert client.get("/").text == first.text
        store.load(filings(RGLS_JOINT))
        again = client.get("/")
        # The joint filing is now the latest filing and the week's top purchase.
        assert "RGLS" in again.text and again.text != first.text

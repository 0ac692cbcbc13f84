"""The REST API through an HTTP client: FastAPI's TestClient, and httpx against a real uvicorn."""

from __future__ import annotations

import json
from collections.abc import Iterator
from xml.etree import ElementTree as ET

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from section16 import parse_bytes
from section16.store import Store

from .conftest import HOSTILE_ACCESSION, SCRIPT

ABBV = "1551152"
GOSEBRUCH_FILING = "0001179110-19-008937"


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    paths = set(doc["paths"])
    for p in ("/api/trades", "/api/filings", "/api/filings/{accession}", "/api/filings/{accession}/{fmt}",
              "/api/issuers", "/api/issuers/{cik}", "/api/insiders/{cik}/holdings", "/api/screens/cluster-buys",
              "/api/signals/net-purchase-ratio", "/api/signals/routine"):  # fmt: skip
        assert p in paths, p
    params = {p["name"] for p in doc["paths"]["/api/screens/purchases"]["get"]["parameters"]}
    assert {"min_value", "role", "late", "plan", "min_change", "max_delay", "limit", "offset"} <= params
    # The docs pages would load scripts from a CDN: they are off.
    assert client.get("/docs").status_code == 404


def test_screen_rows_and_pagination(client: TestClient) -> None:
    r = client.get("/api/screens/purchases", params={"ticker": "ABBV", "min_value": 1_900_000})
    assert r.status_code == 200
    body = r.json()
    assert [row["accession"] for row in body["rows"]] == ["0001179110-19-009037", GOSEBRUCH_FILING]
    row = body["rows"][1]
    assert row["shares"] == "30000" and row["price"] == "67.2795"  # exact decimals as strings
    assert row["accepted_at"] == "2019-07-31T20:46:11+00:00" and row["trade_date"] == "2019-07-29"
    assert row["value"] == pytest.approx(2018385.0) and row["weighted_avg"] is True
    assert body["filters"] == {"ticker": "ABBV", "min_value": 1900000.0} and body["next"] is None
    page = client.get("/api/trades", params={"issuer": ABBV, "limit": 3}).json()
    assert page["count"] == 3 and "offset=3" in page["next"]
    rest = client.get(page["next"]).json()
    seen = {(x["accession"], x["row_no"]) for x in page["rows"]}
    assert not seen & {(x["accession"], x["row_no"]) for x in rest["rows"]}
    roles = client.get("/api/screens/purchases?role=director&role=ceo").json()["rows"]
    assert {x["insider_cik"] for x in roles} == {"1061632"}
    assert client.get("/api/screens/purchases?role=director,ceo").json()["rows"] == roles


@pytest.mark.parametrize(
    ("url", "needle"),
    [
        ("/api/trades?min_value=abc", "min_value"),
        ("/api/trades?role=king", "role"),
        ("/api/trades?limit=0", "limit"),
        ("/api/trades?limit=100000", "limit"),
        ("/api/trades?since=2020-02-01&until=2020-01-01", "since"),
        ("/api/trades?bogus=1", "bogus"),
        ("/api/screens/cluster-buys?min_insiders=1", "min_insiders"),
        ("/api/screens/top-purchases?period=year", "period"),
        ("/api/issuers/ABC", "cik"),
        ("/api/filings/not-an-accession", "accession"),
        ("/api/filings/0001179110-19-008937/pdf", "fmt"),
        ("/api/signals/net-purchase-ratio?months=0", "months"),
        ("/api/insiders/1061632/holdings", "issuer"),
    ],
)
def test_bad_input_gets_a_clear_422(client: TestClient, url: str, needle: str) -> None:
    r = client.get(url)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "invalid request" and any(needle in d for d in body["details"]), body


def test_unknown_things_are_404(client: TestClient) -> None:
    assert client.get("/api/filings/0000000000-00-000000").status_code == 404
    assert client.get("/api/issuers/123").json() == {"error": "no filings of issuer CIK 123 in the store"}
    assert client.get("/api/insiders/123").status_code == 404
    assert client.get("/api/screens/nope").status_code == 404


def test_filing_in_every_format(client: TestClient, web_store: Store) -> None:
    stored = web_store.filing(GOSEBRUCH_FILING)
    assert stored is not None
    one = client.get(f"/api/filings/{GOSEBRUCH_FILING}").json()
    assert one["issuer_cik"] == ABBV and [o["owner_cik"] for o in one["owners"]] == ["1659625"]
    assert [t["shares"] for t in one["transactions"]] == ["30000"]
    xml = client.get(f"/api/filings/{GOSEBRUCH_FILING}/xml")
    assert xml.headers["content-type"].startswith("application/xml")
    back = parse_bytes(xml.content)
    assert back.non_derivative_transactions == stored.non_derivative_transactions
    js = client.get(f"/api/filings/{GOSEBRUCH_FILING}/json").json()
    assert js["accession_number"] == GOSEBRUCH_FILING
    html = client.get(f"/api/filings/{GOSEBRUCH_FILING}/html")
    assert html.headers["content-type"].startswith("text/html") and "AbbVie" in html.text
    md = client.get(f"/api/filings/{GOSEBRUCH_FILING}/md")
    assert md.headers["content-type"].startswith("text/markdown") and "Gosebruch" in md.text


def test_issuers_insiders_and_signals(client: TestClient) -> None:
    assert client.get("/api/issuers", params={"q": "abbv"}).json()["rows"][0]["cik"] == ABBV
    issuer = client.get(f"/api/issuers/{ABBV}").json()
    assert issuer["ticker"] == "ABBV" and len(issuer["insiders"]) == 6
    activity = client.get("/api/issuers/0001551152/activity").json()["rows"]
    # The 4/A of March 2020 adds Durkin's 2,200 + 800 + 750 shares.
    assert [(m["month"], m["bought"]) for m in activity] == [
        ("2019-07-01", 70000), ("2019-08-01", 48077), ("2019-09-01", 25000), ("2020-03-01", 3750)
    ]  # fmt: skip
    held = client.get("/api/insiders/1061632/holdings", params={"issuer": ABBV}).json()["rows"]
    assert [h["shares_owned"] for h in held] == ["62114", "92114", "117114"]
    assert client.get("/api/insiders", params={"q": "austin"}).json()["rows"][0]["cik"] == "1061632"
    npr = client.get("/api/signals/net-purchase-ratio", params={"as_of": "2019-09-30", "issuer": ABBV}).json()
    assert npr["rows"][0]["npr"] == 1.0
    assert client.get("/api/signals/routine").status_code == 200
    assert client.get("/api/signals/first-purchases?years=3").json()["count"] >= 5
    assert client.get("/api/signals/late-filings").status_code == 200
    assert client.get("/api/signals/plan-share").status_code == 200
    clusters = client.get("/api/screens/cluster-buys?since=2019-01-01").json()["rows"]
    assert [(c["ticker"], c["insiders"]) for c in clusters] == [("ABBV", 4)]


def test_atom_feed_of_a_screen(client: TestClient) -> None:
    r = client.get("/feeds/purchases", params={"ticker": "ABBV", "until": "2019-12-31", "limit": 3})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(r.content)
    entries = root.findall("a:entry", ns)
    assert len(entries) == 3
    titles = [e.findtext("a:title", namespaces=ns) for e in entries]
    assert titles[0] == "Schumacher Laura J bought 25,000 ABBV at $70.4209 ($1,760,522)"
    assert entries[0].find("a:link", ns).get("href").endswith("/filings/0001179110-19-010451")  # type: ignore[union-attr]
    assert (
        root.find("a:link[@rel='alternate']", ns)
        .get("href")
        .endswith("/screens/purchases?ticker=ABBV&until=2019-12-31&limit=3")
    )  # type: ignore[union-attr]
    assert client.get("/feeds/purchases?min_value=x").status_code == 422


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    pages = [f"/filings/{HOSTILE_ACCESSION}", "/issuers/9999999", "/insiders/9999998", "/screens/latest-filings",
             "/screens/trades?ticker=EVL", "/", "/search?q=mallory"]  # fmt: skip
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        assert SCRIPT not in r.text and "<img src=x" not in r.text and "<i>EVP</i>" not in r.text, url
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in r.text, url
        assert "script-src 'self'" in r.headers["content-security-policy"]
    form = client.get(f"/filings/{HOSTILE_ACCESSION}/form")
    assert SCRIPT not in form.text and "&lt;script&gt;" in form.text
    assert form.headers["content-security-policy"].startswith("default-src 'none'")
    feed = client.get("/feeds/trades?ticker=EVL")
    titles = [e.text for e in ET.fromstring(feed.content).iter("{http://www.w3.org/2005/Atom}title")]
    assert any(SCRIPT in (t or "") for t in titles)  # the text itself, escaped in the XML
    assert SCRIPT not in feed.text
    assert json.loads(client.get(f"/api/filings/{HOSTILE_ACCESSION}").text)["owner_name"] == (
        "Mallory <script>window.__pwned = 1</script>"
    )


def test_real_uvicorn_server(live_server: str) -> None:
    with httpx.Client(base_url=live_server, timeout=10) as http:
        r = http.get("/api/screens/cluster-buys?since=2019-01-01")
        assert r.status_code == 200 and r.json()["rows"][0]["ticker"] == "ABBV"
        js_type = http.get("/static/chart.js").headers["content-type"]
        assert js_type.startswith(("text/javascript", "application/javascript"))
        assert http.get("/").status_code == 200
        assert http.get("/api/trades?limit=-1").status_code == 422

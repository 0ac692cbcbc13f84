"""The JSON API under ``/api``. Every list is paginated (``limit``, ``offset``, a ``next`` link), every
input is validated by the same models the Python API uses (a clear 422 naming the parameter otherwise),
and every query is parameterised SQL in :mod:`section16.explore`."""

# No "from __future__ import annotations" here: FastAPI reads the endpoint annotations at definition
# time, and the per-screen endpoints are built in a loop with each screen's own filter model.

import math
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

import pyarrow as pa
from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from .. import explore
from ..explore import signals as sig
from ..explore.filters import MAX_LIMIT, TradeFilters
from ..explore.screens import SCREENS, Screen
from .formats import FORMATS, render_filing

router = APIRouter(prefix="/api")

CIK = Annotated[str, Path(pattern=r"^\d{1,10}$", description="CIK, digits (leading zeros optional)")]
ACCESSION = Annotated[str, Path(pattern=r"^\d{10}-\d{2}-\d{6}$", description="Accession number with dashes")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def plain(v: Any) -> Any:
    """A JSON value: exact decimals as strings without trailing zeros, dates ISO, NaN as null."""
    if isinstance(v, Decimal):
        s = format(v, "f")
        return s.rstrip("0").rstrip(".") if "." in s else s
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def rows_of(table: pa.Table) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in table.to_pylist()]


def paged(request: Request, table: pa.Table, limit: int, offset: int, **meta: Any) -> dict[str, Any]:
    rows = rows_of(table)
    nxt = None
    if len(rows) == limit:
        nxt = str(request.url.include_query_params(offset=offset + limit))
    return {**meta, "limit": limit, "offset": offset, "count": len(rows), "next": nxt, "rows": rows}


def _screen_endpoint(screen: Screen) -> Callable[..., Any]:
    model = screen.filters

    def endpoint(request: Request, filters: Annotated[model, Query()]) -> dict[str, Any]:  # type: ignore[valid-type]
        f: Any = filters
        table = screen.run(request.app.state.store, f)
        return paged(request, table, f.limit, f.offset, screen=screen.name,
                     filters=f.model_dump(mode="json", exclude_defaults=True))  # fmt: skip

    endpoint.__name__ = "screen_" + screen.name.replace("-", "_")
    endpoint.__doc__ = screen.description
    return endpoint


@router.get("", summary="What the API offers")
def index() -> dict[str, Any]:
    return {
        "screens": {name: f"/api/screens/{name}" for name in SCREENS},
        "trades": "/api/trades",
        "filings": "/api/filings",
        "issuers": "/api/issuers?q=",
        "insiders": "/api/insiders?q=",
        "signals": {name: f"/api/signals/{name}" for name in sig.SIGNALS},
        "openapi": "/openapi.json",
    }


@router.get("/screens", summary="The screens and their filters")
def screens() -> list[dict[str, Any]]:
    return [
        {"name": s.name, "title": s.title, "description": s.description, "kind": s.kind,
         "url": f"/api/screens/{s.name}", "filters": s.filters.model_json_schema()["properties"]}
        for s in SCREENS.values()
    ]  # fmt: skip


for _screen in SCREENS.values():
    router.add_api_route(f"/screens/{_screen.name}", _screen_endpoint(_screen), methods=["GET"],
                         summary=_screen.title, tags=["screens"])  # fmt: skip


@router.get("/trades", summary="Transactions with every screen filter", tags=["trades"])
def trades(request: Request, filters: Annotated[TradeFilters, Query()]) -> dict[str, Any]:
    return paged(request, explore.trades(request.app.state.store, filters), filters.limit, filters.offset,
                 filters=filters.model_dump(mode="json", exclude_defaults=True))  # fmt: skip


@router.get("/filings", summary="Filings, newest first", tags=["filings"])
def filings(request: Request, filters: Annotated[explore.FilingFilters, Query()]) -> dict[str, Any]:
    return paged(request, explore.latest_filings(request.app.state.store, filters), filters.limit, filters.offset,
                 filters=filters.model_dump(mode="json", exclude_defaults=True))  # fmt: skip


def filing_record(store: Any, accession: str) -> dict[str, Any]:
    got = store.query(
        "SELECT 'https://www.sec.gov/Archives/edgar/data/' || issuer_cik || '/' || replace(accession, '-', '')"
        " || '/' || accession || '-index.htm' AS filing_url, * FROM explore_filings WHERE accession = ?",
        [accession],
    )
    if got.num_rows == 0:
        raise HTTPException(404, f"no filing {accession} in the store")
    record: dict[str, Any] = got.to_pylist()[0]
    return record


@router.get("/filings/{accession}", summary="One filing: summary, owners, effective transactions", tags=["filings"])
def filing(request: Request, accession: ACCESSION) -> dict[str, Any]:
    store = request.app.state.store
    record = filing_record(store, accession)
    owners = store.query(
        "SELECT position, owner_cik, owner_name, relationship, officer_title, other_text FROM explore_owners"
        " WHERE accession = ? ORDER BY position",
        [accession],
    )
    mine = explore.filing_trades(store, accession)
    return {
        **{k: plain(v) for k, v in record.items()},
        "owners": rows_of(owners),
        "transactions": rows_of(mine),
        "formats": {fmt: f"/api/filings/{accession}/{fmt}" for fmt in FORMATS},
    }


@router.get("/filings/{accession}/{fmt}", summary="One filing in a format section16 writes", tags=["filings"],
            response_class=Response)  # fmt: skip
def filing_as(request: Request, accession: ACCESSION, fmt: Literal["xml", "json", "html", "md"]) -> Response:
    f = request.app.state.store.filing(accession)
    if f is None:
        raise HTTPException(404, f"no filing {accession} in the store")
    body, media_type = render_filing(f, fmt)
    return Response(body, media_type=media_type)


@router.get("/issuers", summary="Search issuers by ticker, name or CIK", tags=["issuers"])
def issuers(request: Request, q: Annotated[str, Query(min_length=1, max_length=100)],
            limit: Limit = 20) -> dict[str, Any]:  # fmt: skip
    t = explore.search(request.app.state.store, q, limit=limit * 2)
    rows = [r for r in rows_of(t) if r["kind"] == "issuer"][:limit]
    return {"q": q, "count": len(rows), "rows": rows}


@router.get("/issuers/{cik}", summary="One issuer: summary and insiders", tags=["issuers"])
def issuer(request: Request, cik: CIK) -> dict[str, Any]:
    store = request.app.state.store
    s = rows_of(explore.issuer_summary(store, cik))
    if not s:
        raise HTTPException(404, f"no filings of issuer CIK {cik} in the store")
    base = f"/api/issuers/{s[0]['issuer_cik']}"
    return {
        **s[0],
        "insiders": rows_of(explore.issuer_insiders(store, cik)),
        "trades": f"{base}/trades",
        "activity": f"{base}/activity",
    }


@router.get("/issuers/{cik}/trades", summary="An issuer's transactions", tags=["issuers"])
def issuer_trades(request: Request, cik: CIK, filters: Annotated[TradeFilters, Query()]) -> dict[str, Any]:
    t = explore.issuer_history(request.app.state.store, cik, filters)
    return paged(request, t, filters.limit, filters.offset, issuer=cik.lstrip("0") or "0")


@router.get("/issuers/{cik}/activity", summary="Shares bought and sold per month, running net", tags=["issuers"])
def issuer_activity(request: Request, cik: CIK) -> dict[str, Any]:
    return {"issuer": cik.lstrip("0") or "0", "rows": rows_of(explore.issuer_activity(request.app.state.store, cik))}


@router.get("/insiders", summary="Search insiders by name or CIK", tags=["insiders"])
def insiders(request: Request, q: Annotated[str, Query(min_length=1, max_length=100)],
             limit: Limit = 20) -> dict[str, Any]:  # fmt: skip
    t = explore.search(request.app.state.store, q, limit=limit * 2)
    rows = [r for r in rows_of(t) if r["kind"] == "insider"][:limit]
    return {"q": q, "count": len(rows), "rows": rows}


@router.get("/insiders/{cik}", summary="One insider: summary and issuers", tags=["insiders"])
def insider(request: Request, cik: CIK) -> dict[str, Any]:
    store = request.app.state.store
    s = rows_of(explore.insider_summary(store, cik))
    if not s:
        raise HTTPException(404, f"no filings of insider CIK {cik} in the store")
    return {**s[0], "issuers": rows_of(explore.insider_issuers(store, cik))}


@router.get("/insiders/{cik}/trades", summary="An insider's transactions, every issuer", tags=["insiders"])
def insider_trades(request: Request, cik: CIK, filters: Annotated[TradeFilters, Query()]) -> dict[str, Any]:
    t = explore.insider_history(request.app.state.store, cik, filters)
    return paged(request, t, filters.limit, filters.offset, insider=cik.lstrip("0") or "0")


@router.get("/insiders/{cik}/holdings", summary="An insider's holdings over time in one issuer", tags=["insiders"])
def insider_holdings(request: Request, cik: CIK,
                     issuer: Annotated[str, Query(pattern=r"^\d{1,10}$")]) -> dict[str, Any]:  # fmt: skip
    t = explore.holdings_over_time(request.app.state.store, cik, issuer)
    return {"insider": cik.lstrip("0") or "0", "issuer": issuer.lstrip("0") or "0", "rows": rows_of(t)}


@router.get("/signals", summary="The research signals", tags=["signals"])
def signals_index() -> dict[str, Any]:
    return {
        name: {"url": f"/api/signals/{name}", "doc": (fn.__doc__ or "").strip()} for name, fn in sig.SIGNALS.items()
    }


CIKQuery = Annotated[str | None, Query(pattern=r"^\d{1,10}$")]


@router.get("/signals/routine", summary="Routine vs opportunistic insiders (Cohen, Malloy, Pomorski 2012)",
            tags=["signals"])  # fmt: skip
def signal_routine(request: Request, issuer: CIKQuery = None, insider: CIKQuery = None,
                   year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
                   limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    t = sig.routine_opportunistic(request.app.state.store, issuer=issuer, insider=insider, year=year,
                                  limit=limit, offset=offset)  # fmt: skip
    return paged(request, t, limit, offset, signal="routine")


@router.get("/signals/net-purchase-ratio", summary="Net purchase ratio per issuer (Lakonishok and Lee 2001)",
            tags=["signals"])  # fmt: skip
def signal_npr(request: Request, issuer: CIKQuery = None, as_of: date | None = None,
               months: Annotated[int, Query(ge=1, le=120)] = 6, min_trades: Annotated[int, Query(ge=1)] = 1,
               limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    t = sig.net_purchase_ratio(request.app.state.store, issuer=issuer, as_of=as_of, months=months,
                               min_trades=min_trades, limit=limit, offset=offset)  # fmt: skip
    return paged(request, t, limit, offset, signal="net-purchase-ratio")


@router.get("/signals/plan-share", summary="Share of sales under Rule 10b5-1 plans", tags=["signals"])
def signal_plan(request: Request, issuer: CIKQuery = None, insider: CIKQuery = None,
                since: date | None = None, until: date | None = None,
                limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    t = sig.plan_share(request.app.state.store, issuer=issuer, insider=insider, since=since, until=until,
                       limit=limit, offset=offset)  # fmt: skip
    return paged(request, t, limit, offset, signal="plan-share")


@router.get("/signals/late-filings", summary="Late Form 4 filings in business days", tags=["signals"])
def signal_late(request: Request, issuer: CIKQuery = None, insider: CIKQuery = None,
                since: date | None = None, until: date | None = None,
                limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    t = sig.late_filings(request.app.state.store, issuer=issuer, insider=insider, since=since, until=until,
                         limit=limit, offset=offset)  # fmt: skip
    return paged(request, t, limit, offset, signal="late-filings")


@router.get("/signals/first-purchases", summary="First purchase in N years", tags=["signals"])
def signal_first(request: Request, years: Annotated[int, Query(ge=1, le=50)] = 2, issuer: CIKQuery = None,
                 insider: CIKQuery = None, filed_since: date | None = None, filed_until: date | None = None,
                 limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    t = sig.first_purchases(request.app.state.store, years=years, issuer=issuer, insider=insider,
                            filed_since=filed_since, filed_until=filed_until, limit=limit, offset=offset)  # fmt: skip
    return paged(request, t, limit, offset, signal="first-purchases")

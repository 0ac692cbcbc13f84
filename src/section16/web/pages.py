"""The HTML pages and the Atom feeds. Each screen's filters live in its URL (plain GET forms), so any
view can be bookmarked, shared, or followed as a feed at ``/feeds/NAME?same-filters``."""

from __future__ import annotations

import types
import typing
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pyarrow as pa
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ValidationError

from .. import explore
from ..explore import prepare
from ..explore import signals as sig
from ..explore.filters import MAX_OFFSET, TradeFilters
from ..explore.screens import SCREENS, Screen
from .api import filing_record
from .app import FORM_CSP, validation_messages
from .feed import ATOM_TYPE, Entry, atom
from .formats import FORMATS, render_filing
from .holdings import PAGE_ROWS, chart_points, newest_page
from .render import make_env, money, number, query_string

router = APIRouter(include_in_schema=False)
_env = make_env()

#: Filters not shown in the forms: paging is done by the pager links.
_HIDDEN = {"offset"}
_LABELS = {"min_value": "min value $", "max_value": "max value $", "min_price": "min price $",
           "max_price": "max price $", "min_change": "min Δ own %", "max_change": "max Δ own %",
           "min_delay": "min delay (bd)", "max_delay": "max delay (bd)", "filed_since": "filed since",
           "filed_until": "filed until", "since": "traded since", "until": "traded until",
           "issuer": "issuer CIK", "insider": "insider CIK", "min_insiders": "min insiders",
           "window_days": "window (days)", "as_of": "as of"}  # fmt: skip


def html(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(template).render(**context), status_code=status)


def error_page(request: Request, title: str, errors: list[str], status: int) -> HTMLResponse:
    return html("error.html", status, title=title, errors=errors)


def _rows(t: pa.Table) -> list[dict[str, Any]]:
    # Column by column, then zipped: converts a long table (an insider's 16,000 balances) about a third
    # faster than ``to_pylist``, which builds each row's values one by one, with the same Python values.
    columns = t.to_pydict()
    names = list(columns)
    return [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)]


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list


def parse_filters(
    request: Request, model: type[BaseModel], ignore: frozenset[str] = frozenset()
) -> tuple[BaseModel | None, list[str], dict[str, Any]]:
    """The query string as a filter model: (model or None, error lines, the raw values given). Keys in
    ``ignore`` belong to the page, not to the filters."""
    raw: dict[str, Any] = {}
    for key in request.query_params:
        if key in ignore:
            continue
        values = [v for v in request.query_params.getlist(key) if v != ""]
        if not values:
            continue
        field = model.model_fields.get(key)
        raw[key] = values if field is not None and _is_list(field.annotation) else values[-1]
    try:
        return model.model_validate(raw), [], raw
    except ValidationError as e:
        return None, validation_messages(e.errors()), raw


def trade_filters(request: Request, ignore: frozenset[str] = frozenset()) -> tuple[TradeFilters | None, list[str]]:
    """The query string as TradeFilters (issuer and insider pages)."""
    f, errors, _ = parse_filters(request, TradeFilters, ignore)
    return (f if isinstance(f, TradeFilters) else None), errors


def _choices(annotation: Any) -> list[str] | None:
    """The allowed values of a Literal (or list of Literal, or optional Literal) annotation."""
    if _is_list(annotation):
        annotation = typing.get_args(annotation)[0]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else annotation
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    return None


def form_fields(model: type[BaseModel], raw: dict[str, Any], values: BaseModel | None) -> list[dict[str, Any]]:
    """Descriptors for the filter form: name, label, kind (text, number, date, choice, multi), value."""
    out = []
    for name, field in model.model_fields.items():
        if name in _HIDDEN:
            continue
        ann = field.annotation
        current = (
            getattr(values, name) if values is not None else raw.get(name, field.get_default(call_default_factory=True))
        )
        label = _LABELS.get(name, name.replace("_", " "))
        choices = _choices(ann)
        args = set(typing.get_args(ann)) | {ann}
        if _is_list(ann):
            out.append({"name": name, "label": label, "kind": "multi", "options": choices or [],
                        "value": [str(v) for v in (current or [])]})  # fmt: skip
        elif choices is not None:
            out.append({"name": name, "label": label, "kind": "choice", "options": choices, "value": str(current)})
        elif bool in args:
            v = "" if current is None else str(current).lower()
            out.append({"name": name, "label": label, "kind": "choice", "options": ["", "true", "false"], "value": v})
        elif date in args:
            out.append({"name": name, "label": label, "kind": "date", "value": "" if current is None else current})
        elif int in args or float in args:
            if isinstance(current, float) and current.is_integer():
                current = int(current)  # 1900000, not 1900000.0, in the form and the URL
            out.append({"name": name, "label": label, "kind": "number", "value": "" if current is None else current})
        else:
            out.append({"name": name, "label": label, "kind": "text", "value": current or ""})
    return out


def _screen(name: str) -> Screen:
    screen = SCREENS.get(name)
    if screen is None:
        raise HTTPException(404, f"no screen named {name!r}; screens: {', '.join(SCREENS)}")
    return screen


def _days_before(store: Any, days: int) -> date | None:
    latest = explore.latest_day(store)
    return latest - timedelta(days=days) if latest else None


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """The latest notable activity. Like the signals page it depends on the store alone (its periods
    end on the latest filing day), so it is computed once per state of the explore tables."""
    store = request.app.state.store
    return html("home.html", **prepare.derived(store, "web.home", lambda: _home_context(store)))


def _home_context(store: Any) -> dict[str, Any]:
    meta = {r["key"]: r["value"] for r in _rows(store.query("SELECT key, value FROM explore_meta"))}
    stats = {
        "filings": int(meta.get("filings") or 0),
        "trades": int(meta.get("trades") or 0),
        "issuers": int(meta.get("issuers") or 0),
        "latest": meta.get("latest"),
    }
    return {
        "stats": stats,
        "top": _rows(explore.top_purchases(store, period="week", limit=10)),
        "clusters": _rows(explore.cluster_buys(store, since=_days_before(store, 90), limit=5)),
        "officers": _rows(explore.officer_purchases(store, limit=10)),
        "latest": _rows(explore.latest_filings(store, limit=10)),
    }


@router.get("/screens", response_class=HTMLResponse)
def screens_page() -> HTMLResponse:
    return html("screens.html", screens=list(SCREENS.values()))


@router.get("/screens/{name}", response_class=HTMLResponse)
def screen_page(request: Request, name: str) -> HTMLResponse:
    screen = _screen(name)
    filters, errors, raw = parse_filters(request, screen.filters)
    rows: list[dict[str, Any]] = []
    if filters is not None:
        rows = _rows(screen.run(request.app.state.store, filters))
    params = filters.model_dump(exclude_defaults=True) if filters is not None else raw
    params.pop("offset", None)
    return html(
        "screen.html",
        422 if errors else 200,
        screen=screen,
        fields=form_fields(screen.filters, raw, filters),
        errors=errors,
        rows=rows,
        params=params,
        qs=query_string(params),
        limit=getattr(filters, "limit", 100),
        offset=getattr(filters, "offset", 0),
    )


def _when(r: dict[str, Any], *keys: str) -> datetime:
    for k in keys:
        v = r.get(k)
        if isinstance(v, datetime):
            return v
        if isinstance(v, date):
            return datetime.combine(v, time(), tzinfo=UTC)
    return datetime(1970, 1, 1, tzinfo=UTC)


def _entry(base: str, screen: Screen, r: dict[str, Any]) -> Entry:
    if screen.kind == "clusters":
        return Entry(
            id=f"urn:section16:cluster:{r['issuer_cik']}:{r['first_trade']}",
            title=f"{r['ticker'] or r['issuer_cik']}: {r['insiders']} insiders bought {money(r['total_value'])}"
            f" from {r['first_trade']} to {r['last_trade']}",
            updated=_when(r, "last_filed", "last_trade"),
            link=f"{base}issuers/{r['issuer_cik']}",
            summary=f"{r['company'] or ''}: {r['names'] or ''} ({r['roles'] or ''})",
        )
    link = f"{base}filings/{r['accession']}"
    if screen.kind == "filings":
        return Entry(
            id=f"urn:section16:filing:{r['accession']}",
            title=f"Form {r['document_type']} {r['ticker'] or ''}: {r['insider'] or ''}".strip(),
            updated=_when(r, "accepted_at", "filed_day"),
            link=link,
            summary=f"{r['company'] or ''}; codes {r['codes'] or '-'}; {r['roles'] or ''}",
        )
    verb = {"P": "bought", "S": "sold"}.get(r["code"] or "", f"code {r['code']}")
    table = "T2" if r["is_derivative"] else "T1"
    return Entry(
        id=f"urn:section16:trade:{r['accession']}:{table}:{r['row_no']}",
        title=f"{r['insider'] or ''} {verb} {number(r['shares'])} {r['ticker'] or ''} at {money(r['price'])}"
        f" ({money(r['value'])})",
        updated=_when(r, "accepted_at", "filed_day"),
        link=link,
        summary=f"{r['company'] or ''}; {r['roles'] or ''} {r['title'] or ''}; trade date {r['trade_date']}",
    )


@router.get("/feeds/{name}")
def feed(request: Request, name: str) -> Response:
    screen = _screen(name)
    filters, errors, _ = parse_filters(request, screen.filters)
    if filters is None:
        raise HTTPException(422, "; ".join(errors))
    rows = _rows(screen.run(request.app.state.store, filters))
    base = str(request.base_url)
    qs = request.url.query
    body = atom(
        feed_id=f"urn:section16:feed:{name}:{qs}",
        title=f"section16: {screen.title}",
        self_url=str(request.url),
        alternate_url=f"{base}screens/{name}" + (f"?{qs}" if qs else ""),
        entries=[_entry(base, screen, r) for r in rows],
    )
    return Response(body, media_type=ATOM_TYPE)


#: The issuer page's own parameter: where its insiders table's page starts (latest filer first).
INSIDERS_OFFSET = "insiders_offset"
#: Insiders per page of the issuer page (a large company has thousands).
INSIDER_ROWS = 100


def _page_offset(request: Request, name: str) -> tuple[int, list[str]]:
    """A page's own offset parameter (not a filter): 0 when absent, else a whole number."""
    raw = request.query_params.get(name, "") or "0"
    if not raw.isdigit() or int(raw) > MAX_OFFSET:
        return 0, [f"{name}: a whole number from 0 to {MAX_OFFSET} (got {raw!r})"]
    return int(raw), []


@router.get("/issuers/{cik}", response_class=HTMLResponse)
def issuer_page(request: Request, cik: str) -> HTMLResponse:
    store = request.app.state.store
    filters, errors = trade_filters(request, frozenset({INSIDERS_OFFSET}))
    insiders_offset, offset_errors = _page_offset(request, INSIDERS_OFFSET)
    if filters is None or offset_errors or not cik.isdigit():
        return error_page(request, "Invalid request", errors + offset_errors or [f"not a CIK: {cik!r}"], 422)
    summary = _rows(explore.issuer_summary(store, cik))
    if not summary:
        raise HTTPException(404, f"no filings of issuer CIK {cik} in the store")
    activity = explore.issuer_activity(store, cik)
    chart = {
        "labels": [m.strftime("%Y-%m") for m in activity.column("month").to_pylist()],
        "buys": activity.column("bought").to_pylist(),
        "sells": activity.column("sold").to_pylist(),
        "net": activity.column("net").to_pylist(),
    }
    params = filters.model_dump(exclude_defaults=True)
    params.pop("offset", None)
    params.pop("issuer", None)
    insiders = _rows(explore.issuer_insiders(store, cik, INSIDER_ROWS, insiders_offset))
    return html("issuer.html", s=summary[0], chart=chart, insiders=insiders, insiders_offset=insiders_offset,
                insiders_limit=INSIDER_ROWS, insiders_param=INSIDERS_OFFSET,
                trades=_rows(explore.issuer_history(store, cik, filters)), params=params,
                limit=filters.limit, offset=filters.offset)  # fmt: skip


#: The insider page's own parameter: where the holdings table's page starts (newest row first).
HOLDINGS_OFFSET = "holdings_offset"


@router.get("/insiders/{cik}", response_class=HTMLResponse)
def insider_page(request: Request, cik: str) -> HTMLResponse:
    store = request.app.state.store
    filters, errors = trade_filters(request, frozenset({HOLDINGS_OFFSET}))
    holdings_offset, offset_errors = _page_offset(request, HOLDINGS_OFFSET)
    if filters is None or offset_errors or not cik.isdigit():
        return error_page(request, "Invalid request", errors + offset_errors or [f"not a CIK: {cik!r}"], 422)
    summary = _rows(explore.insider_summary(store, cik))
    if not summary:
        raise HTTPException(404, f"no filings of insider CIK {cik} in the store")
    issuers = _rows(explore.insider_issuers(store, cik))
    holding_issuer = filters.issuer or (issuers[0]["issuer_cik"] if len(issuers) == 1 else None)
    holdings: list[dict[str, Any]] = []
    points: list[list[Any]] = []
    n_holdings = n_points = 0
    label = ""
    if holding_issuer:
        table = explore.holdings_over_time(store, cik, holding_issuer)
        n_holdings = table.num_rows
        holdings = newest_page(table, PAGE_ROWS, holdings_offset)
        # The chart follows the security with the most reported balances (usually the common stock, direct).
        points, n_points = chart_points(table)
        label = next((f"{i['company']} ({i['ticker']})" for i in issuers if i["issuer_cik"] == holding_issuer),
                     holding_issuer)  # fmt: skip
    params = filters.model_dump(exclude_defaults=True)
    params.pop("offset", None)
    params.pop("insider", None)
    return html("insider.html", s=summary[0], issuers=issuers, holding_issuer=holding_issuer, holding_label=label,
                holdings=holdings, holdings_total=n_holdings, holdings_offset=holdings_offset,
                holdings_limit=PAGE_ROWS, holdings_param=HOLDINGS_OFFSET, chart={"points": points},
                chart_total=n_points, trades=_rows(explore.insider_history(store, cik, filters)), params=params,
                limit=filters.limit, offset=filters.offset)  # fmt: skip


def _findings(filing: Any) -> tuple[list[dict[str, Any]], str]:
    try:
        from ..check import check
    except ImportError:
        return [], "The checker is not installed."
    found = check(filing)
    rows = [{"severity": f.severity, "code": f.code, "where": f.where, "message": f.message} for f in found]
    return rows, "No findings: the filing passes every check."


@router.get("/filings/{accession}", response_class=HTMLResponse)
def filing_page(request: Request, accession: str) -> HTMLResponse:
    store = request.app.state.store
    record = filing_record(store, accession)
    owners = _rows(store.query("SELECT * FROM explore_owners WHERE accession = ? ORDER BY position", [accession]))
    amending = store.query(
        "SELECT accession FROM explore_filings WHERE amends = ? ORDER BY filed_day, accession", [accession]
    )
    amended_by = [r["accession"] for r in _rows(amending)]
    notes = _rows(store.query("SELECT footnote_id, text FROM footnotes WHERE accession = ? ORDER BY position",
                              [accession]))  # fmt: skip
    remarks = _rows(store.query("SELECT remarks FROM filings WHERE accession = ?", [accession]))[0]["remarks"]
    filing = store.filing(accession)
    findings, note = _findings(filing) if filing is not None else ([], "The filing could not be read back.")
    return html("filing.html", f=record, owners=owners, amended_by=amended_by, findings=findings,
                findings_note=note, trades=_rows(explore.filing_trades(store, accession)), footnotes=notes,
                remarks=remarks,
                formats=list(FORMATS))  # fmt: skip


@router.get("/filings/{accession}/form")
def filing_form(request: Request, accession: str) -> Response:
    """The form rendered by section16's HTML writer, for the sandboxed iframe of the filing page."""
    filing = request.app.state.store.filing(accession)
    if filing is None:
        raise HTTPException(404, f"no filing {accession} in the store")
    body, media_type = render_filing(filing, "html")
    return Response(body, media_type=media_type, headers={"Content-Security-Policy": FORM_CSP})


_SIGNAL_PAGE = (
    ("routine", "Routine and opportunistic insiders, latest year", "Cohen, Malloy and Pomorski (2012).",
     ["insider", "ticker", "year", "classification", "routine_month", "trades", "value"]),
    ("net-purchase-ratio", "Net purchase ratio, last six months", "Lakonishok and Lee (2001).",
     ["ticker", "company", "npr", "npr_trades", "purchases", "sales", "insiders_buying", "insiders_selling"]),
    ("plan-share", "Sales under Rule 10b5-1 plans, last year", "Share of open-market sales under a plan.",
     ["ticker", "company", "sales", "plan_sales", "plan_share", "plan_value_share"]),
    ("late-filings", "Late filings, last year", "Form 4 rows filed more than two business days after the trade.",
     ["insider", "ticker", "transactions", "late", "late_share", "mean_delay_bd", "max_delay_bd"]),
    ("first-purchases", "First purchase in two years, last 30 days",
     "No purchase by the insider in the issuer for two years before.",
     ["insider", "ticker", "trade_date", "shares", "value", "previous_purchase"]),
)  # fmt: skip


@router.get("/signals", response_class=HTMLResponse)
def signals_page(request: Request) -> HTMLResponse:
    """Each signal over the latest stretch of the store: the latest year, or the last 30 days.

    What the page shows depends on the store alone (its windows end on the latest filing day), so it is
    computed once per state of the explore tables and kept until they are rebuilt (prepare.derived):
    five aggregates over a year of trades take a few hundred milliseconds at ten million rows.
    """
    store = request.app.state.store
    latest, sections = prepare.derived(store, "web.signals_page", lambda: _signal_sections(store))
    return html("signals.html", signals=sections, latest=latest)


def _signal_sections(store: Any) -> tuple[date, list[dict[str, Any]]]:
    latest = explore.latest_day(store) or date.today()
    year_ago, month_ago = latest - timedelta(days=365), latest - timedelta(days=30)
    runs: dict[str, Any] = {
        "routine": lambda: sig.routine_opportunistic(store, year=latest.year, limit=20),
        "net-purchase-ratio": lambda: sig.net_purchase_ratio(store, as_of=latest, limit=20),
        "plan-share": lambda: sig.plan_share(store, since=year_ago, limit=20),
        "late-filings": lambda: sig.late_filings(store, since=year_ago, limit=20),
        "first-purchases": lambda: sig.first_purchases(store, filed_since=month_ago, limit=20),
    }
    out = []
    for name, title, description, columns in _SIGNAL_PAGE:
        out.append({"name": name, "title": title, "description": description, "columns": columns,
                    "rows": _rows(runs[name]())})  # fmt: skip
    return latest, out


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    rows = _rows(explore.search(request.app.state.store, q[:100])) if q.strip() else []
    return html("search.html", rows=rows, search_q=q)

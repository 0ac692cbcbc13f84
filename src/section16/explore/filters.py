"""Screen filters: one validated model shared by the Python API, the CLI, the REST API and the web pages.

Every filter becomes a ``?`` parameter of a fixed SQL fragment (see :func:`trade_where`); sort keys come
from a closed list. Nothing a user types is ever pasted into SQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .roles import role_mask

RoleName = Literal[
    "ceo", "cfo", "chairman", "president", "coo", "general-counsel", "vp", "director", "ten-percent-owner", "other"
]
Code = Literal["A", "C", "D", "E", "F", "G", "H", "I", "J", "L", "M", "O", "P", "S", "U", "W", "X", "Z"]
SortKey = Literal["filed", "trade_date", "value", "shares", "price", "change", "delay", "ticker", "insider"]
Period = Literal["day", "week", "month"]

#: Sort keys -> the expression they order by (closed list: never user text).
SORT_COLUMNS: dict[str, str] = {
    "filed": "accepted_at",
    "trade_date": "trade_date",
    "value": "value",
    "shares": "shares",
    "price": "price",
    "change": "change_pct",
    "delay": "delay_bd",
    "ticker": "ticker",
    "insider": "owner_name",
}

MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000


def _split_list(v: Any) -> Any:
    """Accept ``role=ceo&role=cfo`` and ``role=ceo,cfo`` alike."""
    if v is None:
        return []
    if isinstance(v, str):
        v = [v]
    if isinstance(v, list | tuple):
        out: list[str] = []
        for item in v:
            out.extend(p.strip() for p in str(item).split(",") if p.strip())
        return out
    return v


class Page(BaseModel):
    """Pagination: ``limit`` rows from ``offset``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    limit: int = Field(100, ge=1, le=MAX_LIMIT, description="Rows per page (1 to 1000).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")


class _Who(Page):
    """The filters every screen shares: which issuer, which insider, which roles."""

    ticker: str | None = Field(None, max_length=12, pattern=r"^[A-Za-z0-9.\-/^]+$", description="Issuer ticker.")
    issuer: str | None = Field(None, pattern=r"^\d{1,10}$", description="Issuer CIK.")
    insider: str | None = Field(None, pattern=r"^\d{1,10}$", description="Reporting owner CIK.")
    role: list[RoleName] = Field(default_factory=list, description="Any of these roles (repeat or comma list).")
    filed_since: date | None = Field(None, description="Filed (EDGAR acceptance, US Eastern) on or after.")
    filed_until: date | None = Field(None, description="Filed on or before.")

    @field_validator("role", mode="before")
    @classmethod
    def _roles(cls, v: Any) -> Any:
        v = _split_list(v)
        return [x.lower() for x in v] if isinstance(v, list) else v

    @field_validator("ticker", mode="before")
    @classmethod
    def _ticker(cls, v: Any) -> Any:
        return (v.strip().upper() or None) if isinstance(v, str) else v

    @field_validator("issuer", "insider", mode="before")
    @classmethod
    def _cik(cls, v: Any) -> Any:
        # CIKs are stored without leading zeros; accept them padded as EDGAR prints them.
        if isinstance(v, int):
            v = str(v)
        if isinstance(v, str):
            v = v.strip()
            if v.isdigit():
                return v.lstrip("0") or "0"
            return v or None
        return v

    @model_validator(mode="after")
    def _ranges(self) -> Any:
        for lo, hi in _RANGES:
            a, b = getattr(self, lo, None), getattr(self, hi, None)
            if a is not None and b is not None and a > b:
                raise ValueError(f"{lo} ({a}) is greater than {hi} ({b})")
        return self


_RANGES = (
    ("since", "until"), ("filed_since", "filed_until"), ("min_value", "max_value"),
    ("min_price", "max_price"), ("min_change", "max_change"), ("min_delay", "max_delay"),
)  # fmt: skip


class TradeFilters(_Who):
    """Filters for every trade screen. All are optional; ranges are inclusive."""

    code: list[Code] = Field(default_factory=list, description="Transaction codes (P, S, A, M ...).")
    since: date | None = Field(None, description="Trade date on or after.")
    until: date | None = Field(None, description="Trade date on or before.")
    min_value: float | None = Field(None, ge=0, description="Shares x price, dollars, at least.")
    max_value: float | None = Field(None, ge=0)
    min_price: float | None = Field(None, ge=0)
    max_price: float | None = Field(None, ge=0)
    min_shares: float | None = Field(None, ge=0)
    min_change: float | None = Field(None, description="Change in holdings, percent, at least (sales are negative).")
    max_change: float | None = Field(None)
    min_delay: int | None = Field(None, ge=0, le=10000, description="Business days from trade to filing, at least.")
    max_delay: int | None = Field(None, ge=0, le=10000)
    late: bool | None = Field(None, description="Only late filings (true) or only timely ones (false).")
    plan: bool | None = Field(None, description="Only 10b5-1 plan trades (true) or none of them (false).")
    amended: bool | None = Field(None, description="Only rows from amended filings (true) or not (false).")
    derivative: bool | None = Field(None, description="Only derivative-related rows (true) or not (false).")
    sort: SortKey = Field("filed", description="Sort key.")
    order: Literal["desc", "asc"] = Field("desc")

    @field_validator("code", mode="before")
    @classmethod
    def _codes(cls, v: Any) -> Any:
        v = _split_list(v)
        return [x.upper() for x in v] if isinstance(v, list) else v

    def with_(self, **changes: Any) -> Any:
        """A copy with some filters changed, validated again."""
        return type(self).model_validate({**self.model_dump(), **changes})


class ClusterFilters(TradeFilters):
    """Cluster buys: at least ``min_insiders`` distinct insiders buying within ``window_days`` days,
    each purchase worth at least ``min_value`` (default $10,000)."""

    min_insiders: int = Field(3, ge=2, le=50, description="Distinct insiders, at least.")
    window_days: int = Field(30, ge=1, le=365, description="Days from a cluster's first to last purchase, at most.")
    min_value: float | None = Field(10_000, ge=0, description="Each purchase worth at least, dollars.")
    sort: SortKey = Field("filed", description="filed, value (total) or ticker.")


class TopFilters(TradeFilters):
    """Top trades of a period: the day, week or month up to ``as_of`` (default: the latest filing day)."""

    period: Period = Field("week")
    as_of: date | None = Field(None, description="Last day of the period (default: latest filing day).")
    sort: SortKey = Field("value")


class FilingFilters(_Who):
    """Filters for the latest-filings screen."""

    form: list[Literal["3", "3/A", "4", "4/A", "5", "5/A"]] = Field(default_factory=list, description="Form types.")

    @field_validator("form", mode="before")
    @classmethod
    def _forms(cls, v: Any) -> Any:
        return _split_list(v)


def insider_condition(alias: str = "t") -> str:
    """Rows of filings where the insider (two ``?``: the CIK twice) is one of the reporting owners.

    The first owner is a column; the others of a joint filing are in the owner key (the sorted CIKs,
    comma-separated), looked at only for joint filings. A join with explore_owners would probe every row.
    """
    a = alias + "."
    return (
        f"({a}owner_cik = ? OR ({a}owner_count > 1"
        f" AND strpos(',' || {a}owner_key || ',', ',' || CAST(? AS TEXT) || ',') > 0))"
    )


def trade_where(f: TradeFilters, alias: str = "t") -> tuple[list[str], list[Any]]:
    """SQL conditions over ``explore_trades`` (as ``alias``) and their parameters, for every set filter."""
    a = alias + "."
    where: list[str] = []
    params: list[Any] = []

    def add(cond: str, *values: Any) -> None:
        where.append(cond)
        params.extend(values)

    if f.ticker:
        add(f"{a}ticker = ?", f.ticker)
    if f.issuer:
        add(f"{a}issuer_cik = ?", f.issuer)
    if f.insider:
        add(insider_condition(alias), f.insider, f.insider)
    if f.role:
        add(f"({a}roles & ?) <> 0", role_mask(f.role))
    if f.code:
        add(f"{a}code IN ({', '.join('?' for _ in f.code)})", *f.code)
    for col, lo, hi in (
        ("trade_date", f.since, f.until),
        ("filed_day", f.filed_since, f.filed_until),
        ("value", f.min_value, f.max_value),
        ("change_pct", f.min_change, f.max_change),
        ("delay_bd", f.min_delay, f.max_delay),
    ):
        if lo is not None:
            add(f"{a}{col} >= ?", lo)
        if hi is not None:
            add(f"{a}{col} <= ?", hi)
    # Exact decimal columns compare fastest with a decimal, not with a float cast on every row.
    if f.min_price is not None:
        add(f"{a}price >= CAST(? AS DECIMAL(38,12))", str(f.min_price))
    if f.max_price is not None:
        add(f"{a}price <= CAST(? AS DECIMAL(38,12))", str(f.max_price))
    if f.min_shares is not None:
        add(f"{a}shares >= CAST(? AS DECIMAL(38,12))", str(f.min_shares))
    for flag in ("late", "plan", "amended", "derivative"):
        v = getattr(f, flag)
        if v is not None:
            add(f"{a}{flag} = ?", v)
    return where, params


def filing_where(f: FilingFilters, alias: str = "x") -> tuple[list[str], list[Any]]:
    """SQL conditions over ``explore_filings`` and their parameters."""
    a = alias + "."
    where: list[str] = []
    params: list[Any] = []
    if f.ticker:
        where.append(f"{a}ticker = ?")
        params.append(f.ticker)
    if f.issuer:
        where.append(f"{a}issuer_cik = ?")
        params.append(f.issuer)
    if f.insider:
        where.append(insider_condition(alias))
        params.extend([f.insider, f.insider])
    if f.form:
        where.append(f"{a}document_type IN ({', '.join('?' for _ in f.form)})")
        params.extend(f.form)
    if f.role:
        where.append(f"({a}roles & ?) <> 0")
        params.append(role_mask(f.role))
    if f.filed_since:
        where.append(f"{a}filed_day >= ?")
        params.append(f.filed_since)
    if f.filed_until:
        where.append(f"{a}filed_day <= ?")
        params.append(f.filed_until)
    return where, params

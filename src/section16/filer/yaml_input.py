"""A filer's YAML (or JSON) -> :class:`~section16.model.Filing`.

The input is short and says things in words where that helps; docs/filer-input.md describes every key.
Footnotes are written once under a label and cited by label; they become F1..Fn in the order they are
defined. Every mistake raises :class:`~section16.errors.ParseError` with the file, the line and the
field path.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..errors import ParseError
from ..model import (
    EMPTY,
    Address,
    Coding,
    DerivativeHolding,
    DerivativeTransaction,
    Filing,
    Footnote,
    Issuer,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Relationship,
    ReportingOwner,
    Signature,
    Source,
    Value,
)
from . import nodes as n
from .words import DEFAULT_DIRECTION, DIRECTION_WORDS, OWNERSHIP_WORDS, TIMELINESS_WORDS, code_letter, word

T = TypeVar("T")
_Conv = Callable[[n.Where, n.Node, str], T | None]

_TOP_KEYS = (
    "form",
    "period",
    "original_filed",
    "no_longer_subject",
    "plan_10b5_1",
    "issuer",
    "owner",
    "owners",
    "footnotes",
    "transactions",
    "holdings",
    "derivatives",
    "derivative_holdings",
    "remarks",
    "signature",
    "signatures",
)
_FORMS = ("3", "3/A", "4", "4/A", "5", "5/A")


class _Reader:
    def __init__(self, source: str) -> None:
        self.w = n.Where(source)
        self.source = source
        self.labels: dict[str, str] = {}  # footnote label -> F-id
        self.label_nodes: dict[str, n.Node] = {}
        self.used: set[str] = set()

    def opt(self, m: dict[str, n.Node], key: str, path: str, conv: _Conv[T]) -> T | None:
        return conv(self.w, m[key], path) if key in m else None

    def err(self, node: n.Node | None, path: str, message: str) -> ParseError:
        return self.w.error(node, path, message)

    # -- values with footnotes ------------------------------------------------------------------------

    def footnote_ids(self, node: n.Node | None, path: str) -> tuple[str, ...]:
        if node is None:
            return ()
        out: list[str] = []
        for item in n.sequence(self.w, node, path):
            label = n.required_text(self.w, item, path)
            fid = self.labels.get(label)
            if fid is None:
                known = ", ".join(self.labels) or "none are defined"
                raise self.err(item, path, f"footnote {label!r} is not defined under footnotes ({known})")
            if fid not in out:
                out.append(fid)
                self.used.add(label)
        return tuple(out)

    def value(self, node: n.Node | None, path: str, conv: Callable[[n.Where, n.Node, str], T | None]) -> Value[T]:
        """A field: a bare value, or ``{value: .., footnotes: [..]}`` (either part may be left out)."""
        if node is None or n.is_null(node):
            return EMPTY  # type: ignore[return-value]
        if isinstance(node, yaml.MappingNode):
            m = n.mapping(self.w, node, path, ("value", "footnotes"))
            v = conv(self.w, m["value"], path) if "value" in m else None
            ids = self.footnote_ids(m.get("footnotes"), f"{path}.footnotes")
            return Value(v, ids) if (v is not None or ids) else EMPTY  # type: ignore[return-value]
        v = conv(self.w, node, path)
        return Value(v) if v is not None else EMPTY  # type: ignore[return-value]

    def word_value(self, node: n.Node | None, path: str, table: dict[str, str], what: str) -> Value[str]:
        def conv(w: n.Where, nd: n.Node, p: str) -> str | None:
            t = n.text(w, nd, p)
            if t is None:
                return None
            found = word(table, t)
            if found is None:
                raise w.error(nd, p, f"{t!r} is not {what}")
            return found or None

        return self.value(node, path, conv)

    # -- the document ---------------------------------------------------------------------------------

    def filing(self, root: n.Node) -> Filing:
        top = n.mapping(self.w, root, "", _TOP_KEYS)
        form = n.required_text(self.w, top.get("form"), "form").upper().replace(" ", "")
        if form not in _FORMS:
            raise self.err(top.get("form"), "form", f"form {form!r} is not one of {', '.join(_FORMS)}")
        self.footnotes_defined(top.get("footnotes"))
        issuer = self.issuer(top.get("issuer"))
        owners = self.owners(top)
        is3 = form.startswith("3")
        nd_tx = tuple(self.rows(top, "transactions", form, self.nd_transaction))
        nd_h = tuple(self.rows(top, "holdings", form, self.nd_holding))
        d_tx = tuple(self.rows(top, "derivatives", form, self.d_transaction))
        d_h = tuple(self.rows(top, "derivative_holdings", form, self.d_holding))
        if is3 and (nd_tx or d_tx):
            key = "transactions" if nd_tx else "derivatives"
            raise self.err(top[key], key, "a Form 3 reports holdings only (use holdings / derivative_holdings)")

        period = n.a_date(self.w, top["period"], "period") if "period" in top else None
        if period is None:
            # Only a Form 4's period follows from its rows (the earliest transaction); a Form 3's is the
            # event that made the filer an insider, a Form 5's the issuer's fiscal year end.
            dates = [r.transaction_date.value for r in (*nd_tx, *d_tx) if r.transaction_date.value]
            if form.startswith("4") and dates:
                period = min(dates)
            else:
                need = {"3": "the date of the event", "5": "the fiscal year end"}.get(form[0], "the earliest date")
                raise self.err(root, "period", f"period ({need}, YYYY-MM-DD) is required")
        original = n.a_date(self.w, top["original_filed"], "original_filed") if "original_filed" in top else None
        if form.endswith("/A") and original is None:
            raise self.err(root, "original_filed", "an amendment needs original_filed: the date the original was filed")
        if not form.endswith("/A") and original is not None:
            raise self.err(top["original_filed"], "original_filed", "original_filed is only for amendments (4/A ...)")

        plan = self.opt(top, "plan_10b5_1", "plan_10b5_1", n.boolean)
        exit_box = self.opt(top, "no_longer_subject", "no_longer_subject", n.boolean)
        remarks = self.opt(top, "remarks", "remarks", n.text)
        signatures = self.signatures(top, root)
        self.all_footnotes_cited()
        return Filing(
            document_type=form,
            period_of_report=period,
            issuer=issuer,
            reporting_owners=owners,
            date_of_original_submission=original,
            not_subject_to_section16=None if is3 else exit_box,
            aff10b5one=plan if (plan is not None or is3) else False,
            non_derivative_transactions=nd_tx,
            non_derivative_holdings=nd_h,
            derivative_transactions=d_tx,
            derivative_holdings=d_h,
            footnotes=tuple(Footnote(fid, self.footnote_text[label]) for label, fid in self.labels.items()),
            remarks=remarks,
            signatures=signatures,
            source=Source(self.source, "yaml"),
        )

    def footnotes_defined(self, node: n.Node | None) -> None:
        self.footnote_text: dict[str, str] = {}
        if node is None or n.is_null(node):
            return
        if not isinstance(node, yaml.MappingNode):
            raise self.err(node, "footnotes", "footnotes is a mapping of label: text")
        for k, v in node.value:
            label = n.required_text(self.w, k, "footnotes")
            if label in self.labels:
                raise self.err(k, f"footnotes.{label}", f"footnote {label!r} is defined twice")
            if len(self.labels) == 99:
                raise self.err(k, f"footnotes.{label}", "a filing holds at most 99 footnotes")
            self.labels[label] = f"F{len(self.labels) + 1}"
            self.label_nodes[label] = k
            self.footnote_text[label] = n.required_text(self.w, v, f"footnotes.{label}")

    def all_footnotes_cited(self) -> None:
        for label, node in self.label_nodes.items():
            if label not in self.used:
                raise self.err(node, f"footnotes.{label}", f"footnote {label!r} is never cited (EDGAR suspends those)")

    def issuer(self, node: n.Node | None) -> Issuer:
        if node is None:
            raise self.err(None, "issuer", "issuer (cik, symbol) is required")
        m = n.mapping(self.w, node, "issuer", ("cik", "name", "symbol", "foreign_symbol"))
        return Issuer(
            cik=n.cik(self.w, m.get("cik"), "issuer.cik"),
            name=n.text(self.w, m["name"], "issuer.name") if "name" in m else None,
            trading_symbol=n.required_text(self.w, m.get("symbol", node), "issuer.symbol"),
            foreign_trading_symbol=n.text(self.w, m["foreign_symbol"], "issuer.foreign_symbol")
            if "foreign_symbol" in m
            else None,
        )

    def owners(self, top: dict[str, n.Node]) -> tuple[ReportingOwner, ...]:
        if "owner" in top and "owners" in top:
            raise self.err(top["owners"], "owners", "give owner (one) or owners (a list), not both")
        node = top.get("owner") or top.get("owners")
        key = "owner" if "owner" in top else "owners"
        items = n.sequence(self.w, node, key) if node is not None else []
        if not items:
            raise self.err(node, key, "at least one reporting owner is required")
        out = []
        for i, item in enumerate(items, 1):
            out.append(self.owner(item, f"{key}[{i}]" if key == "owners" else key))
        return tuple(out)

    def owner(self, node: n.Node, path: str) -> ReportingOwner:
        keys = ("cik", "ccc", "name", "address", "director", "officer", "ten_percent_owner", "other")
        m = n.mapping(self.w, node, path, keys)
        officer = m.get("officer")
        other = m.get("other")
        officer_flag, officer_title = self.flag_or_text(officer, f"{path}.officer")
        other_flag, other_text = self.flag_or_text(other, f"{path}.other")
        rel = Relationship(
            is_director=bool(n.boolean(self.w, m["director"], f"{path}.director")) if "director" in m else False,
            is_officer=officer_flag,
            is_ten_percent_owner=bool(n.boolean(self.w, m["ten_percent_owner"], f"{path}.ten_percent_owner"))
            if "ten_percent_owner" in m
            else False,
            is_other=other_flag,
            officer_title=officer_title,
            other_text=other_text,
        )
        return ReportingOwner(
            cik=n.cik(self.w, m.get("cik", node), f"{path}.cik"),
            name=n.text(self.w, m["name"], f"{path}.name") if "name" in m else None,
            ccc=n.text(self.w, m["ccc"], f"{path}.ccc") if "ccc" in m else None,
            address=self.address(m["address"], f"{path}.address") if "address" in m else None,
            relationship=rel,
        )

    def flag_or_text(self, node: n.Node | None, path: str) -> tuple[bool, str | None]:
        """``officer: Chief Financial Officer`` (a title) or ``officer: true``."""
        if node is None or n.is_null(node):
            return False, None
        t = n.required_text(self.w, node, path)
        if t.lower() in ("true", "false", "yes", "no"):
            return bool(n.boolean(self.w, node, path)), None
        return True, t

    def address(self, node: n.Node, path: str) -> Address:
        keys = ("street1", "street2", "city", "state", "zip", "country", "state_or_territory")
        m = n.mapping(self.w, node, path, keys)

        def get(k: str) -> str | None:
            return n.text(self.w, m[k], f"{path}.{k}") if k in m else None

        country = get("country")
        return Address(
            street1=get("street1"),
            street2=get("street2"),
            city=get("city"),
            state=(get("state") or "").upper() or None,
            zip_code=get("zip"),
            non_us=country is not None or None,
            non_us_state_territory=get("state_or_territory"),
            country=country.upper() if country else None,
        )

    def signatures(self, top: dict[str, n.Node], root: n.Node) -> tuple[Signature, ...]:
        node = top.get("signatures") or top.get("signature")
        key = "signatures" if "signatures" in top else "signature"
        out = []
        for i, item in enumerate(n.sequence(self.w, node, key) if node is not None else [], 1):
            path = f"{key}[{i}]"
            m = n.mapping(self.w, item, path, ("name", "date"))
            out.append(
                Signature(
                    name=n.required_text(self.w, m.get("name", item), f"{path}.name"),
                    date=n.a_date(self.w, m["date"], f"{path}.date") if "date" in m else None,
                )
            )
            if out[-1].date is None:
                raise self.err(item, f"{path}.date", "a signature needs its date (YYYY-MM-DD)")
        if not out:
            raise self.err(root, "signatures", "at least one signature (name, date) is required")
        return tuple(out)

    # -- rows -----------------------------------------------------------------------------------------

    def rows(self, top: dict[str, n.Node], key: str, form: str, build: Callable[..., Any]) -> list[Any]:
        if key not in top:
            return []
        items = n.sequence(self.w, top[key], key)
        if len(items) > 30:
            raise self.err(items[30], key, "a table holds at most 30 rows")
        return [build(item, f"{key}[{i}]", form) for i, item in enumerate(items, 1)]

    def ownership(self, m: dict[str, n.Node], path: str) -> tuple[Value[str], Value[str]]:
        di = self.word_value(m.get("ownership"), f"{path}.ownership", OWNERSHIP_WORDS, "direct or indirect")
        if not di.present:
            di = Value("D")
        nature = self.value(m.get("nature"), f"{path}.nature", n.text)
        if di.value == "I" and nature.value is None:
            raise self.err(m.get("ownership"), f"{path}.nature", "indirect ownership needs its nature (e.g. By Trust)")
        if di.value == "D" and nature.value is not None:
            raise self.err(m.get("nature"), f"{path}.nature", "nature is only for indirect ownership")
        return di, nature

    def coding(self, m: dict[str, n.Node], path: str, form: str) -> Coding:
        node = m.get("code")
        cv = self.value(node, f"{path}.code", _code_conv)
        if cv.value is None:
            raise self.err(node, f"{path}.code", "a transaction code is required (e.g. sale, S, grant, A)")
        form_type = n.text(self.w, m["form_type"], f"{path}.form_type") if "form_type" in m else None
        voluntary = n.boolean(self.w, m["voluntary"], f"{path}.voluntary") if "voluntary" in m else None
        if voluntary:
            form_type = form_type or "5"
        if form_type is not None and form_type not in ("4", "5"):
            raise self.err(m["form_type"], f"{path}.form_type", "form_type is 4 or 5")
        swap = n.boolean(self.w, m["equity_swap"], f"{path}.equity_swap") if "equity_swap" in m else None
        return Coding(form_type or form[0], cv.value, bool(swap), cv.footnote_ids)

    def direction(self, m: dict[str, n.Node], path: str, code: str, table: int) -> Value[str]:
        if "acquired" in m and "direction" in m:
            raise self.err(m["acquired"], path, "give acquired or direction, not both")
        if "acquired" in m:
            flag = n.boolean(self.w, m["acquired"], f"{path}.acquired")
            return Value("A" if flag else "D")
        d = self.word_value(m.get("direction"), f"{path}.direction", DIRECTION_WORDS, "acquired or disposed")
        if d.present:
            return d
        default = DEFAULT_DIRECTION.get(code, (None, None))[table]
        if default is None:
            raise self.err(m.get("code"), f"{path}.direction", f"code {code} goes either way: say acquired or disposed")
        return Value(default)

    def _timeliness(self, m: dict[str, n.Node], path: str) -> Value[str]:
        return self.word_value(m.get("timeliness"), f"{path}.timeliness", TIMELINESS_WORDS, "early or late")

    def nd_transaction(self, node: n.Node, path: str, form: str) -> NonDerivativeTransaction:
        keys = ("security", "date", "deemed_date", "code", "form_type", "voluntary", "equity_swap", "timeliness",
                "shares", "price", "acquired", "direction", "owned_after", "value_owned_after", "ownership",
                "nature", "footnotes")  # fmt: skip
        m = n.mapping(self.w, node, path, keys)
        coding = self.coding(m, path, form)
        di, nature = self.ownership(m, path)
        return NonDerivativeTransaction(
            security_title=self.title(m, node, path),
            transaction_date=self.required(m, node, path, "date", n.a_date),
            deemed_execution_date=self.value(m.get("deemed_date"), f"{path}.deemed_date", n.a_date),
            coding=coding,
            timeliness=self._timeliness(m, path),
            shares=self.required(m, node, path, "shares", n.decimal),
            price_per_share=self.value(m.get("price"), f"{path}.price", n.decimal),
            acquired_disposed=self.direction(m, path, coding.code or "", 0),
            shares_owned_after=self.value(m.get("owned_after"), f"{path}.owned_after", n.decimal),
            value_owned_after=self.value(m.get("value_owned_after"), f"{path}.value_owned_after", n.decimal),
            direct_indirect=di,
            nature_of_ownership=nature,
        )

    def nd_holding(self, node: n.Node, path: str, form: str) -> NonDerivativeHolding:
        keys = ("security", "owned", "value_owned", "ownership", "nature", "form_type", "footnotes")
        m = n.mapping(self.w, node, path, keys)
        di, nature = self.ownership(m, path)
        return NonDerivativeHolding(
            security_title=self.title(m, node, path),
            coding=self.holding_coding(m, path, form),
            shares_owned_after=self.value(m.get("owned"), f"{path}.owned", n.decimal),
            value_owned_after=self.value(m.get("value_owned"), f"{path}.value_owned", n.decimal),
            direct_indirect=di,
            nature_of_ownership=nature,
        )

    def holding_coding(self, m: dict[str, n.Node], path: str, form: str) -> Coding | None:
        if "form_type" not in m:
            return None
        ft = n.text(self.w, m["form_type"], f"{path}.form_type")
        if ft != "3" or not form.startswith("5"):
            raise self.err(m["form_type"], f"{path}.form_type", "only a Form 5 holding takes form_type: 3 (late)")
        return Coding(form_type="3")

    def d_transaction(self, node: n.Node, path: str, form: str) -> DerivativeTransaction:
        keys = ("security", "exercise_price", "date", "deemed_date", "code", "form_type", "voluntary", "equity_swap",
                "timeliness", "shares", "total_value", "price", "acquired", "direction", "exercisable", "expiration",
                "underlying", "underlying_shares", "underlying_value", "owned_after", "value_owned_after",
                "ownership", "nature", "footnotes")  # fmt: skip
        m = n.mapping(self.w, node, path, keys)
        coding = self.coding(m, path, form)
        di, nature = self.ownership(m, path)
        shares = self.value(m.get("shares"), f"{path}.shares", n.decimal)
        total = self.value(m.get("total_value"), f"{path}.total_value", n.decimal)
        if shares.present == total.present:
            raise self.err(node, f"{path}.shares", "give shares or total_value (exactly one)")
        return DerivativeTransaction(
            security_title=self.title(m, node, path),
            conversion_or_exercise_price=self.value_or_footnote(m, node, path, "exercise_price", n.decimal),
            transaction_date=self.required(m, node, path, "date", n.a_date),
            deemed_execution_date=self.value(m.get("deemed_date"), f"{path}.deemed_date", n.a_date),
            coding=coding,
            timeliness=self._timeliness(m, path),
            shares=shares,
            total_value=total,
            price_per_share=self.value(m.get("price"), f"{path}.price", n.decimal),
            acquired_disposed=self.direction(m, path, coding.code or "", 1),
            exercise_date=self.value_or_footnote(m, node, path, "exercisable", n.a_date),
            expiration_date=self.value_or_footnote(m, node, path, "expiration", n.a_date),
            underlying_title=self.required(m, node, path, "underlying", n.text),
            underlying_shares=self.value(m.get("underlying_shares"), f"{path}.underlying_shares", n.decimal),
            underlying_value=self.value(m.get("underlying_value"), f"{path}.underlying_value", n.decimal),
            shares_owned_after=self.value(m.get("owned_after"), f"{path}.owned_after", n.decimal),
            value_owned_after=self.value(m.get("value_owned_after"), f"{path}.value_owned_after", n.decimal),
            direct_indirect=di,
            nature_of_ownership=nature,
        )

    def d_holding(self, node: n.Node, path: str, form: str) -> DerivativeHolding:
        keys = ("security", "exercise_price", "exercisable", "expiration", "underlying", "underlying_shares",
                "underlying_value", "owned", "value_owned", "ownership", "nature", "form_type",
                "footnotes")  # fmt: skip
        m = n.mapping(self.w, node, path, keys)
        di, nature = self.ownership(m, path)
        return DerivativeHolding(
            security_title=self.title(m, node, path),
            conversion_or_exercise_price=self.value_or_footnote(m, node, path, "exercise_price", n.decimal),
            coding=self.holding_coding(m, path, form),
            exercise_date=self.value_or_footnote(m, node, path, "exercisable", n.a_date),
            expiration_date=self.value_or_footnote(m, node, path, "expiration", n.a_date),
            underlying_title=self.required(m, node, path, "underlying", n.text),
            underlying_shares=self.value(m.get("underlying_shares"), f"{path}.underlying_shares", n.decimal),
            underlying_value=self.value(m.get("underlying_value"), f"{path}.underlying_value", n.decimal),
            shares_owned_after=self.value(m.get("owned"), f"{path}.owned", n.decimal),
            value_owned_after=self.value(m.get("value_owned"), f"{path}.value_owned", n.decimal),
            direct_indirect=di,
            nature_of_ownership=nature,
        )

    def title(self, m: dict[str, n.Node], node: n.Node, path: str) -> Value[str]:
        """Column 1; a row's own ``footnotes:`` list is cited here, on the title of the line."""
        t = self.required(m, node, path, "security", n.text)
        extra = self.footnote_ids(m.get("footnotes"), f"{path}.footnotes")
        ids = t.footnote_ids + tuple(x for x in extra if x not in t.footnote_ids)
        return Value(t.value, ids)

    def required(
        self, m: dict[str, n.Node], node: n.Node, path: str, key: str, conv: Callable[[n.Where, n.Node, str], T | None]
    ) -> Value[T]:
        v = self.value(m.get(key), f"{path}.{key}", conv)
        if v.value is None:
            raise self.err(m.get(key, node), f"{path}.{key}", f"{key} is required")
        return v

    def value_or_footnote(
        self, m: dict[str, n.Node], node: n.Node, path: str, key: str, conv: Callable[[n.Where, n.Node, str], T | None]
    ) -> Value[T]:
        v = self.value(m.get(key), f"{path}.{key}", conv)
        if not v.present:
            raise self.err(m.get(key, node), f"{path}.{key}", f"{key} needs a value or {{footnotes: [..]}}")
        return v


def _code_conv(w: n.Where, node: n.Node, path: str) -> str | None:
    t = n.text(w, node, path)
    if t is None:
        return None
    letter = code_letter(t)
    if letter is None:
        raise w.error(node, path, f"{t!r} is not a transaction code (e.g. sale, purchase, grant, S, P, A)")
    return letter


def filing_from_text(data: str | bytes, source: str | None = None) -> Filing:
    """Build a Filing from filer YAML or JSON text. Raises ParseError with the line on bad input."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    reader = _Reader(source or "<input>")
    root = n.compose(reader.w, text)
    return reader.filing(root)


def load_filing(path: str | os.PathLike[str]) -> Filing:
    """Read a filer's YAML or JSON file into a Filing."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ParseError(f"cannot read file: {e.strerror or e}", source=str(p)) from None
    try:
        return filing_from_text(data, str(p))
    except UnicodeDecodeError:
        raise ParseError("not UTF-8 text", source=str(p)) from None


__all__ = ["filing_from_text", "load_filing"]

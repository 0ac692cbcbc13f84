"""The fast path for table rows of the ownershipDocument reader: one flat pass per row.

Rows hold most of a filing's elements. The general row reader (:func:`section16.read.xml._fill_row`)
walks each row recursively, opening an iterator per field and building every object through its
frozen dataclass ``__init__``; that costs more than parsing the XML. Nearly every real row is shaped
as the schema says, so :func:`read_row` reads it in a single pass over ``row.iterdescendants()``,
placing each element by its parent (compared by identity: lxml hands back the same proxy while the
reader holds the open container), and builds the row through its slot descriptors.

It is exact or it gives up: at the first thing it does not expect (an unknown or misplaced element,
a repeated field, a child inside a leaf, a footnote reference without an id, a value the converters
had to note) it raises :class:`GiveUp`, and the general reader reads the row instead, so both paths
give the same Filing. Tests compare the two on every corpus file and on mutated filings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..model import EMPTY, Coding, Value
from .convert import _to_bool, _to_code, _to_decimal, _to_str

Spec = tuple[tuple[str, Callable[[Any, Any], None], Any], ...]


class GiveUp(Exception):
    """The row is not of a shape the fast path reads; the general reader takes it."""


_new = object.__new__
_SET_VALUE = Value.__dict__["value"].__set__
_SET_FNS = Value.__dict__["footnote_ids"].__set__
_SET_FORM_TYPE = Coding.__dict__["form_type"].__set__
_SET_CODE = Coding.__dict__["code"].__set__
_SET_SWAP = Coding.__dict__["equity_swap_involved"].__set__
_SET_CODING_FNS = Coding.__dict__["footnote_ids"].__set__


def slot_spec(cls: type) -> Spec:
    """(field name, slot setter, default) of every field of a slotted dataclass, in order.

    A field without a default gets None here: :func:`build`'s callers always give those.
    """
    out = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()  # the model's factories make immutable values: safe to share
        else:
            default = None
        out.append((f.name, cls.__dict__[f.name].__set__, default))
    return tuple(out)


def build(cls: type, spec: Spec, kw: dict[str, Any]) -> Any:
    """``cls(**kw)`` for a frozen slotted dataclass, about four times faster.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` by name; the slot
    descriptors' setters, looked up once, do the same work without the name lookups.
    """
    o: Any = _new(cls)
    get = kw.get
    for name, setter, default in spec:
        setter(o, get(name, default))
    return o


#: Footnote-free Values by (converter, filed text). Filings repeat themselves ("Common Stock", "D",
#: the same date on every row) and a Value is immutable, so equal text gives the very same object; the
#: key is the text as filed, never the converted value, so 10000.0000 and 10000 stay apart.
_VALUES: dict[tuple[Any, str], Value[Any]] = {}
_VALUES_MAX = 50_000


def _convert(conv: Any, t: str, ctx: Any) -> Any:
    # The common cases inline; anything else through the general converter.
    if conv is _to_str:
        return t
    if conv is _to_decimal and t.isascii() and t.replace(".", "", 1).isdigit():
        return Decimal(t)
    if conv is _to_code:
        return t.upper()
    return conv(t, ctx, "")


def _field_value(conv: Any, text: str | None, fns: tuple[str, ...], ctx: Any) -> Value[Any]:
    if fns:
        o: Value[Any] = _new(Value)
        _SET_VALUE(o, _convert(conv, text, ctx) if text else None)
        _SET_FNS(o, fns)
        return o
    if not text:
        return EMPTY
    key = (conv, text)
    v = _VALUES.get(key)
    if v is None:
        notes = ctx.notes
        n = len(notes)
        value = _convert(conv, text, ctx)
        if value is None:
            v = EMPTY
        else:
            v = _new(Value)
            _SET_VALUE(v, value)
            _SET_FNS(v, ())
        if len(notes) == n:  # never remember a reading that needed a note
            if len(_VALUES) >= _VALUES_MAX:
                _VALUES.clear()
            _VALUES[key] = v
    return v


def read_row(
    row: Any,
    allowed: frozenset[str],
    fields: dict[str, tuple[str, Any]],
    containers: frozenset[str],
    ctx: Any,
) -> dict[str, Any]:
    """The row's fields as the general reader's ``kw``; raises GiveUp where it would differ."""
    kw: dict[str, Any] = {}
    notes = ctx.notes
    n_notes = len(notes)
    field = cont = coding_el = None
    attr = ""
    conv: Any = None
    text: str | None = None
    seen_value = False
    fns: tuple[str, ...] = ()
    form_type = code = swap = None
    coding_fns: tuple[str, ...] = ()
    values_get = _VALUES.get
    for el in row.iterdescendants():
        p = el.getparent()
        tag = el.tag
        if p is field:
            if tag == "value":
                if seen_value:
                    raise GiveUp
                seen_value = True
                t = el.text
                text = t.strip() if t else None
            elif tag == "footnoteId":
                fid = el.get("id")
                if not fid:
                    raise GiveUp
                fns += (fid.strip(),)
            else:
                raise GiveUp
            continue
        if field is not None:
            if not seen_value:
                t = field.text
                text = t.strip() if t else None
            # The shared Value for this text when there is one (most fields), else build it.
            v = None if fns or not text else values_get((conv, text))
            kw[attr] = v if v is not None else _field_value(conv, text, fns, ctx)
            field = None
        if p is row or (p is cont and cont is not None):
            spec = fields.get(tag)
            if spec is not None:
                attr, conv = spec
                if attr not in allowed:
                    raise GiveUp
                prev = kw.get(attr)
                if prev is not None and prev.present:
                    raise GiveUp
                field = el
                text = None
                seen_value = False
                fns = ()
            elif tag in containers and p is row:
                cont = el
            elif tag == "transactionCoding" and coding_el is None and "coding" in allowed:
                coding_el = el
            else:
                raise GiveUp
        elif p is coding_el and coding_el is not None:
            # As the general reader's _coding: the last of a repeated element counts.
            t = el.text
            t = t.strip() if t else ""
            if tag == "transactionCode":
                code = t.upper() or None
            elif tag == "transactionFormType":
                form_type = t or None
            elif tag == "equitySwapInvolved":
                swap = _to_bool(t, ctx, "")
            elif tag == "footnoteId":
                fid = el.get("id")
                if fid:
                    coding_fns += (fid.strip(),)
            else:
                raise GiveUp
        else:
            raise GiveUp
    if field is not None:
        if not seen_value:
            t = field.text
            text = t.strip() if t else None
        kw[attr] = _field_value(conv, text, fns, ctx)
    if len(notes) != n_notes:
        raise GiveUp
    if coding_el is not None:
        c = _new(Coding)
        _SET_FORM_TYPE(c, form_type)
        _SET_CODE(c, code)
        _SET_SWAP(c, swap)
        _SET_CODING_FNS(c, coding_fns)
        kw["coding"] = c
    return kw

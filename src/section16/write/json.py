"""Filing <-> JSON. Exact: numbers are strings (``"10000.0000"``, as filed), dates ISO, every field kept.

The JSON mirrors the model field for field (docs/model.md lists them), with three rules:

* a :class:`~section16.model.Value` is ``{"value": <v or null>, "footnotes": ["F1", ...]}``;
* a ``Decimal`` is a JSON string holding the number as filed (never a float), a ``date`` is
  ``"YYYY-MM-DD"``, a ``datetime`` ISO 8601 with its UTC offset;
* tuples are arrays; ``None`` is ``null``.

The top level adds one derived, read-only member, ``accession_number`` (the submission's accession, else
the one in the file name), so JSON-lines output can be joined without the header. The shape is fixed by
the JSON Schema shipped in the package (``section16/schema/filing.schema.json``; ``section16 schema``
prints it), which :func:`json_schema` builds from the model itself.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from .. import model
from ..errors import ParseError
from ..model import EMPTY, Filing, Value

JSONDict = dict[str, Any]

SCHEMA_ID = "urn:section16:schema:filing"


# -- Filing -> dict -----------------------------------------------------------------------------------------


def _decimal(d: Decimal) -> str:
    s = str(d)
    # str() switches to exponent notation for very small or very large numbers; filers never write those.
    return format(d, "f") if "E" in s else s


def _enc(obj: Any) -> Any:
    if obj is None or obj.__class__ in (str, bool, int):
        return obj
    if obj.__class__ is Value:
        v = obj.value
        return {"value": None if v is None else _enc(v), "footnotes": list(obj.footnote_ids)}
    if obj.__class__ is Decimal:
        return _decimal(obj)
    if obj.__class__ is tuple:
        return [_enc(x) for x in obj]
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    fields = _field_names(obj.__class__)
    return {name: _enc(getattr(obj, name)) for name in fields}


@cache
def _hints(cls: type) -> dict[str, Any]:
    # Evaluated in the model's namespace only: typing.get_type_hints would look in the class first, where
    # a field named like a type (Signature.date) hides the type.
    ns = vars(model)
    return {f.name: eval(f.type, ns) if isinstance(f.type, str) else f.type for f in dataclasses.fields(cls)}


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"cannot write {cls.__name__} as JSON")
    return tuple(f.name for f in dataclasses.fields(cls))


def filing_to_dict(filing: Filing) -> JSONDict:
    """The Filing as plain JSON-able Python values (every field, exact)."""
    out: JSONDict = {"accession_number": filing.accession_number}
    out.update(_enc(filing))
    return out


def filing_to_json(filing: Filing, *, indent: int | None = 2) -> str:
    """The Filing as a JSON document (``indent=None`` for one line, as in JSON lines)."""
    return json.dumps(filing_to_dict(filing), indent=indent, ensure_ascii=False)


# -- dict -> Filing -----------------------------------------------------------------------------------------

Decoder = Callable[[Any, str], Any]


def _fail(where: str, expected: str, got: Any) -> ParseError:
    return ParseError(f"expected {expected}, got {type(got).__name__} {got!r:.60}", source="<json>", where=where)


def _dec_scalar(tp: Any) -> Decoder:
    if tp is str:

        def dec_str(x: Any, where: str) -> str:
            if not isinstance(x, str):
                raise _fail(where, "a string", x)
            return x

        return dec_str
    if tp is bool:

        def dec_bool(x: Any, where: str) -> bool:
            if not isinstance(x, bool):
                raise _fail(where, "true or false", x)
            return x

        return dec_bool
    if tp is int:

        def dec_int(x: Any, where: str) -> int:
            if not isinstance(x, int) or isinstance(x, bool):
                raise _fail(where, "an integer", x)
            return x

        return dec_int
    if tp in (Decimal, date, datetime):
        conv: Callable[[str], Any] = Decimal if tp is Decimal else tp.fromisoformat

        def dec_text(x: Any, where: str) -> Any:
            if not isinstance(x, str):
                raise _fail(where, f"a {tp.__name__} as a string", x)
            try:
                return conv(x)
            except (ValueError, ArithmeticError):
                raise _fail(where, f"a {tp.__name__}", x) from None

        return dec_text
    raise TypeError(f"no JSON decoder for {tp!r}")


@cache
def _decoder(tp: Any) -> Decoder:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        inner = _decoder(next(a for a in args if a is not type(None)))

        def dec_optional(x: Any, where: str) -> Any:
            return None if x is None else inner(x, where)

        return dec_optional
    if origin is tuple:
        item = _decoder(args[0])

        def dec_tuple(x: Any, where: str) -> tuple[Any, ...]:
            if not isinstance(x, list):
                raise _fail(where, "an array", x)
            return tuple(item(v, f"{where}[{i}]") for i, v in enumerate(x))

        return dec_tuple
    if origin is Value:
        val = _decoder(args[0])

        def dec_value(x: Any, where: str) -> Value[Any]:
            if not isinstance(x, dict):
                raise _fail(where, "an object {value, footnotes}", x)
            v = x.get("value")
            fns = x.get("footnotes") or []
            if not isinstance(fns, list) or not all(isinstance(f, str) for f in fns):
                raise _fail(f"{where}.footnotes", "an array of footnote ids", fns)
            if v is None and not fns:
                return EMPTY
            return Value(None if v is None else val(v, where), tuple(fns))

        return dec_value
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dec_dataclass(tp)
    return _dec_scalar(tp)


def _dec_dataclass(cls: type) -> Decoder:
    hints = _hints(cls)
    fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init]

    def dec_object(x: Any, where: str) -> Any:
        if not isinstance(x, dict):
            raise _fail(where, f"an object ({cls.__name__})", x)
        kw = {}
        for name, dec in fields:
            if name in x:
                kw[name] = dec(x[name], f"{where}.{name}" if where else name)
        try:
            return cls(**kw)
        except TypeError as e:  # a required member missing
            raise ParseError(str(e), source="<json>", where=where or cls.__name__) from None

    return dec_object


def filing_from_dict(data: JSONDict) -> Filing:
    """Rebuild a Filing from :func:`filing_to_dict` output. Raises ParseError naming the bad member."""
    filing: Filing = _decoder(Filing)(data, "")
    return filing


def filing_from_json(text: str | bytes) -> Filing:
    try:
        data = json.loads(text)
    except ValueError as e:
        raise ParseError(f"not JSON: {e}", source="<json>") from None
    return filing_from_dict(data)


# -- JSON Schema ------------------------------------------------------------------------------------------

_DESCRIPTIONS = {
    "Value": "A filed value with the ids of the footnotes attached to it.",
    "Decimal": "An exact number, as filed (a string, never a float).",
}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        inner = _schema_for(next(a for a in args if a is not type(None)), defs)
        if "type" in inner and isinstance(inner["type"], str):
            return {**inner, "type": [inner["type"], "null"]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(args[0], defs)}
    if origin is Value:
        name = f"Value_{args[0].__name__}"
        if name not in defs:
            defs[name] = {
                "type": "object",
                "description": _DESCRIPTIONS["Value"],
                "properties": {
                    "value": {"anyOf": [_schema_for(args[0], defs), {"type": "null"}]},
                    "footnotes": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["value", "footnotes"],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # reserve first: the model has no cycles, but be safe
            hints = _hints(tp)
            props = {f.name: _schema_for(hints[f.name], defs) for f in dataclasses.fields(tp)}
            doc = (tp.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
            entry: dict[str, Any] = {"type": "object"}
            if doc and not doc.startswith(f"{name}("):
                entry["description"] = doc
            entry.update({"properties": props, "required": list(props), "additionalProperties": False})
            defs[name] = entry
        return {"$ref": f"#/$defs/{name}"}
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is Decimal:
        return {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$", "description": _DESCRIPTIONS["Decimal"]}
    if tp is datetime:
        return {"type": "string", "format": "date-time"}
    if tp is date:
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`filing_to_dict` output, derived from the model."""
    defs: dict[str, Any] = {}
    _schema_for(Filing, defs)
    filing = dict(defs.pop("Filing"))
    props = {"accession_number": {"type": ["string", "null"], "description": "Derived: the accession number."}}
    props.update(filing["properties"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "section16 Filing",
        "description": "One SEC Form 3, 4 or 5 (or amendment) as read by section16; field names in docs/model.md.",
        "type": "object",
        "properties": props,
        "required": list(props),
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def shipped_schema_text() -> str:
    """The schema file shipped in the package, as text."""
    return resources.files("section16").joinpath("schema/filing.schema.json").read_text(encoding="utf-8")


def schema_text() -> str:
    """:func:`json_schema` as the text of the shipped file (sorted, indented, newline-terminated)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"

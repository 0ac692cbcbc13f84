"""Reading PyYAML nodes with their lines: every value a filer wrote, typed on purpose, never guessed.

YAML 1.1 would turn ``0000320193`` into an octal number, ``NO`` (a ticker) into ``False`` and ``180.10``
into a float; so scalars are taken as the text the filer wrote and typed here, by what the field needs.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from ..errors import ParseError

Node = yaml.Node
# libyaml's parser when PyYAML was built with it (it keeps the line marks too): about ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL_TAG = "tag:yaml.org,2002:null"


class Where:
    """A place in the input: the file name and a field path, for errors."""

    def __init__(self, source: str) -> None:
        self.source = source

    def error(self, node: Node | None, path: str, message: str) -> ParseError:
        line = node.start_mark.line + 1 if node is not None else None
        return ParseError(message, source=self.source, line=line, where=path or None)


def is_null(node: Node | None) -> bool:
    if node is None:
        return True
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _NULL_TAG:
            return True
        return node.style is None and node.value in ("", "~", "null", "Null", "NULL")
    return False


def mapping(w: Where, node: Node, path: str, allowed: tuple[str, ...]) -> dict[str, Node]:
    """A mapping's entries by key; unknown or repeated keys are errors (they are usually typos)."""
    if not isinstance(node, yaml.MappingNode):
        raise w.error(node, path, f"expected a mapping of {', '.join(allowed)}")
    out: dict[str, Node] = {}
    for k, v in node.value:
        if not isinstance(k, yaml.ScalarNode):
            raise w.error(k, path, "a key must be a plain word")
        key = k.value
        if key not in allowed:
            raise w.error(k, path, f"unknown key {key!r}; expected one of: {', '.join(allowed)}")
        if key in out:
            raise w.error(k, path, f"key {key!r} given twice")
        out[key] = v
    return out


def sequence(w: Where, node: Node, path: str) -> list[Node]:
    """A list; a single mapping or scalar stands for a list of one."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if is_null(node):
        return []
    return [node]


def text(w: Where, node: Node, path: str) -> str | None:
    if is_null(node):
        return None
    if not isinstance(node, yaml.ScalarNode):
        raise w.error(node, path, "expected a single value, not a list or mapping")
    value: str = node.value
    return value.strip() or None


def required_text(w: Where, node: Node | None, path: str) -> str:
    value = text(w, node, path) if node is not None else None
    if value is None:
        raise w.error(node, path, "a value is required here")
    return value


def decimal(w: Where, node: Node, path: str) -> Decimal | None:
    t = text(w, node, path)
    if t is None:
        return None
    cleaned = t.replace(",", "").replace("_", "").removeprefix("$")
    try:
        d = Decimal(cleaned)
    except InvalidOperation:
        raise w.error(node, path, f"{t!r} is not a number") from None
    if not d.is_finite():
        raise w.error(node, path, f"{t!r} is not a number")
    if d < 0:
        raise w.error(node, path, f"{t!r} is negative; EDGAR takes amounts and prices as positive numbers")
    return d


def a_date(w: Where, node: Node, path: str) -> date | None:
    t = text(w, node, path)
    if t is None:
        return None
    try:
        return date.fromisoformat(t)
    except ValueError:
        raise w.error(node, path, f"{t!r} is not a date; write dates as YYYY-MM-DD") from None


_TRUE = frozenset(("true", "yes", "y", "1", "on"))
_FALSE = frozenset(("false", "no", "n", "0", "off"))


def boolean(w: Where, node: Node, path: str) -> bool | None:
    t = text(w, node, path)
    if t is None:
        return None
    low = t.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise w.error(node, path, f"{t!r} is not true or false")


def cik(w: Where, node: Node | None, path: str) -> str:
    t = required_text(w, node, path)
    if not t.isdigit() or len(t) > 10:
        raise w.error(node, path, f"{t!r} is not a CIK (1 to 10 digits)")
    return t


def compose(w: Where, data: str) -> Node:
    try:
        node: Any = yaml.compose(data, Loader=_LOADER)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        raise ParseError(f"not valid YAML: {e.problem or e}", source=w.source, line=line) from None
    except yaml.YAMLError as e:
        raise ParseError(f"not valid YAML: {e}", source=w.source) from None
    if node is None:
        raise ParseError("the file is empty", source=w.source, line=1)
    return node  # type: ignore[no-any-return]

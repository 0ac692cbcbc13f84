"""``render(filing, to)``: one entry point for every writer of the printed or filed form."""

from __future__ import annotations

from typing import Literal

from ..errors import WriteError
from ..model import Filing
from .xml import Mode

Format = Literal["xml", "html", "md", "json"]
FORMATS: tuple[str, ...] = ("xml", "html", "md", "json")
_ALIASES = {"markdown": "md", "htm": "html"}


def render(filing: Filing, to: str, *, schema_version: Mode = "current") -> str:
    """The filing as ``xml`` (current schema, or ``schema_version="own"``), ``html``, ``md`` or ``json``."""
    fmt = _ALIASES.get(to.lower(), to.lower())
    if fmt == "xml":
        from .xml import to_xml

        return to_xml(filing, mode=schema_version).decode("ascii")
    if fmt == "html":
        from .html import to_html

        return to_html(filing)
    if fmt == "md":
        from .markdown import to_markdown

        return to_markdown(filing)
    if fmt == "json":
        from .json import filing_to_json

        return filing_to_json(filing)
    raise WriteError(f"cannot render as {to!r}: choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "Format", "render"]

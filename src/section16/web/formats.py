"""A stored filing in every format section16 writes, for ``/api/filings/{accession}/{fmt}``."""

from __future__ import annotations

from ..errors import WriteError
from ..model import Filing

#: Format name -> media type.
FORMATS: dict[str, str] = {
    "xml": "application/xml",
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def render_filing(filing: Filing, fmt: str) -> tuple[bytes, str]:
    """(body, media type). XML is the EDGAR-valid current schema when the filing fits it, else the
    writer's own mode, which keeps every value as filed."""
    if fmt == "xml":
        from ..write.xml import to_xml

        try:
            return to_xml(filing), FORMATS[fmt]
        except WriteError:
            return to_xml(filing, mode="own"), FORMATS[fmt]
    if fmt == "json":
        from ..write.json import filing_to_json

        return filing_to_json(filing).encode("utf-8"), FORMATS[fmt]
    if fmt == "html":
        from ..write.html import to_html

        return to_html(filing).encode("utf-8"), FORMATS[fmt]
    if fmt == "md":
        from ..write.markdown import to_markdown

        return to_markdown(filing).encode("utf-8"), FORMATS[fmt]
    raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")

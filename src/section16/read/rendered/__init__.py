"""Rendered filings (HTML, Markdown, plain text, PDF, pre-2003 text) -> the same :class:`Filing`.

Each front end turns its format into rows of cells (:mod:`.cells`); :mod:`.form` reads the printed
form from those, so the meaning of the form's boxes and tables is written once.
"""

from __future__ import annotations

from ...model import Filing
from .form import read_doc
from .html import html_to_doc
from .markdown import markdown_to_doc
from .pandoc_grid import has_cut_table, looks_like_pandoc_markdown, pandoc_markdown_to_doc
from .pdf import pdf_to_doc
from .tabbed import is_tabbed, tabbed_to_doc
from .text import read_text


def parse_html(data: bytes, source: str | None = None) -> Filing:
    return read_doc(html_to_doc(data, source), source, "html")


def parse_markdown(data: bytes, source: str | None = None) -> Filing:
    return read_doc(markdown_to_doc(data, source), source, "markdown")


def parse_text(data: bytes, source: str | None = None) -> Filing:
    # Grid tables (+---+) are sniffed as laid-out text; written by pandoc's own Markdown (escapes,
    # links, bold around them) they are Markdown, whose cells the grid front end takes apart.
    if b"+---" in data[:8192]:
        text = data.decode("utf-8", errors="replace")
        if looks_like_pandoc_markdown(text):
            return read_doc(pandoc_markdown_to_doc(text, source), source, "markdown")
        if has_cut_table(text):  # pandoc's plain text at its default width: cells cut, not laid out
            return read_doc(pandoc_markdown_to_doc(text, source), source, "text")
    if b"\t" in data:
        text = data.decode("utf-8", errors="replace")
        if is_tabbed(text):  # a browser's copied text: cells parted by tabs, not laid out
            return read_doc(tabbed_to_doc(text), source, "text")
    return read_text(data, source)


def parse_pdf(data: bytes, source: str | None = None) -> Filing:
    return read_doc(pdf_to_doc(data, source), source, "pdf")


def _register() -> None:
    from .. import register_reader
    from ..submission import register_legacy_reader
    from .legacy import parse_legacy

    register_reader("html", parse_html)
    register_reader("markdown", parse_markdown)
    register_reader("text", parse_text)
    register_reader("pdf", parse_pdf)
    register_legacy_reader(parse_legacy)


_register()

__all__ = ["parse_html", "parse_markdown", "parse_pdf", "parse_text", "read_doc"]

"""HTML front end: an EDGAR page (SEC stylesheet output, old or new) -> rows of cells.

Layout tables (the boxes above Table I are tables within tables) are flattened in document order; a
table row whose cells hold no further table is one row of cells. Check boxes become ``[X]``/``[ ]``.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ...errors import ParseError
from .cells import CHECKED, LITERAL, UNCHECKED, Doc, normalize

_BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
        "center",
        "hr",
        "blockquote",
        "pre",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "form",
    ]
)
_SKIP = frozenset(("script", "style", "head", "title", "noscript", "template"))
#: Elements a cell's text cannot be read through without the walk: line breaks, check boxes, blocks,
#: nested cells, skipped content, and comments or processing instructions (no string tag).
_SPECIAL = ("br", "input", "tr", "table", "td", "th", *_BLOCK, *_SKIP, etree.Comment, etree.ProcessingInstruction)
_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
_PARSER_UTF8 = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8")
_WS_RE = re.compile(r"[ \t\r\n\f\v]+")
_BR = "\x00"


def _text(el: etree._Element, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIP or not tag:
        pass
    elif tag == "br":
        parts.append(_BR)
    elif tag == "input":
        if (el.get("type") or "").lower() in ("checkbox", "radio"):
            parts.append(f" {CHECKED if el.get('checked') is not None else UNCHECKED} ")
    else:
        block = tag in _BLOCK or tag in ("tr", "table")
        if block:
            parts.append(_BR)
        if el.text:
            parts.append(_WS_RE.sub(" ", el.text))
        for ch in el:
            _text(ch, parts)
        if block:
            parts.append(_BR)
        elif tag in ("td", "th"):
            parts.append(" ")
    if el.tail:
        parts.append(_WS_RE.sub(" ", el.tail))


def cell_text(el: etree._Element) -> str:
    if len(el) == 0:  # most cells hold only text: no walk needed
        text = el.text
        return normalize(_WS_RE.sub(" ", text)) if text else ""
    if next(el.iter(*_SPECIAL), None) is None:  # only inline markup inside (font, a, sup, b...)
        return normalize(_WS_RE.sub(" ", "".join(str(t) for t in el.itertext())))
    parts: list[str] = []
    if el.text:
        parts.append(_WS_RE.sub(" ", el.text))
    for ch in el:
        _text(ch, parts)
    return normalize("".join(parts).replace(_BR, "\n"))


def _rows(table: etree._Element) -> list[list[etree._Element]]:
    rows: list[list[etree._Element]] = []
    loose: list[etree._Element] = []
    for ch in table:
        tag = ch.tag if isinstance(ch.tag, str) else ""
        if tag == "tr":
            rows.append([c for c in ch if c.tag in ("td", "th")])
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend([c for c in tr if c.tag in ("td", "th")] for tr in ch if tr.tag == "tr")
        elif tag in ("td", "th"):
            loose.append(ch)
    if loose:
        rows.append(loose)
    return rows


class _Walker:
    def __init__(self) -> None:
        self.doc: Doc = []
        self.pending: list[str] = []
        self.holders: set[etree._Element] = set()

    def flush(self) -> None:
        text = normalize("".join(self.pending).replace(_BR, "\n"))
        self.pending = []
        for line in text.split("\n"):
            if line.strip():
                self.doc.append([line])

    def table(self, table: etree._Element) -> None:
        self.flush()
        for cells in _rows(table):
            if any(c in self.holders for c in cells):
                for c in cells:
                    self.inline(c)
                    self.flush()
            else:
                self.doc.append([cell_text(c) for c in cells])

    def inline(self, el: etree._Element) -> None:
        if el.text:
            self.pending.append(_WS_RE.sub(" ", el.text))
        for ch in el:
            tag = ch.tag if isinstance(ch.tag, str) else ""
            if tag == "table":
                self.table(ch)
            elif tag in _SKIP or not tag:
                pass
            elif ch in self.holders:
                if tag in _BLOCK:
                    self.pending.append(_BR)
                self.inline(ch)
                if tag in _BLOCK:
                    self.pending.append(_BR)
            else:
                _text(ch, self.pending)
                continue
            if ch.tail:
                self.pending.append(_WS_RE.sub(" ", ch.tail))


_LITERAL_MARK_RE = re.compile(r"\((\d{1,3})\)")
_BARE_MARK_RE = re.compile(rb"(?<!<sup>)\(\d{1,3}\)")


def _protect_literal_marks(root: etree._Element) -> None:
    """A page that prints footnote marks as superscripts (the SEC stylesheets: ``<sup>(1)</sup>``)
    means a "(2)" in plain text literally: a title such as "Class B Common Stock (2)". Such a "(2)" is
    kept out of the mark reading with :data:`~.cells.LITERAL` after its "(" (removed again on output)."""
    found: Any = root.xpath("//text()[contains(., '(')]")
    for text in found:
        if not _LITERAL_MARK_RE.search(str(text)):
            continue
        parent = text.getparent()
        if parent is None:
            continue
        holder = parent.getparent() if text.is_tail else parent
        if holder is None or any(a.tag == "sup" for a in (holder, *holder.iterancestors())):
            continue
        new = _LITERAL_MARK_RE.sub(f"({LITERAL}\\1)", str(text))
        if text.is_tail:
            parent.tail = new
        else:
            parent.text = new


def html_to_doc(data: bytes | str, source: str | None = None) -> Doc:
    try:
        raw = data.encode() if isinstance(data, str) else data
        try:  # most pages are UTF-8; libxml2 would guess Latin-1 for one without a charset
            raw.decode("utf-8")
            parser = _PARSER_UTF8
        except UnicodeDecodeError:
            parser = _PARSER
        root = etree.fromstring(raw, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise ParseError(f"not readable as HTML: {e}", source=source or "<bytes>") from None
    if root is None:
        raise ParseError("empty HTML document", source=source or "<bytes>")
    # (A "(2)" straight after "<sup>" is a mark; only pages with another one need the tree walk.)
    if _BARE_MARK_RE.search(raw) and root.find(".//sup") is not None:
        _protect_literal_marks(root)
    body = root.find(".//body")
    w = _Walker()
    # Which elements hold a table somewhere inside: those are layout, walked rather than read as cells.
    for t in root.iter("table"):
        for anc in t.iterancestors():
            if anc in w.holders:
                break
            w.holders.add(anc)
    w.inline(body if body is not None else root)
    w.flush()
    return w.doc

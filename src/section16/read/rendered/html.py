"""HTML front end: an EDGAR page (SEC stylesheet output, old or new) -> rows of cells.

Layout tables (the boxes above Table I are tables within tables) are flattened in document order; a
table row whose cells hold no further table is one row of cells. Check boxes become ``[X]``/``[ ]``.

The page is walked once, by the XSLT below (libxslt, in C): touching each element from
Python costs more than all the rest of reading a page. The walk writes the page as text with four
marks of its own (flush the text read so far; a cell starts; a row ends; a line break), which this
module splits into rows. The marks are characters the page does not hold (checked, and others chosen
when it does), so a page cannot forge a cell.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from lxml import etree

from ...errors import ParseError
from .cells import LITERAL, Doc, normalize

_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
_PARSER_UTF8 = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8")
_WS_RE = re.compile(r"[ \t\r\n\f\v]+")
#: The namespace of the attribute that marks an element holding a table (an HTML page has none).
_NS = "urn:section16:walk"
_HOLDS_TABLE = f"{{{_NS}}}h"
_ROW_HOLDS_TABLE = f"{{{_NS}}}r"
_BLOCKS = "p|div|h1|h2|h3|h4|h5|h6|li|ul|ol|dl|dd|dt|center|hr|blockquote|pre|thead|tbody|tfoot|caption|form"
_SKIP = "script|style|head|title|noscript|template"
# The default mode serves both ways of reading an element: one that holds a table somewhere inside
# (marked by :func:`_mark_holders`) is layout, its text read as lines and its tables as rows; any other
# element is read as the text a cell shows (line breaks, check boxes; a block on lines of its own).
# A table's rows are its own <tr> (also in thead/tbody/tfoot; mode "rows"), then its loose cells as one
# last row; text in a table outside its cells is not shown by a browser in place, and is not read. A
# row with a cell holding a table (marked too) has each cell walked as layout (mode "layout"), any
# other is a row of cells (mode "cells"). Rows and cells are walked by templates, never selected as a
# union ("td|th"): libxml2 merges a union's two sets pair by pair, so a hostile page of thousands of
# cells would take minutes.
_WALK_XSL = f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:s="{_NS}">
<xsl:output method="text" encoding="utf-8"/>

<xsl:template match="/">
  <xsl:variable name="body" select="(/*//body)[1]"/>
  <xsl:choose>
    <xsl:when test="$body"><xsl:apply-templates select="$body/node()"/></xsl:when>
    <xsl:otherwise><xsl:apply-templates select="/*/node()"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="table" priority="3">
  <xsl:text>{{0}}</xsl:text>
  <xsl:apply-templates select="*" mode="rows"/>
  <xsl:if test="td or th">
    <xsl:choose>
      <xsl:when test="@s:r"><xsl:apply-templates select="*" mode="layout"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="*" mode="cells"/><xsl:text>{{2}}</xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:if>
</xsl:template>

<xsl:template match="tr" mode="rows">
  <xsl:choose>
    <xsl:when test="@s:r"><xsl:apply-templates select="*" mode="layout"/></xsl:when>
    <xsl:otherwise><xsl:apply-templates select="*" mode="cells"/><xsl:text>{{2}}</xsl:text></xsl:otherwise>
  </xsl:choose>
</xsl:template>
<xsl:template match="thead|tbody|tfoot" mode="rows"><xsl:apply-templates select="tr" mode="rows"/></xsl:template>
<xsl:template match="*" mode="rows"/>

<!-- A row's cells: as cells; or, when one of them holds a table, each walked as layout. -->
<xsl:template match="td|th" mode="cells"><xsl:text>{{1}}</xsl:text><xsl:apply-templates/></xsl:template>
<xsl:template match="*" mode="cells"/>
<xsl:template match="td|th" mode="layout"><xsl:apply-templates/><xsl:text>{{0}}</xsl:text></xsl:template>
<xsl:template match="*" mode="layout"/>

<xsl:template match="{_SKIP}" priority="2"/>

<!-- A row or cell holding a table, met outside a table's rows: its text as lines, no cell's space
  after it, no line break around it. (Any other element holding a table is read as the templates
  below read it anyway, a block on lines of its own and an inline element as its text: only these
  three are matched, as a wildcard's test would be tried on every element of the page.) -->
<xsl:template match="tr[@s:h]|td[@s:h]|th[@s:h]" priority="1"><xsl:apply-templates/></xsl:template>

<xsl:template match="br"><xsl:text>{{3}}</xsl:text></xsl:template>

<xsl:template match="input">
  <xsl:variable name="type"
    select="translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ&#x212A;', 'abcdefghijklmnopqrstuvwxyzk')"/>
  <xsl:if test="$type = 'checkbox' or $type = 'radio'">
    <xsl:choose>
      <xsl:when test="@checked"><xsl:text> [X] </xsl:text></xsl:when>
      <xsl:otherwise><xsl:text> [ ] </xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:if>
</xsl:template>

<xsl:template match="{_BLOCKS}|tr">
  <xsl:text>{{3}}</xsl:text><xsl:apply-templates/><xsl:text>{{3}}</xsl:text>
</xsl:template>

<xsl:template match="td|th"><xsl:apply-templates/><xsl:text> </xsl:text></xsl:template>
</xsl:stylesheet>"""


@functools.lru_cache(maxsize=4)
def _walker(marks: tuple[str, str, str, str]) -> etree.XSLT:
    """The walk writing these marks (compiled once; other marks only for a page holding these)."""
    return etree.XSLT(etree.XML(_WALK_XSL.format(*(f"&#{ord(m)};" for m in marks)).encode()))


#: The walk's marks (private-use characters): flush, cell, row end, line break.
_MARKS = ("\ue0e0", "\ue0e1", "\ue0e2", "\ue0e3")
# The marks' first UTF-8 byte (U+E000..EFFF), and a character reference that could spell one of them
# (U+E0E0..E0E3): a superset, checked exactly when found.
_MARK_LEAD = _MARKS[0].encode()[:1]
_MARK_REF_RE = re.compile(rb"&#(?:[xX]0*[eE]0[eE]|0*575[67])")


def _marks(raw: bytes, root: etree._Element, utf8: bool, plain: bool) -> tuple[str, str, str, str]:
    """Four characters the page's text does not hold (the usual ones unless the page has them)."""
    # (The pattern straight away: it opens with "&#", which the regex engine finds faster than
    # ``b"&#" in raw`` does on a page with many "&" or "#".)
    refs = _MARK_REF_RE.search(raw)
    if utf8 and (plain or _MARK_LEAD not in raw) and not refs:
        return _MARKS
    used = set(etree.tostring(root, method="text", encoding=str))
    free = (chr(c) for c in range(0xE0E0, 0x10FFFE) if chr(c) not in used)
    return next(free), next(free), next(free), next(free)


_LITERAL_MARK_RE = re.compile(r"\((\d{1,3})\)")
#: A "(2)" not straight after "<sup>". (It opens with its "(" and looks behind it after: a pattern
#: opening with a look-behind is tried at every byte of the page, one opening with a literal only
#: where the literal stands.)
_BARE_MARK_RE = re.compile(rb"\((?<!<sup>\()\d{1,3}\)")


def _bare_mark(raw: bytes) -> bool:
    """Does the page print a "(2)" that is not straight after "<sup>"?"""
    return _BARE_MARK_RE.search(raw) is not None


def _mark_holders(root: etree._Element) -> None:
    """Mark each element that holds a table somewhere inside: the walk reads those as layout."""
    # Each table's ancestors, up to the first already marked: one pass over the tree, linear however
    # many tables a page nests. (Counting the tables first to pick an XPath for few of them costs a
    # pass of its own, and ``//table/ancestor::*`` is no faster than this loop.)
    seen: set[etree._Element] = set()
    for table in root.iter("table"):
        for el in table.iterancestors():
            if el in seen:
                break
            seen.add(el)
            el.set(_HOLDS_TABLE, "")
            if el.tag in ("td", "th"):  # its row (or its table, for loose cells) is read as layout
                parent = el.getparent()
                if parent is not None:
                    parent.set(_ROW_HOLDS_TABLE, "")


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


def html_to_doc(
    data: bytes | str, source: str | None = None, bare_marks: bool | None = None, utf8_known: bool = False
) -> Doc:
    """The page's rows of cells. ``bare_marks``: whether the page prints a "(2)" not straight after
    "<sup>" (:func:`_bare_mark`), when the caller has looked already; ``utf8_known``: the bytes are
    UTF-8 for sure (the caller encoded them), so they are not decoded once more to find out."""
    src = source or "<bytes>"
    try:
        # (Text encoded here is UTF-8 for sure; a lone surrogate raises, a ValueError.)
        utf8_known = utf8_known or isinstance(data, str)
        raw = data.encode() if isinstance(data, str) else data
        # Most pages are UTF-8; libxml2 would guess Latin-1 for one without a charset.
        utf8 = plain = raw.isascii()  # (ASCII is UTF-8: no need to decode it to know)
        if not plain and utf8_known:
            utf8 = True
        elif not plain:
            utf8 = True
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                utf8 = False
        root = etree.fromstring(raw, _PARSER_UTF8 if utf8 else _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise ParseError(f"not readable as HTML: {e}", source=src) from None
    if root is None:
        raise ParseError("empty HTML document", source=src)
    # (A "(2)" straight after "<sup>" is a mark; only pages with another one need the tree walk.)
    if (_bare_mark(raw) if bare_marks is None else bare_marks) and root.find(".//sup") is not None:
        _protect_literal_marks(root)
    marks = _marks(raw, root, utf8, plain)
    flush, cell, end, br = marks
    _mark_holders(root)
    try:
        out = bytes(_walker(marks)(root)).decode("utf-8")
    except etree.XSLTApplyError as e:
        raise ParseError(f"HTML page not walkable: {e}", source=src) from None
    # The page's own line breaks and tabs are white space (a cell's runs of it are collapsed when it is
    # normalised); only <br> and blocks (the br mark) end a line. (str.replace: a regex over the whole
    # page costs more than the rest of this loop.)
    out = out.replace("\n", " ").replace("\t", " ")
    if "\r" in out or "\f" in out or "\v" in out:
        out = _WS_RE.sub(" ", out)
    out = out.replace(br, "\n")
    doc: Doc = []
    for block in out.split(flush):
        # A block is the rows of a table (each ended by the row-end mark), then text up to a flush.
        rows = block.split(end)
        text = rows.pop()  # (popped and deleted in place: unpacking with * copies the list)
        for row in rows:
            cells = row.split(cell)
            if cells[0]:  # the walk writes a row's cells and nothing else between rows
                raise ParseError("HTML walk out of step (text between table rows)", source=src)
            del cells[0]
            doc.append(list(map(normalize, cells)))  # (normalize("") is "": memoised, as any cell)
        if text and not text.isspace():
            doc.extend([line] for line in normalize(text).split("\n") if line.strip())
    return doc

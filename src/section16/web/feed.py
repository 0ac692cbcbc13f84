"""Atom (RFC 4287) feeds for screens: one entry per row, newest first. Pure: entries in, bytes out.

Built with ElementTree, which escapes every text and attribute value, so filing text can never turn into
markup in a feed reader.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

ATOM_NS = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Entry:
    #: A stable, unique IRI for the entry (e.g. the filing URL plus the row number).
    id: str
    title: str
    #: When the entry last changed: the filing's acceptance time.
    updated: datetime
    #: Where a reader should go: the filing page.
    link: str
    summary: str = ""


def _stamp(t: datetime) -> str:
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.isoformat(timespec="seconds")


def atom(
    *,
    feed_id: str,
    title: str,
    self_url: str,
    alternate_url: str,
    entries: Iterable[Entry],
    updated: datetime | None = None,
) -> bytes:
    """The feed document. ``updated`` defaults to the newest entry's time (or the epoch when empty),
    so the same rows always give the same bytes."""
    items = list(entries)
    if updated is None:
        updated = max((e.updated for e in items), default=datetime(1970, 1, 1, tzinfo=UTC))
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", feed_id)
    sub(feed, "title", title)
    sub(feed, "updated", _stamp(updated))
    sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    sub(feed, "link", rel="alternate", type="text/html", href=alternate_url)
    author = sub(feed, "author")
    sub(author, "name", "section16")
    sub(feed, "generator", "section16")
    for e in items:
        entry = sub(feed, "entry")
        sub(entry, "id", e.id)
        sub(entry, "title", e.title)
        sub(entry, "updated", _stamp(e.updated))
        sub(entry, "link", rel="alternate", type="text/html", href=e.link)
        if e.summary:
            sub(entry, "summary", e.summary, type="text")
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body

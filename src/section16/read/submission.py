"""EDGAR full submissions (``{accession}.txt``, the feed's ``.nc``) -> Filing.

A submission wraps the form in an SGML envelope: a header (``KEY:<TAB>value`` lines in ``.txt``
files, ``<TAG>value`` tokens in the dissemination feed and ``-index-headers.html``), then one
``<DOCUMENT>`` per file. The form's ``ownershipDocument`` sits between ``<XML>`` and ``</XML>``.
Pre-2001 copies start with a PEM block; that is skipped. Only the header is decoded as text: the
documents (an EX-24 may be a large uuencoded PDF) are located by byte search.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import ParseError
from ..model import Document, Filer, FilerAddress, Filing, FormerName, Submission
from .xml import build, parse_ownership_xml, with_submission
from .xml_fast import slot_spec

EASTERN = ZoneInfo("America/New_York")
OWNERSHIP_TYPES = frozenset(("3", "3/A", "4", "4/A", "5", "5/A"))

# Header key (normalised: upper case, '-' -> ' ') -> our name, for both the .txt and the tag styles.
_TOP_KEYS = {
    "ACCESSION NUMBER": "accession",
    "CONFORMED SUBMISSION TYPE": "type",
    "TYPE": "type",
    "PUBLIC DOCUMENT COUNT": "count",
    "CONFORMED PERIOD OF REPORT": "period",
    "PERIOD": "period",
    "FILED AS OF DATE": "filed",
    "FILING DATE": "filed",
    "DATE AS OF CHANGE": "changed",
    "DATE OF FILING DATE CHANGE": "changed",
    "ACCEPTANCE DATETIME": "accepted",
}
_BLOCKS = {
    "REPORTING OWNER": "reporting-owner",
    "ISSUER": "issuer",
    "FILER": "filer",
    "SUBJECT COMPANY": "subject-company",
    "FILED BY": "filed-by",
}
_SUB_BLOCKS = frozenset(
    ("OWNER DATA", "COMPANY DATA", "FILING VALUES", "BUSINESS ADDRESS", "MAIL ADDRESS", "FORMER COMPANY", "FORMER NAME")
)
_FILER_KEYS = {
    "COMPANY CONFORMED NAME": "name",
    "CONFORMED NAME": "name",
    "CENTRAL INDEX KEY": "cik",
    "CIK": "cik",
    "STANDARD INDUSTRIAL CLASSIFICATION": "sic",
    "ASSIGNED SIC": "sic",
    "IRS NUMBER": "irs_number",
    "STATE OF INCORPORATION": "state_of_incorporation",
    "FISCAL YEAR END": "fiscal_year_end",
    "FORM TYPE": "form_type",
    "SEC ACT": "sec_act",
    "ACT": "sec_act",
    "SEC FILE NUMBER": "file_number",
    "FILE NUMBER": "file_number",
    "FILM NUMBER": "film_number",
    "RELATIONSHIP": "relationship",
}
_ADDRESS_KEYS = {
    "STREET 1": "street1",
    "STREET1": "street1",
    "STREET 2": "street2",
    "STREET2": "street2",
    "CITY": "city",
    "STATE": "state",
    "ZIP": "zip_code",
    "BUSINESS PHONE": "phone",
    "PHONE": "phone",
}
_SIC_RE = re.compile(r"\[(\d{3,4})\]")


def _norm(key: str) -> str:
    return key.strip().upper().replace("-", " ")


class _Block:
    """One filer block while it is being read."""

    def __init__(self, role: str) -> None:
        self.role = role
        self.fields: dict[str, str] = {}
        self.addresses: dict[str, dict[str, str]] = {}
        self.former: list[dict[str, str]] = []
        self.sub: str | None = None

    def put(self, key: str, value: str) -> None:
        if self.sub in ("BUSINESS ADDRESS", "MAIL ADDRESS"):
            attr = _ADDRESS_KEYS.get(key)
            if attr:
                self.addresses.setdefault(self.sub, {})[attr] = value
            return
        if self.sub in ("FORMER COMPANY", "FORMER NAME"):
            if not self.former:
                self.former.append({})
            self.former[-1][key] = value
            return
        attr = _FILER_KEYS.get(key)
        if attr and value:
            self.fields.setdefault(attr, value)

    def open_sub(self, name: str) -> None:
        self.sub = name
        if name in ("FORMER COMPANY", "FORMER NAME"):
            self.former.append({})


_FILER_SPEC = slot_spec(Filer)
_FILER_ADDRESS_SPEC = slot_spec(FilerAddress)


def _build(block: _Block) -> Filer:
    """The Filer of a block read (a ``_Block``, or the compiled reader's block of the same attributes).

    Built through ``xml.build`` (slots set directly: a frozen dataclass's ``__init__`` costs a few
    times more); every key given is a field, from ``_FILER_KEYS`` and ``_ADDRESS_KEYS``."""
    kw: dict[str, Any] = dict(block.fields)
    sic = kw.get("sic")
    if sic:
        m = _SIC_RE.search(sic)
        kw["sic"] = m.group(1) if m else sic.strip()
    addresses = block.addresses
    if addresses:
        for sub, attr in (("BUSINESS ADDRESS", "business_address"), ("MAIL ADDRESS", "mail_address")):
            if sub in addresses:
                kw[attr] = build(FilerAddress, _FILER_ADDRESS_SPEC, addresses[sub])
    if block.former:
        names = []
        for f in block.former:
            name = f.get("FORMER CONFORMED NAME")
            if name:
                changed = f.get("DATE OF NAME CHANGE") or f.get("DATE CHANGED")
                names.append(FormerName(name, _ymd(changed) if changed else None))
        kw["former_names"] = tuple(names)
    kw["role"] = block.role
    return build(Filer, _FILER_SPEC, kw)  # type: ignore[no-any-return]


def _ymd(text: str | None) -> date | None:
    if not text:
        return None
    t = text.strip()
    if len(t) >= 8 and t[:8].isdigit():
        try:
            return date(int(t[:4]), int(t[4:6]), int(t[6:8]))
        except ValueError:
            return None
    try:
        return date.fromisoformat(t[:10])
    except ValueError:
        return None


def _acceptance(text: str | None) -> datetime | None:
    if not text:
        return None
    t = text.strip()
    if len(t) >= 14 and t[:14].isdigit():
        try:
            return datetime(
                int(t[:4]), int(t[4:6]), int(t[6:8]), int(t[8:10]), int(t[10:12]), int(t[12:14]), tzinfo=EASTERN
            )
        except ValueError:
            return None
    return None


# A header key as filed: a capital, then capitals, digits and a little punctuation, up to its colon.
_KEY_RE = re.compile(r"[A-Z][A-Z0-9 ,.&'/()-]*")
_KEYS: dict[str, str | None] = {}
_UNSEEN: Any = object()


def _header_key(raw: str) -> str | None:
    """The normal form of a header key as filed, or None where it is not a key (remembered, bounded)."""
    k = _norm(raw) if _KEY_RE.fullmatch(raw) else None
    if len(_KEYS) < 4096:
        _KEYS[raw] = k
    return k


_TAG_TOKEN_RE = re.compile(r"<(/?)([A-Za-z0-9-]+)>([^<]*)")


_TAG_KEYS: dict[str, str | None] = {}


def _tag_line(line: str, top: dict[str, str]) -> None:
    """A ``<TAG>value`` line among ``KEY: value`` lines (``<ACCEPTANCE-DATETIME>`` in a ``.txt``)."""
    m = _TAG_TOKEN_RE.match(line)
    if m is None or m.group(1):
        return
    tag = m.group(2)
    k = _TAG_KEYS.get(tag, _UNSEEN)
    if k is _UNSEEN:  # each spelling of a tag is normalised once (remembered, bounded)
        k = _TOP_KEYS.get(_norm(tag))
        if len(_TAG_KEYS) < 4096:
            _TAG_KEYS[tag] = k
    if k is not None:
        top.setdefault(k, m.group(3).strip())


def _key_value_lines(header: str) -> tuple[dict[str, str], list[_Block]]:
    """The header's ``<indent>KEY: value`` lines read into top keys and filer blocks (not yet built)."""
    top: dict[str, str] = {}
    blocks: list[_Block] = []
    current: _Block | None = None
    # Blocks open at the indent of the header's first key (0 as EDGAR writes it; a copy indented as a
    # whole, every line alike, reads the same), and every key after one opens belongs to a block: the
    # top keys come first.
    base = -1
    # The hot loop of a load's envelope reading, so string methods instead of a regex per line:
    # a line is "<indent>KEY: value" where KEY is a known-good spelling (_header_key checks each
    # spelling once against _KEY_RE and remembers its normal form). _envelope_c has it compiled.
    keys = _KEYS
    for line in header.splitlines():
        rest = line.lstrip()
        if rest[:1] == "<":
            _tag_line(rest, top)
            continue
        raw, colon, value = rest.partition(":")
        if not colon or not raw:
            continue
        k = keys.get(raw, _UNSEEN)
        if k is _UNSEEN:
            k = _header_key(raw)
        if k is None:
            continue
        value = value.strip()
        indent = len(line[: len(line) - len(rest)].expandtabs(8))
        if base < 0:
            base = indent
        if not value and indent <= base and k in _BLOCKS:
            current = _Block(_BLOCKS[k])
            blocks.append(current)
        elif not value and current is not None and k in _SUB_BLOCKS:
            current.open_sub(k)
        elif current is not None:
            current.put(k, value)
        elif k in _TOP_KEYS:
            top.setdefault(_TOP_KEYS[k], value)
    return top, blocks


def _key_value_lines_compiled(header: str) -> tuple[dict[str, str], list[_Block]]:
    try:
        got: tuple[dict[str, str], list[_Block]] = _parse_txt_header(
            header, _KEYS, _header_key, _TOP_KEYS, _BLOCKS, _SUB_BLOCKS, _ADDRESS_KEYS, _FILER_KEYS, _tag_line
        )
        return got
    except ValueError:  # characters beyond Latin-1: cannot come from a decoded header, but read it anyway
        return _key_value_lines(header)


_read_key_value_lines: Callable[[str], tuple[dict[str, str], list[_Block]]] = _key_value_lines
COMPILED = False
if not os.environ.get("SECTION16_PURE_PYTHON"):
    try:
        from ._envelope_c import parse_txt_header as _parse_txt_header

        _read_key_value_lines = _key_value_lines_compiled
        COMPILED = True
    except ImportError:  # not built here: the Python loop reads the same
        pass


def _parse_header(header: str) -> tuple[dict[str, str], list[Filer]]:
    # <ACCEPTANCE-DATETIME>... and other tag tokens (the .nc / index-headers style).
    if "ACCESSION NUMBER:" in header:
        top, blocks = _read_key_value_lines(header)
    else:
        top = {}
        blocks = []
        depth_block: _Block | None = None
        for m in _TAG_TOKEN_RE.finditer(header):
            closing, tag, value = m.group(1), _norm(m.group(2)), m.group(3).strip()
            if tag in _BLOCKS:
                if closing:
                    depth_block = None
                else:
                    depth_block = _Block(_BLOCKS[tag])
                    blocks.append(depth_block)
                continue
            if depth_block is not None:
                if tag in _SUB_BLOCKS:
                    if closing:
                        depth_block.sub = None
                    else:
                        depth_block.open_sub(tag)
                elif not closing:
                    if tag == "DATE CHANGED" and depth_block.sub in ("FORMER COMPANY", "FORMER NAME"):
                        depth_block.put("DATE OF NAME CHANGE", value)
                    else:
                        depth_block.put(tag, value)
            elif not closing and tag in _TOP_KEYS:
                top.setdefault(_TOP_KEYS[tag], value)
    return top, [_build(b) for b in blocks]


_DOC_FIELD_RE = re.compile(rb"<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>([^<\r\n]*)")
_DOC_FIELDS = {b"TYPE": "type", b"SEQUENCE": "sequence", b"FILENAME": "filename", b"DESCRIPTION": "description"}
_DOCUMENT_SPEC = slot_spec(Document)
_SUBMISSION_SPEC = slot_spec(Submission)


def _documents(data: bytes, start: int) -> tuple[list[Document], list[tuple[str | None, int, int]]]:
    """Every <DOCUMENT>: its metadata, and where its <XML> body (if any) lies in ``data``."""
    docs: list[Document] = []
    xml_spans: list[tuple[str | None, int, int]] = []
    pos = data.find(b"<DOCUMENT>", start)
    while pos >= 0:
        end = data.find(b"</DOCUMENT>", pos)
        stop = end if end >= 0 else len(data)
        text_at = data.find(b"<TEXT>", pos, stop)
        meta_end = text_at if text_at >= 0 else min(stop, pos + 2000)
        # Document's fields by name: an empty one is None, the sequence a number (or None).
        meta: dict[str, Any] = {}
        for k, v in _DOC_FIELD_RE.findall(data, pos, meta_end):
            meta[_DOC_FIELDS[k]] = v.decode("latin-1").strip() or None  # the last of a field, as filed
        seq = meta.get("sequence")
        meta["sequence"] = int(seq) if seq and seq.isdigit() else None
        body_start = text_at + 6 if text_at >= 0 else meta_end
        meta["size"] = max(0, stop - body_start)
        docs.append(build(Document, _DOCUMENT_SPEC, meta))
        x0 = data.find(b"<XML>", body_start, stop)
        if x0 >= 0:
            x1 = data.find(b"</XML>", x0, stop)
            xml_spans.append((meta.get("type"), x0 + 5, x1 if x1 >= 0 else stop))
        else:
            xml_spans.append((meta.get("type"), -1, -1))
        if end < 0:
            break
        pos = data.find(b"<DOCUMENT>", end)
    return docs, xml_spans


def read_envelope(data: bytes, source: str) -> tuple[Submission, list[tuple[str | None, int, int]], int]:
    """The header and document list of a submission, and where the first document starts."""
    hs = data.find(b"<SEC-HEADER>")
    if hs < 0:
        hs = data.find(b"<IMS-HEADER>")
    if hs >= 0:
        he = data.find(b"</SEC-HEADER>", hs)
        if he < 0:
            he = data.find(b"</IMS-HEADER>", hs)
        if he < 0:
            he = data.find(b"<DOCUMENT>", hs)
        if he < 0:
            raise ParseError("submission header is not closed (</SEC-HEADER> missing)", source=source)
        # SEC-DOCUMENT line and ACCEPTANCE-DATETIME sit between SEC-DOCUMENT and the header's end.
        header_start = data.rfind(b"<SEC-DOCUMENT>", 0, hs)
        header = data[header_start if header_start >= 0 else hs : he].decode("latin-1")
        doc_start = he
    else:
        ss = data.find(b"<SUBMISSION>")
        if ss < 0:
            raise ParseError("not an EDGAR submission: no <SEC-HEADER> or <SUBMISSION>", source=source, line=1)
        de = data.find(b"<DOCUMENT>", ss)
        doc_start = de if de >= 0 else len(data)
        header = data[ss:doc_start].decode("latin-1")
    top, filers = _parse_header(header)
    docs, spans = _documents(data, doc_start)
    count = top.get("count")
    sub: Submission = build(
        Submission,
        _SUBMISSION_SPEC,
        {
            "accession_number": top.get("accession") or None,
            "submission_type": top.get("type") or None,
            "filing_date": _ymd(top.get("filed")),
            "acceptance_datetime": _acceptance(top.get("accepted")),
            "period_of_report": _ymd(top.get("period")),
            "date_as_of_change": _ymd(top.get("changed")),
            "document_count": int(count) if count and count.strip().isdigit() else None,
            "filers": tuple(filers),
            "documents": tuple(docs),
        },
    )
    return sub, spans, doc_start


#: Reader for submissions whose form has no XML (pre-2003 text); set by the rendered readers.
LegacyReader = Callable[[bytes, str | None, Submission], Filing]
_legacy_reader: LegacyReader | None = None


def register_legacy_reader(fn: LegacyReader) -> None:
    global _legacy_reader
    _legacy_reader = fn


def parse_submission(data: bytes, source: str | None = None) -> Filing:
    """Read a full submission: header, document list and the form's XML, as one Filing."""
    src = source or "<bytes>"
    sub, spans, _ = read_envelope(data, src)
    x0 = x1 = -1
    for doc_type, x0, x1 in spans:  # noqa: B007 - the span found is used after the loop
        if x0 >= 0 and (doc_type or "").upper() in OWNERSHIP_TYPES:
            break
    else:
        # No typed XML document: take any <XML> that holds an ownershipDocument.
        for _doc_type, x0, x1 in spans:
            if x0 >= 0 and b"<ownershipDocument" in data[x0:x1]:
                break
        else:
            if _legacy_reader is not None:
                return _legacy_reader(data, source, sub)
            raise ParseError("submission holds no ownership XML document (a pre-2003 text filing?)", source=src)
    try:
        filing = parse_ownership_xml(data[x0:x1], source, fmt="submission")
    except ParseError as e:
        # The reader skips what precedes the first '<' (EDGAR puts a line break after <XML>): count from there.
        first = data.find(b"<", x0, x1)
        line = data.count(b"\n", 0, first if first >= 0 else x0) + e.line if e.line else None
        raise ParseError(e.message, source=src, line=line, where="<XML> of the form document") from None
    return _with_submission(filing, sub)


def _with_submission(filing: Filing, sub: Submission) -> Filing:
    return with_submission(filing, sub)

"""EDGAR ``ownershipDocument`` XML -> :class:`~section16.model.Filing`, every schema version.

The reader keys on element names, never on ``schemaVersion``, so X0101 to X0609 and versions yet to
come read alike. It is lenient where real filings are messy (``1``/``true`` booleans, empty elements,
time-zone suffixes on dates, footnotes on fields the schema gives no footnote slot) and strict about
safety: no DTDs, no entity expansion, no network. What it cannot place is kept aside
(:attr:`Filing.unknown`); what it cannot read as its type is reported (:attr:`Filing.notes`).
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import threading
from dataclasses import replace
from datetime import date
from typing import Any

from lxml import etree

from ..errors import ParseError
from ..model import (
    EMPTY,
    Address,
    Coding,
    DerivativeHolding,
    DerivativeTransaction,
    Document,
    Filing,
    Footnote,
    Issuer,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    Note,
    Relationship,
    ReportingOwner,
    Signature,
    Source,
    Submission,
    Unknown,
    Value,
)
from .convert import Conv, _to_bool, _to_code, _to_date, _to_decimal, _to_str
from .xml_fast import GiveUp, read_row, slot_spec
from .xml_fast import build as _build_py

# The compiled walk of table rows (``_xml_c``, built from a .pyx at install when a C compiler is
# there) gives exactly what ``xml_fast.read_row`` gives, three to four times faster. Without it, or
# with SECTION16_PURE_PYTHON=1 in the environment, the pure-Python path reads the same.
_read_row: Any = read_row
build: Any = _build_py
_read_document: Any = None
_replace_slot: Any = None
COMPILED = False
if not os.environ.get("SECTION16_PURE_PYTHON"):
    try:
        from . import _xml_c
        from ._xml_c import build
        from ._xml_c import read_document as _read_document
        from ._xml_c import read_row as _read_row
        from ._xml_c import replace_slot as _replace_slot

        COMPILED = True
    except (ImportError, ValueError):  # not built here, or built against an lxml of another layout
        pass

_local = threading.local()


def _parser(keep_blanks: bool = False) -> etree.XMLParser:
    # lxml parsers are not thread-safe; one per thread, built once. Dropping the indentation between
    # elements makes parsing a quarter faster; where white space may matter (mixed content in footnotes
    # and remarks, the XML of kept-aside elements) the document is parsed again keeping it.
    name = "parser_blanks" if keep_blanks else "parser"
    p: etree.XMLParser | None = getattr(_local, name, None)
    if p is None:
        p = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
            remove_blank_text=not keep_blanks,
        )
        setattr(_local, name, p)
    return p


class _KeepBlanks(Exception):
    """The document needs its white space between elements: parse it again keeping it."""


_DTD_RE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_BARE_AMP_RE = re.compile(rb"&(?!(?:[A-Za-z][A-Za-z0-9]{1,8}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});)")


class _Ctx:
    """What a reading collects besides the model: notes and unknown elements."""

    __slots__ = ("blanks_removed", "notes", "unknown")

    def __init__(self, blanks_removed: bool = False) -> None:
        self.notes: list[Note] = []
        self.unknown: list[Unknown] = []
        self.blanks_removed = blanks_removed

    def keep_unknown(self, el: Any, where: str) -> None:
        if self.blanks_removed:
            raise _KeepBlanks  # keep the element's XML exactly as filed
        xml = etree.tostring(el, encoding="unicode", with_tail=False)
        self.unknown.append(Unknown(where=where, xml=xml, line=el.sourceline))


def _text(el: Any) -> str:
    t: str | None = el.text
    if t is None:
        if len(el):  # e.g. <periodOfReport><value>..</value></periodOfReport>
            for c in el:
                if c.tag == "value":
                    inner: str = c.text or ""
                    return inner.strip()
        return ""
    return t.strip()


# -- value wrappers -------------------------------------------------------------------------------------


def _wrapped(el: Any, conv: Conv, ctx: _Ctx, where: str) -> Value[Any]:
    """Read ``<x><value>..</value><footnoteId id=".."/>*</x>`` (or bare text in ``<x>``)."""
    value: Any = None
    fns: list[str] = []
    seen_value = False
    for c in el:
        tag = c.tag
        if tag == "value":
            seen_value = True
            t = c.text
            value = conv(t.strip() if t else "", ctx, where)
        elif tag == "footnoteId":
            fid = c.get("id")
            if fid:
                fns.append(fid.strip())
            else:
                ctx.notes.append(Note(where, "footnoteId without an id attribute"))
        elif isinstance(tag, str):
            ctx.keep_unknown(c, f"{where}.{tag}")
    if not seen_value:
        t = el.text
        if t and t.strip():
            value = conv(t.strip(), ctx, where)
    if value is None and not fns:
        return EMPTY
    return Value(value, tuple(fns))


# Row fields: element name -> (model attribute, converter). Containers are walked through.
_ROW_FIELDS: dict[str, tuple[str, Conv]] = {
    "securityTitle": ("security_title", _to_str),
    "conversionOrExercisePrice": ("conversion_or_exercise_price", _to_decimal),
    "transactionDate": ("transaction_date", _to_date),
    "deemedExecutionDate": ("deemed_execution_date", _to_date),
    "transactionTimeliness": ("timeliness", _to_code),
    "transactionShares": ("shares", _to_decimal),
    "transactionTotalValue": ("total_value", _to_decimal),
    "transactionPricePerShare": ("price_per_share", _to_decimal),
    "transactionAcquiredDisposedCode": ("acquired_disposed", _to_code),
    "exerciseDate": ("exercise_date", _to_date),
    "expirationDate": ("expiration_date", _to_date),
    "underlyingSecurityTitle": ("underlying_title", _to_str),
    "underlyingSecurityShares": ("underlying_shares", _to_decimal),
    "underlyingSecurityValue": ("underlying_value", _to_decimal),
    "sharesOwnedFollowingTransaction": ("shares_owned_after", _to_decimal),
    "valueOwnedFollowingTransaction": ("value_owned_after", _to_decimal),
    "directOrIndirectOwnership": ("direct_indirect", _to_code),
    "natureOfOwnership": ("nature_of_ownership", _to_str),
}
_CONTAINERS = frozenset(("transactionAmounts", "postTransactionAmounts", "ownershipNature", "underlyingSecurity"))

_ROW_CLASSES: dict[str, tuple[type, frozenset[str]]] = {
    cls_tag: (cls, frozenset(cls.__dataclass_fields__))
    for cls_tag, cls in (
        ("nonDerivativeTransaction", NonDerivativeTransaction),
        ("nonDerivativeHolding", NonDerivativeHolding),
        ("derivativeTransaction", DerivativeTransaction),
        ("derivativeHolding", DerivativeHolding),
    )
}


def _coding(el: Any, ctx: _Ctx, where: str) -> Coding:
    where = f"{where}.transactionCoding"
    form_type = code = None
    swap: bool | None = None
    fns: list[str] = []
    for c in el:
        tag = c.tag
        if tag == "transactionFormType":
            form_type = _text(c) or None
        elif tag == "transactionCode":
            code = _text(c).upper() or None
        elif tag == "equitySwapInvolved":
            swap = _to_bool(_text(c), ctx, f"{where}.equitySwapInvolved")
        elif tag == "footnoteId":
            fid = c.get("id")
            if fid:
                fns.append(fid.strip())
        elif isinstance(tag, str):
            ctx.keep_unknown(c, f"{where}.{tag}")
    return Coding(form_type, code, swap, tuple(fns))


def _fill_row(el: Any, allowed: frozenset[str], kw: dict[str, Any], ctx: _Ctx, where: str) -> None:
    for c in el:
        tag = c.tag
        spec = _ROW_FIELDS.get(tag)
        if spec is not None:
            attr, conv = spec
            if attr in allowed:
                v = _wrapped(c, conv, ctx, f"{where}.{tag}")
                if attr in kw and kw[attr].present:
                    ctx.keep_unknown(c, f"{where}.{tag}")  # a repeated element: keep the first
                else:
                    kw[attr] = v
                continue
        elif tag in _CONTAINERS:
            _fill_row(c, allowed, kw, ctx, where)
            continue
        elif tag == "transactionCoding" and "coding" in allowed:
            kw["coding"] = _coding(c, ctx, where)
            continue
        if isinstance(tag, str):
            ctx.keep_unknown(c, f"{where}.{tag}")


def _table(el: Any, ctx: _Ctx, out: dict[str, list[Any]], counters: dict[str, int]) -> None:
    for c in el:
        tag = c.tag
        spec = _ROW_CLASSES.get(tag)
        if spec is None:
            if isinstance(tag, str):
                ctx.keep_unknown(c, f"{el.tag}.{tag}")
            continue
        cls, allowed = spec
        n = counters[tag] = counters.get(tag, 0) + 1
        where = f"{tag}[{n}]"
        n_notes, n_unknown = len(ctx.notes), len(ctx.unknown)
        try:
            kw = _read_row(c, allowed, _ROW_FIELDS, _CONTAINERS, ctx)
        except GiveUp:
            # Not schema-shaped: read it the general way (and forget what the fast path collected).
            del ctx.notes[n_notes:], ctx.unknown[n_unknown:]
            kw = {}
            _fill_row(c, allowed, kw, ctx, where)
        out[tag].append(build(cls, _ROW_SPECS[cls], kw))


_ROW_SPECS = {cls: slot_spec(cls) for cls, _ in _ROW_CLASSES.values()}
_FILING_SPEC = slot_spec(Filing)
_ISSUER_SPEC = slot_spec(Issuer)
_FOOTNOTE_SPEC = slot_spec(Footnote)
_SIGNATURE_SPEC = slot_spec(Signature)
_OWNER_SPEC = slot_spec(ReportingOwner)


# -- header parts ----------------------------------------------------------------------------------------


def _issuer(el: Any, ctx: _Ctx) -> Issuer:
    kw: dict[str, str | None] = {}
    for c in el:
        tag = c.tag
        if tag == "issuerCik":
            kw["cik"] = _text(c)
        elif tag == "issuerName":
            kw["name"] = _text(c) or None
        elif tag == "issuerTradingSymbol":
            kw["trading_symbol"] = _text(c) or None
        elif tag == "issuerForeignTradingSymbol":
            kw["foreign_trading_symbol"] = _text(c) or None
        elif isinstance(tag, str):
            ctx.keep_unknown(c, f"issuer.{tag}")
    kw.setdefault("cik", "")
    issuer: Issuer = build(Issuer, _ISSUER_SPEC, kw)
    return issuer


_ADDRESS_FIELDS = {
    "rptOwnerStreet1": "street1",
    "rptOwnerStreet2": "street2",
    "rptOwnerCity": "city",
    "rptOwnerState": "state",
    "rptOwnerZipCode": "zip_code",
    "rptOwnerStateDescription": "state_description",
    "rptOwnerNonUSStateTerritory": "non_us_state_territory",
    "rptOwnerCountry": "country",
}
_ADDRESS_SPEC = slot_spec(Address)
_RELATIONSHIP_SPEC = slot_spec(Relationship)
_NO_RELATIONSHIP = Relationship()
_TRUE = frozenset(("1", "true", "y", "yes", "x"))
_FALSE = frozenset(("0", "false", "n", "no"))
_REL_FLAGS = {
    "isDirector": "is_director",
    "isOfficer": "is_officer",
    "isTenPercentOwner": "is_ten_percent_owner",
    "isOther": "is_other",
}


def _owner(el: Any, ctx: _Ctx, n: int) -> ReportingOwner:
    cik = name = ccc = None
    address: Address | None = None
    rel = _NO_RELATIONSHIP
    for part in el:
        tag = part.tag
        if tag == "reportingOwnerId":
            for c in part:
                t = c.tag
                if t == "rptOwnerCik":
                    cik = _text(c) or None
                elif t == "rptOwnerName":
                    name = _text(c) or None
                elif t == "rptOwnerCcc":
                    ccc = _text(c) or None
                elif isinstance(t, str):
                    ctx.keep_unknown(c, f"reportingOwner[{n}].reportingOwnerId.{t}")
        elif tag == "reportingOwnerAddress":
            akw: dict[str, Any] = {}
            for c in part:
                t = c.tag
                attr = _ADDRESS_FIELDS.get(t)
                if attr is not None:
                    akw[attr] = _text(c) or None
                elif t == "rptOwnerNonUSAddressFlag":
                    akw["non_us"] = _to_bool(_text(c), ctx, f"reportingOwner[{n}].{t}")
                elif t == "rptOwnerGoodAddress":
                    akw["good_address"] = _to_bool(_text(c), ctx, f"reportingOwner[{n}].{t}")
                elif isinstance(t, str):
                    ctx.keep_unknown(c, f"reportingOwner[{n}].reportingOwnerAddress.{t}")
            address = build(Address, _ADDRESS_SPEC, akw)
        elif tag == "reportingOwnerRelationship":
            rkw: dict[str, Any] = {}
            for c in part:
                t = c.tag
                attr = _REL_FLAGS.get(t)
                if attr is not None:
                    raw = _text(c)
                    low = raw.lower()
                    if low in _TRUE:
                        rkw[attr] = True
                    elif not low or low in _FALSE:
                        rkw[attr] = False  # absent or empty means not checked
                    else:
                        rkw[attr] = bool(_to_bool(raw, ctx, f"reportingOwner[{n}].{t}"))
                elif t == "officerTitle":
                    rkw["officer_title"] = _text(c) or None
                elif t == "otherText":
                    rkw["other_text"] = _text(c) or None
                elif isinstance(t, str):
                    ctx.keep_unknown(c, f"reportingOwner[{n}].reportingOwnerRelationship.{t}")
            rel = build(Relationship, _RELATIONSHIP_SPEC, rkw)
        elif isinstance(tag, str):
            ctx.keep_unknown(part, f"reportingOwner[{n}].{tag}")
    owner: ReportingOwner = build(
        ReportingOwner, _OWNER_SPEC, {"cik": cik, "name": name, "ccc": ccc, "address": address, "relationship": rel}
    )
    return owner


def _mixed_text(el: Any, ctx: _Ctx) -> str:
    """The text of an element with mixed content (footnotes may hold stray markup)."""
    if len(el) == 0:
        return (el.text or "").strip()
    if ctx.blanks_removed:
        raise _KeepBlanks  # the spaces between inner elements are part of the text
    return "".join(el.itertext()).strip()


# -- the document ----------------------------------------------------------------------------------------


def _load(data: bytes, source: str, keep_blanks: bool = False) -> Any:
    # A single-byte search is a vectorised memchr; "<!" is searched for only when some "!" is there.
    if b"!" in data and b"<!" in data and _DTD_RE.search(data):
        raise ParseError("document type declarations and entities are refused (XXE protection)", source=source)
    try:
        return etree.fromstring(data, _parser(keep_blanks))
    except etree.XMLSyntaxError as e:
        # Some early (2003-04) filings carry an unescaped '&' in a name; mend only that, once.
        if b"&" in data:
            mended = _BARE_AMP_RE.sub(b"&amp;", data)
            if mended != data:
                try:
                    root = etree.fromstring(mended, _parser(keep_blanks))
                    root.set("{urn:section16}mended-ampersands", "1")
                    return root
                except etree.XMLSyntaxError:
                    pass
        line = e.lineno if isinstance(e.lineno, int) and e.lineno > 0 else None
        msg = str(e.msg) if getattr(e, "msg", None) else str(e)
        raise ParseError(f"not well-formed XML: {msg}", source=source, line=line) from None
    except ValueError as e:  # e.g. unicode strings with an encoding declaration
        raise ParseError(f"cannot parse XML: {e}", source=source) from None


def _strip_namespaces(root: Any) -> None:
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{"):
            el.tag = etree.QName(el).localname


def parse_ownership_xml(data: bytes, source: str | None = None, *, fmt: str = "xml") -> Filing:
    """Read one ``ownershipDocument`` from bytes. Raises :class:`ParseError` on anything unreadable."""
    src = source or "<bytes>"
    start = data.find(b"<")
    if start < 0:
        raise ParseError("no XML element found", source=src, line=1)
    if start:
        data = data[start:]  # EDGAR leaves white space (and sometimes a BOM) before <?xml
    root = _load(data, src)
    if root.tag == "edgarSubmission":
        return _from_edgar_submission(root, src, source, fmt)
    try:
        return filing_from_element(root, src, fmt=fmt, path=source, blanks_removed=True)
    except _KeepBlanks:
        return filing_from_element(_load(data, src, keep_blanks=True), src, fmt=fmt, path=source)


_OWNERSHIP_TYPES = frozenset(("3", "3/A", "4", "4/A", "5", "5/A"))


def _from_edgar_submission(root: Any, src: str, path: str | None, fmt: str) -> Filing:
    """The filer-built ``edgarSubmission``: the form's XML is base64 inside ``documentMimeBlock``."""
    docs: list[Document] = []
    form: bytes | None = None
    for el in root:
        if el.tag != "edgarDocument":
            continue
        fields = {c.tag: (c.text or "").strip() for c in el if isinstance(c.tag, str)}
        try:
            body = base64.b64decode("".join(fields.get("documentMimeBlock", "").split()), validate=True)
        except binascii.Error:
            raise ParseError("documentMimeBlock is not base64", source=src, line=el.sourceline) from None
        dtype = fields.get("documentType") or None
        docs.append(Document(dtype, len(docs) + 1, fields.get("documentName") or None,
                             fields.get("documentDescription") or None, len(body)))  # fmt: skip
        if form is None and (dtype or "").upper() in _OWNERSHIP_TYPES:
            form = body
    if form is None:
        raise ParseError("edgarSubmission holds no Form 3/4/5 document", source=src, line=root.sourceline)
    try:
        filing = parse_ownership_xml(form, path, fmt=fmt)
    except ParseError as e:
        raise ParseError(e.message, source=src, line=e.line, where="documentMimeBlock of the form") from None
    sub_type = root.findtext("submissionType")
    return replace(filing, submission=Submission(None, (sub_type or "").strip() or None, documents=tuple(docs)))


def with_submission(filing: Filing, submission: Submission) -> Filing:
    """``dataclasses.replace(filing, submission=submission)``, without the dataclass's __init__ where compiled."""
    if _replace_slot is not None:
        out: Filing = _replace_slot(filing, _FILING_SPEC, "submission", submission)
        return out
    return replace(filing, submission=submission)


def filing_from_element(
    root: Any, src: str, *, fmt: str = "xml", path: str | None = None, blanks_removed: bool = False
) -> Filing:
    """Build a Filing from a parsed ``ownershipDocument`` element (or a document containing one).

    ``blanks_removed``: the tree was parsed without the white space between elements; then this raises
    _KeepBlanks where that white space would matter, and the caller parses again keeping it.
    """
    tag = root.tag
    if not isinstance(tag, str):
        raise ParseError("no root element", source=src, line=1)
    if tag.startswith("{"):
        _strip_namespaces(root)
        tag = root.tag
    if tag != "ownershipDocument":
        found = root.find(".//ownershipDocument")
        if found is None:
            raise ParseError(
                f"root element is <{tag}>, not <ownershipDocument>: not a Form 3/4/5 document",
                source=src,
                line=root.sourceline,
            )
        root = found

    if _read_document is not None:
        # The compiled reader takes every schema-shaped document; at anything else it gives up and
        # the reading below, which it mirrors, reads the document.
        try:
            filing: Filing = _read_document(root, _Ctx(blanks_removed), Source(path, fmt))
            return filing
        except GiveUp:
            pass
    ctx = _Ctx(blanks_removed)
    if root.get("{urn:section16}mended-ampersands"):
        ctx.notes.append(Note("ownershipDocument", "unescaped '&' in the XML was read as a literal '&'"))
    kw: dict[str, Any] = {}
    owners: list[ReportingOwner] = []
    rows: dict[str, list[Any]] = {k: [] for k in _ROW_CLASSES}
    counters: dict[str, int] = {}
    footnotes: list[Footnote] = []
    signatures: list[Signature] = []

    for el in root:
        tag = el.tag
        if tag == "reportingOwner":
            owners.append(_owner(el, ctx, len(owners) + 1))
        elif tag == "nonDerivativeTable" or tag == "derivativeTable":
            _table(el, ctx, rows, counters)
        elif tag == "footnotes":
            for f in el:
                if f.tag == "footnote":
                    fid = (f.get("id") or "").strip()
                    if not fid:
                        ctx.notes.append(Note(f"footnotes.footnote[{len(footnotes) + 1}]", "footnote without id"))
                    footnotes.append(build(Footnote, _FOOTNOTE_SPEC, {"id": fid, "text": _mixed_text(f, ctx)}))
                elif isinstance(f.tag, str):
                    ctx.keep_unknown(f, f"footnotes.{f.tag}")
        elif tag == "ownerSignature":
            sname: str | None = None
            sdate: date | None = None
            n = len(signatures) + 1
            for c in el:
                if c.tag == "signatureName":
                    sname = _text(c) or None
                elif c.tag == "signatureDate":
                    sdate = _to_date(_text(c), ctx, f"ownerSignature[{n}].signatureDate")
                elif isinstance(c.tag, str):
                    ctx.keep_unknown(c, f"ownerSignature[{n}].{c.tag}")
            signatures.append(build(Signature, _SIGNATURE_SPEC, {"name": sname, "date": sdate}))
        elif tag == "issuer":
            kw["issuer"] = _issuer(el, ctx)
        else:
            handler = _TOP.get(tag)
            if handler is not None:
                attr, conv = handler
                kw[attr] = conv(_text(el), ctx, tag)
            elif tag == "remarks":
                kw["remarks"] = _mixed_text(el, ctx) or None
            elif isinstance(tag, str):
                ctx.keep_unknown(el, tag)

    doc_type = kw.pop("document_type", None)
    if not doc_type:
        raise ParseError("ownershipDocument has no documentType", source=src, line=root.sourceline)
    if "issuer" not in kw:
        ctx.notes.append(Note("issuer", "no issuer element"))
        kw["issuer"] = Issuer(cik="")

    kw["document_type"] = doc_type
    kw["reporting_owners"] = tuple(owners)
    kw["non_derivative_transactions"] = tuple(rows["nonDerivativeTransaction"])
    kw["non_derivative_holdings"] = tuple(rows["nonDerivativeHolding"])
    kw["derivative_transactions"] = tuple(rows["derivativeTransaction"])
    kw["derivative_holdings"] = tuple(rows["derivativeHolding"])
    kw["footnotes"] = tuple(footnotes)
    kw["signatures"] = tuple(signatures)
    kw["unknown"] = tuple(ctx.unknown)
    kw["notes"] = tuple(ctx.notes)
    kw["source"] = Source(path, fmt)
    filing = build(Filing, _FILING_SPEC, kw)
    return filing


_TOP: dict[str, tuple[str, Conv]] = {
    "schemaVersion": ("schema_version", _to_str),
    "documentType": ("document_type", _to_str),
    "periodOfReport": ("period_of_report", _to_date),
    "dateOfOriginalSubmission": ("date_of_original_submission", _to_date),
    "noSecuritiesOwned": ("no_securities_owned", _to_bool),
    "notSubjectToSection16": ("not_subject_to_section16", _to_bool),
    "form3HoldingsReported": ("form3_holdings_reported", _to_bool),
    "form4TransactionsReported": ("form4_transactions_reported", _to_bool),
    "aff10b5One": ("aff10b5one", _to_bool),
}


if COMPILED:
    _xml_c.configure(
        {
            **_ROW_SPECS,
            Filing: _FILING_SPEC,
            Issuer: _ISSUER_SPEC,
            Footnote: _FOOTNOTE_SPEC,
            Signature: _SIGNATURE_SPEC,
            ReportingOwner: _OWNER_SPEC,
            Address: _ADDRESS_SPEC,
            Relationship: _RELATIONSHIP_SPEC,
        },
        top=_TOP,
        row_classes={tag: (cls, allowed) for tag, (cls, allowed) in _ROW_CLASSES.items()},
        row_specs=_ROW_SPECS,
        row_fields=_ROW_FIELDS,
        containers=_CONTAINERS,
        address_fields=_ADDRESS_FIELDS,
        rel_flags=_REL_FLAGS,
        true=_TRUE,
        false=_FALSE,
        no_relationship=_NO_RELATIONSHIP,
        to_bool=_to_bool,
        to_date=_to_date,
        Issuer=Issuer,
        issuer_spec=_ISSUER_SPEC,
        Address=Address,
        address_spec=_ADDRESS_SPEC,
        Relationship=Relationship,
        relationship_spec=_RELATIONSHIP_SPEC,
        ReportingOwner=ReportingOwner,
        owner_spec=_OWNER_SPEC,
        Footnote=Footnote,
        footnote_spec=_FOOTNOTE_SPEC,
        Signature=Signature,
        signature_spec=_SIGNATURE_SPEC,
        Filing=Filing,
        filing_spec=_FILING_SPEC,
    )

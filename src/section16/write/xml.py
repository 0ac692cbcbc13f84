"""Filing -> EDGAR ``ownershipDocument`` XML, in two modes.

``mode="current"`` (the default) writes what a filer sends to EDGAR today: the X0609 document that
validates against the v5.5 schemas. It leaves out the elements EDGAR fills in itself (the spec's *NA*
elements: ``schemaVersion``, ``issuerName``, ``rptOwnerName``, ``noSecuritiesOwned``,
``form3HoldingsReported``, ``form4TransactionsReported``, ``rptOwnerStateDescription``,
``rptOwnerGoodAddress``), the elements a form does not have, and every empty value (EDGAR suspends a
filing with an empty date, boolean or number element). :func:`for_current` says exactly what that
Filing becomes, so ``parse(to_xml(f)) == for_current(f)``.

``mode="own"`` writes a *disseminated copy* in the filing's own schema version: every element the
Filing holds, NA elements included, values the reader could not type written back as filed, and the
elements the schema does not know put back where they were. ``parse(to_xml(f, mode="own")) == f``.

Either way the elements follow the XSD sequences, all text is escaped by lxml, and nothing is read
from or written to disk here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Literal

from lxml import etree

from ..errors import WriteError
from ..model import (
    EMPTY,
    Address,
    Coding,
    DerivativeHolding,
    DerivativeTransaction,
    Filing,
    Issuer,
    NonDerivativeHolding,
    NonDerivativeTransaction,
    ReportingOwner,
    Row,
    Value,
)

Mode = Literal["current", "own"]

#: The schema version a filer writes today (EDGAR release 26.1, spec v5.5).
CURRENT_SCHEMA_VERSION = "X0609"

_FORMS = ("3", "3/A", "4", "4/A", "5", "5/A")

# -- row layouts: the XSD sequences, as data --------------------------------------------------------------
# An entry is (element, attribute) for a value field, (group, [entries]) for a container, or
# ("transactionCoding", None).
_Entry = tuple[str, Any]

_AMOUNTS_ND: list[_Entry] = [
    ("transactionShares", "shares"),
    ("transactionPricePerShare", "price_per_share"),
    ("transactionAcquiredDisposedCode", "acquired_disposed"),
]
_AMOUNTS_D: list[_Entry] = [
    ("transactionShares", "shares"),
    ("transactionTotalValue", "total_value"),
    ("transactionPricePerShare", "price_per_share"),
    ("transactionAcquiredDisposedCode", "acquired_disposed"),
]
_POST: _Entry = (
    "postTransactionAmounts",
    [
        ("sharesOwnedFollowingTransaction", "shares_owned_after"),
        ("valueOwnedFollowingTransaction", "value_owned_after"),
    ],
)
_NATURE: _Entry = (
    "ownershipNature",
    [("directOrIndirectOwnership", "direct_indirect"), ("natureOfOwnership", "nature_of_ownership")],
)
_UNDERLYING: _Entry = (
    "underlyingSecurity",
    [
        ("underlyingSecurityTitle", "underlying_title"),
        ("underlyingSecurityShares", "underlying_shares"),
        ("underlyingSecurityValue", "underlying_value"),
    ],
)
_CODING: _Entry = ("transactionCoding", None)

_LAYOUTS: dict[type, tuple[str, list[_Entry]]] = {
    NonDerivativeTransaction: (
        "nonDerivativeTransaction",
        [
            ("securityTitle", "security_title"),
            ("transactionDate", "transaction_date"),
            ("deemedExecutionDate", "deemed_execution_date"),
            _CODING,
            ("transactionTimeliness", "timeliness"),
            ("transactionAmounts", _AMOUNTS_ND),
            _POST,
            _NATURE,
        ],
    ),
    NonDerivativeHolding: (
        "nonDerivativeHolding",
        [("securityTitle", "security_title"), _CODING, _POST, _NATURE],
    ),
    DerivativeTransaction: (
        "derivativeTransaction",
        [
            ("securityTitle", "security_title"),
            ("conversionOrExercisePrice", "conversion_or_exercise_price"),
            ("transactionDate", "transaction_date"),
            ("deemedExecutionDate", "deemed_execution_date"),
            _CODING,
            ("transactionTimeliness", "timeliness"),
            ("transactionAmounts", _AMOUNTS_D),
            ("exerciseDate", "exercise_date"),
            ("expirationDate", "expiration_date"),
            _UNDERLYING,
            _POST,
            _NATURE,
        ],
    ),
    DerivativeHolding: (
        "derivativeHolding",
        [
            ("securityTitle", "security_title"),
            ("conversionOrExercisePrice", "conversion_or_exercise_price"),
            _CODING,
            ("exerciseDate", "exercise_date"),
            ("expirationDate", "expiration_date"),
            _UNDERLYING,
            _POST,
            _NATURE,
        ],
    ),
}

_ADDRESS_LAYOUT = (
    ("rptOwnerNonUSAddressFlag", "non_us"),
    ("rptOwnerStreet1", "street1"),
    ("rptOwnerStreet2", "street2"),
    ("rptOwnerCity", "city"),
    ("rptOwnerNonUSStateTerritory", "non_us_state_territory"),
    ("rptOwnerState", "state"),
    ("rptOwnerCountry", "country"),
    ("rptOwnerZipCode", "zip_code"),
    ("rptOwnerStateDescription", "state_description"),
    ("rptOwnerGoodAddress", "good_address"),
)
_RELATIONSHIP_FLAGS = (
    ("isDirector", "is_director"),
    ("isOfficer", "is_officer"),
    ("isTenPercentOwner", "is_ten_percent_owner"),
    ("isOther", "is_other"),
)


# -- scalars ----------------------------------------------------------------------------------------------


def format_decimal(d: Decimal) -> str:
    """A Decimal as ``xs:decimal`` text: never an exponent, at most the digits it was filed with."""
    text = format(d, "f")
    exponent = d.as_tuple().exponent
    if "." in text and isinstance(exponent, int) and exponent < -4:
        # More places than EDGAR's four: drop trailing zeros only; real extra digits stay (the check flags them).
        text = text.rstrip("0").rstrip(".")
    return text


def _scalar(v: object) -> str:
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, Decimal):
        return format_decimal(v)
    if isinstance(v, date):
        return v.isoformat()
    return str(v)


# -- the builder ------------------------------------------------------------------------------------------


class _Builder:
    """Builds the element tree, remembering where each model path went (for unknown elements)."""

    def __init__(self, filing: Filing, mode: Mode) -> None:
        self.f = filing
        self.own = mode == "own"
        # Own mode: a value the reader could not type is written back as filed (path -> text).
        self.as_filed: dict[str, str] = {}
        if self.own:
            for n in filing.notes:
                if n.text is not None:
                    self.as_filed[n.where] = n.text
        self.places: dict[str, Any] = {}

    # Elements are created with lxml's factory so all text is escaped; a string lxml refuses (a control
    # character, say) becomes a WriteError naming the place.
    def sub(self, parent: Any, tag: str, text: str | None = None, where: str = "") -> Any:
        el = etree.SubElement(parent, tag)
        if text is not None:
            try:
                el.text = text
            except ValueError as e:
                raise WriteError(f"{where or tag}: {e} (text {text[:40]!r})") from None
        return el

    def scalar(self, parent: Any, tag: str, value: object, where: str) -> None:
        text = self.as_filed.get(where)
        if text is None and value is not None:
            text = _scalar(value)
        if text is not None:
            self.sub(parent, tag, text, where)

    def wrapped(self, parent: Any, tag: str, v: Value[Any], where: str) -> None:
        text = self.as_filed.get(where)
        if text is None and v.value is not None:
            text = _scalar(v.value)
        if text is None and not v.footnote_ids:
            return
        el = self.sub(parent, tag)
        self.places[where] = el
        if text is not None:
            self.sub(el, "value", text, where)
        for fid in v.footnote_ids:
            self.sub(el, "footnoteId").set("id", fid)

    # -- document parts ---------------------------------------------------------------------------------

    def document(self) -> Any:
        f = self.f
        form = f.document_type.strip().upper()
        own = self.own
        root = etree.Element("ownershipDocument")
        self.places[""] = root
        if own:
            self.scalar(root, "schemaVersion", f.schema_version, "schemaVersion")
        self.scalar(root, "documentType", f.document_type, "documentType")
        self.scalar(root, "periodOfReport", f.period_of_report, "periodOfReport")
        if own or form.endswith("/A"):
            self.scalar(root, "dateOfOriginalSubmission", f.date_of_original_submission, "dateOfOriginalSubmission")
        if own:
            self.scalar(root, "noSecuritiesOwned", f.no_securities_owned, "noSecuritiesOwned")
        if own or not form.startswith("3"):
            self.scalar(root, "notSubjectToSection16", f.not_subject_to_section16, "notSubjectToSection16")
        if own:
            self.scalar(root, "form3HoldingsReported", f.form3_holdings_reported, "form3HoldingsReported")
            self.scalar(root, "form4TransactionsReported", f.form4_transactions_reported, "form4TransactionsReported")
        self.issuer(root, f.issuer)
        for i, o in enumerate(f.reporting_owners, 1):
            self.owner(root, o, i)
        self.scalar(root, "aff10b5One", f.aff10b5one, "aff10b5One")
        self.table(root, "nonDerivativeTable", (*f.non_derivative_transactions, *f.non_derivative_holdings))
        self.table(root, "derivativeTable", (*f.derivative_transactions, *f.derivative_holdings))
        if f.footnotes or (own and "footnotes" in self._unknown_parents()):
            fel = self.sub(root, "footnotes")
            self.places["footnotes"] = fel
            for fn in f.footnotes:
                el = self.sub(fel, "footnote", fn.text or None, f"footnote {fn.id}")
                if fn.id:
                    el.set("id", fn.id)
        self.scalar(root, "remarks", f.remarks, "remarks")
        for i, s in enumerate(f.signatures, 1):
            where = f"ownerSignature[{i}]"
            sel = self.sub(root, "ownerSignature")
            self.places[where] = sel
            self.scalar(sel, "signatureName", s.name, f"{where}.signatureName")
            self.scalar(sel, "signatureDate", s.date, f"{where}.signatureDate")
        if own:
            self.put_unknown()
        return root

    def issuer(self, root: Any, issuer: Issuer) -> None:
        el = self.sub(root, "issuer")
        self.places["issuer"] = el
        if issuer.cik or not self.own:
            self.sub(el, "issuerCik", issuer.cik or None, "issuer.issuerCik")
        if self.own:
            self.scalar(el, "issuerName", issuer.name, "issuer.issuerName")
        self.scalar(el, "issuerTradingSymbol", issuer.trading_symbol, "issuer.issuerTradingSymbol")
        foreign = issuer.foreign_trading_symbol
        self.scalar(el, "issuerForeignTradingSymbol", foreign, "issuer.issuerForeignTradingSymbol")

    def owner(self, root: Any, o: ReportingOwner, n: int) -> None:
        where = f"reportingOwner[{n}]"
        el = self.sub(root, "reportingOwner")
        self.places[where] = el
        rid = self.sub(el, "reportingOwnerId")
        self.places[f"{where}.reportingOwnerId"] = rid
        self.scalar(rid, "rptOwnerCik", o.cik, f"{where}.rptOwnerCik")
        self.scalar(rid, "rptOwnerCcc", o.ccc, f"{where}.rptOwnerCcc")
        if self.own:
            self.scalar(rid, "rptOwnerName", o.name, f"{where}.rptOwnerName")
        if o.address is not None:
            self.address(el, o.address, where)
        rel = self.sub(el, "reportingOwnerRelationship")
        self.places[f"{where}.reportingOwnerRelationship"] = rel
        r = o.relationship
        for tag, attr in _RELATIONSHIP_FLAGS:
            self.scalar(rel, tag, getattr(r, attr), f"{where}.{tag}")
        self.scalar(rel, "officerTitle", r.officer_title, f"{where}.officerTitle")
        self.scalar(rel, "otherText", r.other_text, f"{where}.otherText")

    def address(self, owner_el: Any, a: Address, where: str) -> None:
        skip = () if self.own else ("state_description", "good_address")
        values = [(tag, getattr(a, attr)) for tag, attr in _ADDRESS_LAYOUT if attr not in skip]
        if not self.own and all(v is None for _, v in values):
            return  # nothing to send: EDGAR then uses the address of record
        el = self.sub(owner_el, "reportingOwnerAddress")
        self.places[f"{where}.reportingOwnerAddress"] = el
        for tag, v in values:
            self.scalar(el, tag, v, f"{where}.{tag}")

    def table(self, root: Any, tag: str, rows: Sequence[Row]) -> None:
        if not rows and not (self.own and tag in self._unknown_parents()):
            return
        tel = self.sub(root, tag)
        self.places[tag] = tel
        counters: dict[str, int] = {}
        for row in rows:
            row_tag, layout = _LAYOUTS[type(row)]
            n = counters[row_tag] = counters.get(row_tag, 0) + 1
            where = f"{row_tag}[{n}]"
            rel = self.sub(tel, row_tag)
            self.places[where] = rel
            self.entries(rel, row, layout, where)

    def entries(self, parent: Any, row: Row, layout: Iterable[_Entry], where: str) -> None:
        for tag, spec in layout:
            if spec is None:
                coding = getattr(row, "coding", None)
                if coding is not None:
                    self.coding(parent, coding, f"{where}.transactionCoding")
            elif isinstance(spec, list):
                group = etree.Element(tag)
                self.entries(group, row, spec, where)
                if len(group):
                    parent.append(group)
            else:
                self.wrapped(parent, tag, getattr(row, spec), f"{where}.{tag}")

    def coding(self, parent: Any, c: Coding, where: str) -> None:
        el = self.sub(parent, "transactionCoding")
        self.places[where] = el
        self.scalar(el, "transactionFormType", c.form_type, f"{where}.transactionFormType")
        self.scalar(el, "transactionCode", c.code, f"{where}.transactionCode")
        self.scalar(el, "equitySwapInvolved", c.equity_swap_involved, f"{where}.equitySwapInvolved")
        for fid in c.footnote_ids:
            self.sub(el, "footnoteId").set("id", fid)

    # -- elements the schema does not know (own mode) ---------------------------------------------------

    def _unknown_parents(self) -> set[str]:
        return {u.where.rpartition(".")[0] for u in self.f.unknown}

    def put_unknown(self) -> None:
        for u in self.f.unknown:
            parent_path = u.where.rpartition(".")[0]
            parent = self.places.get(parent_path)
            if parent is None:
                raise WriteError(f"cannot place the unknown element kept at {u.where!r}: its parent was not written")
            try:
                el = etree.fromstring(u.xml, _safe_parser())
            except etree.XMLSyntaxError as e:
                raise WriteError(f"the unknown element kept at {u.where!r} is not well-formed XML: {e}") from None
            parent.append(el)


@cache
def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_pis=True)


# -- the current-schema form of a Filing -------------------------------------------------------------------


def _move_footnotes(v: Value[Any], extra: tuple[str, ...]) -> Value[Any]:
    ids = v.footnote_ids + tuple(x for x in extra if x not in v.footnote_ids)
    return Value(v.value, ids) if (v.value is not None or ids) else EMPTY


def _current_coding(c: Coding | None, form: str, *, holding: bool) -> Coding | None:
    if holding:
        # Only Form 5 holdings carry a coding (transactionFormType 3 marks a late Form-3 holding).
        if c is None or not form.startswith("5"):
            return None
        if c.form_type is None and not c.footnote_ids:
            return None
        return Coding(form_type=c.form_type, footnote_ids=c.footnote_ids)
    if form.startswith("3"):
        return None
    c = c or Coding()
    return Coding(
        form_type=c.form_type or form[0],
        code=c.code,
        equity_swap_involved=bool(c.equity_swap_involved),
        footnote_ids=c.footnote_ids,
    )


def _current_row(row: Row, form: str) -> Row:
    """One row as the v5.5 schema of ``form`` can hold it; footnotes without a slot move to the same column."""
    r: Any = row
    holding = isinstance(row, NonDerivativeHolding | DerivativeHolding)
    coding = getattr(row, "coding", None)
    lost = coding.footnote_ids if (coding is not None and holding and not form.startswith("5")) else ()
    changes: dict[str, Any] = {}
    if "coding" in r.__dataclass_fields__:
        changes["coding"] = _current_coding(coding, form, holding=holding)
    if lost:  # a Form 3/4 holding has no coding: its footnotes go to the title, the same line of the form
        changes["security_title"] = _move_footnotes(r.security_title, lost)
    if isinstance(row, DerivativeTransaction) and row.acquired_disposed.footnote_ids:
        # The schema gives a derivative's A/D code no footnote slot; column 5 also holds the amount.
        target = "shares" if row.shares.present or not row.total_value.present else "total_value"
        changes[target] = _move_footnotes(getattr(row, target), row.acquired_disposed.footnote_ids)
        changes["acquired_disposed"] = Value(row.acquired_disposed.value)
    if isinstance(row, NonDerivativeTransaction | DerivativeTransaction):
        t = row.timeliness
        value = t.value or None
        ids = t.footnote_ids
        if ids and form.startswith("5"):  # no footnotes on a Form 5 timeliness: same column as the code
            c = changes.get("coding") or coding
            if c is not None:
                changes["coding"] = dataclasses.replace(c, footnote_ids=c.footnote_ids + ids)
            ids = ()
        changes["timeliness"] = Value(value, ids) if (value or ids) else EMPTY
    if isinstance(row, DerivativeHolding) and form.startswith("3"):
        # A Form 3 derivative holding has no "owned following" column (the underlying amount is the holding).
        changes["shares_owned_after"] = EMPTY
        changes["value_owned_after"] = EMPTY
    return dataclasses.replace(r, **changes) if changes else row


@cache
def _address_codes() -> tuple[frozenset[str], frozenset[str]]:
    """The v5.5 schema's ``rptOwnerState`` and ``rptOwnerCountry`` enumerations."""
    ref = resources.files("section16") / "data" / "xsd" / "v5.5" / "ownershipDocumentCommon.xsd.xml"
    doc = etree.fromstring(ref.read_bytes(), _safe_parser())
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}

    def enum(name: str) -> frozenset[str]:
        values: Any = doc.xpath(f".//xs:element[@name='{name}']//xs:enumeration/@value", namespaces=ns)
        return frozenset(str(v) for v in values if str(v).strip())

    return enum("rptOwnerState"), enum("rptOwnerCountry")


def _current_address(a: Address | None) -> Address | None:
    if a is None:
        return None
    a = dataclasses.replace(a, state_description=None, good_address=None)
    states, countries = _address_codes()
    if a.state and a.state not in states and a.state in countries and not a.country:
        # Before X0609 a foreign address put its country code in rptOwnerState; the current schema
        # has the non-US flag and rptOwnerCountry for it.
        a = dataclasses.replace(a, non_us=True, country=a.state, state=None)
    return None if a == Address() else a


def for_current(filing: Filing) -> Filing:
    """The Filing a current-schema document says: what :func:`to_xml` writes and a reader gets back.

    NA elements are cleared, form-specific elements kept only on their forms, schema-mandated flags
    given their default (``aff10b5One`` and ``equitySwapInvolved`` false, ``transactionFormType`` the
    form's own number), a foreign country filed as a state code moved to the non-US address fields,
    and footnotes on fields the schema gives no footnote slot moved to the field
    that shares their column on the printed form.
    """
    form = filing.document_type.strip().upper()
    is3 = form.startswith("3")
    owners = [dataclasses.replace(o, name=None, address=_current_address(o.address)) for o in filing.reporting_owners]
    return dataclasses.replace(
        filing,
        document_type=form,
        schema_version=None,
        date_of_original_submission=filing.date_of_original_submission if form.endswith("/A") else None,
        no_securities_owned=None,
        not_subject_to_section16=None if is3 else filing.not_subject_to_section16,
        form3_holdings_reported=None,
        form4_transactions_reported=None,
        aff10b5one=filing.aff10b5one if is3 else bool(filing.aff10b5one),
        issuer=dataclasses.replace(filing.issuer, name=None),
        reporting_owners=tuple(owners),
        non_derivative_transactions=tuple(_current_row(r, form) for r in filing.non_derivative_transactions),  # type: ignore[misc]
        non_derivative_holdings=tuple(_current_row(r, form) for r in filing.non_derivative_holdings),  # type: ignore[misc]
        derivative_transactions=tuple(_current_row(r, form) for r in filing.derivative_transactions),  # type: ignore[misc]
        derivative_holdings=tuple(_current_row(r, form) for r in filing.derivative_holdings),  # type: ignore[misc]
        unknown=(),
        notes=(),
        # The XML holds the form alone: no submission header, and nothing a page reading missed.
        submission=None,
        missing=(),
    )


# -- public functions ---------------------------------------------------------------------------------------


def to_element(filing: Filing, *, mode: Mode = "current") -> Any:
    """The ``ownershipDocument`` element for ``filing`` (see the module docstring for the modes)."""
    if mode not in ("current", "own"):
        raise WriteError(f"unknown XML mode {mode!r}: use 'current' or 'own'")
    if mode == "current":
        form = filing.document_type.strip().upper()
        if form not in _FORMS:
            raise WriteError(f"document type {filing.document_type!r} is not one of {', '.join(_FORMS)}")
        filing = for_current(filing)
    return _Builder(filing, mode).document()


def to_xml(filing: Filing, *, mode: Mode = "current", pretty: bool = True) -> bytes:
    """The document as bytes: ``<?xml version="1.0"?>`` then ASCII XML (other characters as references)."""
    root = to_element(filing, mode=mode)
    body: bytes = etree.tostring(root, encoding="us-ascii", pretty_print=pretty)
    return b'<?xml version="1.0"?>\n' + body


# -- validation against the packaged v5.5 schemas -------------------------------------------------------------

_XSD_FILES = {
    "3": "ownership3Document.xsd.xml",
    "3/A": "ownership3ADocument.xsd.xml",
    "4": "ownership4Document.xsd.xml",
    "4/A": "ownership4ADocument.xsd.xml",
    "5": "ownership5Document.xsd.xml",
    "5/A": "ownership5ADocument.xsd.xml",
}


@cache
def _schema(document_type: str) -> etree.XMLSchema:
    name = _XSD_FILES[document_type]
    ref = resources.files("section16") / "data" / "xsd" / "v5.5" / name
    with resources.as_file(ref) as path:
        # The per-form XSD includes the common one by a relative path, so parse from the file.
        return etree.XMLSchema(etree.parse(str(path)))


def schema_errors(xml: bytes, document_type: str | None = None) -> list[str]:
    """The v5.5 XSD's complaints about a document (``line: message``); empty when it validates."""
    try:
        doc = etree.fromstring(xml, _safe_parser())
    except etree.XMLSyntaxError as e:
        return [f"{e.lineno}: not well-formed: {e.msg}"]
    if document_type is None:
        document_type = (doc.findtext("documentType") or "").strip().upper()
    if document_type not in _XSD_FILES:
        return [f"0: document type {document_type!r} has no schema"]
    schema = _schema(document_type)
    if schema.validate(doc):
        return []
    log: Any = schema.error_log
    return [f"{e.line}: {e.message}" for e in log]


__all__ = ["CURRENT_SCHEMA_VERSION", "Mode", "for_current", "format_decimal", "schema_errors", "to_element", "to_xml"]

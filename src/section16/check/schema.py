"""XSD validation with lxml, against the schema of the filing's own form and era.

EDGAR publishes the current schemas (v5.5, packaged in ``data/xsd/v5.5``) and we have the Form 4 and
4/A schemas of the X0306 era (``data/xsd/X0306``). A filing is held to the rules of its own schema
version, so the schema is picked from ``documentType`` and ``schemaVersion``:

===================  =========================  ==========================================================
schemaVersion        forms                      schema used
===================  =========================  ==========================================================
X0609 and later,     all                        v5.5 as published
or none (new input)
X0407 - X0508        all                        v5.5, with the pre-2026 ``rptOwnerState`` list (v5.5 moved
                                                the country codes to ``rptOwnerCountry``; before X0609 a
                                                foreign owner's country went in ``rptOwnerState``)
before X0407         4, 4/A                     X0306 as published
before X0407         3, 3/A, 5, 5/A             v5.5 with ``aff10b5One`` optional and the pre-2026 state
                                                list (no X0306 schemas of these forms exist; the 10b5-1
                                                box came with X0407 and is the only structural change)
===================  =========================  ==========================================================

The variants are built in memory from the packaged files (the ``xs:include`` of the common schema is
inlined, so nothing is resolved from disk or network at validation time) and compiled once.
"""

from __future__ import annotations

import copy
import functools
import re
from importlib import resources
from typing import Any

from lxml import etree

from .findings import Finding, finding

XS = "http://www.w3.org/2001/XMLSchema"
_NS = {"xs": XS}
_FILE_NAMES = {"3": "3", "3/A": "3A", "4": "4", "4/A": "4A", "5": "5", "5/A": "5A"}
CURRENT_FROM = "X0609"
AFF10B5ONE_FROM = "X0407"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _xsd_tree(era: str, name: str) -> Any:
    data = resources.files("section16").joinpath("data", "xsd", era, name).read_bytes()
    return etree.fromstring(data, _parser())


def _element(tree: Any, name: str) -> Any:
    found = tree.find(f".//{{{XS}}}element[@name='{name}']")
    if found is None:
        raise LookupError(f"schema has no element {name}")
    return found


@functools.cache
def _compiled(era: str, form_file: str, legacy_states: bool, optional_aff: bool) -> etree.XMLSchema:
    form = _xsd_tree(era, f"ownership{form_file}Document.xsd.xml")
    common = _xsd_tree(era, "ownershipDocumentCommon.xsd.xml")
    if legacy_states:
        old = _element(_xsd_tree("X0306", "ownershipDocumentCommon.xsd.xml"), "rptOwnerState")
        new = _element(common, "rptOwnerState")
        new.getparent().replace(new, copy.deepcopy(old))
    if optional_aff:
        _element(form, "aff10b5One").set("minOccurs", "0")
    include = form.find(f"{{{XS}}}include")
    if include is not None:
        at = form.index(include)
        form.remove(include)
        for i, child in enumerate(c for c in common if isinstance(c.tag, str)):
            form.insert(at + i, copy.deepcopy(child))
    return etree.XMLSchema(form)


def schema_label(document_type: str, schema_version: str | None) -> str:
    """Which schema a document is held to (see the module docstring), e.g. ``v5.5 (pre-2026 states)``."""
    _, label = _choose(document_type, schema_version)
    return label


def _choose(document_type: str, schema_version: str | None) -> tuple[etree.XMLSchema, str]:
    form_file = _FILE_NAMES[document_type]
    version = (schema_version or "").strip().upper()
    if not version or version >= CURRENT_FROM:
        return _compiled("v5.5", form_file, False, False), "v5.5"
    if version >= AFF10B5ONE_FROM:
        return _compiled("v5.5", form_file, True, False), "v5.5 with the pre-X0609 state list"
    if document_type in ("4", "4/A"):
        return _compiled("X0306", form_file, False, False), "X0306"
    return _compiled("v5.5", form_file, True, True), "v5.5 with aff10b5One optional and the pre-X0609 state list"


# -- messages ------------------------------------------------------------------------------------------

_CONTAINERS = frozenset(
    (
        "ownershipDocument",
        "nonDerivativeTable",
        "derivativeTable",
        "transactionAmounts",
        "postTransactionAmounts",
        "ownershipNature",
        "underlyingSecurity",
        "value",
    )
)
_INDEXED = frozenset(
    (
        "reportingOwner",
        "nonDerivativeTransaction",
        "nonDerivativeHolding",
        "derivativeTransaction",
        "derivativeHolding",
        "ownerSignature",
        "footnote",
    )
)
_STEP_RE = re.compile(r"^([A-Za-z0-9_]+)(?:\[(\d+)\])?$")


def where_from_xpath(path: str | None) -> str:
    """``/ownershipDocument/nonDerivativeTable/nonDerivativeTransaction[2]/transactionAmounts/x/value`` ->
    ``nonDerivativeTransaction[2].x``: the field-path style of every other finding."""
    parts: list[str] = []
    for step in (path or "").strip("/").split("/"):
        m = _STEP_RE.match(step)
        if not m:
            continue
        name, index = m.group(1), m.group(2)
        if name in _CONTAINERS:
            continue
        parts.append(f"{name}[{index or 1}]" if name in _INDEXED else name)
    return ".".join(parts) or "ownershipDocument"


_SET_RE = re.compile(r"is not an element of the set \{.*\}", re.DOTALL)
_NOT_EXPECTED_RE = re.compile(r"^Element '([^']+)': This element is not expected\.(?: Expected is (.*)\.)?$")
_MISSING_RE = re.compile(r"^Element '([^']+)': Missing child element\(s\)\. Expected is (.*)\.$")
_ATOMIC_RE = re.compile(r"^Element '([^']+)': '(.*)' is not a valid value of the atomic type '([^']+)'\.$", re.DOTALL)
_TYPES = {"xs:date": "a date (YYYY-MM-DD)", "xs:boolean": "a boolean (1, 0, true, false)", "xs:decimal": "a number"}


def _group(text: str) -> str:
    # "one of ( value, footnoteId )" -> "one of value, footnoteId"
    return " ".join(text.replace("(", " ").replace(")", " ").split())


def plain_message(message: str, line: int | None) -> str:
    msg = message.strip()
    m = _NOT_EXPECTED_RE.match(msg)
    if m:
        expected = f"; expected {_group(m.group(2))}" if m.group(2) else ""
        msg = f"<{m.group(1)}> is not allowed here{expected}"
    elif (m := _MISSING_RE.match(msg)) is not None:
        msg = f"<{m.group(1)}> is incomplete; it needs {_group(m.group(2))}"
    elif (m := _ATOMIC_RE.match(msg)) is not None:
        kind = _TYPES.get(m.group(3), f"of type {m.group(3)}")
        msg = f"<{m.group(1)}> '{m.group(2)}' is not {kind}"
    else:
        msg = _SET_RE.sub("is not in the schema's list", msg)
    return f"{msg} (line {line})" if line else msg


# -- validation ----------------------------------------------------------------------------------------


def load(data: bytes) -> Any:
    """Parse XML bytes for validation (no entities, no network; processing instructions kept so they can
    be reported). Returns the ``ownershipDocument`` element; raises ``ValueError`` with a reason."""
    if re.search(rb"<!(DOCTYPE|ENTITY)", data[:65536], re.IGNORECASE):
        raise ValueError("document type declarations and entities are refused")
    start = data.find(b"<")
    try:
        root = etree.fromstring(data[max(start, 0) :], _parser())
    except etree.XMLSyntaxError as e:
        raise ValueError(f"not well-formed XML: {e}") from None
    if root.tag != "ownershipDocument":
        found = root.find(".//ownershipDocument")
        if found is None:
            raise ValueError(f"root element is <{root.tag}>, not <ownershipDocument>")
        root = found
    return root


def validate_element(root: Any) -> list[Finding]:
    """Findings for one parsed ``ownershipDocument``: processing instructions and XSD violations."""
    out: list[Finding] = []
    pis: list[Any] = [p for p in root.itersiblings(preceding=True) if isinstance(p, etree._ProcessingInstruction)]
    pis += list(root.iter(etree.PI))
    for pi in pis:
        target: str = pi.target
        out.append(
            finding("S16-E003", "ownershipDocument", f"processing instruction <?{target} ...?> (line {pi.sourceline})")
        )
    doc_type = (root.findtext("documentType") or "").strip()
    if doc_type not in _FILE_NAMES:
        out.append(finding("S16-E001", "documentType", f"no schema for document type '{doc_type}'"))
        return out
    schema, label = _choose(doc_type, root.findtext("schemaVersion"))
    if schema.validate(root):
        return out
    for err in schema.error_log:  # type: ignore[attr-defined]
        out.append(finding("S16-E001", where_from_xpath(err.path), f"{plain_message(err.message, err.line)} [{label}]"))
    return out


def validate_xml(data: bytes) -> list[Finding]:
    try:
        root = load(data)
    except ValueError as e:
        return [finding("S16-E002", "ownershipDocument", str(e))]
    return validate_element(root)

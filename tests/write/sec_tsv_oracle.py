"""An independent reading of an ownershipDocument into the SEC data-set tables, with lxml XPath.

It shares no code with section16's reader or writer: it pulls each column straight out of the XML by
its path (and out of a submission's header by regular expressions), so agreeing with it field for
field means the reader and the sec-tsv writer together kept what was filed. Rules it assumes, which
the data-set writer documents: dates ``DD-Mon-YYYY`` from the first ten characters of the filed date,
flags ``1``/``0``, numbers compared as exact decimals, text stripped with tabs and line breaks as
spaces, ``*_FN`` the field's ``footnoteId/@id`` joined with commas.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from lxml import etree

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_AMP = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")


def load_xml(data: bytes) -> Any:
    data = data[data.find(b"<") :]
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return etree.fromstring(_AMP.sub(b"&amp;", data), _PARSER)


def xml_of_submission(data: bytes) -> bytes:
    """The <XML> body of the submission's Form 3/4/5 document."""
    for m in re.finditer(rb"<DOCUMENT>\s*<TYPE>([^\r\n<]+)", data):
        if m.group(1).strip() in (b"3", b"4", b"5", b"3/A", b"4/A", b"5/A"):
            x0 = data.index(b"<XML>", m.end()) + 5
            return data[x0 : data.index(b"</XML>", x0)]
    raise ValueError("no ownership document")


def header_facts(data: bytes) -> dict[str, Any]:
    head = data[: data.find(b"</SEC-HEADER>")].decode("latin-1")
    # A header indented as a whole (every line alike): read it as if it were not.
    indent = re.search(r"^([ \t]*)ACCESSION NUMBER:", head, re.M)
    if indent and indent.group(1):
        head = "\n".join(line.removeprefix(indent.group(1)) for line in head.split("\n"))
    acc = re.search(r"ACCESSION NUMBER:\s*(\S+)", head)
    filed = re.search(r"FILED AS OF DATE:\s*(\d{8})", head)
    file_numbers = {}
    # Blocks by name, not by indent: a header may have lost its indentation (the whole of it alike).
    for block in re.split(r"\n(?=(?:REPORTING-OWNER|ISSUER|FILER|SUBJECT COMPANY|FILED BY):\s*\n)", head):
        if block.startswith("REPORTING-OWNER:"):
            cik = re.search(r"CENTRAL INDEX KEY:\s*(\d+)", block)
            fno = re.search(r"SEC FILE NUMBER:\s*(\S+)", block)
            if cik and fno:
                file_numbers[cik.group(1).lstrip("0")] = fno.group(1)
    return {
        "accession": acc.group(1) if acc else None,
        "filed": date(int(filed.group(1)[:4]), int(filed.group(1)[4:6]), int(filed.group(1)[6:])) if filed else None,
        "file_numbers": file_numbers,
    }


def _d(text: str) -> str:
    if not text:
        return ""
    d = date.fromisoformat(text[:10])
    return f"{d.day:02d}-{MONTHS[d.month - 1]}-{d.year:04d}"


def _t(text: str | None) -> str:
    return re.sub(r"\r\n|[\t\r\n]", " ", (text or "").strip())


def _flag(text: str) -> str:
    t = text.strip().lower()
    return {"1": "1", "true": "1", "0": "0", "false": "0"}.get(t, "")


def _first(el: Any, path: str) -> Any:
    found = el.xpath(path)
    return found[0] if found else None


def _value_text(field: Any) -> str:
    if field is None:
        return ""
    v = _first(field, "value")
    if v is not None:
        return (v.text or "").strip()
    return "".join(field.xpath("text()")).strip()


def _fns(field: Any) -> str:
    if field is None:
        return ""
    return ",".join(i.strip() for i in field.xpath("footnoteId/@id"))


def _field(row: Any, path: str, kind: str) -> list[Any]:
    f = _first(row, path)
    if f is None:
        # Lenient as the reader is (and documents): a field filed in another of the row's containers
        # (directOrIndirectOwnership under postTransactionAmounts, say) is still that field.
        leaf = path.rsplit("/", 1)[-1]
        f = _first(row, f"{leaf} | */{leaf}")
    text = _value_text(f)
    if kind == "date":
        cell: Any = _d(text)
    elif kind == "num":
        cell = Decimal(text) if text else ""
    elif kind == "code":
        cell = text.upper()
    else:
        cell = _t(text)
    return [cell, _fns(f)]


def _coding(row: Any) -> list[str]:
    c = _first(row, "transactionCoding")
    if c is None:
        return ["", "", "", ""]
    return [
        (_first(c, "transactionFormType/text()") or "").strip(),
        (_first(c, "transactionCode/text()") or "").strip().upper(),
        _flag(_first(c, "equitySwapInvolved/text()") or ""),
        _fns(c),
    ]


_AMOUNTS = "transactionAmounts/"
_POST = "postTransactionAmounts/"
_NATURE = "ownershipNature/"
_UNDER = "underlyingSecurity/"


Table = list[list[Any]]


def expected_tables(root: Any, acc: str, filed: date | None, file_numbers: dict[str, str]) -> dict[str, Table]:
    """Each table's rows as the SEC data sets would hold them (numbers as Decimals)."""

    def top(name: str) -> str:
        return (_first(root, f"{name}/text()") or "").strip()

    def issuer(name: str) -> str:
        return _t(_first(root, f"issuer/{name}/text()"))

    out: dict[str, list[list[Any]]] = {}
    out["SUBMISSION"] = [
        [
            acc,
            _d(filed.isoformat()) if filed else "",
            _d(_value_text(_first(root, "periodOfReport"))),
            _d(top("dateOfOriginalSubmission")),
            _flag(top("noSecuritiesOwned")),
            _flag(top("notSubjectToSection16")),
            _flag(top("form3HoldingsReported")),
            _flag(top("form4TransactionsReported")),
            top("documentType"),
            issuer("issuerCik"),
            issuer("issuerName"),
            issuer("issuerTradingSymbol"),
            _t("".join(root.xpath("remarks//text()"))),
            _flag(top("aff10b5One")),
        ]
    ]
    owners = []
    for o in root.xpath("reportingOwner"):
        rel = _first(o, "reportingOwnerRelationship")
        labels = []
        for tag, label in (
            ("isDirector", "Director"),
            ("isOfficer", "Officer"),
            ("isTenPercentOwner", "TenPercentOwner"),
            ("isOther", "Other"),
        ):
            if rel is not None and _flag(_first(rel, f"{tag}/text()") or "") == "1":
                labels.append(label)
        cik = _t(_first(o, "reportingOwnerId/rptOwnerCik/text()"))
        row = [acc, cik, _t(_first(o, "reportingOwnerId/rptOwnerName/text()")), ",".join(labels)]
        row += [_t(_first(o, f"reportingOwnerRelationship/{t}/text()")) for t in ("officerTitle", "otherText")]
        for t in ("Street1", "Street2", "City", "State", "ZipCode", "StateDescription"):
            row.append(_t(_first(o, f"reportingOwnerAddress/rptOwner{t}/text()")))
        row.append(file_numbers.get(cik.lstrip("0"), ""))
        owners.append(row)
    out["REPORTINGOWNER"] = owners

    def rows(path: str, spec: list[tuple[str, str] | str]) -> list[list[Any]]:
        result = []
        for sk, r in enumerate(root.xpath(path), 1):
            row: list[Any] = [acc, str(sk)]
            for item in spec:
                if item == "coding":
                    row += _coding(r)
                elif item == "formtype":
                    row += _coding(r)[0:1] + _coding(r)[3:4]
                else:
                    p, kind = item
                    row += _field(r, p, kind)
            result.append(row)
        return result

    post_nature: list[tuple[str, str] | str] = [
        (_POST + "sharesOwnedFollowingTransaction", "num"),
        (_POST + "valueOwnedFollowingTransaction", "num"),
        (_NATURE + "directOrIndirectOwnership", "code"),
        (_NATURE + "natureOfOwnership", "text"),
    ]
    under: list[tuple[str, str] | str] = [
        (_UNDER + "underlyingSecurityTitle", "text"),
        (_UNDER + "underlyingSecurityShares", "num"),
        (_UNDER + "underlyingSecurityValue", "num"),
    ]
    out["NONDERIV_TRANS"] = rows(
        "nonDerivativeTable/nonDerivativeTransaction",
        [
            ("securityTitle", "text"),
            ("transactionDate", "date"),
            ("deemedExecutionDate", "date"),
            "coding",
            ("transactionTimeliness", "code"),
            (_AMOUNTS + "transactionShares", "num"),
            (_AMOUNTS + "transactionPricePerShare", "num"),
            (_AMOUNTS + "transactionAcquiredDisposedCode", "code"),
            *post_nature,
        ],
    )
    out["NONDERIV_HOLDING"] = rows(
        "nonDerivativeTable/nonDerivativeHolding", [("securityTitle", "text"), "formtype", *post_nature]
    )
    out["DERIV_TRANS"] = rows(
        "derivativeTable/derivativeTransaction",
        [
            ("securityTitle", "text"),
            ("conversionOrExercisePrice", "num"),
            ("transactionDate", "date"),
            ("deemedExecutionDate", "date"),
            "coding",
            ("transactionTimeliness", "code"),
            (_AMOUNTS + "transactionShares", "num"),
            (_AMOUNTS + "transactionTotalValue", "num"),
            (_AMOUNTS + "transactionPricePerShare", "num"),
            (_AMOUNTS + "transactionAcquiredDisposedCode", "code"),
            ("exerciseDate", "date"),
            ("expirationDate", "date"),
            *under,
            *post_nature,
        ],
    )
    out["DERIV_HOLDING"] = rows(
        "derivativeTable/derivativeHolding",
        [
            ("securityTitle", "text"),
            ("conversionOrExercisePrice", "num"),
            "formtype",
            ("exerciseDate", "date"),
            ("expirationDate", "date"),
            *under,
            *post_nature,
        ],
    )
    out["FOOTNOTES"] = [
        [acc, (f.get("id") or "").strip(), _t("".join(f.itertext()))] for f in root.xpath("footnotes/footnote")
    ]
    out["OWNER_SIGNATURE"] = [
        [acc, _t(_first(s, "signatureName/text()")), _d((_first(s, "signatureDate/text()") or "").strip())]
        for s in root.xpath("ownerSignature")
    ]
    return out


def normalise_written(table: str, columns: tuple[str, ...], row: tuple[str, ...] | list[str]) -> list[Any]:
    """A written row with its number columns as Decimals, to compare with :func:`expected_tables`."""
    out: list[Any] = []
    for col, cell in zip(columns, row, strict=True):
        if cell and not col.endswith(("_FN", "_SK")) and col in NUMBER_COLUMNS:
            out.append(Decimal(cell))
        else:
            out.append(cell)
    return out


NUMBER_COLUMNS = frozenset(
    (
        "CONV_EXERCISE_PRICE",
        "TRANS_SHARES",
        "TRANS_TOTAL_VALUE",
        "TRANS_PRICEPERSHARE",
        "UNDLYNG_SEC_SHARES",
        "UNDLYNG_SEC_VALUE",
        "SHRS_OWND_FOLWNG_TRANS",
        "VALU_OWND_FOLWNG_TRANS",
    )
)
